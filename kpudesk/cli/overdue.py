"""`kpudesk overdue` (cron, every morning) and `kpudesk due`."""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from kpudesk.cli.common import JsonOption, open_desk, print_json, stdout_is_terminal
from kpudesk.dates import parse_date
from kpudesk.errors import ExitStatus, InvalidInput
from kpudesk.textfmt import long_date

if TYPE_CHECKING:
    from kpudesk.cli.due_report import Section
    from kpudesk.services.deadlines import DueItem

AsOfOption = Annotated[str | None, typer.Option("--as-of", help="Tanggal acuan YYYY-MM-DD (default hari ini, waktu kantor).")]
AllOption = Annotated[bool, typer.Option("--all", help="Di terminal: tampilkan semua baris, tidak dipotong per jabatan.")]


def _collect(as_of: str | None, within: int | None) -> tuple[date, list["DueItem"], list["DueItem"]]:
    """The reference day and its (late, upcoming) clocks; raises InvalidInput on a bad --within."""
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
    return day, late, upcoming




def _report(report: Callable[[], dict[str, object]], sections: list["Section"], *, as_json: bool,
            show_all: bool) -> None:
    """The one place the form is chosen: JSON for scripts (always, even empty), tables on a
    terminal, plain lines for cron mail and pipes."""
    from kpudesk.cli.due_report import write_plain, write_tables

    if as_json:
        print_json(report())
    elif stdout_is_terminal():
        write_tables(sections, show_all)
    else:
        write_plain(sections)


def overdue(
    as_of: AsOfOption = None,
    within: Annotated[int | None, typer.Option("--within", help="Tambahkan kelompok yang jatuh tempo dalam N hari kerja ke depan.")] = None,
    as_json: JsonOption = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Keluar dengan kode 1 bila ada yang terlambat.")] = False,
    show_all: AllOption = False,
) -> None:
    """Tenggat yang terlewat, per penanggung jawab (terlama dahulu); tanpa keluaran dan kode 0 bila tidak ada.

    Di terminal: tabel ringkas per jabatan, dipotong "… dan N lainnya" (--all untuk semua).
    Di cron atau pipa: baris teks biasa, satu tenggat per baris. --json: selalu laporan lengkap.

    Untuk cron (setiap pagi kerja, surel hanya bila ada keluaran):
    30 7 * * 1-5  kpudesk overdue --within 2

    Kode keluar: 0 tidak ada yang terlambat (atau tanpa --exit-code); 1 ada yang terlambat
    dengan --exit-code; 2 masukan salah; 4 basis data tidak dapat dibuka.
    """
    from kpudesk.cli.due_report import Section

    day, late, upcoming = _collect(as_of, within)
    report = lambda: {"as_of": day.isoformat(), "overdue": [i.as_dict() for i in late],  # noqa: E731
                      "upcoming": [i.as_dict() for i in upcoming]}
    _report(report, [Section(f"Terlambat per {long_date(day)}", True, late),
                     Section(f"Jatuh tempo dalam {within} hari kerja", False, upcoming)],
            as_json=as_json, show_all=show_all)
    if exit_code and late:
        raise typer.Exit(int(ExitStatus.REFUSED))


def due(
    within: Annotated[int, typer.Option("--within", help="Jatuh tempo dalam N hari kerja ke depan (default 3).")] = 3,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
    show_all: AllOption = False,
) -> None:
    """Tenggat yang jatuh tempo dalam N hari kerja ke depan, per penanggung jawab (tanpa keluaran bila tidak ada)."""
    from kpudesk.cli.due_report import Section

    day, _, upcoming = _collect(as_of, within)
    report = lambda: {"as_of": day.isoformat(), "upcoming": [i.as_dict() for i in upcoming]}  # noqa: E731
    _report(report, [Section(f"Jatuh tempo dalam {within} hari kerja sejak {long_date(day)}", False, upcoming)],
            as_json=as_json, show_all=show_all)


def install(app: typer.Typer) -> None:
    app.command("overdue")(overdue)
    app.command("due")(due)
