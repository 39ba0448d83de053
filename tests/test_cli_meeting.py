"""Coordination and working meetings (seed 003): steps in office minutes, invitations, the report.

The office (conftest) keeps 08:00–16:00 WITA with a 12:00–13:00 break. Mon 16 and Tue 17 Mar
2026 are working days; 18–24 Mar are closed (Nyepi, Idul Fitri, cuti bersama); Wed 25 is open.
A meeting ending Tue 17 Mar has its report due 1 working day later: Wed 25 Mar.
"""

import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

NUMBER = "001/RAPAT/KPU-KAB.KPG/III/2026"
MEETING = ["register", "meeting", "--title", "Rakor persiapan Pilkada", "--type", "rakor",
           "--start", "2026-03-17 09:00", "--end", "2026-03-17 15:00", "--venue", "Aula KPU"]


def _ok(res) -> dict:
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def _next(payload: dict) -> list[tuple]:
    return [(c["step"], c["due_at"] or c["due"]) for c in payload["next"]]


def _report_overdue(run, day: str) -> list[tuple]:
    report = _ok(run("overdue", "--as-of", day, "--json"))
    return [(i["number"], i["due"], i["days"]) for i in report["overdue"] if i["label"].startswith("Laporan kegiatan")]


def test_meeting_from_the_nota_dinas_to_the_report(office):
    registered = _ok(office(*MEETING, "--received", "2026-03-16 08:00", "--json"))
    assert registered["number"] == NUMBER
    # the nota dinas 5 minutes after the pleno's order; the report's clock runs from registration
    assert _next(registered) == [("nota_dinas", "2026-03-16T08:05"), ("report", "2026-03-25")]
    expected = [  # step, done at, due by hand, minutes late, the next step's due moment by hand
        ("nota_dinas", "2026-03-16 08:05", "2026-03-16T08:05", 0, ("draft_tor", "2026-03-16T09:05")),
        ("draft_tor", "2026-03-16 09:30", "2026-03-16T09:05", 25, ("approve_tor", "2026-03-16T10:00")),
        # 1 hour from 11:45: 15 minutes before the break, 45 after it
        ("approve_tor", "2026-03-16 11:45", "2026-03-16T10:00", 105, ("prepare", "2026-03-16T13:45")),
        ("prepare", "2026-03-16 15:30", "2026-03-16T13:45", 105, ("readiness", "2026-03-16T16:00")),
        # from closing on Monday to 08:20 on Tuesday: 20 office minutes
        ("readiness", "2026-03-17 08:20", "2026-03-16T16:00", 20, ("opening", "2026-03-17T09:20")),
        ("opening", "2026-03-17 09:00", "2026-03-17T09:20", 0, None),
    ]
    for code, at, due, late, following in expected:
        done = _ok(office("step", NUMBER, code, "--at", at, "--json"))
        assert (done["step"]["due_at"], done["step"]["late_minutes"]) == (due, late)
        assert sorted(_next(done)) == sorted(([following] if following else []) + [("report", "2026-03-25")])
    held = _ok(office("step", NUMBER, "meeting", "--at", "2026-03-17 15:00", "--json"))
    assert held["step"]["due"] is None and _next(held) == [("report", "2026-03-25")]

    assert _report_overdue(office, "2026-03-25") == []
    assert _report_overdue(office, "2026-03-26") == [(NUMBER, "2026-03-25", 1)]
    report = _ok(office("step", NUMBER, "report", "--at", "2026-03-26 10:00", "--document", "Laporan rakor", "--json"))
    assert report["closed"] and (report["step"]["due"], report["step"]["late_days"]) == ("2026-03-25", 1)
    assert report["expedition"] == "001/EKS/KPU-KAB.KPG/III/2026"
    assert _report_overdue(office, "2026-03-27") == []


def test_the_report_is_watched_even_when_no_step_was_recorded(office):
    office(*MEETING[:-4], "--received", "2026-03-02 09:00")  # no --end: the meeting ends the day it starts
    assert _report_overdue(office, "2026-03-25") == []
    assert _report_overdue(office, "2026-03-26") == [(NUMBER, "2026-03-25", 1)]


def test_invitations_write_the_expedition_book_and_attendance_is_listed(office):
    office(*MEETING, "--received", "2026-03-16 08:00")
    sent = _ok(office("meeting", "invite", NUMBER, "--to", "Ketua KPU Kota Kupang", "--institution", "KPU Kota Kupang",
                      "--via", "kurir", "--at", "2026-03-16 10:00", "--json"))
    assert sent["expedition"] == "001/EKS/KPU-KAB.KPG/III/2026"
    entries = _ok(office("expedition", "list", "--json"))
    assert [(e["document"], e["addressee"], e["courier"], e["case"]) for e in entries] == [
        ("Undangan Rakor: Rakor persiapan Pilkada", "Ketua KPU Kota Kupang, KPU Kota Kupang", "kurir", NUMBER)]
    assert office("expedition", "receive", sent["expedition"], "--by", "Sekretariat KPU Kota", "--at", "2026-03-16 11:00").exit_code == 0
    _ok(office("meeting", "attend", NUMBER, "ketua kpu kota kupang", "--at", "2026-03-17 08:55", "--json"))
    _ok(office("meeting", "attend", NUMBER, "Maria Bria", "--institution", "Bawaslu", "--at", "2026-03-17 09:05", "--json"))
    twice = office("meeting", "attend", NUMBER, "Maria Bria", "--at", "2026-03-17 09:06")
    assert twice.exit_code == 1 and "sudah tercatat hadir" in twice.stderr
    shown = _ok(office("show", NUMBER, "--json"))
    assert [(p["name"], p["institution"], p["invited_at"], p["attended_at"]) for p in shown["participants"]] == [
        ("Ketua KPU Kota Kupang", "KPU Kota Kupang", "2026-03-16T10:00", "2026-03-17T08:55"),
        ("Maria Bria", "Bawaslu", None, "2026-03-17T09:05")]


def test_meeting_register_lists_the_steps_and_the_report(office, tmp_path):
    office(*MEETING, "--received", "2026-03-16 08:00")
    for code, at in (("nota_dinas", "2026-03-16 08:05"), ("draft_tor", "2026-03-16 09:00"), ("approve_tor", "2026-03-16 09:30"),
                     ("prepare", "2026-03-16 10:30"), ("readiness", "2026-03-17 08:30"), ("opening", "2026-03-17 09:00"),
                     ("meeting", "2026-03-17 15:00"), ("report", "2026-03-25 10:00")):
        assert office("step", NUMBER, code, "--at", at).exit_code == 0
    out = tmp_path / "rapat.xlsx"
    assert office("export-register", "--kind", "rapat", "--year", "2026", "-o", str(out)).exit_code == 0
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "REGISTER RAPAT KOORDINASI DAN RAPAT KERJA"
    row = [c.value for c in sheet[7]]
    assert row[:8] == [1, NUMBER, datetime(2026, 3, 16, 8, 0), "Rakor persiapan Pilkada", "rakor",
                       datetime(2026, 3, 17, 9, 0), datetime(2026, 3, 17, 15, 0), "Aula KPU"]
    assert row[8:17] == [datetime(2026, 3, 16, 8, 0), datetime(2026, 3, 16, 8, 5), datetime(2026, 3, 16, 9, 0),
                         datetime(2026, 3, 16, 9, 30), datetime(2026, 3, 16, 10, 30), datetime(2026, 3, 17, 8, 30),
                         datetime(2026, 3, 17, 9, 0), datetime(2026, 3, 17, 15, 0), datetime(2026, 3, 25, 10, 0)]
    assert row[17:] == [2, "Selesai"]


@pytest.mark.parametrize("args, code, words", [
    (["register", "meeting", "--title", "Rakor", "--type", "rapat", "--start", "2026-03-17 09:00"], 2, "rakor, raker"),
    (["register", "meeting", "--title", "Rakor", "--type", "rakor", "--start", "2026-03-17"], 2, "perlu jam"),
    (["register", "meeting", "--title", "Rakor", "--type", "rakor", "--start", "17/03/2026 09:00"], 2, "YYYY-MM-DD HH:MM"),
    (["register", "meeting", "--title", "Rakor", "--type", "rakor", "--start", "2026-03-17 09:00", "--end", "2026-03-16 09:00"], 2, "sebelum waktu mulai"),
    (["register", "meeting", "--title", "Rakor", "--type", "rakor", "--start", "2150-03-17 09:00"], 2, "2000-01-01 s.d. 2100-12-31"),
    (["register", "meeting", "--title", "Rakor", "--type", "rakor"], 2, "--start"),
    (["meeting", "invite", NUMBER, "--to", " "], 2, "wajib diisi"),
    (["meeting", "invite", "404/RAPAT/X/III/2026", "--to", "Ketua"], 3, "Tidak ada"),
    (["meeting", "invite", NUMBER, "--to", "Ketua", "--at", "2026-03-15 10:00"], 2, "lebih awal"),
    (["meeting", "attend", NUMBER, "Ketua", "--at", "2026-03-16 10:00"], 2, "sebelum hari rapat"),
    (["meeting", "attend", NUMBER, "Ketua", "--at", "kemarin"], 2, "YYYY-MM-DD"),
])
def test_bad_input_on_meeting_commands(office, args, code, words):
    office(*MEETING, "--received", "2026-03-16 08:00")
    before = office("show", NUMBER, "--json").stdout
    res = office(*args)
    assert res.exit_code == code, res.stderr
    assert words in res.stderr and res.stderr.count("\n") == 1 and res.stderr.startswith("kpudesk:")
    assert office("show", NUMBER, "--json").stdout == before
    assert len(_ok(office("list", "--json"))) == 1 and _ok(office("expedition", "list", "--json")) == []


def test_a_closed_meeting_takes_no_more_invitations(office):
    office(*MEETING, "--received", "2026-03-16 08:00")
    office("void", NUMBER, "--reason", "Rapat dibatalkan")
    res = office("meeting", "invite", NUMBER, "--to", "Ketua")
    assert res.exit_code == 1 and "sudah selesai" in res.stderr


def test_a_meeting_ending_on_a_saturday_reports_by_tuesday(office):
    # Sat 7 Nov 2026 is not a working day: the count starts Mon 9 Nov, 1 working day → Tue 10 Nov
    res = _ok(office("register", "meeting", "--title", "Raker akhir pekan", "--type", "raker",
                     "--start", "2026-11-06 09:00", "--end", "2026-11-07 12:00", "--received", "2026-11-02 09:00", "--json"))
    assert [(c["step"], c["due"]) for c in res["next"] if c["step"] == "report"] == [("report", "2026-11-10")]
    office("calendar", "add-closure", "2026-11-10", "Libur daerah")
    shown = _ok(office("show", res["number"], "--json"))
    assert [d["due"] for d in shown["deadlines"] if d["step"] == "report" and d["status"] == "open"] == ["2026-11-11"]
