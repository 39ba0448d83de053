"""`kpudesk overdue` and `kpudesk due`: what cron prints each morning."""

import json

from tests.conftest import request_args


def _register(office, received, **extra):
    res = office(*request_args(received=received, **extra), "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)["number"]


def test_nothing_late_prints_nothing_and_exits_0(office):
    _register(office, "2026-03-16 09:00")  # due 2026-04-07
    for args in (["overdue", "--as-of", "2026-04-07"], ["overdue", "--as-of", "2026-04-07", "--exit-code"],
                 ["due", "--as-of", "2026-04-08", "--within", "0"]):
        res = office(*args)
        assert (res.exit_code, res.stdout, res.stderr) == (0, "", "")
    # Scripts asking for JSON get an empty report rather than nothing at all.
    res = office("overdue", "--as-of", "2026-04-07", "--json")
    assert json.loads(res.stdout) == {"as_of": "2026-04-07", "overdue": [], "upcoming": []}


def test_within_0_lists_what_is_due_today(office):
    number = _register(office, "2026-03-16 09:00")  # due 2026-04-07
    res = json.loads(office("due", "--as-of", "2026-04-07", "--within", "0", "--json").stdout)
    assert [(i["number"], i["due"], i["days"]) for i in res["upcoming"]] == [(number, "2026-04-07", 0)]


def test_overdue_lists_oldest_first_with_working_days_late(office):
    a = _register(office, "2026-03-16 09:00")  # due Tue 2026-04-07
    b = _register(office, "2026-03-02 09:00")  # +10 HK: 3,4,5,6,9,10,11,12,13,16 → due Mon 2026-03-16
    res = office("overdue", "--as-of", "2026-04-13", "--json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["as_of"] == "2026-04-13"
    # b: working days after 03-16 up to 04-13 (18 cuti Nyepi, 19 Nyepi, 20/23/24 cuti Lebaran and
    # 04-03 Wafat Yesus skipped): 03-17, 25, 26, 27, 30, 31, 04-01, 02, 06, 07, 08, 09, 10, 13 = 14
    # a: after 04-07: 08, 09, 10, 13 = 4
    assert [(i["number"], i["due"], i["days"]) for i in data["overdue"]] == [(b, "2026-03-16", 14), (a, "2026-04-07", 4)]
    first = data["overdue"][0]
    assert first["deadline"] == "notice" and first["responsible"] == "PPID" and first["unit"] == "working_days"
    assert first["subject"].startswith("Maria Bria — Salinan SK")
    assert data["upcoming"] == []


def test_exit_code_flag_and_table_output(office):
    number = _register(office, "2026-03-16 09:00")
    res = office("overdue", "--as-of", "2026-04-08", "--exit-code")
    assert res.exit_code == 1
    assert number in res.stdout and "1 HK" in res.stdout and "Pemberitahuan tertulis" in res.stdout
    assert res.stderr == ""


def test_within_adds_an_upcoming_group(office):
    late = _register(office, "2026-03-16 09:00")  # due 2026-04-07
    soon = _register(office, "2026-03-25 09:00")  # 26,27,30,31,04-01,02,06,07,08,09 → due Thu 2026-04-09
    res = json.loads(office("overdue", "--as-of", "2026-04-08", "--within", "1", "--json").stdout)
    assert [i["number"] for i in res["overdue"]] == [late]
    assert [(i["number"], i["due"], i["days"]) for i in res["upcoming"]] == [(soon, "2026-04-09", 1)]
    due = json.loads(office("due", "--as-of", "2026-04-08", "--within", "1", "--json").stdout)
    assert [i["number"] for i in due["upcoming"]] == [soon]


def test_bad_as_of_and_within(office):
    res = office("overdue", "--as-of", "kemarin")
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.stderr and len(res.stderr.splitlines()) == 1
    res = office("overdue", "--within", "-1")
    assert res.exit_code == 2 and "--within" in res.stderr
    res = office("overdue", "--within", "lima")
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1
