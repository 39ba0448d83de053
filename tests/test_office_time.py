"""Office time in the pure calendar (kpudesk/calendar.py): minutes inside office hours, "day N".

Every expected moment below was counted on paper; the comment beside it shows the count.
Office hours are those of seed 001 (DOMAIN.md §2 and §8): 08.30–16.00 with a break 12.00–13.00,
so a working day holds 210 + 180 = 390 office minutes. Holidays used (L = libur nasional,
C = cuti bersama; checked against the `holidays` package in test_the_holidays_these_tables_use):
  2025: Thu 27 Mar working; Fri 28 Mar C Nyepi, Sat 29 L Nyepi; Mon 31 Mar + Tue 1 Apr L Idul Fitri;
        Wed 2–Fri 4 Apr + Mon 7 Apr C Idul Fitri; Mon 12 May L Waisak, Tue 13 May C Waisak;
        Sun 17 Aug L Kemerdekaan, Mon 18 Aug C.
  2026: Wed 18 Mar C Nyepi, Thu 19 Mar L Nyepi, Fri 20 Mar C Idul Fitri, Sat 21 + Sun 22 Mar L
        Idul Fitri, Mon 23 + Tue 24 Mar C Idul Fitri; Fri 3 Apr L Wafat Yesus; Sun 31 May L Waisak,
        Mon 1 Jun L Pancasila; Thu 24 Dec C Natal, Fri 25 Dec L Natal.
"""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from kpudesk.calendar import (
    DayKind, DurationUnit, OfficeDuration, OfficeHours, OfficeStretch, StretchKind, WorkCalendar,
    parse_office_duration,
)

D, T = date, datetime
HOURS = OfficeHours(time(8, 30), time(16, 0), time(12, 0), time(13, 0))
NO_BREAK = OfficeHours(time(8, 30), time(16, 0))
CAL = WorkCalendar()  # cuti bersama is not a working day (the default)
CAL_CB = WorkCalendar(collective_leave_is_working=True)


@pytest.mark.parametrize(("day", "kind"), [
    (D(2025, 3, 27), DayKind.WORKING), (D(2025, 3, 28), DayKind.COLLECTIVE_LEAVE),
    (D(2025, 3, 31), DayKind.HOLIDAY), (D(2025, 4, 1), DayKind.HOLIDAY),
    (D(2025, 4, 2), DayKind.COLLECTIVE_LEAVE), (D(2025, 4, 4), DayKind.COLLECTIVE_LEAVE),
    (D(2025, 4, 7), DayKind.COLLECTIVE_LEAVE), (D(2025, 4, 8), DayKind.WORKING),
    (D(2025, 5, 12), DayKind.HOLIDAY), (D(2025, 5, 13), DayKind.COLLECTIVE_LEAVE),
    (D(2025, 8, 18), DayKind.COLLECTIVE_LEAVE),
    (D(2026, 3, 18), DayKind.COLLECTIVE_LEAVE), (D(2026, 3, 19), DayKind.HOLIDAY),
    (D(2026, 3, 20), DayKind.COLLECTIVE_LEAVE), (D(2026, 3, 21), DayKind.HOLIDAY),
    (D(2026, 3, 22), DayKind.HOLIDAY), (D(2026, 3, 23), DayKind.COLLECTIVE_LEAVE),
    (D(2026, 3, 24), DayKind.COLLECTIVE_LEAVE), (D(2026, 3, 25), DayKind.WORKING),
    (D(2026, 5, 31), DayKind.HOLIDAY), (D(2026, 6, 1), DayKind.HOLIDAY), (D(2026, 6, 2), DayKind.WORKING),
    (D(2026, 12, 24), DayKind.COLLECTIVE_LEAVE), (D(2026, 12, 25), DayKind.HOLIDAY),
])
def test_the_holidays_these_tables_use(day: date, kind: DayKind) -> None:
    assert CAL.status(day).kind == kind


# --- add_office_minutes ---------------------------------------------------------------------------

ADD_CASES = [
    # start (office time), minutes, due
    # DOMAIN.md §8: 15.55–16.00 = 5; Tue 08.30–08.35 = 5
    (T(2026, 3, 16, 15, 55), 10, T(2026, 3, 17, 8, 35)),
    # before opening: counting begins at 08.30
    (T(2026, 3, 16, 7, 15), 10, T(2026, 3, 16, 8, 40)),
    (T(2026, 3, 16, 7, 15), 0, T(2026, 3, 16, 8, 30)),
    (T(2026, 3, 16, 8, 30), 3, T(2026, 3, 16, 8, 33)),
    # in the break: counting begins at 13.00
    (T(2026, 3, 16, 12, 20), 10, T(2026, 3, 16, 13, 10)),
    (T(2026, 3, 16, 12, 0), 10, T(2026, 3, 16, 13, 10)),
    (T(2026, 3, 16, 12, 59), 0, T(2026, 3, 16, 13, 0)),
    # across the break: 11.55–12.00 = 5, 13.00–13.05 = 5
    (T(2026, 3, 16, 11, 55), 10, T(2026, 3, 16, 13, 5)),
    # a count ending exactly at the break ends there
    (T(2026, 3, 16, 11, 50), 10, T(2026, 3, 16, 12, 0)),
    # 1 minute before closing: ends exactly at closing → stays 16.00
    (T(2026, 3, 16, 15, 59), 1, T(2026, 3, 16, 16, 0)),
    # 1 minute before closing, 3 min (seed 000 registration): 1 today, 2 on Tue → 08.32
    (T(2026, 3, 16, 15, 59), 3, T(2026, 3, 17, 8, 32)),
    (T(2026, 3, 16, 15, 59), 10, T(2026, 3, 17, 8, 39)),
    # at closing and after it: the next working day's opening
    (T(2026, 3, 16, 16, 0), 10, T(2026, 3, 17, 8, 40)),
    (T(2026, 3, 16, 17, 30), 10, T(2026, 3, 17, 8, 40)),
    (T(2026, 3, 16, 23, 59), 60, T(2026, 3, 17, 9, 30)),
    # whole days: 390 minutes is 08.30–16.00 of one day, ending at closing
    (T(2026, 3, 16, 8, 30), 390, T(2026, 3, 16, 16, 0)),
    (T(2026, 3, 16, 8, 30), 391, T(2026, 3, 17, 8, 31)),
    # Mon + Tue = 780; Wed 18–Tue 24 Mar are all off → Wed 25 08.31
    (T(2026, 3, 16, 8, 30), 780, T(2026, 3, 17, 16, 0)),
    (T(2026, 3, 16, 8, 30), 781, T(2026, 3, 25, 8, 31)),
    # 1 hour of seed 000: 14.30–15.30
    (T(2026, 3, 16, 14, 30), 60, T(2026, 3, 16, 15, 30)),
    # Friday afternoon before a long weekend (Sun 31 May Waisak, Mon 1 Jun Pancasila):
    # Fri 29 May 15.30–16.00 = 30; Tue 2 Jun 08.30 + 90 → 10.00
    (T(2026, 5, 29, 15, 30), 120, T(2026, 6, 2, 10, 0)),
    # Fri 9 May 2025 14.00–16.00 = 120; Sat, Sun, Mon 12 L, Tue 13 C; Wed 14 May 08.30 + 60 → 09.30
    (T(2025, 5, 9, 14, 0), 180, T(2025, 5, 14, 9, 30)),
    # Fri 15 Aug 2025 15.00–16.00 = 60; Sat, Sun 17 L, Mon 18 C; Tue 19 Aug 08.30 + 30 → 09.00
    (T(2025, 8, 15, 15, 0), 90, T(2025, 8, 19, 9, 0)),
    # Eve of cuti bersama: Tue 17 Mar 2026 15.00–16.00 = 60; 18–24 Mar off; Wed 25 08.30 + 60 → 09.30
    (T(2026, 3, 17, 15, 0), 120, T(2026, 3, 25, 9, 30)),
    # Wed 23 Dec 2026 15.50–16.00 = 10; Thu 24 C, Fri 25 L, weekend; Mon 28 Dec 08.30 + 20 → 08.50
    (T(2026, 12, 23, 15, 50), 30, T(2026, 12, 28, 8, 50)),
    # Thu 27 Mar 2025 (eve of Lebaran leave) 15.00–16.00 = 60; 28 Mar–7 Apr off; Tue 8 Apr 08.30 + 60
    (T(2025, 3, 27, 15, 0), 120, T(2025, 4, 8, 9, 30)),
    # started on a non-working day: Saturday → Monday 08.30; Nyepi (Thu 19 Mar) → Wed 25 08.30
    (T(2026, 3, 14, 10, 0), 10, T(2026, 3, 16, 8, 40)),
    (T(2026, 3, 19, 10, 0), 10, T(2026, 3, 25, 8, 40)),
    # seconds are kept
    (T(2026, 3, 16, 15, 55, 30), 10, T(2026, 3, 17, 8, 35, 30)),
    # across the year end: Fri 19 Dec 2025 15.00–16.00 = 60; 22, 23, 24 Dec, (25 L, 26 C), 29, 30,
    # 31 Dec, (1 Jan L), Fri 2 Jan = 7 days × 390 = 2730; Mon 5 Jan 2026 08.30–09.00 = 30 → 2820
    (T(2025, 12, 19, 15, 0), 2820, T(2026, 1, 5, 9, 0)),
    # Fri 19 Dec 11.00–12.00 + 13.00–16.00 = 240; Mon 22 Dec 08.30–12.00 + 13.00–14.00 = 270 → 510
    (T(2025, 12, 19, 11, 0), 510, T(2025, 12, 22, 14, 0)),
]


@pytest.mark.parametrize(("start", "minutes", "due"), ADD_CASES)
def test_add_office_minutes(start: datetime, minutes: int, due: datetime) -> None:
    assert CAL.add_office_minutes(start, minutes, HOURS) == due


@pytest.mark.parametrize(("start", "minutes", "due"), [
    # cuti bersama counted as working: Tue 17 Mar 2026 15.00–16.00 = 60; Wed 18 (C) 08.30 + 60 → 09.30
    (T(2026, 3, 17, 15, 0), 120, T(2026, 3, 18, 9, 30)),
    # Thu 27 Mar 2025 15.00–16.00 = 60; Fri 28 (C) 08.30 + 60 → 09.30
    (T(2025, 3, 27, 15, 0), 120, T(2025, 3, 28, 9, 30)),
    # Tue 1 Apr 2025 is Idul Fitri itself (L), never working: Wed 2 Apr (C) 08.30 + 10
    (T(2025, 4, 1, 9, 0), 10, T(2025, 4, 2, 8, 40)),
])
def test_add_office_minutes_with_cuti_bersama_working(start: datetime, minutes: int, due: datetime) -> None:
    assert CAL_CB.add_office_minutes(start, minutes, HOURS) == due


@pytest.mark.parametrize(("start", "minutes", "due"), [
    (T(2026, 3, 16, 11, 55), 10, T(2026, 3, 16, 12, 5)),  # no break: straight through noon
    (T(2026, 3, 16, 12, 20), 10, T(2026, 3, 16, 12, 30)),
    (T(2026, 3, 16, 8, 30), 450, T(2026, 3, 16, 16, 0)),  # 7.5 hours make the whole day
    (T(2026, 3, 16, 15, 55), 10, T(2026, 3, 17, 8, 35)),
])
def test_add_office_minutes_without_a_break(start: datetime, minutes: int, due: datetime) -> None:
    assert CAL.add_office_minutes(start, minutes, NO_BREAK) == due


def test_office_days_move_office_time() -> None:
    # Tue 17 Mar closed: Mon 16 15.55–16.00 = 5, then Wed 25 08.30 + 5
    closed = WorkCalendar(closures={D(2026, 3, 17): "Rapat pleno"})
    assert closed.add_office_minutes(T(2026, 3, 16, 15, 55), 10, HOURS) == T(2026, 3, 25, 8, 35)
    # Saturday 14 Mar declared working: Fri 13 15.55–16.00 = 5, then Sat 14 08.30 + 5
    saturday = WorkCalendar(extra_workdays={D(2026, 3, 14): "Tahapan pemilu"})
    assert saturday.add_office_minutes(T(2026, 3, 13, 15, 55), 10, HOURS) == T(2026, 3, 14, 8, 35)


def test_negative_office_minutes_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        CAL.add_office_minutes(T(2026, 3, 16, 9, 0), -1, HOURS)


@pytest.mark.parametrize(("moment", "first"), [
    (T(2026, 3, 16, 9, 0), T(2026, 3, 16, 9, 0)),  # open: the moment itself
    (T(2026, 3, 16, 6, 0), T(2026, 3, 16, 8, 30)),
    (T(2026, 3, 16, 12, 30), T(2026, 3, 16, 13, 0)),
    (T(2026, 3, 16, 16, 0), T(2026, 3, 17, 8, 30)),
    (T(2026, 3, 20, 9, 0), T(2026, 3, 25, 8, 30)),  # cuti bersama Idul Fitri
])
def test_next_office_moment(moment: datetime, first: datetime) -> None:
    assert CAL.next_office_moment(moment, HOURS) == first


# --- the same instant in the three time zones -----------------------------------------------------

@pytest.mark.parametrize(("zone", "local_start", "due"), [
    # 07.55 UTC on Mon 16 Mar 2026 + 10 office minutes, counted in each office's own time
    ("Asia/Jakarta", T(2026, 3, 16, 14, 55), T(2026, 3, 16, 15, 5)),  # WIB: still open
    ("Asia/Makassar", T(2026, 3, 16, 15, 55), T(2026, 3, 17, 8, 35)),  # WITA: DOMAIN.md §8
    ("Asia/Jayapura", T(2026, 3, 16, 16, 55), T(2026, 3, 17, 8, 40)),  # WIT: already closed
])
def test_office_time_is_counted_in_office_local_time(zone: str, local_start: datetime, due: datetime) -> None:
    instant = T(2026, 3, 16, 7, 55, tzinfo=UTC)
    local = instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    assert local == local_start
    assert CAL.add_office_minutes(local, 10, HOURS) == due


# --- office_minutes_between -----------------------------------------------------------------------

@pytest.mark.parametrize(("start", "end", "minutes"), [
    (T(2026, 3, 16, 15, 55), T(2026, 3, 17, 8, 35), 10),  # 5 + 5
    (T(2026, 3, 16, 8, 30), T(2026, 3, 16, 16, 0), 390),  # 210 + 180
    (T(2026, 3, 16, 0, 0), T(2026, 3, 17, 0, 0), 390),
    (T(2026, 3, 16, 11, 0), T(2026, 3, 16, 14, 0), 120),  # 11–12 and 13–14
    (T(2026, 3, 16, 12, 10), T(2026, 3, 16, 12, 50), 0),  # inside the break
    (T(2026, 3, 17, 16, 0), T(2026, 3, 25, 8, 30), 0),  # Lebaran 2026: nothing counts
    (T(2026, 3, 17, 15, 0), T(2026, 3, 25, 9, 30), 120),
    # "45 menit terlambat": due 14.00, now 14.45
    (T(2026, 3, 16, 14, 0), T(2026, 3, 16, 14, 45), 45),
    # due 15.50, now Tue 08.50: 10 + 20
    (T(2026, 3, 16, 15, 50), T(2026, 3, 17, 8, 50), 30),
    # Mon 2 Mar → Mon 16 Mar 2026: ten working days (2–6, 9–13 Mar) × 390
    (T(2026, 3, 2, 8, 30), T(2026, 3, 16, 8, 30), 3900),
    # from and to non-working days: Sat 14 → Sat 21 Mar 2026 holds Mon 16 + Tue 17 only
    (T(2026, 3, 14, 10, 0), T(2026, 3, 21, 10, 0), 780),
    # one plain week: Mon 5 Jan 2026 00.00 → Mon 12 Jan 00.00 = 5 × 390
    (T(2026, 1, 5, 0, 0), T(2026, 1, 12, 0, 0), 1950),
    (T(2026, 3, 16, 9, 0), T(2026, 3, 16, 9, 0), 0),
    (T(2026, 3, 16, 9, 0), T(2026, 3, 16, 9, 0, 59), 0),  # whole minutes only
    # end before start: negative
    (T(2026, 3, 17, 8, 35), T(2026, 3, 16, 15, 55), -10),
    (T(2026, 3, 16, 14, 45), T(2026, 3, 16, 14, 0), -45),
])
def test_office_minutes_between(start: datetime, end: datetime, minutes: int) -> None:
    assert CAL.office_minutes_between(start, end, HOURS) == minutes


@pytest.mark.parametrize(("start", "minutes", "due"), ADD_CASES)
def test_office_minutes_between_inverts_add_office_minutes(start: datetime, minutes: int, due: datetime) -> None:
    # `due` is the hand-counted value from the table above, so this checks both directions by hand.
    assert CAL.office_minutes_between(start, due, HOURS) == minutes


# --- explain ----------------------------------------------------------------------------------------

def _stretches(start: datetime, end: datetime, cal: WorkCalendar = CAL) -> list[tuple]:
    return [(s.start, s.end, s.kind.value, s.reason) for s in cal.explain_office_time(start, end, HOURS)]


def test_explain_over_the_evening() -> None:
    assert _stretches(T(2026, 3, 16, 15, 55), T(2026, 3, 17, 8, 35)) == [
        (T(2026, 3, 16, 15, 55), T(2026, 3, 16, 16, 0), "office", ""),
        (T(2026, 3, 16, 16, 0), T(2026, 3, 17, 8, 30), "after_hours", ""),  # evening and morning, one stretch
        (T(2026, 3, 17, 8, 30), T(2026, 3, 17, 8, 35), "office", ""),
    ]


def test_explain_over_the_break() -> None:
    stretches = CAL.explain_office_time(T(2026, 3, 16, 11, 30), T(2026, 3, 16, 14, 0), HOURS)
    assert [(s.kind, s.minutes, s.counted) for s in stretches] == [
        (StretchKind.OFFICE, 30, True), (StretchKind.BREAK, 60, False), (StretchKind.OFFICE, 60, True)]


def test_explain_over_a_long_weekend() -> None:
    assert _stretches(T(2026, 5, 29, 15, 30), T(2026, 6, 2, 10, 0)) == [
        (T(2026, 5, 29, 15, 30), T(2026, 5, 29, 16, 0), "office", ""),
        (T(2026, 5, 29, 16, 0), T(2026, 5, 30, 0, 0), "after_hours", ""),
        (T(2026, 5, 30, 0, 0), T(2026, 5, 31, 0, 0), "weekend", "Sabtu"),
        (T(2026, 5, 31, 0, 0), T(2026, 6, 1, 0, 0), "holiday", "Hari Raya Waisak"),
        (T(2026, 6, 1, 0, 0), T(2026, 6, 2, 0, 0), "holiday", "Hari Lahir Pancasila"),
        (T(2026, 6, 2, 0, 0), T(2026, 6, 2, 8, 30), "after_hours", ""),
        (T(2026, 6, 2, 8, 30), T(2026, 6, 2, 10, 0), "office", ""),
    ]


def test_explain_with_a_closure_and_cuti_bersama() -> None:
    closed = WorkCalendar(closures={D(2026, 3, 17): "Rapat pleno"})
    leave = "Cuti Bersama Hari Raya Idul Fitri"
    assert _stretches(T(2026, 3, 16, 15, 55), T(2026, 3, 25, 8, 35), closed) == [
        (T(2026, 3, 16, 15, 55), T(2026, 3, 16, 16, 0), "office", ""),
        (T(2026, 3, 16, 16, 0), T(2026, 3, 17, 0, 0), "after_hours", ""),
        (T(2026, 3, 17, 0, 0), T(2026, 3, 18, 0, 0), "closure", "Rapat pleno"),
        (T(2026, 3, 18, 0, 0), T(2026, 3, 19, 0, 0), "collective_leave", "Cuti Bersama Hari Suci Nyepi"),
        (T(2026, 3, 19, 0, 0), T(2026, 3, 20, 0, 0), "holiday", "Hari Suci Nyepi"),
        (T(2026, 3, 20, 0, 0), T(2026, 3, 21, 0, 0), "collective_leave", leave),
        (T(2026, 3, 21, 0, 0), T(2026, 3, 22, 0, 0), "holiday", "Hari Raya Idul Fitri"),
        (T(2026, 3, 22, 0, 0), T(2026, 3, 23, 0, 0), "holiday", "Hari kedua dari Hari Raya Idul Fitri"),
        (T(2026, 3, 23, 0, 0), T(2026, 3, 25, 0, 0), "collective_leave", leave),  # Mon 23 + Tue 24 merged
        (T(2026, 3, 25, 0, 0), T(2026, 3, 25, 8, 30), "after_hours", ""),
        (T(2026, 3, 25, 8, 30), T(2026, 3, 25, 8, 35), "office", ""),
    ]


def test_explain_counts_what_add_counts() -> None:
    stretches = CAL.explain_office_time(T(2025, 3, 27, 15, 0), T(2025, 4, 8, 9, 30), HOURS)
    assert sum(s.minutes for s in stretches if s.counted) == 120  # 60 on Thu 27 Mar + 60 on Tue 8 Apr
    assert stretches[0].start == T(2025, 3, 27, 15, 0) and stretches[-1].end == T(2025, 4, 8, 9, 30)
    assert all(a.end == b.start for a, b in zip(stretches, stretches[1:]))  # no gap, no overlap


def test_explain_of_an_empty_span_and_a_reversed_one() -> None:
    assert CAL.explain_office_time(T(2026, 3, 16, 9, 0), T(2026, 3, 16, 9, 0), HOURS) == []
    with pytest.raises(ValueError):
        CAL.explain_office_time(T(2026, 3, 16, 9, 0), T(2026, 3, 16, 8, 0), HOURS)


def test_a_stretch_knows_its_minutes() -> None:
    stretch = OfficeStretch(T(2026, 3, 16, 15, 55), T(2026, 3, 17, 8, 35), StretchKind.AFTER_HOURS)
    assert (stretch.minutes, stretch.counted) == (16 * 60 + 40, False)


# --- day N of a flow ------------------------------------------------------------------------------

FLOW_CASES = [
    # received (office time), cuti bersama working?, days 1..5
    # Lebaran 2025: Thu 27 Mar is day 1; 28 Mar–7 Apr off; Tue 8 Apr is day 2
    (T(2025, 3, 27, 10, 0), False, [D(2025, 3, 27), D(2025, 4, 8), D(2025, 4, 9), D(2025, 4, 10), D(2025, 4, 11)]),
    (T(2025, 3, 26, 10, 0), False, [D(2025, 3, 26), D(2025, 3, 27), D(2025, 4, 8), D(2025, 4, 9), D(2025, 4, 10)]),
    # Thu 27 Mar 2025 after closing: day 1 is Tue 8 Apr; 9, 10, 11, Mon 14 Apr
    (T(2025, 3, 27, 16, 30), False, [D(2025, 4, 8), D(2025, 4, 9), D(2025, 4, 10), D(2025, 4, 11), D(2025, 4, 14)]),
    # received on Wed 2 Apr 2025 (cuti bersama): day 1 is Tue 8 Apr
    (T(2025, 4, 2, 9, 0), False, [D(2025, 4, 8), D(2025, 4, 9), D(2025, 4, 10), D(2025, 4, 11), D(2025, 4, 14)]),
    # cuti bersama working: Fri 28 Mar counts; Mon 31 + Tue 1 Apr L; Wed 2, Thu 3, Fri 4 Apr count
    (T(2025, 3, 27, 10, 0), True, [D(2025, 3, 27), D(2025, 3, 28), D(2025, 4, 2), D(2025, 4, 3), D(2025, 4, 4)]),
    # Lebaran 2026: Tue 17 Mar is day 1; 18–24 Mar off; Wed 25 is day 2
    (T(2026, 3, 17, 9, 0), False, [D(2026, 3, 17), D(2026, 3, 25), D(2026, 3, 26), D(2026, 3, 27), D(2026, 3, 30)]),
    (T(2026, 3, 16, 9, 0), False, [D(2026, 3, 16), D(2026, 3, 17), D(2026, 3, 25), D(2026, 3, 26), D(2026, 3, 27)]),
    # received Fri 20 Mar 2026 (cuti bersama): day 1 Wed 25; 26, 27, Mon 30, Tue 31
    (T(2026, 3, 20, 9, 0), False, [D(2026, 3, 25), D(2026, 3, 26), D(2026, 3, 27), D(2026, 3, 30), D(2026, 3, 31)]),
    # cuti bersama working: Wed 18 (C) counts, Thu 19 L, Fri 20 (C), Mon 23 (C), Tue 24 (C)
    (T(2026, 3, 17, 9, 0), True, [D(2026, 3, 17), D(2026, 3, 18), D(2026, 3, 20), D(2026, 3, 23), D(2026, 3, 24)]),
    # Wed 1 Apr 2026: Thu 2, (Fri 3 Wafat Yesus), Mon 6, Tue 7, Wed 8
    (T(2026, 4, 1, 9, 0), False, [D(2026, 4, 1), D(2026, 4, 2), D(2026, 4, 6), D(2026, 4, 7), D(2026, 4, 8)]),
]


@pytest.mark.parametrize(("received", "leave_working", "days"), FLOW_CASES)
def test_day_of_flow(received: datetime, leave_working: bool, days: list[date]) -> None:
    cal = CAL_CB if leave_working else CAL
    day0 = cal.day_zero(received, HOURS.closing)
    assert [cal.day_of_flow(day0, n) for n in range(1, 6)] == days


def test_day_zero_of_a_flow_is_refused() -> None:
    with pytest.raises(ValueError, match="starts at 1"):
        CAL.day_of_flow(D(2026, 3, 16), 0)


# --- office hours and durations -------------------------------------------------------------------

def test_office_hours_intervals() -> None:
    assert HOURS.intervals() == ((time(8, 30), time(12, 0)), (time(13, 0), time(16, 0)))
    assert NO_BREAK.intervals() == ((time(8, 30), time(16, 0)),)
    assert (HOURS.day_length.seconds, NO_BREAK.day_length.seconds) == (390 * 60, 450 * 60)


@pytest.mark.parametrize(("args", "phrase"), [
    ((time(16, 0), time(8, 0)), "harus setelah jam buka"),
    ((time(8, 0), time(8, 0)), "harus setelah jam buka"),
    ((time(8, 0), time(16, 0), time(12, 0), None), "jam mulai dan jam selesai"),
    ((time(8, 0), time(16, 0), time(7, 0), time(8, 30)), "harus di dalam jam kerja 08:00-16:00"),
    ((time(8, 0), time(16, 0), time(15, 30), time(16, 0)), "harus di dalam jam kerja"),
    ((time(8, 0), time(16, 0), time(13, 0), time(12, 0)), "harus di dalam jam kerja"),
])
def test_office_hours_refused(args: tuple, phrase: str) -> None:
    with pytest.raises(ValueError, match=phrase):
        OfficeHours(*args)


@pytest.mark.parametrize(("text", "amount", "unit", "minutes"), [
    ("10m", 10, DurationUnit.MINUTES, 10),
    ("2h", 2, DurationUnit.HOURS, 120),
    (" 15 M ", 15, DurationUnit.MINUTES, 15),
    ("0m", 0, DurationUnit.MINUTES, 0),
    ("-5m", -5, DurationUnit.MINUTES, -5),  # the range is the caller's to check
])
def test_parse_office_duration(text: str, amount: int, unit: DurationUnit, minutes: int) -> None:
    duration = parse_office_duration(text)
    assert (duration.amount, duration.unit, duration.minutes, duration.is_office_time) == (amount, unit, minutes, True)


@pytest.mark.parametrize(("text", "amount"), [("1d", 1), ("10", 10), ("10D", 10), ("-1", -1)])
def test_parse_working_days(text: str, amount: int) -> None:
    assert parse_office_duration(text) == OfficeDuration(amount, DurationUnit.WORKING_DAYS)
    with pytest.raises(ValueError):
        _ = parse_office_duration(text).minutes


@pytest.mark.parametrize("text", ["sepuluh", "2.5", "10x", "m", "", "10 menit", "1h30m", "1234567890m", "day 3"])
def test_parse_office_duration_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="bukan bilangan bulat hari kerja atau durasi"):
        parse_office_duration(text)
