"""Incoming letters and walk-in visits (seed 000): office-time standards, alternatives, overdue.

The office (conftest) keeps 08:00–16:00 WITA with a 12:00–13:00 break. Working days around
Lebaran 2026: Tue 17 Mar open; 18–24 Mar closed (Nyepi, Idul Fitri, cuti bersama); Wed 25 open.
Every due moment below is counted by hand in office minutes.
"""

import json
from datetime import UTC, datetime

import pytest

import kpudesk.cli.common

LETTER = ["register", "letter", "--sender", "Bawaslu Kabupaten Kupang", "--letter-number", "123/PM.01/2026",
          "--letter-date", "2026-03-16", "--subject", "Permintaan salinan DPT", "--nature", "segera"]
NUMBER = "001/SM/KPU-KAB.KPG/III/2026"


def _step(run, step: str, at: str, number: str = NUMBER) -> dict:
    res = run("step", number, step, "--at", at, "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def _next(payload: dict) -> list[tuple]:
    return [(c["step"], c["due"], c["due_at"]) for c in payload["next"]]


def test_letter_steps_count_office_minutes_across_closing_break_and_lebaran(office):
    res = office(*LETTER, "--received", "2026-03-17 15:55", "--json")
    assert res.exit_code == 0, res.stderr
    registered = json.loads(res.stdout)
    assert registered["number"] == NUMBER
    # written disposition, 5 minutes from 15:55: due at closing, 16:00 (a result at closing stays there)
    assert _next(registered) == [("written_disposition", "2026-03-17", "2026-03-17T16:00")]

    disposed = _step(office, "written_disposition", "2026-03-25 08:10")
    # late: 16:00 Tue 17 → 08:10 Wed 25 Mar is 10 office minutes (18–24 March closed)
    assert disposed["step"]["late_minutes"] == 10
    assert _next(disposed) == [("follow_up", "2026-03-25", "2026-03-25T08:20")]

    followed = _step(office, "follow_up", "2026-03-25 11:55")
    assert followed["step"]["late_minutes"] == 215  # 08:20 → 11:55
    # identify, 10 minutes from 11:55: 5 before the break, 5 after it
    assert _next(followed) == [("identify", "2026-03-25", "2026-03-25T13:05")]

    identified = _step(office, "identify", "2026-03-25 13:05")
    assert identified["step"]["late_minutes"] == 0
    # two alternatives: data in 60 min (14:05) or a reply letter in 1 working day (Thu 26);
    # one clock runs, the more lenient, so neither branch is reported late before it is chosen
    assert _next(identified) == [("assign_reply", "2026-03-26", None)]

    assigned = _step(office, "assign_data", "2026-03-25 13:30")
    assert assigned["step"]["due_at"] == "2026-03-25T14:05" and assigned["step"]["late_minutes"] == 0
    assert _next(assigned) == [("hand_over_data", "2026-03-25", "2026-03-25T13:40")]

    other = office("step", NUMBER, "assign_reply")
    assert other.exit_code == 1 and "jalur alternatifnya sudah diambil" in other.stderr
    skipped = office("step", NUMBER, "consult")
    assert skipped.exit_code == 1 and "sudah dilewati" in skipped.stderr and "11 hand_over_data" in skipped.stderr

    handed = _step(office, "hand_over_data", "2026-03-25 13:45")
    assert handed["step"]["late_minutes"] == 5 and handed["closed"] is True
    assert handed["expedition"] == "001/EKS/KPU-KAB.KPG/III/2026"
    shown = json.loads(office("show", NUMBER, "--json").stdout)
    assert shown["status"] == "closed"
    assert [s["step"] for s in shown["steps"]] == [
        "receive", "written_disposition", "follow_up", "identify", "assign_data", "hand_over_data"]
    assert shown["form"]["nature"] == "segera" and shown["form"]["letter_date"] == "2026-03-16"


def test_visit_runs_steps_one_to_four(office):
    res = office("register", "visit", "--name", "Agustina Nenobais", "--id-number", "5301014501900001", "--phone",
                 "081234567890", "--purpose", "Menanyakan data pemilih", "--to", "sekretaris", "--received",
                 "2026-03-17 09:00", "--json")
    assert res.exit_code == 0, res.stderr
    number = json.loads(res.stdout)["number"]
    assert number == "001/TM/KPU-KAB.KPG/III/2026"
    assert _next(json.loads(res.stdout)) == [("meet", "2026-03-17", "2026-03-17T09:10")]
    assert _next(_step(office, "meet", "2026-03-17 09:08", number)) == [("oral_disposition", "2026-03-17", "2026-03-17T09:13")]
    assert _next(_step(office, "oral_disposition", "2026-03-17 09:20", number)) == [("hand_over", "2026-03-17", "2026-03-17T09:50")]
    done = _step(office, "hand_over", "2026-03-17 11:50", number)
    assert done["step"]["late_minutes"] == 120 and done["closed"] and done["expedition"]
    shown = json.loads(office("show", number, "--json").stdout)
    assert shown["form"]["to"] == "Sekretaris" and shown["form"]["id_number"] == "5301********0001"


def _at(monkeypatch, local: str) -> None:
    """Run the following commands at this WITA moment (the CLI reads the clock once per command)."""
    moment = datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=UTC) - (datetime(2000, 1, 1, 8) - datetime(2000, 1, 1))
    monkeypatch.setattr(kpudesk.cli.common, "now", lambda: moment)


def test_a_late_minute_step_shows_in_overdue_from_the_minute_it_is_late(office, monkeypatch):
    office(*LETTER, "--received", "2026-03-17 15:55")
    _at(monkeypatch, "2026-03-17 15:59")
    assert office("overdue").stdout == ""
    soon = json.loads(office("overdue", "--within", "0", "--json").stdout)
    assert [(i["label"], i["unit"], i["days"]) for i in soon["upcoming"]] == [
        ("Disposisi tertulis kepada pejabat terkait", "minutes", 1)]
    _at(monkeypatch, "2026-03-25 08:45")
    report = json.loads(office("overdue", "--json").stdout)
    assert [(i["number"], i["unit"], i["days"], i["due_at"], i["responsible"]) for i in report["overdue"]] == [
        (NUMBER, "minutes", 45, "2026-03-17T16:00", "Sekretaris dan Ketua")]
    assert "45 menit" in office("overdue").stdout


def test_overdue_as_of_another_day_judges_minute_clocks_at_its_close(office):
    office(*LETTER, "--received", "2026-03-17 15:55")
    assert json.loads(office("overdue", "--as-of", "2026-03-17", "--json").stdout)["overdue"] == []
    report = json.loads(office("overdue", "--as-of", "2026-03-25", "--json").stdout)
    # 16:00 Tue 17 → 16:00 Wed 25 Mar: one office day, 8 hours less the 1-hour break
    assert [(i["unit"], i["days"]) for i in report["overdue"]] == [("minutes", 420)]


@pytest.mark.parametrize("args, code, words", [
    (["--nature", "kilat"], 2, "biasa, segera, sangat-segera, rahasia"),
    (["--letter-date", "16/03/2026"], 2, "YYYY-MM-DD"),
    (["--attachments", "-1"], 2, "bilangan bulat"),
    (["--attachments", "99999999999999999999"], 2, "bilangan bulat"),
    (["--received", "2099-01-01 10:00"], 2, "masa depan"),
])
def test_register_letter_bad_input(office, args, code, words):
    base = list(LETTER)
    res = office(*base, *args)
    assert res.exit_code == code, res.stderr
    assert words in res.stderr and res.stderr.count("\n") == 1
    assert json.loads(office("list", "--json").stdout) == []


def test_register_visit_to_an_unknown_position_is_refused(office):
    res = office("register", "visit", "--name", "Ana", "--purpose", "Data", "--to", "Presiden")
    assert res.exit_code == 2 and "Jabatan 'Presiden'" in res.stderr


def test_nature_accepts_spaces_and_kinds_their_indonesian_names(office):
    res = office(*LETTER[:-1], "sangat segera", "--received", "2026-03-17 10:00", "--json")
    assert res.exit_code == 0, res.stderr
    listed = json.loads(office("list", "--kind", "surat", "--json").stdout)
    assert [(r["number"], r["name"], r["info"]) for r in listed] == [
        (NUMBER, "Bawaslu Kabupaten Kupang", "Permintaan salinan DPT")]
    assert json.loads(office("list", "--search", "bawaslu", "--json").stdout)[0]["number"] == NUMBER


def test_a_letter_gets_its_disposition_sheet_lead_copies_and_ticked_instructions(office):
    office(*LETTER, "--received", "2026-03-17 09:00")
    res = office("disposition", "add", NUMBER, "--by", "Ketua", "--to", "Sekretaris", "--copy", "head_technical",
                 "--copy", "Kasubag Hukum dan SDM", "--action", "proses lebih lanjut", "--action", "monitor",
                 "--instruction", "Siapkan salinan DPT", "--within", "1", "--at", "2026-03-17 09:30", "--json")
    assert res.exit_code == 0, res.stderr
    rows = json.loads(res.stdout)
    assert [(r["to"], r["copy"], r["due"]) for r in rows] == [
        ("Sekretaris", False, "2026-03-25"),  # 1 working day after Tue 17 March 2026 (18–24 closed)
        ("Kasubag Teknis dan Hupmas", True, None), ("Kasubag Hukum dan SDM", True, None)]
    assert rows[0]["actions"] == ["Proses lebih lanjut", "Pantau"] and rows[0]["instruction"] == "Siapkan salinan DPT"
    bad = office("disposition", "add", NUMBER, "--by", "Ketua", "--to", "Sekretaris", "--action", "bakar")
    assert bad.exit_code == 2 and "tanggapi-dan-saran" in bad.stderr
    only_ticks = office("disposition", "add", NUMBER, "--by", "Ketua", "--to", "Sekretaris", "--action", "arsip",
                        "--at", "2026-03-17 10:00", "--json")
    assert json.loads(only_ticks.stdout)[0]["instruction"] == "Arsip"
