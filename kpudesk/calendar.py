"""Working-day arithmetic for an office: pure, no database, no clock, no terminal.

A working day (hari kerja) is a day that is not a weekend day, not a national holiday,
not a cuti bersama day (unless the office counts those as working days) and not a closure
the office declared; an office may also declare an otherwise free day a working day.
Day 0 is the day of receipt; a deadline of N working days is the N-th working day after it.

Office time (SOP time standards in minutes and hours) counts only the minutes inside office hours
on working days, skipping the break; see `WorkCalendar.add_office_minutes` for the boundaries.
"""

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import Enum

from kpudesk.choices import WEEKDAYS

WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The reason shown for a weekend day in `calendar due --explain` (user-facing, so Indonesian).
WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


class DayKind(str, Enum):
    """Why a day is (not) a working day; values are stable codes used in JSON output."""

    WORKING = "working"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # libur nasional
    COLLECTIVE_LEAVE = "collective_leave"  # cuti bersama
    CLOSURE = "closure"  # declared by the office
    EXTRA_WORKDAY = "extra_workday"  # declared by the office


@dataclass(frozen=True)
class Holiday:
    """One day of the national calendar, as the `holidays` package gives it."""

    day: date
    name: str
    collective_leave: bool = False
    estimated: bool = False


@dataclass(frozen=True)
class DayStatus:
    """A day's standing: whether it counts, and the reason (holiday name, closure reason)."""

    day: date
    kind: DayKind
    reason: str = ""

    @property
    def is_working(self) -> bool:
        return self.kind in (DayKind.WORKING, DayKind.EXTRA_WORKDAY)


HolidaySource = Callable[[int], Iterable[Holiday]]


@dataclass(frozen=True)
class OfficeHours:
    """The office's opening and closing time and its break (both None: no break), in office time."""

    opening: time
    closing: time
    break_start: time | None = None
    break_end: time | None = None

    def __post_init__(self) -> None:
        # Messages reach the officer (wrapped by the service), so they are in Indonesian.
        if not self.opening < self.closing:
            raise ValueError(f"jam tutup {self.closing:%H:%M} harus setelah jam buka {self.opening:%H:%M}")
        if (self.break_start is None) != (self.break_end is None):
            raise ValueError("jam istirahat perlu jam mulai dan jam selesai, atau tidak ada sama sekali")
        if self.break_start is not None and self.break_end is not None and not (
                self.opening < self.break_start < self.break_end < self.closing):
            raise ValueError(f"jam istirahat {self.break_start:%H:%M}-{self.break_end:%H:%M} harus di dalam "
                             f"jam kerja {self.opening:%H:%M}-{self.closing:%H:%M}")

    def intervals(self) -> tuple[tuple[time, time], ...]:
        """The office intervals of a working day, in order: (opening, break start), (break end, closing)."""
        if self.break_start is None or self.break_end is None:
            return ((self.opening, self.closing),)
        return ((self.opening, self.break_start), (self.break_end, self.closing))

    @property
    def day_length(self) -> timedelta:
        """The office time of one working day (opening to closing, less the break)."""
        return sum((datetime.combine(date.min, b) - datetime.combine(date.min, a) for a, b in self.intervals()),
                   timedelta())


class StretchKind(str, Enum):
    """What a stretch of time is in an office-time count; values are stable codes used in JSON output."""

    OFFICE = "office"  # counted
    BREAK = "break"
    AFTER_HOURS = "after_hours"  # before opening or after closing on a working day
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    COLLECTIVE_LEAVE = "collective_leave"
    CLOSURE = "closure"


@dataclass(frozen=True)
class OfficeStretch:
    """A stretch of office-local time from `start` to `end`: counted office time, or skipped and why."""

    start: datetime
    end: datetime
    kind: StretchKind
    reason: str = ""  # holiday name, closure reason or weekday name, for whole non-working days

    @property
    def counted(self) -> bool:
        return self.kind is StretchKind.OFFICE

    @property
    def minutes(self) -> int:
        """The stretch's length in whole minutes."""
        return int((self.end - self.start).total_seconds()) // 60


class DurationUnit(str, Enum):
    MINUTES = "minutes"
    HOURS = "hours"  # 60 office minutes each
    WORKING_DAYS = "working_days"  # the legal count


@dataclass(frozen=True)
class OfficeDuration:
    """An amount of office time as typed: minutes, hours, or working days."""

    amount: int
    unit: DurationUnit

    @property
    def is_office_time(self) -> bool:
        return self.unit is not DurationUnit.WORKING_DAYS

    @property
    def minutes(self) -> int:
        """The amount in office minutes (only for minutes and hours)."""
        if self.unit is DurationUnit.WORKING_DAYS:
            raise ValueError("working days are not a number of office minutes")
        return self.amount * 60 if self.unit is DurationUnit.HOURS else self.amount


_DURATION = re.compile(r"^([+-]?\d{1,9})\s*([mhd]?)$", re.IGNORECASE)
_DURATION_UNITS = {"m": DurationUnit.MINUTES, "h": DurationUnit.HOURS, "d": DurationUnit.WORKING_DAYS,
                   "": DurationUnit.WORKING_DAYS}


def parse_office_duration(text: str) -> OfficeDuration:
    """'10m' → 10 minutes, '2h' → 2 hours, '1d' or '1' → 1 working day (sign kept, range unchecked);
    raises ValueError for anything else, including numbers of more than nine digits."""
    match = _DURATION.match(text.strip())
    if not match:
        raise ValueError(f"'{text}' bukan bilangan bulat hari kerja atau durasi seperti 10m, 2h, 1d")
    return OfficeDuration(int(match[1]), _DURATION_UNITS[match[2].lower()])


def indonesian_holidays(year: int) -> list[Holiday]:
    """The national holidays and cuti bersama of one year, names in Indonesian."""
    import holidays  # the package is large; load it only when a calendar is needed

    public = holidays.Indonesia(years=year, categories=("public",), language="id")
    government = holidays.Indonesia(years=year, categories=("government",), language="id")
    suffix = public.tr(public.estimated_label).replace("%s", "")
    days: dict[date, Holiday] = {}
    for source, source_is_leave in ((public, False), (government, True)):
        for day, names in source.items():
            for name in names.split("; "):
                estimated = name.endswith(suffix)
                clean = name[: -len(suffix)] if estimated else name
                is_leave = source_is_leave
                if day in days:  # two observances on one day: keep both names
                    prev = days[day]
                    clean = f"{prev.name}; {clean}"
                    # A national holiday outranks cuti bersama on the same day, and the day is
                    # only uncertain when every observance on it is an estimate.
                    is_leave = prev.collective_leave and is_leave
                    estimated = prev.estimated and estimated
                days[day] = Holiday(day, clean, is_leave, estimated)
    return [days[d] for d in sorted(days)]


def parse_weekend(text: str) -> frozenset[int]:
    """Parse 'sabtu,minggu' or 'sat,sun' into weekday numbers (Monday = 0); raises ValueError
    naming what is accepted."""
    # Whole day names (Indonesian or English) and the English codes only: truncating any word to
    # three letters would read 'sat;sun' as Saturday alone and silently move every deadline.
    words = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [w for w in words if WEEKDAYS.find(w) is None]
    # The message reaches the officer (wrapped by the service), so it is in Indonesian.
    if unknown:
        raise ValueError(f"hari {', '.join(unknown)} tidak dikenal; gunakan daftar berkoma dari "
                         f"{','.join(c.word for c in WEEKDAYS.choices)} (atau {','.join(WEEKDAY_CODES)})")
    days = frozenset(WEEKDAY_CODES.index(str(WEEKDAYS.find(w))) for w in words)
    if len(days) == len(WEEKDAY_CODES):  # no working day would ever come: every deadline would hang
        raise ValueError("akhir pekan tidak boleh mencakup ketujuh hari")
    return days


@dataclass
class WorkCalendar:
    """An office's working-day calendar built from holiday data and the office's own days."""

    weekend: frozenset[int] = frozenset({5, 6})
    collective_leave_is_working: bool = False
    closures: Mapping[date, str] = field(default_factory=dict)
    extra_workdays: Mapping[date, str] = field(default_factory=dict)
    holiday_source: HolidaySource = indonesian_holidays
    _years: dict[int, dict[date, Holiday]] = field(default_factory=dict, repr=False)
    # Per year: running count of working days from 1 January through each day (index = day of year - 1).
    _running: dict[int, list[int]] = field(default_factory=dict, repr=False)

    def holidays_of(self, year: int) -> dict[date, Holiday]:
        """The national holidays of a year, by date (cached per year)."""
        if year not in self._years:
            self._years[year] = {h.day: h for h in self.holiday_source(year)}
        return self._years[year]

    def status(self, day: date) -> DayStatus:
        """Whether a day counts as a working day, and why (office declarations win)."""
        if day in self.extra_workdays:
            return DayStatus(day, DayKind.EXTRA_WORKDAY, self.extra_workdays[day])
        if day in self.closures:
            return DayStatus(day, DayKind.CLOSURE, self.closures[day])
        holiday = self.holidays_of(day.year).get(day)
        if holiday and not (holiday.collective_leave and self.collective_leave_is_working):
            kind = DayKind.COLLECTIVE_LEAVE if holiday.collective_leave else DayKind.HOLIDAY
            return DayStatus(day, kind, holiday.name)
        if day.weekday() in self.weekend:
            return DayStatus(day, DayKind.WEEKEND, WEEKDAY_NAMES[day.weekday()])
        return DayStatus(day, DayKind.WORKING)

    def is_working_day(self, day: date) -> bool:
        return self.status(day).is_working

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += timedelta(days=1)
        for _ in range(3660):  # ten years of closures would be a data error, not a calendar
            if self.is_working_day(day):
                return day
            day += timedelta(days=1)
        raise ValueError(f"no working day within ten years after {day}")

    def day_zero(self, received: date | datetime, closing: time | None = None) -> date:
        """The day of receipt that counts: the next working day when received on a
        non-working day or at/after closing time (`received` is in office time)."""
        if isinstance(received, datetime):
            late = closing is not None and received.time() >= closing
            day = received.date()
            if late:
                return self.next_working_day(day)
        else:
            day = received
        return day if self.is_working_day(day) else self.next_working_day(day)

    def add_working_days(self, day0: date, n: int) -> date:
        """The n-th working day after day0 (day0 itself is not counted)."""
        if n < 0:
            raise ValueError("the number of working days cannot be negative")
        day = day0
        for _ in range(n):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative when end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        # Running counts per year make this O(years) instead of O(days): `overdue` asks it once per
        # late deadline, and an office with thousands of them must not walk every day for each.
        if start.year == end.year:
            return self._count_through(end) - self._count_through(start)
        count = self._year_total(start.year) - self._count_through(start)
        count += sum(self._year_total(year) for year in range(start.year + 1, end.year))
        return count + self._count_through(end)

    def _running_counts(self, year: int) -> list[int]:
        if year not in self._running:
            counts, total, day = [], 0, date(year, 1, 1)
            while day.year == year:
                total += self.is_working_day(day)
                counts.append(total)
                day += timedelta(days=1)
            self._running[year] = counts
        return self._running[year]

    def _count_through(self, day: date) -> int:
        """Working days from 1 January of day's year through `day`."""
        return self._running_counts(day.year)[day.timetuple().tm_yday - 1]

    def _year_total(self, year: int) -> int:
        return self._running_counts(year)[-1]

    def explain(self, day0: date, due: date) -> list[DayStatus]:
        """Every day from day0 to due with its standing, for `calendar due --explain`."""
        days, day = [], day0
        while day <= due:
            days.append(self.status(day))
            day += timedelta(days=1)
        return days

    def day_of_flow(self, day0: date, n: int) -> date:
        """Day N of an SOP flow: day 1 is day 0 of the legal count (the day of receipt that counts),
        day 2 the next working day, and so on."""
        if n < 1:
            raise ValueError("day N of a flow starts at 1, the day of receipt")
        return self.add_working_days(day0, n - 1)

    # --- office time: minutes inside office hours on working days ---------------------------

    def _office_intervals(self, day: date, hours: OfficeHours) -> Iterator[tuple[datetime, datetime]]:
        """Yields the office intervals of every working day from `day` on, in order (endless)."""
        if not self.is_working_day(day):
            day = self.next_working_day(day)
        while True:
            for opening, closing in hours.intervals():
                yield datetime.combine(day, opening), datetime.combine(day, closing)
            day = self.next_working_day(day)

    def add_office_minutes(self, start: datetime, minutes: int, hours: OfficeHours) -> datetime:
        """The moment `minutes` office minutes after `start` (naive, office time).

        Counting begins at the first office moment at/after `start`: before opening → opening, in
        the break → its end, at/after closing or on a non-working day → the next working day's
        opening. A count that ends exactly at the break or at closing ends there (16:00 stays
        16:00, not 08:30 the next morning); 0 minutes gives the moment counting would begin.
        """
        if minutes < 0:
            raise ValueError("the number of office minutes cannot be negative")
        left = timedelta(minutes=minutes)
        for opening, closing in self._office_intervals(start.date(), hours):
            if closing <= start:
                continue
            begin = max(opening, start)
            if left <= closing - begin:
                return begin + left
            left -= closing - begin
        raise AssertionError("unreachable: office intervals never run out")

    def next_office_moment(self, moment: datetime, hours: OfficeHours) -> datetime:
        """The first office moment at/after `moment` (the moment itself when the office is open)."""
        return self.add_office_minutes(moment, 0, hours)

    def office_minutes_between(self, start: datetime, end: datetime, hours: OfficeHours) -> int:
        """Whole office minutes from `start` to `end`; negative when end < start (the inverse of
        add_office_minutes: between(s, add(s, m)) == m)."""
        if end < start:
            return -self.office_minutes_between(end, start, hours)
        first, last = start.date(), end.date()
        if first == last:
            total = self._office_time_within(start, end, hours)
        else:
            # Whole days in between come from the running counts, so a step late by a year costs
            # no more than one late by a day (`overdue` asks this for every late step).
            total = self._office_time_within(start, datetime.combine(first + timedelta(days=1), time()), hours)
            total += self._office_time_within(datetime.combine(last, time()), end, hours)
            total += self.working_days_between(first, last - timedelta(days=1)) * hours.day_length
        return int(total.total_seconds()) // 60

    def _office_time_within(self, start: datetime, end: datetime, hours: OfficeHours) -> timedelta:
        """Office time between two moments of start's calendar day (end at most the next midnight)."""
        day = start.date()
        if not self.is_working_day(day):
            return timedelta()
        total = timedelta()
        for opening, closing in hours.intervals():
            begin, finish = datetime.combine(day, opening), datetime.combine(day, closing)
            total += max(timedelta(), min(finish, end) - max(begin, start))
        return total

    def explain_office_time(self, start: datetime, end: datetime, hours: OfficeHours) -> list[OfficeStretch]:
        """Every stretch from start to end, in order: office time counted, or skipped and why;
        neighbouring stretches of one kind and reason are merged (an evening and the next morning)."""
        if end < start:
            raise ValueError("the end of an office-time count cannot be before its start")
        out: list[OfficeStretch] = []
        day = start.date()
        while day <= end.date():
            for stretch in self._day_stretches(day, hours):
                begin, finish = max(stretch.start, start), min(stretch.end, end)
                if begin < finish:
                    _append_merged(out, OfficeStretch(begin, finish, stretch.kind, stretch.reason))
            day += timedelta(days=1)
        return out

    def _day_stretches(self, day: date, hours: OfficeHours) -> list[OfficeStretch]:
        """One calendar day cut into stretches: a whole non-working day, or a working day's
        morning, office intervals, break and evening (some may be empty)."""
        midnight = datetime.combine(day, time())
        next_midnight = midnight + timedelta(days=1)
        status = self.status(day)
        if not status.is_working:
            return [OfficeStretch(midnight, next_midnight, StretchKind(status.kind.value), status.reason)]
        out, cursor = [], midnight
        for opening, closing in hours.intervals():
            begin, finish = datetime.combine(day, opening), datetime.combine(day, closing)
            gap = StretchKind.AFTER_HOURS if cursor == midnight else StretchKind.BREAK
            out += [OfficeStretch(cursor, begin, gap), OfficeStretch(begin, finish, StretchKind.OFFICE)]
            cursor = finish
        return [*out, OfficeStretch(cursor, next_midnight, StretchKind.AFTER_HOURS)]

    def non_working_days(self, year: int) -> list[DayStatus]:
        """The year's non-working days other than plain weekends, plus extra workdays."""
        out = []
        day = date(year, 1, 1)
        while day.year == year:
            st = self.status(day)
            if st.kind not in (DayKind.WORKING, DayKind.WEEKEND):
                out.append(st)
            day += timedelta(days=1)
        return out

    def is_estimated(self, day: date) -> bool:
        holiday = self.holidays_of(day.year).get(day)
        return bool(holiday and holiday.estimated)


def _append_merged(stretches: list[OfficeStretch], stretch: OfficeStretch) -> None:
    """Append, or extend the last stretch when it is of the same kind and reason and touches this one."""
    last = stretches[-1] if stretches else None
    if last and last.kind is stretch.kind and last.reason == stretch.reason and last.end == stretch.start:
        stretches[-1] = OfficeStretch(last.start, stretch.end, last.kind, last.reason)
    else:
        stretches.append(stretch)
