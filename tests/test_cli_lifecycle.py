"""extend, decide, deliver, withdraw, void: the life of a request after registration.

Dates worked by hand from DOMAIN.md §2 and the 2026 holiday list (`kpudesk calendar 2026`):
non-working days around March–April 2026 are Wed 18 Mar (cuti bersama Nyepi), Thu 19 Mar (Nyepi),
Fri 20 Mar (cuti bersama Idul Fitri), Sat–Sun 21–22 Mar, Mon–Tue 23–24 Mar (cuti bersama Idul
Fitri) and Fri 3 Apr (Wafat Yesus Kristus), besides weekends.

Request received Mon 2026-03-16 09:00, day 0 = 16 Mar. Working days after it:
  17 Mar =1, 25 =2, 26 =3, 27 =4, 30 =5, 31 =6, 1 Apr =7, 2 =8, 6 =9, 7 =10  → notice due Tue 2026-04-07
  8 Apr =1, 9 =2, 10 =3, 13 =4, 14 =5, 15 =6, 16 =7                       → extension due Thu 2026-04-16
Election information (pemilu, 3 + 2): 17 Mar =1, 25 =2, 26 =3 → notice due 2026-03-26; 27 =1, 30 =2 → 2026-03-30.
"""

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from tests.conftest import Result, request_args

NUMBER = "001/PPID/KPU-KAB.KPG/III/2026"
RECEIVED = "2026-03-16 09:00"

Run = Callable[..., Result]


def _register(run: Run, **overrides: str | None) -> str:
    res = run(*request_args(received=RECEIVED, **overrides), "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)["number"]


def _show(run: Run, number: str = NUMBER) -> dict:
    res = run("show", number, "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def _ok(res: Result) -> dict:
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def _refused(res: Result, code: int, phrase: str) -> None:
    assert res.exit_code == code, (res.exit_code, res.stdout, res.stderr)
    assert res.stderr.startswith("kpudesk: ") and res.stderr.count("\n") == 1
    assert phrase in res.stderr, res.stderr


def _deadline(story: dict, kind: str) -> dict:
    return next(d for d in story["deadlines"] if d["kind"] == kind)


def _exemption_case(request_number: str, result: str | None) -> str:
    """A consequence test on the request, made through the services (its command is another module's)."""
    from kpudesk.cli.common import open_desk
    from kpudesk.models import ExemptionDetail
    from kpudesk.services.cases import find_case
    from kpudesk.services.cases import new_case

    with open_desk(write=True) as desk:
        request = find_case(desk, request_number)
        case = new_case(desk, "exemption", datetime(2026, 3, 25, 10, 0), parent_id=request.id)
        desk.session.add(ExemptionDetail(case_id=case.id, request_case_id=request.id, result=result, exemptions="h"))
        return case.number


# --- extend ---


def test_extend_adds_seven_working_days_to_the_original_notice_deadline(office: Run) -> None:
    _register(office)
    data = _ok(office("extend", NUMBER, "--reason", "Arsip DPT masih di gudang logistik", "--at", "2026-04-01 10:00", "--json"))
    assert (data["notice_due"], data["due"], data["working_days"], data["late"]) == ("2026-04-07", "2026-04-16", 7, False)
    story = _show(office)
    assert story["status"] == "extended"
    assert _deadline(story, "notice")["status"] == "extended"
    extension = _deadline(story, "extension")
    assert (extension["start"], extension["due"], extension["status"]) == ("2026-04-07", "2026-04-16", "open")
    assert story["extension"] == {"reason": "Arsip DPT masih di gudang logistik", "at": "2026-04-01T10:00", "late": False}
    assert story["events"][-1]["action"] == "extended"


def test_extend_election_information_adds_two_working_days(office: Run) -> None:
    _register(office, election=True)
    data = _ok(office("extend", NUMBER, "--reason", "Menunggu rekap PPK", "--at", "2026-03-25 10:00", "--json"))
    # notice: 17 Mar =1, 25 =2, 26 =3; extension: 27 =1, 30 =2
    assert (data["notice_due"], data["due"], data["working_days"]) == ("2026-03-26", "2026-03-30", 2)


def test_extend_human_output_shows_both_dates(office: Run) -> None:
    _register(office)
    res = office("extend", NUMBER, "--reason", "Data tersebar", "--at", "2026-04-01 10:00")
    assert res.exit_code == 0, res.stderr
    assert "Selasa, 7 April 2026" in res.stdout and "Kamis, 16 April 2026" in res.stdout


def test_second_extension_is_refused(office: Run) -> None:
    _register(office)
    _ok(office("extend", NUMBER, "--reason", "Data tersebar", "--at", "2026-04-01 10:00", "--json"))
    before = _show(office)
    _refused(office("extend", NUMBER, "--reason", "Lagi", "--at", "2026-04-02 10:00"), 1, "hanya boleh sekali")
    assert _show(office) == before


def test_extension_after_the_deadline_needs_late(office: Run) -> None:
    _register(office)
    before = _show(office)
    # Wed 8 Apr is past the notice deadline of Tue 7 Apr
    _refused(office("extend", NUMBER, "--reason", "Terlambat", "--at", "2026-04-08 09:00"), 1, "sudah lewat")
    assert _show(office) == before
    data = _ok(office("extend", NUMBER, "--reason", "Terlambat", "--at", "2026-04-08 09:00", "--late", "--json"))
    assert (data["due"], data["late"]) == ("2026-04-16", True)
    story = _show(office)
    assert story["extension"]["late"] is True
    event = story["events"][-1]
    assert event["action"] == "extended" and event["detail"]["late"] is True
    assert "setelah batas pemberitahuan lewat" in event["detail"]["note"]


def test_extension_on_the_due_day_is_on_time(office: Run) -> None:
    _register(office)
    data = _ok(office("extend", NUMBER, "--reason", "Data tersebar", "--at", "2026-04-07 15:30", "--json"))
    assert data["late"] is False


def test_extension_needs_a_written_reason(office: Run) -> None:
    _register(office)
    before = _show(office)
    _refused(office("extend", NUMBER, "--reason", "  ", "--at", "2026-04-01 10:00"), 2, "Alasan tertulis perpanjangan")
    _refused(office("extend", NUMBER, "--at", "2026-04-01 10:00"), 2, "wajib diisi")
    assert _show(office) == before


def test_extension_after_the_notice_is_refused(office: Run) -> None:
    _register(office)
    _ok(office("decide", NUMBER, "--decision", "granted", "--at", "2026-03-30 10:00", "--json"))
    _refused(office("extend", NUMBER, "--reason", "Telat", "--at", "2026-03-31 10:00"), 1, "sudah diberikan")


def test_extension_of_a_case_that_is_not_a_request_is_refused(office: Run) -> None:
    _register(office)
    test_number = _exemption_case(NUMBER, "exempt")
    _refused(office("extend", test_number, "--reason", "Salah nomor"), 1, "bukan permohonan informasi")


def test_extension_in_the_future_is_bad_input(office: Run) -> None:
    _register(office)
    _refused(office("extend", NUMBER, "--reason", "Data tersebar", "--at", "2099-01-05 10:00"), 2, "masa depan")


# --- decide ---


def test_decision_on_time_closes_the_notice_clock_and_leaves_overdue(office: Run) -> None:
    _register(office)
    late = _ok(office("overdue", "--as-of", "2026-04-08", "--json"))
    assert [i["deadline"] for i in late["overdue"]] == ["notice"]
    data = _ok(office("decide", NUMBER, "--decision", "granted", "--form", "hardcopy", "--via", "pos",
                      "--cost-per-page", "500", "--pages", "24", "--cost-delivery", "15000", "--cost-other", "2000",
                      "--payment", "Tunai di loket", "--at", "2026-04-06 14:00", "--json"))
    assert (data["status"], data["late_days"], data["total_cost"]) == ("decided", 0, 500 * 24 + 15000 + 2000)
    story = _show(office)
    assert story["status"] == "decided"
    notice = _deadline(story, "notice")
    assert (notice["status"], notice["late_days"]) == ("met", 0)
    assert story["notice"] == {
        "decision": "granted", "decision_label": "Diberikan seluruhnya", "exemptions": [], "exemption_test": None,
        "reason": "", "holder": "", "provide_within": None, "form": "hardcopy", "via": "pos",
        "costs": {"per_page": 500, "pages": 24, "delivery": 15000, "other": 2000, "total": 29000},
        "payment": "Tunai di loket", "at": "2026-04-06T14:00", "late_days": 0,
    }
    res = office("overdue", "--as-of", "2026-04-08", "--json")
    assert (res.exit_code, json.loads(res.stdout)["overdue"]) == (0, [])


def test_late_decision_records_working_days_late(office: Run) -> None:
    _register(office)
    # due Tue 7 Apr; Wed 8 =1, Thu 9 =2, Fri 10 =3 working days late
    data = _ok(office("decide", NUMBER, "--decision", "granted", "--at", "2026-04-10 10:00", "--json"))
    assert data["late_days"] == 3
    story = _show(office)
    assert story["notice"]["late_days"] == 3
    assert _deadline(story, "notice")["late_days"] == 3


def test_unknown_number_is_not_found(office: Run) -> None:
    _register(office)
    _refused(office("decide", "002/PPID/KPU-KAB.KPG/III/2026", "--decision", "granted"), 3, "Tidak ada perkara")


def test_late_decision_after_extension_counts_from_the_extension(office: Run) -> None:
    _register(office)
    _ok(office("extend", NUMBER, "--reason", "Data tersebar", "--at", "2026-04-01 10:00", "--json"))
    # extension due Thu 16 Apr; Fri 17 =1, Mon 20 =2
    res = office("decide", NUMBER, "--decision", "granted", "--at", "2026-04-20 10:00")
    assert res.exit_code == 0, res.stderr
    assert "terlambat 2 hari kerja" in res.stdout
    story = _show(office)
    assert (_deadline(story, "extension")["status"], _deadline(story, "extension")["late_days"]) == ("met", 2)
    assert _deadline(story, "notice")["status"] == "extended"


def test_refusal_needs_an_exemption_letter(office: Run) -> None:
    _register(office)
    before = _show(office)
    _refused(office("decide", NUMBER, "--decision", "refused", "--at", "2026-03-30 10:00"), 1, "Pasal 17")
    _refused(office("decide", NUMBER, "--decision", "refused", "--exemption", "k"), 2, "gunakan huruf a–j")
    assert _show(office) == before
    _ok(office("decide", NUMBER, "--decision", "refused", "--exemption", "h,a", "--exemption", "H",
               "--reason", "Memuat data pribadi pemilih", "--at", "2026-03-30 10:00", "--json"))
    assert _show(office)["notice"]["exemptions"] == ["a", "h"]


def test_partial_needs_a_reason(office: Run) -> None:
    _register(office)
    before = _show(office)
    _refused(office("decide", NUMBER, "--decision", "partial", "--at", "2026-03-30 10:00"), 2, "--reason")
    assert _show(office) == before


def test_negative_costs_are_bad_input(office: Run) -> None:
    _register(office)
    before = _show(office)
    _refused(office("decide", NUMBER, "--decision", "granted", "--pages", "-3"), 2, "--pages tidak boleh negatif")
    _refused(office("decide", NUMBER, "--decision", "granted", "--cost-delivery", "-1"), 2, "--cost-delivery")
    assert _show(office) == before


def test_unknown_decision_is_bad_input(office: Run) -> None:
    _register(office)
    _refused(office("decide", NUMBER, "--decision", "maybe"), 2, "granted, partial, refused, not-held, not-documented")


def test_decision_before_receipt_is_refused(office: Run) -> None:
    _register(office)
    _refused(office("decide", NUMBER, "--decision", "granted", "--at", "2026-03-16 08:00"), 2, "lebih awal")
    # A bare date on the day of receipt is read as that same moment, not midnight.
    data = _ok(office("decide", NUMBER, "--decision", "granted", "--at", "2026-03-16", "--json"))
    assert data["decided_at"] == "2026-03-16T09:00"


def test_second_decision_is_refused(office: Run) -> None:
    _register(office)
    _ok(office("decide", NUMBER, "--decision", "not-held", "--holder", "Bawaslu Kabupaten Kupang",
               "--at", "2026-03-30 10:00", "--json"))
    before = _show(office)
    assert before["notice"]["holder"] == "Bawaslu Kabupaten Kupang"
    _refused(office("decide", NUMBER, "--decision", "granted"), 1, "keputusan hanya sekali")
    assert _show(office) == before


def test_decision_on_voided_or_closed_request_is_refused(office: Run) -> None:
    _register(office)
    second = _register(office)
    _ok(office("void", NUMBER, "--reason", "Tercatat dua kali", "--json"))
    _refused(office("decide", NUMBER, "--decision", "granted"), 1, "Dibatalkan")
    _ok(office("decide", second, "--decision", "granted", "--at", "2026-03-30 10:00", "--json"))
    _ok(office("deliver", second, "--received-by", "Maria Bria", "--at", "2026-03-31 10:00", "--json"))
    _refused(office("decide", second, "--decision", "granted"), 1, "Selesai")


def test_exemption_test_must_be_an_exempt_test_of_this_request(office: Run) -> None:
    _register(office)
    open_test = _exemption_case(NUMBER, "open")
    exempt_test = _exemption_case(NUMBER, "exempt")
    refuse = ("decide", NUMBER, "--decision", "refused", "--exemption", "h", "--at", "2026-03-30 10:00")
    _refused(office(*refuse, "--exemption-test", NUMBER), 1, "bukan uji konsekuensi")
    _refused(office(*refuse, "--exemption-test", open_test), 1, "tidak menyimpulkan informasi dikecualikan")
    _ok(office(*refuse, "--exemption-test", exempt_test, "--json"))
    assert _show(office)["notice"]["exemption_test"] == exempt_test == "002/UK/KPU-KAB.KPG/III/2026"


def test_not_documented_opens_a_provision_clock_that_overdue_reports(office: Run) -> None:
    _register(office)
    _refused(office("decide", NUMBER, "--decision", "not-documented"), 2, "--provide-within")
    # notice Wed 25 Mar = day 0; 26 =1, 27 =2, 30 =3, 31 =4, 1 Apr =5 → due Wed 1 Apr
    data = _ok(office("decide", NUMBER, "--decision", "not-documented", "--provide-within", "5",
                      "--at", "2026-03-25 10:00", "--json"))
    assert data["provision_due"] == "2026-04-01"
    assert _show(office)["notice"]["provide_within"] == 5
    assert json.loads(office("overdue", "--as-of", "2026-04-01", "--json").stdout)["overdue"] == []
    late = _ok(office("overdue", "--as-of", "2026-04-02", "--json"))
    assert [(i["deadline"], i["due"], i["days"]) for i in late["overdue"]] == [("provision", "2026-04-01", 1)]
    # handed over Mon 6 Apr: Thu 2 =1, (Fri 3 holiday), Mon 6 =2 working days late
    delivered = _ok(office("deliver", NUMBER, "--received-by", "Maria Bria", "--at", "2026-04-06 09:00", "--json"))
    assert delivered["provision_late_days"] == 2
    provision = _deadline(_show(office), "provision")
    assert (provision["status"], provision["late_days"]) == ("met", 2)
    assert json.loads(office("overdue", "--as-of", "2026-04-08", "--json").stdout)["overdue"] == []


def test_not_documented_on_a_holiday_counts_from_the_next_working_day(office: Run) -> None:
    _register(office)
    # notice on Fri 20 Mar (cuti bersama): day 0 = Wed 25 Mar; +2 → 26 =1, 27 =2
    data = _ok(office("decide", NUMBER, "--decision", "not-documented", "--provide-within", "2",
                      "--at", "2026-03-20 10:00", "--json"))
    assert data["provision_due"] == "2026-03-27"


# --- deliver ---


def test_deliver_writes_a_received_expedition_entry_and_closes_the_request(office: Run, db_path: Path) -> None:
    _register(office)
    _refused(office("deliver", NUMBER, "--received-by", "Maria Bria"), 1, "belum diberi pemberitahuan")
    _ok(office("decide", NUMBER, "--decision", "granted", "--via", "kurir", "--at", "2026-03-30 10:00", "--json"))
    _refused(office("deliver", NUMBER), 2, "--received-by")
    _refused(office("deliver", NUMBER, "--received-by", "Maria", "--at", "2026-03-30 09:00"), 2, "lebih awal")
    res = office("deliver", NUMBER, "--received-by", "Yohanes Bria", "--courier", "Pak Niko",
                 "--document", "Salinan SK DPT (24 halaman)", "--at", "2026-03-31 11:00")
    assert res.exit_code == 0, res.stderr
    assert "Nomor ekspedisi: 001/EKS/KPU-KAB.KPG/III/2026" in res.stdout
    story = _show(office)
    assert story["status"] == "closed"
    assert story["delivery"] == {"at": "2026-03-31T11:00", "received_by": "Yohanes Bria", "via": "kurir",
                                 "expedition": "001/EKS/KPU-KAB.KPG/III/2026"}
    with sqlite3.connect(db_path) as db:
        row = db.execute("SELECT document, addressee, courier, received_by, received_at, sent_at FROM expedition").fetchone()
        closed_at = db.execute("SELECT closed_at FROM 'case'").fetchone()[0]
    assert row[:4] == ("Salinan SK DPT (24 halaman)", "Maria Bria", "Pak Niko", "Yohanes Bria")
    assert row[4] == row[5] and row[4].startswith("2026-03-31 03:00")  # 11:00 WITA = 03:00 UTC
    assert closed_at.startswith("2026-03-31 03:00")
    _refused(office("deliver", NUMBER, "--received-by", "Maria Bria"), 1, "Selesai")


def test_deliver_cancels_a_disposition_clock_left_open(office: Run) -> None:
    _register(office)
    # Given Tue 17 Mar 10:00 (day 0, before closing), 2 working days: 25 Mar =1, 26 Mar =2 → due Thu 2026-03-26.
    _ok(office("disposition", "add", NUMBER, "--by", "Ketua", "--to", "Sekretaris", "--instruction", "Siapkan data",
               "--within", "2", "--at", "2026-03-17 10:00", "--json"))
    _ok(office("decide", NUMBER, "--decision", "granted", "--at", "2026-03-25 10:00", "--json"))
    # Still open on Wed 1 Apr: late by 27 Mar, 30, 31, 1 Apr = 4 working days.
    late = _ok(office("overdue", "--as-of", "2026-04-01", "--json"))["overdue"]
    assert [(i["deadline"], i["due"], i["days"]) for i in late] == [("disposition", "2026-03-26", 4)]
    _ok(office("deliver", NUMBER, "--received-by", "Maria Bria", "--at", "2026-03-25 11:00", "--json"))
    story = _show(office)
    assert _deadline(story, "disposition")["status"] == "cancelled"
    delivered = next(e for e in story["events"] if e["action"] == "delivered")
    assert delivered["detail"]["cancelled"] == ["disposition"]
    assert json.loads(office("overdue", "--as-of", "2026-04-01", "--json").stdout)["overdue"] == []


# --- withdraw and void ---


def test_withdraw_cancels_the_open_clocks(office: Run) -> None:
    _register(office)
    _refused(office("withdraw", NUMBER), 2, "Alasan pencabutan")
    data = _ok(office("withdraw", NUMBER, "--reason", "Pemohon sudah memperoleh data dari situs", "--at", "2026-03-25 10:00", "--json"))
    assert data["status"] == "withdrawn"
    story = _show(office)
    assert _deadline(story, "notice")["status"] == "cancelled"
    assert story["events"][-1]["detail"]["reason"] == "Pemohon sudah memperoleh data dari situs"
    assert json.loads(office("overdue", "--as-of", "2026-04-08", "--json").stdout)["overdue"] == []
    _refused(office("withdraw", NUMBER, "--reason", "Lagi"), 1, "Dicabut pemohon")


def test_withdrawing_a_closed_request_is_refused(office: Run) -> None:
    _register(office)
    _ok(office("decide", NUMBER, "--decision", "granted", "--at", "2026-03-30 10:00", "--json"))
    _ok(office("deliver", NUMBER, "--received-by", "Maria Bria", "--at", "2026-03-31 10:00", "--json"))
    before = _show(office)
    _refused(office("withdraw", NUMBER, "--reason", "Berubah pikiran"), 1, "Selesai")
    assert _show(office) == before


def test_void_keeps_the_case_and_refuses_twice(office: Run) -> None:
    _register(office)
    _ok(office("extend", NUMBER, "--reason", "Data tersebar", "--at", "2026-04-01 10:00", "--json"))
    data = _ok(office("void", NUMBER, "--reason", "Tercatat dua kali", "--json"))
    assert data == {"number": NUMBER, "status": "void", "void_reason": "Tercatat dua kali"}
    story = _show(office)
    assert (story["status"], story["void_reason"]) == ("void", "Tercatat dua kali")
    assert [d["status"] for d in story["deadlines"]] == ["extended", "cancelled"]
    assert story["events"][-1]["detail"]["previous_status"] == "extended"
    _refused(office("void", NUMBER, "--reason", "Lagi"), 1, "sudah dibatalkan")
    assert _show(office) == story
    _refused(office("extend", NUMBER, "--reason", "x"), 1, "Dibatalkan")


def test_void_works_on_any_kind_of_case(office: Run) -> None:
    _register(office)
    test_number = _exemption_case(NUMBER, None)
    data = _ok(office("void", test_number, "--reason", "Salah permohonan", "--json"))
    assert data["status"] == "void"
    assert _show(office)["status"] == "registered"  # the request itself is untouched


def test_void_of_a_request_waits_for_its_objections_and_tests(office: Run) -> None:
    _register(office)
    test = _ok(office("exemption", "start", "--request", NUMBER, "--received", "2026-03-25 10:00", "--json"))["number"]
    objection = _ok(office("register", "objection", "--request", NUMBER, "--ground", "c", "--case-position",
                           "Permohonan tidak dijawab", "--received", "2026-04-08 10:00", "--json"))["number"]
    assert (test, objection) == ("001/UK/KPU-KAB.KPG/III/2026", "001/KEB/KPU-KAB.KPG/IV/2026")
    before = _show(office)
    res = office("void", NUMBER, "--reason", "Tercatat dua kali")
    _refused(res, 1, "batalkan/selesaikan dahulu")
    assert f"uji konsekuensi {test} (Terdaftar)" in res.stderr and f"keberatan {objection} (Terdaftar)" in res.stderr
    assert _show(office) == before
    # A decided consequence test is finished; an answered objection still waits for the requester.
    _ok(office("exemption", "decide", test, "--result", "open", "--basis", "BA Pleno 1", "--at", "2026-03-26 10:00", "--json"))
    _ok(office("objection", "answer", objection, "--decision", "overturned", "--superior", "Yohanes Tefa, Sekretaris",
               "--at", "2026-04-20 10:00", "--json"))
    res = office("void", NUMBER, "--reason", "Tercatat dua kali")
    _refused(res, 1, f"batalkan/selesaikan dahulu: keberatan {objection} (Sudah ditanggapi).")
    assert test not in res.stderr
    _ok(office("objection", "reaction", objection, "accepted", "--at", "2026-04-21 10:00", "--json"))
    assert _ok(office("void", NUMBER, "--reason", "Tercatat dua kali", "--json"))["status"] == "void"


def test_decide_reports_bad_values_before_refusing_the_state(office: Run) -> None:
    _register(office)
    _ok(office("decide", NUMBER, "--decision", "granted", "--at", "2026-03-30 10:00", "--json"))
    before = _show(office)
    again = ("decide", NUMBER, "--at", "2026-03-31 10:00")
    _refused(office(*again, "--decision", "foo"), 2, "Keputusan (--decision) 'foo' tidak dikenal")
    _refused(office(*again, "--decision", "refused", "--exemption", "k"), 2, "gunakan huruf a–j")
    _refused(office(*again, "--decision", "granted", "--pages", "-1"), 2, "--pages tidak boleh negatif")
    _refused(office(*again, "--decision", "granted", "--form", "disket"), 2, "Bentuk informasi (--form) 'disket'")
    _refused(office(*again, "--decision", "granted", "--via", "merpati"), 2, "Cara penyampaian (--via) 'merpati'")
    _refused(office(*again, "--decision", "granted"), 1, "keputusan hanya sekali")
    assert _show(office) == before
