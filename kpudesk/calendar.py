"""Working-day arithmetic for an office: pure, no database, no clock, no terminal.

A working day (hari kerja) is a day that is not a weekend day, not a national holiday,
not a cuti bersama day (unless the office counts those as working days) and not a closure
the office declared; an office may also declare an otherwise free day a working day.
Day 0 is the day of receipt; a deadline of N working days is the N-th working day after it.
"""

from collections.abc import Callable, Iterable, Mapping
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
