"""Helpdesk consultations (seed 004): problems, answers, escalation, report and receipt.

The office (conftest) keeps 08:00–16:00 WITA with a 12:00–13:00 break. Tue 17 Mar 2026 is a
working day; 18–24 Mar are closed (Nyepi, Idul Fitri, cuti bersama); Wed 25 Mar is open. Every
due moment below is counted by hand in office minutes.
"""

import json

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
