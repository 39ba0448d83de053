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


# --- the two human forms: plain lines (cron, pipes) and tables (a terminal) ----------------------

BOX = set("│┃─━┏┓┗┛┡┩╇╈┳┻╋┼")


def _late_three_and_a_disposition(office):
    """Three late requests and one late disposition to another position; as of Mon 2026-04-13."""
    b = _register(office, "2026-03-02 09:00", name="Yohanes Tefa")  # notice due Mon 03-16, 14 HK late
    a = _register(office, "2026-03-16 09:00")  # notice due Tue 04-07, 4 HK late
    c = _register(office, "2026-03-17 09:00", name="Ester Lado")  # +10 HK → due Wed 04-08, 3 HK late
    res = office("disposition", "add", a, "--by", "PPID", "--to", "Kasubag Teknis dan Hupmas",
                 "--instruction", "Siapkan salinan", "--within", "3", "--at", "2026-03-16 10:00")
    assert res.exit_code == 0, res.stderr  # due Thu 03-26 (03-17, 25, 26)
    # late 11 HK: 03-27, 30, 31, 04-01, 02, 06, 07, 08, 09, 10, 13 (04-03 Wafat Yesus skipped)
    return a, b, c


def test_plain_lines_grouped_by_position_most_late_first(office):
    a, b, c = _late_three_and_a_disposition(office)
    res = office("overdue", "--as-of", "2026-04-13")
    assert res.exit_code == 0 and res.stderr == ""
    assert not BOX & set(res.stdout)
    assert res.stdout.splitlines() == [
        "Terlambat per Senin, 13 April 2026: 4 tenggat",
        "",
        "PPID (3)",
        f"  terlambat 14 HK  {b}  Pemberitahuan tertulis, jatuh tempo Senin, 16 Maret 2026"
        "  Yohanes Tefa — Salinan SK penetapan DPT Pemilu 2024",
        f"  terlambat 4 HK  {a}  Pemberitahuan tertulis, jatuh tempo Selasa, 7 April 2026"
        "  Maria Bria — Salinan SK penetapan DPT Pemilu 2024",
        f"  terlambat 3 HK  {c}  Pemberitahuan tertulis, jatuh tempo Rabu, 8 April 2026"
        "  Ester Lado — Salinan SK penetapan DPT Pemilu 2024",
        "",
        "Kasubag Teknis dan Hupmas (1)",
        f"  terlambat 11 HK  {a}  Tindak lanjut disposisi, jatuh tempo Kamis, 26 Maret 2026"
        "  Maria Bria — Salinan SK penetapan DPT Pemilu 2024",
    ]


def test_plain_upcoming_section_after_the_late_one(office):
    late = _register(office, "2026-03-16 09:00")  # due Tue 2026-04-07
    soon = _register(office, "2026-03-25 09:00")  # due Thu 2026-04-09
    lines = office("overdue", "--as-of", "2026-04-08", "--within", "1").stdout.splitlines()
    assert lines[:4] == ["Terlambat per Rabu, 8 April 2026: 1 tenggat", "", "PPID (1)",
                         f"  terlambat 1 HK  {late}  Pemberitahuan tertulis, jatuh tempo Selasa, 7 April 2026"
                         "  Maria Bria — Salinan SK penetapan DPT Pemilu 2024"]
    assert lines[4:9] == ["", "Jatuh tempo dalam 1 hari kerja: 1 tenggat", "", "PPID (1)",
                          f"  sisa 1 HK  {soon}  Pemberitahuan tertulis, jatuh tempo Kamis, 9 April 2026"
                          "  Maria Bria — Salinan SK penetapan DPT Pemilu 2024"]
    due = office("due", "--as-of", "2026-04-08", "--within", "1").stdout.splitlines()
    assert due[0] == "Jatuh tempo dalam 1 hari kerja sejak Rabu, 8 April 2026: 1 tenggat"
    assert due[3].startswith(f"  sisa 1 HK  {soon}")


def test_terminal_table_cuts_each_block_and_all_shows_everything(office, monkeypatch):
    monkeypatch.setattr("kpudesk.cli.overdue.stdout_is_terminal", lambda: True)
    numbers = [_register(office, f"2026-03-{day:02d} 09:00") for day in (2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17)]
    res = office("overdue", "--as-of", "2026-04-13")
    assert res.exit_code == 0
    out = res.stdout
    assert "Terlambat per Senin, 13 April 2026: 12 tenggat" in out and "PPID (12)" in out
    shown = [n for n in numbers if n in out]
    assert shown == numbers[:10]  # the ten most late, in that order
    assert out.index(numbers[0]) < out.index(numbers[9])
    assert "… dan 2 lainnya (tambahkan --all untuk semua)" in out
    assert "14 HK" in out and "Senin, 16 Maret 2026" in out
    every = office("overdue", "--as-of", "2026-04-13", "--all").stdout
    assert [n for n in numbers if n in every] == numbers and "lainnya" not in every


def test_all_is_a_flag(office):
    res = office("overdue", "--all=ya")
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1
    assert res.stdout == ""


def test_late_text_units_and_due_moment():
    from datetime import date, datetime

    from kpudesk.cli.due_report import due_text, late_text
    from kpudesk.services.deadlines import DueItem

    def item(days: int, working: bool, **extra) -> DueItem:
        return DueItem("001/X", "request", "notice", "Pemberitahuan", date(2026, 12, 7), days, working, "PPID", "",
                       "", **extra)

    assert (late_text(item(2, True)), late_text(item(3, False)), late_text(item(1250, True))) == (
        "2 HK", "3 hari", "1.250 HK")
    minutes = item(45, True, unit="minutes", due_at=datetime(2026, 12, 7, 10, 30))
    assert late_text(minutes) == "45 menit" and minutes.as_dict()["unit"] == "minutes"
    assert due_text(minutes) == "Senin, 7 Desember 2026 pukul 10.30"
    assert due_text(item(2, True)) == "Senin, 7 Desember 2026"
    assert item(2, False).as_dict()["unit"] == "calendar_days"
