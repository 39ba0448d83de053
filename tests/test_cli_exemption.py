"""`exemption start | decide` (uji konsekuensi): 7 calendar days from the PPID's receipt (seed 001, Lampiran III)."""

import json

from tests.conftest import request_args

REQUEST = "001/PPID/KPU-KAB.KPG/III/2026"
TEST = "001/UK/KPU-KAB.KPG/III/2026"


def _request(run):
    res = run(*request_args(received="2026-03-16 09:00"))
    assert res.exit_code == 0, res.stderr


def _start(run, received="2026-03-21 10:00", request=REQUEST):
    return run("exemption", "start", "--request", request, "--received", received, "--json")


def _started(run, received="2026-03-21 10:00"):
    res = _start(run, received)
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def _decide(run, at, result="exempt", *letters, basis="BA Pleno 12/PL.02-BA/5301/2026"):
    args = ["exemption", "decide", TEST, "--result", result, "--at", at, "--json"]
    for letter in letters:
        args += ["--exemption", letter]
    return run(*args, *(["--basis", basis] if basis else []))


def _show(run, number):
    res = run("show", number, "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_start_counts_seven_calendar_days_from_receipt_even_on_a_holiday(office):
    _request(office)
    data = _started(office, "2026-03-21 10:00")
    assert (data["number"], data["request"]) == (TEST, REQUEST)
    # Received Sat 21 Mar (Idul Fitri): not moved to a working day; +7 calendar days = Sat 28 Mar.
    assert data["due"] == "2026-03-28"
    assert (data["days"], data["unit"], data["responsible"]) == (7, "calendar_days", "Tim Pertimbangan")
    story = _show(office, TEST)
    assert story["parent"]["number"] == REQUEST
    deadline = story["deadlines"][0]
    assert (deadline["kind"], deadline["start"], deadline["due"]) == ("consequence_test", "2026-03-21", "2026-03-28")
    assert story["exemption"]["result"] is None


def test_overdue_reports_calendar_days_late(office):
    _request(office)
    _started(office)
    res = office("overdue", "--as-of", "2026-04-01", "--json")
    items = [i for i in json.loads(res.stdout)["overdue"] if i["deadline"] == "consequence_test"]
    # Due Sat 28 Mar; on Wed 1 Apr: 29, 30, 31, 1 = 4 calendar days.
    assert [(i["number"], i["days"], i["unit"], i["responsible"]) for i in items] == [
        (TEST, 4, "calendar_days", "Tim Pertimbangan"),
    ]


def test_decide_exempt_closes_the_clock(office):
    _request(office)
    _started(office)
    res = _decide(office, "2026-03-30 10:00", "exempt", "h", "a,h")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    # Due Sat 28 Mar; decided Mon 30 Mar = 2 calendar days late.
    assert (data["status"], data["result"], data["exemptions"], data["late_days"]) == ("decided", "exempt", ["a", "h"], 2)
    story = _show(office, TEST)
    assert story["status"] == "decided"
    assert story["deadlines"][0]["status"] == "met" and story["deadlines"][0]["late_days"] == 2
    assert story["exemption"]["basis"] == "BA Pleno 12/PL.02-BA/5301/2026"
    assert [e["letter"] for e in story["exemption"]["exemptions"]] == ["a", "h"]
    assert office("overdue", "--as-of", "2026-04-01", "--json").stdout.count("consequence_test") == 0


def test_refused_decisions_write_nothing(office):
    _request(office)
    _started(office)
    before = _show(office, TEST)
    no_letter = _decide(office, "2026-03-25 10:00", "exempt")
    assert no_letter.exit_code == 2 and "wajib menyebut huruf pengecualian" in no_letter.stderr
    open_with_letter = _decide(office, "2026-03-25 10:00", "open", "h")
    assert open_with_letter.exit_code == 2 and "tidak boleh disertai --exemption" in open_with_letter.stderr
    bad_letter = _decide(office, "2026-03-25 10:00", "exempt", "k")
    assert bad_letter.exit_code == 2 and "'k' tidak dikenal" in bad_letter.stderr
    no_basis = _decide(office, "2026-03-25 10:00", "open", basis=None)
    assert no_basis.exit_code == 2 and "Dasar keputusan" in no_basis.stderr
    assert _show(office, TEST) == before
    assert _decide(office, "2026-03-25 10:00", "open").exit_code == 0
    twice = _decide(office, "2026-03-26 10:00", "exempt", "h")
    assert twice.exit_code == 1 and "sudah diputus" in twice.stderr


def test_start_refusals(office):
    _request(office)
    unknown = _start(office, request="404/PPID/KPU-KAB.KPG/III/2026")
    assert unknown.exit_code == 3 and "Tidak ada perkara" in unknown.stderr
    _started(office)
    pending = _start(office, "2026-03-25 10:00")
    assert pending.exit_code == 1 and "belum diputus" in pending.stderr
    of_test = _start(office, "2026-03-25 10:00", request=TEST)
    assert of_test.exit_code == 1 and "bukan permohonan informasi" in of_test.stderr
    assert office("void", TEST, "--reason", "Salah catat").exit_code == 0
    assert office("void", REQUEST, "--reason", "Salah catat").exit_code == 0
    voided = _start(office, "2026-03-25 10:00")
    assert voided.exit_code == 1 and "sudah dibatalkan" in voided.stderr
    assert len(json.loads(office("list", "--kind", "exemption", "--json").stdout)) == 1


def test_a_refusal_can_rest_on_an_exempt_test_only(office):
    _request(office)
    _started(office)
    _decide(office, "2026-03-25 09:00", "open")
    refused = office("decide", REQUEST, "--decision", "refused", "--exemption", "h", "--exemption-test", TEST,
                     "--at", "2026-03-25 10:00")
    assert refused.exit_code == 1 and "tidak menyimpulkan informasi dikecualikan" in refused.stderr
    second = _started(office, "2026-03-25 11:00")["number"]
    assert second == "002/UK/KPU-KAB.KPG/III/2026"
    decided = office("exemption", "decide", second, "--result", "exempt", "--exemption", "h", "--basis", "BA 13",
                     "--at", "2026-03-26 10:00")
    assert decided.exit_code == 0, decided.stderr
    ok = office("decide", REQUEST, "--decision", "refused", "--exemption", "h", "--exemption-test", second,
                "--at", "2026-03-26 11:00")
    assert ok.exit_code == 0, ok.stderr
    tests = _show(office, REQUEST)["exemptions"]
    assert [(t["number"], t["status"], t["result"]) for t in tests] == [
        (TEST, "decided", "open"), (second, "decided", "exempt"),
    ]


def test_a_refusal_cites_only_letters_its_test_found_exempt(office):
    _request(office)
    _started(office)
    decided = _decide(office, "2026-03-25 09:00", "exempt", "h", "j")
    assert decided.exit_code == 0, decided.stderr
    before = _show(office, REQUEST)
    refuse = ("decide", REQUEST, "--decision", "refused", "--exemption-test", TEST, "--at", "2026-03-25 10:00")
    beyond = office(*refuse, "--exemption", "a,h")
    assert beyond.exit_code == 1, beyond.stderr
    assert f"Uji konsekuensi {TEST} hanya menyimpulkan Pasal 17 huruf h, j; huruf a tidak dapat" in beyond.stderr
    assert _show(office, REQUEST) == before
    ok = office(*refuse, "--exemption", "j", "--json")
    assert ok.exit_code == 0, ok.stderr
    notice = _show(office, REQUEST)["notice"]
    assert (notice["exemptions"], notice["exemption_test"]) == (["j"], TEST)


def test_no_consequence_test_on_a_withdrawn_request(office):
    _request(office)
    withdrawn = office("withdraw", REQUEST, "--reason", "Data sudah diperoleh", "--at", "2026-03-20 10:00")
    assert withdrawn.exit_code == 0, withdrawn.stderr
    before = _show(office, REQUEST)
    res = _start(office, "2026-03-25 10:00")
    assert res.exit_code == 1 and "sudah dicabut pemohon" in res.stderr and res.stdout == ""
    assert _show(office, REQUEST) == before
    assert office("show", TEST).exit_code == 3
