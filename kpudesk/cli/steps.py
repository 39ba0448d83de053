"""`kpudesk step` (record a step of an SOP-driven case) and `kpudesk sop list|show|load`."""

from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from kpudesk.cli.common import AtOption, JsonOption, OfficerOption, open_desk, parse_at, print_json, print_table, say, stdout_console

sop_app = typer.Typer(help="SOP langkah (mutu baku): lihat, tampilkan, muat revisi kantor.", no_args_is_help=True)


def due_text(clock: dict[str, Any], zone: str) -> str:
    """'Senin, 16 Maret 2026 pukul 08.35 WITA' for a moment, the long date for a day."""
    from kpudesk.textfmt import long_date

    if clock.get("due_at"):
        moment = datetime.fromisoformat(str(clock["due_at"]))
        return f"{long_date(moment.date())} pukul {moment:%H.%M} {zone}".rstrip()
    return long_date(datetime.fromisoformat(str(clock["due"])).date()) if clock.get("due") else "—"


def clock_line(clock: dict[str, Any], zone: str) -> str:
    return f"{clock['label']} — {clock['responsible']}, paling lambat {due_text(clock, zone)}"


def step(
    number: Annotated[str, typer.Argument(metavar="NOMOR", help="Nomor perkara (surat masuk, tamu, pengaduan, …).")],
    step_code: Annotated[str, typer.Argument(metavar="LANGKAH", help="Kode atau nomor langkah SOP (lihat: kpudesk sop show JENIS).")],
    at: AtOption = None,
    by: Annotated[str | None, typer.Option("--by", help="Siapa yang mengerjakan (default: petugas yang mencatat).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Catatan langkah.")] = None,
    document: Annotated[str | None, typer.Option("--document", help="Dokumen keluaran (mis. nomor surat jawaban).")] = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat satu langkah SOP sebuah perkara; cetak keterlambatannya dan langkah berikutnya.

    Contoh: kpudesk step 001/DUMAS/KPU-KAB.KPG/XI/2026 analysis --note "Perlu klarifikasi PPK"
    """
    from kpudesk.services.cases import deadline_dict
    from kpudesk.services.steps import record_step, step_dict

    moment, has_time = parse_at(at)
    with open_desk(write=True, officer=officer) as desk:
        result = record_step(desk, number, step_code, at=moment, has_time=has_time, by=by, note=note, document=document)
        payload = {"number": result.case.number, "status": result.case.status, "step": step_dict(desk, result.step),
                   "closed": result.closed, "expedition": result.expedition,
                   "next": [deadline_dict(desk, d, desk.today()) for d in result.next_clocks]}
        zone = desk.profile.zone_label
    if as_json:
        print_json(payload)
        return
    _print_step(payload, zone)


def _print_step(payload: dict[str, Any], zone: str) -> None:
    done = payload["step"]
    out = stdout_console()
    from kpudesk.presentation import late_text

    out.print(f"{payload['number']}: langkah {done['no']} dicatat — {done['label']} ({late_text(done)})")
    if payload["expedition"]:
        out.print(f"Buku ekspedisi    : {payload['expedition']}")
    if payload["closed"]:
        out.print("Perkara selesai.")
    for clock in payload["next"]:
        out.print(f"Berikutnya        : {clock_line(clock, zone)}")


def sop_list(as_json: JsonOption = False) -> None:
    """Daftar SOP langkah yang berlaku, per jenis perkara."""
    from kpudesk.services.sops import list_revisions

    with open_desk() as desk:
        rows = list_revisions(desk)
    if as_json:
        print_json(rows)
        return
    print_table(None, ["Jenis", "SOP", "Versi", "Jumlah versi", "Langkah", "Dasar"],
                [(r["kind"], r["title"], r["version"] or "bawaan", r["versions"], r["steps"], r["decree"]) for r in rows])


def sop_show(
    kind: Annotated[str, typer.Argument(help="Jenis perkara: letter (surat), visit (tamu), complaint (pengaduan), …")],
    version: Annotated[int | None, typer.Option("--version", help="Versi lama yang ingin dilihat (1, 2, …).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Tampilkan tabel langkah SOP sebagaimana keputusannya: pelaksana, mutu baku waktu, keluaran."""
    from kpudesk.services.sops import current_revision, revision, step_kind

    with open_desk() as desk:
        code = step_kind(kind).code
        rev = revision(desk, code, version) if version is not None else current_revision(desk, code)
        rows = [_step_row(desk, s) for s in rev.flow.steps]
    if as_json:
        print_json({"kind": rev.kind, "version": rev.version, "title": rev.flow.title, "decree": rev.flow.decree,
                    "steps": rows})
        return
    title = f"{rev.flow.title} — versi {rev.version or 'bawaan'} ({rev.flow.decree})"
    print_table(title, ["No", "Kode", "Kegiatan", "Pelaksana", "Mutu baku", "Keluaran", "Keterangan"],
                [(r["no"], r["code"], r["label"], r["who"], r["standard"], ", ".join(r["outputs"]), r["remarks"]) for r in rows])


def _step_row(desk: Any, s: Any) -> dict[str, Any]:
    remarks = [text for flag, text in ((s.optional, "bila perlu"), (s.alternative, f"alternatif '{s.alternative}'"),
                                        (s.ends, "langkah akhir"), (s.expedition, "buku ekspedisi")) if flag]
    return {"no": s.no, "code": s.code, "label": s.label, "who": desk.profile.role(s.who), "role": s.who,
            "standard": s.standard.describe(), "outputs": list(s.outputs), "after": list(s.after),
            "optional": s.optional, "alternative": s.alternative, "ends": s.ends, "remarks": "; ".join(remarks)}


def sop_load(
    file: Annotated[Path, typer.Argument(help="Berkas SOP (TOML), mis. salinan kpudesk/sop/dumas.toml yang diubah.")],
    officer: OfficerOption = None,
) -> None:
    """Muat revisi SOP kantor; berlaku untuk langkah yang belum dikerjakan (perkara berjalan tetap)."""
    from kpudesk.errors import InvalidInput
    from kpudesk.services.steps import load_sop

    try:
        source = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "bukan teks UTF-8"
        raise InvalidInput(f"Berkas SOP {file} tidak dapat dibaca: {reason}.") from None
    with open_desk(write=True, officer=officer) as desk:
        loaded = load_sop(desk, source)
        lines = [f"SOP {r.kind} versi {r.version} dimuat: {r.flow.title} ({len(r.flow.steps)} langkah)." for r in loaded]
    for line in lines:
        say(line)


def install(app: typer.Typer) -> None:
    app.command("step")(step)
    sop_app.command("list")(sop_list)
    sop_app.command("show")(sop_show)
    sop_app.command("load")(sop_load)
    app.add_typer(sop_app, name="sop")
