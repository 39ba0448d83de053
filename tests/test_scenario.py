"""One request through its whole life: disposition → extension → refused (Pasal 17 h, after a
consequence test) → objection (ground a) → answer upheld → dispute → Komisi Informasi stages.

Every due date below was counted by hand from DOMAIN.md §1–§2 and the 2026 holiday list
(18 Mar cuti Nyepi, 19 Mar Nyepi, 20/23/24 Mar cuti Idul Fitri, 3 Apr Wafat Yesus, 1 May Hari
Buruh, 14 May Kenaikan, 15 May cuti, 27 May Idul Adha, 28 May cuti, 1 Jun Pancasila).
"""

import json

from tests.conftest import request_args

REQUEST = "001/PPID/KPU-KAB.KPG/III/2026"
TEST = "001/UK/KPU-KAB.KPG/III/2026"
OBJECTION = "001/KEB/KPU-KAB.KPG/IV/2026"
KASUBAG = "Kasubag Teknis dan Hupmas"


def _ok(run, *args):
    res = run(*args)
    assert res.exit_code == 0, (args, res.stderr)
    return res


def _json(run, *args):
    return json.loads(_ok(run, *args, "--json").stdout)


def _deadlines(run, number):
    return {d["kind"]: (d["start"], d["due"], d["status"], d["late_days"]) for d in _json(run, "show", number)["deadlines"]}


def test_a_refused_request_goes_all_the_way_to_the_komisi_informasi(office):
    run = office
    # Mon 16 Mar 09:00: day 0 that day; +10 HK = 17, 25, 26, 27, 30, 31, 1, 2, 6, 7 → Tue 7 Apr.
    reg = _json(run, *request_args(received="2026-03-16 09:00", info="Data pribadi anggota PPS Kec. Amarasi"))
    assert (reg["number"], reg["day0"], reg["due"]) == (REQUEST, "2026-03-16", "2026-04-07")

    # Disposition PPID → Kasubag within 3 HK: 17, 25, 26 → Thu 26 Mar; done on 25 Mar, on time.
    disp = _json(run, "disposition", "add", REQUEST, "--by", "PPID", "--to", KASUBAG,
                 "--instruction", "Periksa apakah data memuat data pribadi", "--within", "3", "--at", "2026-03-16 10:00")
    assert (disp[0]["to"], disp[0]["due"]) == (KASUBAG, "2026-03-26")
    done = _json(run, "disposition", "done", REQUEST, "--position", KASUBAG, "--note", "Memuat NIK dan alamat",
                 "--at", "2026-03-25 14:00")
    assert done["late_days"] == 0

    # Consequence test received Thu 26 Mar: 7 calendar days → Thu 2 Apr; decided 31 Mar, exempt under h.
    started = _json(run, "exemption", "start", "--request", REQUEST, "--received", "2026-03-26 09:00")
    assert (started["number"], started["due"], started["unit"]) == (TEST, "2026-04-02", "calendar_days")
    decided_test = _json(run, "exemption", "decide", TEST, "--result", "exempt", "--exemption", "h",
                         "--basis", "BA Pleno 05/PL.01-BA/5301/2026", "--at", "2026-03-31 15:00")
    assert (decided_test["status"], decided_test["late_days"]) == ("decided", 0)

    # Extension on 6 Apr, before the original deadline: from 7 Apr +7 HK = 8, 9, 10, 13, 14, 15, 16 → 16 Apr.
    ext = _json(run, "extend", REQUEST, "--reason", "Menunggu hasil uji konsekuensi", "--at", "2026-04-06 10:00")
    assert (ext["status"], ext["notice_due"], ext["due"], ext["late"]) == ("extended", "2026-04-07", "2026-04-16", False)

    # Written notice on 14 Apr: refused under Pasal 17 h, pointing to the consequence test; on time.
    notice = _json(run, "decide", REQUEST, "--decision", "refused", "--exemption", "h", "--exemption-test", TEST,
                   "--at", "2026-04-14 11:00")
    assert (notice["status"], notice["decision"], notice["late_days"]) == ("decided", "refused", 0)
    assert _deadlines(run, REQUEST) == {
        "notice": ("2026-03-16", "2026-04-07", "extended", None),
        "extension": ("2026-04-07", "2026-04-16", "met", 0),
        "disposition": ("2026-03-16", "2026-03-26", "met", 0),
    }

    # Objection on Mon 20 Apr, ground a. Filing window: 30 HK from the notice (14 Apr) = 3 Jun
    # (15,16,17,20,21,22,23,24,27,28,29,30, 4,5,6,7,8,11,12,13,18,19,20,21,22,25,26,29, 2 Jun, 3 Jun).
    # Answer due: 30 HK from day 0 (20 Apr) = 9 Jun
    # (21,22,23,24,27,28,29,30, 4,5,6,7,8,11,12,13,18,19,20,21,22,25,26,29, 2,3,4,5,8,9 Jun).
    objection = _json(run, "register", "objection", "--request", REQUEST, "--ground", "a",
                      "--case-position", "Pemohon hanya meminta nama, bukan NIK", "--received", "2026-04-20 09:00")
    assert (objection["number"], objection["request"], objection["day0"]) == (OBJECTION, REQUEST, "2026-04-20")
    assert (objection["due"], objection["filing_deadline"], objection["filing_late"]) == ("2026-06-09", "2026-06-03", False)

    # The Atasan PPID upholds on 20 May, on time; the requester's window to go to the Komisi
    # Informasi is 14 HK from 20 May: 21,22,25,26,29, 2,3,4,5,8,9,10,11,12 Jun → 12 Jun.
    answer = _json(run, "objection", "answer", OBJECTION, "--decision", "upheld", "--reasons",
                   "Informasi memuat data pribadi (Pasal 17 huruf h)", "--superior",
                   "Yosef Tanu, Sekretaris KPU Kabupaten Kupang", "--at", "2026-05-20 10:00")
    assert (answer["status"], answer["late_days"], answer["dispute_due"]) == ("answered", 0, "2026-06-12")

    reaction = _json(run, "objection", "reaction", OBJECTION, "dispute", "--at", "2026-06-02 09:00")
    assert (reaction["status"], reaction["window_due"], reaction["within_window"]) == ("disputed", "2026-06-12", True)
    for stage, at in (("registered", "2026-06-08 10:00"), ("mediation", "2026-07-01 10:00"),
                      ("adjudication", "2026-08-03 10:00")):
        _ok(run, "objection", "dispute", OBJECTION, "--stage", stage, "--at", at)
        assert _json(run, "show", OBJECTION)["objection"]["dispute"]["stage"] == stage
    _ok(run, "objection", "dispute", OBJECTION, "--stage", "decided", "--outcome",
        "Komisi Informasi menguatkan penolakan", "--at", "2026-09-14 10:00")

    final = _json(run, "show", OBJECTION)
    assert final["status"] == "closed"
    assert [s["stage"] for s in final["objection"]["dispute"]["stages"]] == [
        "filed", "registered", "mediation", "adjudication", "decided"]
    assert final["objection"]["dispute"]["outcome"] == "Komisi Informasi menguatkan penolakan"
    assert _deadlines(run, OBJECTION) == {
        "objection_answer": ("2026-04-20", "2026-06-09", "met", 0),
        "dispute_window": ("2026-05-20", "2026-06-12", "met", 0),
    }
    assert _json(run, "show", REQUEST)["status"] == "decided"
    # Nothing of this story is late for the office on any morning of it.
    for day in ("2026-03-27", "2026-04-15", "2026-06-10", "2026-09-15"):
        assert _ok(run, "overdue", "--as-of", day).stdout == ""
