"""`kpudesk calendar [YEAR]`, its office days, and `calendar due START N`."""

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from kpudesk.choices import DAY_KINDS
from kpudesk.cli.common import JsonOption, OfficerOption, open_desk, print_json, print_table, report_moves
from kpudesk.dates import parse_date, parse_local_datetime

KIND_TEXT = DAY_KINDS.labels


class CalendarGroup(TyperGroup):
    """`kpudesk calendar 2026` and `kpudesk calendar` list the year; other words are subcommands."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = ["year", *args]
        return super().parse_args(ctx, args)


calendar_app = typer.Typer(cls=CalendarGroup, help="Kalender hari kerja kantor: libur nasional, cuti bersama, hari yang ditetapkan kantor.")


@calendar_app.command("year")
def show_year(
    year: Annotated[int | None, typer.Argument(help="Tahun (default tahun ini).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Hari libur dan cuti bersama setahun; (perkiraan) = tanggal yang masih diperkirakan."""
    from kpudesk.services.calendar_days import year_days

    with open_desk() as desk:
        days = year_days(desk, year or desk.today().year)
    if as_json:
        print_json([d.as_dict() for d in days])
        return
    from kpudesk.textfmt import long_date

    print_table(None, ["Tanggal", "Jenis", "Keterangan", "Tanda"],
                [(long_date(d.status.day), KIND_TEXT[d.status.kind.value], d.status.reason,
                  ", ".join(m for m, on in (("perkiraan", d.estimated), ("ditetapkan kantor", d.office_declared)) if on))
                 for d in days])


def _declare(kind: str, day: str, reason: str, officer: str | None, as_json: bool) -> None:
    from kpudesk.services.calendar_days import declare_day

    with open_desk(write=True, officer=officer) as desk:
        moved = declare_day(desk, parse_date(day), kind, reason)
    report_moves(moved, as_json)


@calendar_app.command("add-closure")
def add_closure(
    day: Annotated[str, typer.Argument(metavar="DATE", help="Tanggal YYYY-MM-DD.")],
    reason: Annotated[str, typer.Argument(help="Alasan, mis. 'Libur Pilkada (Keppres …)'.")],
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Tetapkan hari kantor tutup; cetak tenggat yang bergeser (lama → baru)."""
    _declare("closure", day, reason, officer, as_json)


@calendar_app.command("add-workday")
def add_workday(
    day: Annotated[str, typer.Argument(metavar="DATE", help="Tanggal YYYY-MM-DD.")],
    reason: Annotated[str, typer.Argument(help="Alasan, mis. 'Sabtu masuk: tahapan pemilu'.")],
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Tetapkan hari libur sebagai hari kerja; cetak tenggat yang bergeser."""
    _declare("workday", day, reason, officer, as_json)


@calendar_app.command("remove")
def remove(
    day: Annotated[str, typer.Argument(metavar="DATE", help="Tanggal YYYY-MM-DD yang pernah ditetapkan kantor.")],
    officer: OfficerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Hapus penetapan kantor atas satu tanggal; cetak tenggat yang bergeser."""
    from kpudesk.services.calendar_days import remove_day

    with open_desk(write=True, officer=officer) as desk:
        moved = remove_day(desk, parse_date(day))
    report_moves(moved, as_json)


@calendar_app.command("due")
def due(
    start: Annotated[str, typer.Argument(help="Diterima: 'YYYY-MM-DD' atau 'YYYY-MM-DD HH:MM' (waktu kantor).")],
    n: Annotated[int, typer.Argument(metavar="N", help="Jumlah hari kerja.")],
    explain: Annotated[bool, typer.Option("--explain", help="Rinci setiap hari: dihitung atau dilewati, dan alasannya.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Hitung tenggat: hari ke-0 dan hari kerja ke-N sesudahnya.

    Contoh: kpudesk calendar due "2026-03-16 15:30" 10 --explain
    """
    from kpudesk.services.calendar_days import due_from

    moment, has_time = parse_local_datetime(start, "waktu diterima")
    with open_desk() as desk:
        answer = due_from(desk, moment, has_time, n)
    if as_json:
        data = answer.as_dict()
        if explain:
            data["days"] = [{"date": d.day.isoformat(), "counted": place is not None, "kind": d.kind.value,
                             "reason": d.reason} for d, place in answer.counted()]
        print_json(data)
        return
    from kpudesk.textfmt import long_date

    if explain:
        rows = []
        for d, place in answer.counted():
            if d.day == answer.day0:
                rows.append((long_date(d.day), "hari ke-0", ""))
            elif place is not None:
                rows.append((long_date(d.day), f"dihitung ({place})", KIND_TEXT[d.kind.value] if d.kind.value != "working" else ""))
            else:
                rows.append((long_date(d.day), "dilewati", f"{KIND_TEXT[d.kind.value]}: {d.reason}"))
        print_table(None, ["Tanggal", "Hitungan", "Alasan"], rows)
    print(f"Hari ke-0: {long_date(answer.day0)}; tenggat {n} hari kerja: {long_date(answer.due)}")


def install(app: typer.Typer) -> None:
    app.add_typer(calendar_app, name="calendar")
