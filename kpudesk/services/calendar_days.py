"""The office's own calendar days (closures, extra working days) and due-date questions."""

from dataclasses import dataclass
from datetime import date, datetime

from kpudesk.calendar import DayStatus, DurationUnit, OfficeDuration, OfficeStretch, parse_office_duration
from kpudesk.choices import DAY_KINDS
from kpudesk.errors import InvalidInput, NotFound, Refused
from kpudesk.models import CalendarDay
from kpudesk.services.deadlines import MovedDeadline, recompute_open_deadlines
from kpudesk.services.desk import Desk
from kpudesk.services.events import record_event
from kpudesk.services.validation import clean_text
from kpudesk.textfmt import long_date

DAY_LABELS = {"closure": "penutupan kantor", "workday": "hari kerja tambahan"}
MAX_WORKING_DAYS = 366
# 1000 office hours is about 140 working days: far beyond any SOP time standard in minutes or hours.
MAX_OFFICE_MINUTES = 60_000
UNIT_WORDS = {DurationUnit.MINUTES: "menit", DurationUnit.HOURS: "jam", DurationUnit.WORKING_DAYS: "hari kerja"}


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
    if not 0 <= n <= MAX_WORKING_DAYS:
        raise InvalidInput(f"Jumlah hari kerja {n} di luar jangkauan; gunakan 0–{MAX_WORKING_DAYS}.")
    cal = desk.calendar
    day0 = cal.day_zero(start if has_time else start.date(), desk.profile.closing)
    due = cal.add_working_days(day0, n)
    return DueAnswer(start if has_time else start.date(), day0, n, due, cal.explain(day0, due))


@dataclass(frozen=True)
class OfficeDueAnswer:
    """A due moment in office time: where counting began, where it ends, and every stretch between."""

    start: datetime
    duration: OfficeDuration
    begins: datetime
    due: datetime
    zone: str
    stretches: list[OfficeStretch]

    def as_dict(self) -> dict[str, object]:
        return {"start": _minute(self.start), "amount": self.duration.amount, "unit": self.duration.unit.value,
                "office_minutes": self.duration.minutes, "begins": _minute(self.begins), "due": _minute(self.due),
                "zone": self.zone}

    def stretches_as_dicts(self) -> list[dict[str, object]]:
        """Each stretch as JSON: its span, kind, reason and the office minutes it counted (0 if skipped)."""
        return [{"start": _minute(s.start), "end": _minute(s.end), "kind": s.kind.value, "reason": s.reason,
                 "counted_minutes": s.minutes if s.counted else 0} for s in self.stretches]


def _minute(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="minutes")


def parse_due_amount(text: str) -> OfficeDuration:
    """`calendar due`'s N: working days ('10', '1d') or office time ('10m', '2h'), range-checked;
    raises InvalidInput naming what is accepted."""
    try:
        duration = parse_office_duration(text)
    except ValueError:
        shown = text if len(text) <= 30 else f"{text[:30]}…"
        raise InvalidInput(f"Nilai untuk N harus bilangan bulat hari kerja, atau waktu kantor seperti 10m (menit), "
                           f"2h (jam), 1d (hari kerja); bukan '{shown}'.") from None
    if duration.is_office_time and not 0 <= duration.minutes <= MAX_OFFICE_MINUTES:
        limit = MAX_OFFICE_MINUTES if duration.unit is DurationUnit.MINUTES else MAX_OFFICE_MINUTES // 60
        raise InvalidInput(f"Jumlah {UNIT_WORDS[duration.unit]} {duration.amount} di luar jangkauan; gunakan 0–{limit}.")
    return duration


def office_due_from(desk: Desk, start: datetime, duration: OfficeDuration) -> OfficeDueAnswer:
    """The moment an office-time duration started at `start` (office time, to the minute) falls due."""
    start = start.replace(second=0, microsecond=0)
    cal, hours = desk.calendar, desk.profile.office_hours
    begins = cal.next_office_moment(start, hours)
    due = cal.add_office_minutes(start, duration.minutes, hours)
    return OfficeDueAnswer(start, duration, begins, due, desk.profile.zone_label,
                           cal.explain_office_time(start, due, hours))


def answer_due(desk: Desk, start: datetime, has_time: bool, amount: OfficeDuration) -> DueAnswer | OfficeDueAnswer:
    """`calendar due`: the N-th working day after day 0, or the due moment of minutes/hours of office time."""
    if not 2000 <= start.year <= 2100:  # the calendar's range, as for `kpudesk calendar YEAR`
        raise InvalidInput(f"Tanggal {start:%Y-%m-%d} di luar jangkauan; gunakan tahun 2000–2100.")
    if amount.is_office_time:
        return office_due_from(desk, start, amount)
    return due_from(desk, start, has_time, amount.amount)
