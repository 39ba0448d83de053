"""`kpudesk report compliance` on a hand-built set of cases, every figure counted by hand.

The office (conftest) keeps 08:00–16:00 WITA with a 12:00–13:00 break. Three consultations on
Tue 10 Mar 2026 (helpdesk SOP: problems 10 min, answers 30 min, escalation 15 min, report and
handover 10 min each, each from the step before):

  001  in 09:00, problems 09:04 (4), answers 09:20 (16), report 09:35 (15, 5 late), handover 09:40 (5)
  002  in 10:00, problems 10:20 (20, 10 late), answers 10:30 (10, problem escalated),
       escalation 11:00 (30, 15 late), report 11:05 (5), handover 11:50 (45, 35 late)
  003  in 11:00, problems 11:08 (8), answers 11:58 (50, 20 late); report still running (late by now)

Medians and nearest-rank 90th percentiles (value number ⌈0.9·n⌉ of the sorted list):
  problems [4, 8, 20] → 8 and 20; answers [10, 16, 50] → 16 and 50; escalation [30] → 30 and 30;
  report [5, 15] → 10 and 15; handover [5, 45] → 25 and 45; attendance (done at arrival) [0, 0, 0] → 0.

Two requests for the legal notice clock (10 working days from day 0):
  R1 in Mon 2 Mar, due Mon 16 Mar, notice Thu 5 Mar: 3 working days, on time.
  R2 in Tue 3 Mar, due Tue 17 Mar, notice Thu 26 Mar (18–24 Mar closed): 12 working days, 2 late.
  → median 7.5, p90 12, 1 of 2 on time.
"""

import json

import pytest
from openpyxl import load_workbook

from tests.conftest import request_args

PARTY = ["--phone", "081337001122", "--party", "pkb"]


def _ok(res) -> dict:
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout) if res.stdout.strip().startswith(("{", "[")) else {}


def _consultation(run, received: str, steps: list[tuple]) -> str:
    number = _ok(run("register", "consultation", "--name", "Wakil partai", *PARTY, "--received", received, "--json"))["number"]
    for args in steps:
        _ok(run(*[a.replace("N", number) if a == "N" else a for a in args]))
    return number


@pytest.fixture
def cases(office):
    office("party", "add", "Partai Kebangkitan Bangsa", "--short", "PKB")
    _consultation(office, "2026-03-10 09:00", [
        ("consultation", "problem", "N", "Masalah A", "--at", "2026-03-10 09:04"),
        ("consultation", "answer", "N", "1", "Jawaban A", "--at", "2026-03-10 09:20"),
        ("step", "N", "report", "--at", "2026-03-10 09:35"), ("step", "N", "handover", "--at", "2026-03-10 09:40")])
    _consultation(office, "2026-03-10 10:00", [
        ("consultation", "problem", "N", "Masalah B", "--at", "2026-03-10 10:20"),
        ("consultation", "answer", "N", "1", "--escalate", "--at", "2026-03-10 10:30"),
        ("consultation", "answer", "N", "1", "Jawaban provinsi", "--at", "2026-03-10 11:00"),
        ("step", "N", "report", "--at", "2026-03-10 11:05"), ("step", "N", "handover", "--at", "2026-03-10 11:50")])
    _consultation(office, "2026-03-10 11:00", [
        ("consultation", "problem", "N", "Masalah C", "--at", "2026-03-10 11:08"),
        ("consultation", "answer", "N", "1", "Jawaban C", "--at", "2026-03-10 11:58")])
    for received, decided in (("2026-03-02 09:00", "2026-03-05 10:00"), ("2026-03-03 09:00", "2026-03-26 10:00")):
        number = _ok(office(*request_args(), "--received", received, "--json"))["number"]
        _ok(office("decide", number, "--decision", "granted", "--via", "kurir", "--at", decided))
    return office


def _figures(row: dict) -> tuple:
    return (row["done"], row["with_standard"], row["within"], row["median"], row["p90"],
            [(w["number"][:3], w["late"]) for w in row["worst"]], row["running"], row["running_late"], row["missing"])


def test_compliance_counts_and_medians_by_hand(cases):
    report = _ok(cases("report", "compliance", "--year", "2026", "--json"))
    helpdesk = next(s for s in report["sops"] if s["kind"] == "consultation")
    assert helpdesk["cases"] == 3
    rows = {s["step"]: _figures(s) for s in helpdesk["steps"]}
    assert rows == {
        "attendance": (3, 3, 3, 0.0, 0, [], 0, 0, []),
        "problems": (3, 3, 2, 8.0, 20, [("002", 10)], 0, 0, []),
        "answers": (3, 3, 2, 16.0, 50, [("003", 20)], 0, 0, []),
        "escalation": (1, 1, 0, 30.0, 30, [("002", 15)], 0, 0, []),
        "report": (2, 2, 1, 10.0, 15, [("001", 5)], 1, 1, []),
        "handover": (2, 2, 1, 25.0, 45, [("002", 35)], 0, 0, []),
    }
    assert all(s["unit"] == "minutes" for s in helpdesk["steps"])
    notice = next(c for c in report["legal"] if c["clock"] == "notice")
    assert _figures(notice) == (2, 2, 1, 7.5, 12, [("002", 2)], 0, 0, [])
    letters = next(s for s in report["sops"] if s["kind"] == "letter")
    assert letters["cases"] == 0 and all(s["done"] == 0 and s["median"] is None for s in letters["steps"])


def test_a_case_with_an_unrecorded_step_is_named_not_guessed(cases, store_db):
    store_db.execute("DELETE FROM case_step WHERE step = 'problems' AND case_id = "
                     "(SELECT id FROM \"case\" WHERE number = '001/HD/KPU-KAB.KPG/III/2026')")
    report = _ok(cases("report", "compliance", "--kind", "konsultasi", "--year", "2026", "--json"))
    assert [s["kind"] for s in report["sops"]] == ["consultation"] and report["legal"] == []
    rows = {s["step"]: _figures(s) for s in report["sops"][0]["steps"]}
    assert rows["problems"] == (2, 2, 1, 14.0, 20, [("002", 10)], 0, 0, ["001/HD/KPU-KAB.KPG/III/2026"])
    assert rows["answers"][3:5] == (16.0, 50)  # 001's answers still timed from its own clock (09:04)


def test_compliance_xlsx_cell_by_cell(cases, tmp_path):
    out = tmp_path / "kepatuhan.xlsx"
    res = cases("report", "compliance", "--from", "2026-03-01", "--to", "2026-03-31", "--output", str(out))
    assert res.exit_code == 0, res.stderr
    assert "Konsultasi helpdesk SIPOL" in res.stdout and str(out) in res.stderr
    sheet = load_workbook(out).active
    assert [sheet.cell(row=r, column=1).value for r in range(1, 4)] == [
        "LAPORAN KEPATUHAN MUTU BAKU WAKTU", "KPU Kabupaten Kupang", "Periode 1 Maret 2026 s.d. 31 Maret 2026"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=8)]
    by_label = {(r[0], r[1]): r for r in rows}
    answers = by_label[("Konsultasi helpdesk SIPOL", 3)]
    assert answers[2:] == ["Menjawab berdasarkan UU, PKPU, juknis, FAQ dan manual SIPOL", "30 menit", "menit", 3, 3, 2,
                           "66.7%", "16", 50, "003/HD/KPU-KAB.KPG/III/2026 (20 menit)", 0, 0, None]
    report_row = by_label[("Konsultasi helpdesk SIPOL", 5)]
    assert report_row[5:] == [2, 2, 1, "50%", "10", 15, "001/HD/KPU-KAB.KPG/III/2026 (5 menit)", 1, 1, None]
    notice = next(r for r in rows if r[0] == "Tenggat undang-undang" and r[2] == "Pemberitahuan tertulis")
    assert notice[5:] == [2, 2, 1, "50%", "7.5", 12, "002/PPID/KPU-KAB.KPG/III/2026 (2 HK)", 0, 0, None]
    assert len(rows) == 4 + 9 + 11 + 6 + 9 + 4  # letter, visit, complaint, consultation, meeting steps; 4 legal clocks


@pytest.mark.parametrize("args, words", [
    (["--kind", "dokumen"], "tidak memiliki mutu baku"),
    (["--year", "2026", "--from", "2026-01-01", "--to", "2026-02-01"], "tidak keduanya"),
    (["--from", "2026-02-01"], "harus diberikan bersama"),
    (["--from", "2026-03-01", "--to", "2026-02-01"], "jatuh setelah"),
    (["--from", "1/3/2026", "--to", "2026-03-31"], "YYYY-MM-DD"),
    (["--year", "1999"], "tidak valid"),
    (["--output", "kepatuhan.csv"], ".xlsx"),
    (["--output", "/nonexistent-dir/k.xlsx"], "tidak ada"),
])
def test_compliance_bad_input(office, args, words, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path / "out")
    res = office("report", "compliance", *args)
    assert res.exit_code == 2, res.stderr
    assert words in res.stderr and res.stderr.count("\n") == 1 and res.stdout == ""
    assert list((tmp_path / "out").iterdir()) == []


def test_a_legal_clock_that_ran_out_with_no_act_is_lapsed_not_unrecorded(office):
    # A request received Mon 16 Mar 2026 never answered; the objection of Wed 8 Apr is due Mon 25 May
    # and was never answered either; the requester went to the Komisi Informasi on Tue 26 May.
    request = _ok(office(*request_args(), "--received", "2026-03-16 09:00", "--json"))["number"]
    objection = _ok(office("register", "objection", "--request", request, "--ground", "c", "--case-position",
                           "Permohonan tidak dijawab", "--received", "2026-04-08 10:00", "--json"))["number"]
    _ok(office("objection", "reaction", objection, "dispute", "--at", "2026-05-26 09:00", "--json"))
    report = _ok(office("report", "compliance", "--kind", "keberatan", "--year", "2026", "--json"))
    answer = report["legal"][0]
    assert (answer["clock"], answer["done"], answer["lapsed"], answer["missing"]) == ("objection_answer", 0, [objection], [])
