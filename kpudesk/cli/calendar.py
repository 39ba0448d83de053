"""`kpudesk calendar [YEAR]`, its office days, and `calendar due START N`."""

from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from kpudesk.choices import DAY_KINDS
from kpudesk.cli.common import JsonOption, OfficerOption, open_desk, print_json, print_table, report_moves
from kpudesk.dates import parse_date, parse_local_datetime

if TYPE_CHECKING:
    from datetime import datetime

    from kpudesk.services.calendar_days import DueAnswer, OfficeDueAnswer

KIND_TEXT = {**DAY_KINDS.labels, "break": "istirahat", "after_hours": "di luar jam kerja"}


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
    start: Annotated[str, typer.Argument(help="Diterima/mulai: 'YYYY-MM-DD' atau 'YYYY-MM-DD HH:MM' (waktu kantor).")],
    amount: Annotated[str, typer.Argument(metavar="N", help="Hari kerja: 10 atau 10d; waktu kantor: 10m (menit), 2h (jam).")],
    explain: Annotated[bool, typer.Option("--explain", help="Rinci setiap hari atau jam: dihitung atau dilewati, dan alasannya.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Hitung tenggat: hari kerja ke-N sesudah hari ke-0, atau saat jatuh tempo dalam waktu kantor.

    Contoh: kpudesk calendar due "2026-03-16 15:30" 10 --explain;
    kpudesk calendar due "2026-03-16 15:55" 10m (jam istirahat, malam dan hari libur dilewati)
    """
    from kpudesk.services.calendar_days import DueAnswer, answer_due, parse_due_amount

    moment, has_time = parse_local_datetime(start, "tanggal mulai")
    duration = parse_due_amount(amount)
    with open_desk() as desk:
        answer = answer_due(desk, moment, has_time, duration)
    if isinstance(answer, DueAnswer):
        _render_days(answer, explain, as_json)
    else:
        _render_office_time(answer, explain, as_json)


def _render_days(answer: "DueAnswer", explain: bool, as_json: bool) -> None:
    """Day 0 and the due date; with --explain every day between, counted or skipped."""
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
    print(f"Hari ke-0: {long_date(answer.day0)}; tenggat {answer.working_days} hari kerja: {long_date(answer.due)}")


def _render_office_time(answer: "OfficeDueAnswer", explain: bool, as_json: bool) -> None:
    """The moment counting begins and the due moment; with --explain every stretch between."""
    if as_json:
        data = answer.as_dict()
        if explain:
            data["stretches"] = answer.stretches_as_dicts()
        print_json(data)
        return
    from kpudesk.services.calendar_days import UNIT_WORDS
    from kpudesk.textfmt import long_datetime

    if explain:
        rows = [(_span(s.start, s.end), f"dihitung {s.minutes} menit" if s.counted else "dilewati",
                 _stretch_reason(s.kind.value, s.reason)) for s in answer.stretches]
        print_table(None, ["Waktu", "Hitungan", "Alasan"], rows)
    unit = UNIT_WORDS[answer.duration.unit]
    print(f"Mulai dihitung: {long_datetime(answer.begins, answer.zone)}; "
          f"tenggat {answer.duration.amount} {unit} kerja: {long_datetime(answer.due, answer.zone)}")


def _stretch_reason(kind: str, reason: str) -> str:
    """'istirahat', 'di luar jam kerja', 'libur nasional: Hari Suci Nyepi', '' for office time."""
    if kind == "office":
        return ""
    return f"{KIND_TEXT[kind]}: {reason}" if reason else KIND_TEXT[kind]


def _span(begin: "datetime", end: "datetime") -> str:
    """'Senin, 16 Maret 2026 15.55–16.00'; whole days as dates; else both moments in full."""
    from datetime import time, timedelta

    from kpudesk.textfmt import long_date, long_datetime

    midnight = time()
    if begin.time() == midnight and end.time() == midnight:
        last = end.date() - timedelta(days=1)
        return long_date(last) if last == begin.date() else f"{long_date(begin.date())} – {long_date(last)}"
    if begin.date() == end.date() or (end.time() == midnight and end.date() - begin.date() == timedelta(days=1)):
        finish = "24.00" if end.time() == midnight else f"{end:%H.%M}"
        return f"{long_date(begin.date())} {begin:%H.%M}–{finish}"
    return f"{long_datetime(begin)} – {long_datetime(end)}"


def install(app: typer.Typer) -> None:
    app.add_typer(calendar_app, name="calendar")
