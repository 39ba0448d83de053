"""Helpdesk consultations (seed 004): problems, answers, escalation, report and receipt.

The office (conftest) keeps 08:00–16:00 WITA with a 12:00–13:00 break. Tue 17 Mar 2026 is a
working day; 18–24 Mar are closed (Nyepi, Idul Fitri, cuti bersama); Wed 25 Mar is open. Every
due moment below is counted by hand in office minutes.
"""

import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

NUMBER = "001/HD/KPU-KAB.KPG/III/2026"
CONSULT = ["register", "consultation", "--name", "Yosef Tefa", "--phone", "081337001122", "--party", "pkb",
           "--topic", "Pendaftaran SIPOL"]


@pytest.fixture
def helpdesk(office):
    """An office with two parties on its list."""
    for name, short in (("Partai Kebangkitan Bangsa", "PKB"), ("Partai Gerakan Indonesia Raya", "Gerindra")):
        assert office("party", "add", name, "--short", short).exit_code == 0
    return office


def _ok(res) -> dict:
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def _next(payload: dict) -> list[tuple]:
    return [(c["step"], c["due_at"]) for c in payload["next"]]


def test_consultation_two_problems_one_escalated_through_to_the_receipt(helpdesk):
    run = helpdesk
    registered = _ok(run(*CONSULT, "--received", "2026-03-17 11:55", "--json"))
    assert registered["number"] == NUMBER
    # problems noted within 10 minutes of 11:55: 5 before the break, 5 after it → 13:05
    assert _next(registered) == [("problems", "2026-03-17T13:05")]

    noted = _ok(run("consultation", "problem", NUMBER, "Gagal unggah KTA\nAkun operator terkunci",
                    "--at", "2026-03-17 12:30", "--json"))
    assert [p["no"] for p in noted["problems"]] == [1, 2] and noted["steps_done"] == ["problems"]
    # noted in the break: the 30 minutes for the answers start at 13:00 → 13:30
    assert _next(noted) == [("answers", "2026-03-17T13:30")]

    first = _ok(run("consultation", "answer", NUMBER, "1", "Ukuran KTA paling besar 2 MB", "--at", "2026-03-17 13:20", "--json"))
    assert first["steps_done"] == [] and _next(first) == [("answers", "2026-03-17T13:30")]
    escalated = _ok(run("consultation", "answer", NUMBER, "2", "--escalate", "--at", "2026-03-17 13:40", "--json"))
    # every problem answered or escalated: the answers step is done at 13:40, 10 minutes late;
    # the provincial helpdesk has 15 minutes → 13:55, and the report waits for it
    assert escalated["steps_done"] == ["answers"]
    assert _next(escalated) == [("escalation", "2026-03-17T13:55")]
    early = run("step", NUMBER, "report", "--at", "2026-03-17 13:50")
    assert early.exit_code == 1 and "permasalahan 2 belum dicatat" in early.stderr

    province = _ok(run("consultation", "answer", NUMBER, "2", "Akun dibuka oleh admin provinsi",
                       "--at", "2026-03-17 15:55", "--json"))
    assert province["steps_done"] == ["escalation"]
    # report: 10 minutes from 15:55 → 5 today, 5 on the next working day (Wed 25 Mar) → 08:05
    assert _next(province) == [("report", "2026-03-25T08:05")]
    report = _ok(run("step", NUMBER, "report", "--at", "2026-03-25 08:03", "--json"))
    assert report["step"]["late_minutes"] == 0 and _next(report) == [("handover", "2026-03-25T08:13")]
    handover = _ok(run("step", NUMBER, "handover", "--at", "2026-03-25 08:20", "--document", "Laporan helpdesk", "--json"))
    assert handover["closed"] and handover["step"]["late_minutes"] == 7
    receipt = run("expedition", "receive", handover["expedition"], "--by", "Yosef Tefa", "--at", "2026-03-25 08:21")
    assert receipt.exit_code == 0, receipt.stderr

    shown = _ok(run("show", NUMBER, "--json"))
    steps = {s["step"]: (s["due_at"], s["late_minutes"]) for s in shown["steps"]}
    assert steps == {
        "attendance": ("2026-03-17T12:00", 0), "problems": ("2026-03-17T13:05", 0),
        "answers": ("2026-03-17T13:30", 10), "escalation": ("2026-03-17T13:55", 120),
        "report": ("2026-03-25T08:05", 0), "handover": ("2026-03-25T08:13", 7)}
    assert [(p["no"], p["escalated"], p["answer"], p["provincial_answer"]) for p in shown["problems"]] == [
        (1, False, "Ukuran KTA paling besar 2 MB", ""), (2, True, "", "Akun dibuka oleh admin provinsi")]
    assert shown["form"]["party"] == "Partai Kebangkitan Bangsa" and shown["form"]["phone"] == "0813****1122"


def _run_through(run) -> None:
    run(*CONSULT, "--received", "2026-03-17 09:00")
    run("consultation", "problem", NUMBER, "Gagal unggah KTA", "Akun operator terkunci", "--at", "2026-03-17 09:05")
    run("consultation", "answer", NUMBER, "1", "Ukuran KTA paling besar 2 MB", "--at", "2026-03-17 09:10")
    run("consultation", "answer", NUMBER, "2", "--escalate", "--at", "2026-03-17 09:12")
    run("consultation", "answer", NUMBER, "2", "Akun dibuka admin provinsi", "--at", "2026-03-17 09:20")
    run("step", NUMBER, "report", "--at", "2026-03-17 09:25")
    handed = _ok(run("step", NUMBER, "handover", "--at", "2026-03-17 09:30", "--json"))
    run("expedition", "receive", handed["expedition"], "--by", "Yosef Tefa", "--at", "2026-03-17 09:31")


def test_helpdesk_report_register_cell_by_cell(helpdesk, tmp_path):
    _run_through(helpdesk)
    helpdesk("register", "consultation", "--name", "Maria Lake", "--phone", "081299887766", "--party", "gerindra",
             "--received", "2026-03-17 10:00")
    out = tmp_path / "hd.xlsx"
    res = helpdesk("export-register", "--kind", "konsultasi", "--year", "2026", "-o", str(out))
    assert res.exit_code == 0, res.stderr
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "LAPORAN HELPDESK FASILITASI DAN KONSULTASI SIPOL"
    first = [c.value for c in sheet[7]]
    assert first[:6] == [1, NUMBER, datetime(2026, 3, 17, 9, 0), "Yosef Tefa", "0813****1122", "Partai Kebangkitan Bangsa"]
    assert first[6:] == ["1. Gagal unggah KTA\n2. Akun operator terkunci",
                         "1. Ukuran KTA paling besar 2 MB\n2. [Helpdesk KPU Provinsi] Akun dibuka admin provinsi",
                         "✓", "Yosef Tefa", datetime(2026, 3, 17, 9, 31), "Selesai"]
    second = [c.value for c in sheet[8]]
    assert second[1:7] == ["002/HD/KPU-KAB.KPG/III/2026", datetime(2026, 3, 17, 10, 0), "Maria Lake", "0812****7766",
                           "Partai Gerakan Indonesia Raya", None]
    assert second[8:] == [None, None, None, "Terdaftar"]


def test_attendance_list_of_one_day_has_a_signature_column(helpdesk, tmp_path):
    helpdesk(*CONSULT, "--received", "2026-03-17 09:00")
    helpdesk("register", "consultation", "--name", "Maria Lake", "--phone", "081299887766", "--party", "Gerindra",
             "--received", "2026-03-25 10:00")
    out = tmp_path / "hadir.xlsx"
    res = helpdesk("export-register", "--kind", "consultation", "--day", "2026-03-17", "-o", str(out))
    assert res.exit_code == 0, res.stderr
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "DAFTAR HADIR HELPDESK SIPOL" and sheet["A3"].value == "Tanggal 17 Maret 2026"
    assert [c.value for c in sheet[5]][-1] == "Tanda tangan"
    assert [c.value for c in sheet[7]] == [1, datetime(2026, 3, 17, 9, 0), "Yosef Tefa", "Partai Kebangkitan Bangsa",
                                           "0813****1122", "Pendaftaran SIPOL", None]
    assert sheet.max_row == 7


def test_party_list_matches_loosely_and_refuses_twins(helpdesk):
    assert _ok(helpdesk("party", "list", "--json")) == [
        {"name": "Partai Gerakan Indonesia Raya", "short": "Gerindra"}, {"name": "Partai Kebangkitan Bangsa", "short": "PKB"}]
    twin = helpdesk("party", "add", "partai kebangkitan  bangsa")
    assert twin.exit_code == 1 and "sudah ada" in twin.stderr
    res = _ok(helpdesk(*CONSULT[:-4], "--party", "Kebangkitan", "--json"))
    assert _ok(helpdesk("show", res["number"], "--json"))["form"]["party"] == "Partai Kebangkitan Bangsa"


@pytest.mark.parametrize("args, code, words", [
    (["register", "consultation", "--name", "A", "--phone", "0812345678", "--party", "Partai Hijau"], 2, "tidak ada dalam daftar partai"),
    (["register", "consultation", "--name", "A", "--phone", "0812345678", "--party", "partai"], 2, "lebih dari satu partai"),
    (["register", "consultation", "--name", "A", "--phone", "telepon", "--party", "pkb"], 2, "elepon"),
    (["register", "consultation", "--name", "A", "--phone", "0812345678"], 2, "--party"),
    (["consultation", "problem", "999/HD/X/III/2026", "Masalah"], 3, "Tidak ada"),
    (["consultation", "problem", NUMBER, "  \n "], 2, "satu baris per permasalahan"),
    (["consultation", "answer", NUMBER, "1", "Jawab"], 3, "permasalahan nomor 1"),
    (["consultation", "answer", NUMBER, "0", "Jawab"], 2, "N"),
    (["party", "add", "\x1b[31mMerah"], 2, "karakter kendali"),
    (["party", "add", "***"], 2, "tidak memuat huruf"),
    (["export-register", "--kind", "consultation", "--day", "17-03-2026"], 2, "YYYY-MM-DD"),
    (["export-register", "--kind", "consultation", "--day", "2026-03-17", "--year", "2026"], 2, "--day saja"),
    (["export-register", "--kind", "request", "--day", "2026-03-17"], 2, "daftar hadir"),
])
def test_bad_input_on_consultation_commands(helpdesk, args, code, words, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    helpdesk(*CONSULT, "--received", "2026-03-17 09:00")
    before = helpdesk("show", NUMBER, "--json").stdout
    res = helpdesk(*args)
    assert res.exit_code == code, res.stderr
    assert words in res.stderr and res.stderr.count("\n") == 1 and res.stderr.startswith("kpudesk:")
    assert helpdesk("show", NUMBER, "--json").stdout == before
    assert len(_ok(helpdesk("list", "--json"))) == 1 and len(_ok(helpdesk("party", "list", "--json"))) == 2
    assert list(tmp_path.glob("*.xlsx")) == []


def test_answers_are_refused_once_given_and_after_the_case_is_closed(helpdesk):
    _run_through(helpdesk)
    again = helpdesk("consultation", "answer", NUMBER, "1", "Lagi")
    assert again.exit_code == 1 and "sudah selesai" in again.stderr
    other = _ok(helpdesk(*CONSULT, "--received", "2026-03-17 10:00", "--json"))["number"]
    helpdesk("consultation", "problem", other, "Masalah A", "--at", "2026-03-17 10:05")
    helpdesk("consultation", "answer", other, "1", "Jawaban A", "--at", "2026-03-17 10:06")
    twice = helpdesk("consultation", "answer", other, "1", "Jawaban B", "--at", "2026-03-17 10:07")
    assert twice.exit_code == 1 and "sudah dijawab" in twice.stderr
    late_problem = helpdesk("consultation", "problem", other, "Masalah B", "--at", "2026-03-17 10:08")
    assert late_problem.exit_code == 1 and "konsultasi baru" in late_problem.stderr
    direct = helpdesk("step", other, "escalation")
    assert direct.exit_code == 1 and "tidak ada permasalahan yang dieskalasi" in direct.stderr
