"""The office's own calendar days (closures, extra working days) and due-date questions."""

from dataclasses import dataclass
from datetime import date, datetime

from kpudesk.calendar import DayStatus
from kpudesk.choices import DAY_KINDS
from kpudesk.errors import InvalidInput, NotFound, Refused
from kpudesk.models import CalendarDay
from kpudesk.services.deadlines import MovedDeadline, recompute_open_deadlines
from kpudesk.services.desk import Desk
from kpudesk.services.events import record_event
from kpudesk.services.validation import clean_text
from kpudesk.textfmt import long_date

DAY_LABELS = {"closure": "penutupan kantor", "workday": "hari kerja tambahan"}


def declare_day(desk: Desk, day: date, kind: str, reason: str) -> list[MovedDeadline]:
    """Add a closure or an extra working day, then recompute every open deadline."""
    reason = clean_text(reason, "Alasan", required=True)
    existing = desk.session.get(CalendarDay, day)
    if existing is not None:
        raise Refused(f"{long_date(day)} sudah tercatat sebagai {DAY_LABELS[existing.kind]} ({existing.reason}); "
                      f"hapus dahulu dengan: kpudesk calendar remove {day}.")
    national = desk.calendar.status(day)
    if kind == "closure" and not national.is_working:
        raise Refused(f"{long_date(day)} sudah bukan hari kerja ({national.reason or DAY_KINDS.label(national.kind.value)}); "
                      "penutupan tidak mengubah apa pun.")
    if kind == "workday" and national.is_working:
        raise Refused(f"{long_date(day)} sudah hari kerja; tidak perlu ditambahkan.")
    desk.session.add(CalendarDay(day=day, kind=kind, reason=reason, officer=desk.officer, created_at=desk.stored_now()))
    record_event(desk, f"calendar_{kind}_added", day=day, reason=reason)
    desk.session.flush()
    before = desk.reload()
    return recompute_open_deadlines(desk, f"{DAY_LABELS[kind]} {long_date(day)}: {reason}", before)


def remove_day(desk: Desk, day: date) -> list[MovedDeadline]:
    """Withdraw an office-declared day, then recompute every open deadline."""
    existing = desk.session.get(CalendarDay, day)
    if existing is None:
        raise NotFound(f"{long_date(day)} bukan hari yang ditetapkan kantor; lihat: kpudesk calendar {day.year}.")
    kind = existing.kind
    desk.session.delete(existing)  # the event below keeps the history of the declaration
    record_event(desk, f"calendar_{kind}_removed", day=day, reason=existing.reason)
    desk.session.flush()
    before = desk.reload()
    return recompute_open_deadlines(desk, f"{DAY_LABELS[kind]} {long_date(day)} dihapus", before)


@dataclass(frozen=True)
class YearDay:
    status: DayStatus
    estimated: bool
    office_declared: bool

    def as_dict(self) -> dict[str, object]:
        return {"date": self.status.day.isoformat(), "kind": self.status.kind.value, "name": self.status.reason,
                "estimated": self.estimated, "office": self.office_declared}


def year_days(desk: Desk, year: int) -> list[YearDay]:
    """The year's non-working days (and extra working days), marked estimated or office-declared."""
    if not 2000 <= year <= 2100:
        raise InvalidInput(f"Tahun {year} di luar jangkauan; gunakan 2000–2100.")
    cal = desk.calendar
    office_days = set(cal.closures) | set(cal.extra_workdays)
    return [YearDay(st, cal.is_estimated(st.day), st.day in office_days) for st in cal.non_working_days(year)]


@dataclass(frozen=True)
class DueAnswer:
    start: datetime | date
    day0: date
    working_days: int
    due: date
    days: list[DayStatus]

    def as_dict(self) -> dict[str, object]:
        start = self.start.isoformat(sep=" ", timespec="minutes") if isinstance(self.start, datetime) else self.start.isoformat()
        return {"start": start, "day0": self.day0.isoformat(), "working_days": self.working_days, "due": self.due.isoformat()}

    def counted(self) -> list[tuple[DayStatus, int | None]]:
        """Each day from day 0 to the due date with its place in the count (None: not counted)."""
        out, count = [], 0
        for status in self.days:
            place = None
            if status.is_working and status.day != self.day0:
                count += 1
                place = count
            out.append((status, place))
        return out


def due_from(desk: Desk, start: datetime, has_time: bool, n: int) -> DueAnswer:
    """Day 0 and the due date N working days after a receipt at `start` (office time)."""
    if not 0 <= n <= 366:
        raise InvalidInput(f"Jumlah hari kerja {n} di luar jangkauan; gunakan 0–366.")
    cal = desk.calendar
    day0 = cal.day_zero(start if has_time else start.date(), desk.profile.closing)
    due = cal.add_working_days(day0, n)
    return DueAnswer(start if has_time else start.date(), day0, n, due, cal.explain(day0, due))
