"""The pure working-day calendar (kpudesk/calendar.py): tables of dates counted by hand.

Every expected date below was worked out on paper from DOMAIN.md §2 and the holiday list
(`kpudesk calendar YEAR`); the comment beside it shows the count. No database is involved.

Holidays used (libur nasional = L, cuti bersama = C):
  2024: Thu 8 Feb L Isra Mikraj, Fri 9 Feb C Imlek, Wed 14 Feb L Pemilu, Mon 11 Mar L Nyepi,
        Tue 12 Mar C Nyepi, Wed 27 Nov L Pilkada.
  2025: Fri 28 Mar C Nyepi, (Sat 29 Mar L Nyepi), Mon 31 Mar + Tue 1 Apr L Idul Fitri,
        Wed 2–Fri 4 Apr + Mon 7 Apr C Idul Fitri, Fri 18 Apr L Wafat Yesus, Thu 1 May L Buruh,
        Mon 12 May L Waisak, Tue 13 May C Waisak.
  2026: Thu 1 Jan L, Wed 18 Mar C Nyepi, Thu 19 Mar L Nyepi, Fri 20 Mar C Idul Fitri,
        (Sat 21 + Sun 22 Mar L Idul Fitri), Mon 23 + Tue 24 Mar C Idul Fitri,
        Fri 3 Apr L Wafat Yesus, (Sun 5 Apr L Paskah), Fri 1 May L Buruh.
"""

import sys
import types
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from kpudesk.calendar import DayKind, Holiday, WorkCalendar, indonesian_holidays, parse_weekend
from kpudesk.config import TIME_ZONES

D = date
CLOSING = time(16, 0)  # the default office hours are 08:00-16:00

# One calendar per setting, shared: the holiday data is cached per year inside each.
CAL = WorkCalendar()  # cuti bersama is not a working day (the default)
CAL_CB = WorkCalendar(collective_leave_is_working=True)


# --- DOMAIN.md §2 worked examples -------------------------------------------------------------

DOMAIN_EXAMPLES = [
    # received (day 0), N, cuti bersama working?, due
    # Wed 2025-03-26: 27 Mar=1; 28 Mar C; 31 Mar–1 Apr L; 2–4, 7 Apr C; 8=2 9=3 10=4 11=5 14=6
    # 15=7 16=8 17=9; 18 Apr L; 21 Apr=10
    (D(2025, 3, 26), 10, False, D(2025, 4, 21)),
    # … 22=11 23=12 24=13 25=14 28=15 29=16 30 Apr=17
    (D(2025, 3, 26), 17, False, D(2025, 4, 30)),
    # … 1 May L; 2=18 5=19 6=20 7=21 8=22 9=23; 12 L 13 C; 14=24 15=25 16=26 19=27 20=28 21=29 22=30
    (D(2025, 3, 26), 30, False, D(2025, 5, 22)),
    # cuti bersama working: 27=1 28 Mar=2; 31 Mar–1 Apr L; 2=3 3=4 4=5 7=6 8=7 9=8 10=9 11 Apr=10
    (D(2025, 3, 26), 10, True, D(2025, 4, 11)),
    # Mon 2026-03-16: 17=1; 18 C 19 L 20 C 21–22 L 23–24 C; 25=2 26=3 27=4 30=5 31=6 1 Apr=7
    # 2=8; 3 Apr L; 6=9 7 Apr=10
    (D(2026, 3, 16), 10, False, D(2026, 4, 7)),
    # … 8=11 9=12 10=13 13=14 14=15 15=16 16 Apr=17
    (D(2026, 3, 16), 17, False, D(2026, 4, 16)),
    # … 17=18 20=19 21=20 22=21 23=22 24=23 27=24 28=25 29=26 30=27; 1 May L; 4=28 5=29 6 May=30
    (D(2026, 3, 16), 30, False, D(2026, 5, 6)),
    # cuti bersama working: 17=1 18=2; 19 L; 20=3 23=4 24=5 25=6 26=7 27=8 30=9 31 Mar=10
    (D(2026, 3, 16), 10, True, D(2026, 3, 31)),
    # Wed 2024-02-07: 8 L 9 C; 12=1 13=2; 14 L Pemilu; 15=3 16=4 19=5 20=6 21=7 22=8 23=9 26 Feb=10
    (D(2024, 2, 7), 10, False, D(2024, 2, 26)),
    # … 27=11 28=12 29=13 1 Mar=14 4=15 5=16 6 Mar=17
    (D(2024, 2, 7), 17, False, D(2024, 3, 6)),
    # … 7=18 8=19; 11 L 12 C; 13=20 14=21 15=22 18=23 19=24 20=25 21=26 22=27 25=28 26=29 27 Mar=30
    (D(2024, 2, 7), 30, False, D(2024, 3, 27)),
    # cuti bersama working: 8 L; 9=1 12=2 13=3; 14 L; 15=4 16=5 19=6 20=7 21=8 22=9 23 Feb=10
    (D(2024, 2, 7), 10, True, D(2024, 2, 23)),
]


@pytest.mark.parametrize(("received", "n", "leave_working", "due"), DOMAIN_EXAMPLES)
def test_domain_worked_examples(received: date, n: int, leave_working: bool, due: date) -> None:
    cal = CAL_CB if leave_working else CAL
    assert cal.day_zero(received) == received  # all three are ordinary working days
    assert cal.add_working_days(received, n) == due
    assert cal.working_days_between(received, due) == n


@pytest.mark.parametrize(("day0", "n"), [(D(2026, 3, 16), 0), (D(2026, 3, 21), 0)])
def test_zero_working_days_is_day_zero_itself(day0: date, n: int) -> None:
    assert CAL.add_working_days(day0, n) == day0


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        CAL.add_working_days(D(2026, 3, 16), -1)


# --- 2024 voting days -------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "name"), [
    (D(2024, 2, 14), "Hari Pemilihan Umum"),  # Pemilu, Wednesday
    (D(2024, 11, 27), "Hari Pemilihan Kepala Daerah"),  # Pilkada serentak, Wednesday
])
def test_2024_voting_days_are_national_holidays(day: date, name: str) -> None:
    status = CAL.status(day)
    assert (status.kind, status.reason, status.is_working) == (DayKind.HOLIDAY, name, False)
    assert not CAL_CB.is_working_day(day)  # a holiday, not cuti bersama: the setting does not matter


@pytest.mark.parametrize(("day0", "n", "due"), [
    # Mon 12 Feb: 13=1; 14 L Pemilu; 15=2 16=3
    (D(2024, 2, 12), 3, D(2024, 2, 16)),
    # Mon 25 Nov: 26=1; 27 L Pilkada; 28=2 29=3
    (D(2024, 11, 25), 3, D(2024, 11, 29)),
    # Wed 20 Nov: 21=1 22=2 25=3 26=4; 27 L; 28=5 29=6 2 Dec=7 3=8 4=9 5 Dec=10
    (D(2024, 11, 20), 10, D(2024, 12, 5)),
])
def test_voting_days_are_skipped(day0: date, n: int, due: date) -> None:
    assert CAL.add_working_days(day0, n) == due


@pytest.mark.parametrize(("received", "day0"), [
    (D(2024, 2, 14), D(2024, 2, 15)),  # received on Pemilu day → Thursday
    (D(2024, 11, 27), D(2024, 11, 28)),  # received on Pilkada day → Thursday
    (datetime(2024, 2, 13, 16, 5), D(2024, 2, 15)),  # Tue after closing; Wed 14 is Pemilu
    (datetime(2024, 11, 26, 16, 0), D(2024, 11, 28)),  # Tue at closing; Wed 27 is Pilkada
])
def test_receipts_around_voting_days(received: date | datetime, day0: date) -> None:
    assert CAL.day_zero(received, CLOSING) == day0


# --- Lebaran 2025 and 2026, with and without cuti bersama as working days ---------------------

LEBARAN_DAY_ZERO = [
    # received, cuti bersama working?, day 0
    # Fri 28 Mar 2025 is C Nyepi; then 29–30 weekend, 31 Mar–1 Apr L, 2–4 C, 5–6 weekend, 7 C → Tue 8 Apr
    (D(2025, 3, 28), False, D(2025, 4, 8)),
    (D(2025, 3, 28), True, D(2025, 3, 28)),  # C counts: the day itself
    # Mon 31 Mar 2025 L Idul Fitri → Tue 8 Apr; with C working: Tue 1 Apr L, so Wed 2 Apr
    (D(2025, 3, 31), False, D(2025, 4, 8)),
    (D(2025, 3, 31), True, D(2025, 4, 2)),
    # Wed 18 Mar 2026 C Nyepi; 19 L, 20 C, 21–22 L, 23–24 C → Wed 25 Mar
    (D(2026, 3, 18), False, D(2026, 3, 25)),
    (D(2026, 3, 18), True, D(2026, 3, 18)),
    # Sat 21 Mar 2026 L Idul Fitri → Wed 25 Mar; with C working: Sun 22 L, Mon 23 (C) counts
    (D(2026, 3, 21), False, D(2026, 3, 25)),
    (D(2026, 3, 21), True, D(2026, 3, 23)),
    # Fri 20 Mar 2026 09:00, C Idul Fitri: not working → Wed 25; working → that Friday
    (datetime(2026, 3, 20, 9, 0), False, D(2026, 3, 25)),
    (datetime(2026, 3, 20, 9, 0), True, D(2026, 3, 20)),
]


@pytest.mark.parametrize(("received", "leave_working", "day0"), LEBARAN_DAY_ZERO)
def test_lebaran_day_zero(received: date | datetime, leave_working: bool, day0: date) -> None:
    assert (CAL_CB if leave_working else CAL).day_zero(received, CLOSING) == day0


LEBARAN_DUE = [
    # day 0, N, cuti bersama working?, due
    # Thu 27 Mar 2025: 28 C; 31–1 L; 2–4, 7 C; 8 Apr=1
    (D(2025, 3, 27), 1, False, D(2025, 4, 8)),
    (D(2025, 3, 27), 1, True, D(2025, 3, 28)),  # 28 Mar (C)=1
    # 8=1 9=2 10=3 11=4 14 Apr=5
    (D(2025, 3, 27), 5, False, D(2025, 4, 14)),
    # 28 Mar=1; 31–1 L; 2=2 3=3 4=4 7 Apr=5
    (D(2025, 3, 27), 5, True, D(2025, 4, 7)),
    # Tue 17 Mar 2026: 25=1 26=2 27=3
    (D(2026, 3, 17), 3, False, D(2026, 3, 27)),
    # 18 (C)=1; 19 L; 20 (C)=2; 21–22 L; 23 (C)=3
    (D(2026, 3, 17), 3, True, D(2026, 3, 23)),
    # 25=1 26=2 27=3 30=4 31=5 1 Apr=6 2=7; 3 L; 6=8 7=9 8 Apr=10
    (D(2026, 3, 17), 10, False, D(2026, 4, 8)),
    # 18=1 20=2 23=3 24=4 25=5 26=6 27=7 30=8 31=9 1 Apr=10
    (D(2026, 3, 17), 10, True, D(2026, 4, 1)),
]


@pytest.mark.parametrize(("day0", "n", "leave_working", "due"), LEBARAN_DUE)
def test_lebaran_due(day0: date, n: int, leave_working: bool, due: date) -> None:
    assert (CAL_CB if leave_working else CAL).add_working_days(day0, n) == due


@pytest.mark.parametrize(("day", "kind_default", "kind_leave_working"), [
    (D(2025, 4, 2), DayKind.COLLECTIVE_LEAVE, DayKind.WORKING),  # C Idul Fitri, Wednesday
    (D(2025, 3, 31), DayKind.HOLIDAY, DayKind.HOLIDAY),  # L Idul Fitri stays a holiday
    (D(2026, 3, 23), DayKind.COLLECTIVE_LEAVE, DayKind.WORKING),  # C Idul Fitri, Monday
    (D(2026, 3, 21), DayKind.HOLIDAY, DayKind.HOLIDAY),  # L on a Saturday: the holiday name wins
])
def test_collective_leave_setting(day: date, kind_default: DayKind, kind_leave_working: DayKind) -> None:
    assert CAL.status(day).kind == kind_default
    assert CAL_CB.status(day).kind == kind_leave_working


# --- receipts after hours, on weekends and on holidays ----------------------------------------

DAY_ZERO = [
    # received (office time), closing, day 0
    (datetime(2026, 3, 16, 9, 0), CLOSING, D(2026, 3, 16)),  # Monday, office open
    (datetime(2026, 3, 16, 7, 0), CLOSING, D(2026, 3, 16)),  # before opening: still that day
    (datetime(2026, 3, 16, 15, 59), CLOSING, D(2026, 3, 16)),  # one minute before closing
    (datetime(2026, 3, 16, 16, 0), CLOSING, D(2026, 3, 17)),  # at closing → next working day
    (datetime(2026, 3, 16, 17, 30), CLOSING, D(2026, 3, 17)),  # after closing
    (datetime(2026, 3, 16, 23, 0), None, D(2026, 3, 16)),  # no closing time given: the date counts
    (datetime(2026, 3, 16, 15, 30), time(15, 30), D(2026, 3, 17)),  # an office closing at 15:30
    (datetime(2026, 3, 13, 16, 0), CLOSING, D(2026, 3, 16)),  # Friday at closing → Monday
    # Tue 17 Mar 2026 16:30: 18 C, 19 L, 20 C, 21–22 L, 23–24 C → Wed 25 Mar
    (datetime(2026, 3, 17, 16, 30), CLOSING, D(2026, 3, 25)),
    (datetime(2025, 12, 31, 16, 0), CLOSING, D(2026, 1, 2)),  # New Year's Eve late; 1 Jan L → Fri 2 Jan
    (datetime(2026, 3, 14, 9, 0), CLOSING, D(2026, 3, 16)),  # Saturday morning → Monday
    (datetime(2026, 3, 15, 20, 0), CLOSING, D(2026, 3, 16)),  # Sunday evening → Monday
    (D(2026, 3, 15), CLOSING, D(2026, 3, 16)),  # a bare date on Sunday → Monday
    (datetime(2026, 4, 3, 10, 0), CLOSING, D(2026, 4, 6)),  # Good Friday (L) → Mon 6 Apr (Sun 5 L)
    (D(2026, 1, 1), CLOSING, D(2026, 1, 2)),  # New Year's Day (L) → Friday
    (datetime(2026, 5, 1, 8, 0), CLOSING, D(2026, 5, 4)),  # Labour Day, Friday → Monday
]


@pytest.mark.parametrize(("received", "closing", "day0"), DAY_ZERO)
def test_day_zero(received: date | datetime, closing: time | None, day0: date) -> None:
    assert CAL.day_zero(received, closing) == day0


@pytest.mark.parametrize(("received", "due"), [
    # Mon 16 Mar 2026 16:00 → day 0 Tue 17: 25=1 26=2 27=3 30=4 31=5 1 Apr=6 2=7; 3 L; 6=8 7=9 8=10
    (datetime(2026, 3, 16, 16, 0), D(2026, 4, 8)),
    # Mon 16 Mar 2026 15:30 → day 0 that Monday → DOMAIN.md example: 7 Apr
    (datetime(2026, 3, 16, 15, 30), D(2026, 4, 7)),
    # Sat 14 Mar 2026 → day 0 Mon 16 → 7 Apr
    (datetime(2026, 3, 14, 10, 0), D(2026, 4, 7)),
    # Fri 13 Mar 2026 15:00 → day 0 Fri 13: 16=1 17=2 25=3 26=4 27=5 30=6 31=7 1 Apr=8 2=9 6=10
    (datetime(2026, 3, 13, 15, 0), D(2026, 4, 6)),
])
def test_receipt_to_ten_working_day_notice(received: datetime, due: date) -> None:
    assert CAL.add_working_days(CAL.day_zero(received, CLOSING), 10) == due


# --- time zones: the same instant falls on different office days ------------------------------

ZONE_DAY_ZERO = [
    # instant (UTC), zone, office-local time, day 0
    (datetime(2026, 3, 16, 8, 30), "WIB", datetime(2026, 3, 16, 15, 30), D(2026, 3, 16)),  # before 16:00
    (datetime(2026, 3, 16, 8, 30), "WITA", datetime(2026, 3, 16, 16, 30), D(2026, 3, 17)),  # after
    (datetime(2026, 3, 16, 8, 30), "WIT", datetime(2026, 3, 16, 17, 30), D(2026, 3, 17)),  # after
    # Sunday in UTC, already Monday morning in every Indonesian zone
    (datetime(2026, 3, 15, 23, 30), "WIB", datetime(2026, 3, 16, 6, 30), D(2026, 3, 16)),
    (datetime(2026, 3, 15, 23, 30), "WITA", datetime(2026, 3, 16, 7, 30), D(2026, 3, 16)),
    (datetime(2026, 3, 15, 23, 30), "WIT", datetime(2026, 3, 16, 8, 30), D(2026, 3, 16)),
    # Friday 08:59 UTC: 15:59 in Jakarta counts that Friday; Makassar and Jayapura → Monday
    (datetime(2026, 3, 13, 8, 59), "WIB", datetime(2026, 3, 13, 15, 59), D(2026, 3, 13)),
    (datetime(2026, 3, 13, 8, 59), "WITA", datetime(2026, 3, 13, 16, 59), D(2026, 3, 16)),
    (datetime(2026, 3, 13, 8, 59), "WIT", datetime(2026, 3, 13, 17, 59), D(2026, 3, 16)),
]


@pytest.mark.parametrize(("instant", "zone", "local", "day0"), ZONE_DAY_ZERO)
def test_day_zero_in_each_time_zone(instant: datetime, zone: str, local: datetime, day0: date) -> None:
    office_time = instant.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(TIME_ZONES[zone])).replace(tzinfo=None)
    assert office_time == local
    assert CAL.day_zero(office_time, CLOSING) == day0


# --- working_days_between ---------------------------------------------------------------------

@pytest.mark.parametrize(("start", "end", "count"), [
    (D(2026, 3, 16), D(2026, 3, 16), 0),  # same day
    (D(2026, 3, 16), D(2026, 4, 7), 10),  # the DOMAIN.md 2026 example
    (D(2026, 4, 7), D(2026, 3, 16), -10),  # reversed: negative
    (D(2026, 3, 13), D(2026, 3, 16), 1),  # Fri → Mon: only Monday
    (D(2026, 4, 7), D(2026, 4, 8), 1),  # one day past a due date
    (D(2026, 4, 10), D(2026, 4, 12), 0),  # Fri → Sun: the weekend adds nothing
    (D(2026, 4, 2), D(2026, 4, 6), 1),  # Thu → Mon over Good Friday: only Monday
    (D(2026, 4, 5), D(2026, 4, 7), 2),  # from Easter Sunday: Mon 6, Tue 7
    (D(2026, 3, 21), D(2026, 3, 25), 1),  # from Idul Fitri: 23–24 C, only Wed 25
    (D(2026, 3, 16), D(2026, 3, 25), 2),  # 17, 25
    (D(2024, 2, 7), D(2024, 3, 27), 30),  # DOMAIN.md 2024 example, +30
    (D(2025, 3, 26), D(2025, 5, 22), 30),  # DOMAIN.md 2025 example, +30
    (D(2025, 3, 27), D(2025, 4, 8), 1),  # Lebaran 2025: only Tue 8 Apr
    (D(2025, 12, 31), D(2026, 1, 5), 2),  # over New Year: Fri 2 Jan, Mon 5 Jan
])
def test_working_days_between(start: date, end: date, count: int) -> None:
    assert CAL.working_days_between(start, end) == count


@pytest.mark.parametrize(("start", "end", "count"), [
    (D(2025, 3, 27), D(2025, 4, 8), 6),  # 28 Mar, 2, 3, 4, 7, 8 Apr
    (D(2026, 3, 17), D(2026, 3, 25), 5),  # 18, 20, 23, 24, 25 Mar
])
def test_working_days_between_with_collective_leave_working(start: date, end: date, count: int) -> None:
    assert CAL_CB.working_days_between(start, end) == count


# --- explain ----------------------------------------------------------------------------------

EXPLAIN_2026 = [
    # date, kind, reason — day 0 Mon 16 Mar 2026 to its 10th working day, Tue 7 Apr
    (D(2026, 3, 16), DayKind.WORKING, ""),  # day 0
    (D(2026, 3, 17), DayKind.WORKING, ""),  # 1
    (D(2026, 3, 18), DayKind.COLLECTIVE_LEAVE, "Cuti Bersama Hari Suci Nyepi"),
    (D(2026, 3, 19), DayKind.HOLIDAY, "Hari Suci Nyepi"),
    (D(2026, 3, 20), DayKind.COLLECTIVE_LEAVE, "Cuti Bersama Hari Raya Idul Fitri"),
    (D(2026, 3, 21), DayKind.HOLIDAY, "Hari Raya Idul Fitri"),
    (D(2026, 3, 22), DayKind.HOLIDAY, "Hari kedua dari Hari Raya Idul Fitri"),
    (D(2026, 3, 23), DayKind.COLLECTIVE_LEAVE, "Cuti Bersama Hari Raya Idul Fitri"),
    (D(2026, 3, 24), DayKind.COLLECTIVE_LEAVE, "Cuti Bersama Hari Raya Idul Fitri"),
    (D(2026, 3, 25), DayKind.WORKING, ""),  # 2
    (D(2026, 3, 26), DayKind.WORKING, ""),  # 3
    (D(2026, 3, 27), DayKind.WORKING, ""),  # 4
    (D(2026, 3, 28), DayKind.WEEKEND, "Sabtu"),
    (D(2026, 3, 29), DayKind.WEEKEND, "Minggu"),
    (D(2026, 3, 30), DayKind.WORKING, ""),  # 5
    (D(2026, 3, 31), DayKind.WORKING, ""),  # 6
    (D(2026, 4, 1), DayKind.WORKING, ""),  # 7
    (D(2026, 4, 2), DayKind.WORKING, ""),  # 8
    (D(2026, 4, 3), DayKind.HOLIDAY, "Wafat Yesus Kristus"),
    (D(2026, 4, 4), DayKind.WEEKEND, "Sabtu"),
    (D(2026, 4, 5), DayKind.HOLIDAY, "Kebangkitan Yesus Kristus"),
    (D(2026, 4, 6), DayKind.WORKING, ""),  # 9
    (D(2026, 4, 7), DayKind.WORKING, ""),  # 10
]


def test_explain_lists_every_day_with_its_reason() -> None:
    days = CAL.explain(D(2026, 3, 16), D(2026, 4, 7))
    assert [(d.day, d.kind, d.reason) for d in days] == EXPLAIN_2026
    assert sum(d.is_working for d in days[1:]) == 10  # day 0 itself is not counted


def test_explain_with_office_days() -> None:
    cal = WorkCalendar(closures={D(2026, 3, 17): "Rapat pleno rekapitulasi"},
                       extra_workdays={D(2026, 3, 28): "Sabtu masuk: tahapan pemilu"})
    days = {d.day: d for d in cal.explain(D(2026, 3, 16), D(2026, 3, 30))}
    assert (days[D(2026, 3, 17)].kind, days[D(2026, 3, 17)].reason) == (DayKind.CLOSURE, "Rapat pleno rekapitulasi")
    assert not days[D(2026, 3, 17)].is_working
    assert (days[D(2026, 3, 28)].kind, days[D(2026, 3, 28)].reason) == (DayKind.EXTRA_WORKDAY, "Sabtu masuk: tahapan pemilu")
    assert days[D(2026, 3, 28)].is_working
    assert days[D(2026, 3, 29)].kind == DayKind.WEEKEND
    assert len(days) == 15  # 16 → 30 March inclusive


def test_explain_of_day_zero_alone() -> None:
    assert [d.day for d in CAL.explain(D(2026, 3, 16), D(2026, 3, 16))] == [D(2026, 3, 16)]


# --- office closures and extra working days ---------------------------------------------------

CLOSURE = {D(2026, 3, 17): "Rapat pleno"}
SATURDAY = {D(2026, 3, 28): "Sabtu masuk"}
LEAVE_DAY_OPEN = {D(2026, 3, 18): "Layanan tetap buka saat cuti bersama"}


@pytest.mark.parametrize(("closures", "extra", "due"), [
    # no office days: DOMAIN.md → 7 Apr
    ({}, {}, D(2026, 4, 7)),
    # closure Tue 17: 25=1 26=2 27=3 30=4 31=5 1 Apr=6 2=7 6=8 7=9 8 Apr=10
    (CLOSURE, {}, D(2026, 4, 8)),
    # Saturday 28 Mar declared working: 17=1 25=2 26=3 27=4 28=5 30=6 31=7 1 Apr=8 2=9 6 Apr=10
    ({}, SATURDAY, D(2026, 4, 6)),
    # both: 25=1 26=2 27=3 28=4 30=5 31=6 1=7 2=8 6=9 7 Apr=10
    (CLOSURE, SATURDAY, D(2026, 4, 7)),
    # C day 18 Mar declared working: 17=1 18=2 25=3 26=4 27=5 30=6 31=7 1 Apr=8 2=9 6 Apr=10
    ({}, LEAVE_DAY_OPEN, D(2026, 4, 6)),
])
def test_office_days_move_the_due_date(closures: dict, extra: dict, due: date) -> None:
    cal = WorkCalendar(closures=closures, extra_workdays=extra)
    assert cal.add_working_days(D(2026, 3, 16), 10) == due


@pytest.mark.parametrize(("received", "day0"), [
    (datetime(2026, 3, 17, 9, 0), D(2026, 3, 25)),  # received on the closure → next working day
    (datetime(2026, 3, 28, 9, 0), D(2026, 3, 28)),  # received on the declared Saturday: that day
    (datetime(2026, 3, 27, 16, 30), D(2026, 3, 28)),  # Friday after closing → the declared Saturday
    (datetime(2026, 3, 28, 16, 0), D(2026, 3, 30)),  # declared Saturday at closing → Monday
])
def test_office_days_and_day_zero(received: datetime, day0: date) -> None:
    cal = WorkCalendar(closures=CLOSURE, extra_workdays=SATURDAY)
    assert cal.day_zero(received, CLOSING) == day0


def test_non_working_days_of_2026_lists_holidays_and_office_days() -> None:
    cal = WorkCalendar(closures=CLOSURE, extra_workdays=SATURDAY)
    days = cal.non_working_days(2026)
    # 25 national days (17 L + 8 C) as `kpudesk calendar 2026` shows them, plus the closure
    # and the declared Saturday; plain weekends are not listed.
    assert len(days) == 27
    by_day = {d.day: d.kind for d in days}
    assert by_day[D(2026, 3, 19)] == DayKind.HOLIDAY
    assert by_day[D(2026, 3, 18)] == DayKind.COLLECTIVE_LEAVE
    assert by_day[D(2026, 3, 17)] == DayKind.CLOSURE
    assert by_day[D(2026, 3, 28)] == DayKind.EXTRA_WORKDAY
    assert D(2026, 3, 14) not in by_day  # an ordinary Saturday
    assert days == sorted(days, key=lambda d: d.day)


def test_other_weekend_with_own_holiday_source() -> None:
    # An office resting Friday and Saturday, with one made-up holiday: Sunday is a working day.
    cal = WorkCalendar(weekend=frozenset({4, 5}),
                       holiday_source=lambda year: [Holiday(D(2026, 3, 10), "Libur daerah")])
    # Mon 9 Mar: 10 L; 11=1 12=2; 13 Fri 14 Sat; 15 Sun=3 16=4
    assert cal.add_working_days(D(2026, 3, 9), 4) == D(2026, 3, 16)
    assert cal.status(D(2026, 3, 13)).reason == "Jumat"
    assert cal.status(D(2026, 3, 10)).kind == DayKind.HOLIDAY


# --- parse_weekend ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "days"), [
    ("sat,sun", {5, 6}),
    ("SAT, Sun", {5, 6}),
    ("saturday,sunday", {5, 6}),
    ("fri", {4}),
    ("fri,sat", {4, 5}),
    ("sun", {6}),
    ("sat,sun,sat", {5, 6}),
    ("", set()),  # an office with no weekend at all
    ("sabtu,minggu", {5, 6}),  # in Indonesian
    ("Jumat, Sabtu", {4, 5}),
])
def test_parse_weekend(text: str, days: set[int]) -> None:
    assert parse_weekend(text) == frozenset(days)


@pytest.mark.parametrize(("text", "phrase"), [
    # the message names the accepted codes
    ("sab,min", "sab, min tidak dikenal; gunakan daftar berkoma dari senin,selasa,rabu,kamis,jumat,sabtu,minggu "
                r"\(atau mon,tue,wed,thu,fri,sat,sun\)"),
    ("sat;sun", "sat;sun tidak dikenal"),  # a wrong separator must not pass as 'sat'
    ("satpam", "satpam tidak dikenal"),
    ("mon,tue,wed,thu,fri,sat,sun", "ketujuh hari"),  # no working day would ever come
])
def test_parse_weekend_refuses(text: str, phrase: str) -> None:
    with pytest.raises(ValueError, match=phrase):
        parse_weekend(text)


# --- estimated holidays -----------------------------------------------------------------------

@pytest.mark.parametrize(("day", "name", "estimated"), [
    (D(2027, 3, 10), "Hari Raya Idul Fitri", True),  # Islamic date, not yet decreed
    (D(2027, 3, 11), "Hari kedua dari Hari Raya Idul Fitri", True),
    (D(2027, 5, 17), "Hari Raya Idul Adha", True),
    (D(2027, 1, 1), "Tahun Baru Masehi", False),  # fixed date
    (D(2027, 3, 8), "Hari Suci Nyepi", False),
    (D(2026, 3, 21), "Hari Raya Idul Fitri", False),  # 2026 follows the signed SKB
    (D(2026, 5, 27), "Hari Raya Idul Adha", False),
    (D(2025, 3, 31), "Hari Raya Idul Fitri", False),
])
def test_estimated_holidays(day: date, name: str, estimated: bool) -> None:
    holiday = CAL.holidays_of(day.year)[day]
    assert (holiday.name, holiday.estimated) == (name, estimated)  # no "(perkiraan)" in the name
    assert CAL.is_estimated(day) is estimated
    assert not CAL.is_working_day(day)


def test_a_working_day_is_never_estimated() -> None:
    assert CAL.is_estimated(D(2027, 3, 16)) is False


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_decreed_years_have_no_estimates(year: int) -> None:
    assert not [h for h in indonesian_holidays(year) if h.estimated]


def test_day_with_a_firm_and_an_estimated_holiday_is_firm() -> None:
    # 1 Jun 2034: Hari Lahir Pancasila (fixed) and Waisak (estimated) fall together; the day
    # is a holiday whatever the Waisak date turns out to be.
    holiday = CAL.holidays_of(2034)[D(2034, 6, 1)]
    assert holiday.name == "Hari Lahir Pancasila; Hari Raya Waisak"
    assert holiday.estimated is False


class _FakeIndonesia(dict):
    """Stands in for holidays.Indonesia: one public and one government list."""

    estimated_label = "%s (estimated)"
    data: dict[str, dict[date, str]] = {
        "public": {D(2030, 1, 1): "Tahun Baru Masehi", D(2030, 12, 25): "Hari Raya Natal",
                   D(2030, 6, 1): "Hari Lahir Pancasila; Hari Raya Waisak (perkiraan)"},
        "government": {D(2030, 12, 25): "Cuti Bersama Hari Raya Natal", D(2030, 12, 26): "Cuti Bersama Natal"},
    }

    def __init__(self, years: int, categories: tuple[str, ...], language: str) -> None:
        super().__init__(self.data[categories[0]])

    def tr(self, text: str) -> str:
        return "%s (perkiraan)"


def test_merging_public_and_government_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "holidays", types.SimpleNamespace(Indonesia=_FakeIndonesia))
    got = {h.day: h for h in indonesian_holidays(2030)}
    assert got[D(2030, 12, 25)] == Holiday(D(2030, 12, 25), "Hari Raya Natal; Cuti Bersama Hari Raya Natal", False, False)
    # after a shared day, the next government day is still cuti bersama
    assert got[D(2030, 12, 26)].collective_leave is True
    assert got[D(2030, 6, 1)].estimated is False
    assert list(got) == sorted(got)


def test_every_day_of_a_year_has_one_standing() -> None:
    # 2026 starts on a Thursday: 52 Saturdays + 52 Sundays. Four national days fall on them
    # (Sat 21 Mar, Sun 22 Mar, Sun 5 Apr, Sun 31 May) and are listed as holidays instead.
    # National days: 17 L + 8 C = 25. Working days: 365 - 100 - 25 = 240.
    day, kinds = D(2026, 1, 1), []
    while day.year == 2026:
        kinds.append(CAL.status(day).kind)
        day += timedelta(days=1)
    assert kinds.count(DayKind.HOLIDAY) == 17
    assert kinds.count(DayKind.COLLECTIVE_LEAVE) == 8
    assert kinds.count(DayKind.WEEKEND) == 100
    assert kinds.count(DayKind.WORKING) == 240
