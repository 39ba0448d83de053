"""`kpudesk disposition …`: oral and written dispositions of a case, their receipt and follow-up."""

from typing import Annotated, Any

import typer

from kpudesk.cli.common import (AtOption, JsonOption, OfficerOption, human_date, human_time, open_desk, parse_at, print_json,
                                print_table, say)

disposition_app = typer.Typer(help="Disposisi lisan/tertulis atas perkara: beri, terima, selesaikan, daftar.",
                              no_args_is_help=True)

NumberArgument = Annotated[str, typer.Argument(help="Nomor pendaftaran perkara, mis. 001/PPID/KPU-KAB.KPG/III/2026.")]
PositionOption = Annotated[str, typer.Option("--position", help="Jabatan penerima disposisi (judul atau kunci peran).")]


def _line(row: dict[str, Any]) -> str:
    due = f"; tenggat {human_date(row['due'])}" if row["due"] else ""
    copy = ", tembusan" if row.get("copy") else ""
    return f"#{row['id']} {row['case']}: {row['from']} → {row['to']} ({row['form']}{copy}){due}"


@disposition_app.command("add")
def add(
    number: NumberArgument,
    to: Annotated[list[str], typer.Option("--to", help="Jabatan tujuan (boleh berulang), mis. Sekretaris atau head_technical.")],
    by: Annotated[str, typer.Option("--by", help="Jabatan pemberi disposisi, mis. Ketua.")],
    instruction: Annotated[str | None, typer.Option("--instruction", help="Isi/catatan disposisi (wajib bila tanpa --action).")] = None,
    copy: Annotated[list[str] | None, typer.Option("--copy", help="Tembusan untuk diketahui (boleh berulang), tanpa tenggat.")] = None,
    action: Annotated[list[str] | None, typer.Option("--action", help="Arahan lembar disposisi (boleh berulang): tanggapi-dan-saran, proses-lebih-lanjut, koordinasikan, pelajari, wakili-hadiri, pantau, arsip.")] = None,
    oral: Annotated[bool, typer.Option("--oral", help="Disposisi lisan (default: tertulis, lembar disposisi).")] = False,
    within: Annotated[int | None, typer.Option("--within", help="Tenggat tindak lanjut: N hari kerja sejak disposisi.")] = None,
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Beri disposisi atas perkara kepada satu atau beberapa jabatan.

    Contoh: kpudesk disposition add 001/PPID/KPU-KAB.KPG/III/2026 --by Ketua --to Sekretaris
    --instruction "Siapkan data DPT" --within 3
    """
    from kpudesk.services.dispositions import add_dispositions

    with open_desk(write=True, officer=officer) as desk:
        rows = add_dispositions(desk, number, to=to, by=by, instruction=instruction, oral=oral, within=within,
                                at=parse_at(at)[0], copies=copy or (), actions=action or ())
    if as_json:
        print_json(rows)
        return
    for row in rows:
        print(_line(row))


@disposition_app.command("accept")
def accept(number: NumberArgument, position: PositionOption, at: AtOption = None, officer: OfficerOption = None,
           as_json: JsonOption = False) -> None:
    """Catat bahwa disposisi telah diterima oleh jabatan yang dituju."""
    from kpudesk.services.dispositions import accept_disposition

    with open_desk(write=True, officer=officer) as desk:
        row = accept_disposition(desk, number, position=position, at=parse_at(at)[0])
    if as_json:
        print_json(row)
        return
    say(f"Disposisi #{row['id']} diterima {row['to']} pada {human_time(row['accepted_at'])}.")


@disposition_app.command("done")
def done(
    number: NumberArgument,
    position: PositionOption,
    note: Annotated[str, typer.Option("--note", help="Catatan tindak lanjut.")],
    at: AtOption = None,
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Catat bahwa disposisi telah ditindaklanjuti (yang terbaru bila ada beberapa)."""
    from kpudesk.services.dispositions import complete_disposition

    with open_desk(write=True, officer=officer) as desk:
        row = complete_disposition(desk, number, position=position, note=note, at=parse_at(at)[0])
    if as_json:
        print_json(row)
        return
    late = f", terlambat {row['late_days']} hari kerja" if row["late_days"] else ""
    say(f"Disposisi #{row['id']} selesai oleh {row['to']} pada {human_time(row['done_at'])}{late}.")


@disposition_app.command("list")
def list_dispositions(
    position: Annotated[str | None, typer.Option("--position", help="Hanya yang ditujukan kepada jabatan ini.")] = None,
    open_only: Annotated[bool, typer.Option("--open", help="Hanya yang belum selesai ditindaklanjuti.")] = False,
    case: Annotated[str | None, typer.Option("--case", help="Hanya disposisi atas perkara bernomor ini.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Daftar disposisi (terlama dahulu) dengan waktu diberi, diterima, selesai dan tenggatnya."""
    from kpudesk.services.dispositions import list_dispositions as query

    with open_desk() as desk:
        rows = query(desk, position=position, open_only=open_only, case_number=case)
    if as_json:
        print_json(rows)
        return
    print_table(None, ["#", "Perkara", "Dari → Kepada", "Disposisi", "Bentuk", "Diberi", "Diterima", "Selesai", "Tenggat"],
                [(r["id"], r["case"], f"{r['from']} → {r['to']}", r["instruction"][:60], r["form"],
                  human_time(r["created_at"]), human_time(r["accepted_at"]), human_time(r["done_at"]), human_date(r["due"]))
                 for r in rows])


def install(app: typer.Typer) -> None:
    """Register `kpudesk disposition …` on the root app."""
    app.add_typer(disposition_app, name="disposition")
