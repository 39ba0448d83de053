"""`kpudesk calendar …`: the year list, `due` (with --json and --explain) and the office's own days.

Expected dates are counted by hand from DOMAIN.md §2 and the 2026 holiday list (see the header
of test_calendar.py); comments show the count. The office (fixture `office`) is in WITA, open
08:00–16:00, cuti bersama not a working day.
"""

import json
from collections.abc import Callable

import pytest

from tests.conftest import OFFICE_ARGS, Result, request_args

Runner = Callable[..., Result]

FIRST = "001/PPID/KPU-KAB.KPG/III/2026"  # received Mon 16 Mar 2026 09:00
SECOND = "002/PPID/KPU-KAB.KPG/IV/2026"  # received Wed 8 Apr 2026 09:00 (numbers run per year)


def ok(res: Result) -> Result:
    assert res.exit_code == 0, res.stderr
    return res


def fails(res: Result, code: int, phrase: str) -> None:
    """A refused command: the exit code, one line on stderr naming the fault, nothing on stdout."""
    assert res.exit_code == code, (res.exit_code, res.stdout, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("kpudesk: ")
    assert phrase in lines[0]
    assert "Traceback" not in res.stderr
    assert res.stdout == ""


def year_json(run: Runner, year: int) -> list[dict[str, object]]:
    return json.loads(ok(run("calendar", str(year), "--json")).stdout)


def show(run: Runner, number: str) -> dict:
    return json.loads(ok(run("show", number, "--json")).stdout)


def notice_due(run: Runner, number: str) -> str:
    return next(d["due"] for d in show(run, number)["deadlines"] if d["kind"] == "notice")


def moved_events(run: Runner, number: str) -> list[dict[str, object]]:
    return [e["detail"] for e in show(run, number)["events"] if e["action"] == "deadline_moved"]


@pytest.fixture
def two_requests(office: Runner) -> Runner:
    """Two open requests: FIRST due Tue 7 Apr 2026 (DOMAIN.md), SECOND due Wed 22 Apr 2026."""
    first = json.loads(ok(office(*request_args(received="2026-03-16 09:00"), "--json")).stdout)
    assert (first["number"], first["due"]) == (FIRST, "2026-04-07")
    # Wed 8 Apr: 9=1 10=2 13=3 14=4 15=5 16=6 17=7 20=8 21=9 22 Apr=10
    second = json.loads(ok(office(*request_args(received="2026-04-08 09:00", name="Yohanes Lay"), "--json")).stdout)
    assert (second["number"], second["due"]) == (SECOND, "2026-04-22")
    return office


# --- the year list -----------------------------------------------------------------------------

def test_calendar_2026_table(office: Runner) -> None:
    res = ok(office("calendar", "2026"))
    assert res.stderr == ""
    lines = res.stdout.splitlines()
    nyepi = next(line for line in lines if "Kamis, 19 Maret 2026" in line)
    assert "libur nasional" in nyepi and "Hari Suci Nyepi" in nyepi
    leave = next(line for line in lines if "Senin, 23 Maret 2026" in line)
    assert "cuti bersama" in leave and "Cuti Bersama Hari Raya Idul Fitri" in leave
    assert "Sabtu, 14 Maret 2026" not in res.stdout  # plain weekends are not listed


def test_calendar_2026_json(office: Runner) -> None:
    days = year_json(office, 2026)
    assert {"date": "2026-03-19", "kind": "holiday", "name": "Hari Suci Nyepi", "estimated": False,
            "office": False} in days
    assert len(days) == 25  # 17 libur nasional + 8 cuti bersama
    leave = [d["date"] for d in days if d["kind"] == "collective_leave"]
    assert leave == ["2026-02-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-24",
                     "2026-05-15", "2026-05-28", "2026-12-24"]
    assert not [d for d in days if d["estimated"]]


def test_calendar_2027_marks_estimates(office: Runner) -> None:
    days = {d["date"]: d for d in year_json(office, 2027)}
    assert days["2027-03-10"]["name"] == "Hari Raya Idul Fitri"
    assert days["2027-03-10"]["estimated"] is True
    assert days["2027-05-17"]["estimated"] is True  # Idul Adha
    assert days["2027-01-01"]["estimated"] is False  # Tahun Baru Masehi, a fixed date
    table = ok(office("calendar", "2027")).stdout
    assert "perkiraan" in next(line for line in table.splitlines() if "Rabu, 10 Maret 2027" in line)


def test_calendar_2024_has_the_voting_days(office: Runner) -> None:
    days = {d["date"]: d for d in year_json(office, 2024)}
    assert (days["2024-02-14"]["kind"], days["2024-02-14"]["name"]) == ("holiday", "Hari Pemilihan Umum")
    assert (days["2024-11-27"]["kind"], days["2024-11-27"]["name"]) == ("holiday", "Hari Pemilihan Kepala Daerah")


def test_calendar_year_out_of_range(office: Runner) -> None:
    fails(office("calendar", "1999"), 2, "di luar jangkauan")


# --- calendar due ------------------------------------------------------------------------------

@pytest.mark.parametrize(("start", "n", "expected"), [
    # DOMAIN.md §2 (cuti bersama not working)
    ("2026-03-16", "10", {"start": "2026-03-16", "day0": "2026-03-16", "working_days": 10, "due": "2026-04-07"}),
    ("2026-03-16", "17", {"start": "2026-03-16", "day0": "2026-03-16", "working_days": 17, "due": "2026-04-16"}),
    ("2025-03-26", "30", {"start": "2025-03-26", "day0": "2025-03-26", "working_days": 30, "due": "2025-05-22"}),
    ("2024-02-07", "10", {"start": "2024-02-07", "day0": "2024-02-07", "working_days": 10, "due": "2024-02-26"}),
    # 15:30 is before closing: that Monday is day 0
    ("2026-03-16 15:30", "10", {"start": "2026-03-16 15:30", "day0": "2026-03-16", "working_days": 10, "due": "2026-04-07"}),
    # 16:00 is closing: day 0 Tue 17; 25=1 26=2 27=3 30=4 31=5 1 Apr=6 2=7 6=8 7=9 8 Apr=10
    ("2026-03-16 16:00", "10", {"start": "2026-03-16 16:00", "day0": "2026-03-17", "working_days": 10, "due": "2026-04-08"}),
    # Saturday → Monday is day 0
    ("2026-03-14", "10", {"start": "2026-03-14", "day0": "2026-03-16", "working_days": 10, "due": "2026-04-07"}),
    # Pemilu day → Thu 15 Feb 2024; 16=1 19=2 20=3
    ("2024-02-14 10:00", "3", {"start": "2024-02-14 10:00", "day0": "2024-02-15", "working_days": 3, "due": "2024-02-20"}),
    # N = 0: the due date is day 0
    ("2026-03-21", "0", {"start": "2026-03-21", "day0": "2026-03-25", "working_days": 0, "due": "2026-03-25"}),
])
def test_due_json_shape_and_values(office: Runner, start: str, n: str, expected: dict) -> None:
    res = ok(office("calendar", "due", start, n, "--json"))
    assert json.loads(res.stdout) == expected


def test_due_counts_cuti_bersama_when_the_office_says_so(office: Runner) -> None:
    ok(office(*OFFICE_ARGS, "--cuti-bersama", "working"))
    res = ok(office("calendar", "due", "2026-03-16", "10", "--json"))
    # 17=1 18=2; 19 L; 20=3 23=4 24=5 25=6 26=7 27=8 30=9 31 Mar=10
    assert json.loads(res.stdout)["due"] == "2026-03-31"


def test_due_plain_text(office: Runner) -> None:
    res = ok(office("calendar", "due", "2026-03-16 16:30", "10"))
    assert res.stdout.strip() == "Hari ke-0: Selasa, 17 Maret 2026; tenggat 10 hari kerja: Rabu, 8 April 2026"


def test_due_explain_table(office: Runner) -> None:
    res = ok(office("calendar", "due", "2026-03-16 15:30", "10", "--explain"))
    rows = {line.split("│")[1].strip(): line for line in res.stdout.splitlines() if line.startswith("│")}
    assert "hari ke-0" in rows["Senin, 16 Maret 2026"]
    assert "dihitung (1)" in rows["Selasa, 17 Maret 2026"]
    assert "dilewati" in rows["Rabu, 18 Maret 2026"]
    assert "cuti bersama: Cuti Bersama Hari Suci Nyepi" in rows["Rabu, 18 Maret 2026"]
    assert "libur nasional: Hari Suci Nyepi" in rows["Kamis, 19 Maret 2026"]
    assert "akhir pekan: Sabtu" in rows["Sabtu, 28 Maret 2026"]
    assert "libur nasional: Wafat Yesus Kristus" in rows["Jumat, 3 April 2026"]
    assert "dihitung (10)" in rows["Selasa, 7 April 2026"]
    assert len(rows) == 23  # 16 Mar → 7 Apr inclusive
    assert res.stdout.strip().splitlines()[-1] == (
        "Hari ke-0: Senin, 16 Maret 2026; tenggat 10 hari kerja: Selasa, 7 April 2026")


def test_due_explain_json(office: Runner) -> None:
    data = json.loads(ok(office("calendar", "due", "2026-03-16", "3", "--explain", "--json")).stdout)
    assert (data["day0"], data["due"]) == ("2026-03-16", "2026-03-26")  # 17=1; 18–24 off; 25=2 26=3
    assert data["days"] == [
        {"date": "2026-03-16", "counted": False, "kind": "working", "reason": ""},  # day 0
        {"date": "2026-03-17", "counted": True, "kind": "working", "reason": ""},
        {"date": "2026-03-18", "counted": False, "kind": "collective_leave", "reason": "Cuti Bersama Hari Suci Nyepi"},
        {"date": "2026-03-19", "counted": False, "kind": "holiday", "reason": "Hari Suci Nyepi"},
        {"date": "2026-03-20", "counted": False, "kind": "collective_leave", "reason": "Cuti Bersama Hari Raya Idul Fitri"},
        {"date": "2026-03-21", "counted": False, "kind": "holiday", "reason": "Hari Raya Idul Fitri"},
        {"date": "2026-03-22", "counted": False, "kind": "holiday", "reason": "Hari kedua dari Hari Raya Idul Fitri"},
        {"date": "2026-03-23", "counted": False, "kind": "collective_leave", "reason": "Cuti Bersama Hari Raya Idul Fitri"},
        {"date": "2026-03-24", "counted": False, "kind": "collective_leave", "reason": "Cuti Bersama Hari Raya Idul Fitri"},
        {"date": "2026-03-25", "counted": True, "kind": "working", "reason": ""},
        {"date": "2026-03-26", "counted": True, "kind": "working", "reason": ""},
    ]


@pytest.mark.parametrize(("args", "phrase"), [
    (["2026-03-16", "-1"], "-1"),  # read as an unknown option by the parser
    (["2026-03-16", "--", "-1"], "Jumlah hari kerja -1 di luar jangkauan; gunakan 0–366"),
    (["2026-03-16", "367"], "Jumlah hari kerja 367 di luar jangkauan"),
    (["2026-03-16", "sepuluh"], "Nilai untuk N harus bilangan bulat"),
    (["2026-03-16", "2.5"], "Nilai untuk N harus bilangan bulat"),
    (["16-03-2026", "10"], "'16-03-2026' tidak valid; gunakan 'YYYY-MM-DD HH:MM'"),
    (["2026-03-16 25:00", "10"], "tidak valid"),
])
def test_due_bad_input(office: Runner, args: list[str], phrase: str) -> None:
    fails(office("calendar", "due", *args), 2, phrase)


# --- office time: `calendar due START 10m|2h|1d` -------------------------------------------------
# The fixture office is open 08:00–16:00 with the default break 12:00–13:00 (420 office minutes a day);
# where DOMAIN.md §8's 08.30 opening matters, the test sets it.

def due_json(run: Runner, *args: str) -> dict:
    return json.loads(ok(run("calendar", "due", *args, "--json")).stdout)


@pytest.mark.parametrize(("start", "amount", "expected"), [
    # 15.55–16.00 = 5; Tue 08.00–08.05 = 5
    ("2026-03-16 15:55", "10m", {"start": "2026-03-16 15:55", "amount": 10, "unit": "minutes", "office_minutes": 10,
                                 "begins": "2026-03-16 15:55", "due": "2026-03-17 08:05", "zone": "WITA"}),
    # before opening: counting begins at 08.00
    ("2026-03-16 07:00", "10m", {"start": "2026-03-16 07:00", "amount": 10, "unit": "minutes", "office_minutes": 10,
                                 "begins": "2026-03-16 08:00", "due": "2026-03-16 08:10", "zone": "WITA"}),
    # in the break: counting begins at 13.00
    ("2026-03-16 12:15", "10m", {"start": "2026-03-16 12:15", "amount": 10, "unit": "minutes", "office_minutes": 10,
                                 "begins": "2026-03-16 13:00", "due": "2026-03-16 13:10", "zone": "WITA"}),
    # 1 minute before closing: 1 minute ends exactly at closing and stays there
    ("2026-03-16 15:59", "1m", {"start": "2026-03-16 15:59", "amount": 1, "unit": "minutes", "office_minutes": 1,
                                "begins": "2026-03-16 15:59", "due": "2026-03-16 16:00", "zone": "WITA"}),
    # Friday afternoon: 15.00–16.00 = 60; Mon 16 Mar 08.00 + 60
    ("2026-03-13 15:00", "2h", {"start": "2026-03-13 15:00", "amount": 2, "unit": "hours", "office_minutes": 120,
                                "begins": "2026-03-13 15:00", "due": "2026-03-16 09:00", "zone": "WITA"}),
    # Friday before the Waisak/Pancasila long weekend: 15.30–16.00 = 30; Tue 2 Jun 08.00 + 30
    ("2026-05-29 15:30", "1h", {"start": "2026-05-29 15:30", "amount": 1, "unit": "hours", "office_minutes": 60,
                                "begins": "2026-05-29 15:30", "due": "2026-06-02 08:30", "zone": "WITA"}),
    # eve of cuti bersama: Tue 17 Mar 15.30–16.00 = 30; 18–24 Mar off; Wed 25 08.00 + 30
    ("2026-03-17 15:30", "60m", {"start": "2026-03-17 15:30", "amount": 60, "unit": "minutes", "office_minutes": 60,
                                 "begins": "2026-03-17 15:30", "due": "2026-03-25 08:30", "zone": "WITA"}),
    # a date alone starts at midnight: counting begins at opening
    ("2026-03-16", "10m", {"start": "2026-03-16 00:00", "amount": 10, "unit": "minutes", "office_minutes": 10,
                           "begins": "2026-03-16 08:00", "due": "2026-03-16 08:10", "zone": "WITA"}),
    # seconds are dropped: office time is counted to the minute
    ("2026-03-16 15:55:40", "10M", {"start": "2026-03-16 15:55", "amount": 10, "unit": "minutes", "office_minutes": 10,
                                    "begins": "2026-03-16 15:55", "due": "2026-03-17 08:05", "zone": "WITA"}),
])
def test_due_in_office_time_json(office: Runner, start: str, amount: str, expected: dict) -> None:
    assert due_json(office, start, amount) == expected


def test_due_in_office_minutes_plain_text_domain_example(office: Runner) -> None:
    ok(office("init", "--hours", "08:30-16:00"))
    res = ok(office("calendar", "due", "2026-03-16 15:55", "10m"))
    assert res.stderr == ""
    assert res.stdout == ("Mulai dihitung: Senin, 16 Maret 2026 15.55 WITA; "
                          "tenggat 10 menit kerja: Selasa, 17 Maret 2026 08.35 WITA\n")


@pytest.mark.parametrize(("zone", "hours", "start", "line"), [
    ("WIB", "08:00-16:00", "2026-03-16 15:55",
     "Mulai dihitung: Senin, 16 Maret 2026 15.55 WIB; tenggat 10 menit kerja: Selasa, 17 Maret 2026 08.05 WIB"),
    ("WITA", "08:30-16:00", "2026-03-16 15:55",
     "Mulai dihitung: Senin, 16 Maret 2026 15.55 WITA; tenggat 10 menit kerja: Selasa, 17 Maret 2026 08.35 WITA"),
    # WIT office open 07.30–15.30: 15.25–15.30 = 5, Tue 07.30 + 5
    ("WIT", "07:30-15:30", "2026-03-16 15:25",
     "Mulai dihitung: Senin, 16 Maret 2026 15.25 WIT; tenggat 10 menit kerja: Selasa, 17 Maret 2026 07.35 WIT"),
    # WIT, after its closing: counting begins Tue 07.30
    ("WIT", "07:30-15:30", "2026-03-16 15:35",
     "Mulai dihitung: Selasa, 17 Maret 2026 07.30 WIT; tenggat 10 menit kerja: Selasa, 17 Maret 2026 07.40 WIT"),
    # WIB, in the break, 2 hours: 13.00–15.00
    ("WIB", "08:00-16:00", "2026-03-16 12:30",
     "Mulai dihitung: Senin, 16 Maret 2026 13.00 WIB; tenggat 2 jam kerja: Senin, 16 Maret 2026 15.00 WIB"),
])
def test_due_in_office_time_in_each_zone(office: Runner, zone: str, hours: str, start: str, line: str) -> None:
    ok(office("init", "--tz", zone, "--hours", hours))
    amount = "2h" if "jam" in line else "10m"
    assert ok(office("calendar", "due", start, amount)).stdout.strip() == line


def test_due_one_day_is_the_legal_count(office: Runner) -> None:
    legal = {"start": "2026-03-16 15:55", "day0": "2026-03-16", "working_days": 1, "due": "2026-03-17"}
    assert due_json(office, "2026-03-16 15:55", "1d") == legal
    assert due_json(office, "2026-03-16 15:55", "1") == legal
    assert due_json(office, "2026-03-16", "10d")["due"] == "2026-04-07"  # DOMAIN.md §2


def test_due_follows_the_break_setting(office: Runner) -> None:
    # break 12.30–13.30: 12.20–12.30 = 10, 13.30 + 10
    ok(office("init", "--break", "12:30-13:30"))
    assert due_json(office, "2026-03-16 12:20", "20m")["due"] == "2026-03-16 13:40"
    ok(office("init", "--break", "none"))
    assert due_json(office, "2026-03-16 12:20", "20m")["due"] == "2026-03-16 12:40"


def test_due_in_office_time_explain_table(office: Runner) -> None:
    ok(office("init", "--hours", "08:30-16:00"))
    res = ok(office("calendar", "due", "2026-03-17 15:00", "2h", "--explain"))
    rows = [[cell.strip() for cell in line.split("│")[1:4]] for line in res.stdout.splitlines() if line.startswith("│")]
    assert rows == [
        ["Selasa, 17 Maret 2026 15.00–16.00", "dihitung 60 menit", ""],
        ["Selasa, 17 Maret 2026 16.00–24.00", "dilewati", "di luar jam kerja"],
        ["Rabu, 18 Maret 2026", "dilewati", "cuti bersama: Cuti Bersama Hari Suci Nyepi"],
        ["Kamis, 19 Maret 2026", "dilewati", "libur nasional: Hari Suci Nyepi"],
        ["Jumat, 20 Maret 2026", "dilewati", "cuti bersama: Cuti Bersama Hari Raya Idul Fitri"],
        ["Sabtu, 21 Maret 2026", "dilewati", "libur nasional: Hari Raya Idul Fitri"],
        ["Minggu, 22 Maret 2026", "dilewati", "libur nasional: Hari kedua dari Hari Raya Idul Fitri"],
        ["Senin, 23 Maret 2026 – Selasa, 24 Maret 2026", "dilewati", "cuti bersama: Cuti Bersama Hari Raya Idul Fitri"],
        ["Rabu, 25 Maret 2026 00.00–08.30", "dilewati", "di luar jam kerja"],
        ["Rabu, 25 Maret 2026 08.30–09.30", "dihitung 60 menit", ""],
    ]
    assert res.stdout.strip().splitlines()[-1] == (
        "Mulai dihitung: Selasa, 17 Maret 2026 15.00 WITA; tenggat 2 jam kerja: Rabu, 25 Maret 2026 09.30 WITA")


def test_due_in_office_time_explain_over_evening_and_break(office: Runner) -> None:
    res = ok(office("calendar", "due", "2026-03-16 15:30", "5h", "--explain"))
    rows = [[cell.strip() for cell in line.split("│")[1:4]] for line in res.stdout.splitlines() if line.startswith("│")]
    # 15.30–16.00 = 30; Tue 08.00–12.00 = 240; 13.00–13.30 = 30 → 300
    assert rows == [
        ["Senin, 16 Maret 2026 15.30–16.00", "dihitung 30 menit", ""],
        ["Senin, 16 Maret 2026 16.00 – Selasa, 17 Maret 2026 08.00", "dilewati", "di luar jam kerja"],
        ["Selasa, 17 Maret 2026 08.00–12.00", "dihitung 240 menit", ""],
        ["Selasa, 17 Maret 2026 12.00–13.00", "dilewati", "istirahat"],
        ["Selasa, 17 Maret 2026 13.00–13.30", "dihitung 30 menit", ""],
    ]


def test_due_in_office_time_explain_json(office: Runner) -> None:
    data = json.loads(ok(office("calendar", "due", "2026-03-16 11:30", "90m", "--explain", "--json")).stdout)
    assert data["due"] == "2026-03-16 14:00"  # 11.30–12.00 = 30, 13.00–14.00 = 60
    assert data["stretches"] == [
        {"start": "2026-03-16 11:30", "end": "2026-03-16 12:00", "kind": "office", "reason": "", "counted_minutes": 30},
        {"start": "2026-03-16 12:00", "end": "2026-03-16 13:00", "kind": "break", "reason": "", "counted_minutes": 0},
        {"start": "2026-03-16 13:00", "end": "2026-03-16 14:00", "kind": "office", "reason": "", "counted_minutes": 60},
    ]


def test_due_in_office_time_at_the_limits(office: Runner) -> None:
    assert due_json(office, "2026-03-16 08:00", "60000m")["office_minutes"] == 60000
    assert due_json(office, "2026-03-16 08:00", "1000h")["office_minutes"] == 60000
    assert due_json(office, "2026-03-16 08:00", "0m")["due"] == "2026-03-16 08:00"


@pytest.mark.parametrize(("args", "phrase"), [
    (["2026-03-16 15:55", "10x"], "Nilai untuk N harus bilangan bulat hari kerja, atau waktu kantor seperti 10m (menit), 2h (jam), 1d (hari kerja); bukan '10x'"),
    (["2026-03-16 15:55", "10 menit"], "bukan '10 menit'"),
    (["2026-03-16 15:55", "1h30m"], "Nilai untuk N harus bilangan bulat"),
    (["2026-03-16 15:55", "1234567890m"], "Nilai untuk N harus bilangan bulat"),
    (["2026-03-16 15:55", "9" * 60], "bukan '" + "9" * 30 + "…'"),
    (["2026-03-16 15:55", "--", "-5m"], "Jumlah menit -5 di luar jangkauan; gunakan 0–60000"),
    (["2026-03-16 15:55", "60001m"], "Jumlah menit 60001 di luar jangkauan; gunakan 0–60000"),
    (["2026-03-16 15:55", "1001h"], "Jumlah jam 1001 di luar jangkauan; gunakan 0–1000"),
    (["2026-03-16 15:55", "367d"], "Jumlah hari kerja 367 di luar jangkauan; gunakan 0–366"),
    (["2026-03-16 25:00", "10m"], "tidak valid"),
    # outside the calendar's years (9999-12-31 once overflowed the date type: exit 70)
    (["9999-12-31 15:55", "10m"], "Tanggal mulai '9999-12-31 15:55' di luar jangkauan; gunakan tanggal 2000-01-01 s.d. 2100-12-31"),
    (["9999-12-31", "10"], "'9999-12-31' di luar jangkauan"),
    (["1900-01-01 10:00", "1d"], "'1900-01-01 10:00' di luar jangkauan"),
    (["2026-03-16 15:55"], "Argumen N belum diisi"),
])
def test_due_in_office_time_bad_input(office: Runner, args: list[str], phrase: str) -> None:
    fails(office("calendar", "due", *args), 2, phrase)


# --- office days: closures and extra working days -----------------------------------------------

def test_closure_moves_open_deadlines_and_remove_restores(two_requests: Runner) -> None:
    run = two_requests
    res = ok(run("calendar", "add-closure", "2026-03-25", "Rapat pleno rekapitulasi"))
    # FIRST: 17=1; 18–24 off; 25 closed; 26=2 27=3 30=4 31=5 1 Apr=6 2=7 6=8 7=9 8 Apr=10
    row = next(line for line in res.stdout.splitlines() if FIRST in line)
    assert "Selasa, 7 April 2026" in row and "Rabu, 8 April 2026" in row
    assert row.index("Selasa, 7 April 2026") < row.index("Rabu, 8 April 2026")  # old → new
    assert "Tenggat yang bergeser: 1" in res.stdout
    assert SECOND not in res.stdout  # received after the closure: not moved
    assert notice_due(run, FIRST) == "2026-04-08"
    assert notice_due(run, SECOND) == "2026-04-22"
    assert moved_events(run, FIRST) == [{"deadline": "notice", "old_due": "2026-04-07", "new_due": "2026-04-08",
                                         "reason": "penutupan kantor Rabu, 25 Maret 2026: Rapat pleno rekapitulasi"}]
    assert moved_events(run, SECOND) == []
    assert {"date": "2026-03-25", "kind": "closure", "name": "Rapat pleno rekapitulasi", "estimated": False,
            "office": True} in year_json(run, 2026)

    back = ok(run("calendar", "remove", "2026-03-25", "--json"))
    assert json.loads(back.stdout) == [{"number": FIRST, "deadline": "notice", "old_due": "2026-04-08",
                                        "new_due": "2026-04-07"}]
    assert notice_due(run, FIRST) == "2026-04-07"
    assert [e["new_due"] for e in moved_events(run, FIRST)] == ["2026-04-08", "2026-04-07"]
    assert "2026-03-25" not in [d["date"] for d in year_json(run, 2026)]


def test_closure_json_lists_only_the_cases_it_moves(two_requests: Runner) -> None:
    # Thu 9 Apr is after FIRST's due date (7 Apr), inside SECOND's window:
    # day 0 Wed 8; 9 closed; 10=1 13=2 14=3 15=4 16=5 17=6 20=7 21=8 22=9 23 Apr=10
    res = ok(two_requests("calendar", "add-closure", "2026-04-09", "Banjir", "--json"))
    assert json.loads(res.stdout) == [{"number": SECOND, "deadline": "notice", "old_due": "2026-04-22",
                                       "new_due": "2026-04-23"}]
    # Mon 6 Apr is inside FIRST's window only: 17=1 25=2 26=3 27=4 30=5 31=6 1 Apr=7 2=8; 3 L;
    # 6 closed; 7=9 8 Apr=10
    res = ok(two_requests("calendar", "add-closure", "2026-04-06", "Listrik padam", "--json"))
    assert json.loads(res.stdout) == [{"number": FIRST, "deadline": "notice", "old_due": "2026-04-07",
                                       "new_due": "2026-04-08"}]


def test_closure_on_day_zero_moves_day_zero(two_requests: Runner) -> None:
    res = ok(two_requests("calendar", "add-closure", "2026-03-16", "Kantor tutup: pemadaman", "--json"))
    # day 0 becomes Tue 17: 25=1 26=2 27=3 30=4 31=5 1 Apr=6 2=7 6=8 7=9 8 Apr=10
    assert json.loads(res.stdout) == [{"number": FIRST, "deadline": "notice", "old_due": "2026-04-07",
                                       "new_due": "2026-04-08"}]
    assert show(two_requests, FIRST)["day0"] == "2026-03-17"


def test_saturday_declared_working_counts(two_requests: Runner) -> None:
    run = two_requests
    res = ok(run("calendar", "add-workday", "2026-03-28", "Sabtu masuk: tahapan pemilu", "--json"))
    # FIRST: 17=1 25=2 26=3 27=4 28 (Sat)=5 30=6 31=7 1 Apr=8 2=9 6 Apr=10
    assert json.loads(res.stdout) == [{"number": FIRST, "deadline": "notice", "old_due": "2026-04-07",
                                       "new_due": "2026-04-06"}]
    assert notice_due(run, FIRST) == "2026-04-06"
    assert {"date": "2026-03-28", "kind": "extra_workday", "name": "Sabtu masuk: tahapan pemilu",
            "estimated": False, "office": True} in year_json(run, 2026)
    due = json.loads(ok(run("calendar", "due", "2026-03-27 16:30", "1", "--json")).stdout)
    assert (due["day0"], due["due"]) == ("2026-03-28", "2026-03-30")  # Fri after closing → the Saturday
    ok(run("calendar", "remove", "2026-03-28"))
    assert notice_due(run, FIRST) == "2026-04-07"


def test_cuti_bersama_declared_working_counts(two_requests: Runner) -> None:
    res = ok(two_requests("calendar", "add-workday", "2026-03-18", "Layanan buka saat cuti bersama", "--json"))
    # 17=1 18=2 25=3 26=4 27=5 30=6 31=7 1 Apr=8 2=9 6 Apr=10
    assert json.loads(res.stdout)[0]["new_due"] == "2026-04-06"


def test_closure_with_nothing_open(office: Runner) -> None:
    res = ok(office("calendar", "add-closure", "2026-03-25", "Rapat pleno"))
    assert res.stdout == ""
    assert "Tidak ada tenggat berjalan yang bergeser." in res.stderr


# --- refused office days: nothing is written ----------------------------------------------------

def snapshot(run: Runner) -> tuple[list, dict]:
    return year_json(run, 2026), show(run, FIRST)


@pytest.mark.parametrize(("args", "code", "phrase"), [
    (["add-closure", "25-03-2026", "Rapat"], 2, "'25-03-2026' tidak valid; gunakan YYYY-MM-DD"),
    (["add-closure", "2026-02-30", "Rapat"], 2, "tidak valid"),
    (["add-closure", "2026-03-25", "  "], 2, "Alasan wajib diisi"),
    (["add-workday", "28/03/2026", "Sabtu masuk"], 2, "tidak valid; gunakan YYYY-MM-DD"),
    (["remove", "2026-3-25x"], 2, "tidak valid"),
    (["remove", "2026-03-30"], 3, "Senin, 30 Maret 2026 bukan hari yang ditetapkan kantor"),
    (["add-closure", "2026-03-19", "Rapat"], 1, "sudah bukan hari kerja (Hari Suci Nyepi)"),
    (["add-closure", "2026-03-23", "Rapat"], 1, "sudah bukan hari kerja (Cuti Bersama Hari Raya Idul Fitri)"),
    (["add-closure", "2026-03-28", "Rapat"], 1, "sudah bukan hari kerja (Sabtu)"),
    (["add-workday", "2026-03-26", "Lembur"], 1, "sudah hari kerja"),
])
def test_refused_office_days(two_requests: Runner, args: list[str], code: int, phrase: str) -> None:
    before = snapshot(two_requests)
    fails(two_requests("calendar", *args), code, phrase)
    assert snapshot(two_requests) == before


def test_duplicate_closure_is_refused(two_requests: Runner) -> None:
    ok(two_requests("calendar", "add-closure", "2026-03-25", "Rapat pleno"))
    before = snapshot(two_requests)
    fails(two_requests("calendar", "add-closure", "2026-03-25", "Rapat lagi"), 1,
          "Rabu, 25 Maret 2026 sudah tercatat sebagai penutupan kantor (Rapat pleno)")
    fails(two_requests("calendar", "add-workday", "2026-03-25", "Masuk"), 1, "sudah tercatat")
    assert snapshot(two_requests) == before
