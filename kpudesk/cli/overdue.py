"""`kpudesk overdue` (cron, every morning) and `kpudesk due`."""

from typing import TYPE_CHECKING, Annotated

import typer

from kpudesk.cli.common import JsonOption, open_desk, print_json, print_table
from kpudesk.dates import parse_date
from kpudesk.errors import ExitStatus, InvalidInput

if TYPE_CHECKING:
    from kpudesk.services.deadlines import DueItem

AsOfOption = Annotated[str | None, typer.Option("--as-of", help="Tanggal acuan YYYY-MM-DD (default hari ini, waktu kantor).")]


def _collect(as_of: str | None, within: int | None) -> tuple[str, list["DueItem"], list["DueItem"]]:
    from kpudesk.services.deadlines import due_items
    from kpudesk.services.duties import duty_items

    if within is not None and not 0 <= within <= 366:
        raise InvalidInput(f"--within {within} di luar jangkauan; gunakan 0–366 hari kerja.")
    day = parse_date(as_of, "--as-of") if as_of else None
    with open_desk() as desk:
        day = day or desk.today()
        late, upcoming = due_items(desk, day, within)
        office_late, office_upcoming = duty_items(desk, day, within)  # the yearly report and the DIP renewal
    late = sorted(late + office_late, key=lambda item: item.due)
    upcoming = sorted(upcoming + office_upcoming, key=lambda item: item.due)
    return day.isoformat(), late, upcoming


def _render(title: str, items: list["DueItem"], late: bool) -> None:
    head = "Terlambat" if late else "Sisa"
    print_table(title, ["Nomor", "Tenggat", "Jatuh tempo", head, "Penanggung jawab", "Perihal"],
                [(i.number, i.label, (i.due_at.strftime("%Y-%m-%d %H:%M") if i.due_at else i.due.isoformat()),
                  f"{i.days} {'menit' if i.unit == 'minutes' else 'HK' if i.working_days else 'hari'}",
                  i.responsible, i.subject) for i in items],
                styles=("bold red" if late else "yellow",))


def overdue(
    as_of: AsOfOption = None,
    within: Annotated[int | None, typer.Option("--within", help="Tambahkan kelompok yang jatuh tempo dalam N hari kerja ke depan.")] = None,
    as_json: JsonOption = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Keluar dengan kode 1 bila ada yang terlambat.")] = False,
) -> None:
    """Tenggat yang terlewat (terlama dahulu); tanpa keluaran dan kode 0 bila tidak ada (--json: daftar kosong).

    Untuk cron (setiap pagi kerja, surel hanya bila ada keluaran):
    30 7 * * 1-5  kpudesk overdue --within 2

    Kode keluar: 0 tidak ada yang terlambat (atau tanpa --exit-code); 1 ada yang terlambat
    dengan --exit-code; 2 masukan salah; 4 basis data tidak dapat dibuka.
    """
    day, late, upcoming = _collect(as_of, within)
    if as_json:  # scripts always get valid JSON, with empty lists when nothing is due
        print_json({"as_of": day, "overdue": [i.as_dict() for i in late], "upcoming": [i.as_dict() for i in upcoming]})
    else:
        if late:
            _render(f"Terlambat per {day}: {len(late)} tenggat", late, True)
        if upcoming:
            _render(f"Jatuh tempo dalam {within} hari kerja: {len(upcoming)} tenggat", upcoming, False)
    if exit_code and late:
        raise typer.Exit(int(ExitStatus.REFUSED))


def due(
    within: Annotated[int, typer.Option("--within", help="Jatuh tempo dalam N hari kerja ke depan (default 3).")] = 3,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Tenggat yang jatuh tempo dalam N hari kerja ke depan (tanpa keluaran bila tidak ada)."""
    day, _, upcoming = _collect(as_of, within)
    if as_json:
        print_json({"as_of": day, "upcoming": [i.as_dict() for i in upcoming]})
    elif upcoming:
        _render(f"Jatuh tempo dalam {within} hari kerja sejak {day}: {len(upcoming)} tenggat", upcoming, False)


def install(app: typer.Typer) -> None:
    app.command("overdue")(overdue)
    app.command("due")(due)
