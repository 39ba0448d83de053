"""`kpudesk show` and `kpudesk list`."""

from typing import Annotated, Any

import typer

from kpudesk.cli.common import CsvOption, JsonOption, UnmaskOption, open_desk, print_csv, print_json, print_table, stdout_console
from kpudesk.labels import DEADLINE_STATUS_LABELS, EVENT_LABELS, STATUS_LABELS, kind_label, label

LIST_COLUMNS = ["number", "kind", "status", "profile", "received_at", "name", "phone", "info", "next_due", "overdue"]

FIELD_LABELS = {
    "name": "Nama", "address": "Alamat", "phone": "Telepon", "email": "E-mail", "occupation": "Pekerjaan",
    "id_type": "Jenis identitas", "id_number": "Nomor identitas", "channel": "Cara permohonan",
    "info": "Informasi yang diminta", "purpose": "Tujuan", "obtain": "Cara memperoleh", "format": "Bentuk",
    "delivery": "Cara mendapatkan salinan", "reason": "Alasan", "at": "Waktu", "late": "Terlambat",
    "decision": "Keputusan", "decision_label": "Arti keputusan", "exemptions": "Pasal 17 huruf",
    "exemption_test": "Uji konsekuensi", "form": "Bentuk informasi", "via": "Cara penyampaian", "costs": "Biaya",
    "late_days": "Hari terlambat", "holder": "Badan publik yang menguasai", "provide_within": "Disediakan dalam (HK)",
    "payment": "Cara pembayaran", "received_by": "Diterima oleh", "expedition": "Nomor ekspedisi",
    "grounds": "Alasan keberatan", "case_position": "Kasus posisi", "proxy": "Kuasa", "filing": "Pengajuan",
    "answer": "Tanggapan Atasan PPID", "reaction": "Tanggapan pemohon", "dispute": "Sengketa", "result": "Hasil",
    "basis": "Dasar", "decided_at": "Diputuskan", "request": "Permohonan",
}


def show(
    number: Annotated[str, typer.Argument(help="Nomor pendaftaran, mis. 001/PPID/KPU-KAB.KPG/XI/2026.")],
    unmask: UnmaskOption = False,
    as_json: JsonOption = False,
) -> None:
    """Tampilkan satu perkara: isian, tenggat (sisa/terlambat hari kerja) dan riwayat."""
    from kpudesk.services.cases import case_story

    with open_desk() as desk:
        story = case_story(desk, number, unmask=unmask)
    if as_json:
        print_json(story)
        return
    _render_story(story)


SECTION_TITLES = {
    "form": "Isian",
    "request": "Isian permohonan", "extension": "Perpanjangan", "notice": "Pemberitahuan tertulis",
    "delivery": "Penyerahan informasi", "objection": "Keberatan", "exemption": "Uji konsekuensi",
    "objections": "Keberatan atas permohonan ini", "exemptions": "Uji konsekuensi atas permohonan ini",
    "dispositions": "Disposisi", "expedition": "Buku ekspedisi", "parent": "Perkara induk", "related": "Perkara terkait",
    "problems": "Permasalahan dan jawaban", "participants": "Peserta rapat",
}


def _render_story(story: dict[str, Any]) -> None:
    out = stdout_console()
    out.print(f"{story['number']} — {kind_label(story['kind'])}, "
              f"{label(STATUS_LABELS, story['status'])}")
    out.print(f"Diterima {story['received_at'].replace('T', ' ')} · hari ke-0 {story['day0']} · profil {story['profile']}")
    if story.get("void_reason"):
        out.print(f"Alasan pembatalan: {story['void_reason']}")
    for key, title in SECTION_TITLES.items():
        if story.get(key):
            out.print(f"\n{title}", style="bold")
            for line in _section_lines(story[key], _form_labels(story["kind"]) if key == "form" else FIELD_LABELS):
                out.print(f"  {line}")
    if story.get("steps"):
        _render_steps(story)
    rows = []
    for d in story["deadlines"]:
        standing = (f"terlambat {d['late_days']} hari" if d["late_days"] else
                    f"sisa {d['days_left']} hari" if d.get("days_left") is not None else "")
        rows.append((d["label"], d["due"], f"{d['amount']} {({'working_days': 'HK', 'minutes': 'menit'}).get(d['unit'], 'hari')}",
                     label(DEADLINE_STATUS_LABELS, d["status"]), standing, d["responsible"], d["basis"]))
    print_table("Tenggat", ["Tenggat", "Jatuh tempo", "Lama", "Status", "Keadaan", "Penanggung jawab", "Dasar"], rows)
    events = [(e["at"].replace("T", " "), e["recorded_at"].replace("T", " "), e["officer"], label(EVENT_LABELS, e["action"]), _detail_text(e["detail"]))
              for e in story["events"]]
    print_table("Riwayat", ["Waktu", "Dicatat", "Petugas", "Peristiwa", "Rincian"], events)


def _render_steps(story: dict[str, Any]) -> None:
    """The SOP steps done (when, by whom, within standard or how late) and those that may follow."""
    from kpudesk.cli.steps import late_text

    print_table("Langkah SOP", ["No", "Langkah", "Selesai", "Oleh", "Mutu baku", "Batas", "Keadaan", "Versi SOP"],
                [(s["no"], s["label"], s["done_at"].replace("T", " "), s["by"], s["standard"],
                  (s["due_at"] or s["due"] or "").replace("T", " "), late_text(s), s["sop_version"]) for s in story["steps"]])
    for s in story.get("next_steps", []):
        optional = " (bila perlu)" if s["optional"] else ""
        stdout_console().print(f"  Berikutnya: {s['no']} {s['step']} — {s['label']}{optional}; {s['responsible']}, {s['standard']}")


def _form_labels(kind: str) -> dict[str, str]:
    from kpudesk import kinds

    spec = kinds.find_kind(kind)
    return {f.name: f.label for f in spec.fields} if spec else {}


def _section_lines(value: Any, labels: dict[str, str]) -> list[str]:
    """A section of `show` as lines: 'Label  value' for a record, one line per item for a list."""
    if isinstance(value, list):
        return [_flat(item) for item in value]
    if isinstance(value, dict):
        return [f"{labels.get(k, k):<26} {_flat(v)}" for k, v in value.items() if v not in ("", None, [], {})]
    return [str(value)]


def _flat(value: Any) -> str:
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_flat(v)}" for k, v in value.items() if v not in ("", None, [], {}))
    if isinstance(value, list):
        return ", ".join(_flat(v) for v in value)
    return str(value)


def _detail_text(detail: dict[str, Any]) -> str:
    return "; ".join(f"{k}={_flat(v)}" for k, v in detail.items() if v not in ("", None, [], {}))


def list_cases(
    status: Annotated[str | None, typer.Option("--status", help="registered | extended | decided | closed | answered | disputed | withdrawn | void.")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Tahun pendaftaran.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="request | objection | exemption.")] = None,
    search: Annotated[str | None, typer.Option("--search", help="Cari pada nomor, nama, informasi, tujuan.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Hanya yang tenggatnya terlewat.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="Paling banyak sekian baris (default 100).")] = 100,
    unmask: UnmaskOption = False,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Daftar perkara, terbaru dahulu, dengan tenggat terdekat."""
    from kpudesk.services.cases import ListFilter
    from kpudesk.services.cases import list_cases as query

    with open_desk() as desk:
        rows = query(desk, ListFilter(status, year, kind, search, overdue, limit), unmask=unmask)
    if as_json:
        print_json(rows)
    elif as_csv:
        print_csv(rows, LIST_COLUMNS)
    else:
        print_table(None, ["Nomor", "Jenis", "Status", "Diterima", "Nama", "Informasi", "Tenggat"],
                    [(r["number"], kind_label(r["kind"]), label(STATUS_LABELS, r["status"]), r["received_at"],
                      r["name"], r["info"][:60], (r["next_due"] or "") + (" (terlambat)" if r["overdue"] else ""))
                     for r in rows])


def install(app: typer.Typer) -> None:
    app.command("show")(show)
    app.command("list")(list_cases)
