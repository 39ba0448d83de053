"""`register objection` and `objection answer | reaction | dispute`, dates counted by hand.

Non-working days used below (2026, WITA office, cuti bersama not working): 18–24 Mar (Nyepi,
Idul Fitri and their cuti bersama), 3 Apr (Wafat Yesus Kristus), 1 May, 14 May, 15 May (cuti),
27 May (Idul Adha), 28 May (cuti), 1 Jun, 16 Jun; plus weekends.
"""

import json

from tests.conftest import request_args

REQUEST = "001/PPID/KPU-KAB.KPG/III/2026"
OBJECTION = "001/KEB/KPU-KAB.KPG/IV/2026"
SUPERIOR = "Yohanes Tefa, Sekretaris KPU Kabupaten Kupang"


def _request(run, **overrides):
    """A request received Mon 2026-03-16 09:00: notice due Tue 2026-04-07 (DOMAIN.md §2 table)."""
    res = run(*request_args(received="2026-03-16 09:00", **overrides), "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)["number"]


def _object(run, received, *grounds, request=REQUEST, position="Permohonan tidak dijawab"):
    args = ["register", "objection", "--request", request, "--case-position", position, "--received", received, "--json"]
    for ground in grounds or ("c",):
        args += ["--ground", ground]
    return run(*args)


def _filed(run, received="2026-04-08 10:00", *grounds):
    res = _object(run, received, *grounds)
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def _show(run, number):
    res = run("show", number, "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def _deadline(story, kind):
    return next(d for d in story["deadlines"] if d["kind"] == kind)


# --- registration and the filing window --------------------------------------------------------


def test_objection_after_unanswered_request_is_within_window(office):
    _request(office)
    res = _object(office, "2026-04-08 10:00", "c")
    assert res.exit_code == 0, res.stderr
    assert res.stderr == ""
    data = json.loads(res.stdout)
    assert data["number"] == OBJECTION
    assert data["request"] == REQUEST
    # Answer: 30 HK from day 0 Wed 8 Apr: Apr 9,10 (2), 13–17 (7), 20–24 (12), 27–30 (16),
    # May 4–8 (21), 11–13 (24), [14, 15 off], 18–22 (29), 25 (30).
    assert data["due"] == "2026-05-25"
    # Window: no notice came, so 30 HK from the lapse (notice due Tue 7 Apr): Apr 8–10 (3),
    # 13–17 (8), 20–24 (13), 27–30 (17), [1 May off], May 4–8 (22), 11–13 (25), 18–22 (30).
    assert data["filing_deadline"] == "2026-05-22"
    assert data["filing_late"] is False
    story = _show(office, OBJECTION)
    answer = _deadline(story, "objection_answer")
    assert (answer["start"], answer["due"], answer["responsible"]) == ("2026-04-08", "2026-05-25", "Atasan PPID")
    assert story["parent"]["number"] == REQUEST
    assert story["objection"]["grounds"] == [{"letter": "c", "label": "permintaan informasi tidak ditanggapi"}]


def test_objection_after_the_window_is_registered_as_late_with_a_warning(office):
    _request(office)
    data = _filed(office, "2026-05-25 09:00", "c")
    assert data["filing_deadline"] == "2026-05-22"
    assert data["filing_late"] is True
    res = _object(office, "2026-05-25 09:30", "g")
    assert "Peringatan" in res.stderr and "Jumat, 22 Mei 2026" in res.stderr
    # Answer clock still runs, 30 HK from Mon 25 May: 26 (1), [27, 28 off], 29 (2), [1 Jun off],
    # Jun 2–5 (6), 8–12 (11), 15 (12), [16 off], 17–19 (15), 22–26 (20), 29–30 (22), Jul 1–3 (25), 6–10 (30).
    assert data["due"] == "2026-07-10"
    story = _show(office, data["number"])
    assert story["objection"]["filing"] == {"deadline": "2026-05-22", "late": True}
    assert "filing_late" in [e["action"] for e in story["events"]]


def test_window_counts_from_the_written_notice(office):
    _request(office)
    decided = office("decide", REQUEST, "--decision", "refused", "--exemption", "h", "--at", "2026-03-25 10:00")
    assert decided.exit_code == 0, decided.stderr
    # 30 HK from Wed 25 Mar: 26, 27 (2), 30, 31 (4), Apr 1, 2 (6), [3 off], 6–10 (11), 13–17 (16),
    # 20–24 (21), 27–30 (25), [1 May off], May 4–8 (30).
    on_time = _filed(office, "2026-05-08 15:00", "a")
    assert (on_time["filing_deadline"], on_time["filing_late"]) == ("2026-05-08", False)
    late = _object(office, "2026-05-11 08:30", "a")
    assert late.exit_code == 0
    assert (json.loads(late.stdout)["filing_deadline"], json.loads(late.stdout)["filing_late"]) == ("2026-05-08", True)
    assert "setelah batas Jumat, 8 Mei 2026" in late.stderr


def test_objection_before_the_ground_arose_warns_only_for_silence_grounds(office):
    _request(office)
    early = _object(office, "2026-04-06 10:00", "c", "g")
    assert early.exit_code == 0
    assert "belum terjadi" in early.stderr and "Selasa, 7 April 2026" in early.stderr
    assert json.loads(early.stdout)["filing_late"] is False
    assert "filing_premature" in [e["action"] for e in _show(office, OBJECTION)["events"]]
    other = _object(office, "2026-04-06 11:00", "c", "f")
    assert other.exit_code == 0
    assert other.stderr == ""


def test_election_request_objection_answered_in_3_working_days(office):
    _request(office, election=True)
    # Notice (pemilu, 3 HK) from Mon 16 Mar: 17 (1), [18–24 off], 25 (2), 26 (3) → Thu 26 Mar.
    data = _filed(office, "2026-03-30 09:00", "c")
    # Answer 3 HK from Mon 30 Mar: 31 (1), Apr 1 (2), 2 (3).
    assert data["due"] == "2026-04-02"
    # Window 30 HK from 26 Mar: 27 (1), 30, 31 (3), Apr 1, 2 (5), 6–10 (10), 13–17 (15), 20–24 (20),
    # 27–30 (24), May 4–8 (29), 11 (30).
    assert data["filing_deadline"] == "2026-05-11"
    answer = _deadline(_show(office, data["number"]), "objection_answer")
    assert (answer["amount"], answer["basis"]) == (3, "Perki 1/2019 (informasi pemilu)")


def test_refused_registrations_write_nothing(office):
    _request(office)
    before = _show(office, REQUEST)
    unknown = _object(office, "2026-04-08 10:00", "c", request="999/PPID/KPU-KAB.KPG/III/2026")
    assert unknown.exit_code == 3
    assert "Tidak ada perkara dengan nomor '999/PPID/KPU-KAB.KPG/III/2026'" in unknown.stderr
    no_ground = office("register", "objection", "--request", REQUEST, "--case-position", "x", "--received", "2026-04-08 10:00")
    assert no_ground.exit_code == 2 and "Alasan keberatan wajib" in no_ground.stderr
    bad_letter = _object(office, "2026-04-08 10:00", "h")
    assert bad_letter.exit_code == 2 and "Alasan keberatan 'h' tidak dikenal" in bad_letter.stderr
    no_position = _object(office, "2026-04-08 10:00", "c", position="  ")
    assert no_position.exit_code == 2 and "Kasus posisi" in no_position.stderr
    before_request = _object(office, "2026-03-13 10:00", "c")
    assert before_request.exit_code == 2 and "lebih awal dari diterimanya" in before_request.stderr
    assert _show(office, REQUEST) == before
    assert json.loads(office("list", "--kind", "objection", "--json").stdout) == []


def test_objection_to_a_void_request_or_to_an_objection_is_refused(office):
    _request(office)
    _filed(office)
    of_objection = _object(office, "2026-04-09 10:00", "c", request=OBJECTION)
    assert of_objection.exit_code == 1 and "bukan permohonan informasi" in of_objection.stderr
    assert office("void", OBJECTION, "--reason", "Salah catat").exit_code == 0
    assert office("void", REQUEST, "--reason", "Salah catat").exit_code == 0
    voided = _object(office, "2026-04-09 10:00", "c")
    assert voided.exit_code == 1 and "sudah dibatalkan" in voided.stderr
    assert len(json.loads(office("list", "--kind", "objection", "--json").stdout)) == 1


# --- the Atasan PPID's answer ------------------------------------------------------------------


def _answer(run, at, decision="upheld", reasons="Informasi dikecualikan Pasal 17 huruf h", number=OBJECTION):
    args = ["objection", "answer", number, "--decision", decision, "--superior", SUPERIOR, "--at", at, "--json"]
    return run(*args, *(["--reasons", reasons] if reasons else []))


def test_answer_on_time_opens_the_requesters_dispute_window(office):
    _request(office)
    _filed(office)
    res = _answer(office, "2026-05-20 14:00")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert (data["status"], data["late_days"], data["superior"]) == ("answered", 0, SUPERIOR)
    # 14 HK from Wed 20 May: 21, 22 (2), 25, 26 (4), [27, 28 off], 29 (5), [1 Jun off], Jun 2–5 (9), 8–12 (14).
    assert data["dispute_due"] == "2026-06-12"
    story = _show(office, OBJECTION)
    assert _deadline(story, "objection_answer")["status"] == "met"
    window = _deadline(story, "dispute_window")
    assert (window["start"], window["due"], window["responsible"]) == ("2026-05-20", "2026-06-12", "Pemohon")
    assert story["objection"]["answer"]["decision"] == "upheld"


def test_late_answer_counts_working_days(office):
    _request(office)
    _filed(office)
    # Due Mon 25 May; answered Fri 29 May: 26 (1), [27, 28 off], 29 (2).
    data = json.loads(_answer(office, "2026-05-29 10:00", decision="overturned", reasons=None).stdout)
    assert data["late_days"] == 2
    assert _show(office, OBJECTION)["objection"]["answer"]["late_days"] == 2


def test_upholding_without_reasons_and_answering_twice_are_refused(office):
    _request(office)
    _filed(office)
    before = _show(office, OBJECTION)
    no_reasons = _answer(office, "2026-05-20 14:00", reasons=None)
    assert no_reasons.exit_code == 2
    assert "wajib disertai alasan tertulis" in no_reasons.stderr and "Pasal 36 ayat 3" in no_reasons.stderr
    no_position = office("objection", "answer", OBJECTION, "--decision", "partly", "--superior", "Yohanes Tefa")
    assert no_position.exit_code == 2 and "nama dan jabatan" in no_position.stderr
    assert _show(office, OBJECTION) == before
    assert _answer(office, "2026-05-20 14:00").exit_code == 0
    after_first = _show(office, OBJECTION)
    twice = _answer(office, "2026-05-21 09:00", decision="partly")
    assert twice.exit_code == 1 and "sudah ditanggapi pada Rabu, 20 Mei 2026 14.00" in twice.stderr
    assert _show(office, OBJECTION) == after_first


# --- the requester's reaction and the Komisi Informasi -----------------------------------------


def test_accepting_the_answer_closes_the_objection(office):
    _request(office)
    _filed(office)
    _answer(office, "2026-05-20 14:00")
    res = office("objection", "reaction", OBJECTION, "accepted", "--at", "2026-05-22 09:00", "--json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["status"] == "closed"
    story = _show(office, OBJECTION)
    assert story["status"] == "closed"
    assert _deadline(story, "dispute_window")["status"] == "met"
    again = office("objection", "reaction", OBJECTION, "dispute", "--at", "2026-05-25 09:00")
    assert again.exit_code == 1 and "sudah dicatat" in again.stderr


def test_dispute_after_the_window_is_recorded_as_late(office):
    _request(office)
    _filed(office)
    _answer(office, "2026-05-20 14:00")
    # Window due Fri 12 Jun; filed Mon 15 Jun.
    res = office("objection", "reaction", OBJECTION, "dispute", "--at", "2026-06-15 09:00", "--json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert (data["status"], data["dispute_stage"], data["within_window"]) == ("disputed", "filed", False)
    assert "setelah batas Jumat, 12 Juni 2026" in res.stderr
    assert _deadline(_show(office, OBJECTION), "dispute_window")["late_days"] == 1


def test_reaction_without_answer_waits_for_the_answer_deadline(office):
    _request(office)
    _filed(office)
    before = _show(office, OBJECTION)
    early = office("objection", "reaction", OBJECTION, "dispute", "--at", "2026-05-25 15:00")
    assert early.exit_code == 1 and "belum lewat" in early.stderr and "2026-05-25" in early.stderr
    accept = office("objection", "reaction", OBJECTION, "accepted", "--at", "2026-05-26 09:00")
    assert accept.exit_code == 1 and "belum menanggapi" in accept.stderr
    assert _show(office, OBJECTION) == before
    res = office("objection", "reaction", OBJECTION, "dispute", "--at", "2026-05-26 09:00", "--json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["within_window"] is True
    story = _show(office, OBJECTION)
    assert _deadline(story, "objection_answer")["status"] == "lapsed"
    # Pasal 37 ayat 2: 14 HK from the lapse (Mon 25 May): 26 (1), 29 (2), Jun 2–5 (6), 8–12 (11), 15 (12), 17, 18 (14).
    window = _deadline(story, "dispute_window")
    assert (window["start"], window["due"]) == ("2026-05-25", "2026-06-18")


def test_dispute_stages_move_forward_and_decided_closes(office):
    _request(office)
    _filed(office)
    not_disputed = office("objection", "dispute", OBJECTION, "--stage", "registered")
    assert not_disputed.exit_code == 1 and "tidak sedang disengketakan" in not_disputed.stderr
    _answer(office, "2026-05-20 14:00")
    assert office("objection", "reaction", OBJECTION, "dispute", "--at", "2026-05-22 09:00").exit_code == 0
    assert office("objection", "dispute", OBJECTION, "--stage", "registered", "--at", "2026-06-02 10:00").exit_code == 0
    # Mediation may be skipped.
    assert office("objection", "dispute", OBJECTION, "--stage", "adjudication", "--at", "2026-07-01 10:00").exit_code == 0
    before = _show(office, OBJECTION)
    back = office("objection", "dispute", OBJECTION, "--stage", "mediation", "--at", "2026-07-02 10:00")
    assert back.exit_code == 1 and "hanya maju" in back.stderr and "'adjudication'" in back.stderr
    no_outcome = office("objection", "dispute", OBJECTION, "--stage", "decided", "--at", "2026-08-03 10:00")
    assert no_outcome.exit_code == 2 and "--outcome" in no_outcome.stderr
    earlier = office("objection", "dispute", OBJECTION, "--stage", "decided", "--outcome", "x", "--at", "2026-06-30 10:00")
    assert earlier.exit_code == 2 and "lebih awal" in earlier.stderr
    assert _show(office, OBJECTION) == before
    done = office("objection", "dispute", OBJECTION, "--stage", "decided", "--outcome", "Permohonan sengketa ditolak",
                  "--at", "2026-08-03 10:00")
    assert done.exit_code == 0, done.stderr
    story = _show(office, OBJECTION)
    assert story["status"] == "closed"
    dispute = story["objection"]["dispute"]
    assert dispute["outcome"] == "Permohonan sengketa ditolak"
    assert [(s["stage"], s["at"]) for s in dispute["stages"]] == [
        ("filed", "2026-05-22T09:00"), ("registered", "2026-06-02T10:00"),
        ("adjudication", "2026-07-01T10:00"), ("decided", "2026-08-03T10:00"),
    ]
    assert story["objection"]["reaction"]["within_window"] is True


def test_request_story_lists_its_objections(office):
    _request(office)
    _filed(office)
    _answer(office, "2026-05-20 14:00")
    objections = _show(office, REQUEST)["objections"]
    assert objections == [{
        "number": OBJECTION, "status": "answered", "received_at": "2026-04-08T10:00", "grounds": ["c"],
        "filing_late": False, "decision": "upheld", "reaction": None, "dispute_stage": None,
    }]


# --- overdue -----------------------------------------------------------------------------------


def test_overdue_lists_a_late_answer_but_never_the_dispute_window(office):
    _request(office)
    _filed(office)                                   # answer due Mon 25 May
    second = _filed(office, "2026-04-09 10:00", "e")  # answer due Tue 26 May (one HK later)
    _answer(office, "2026-05-20 14:00", number=second["number"])  # its dispute window: due 12 Jun
    res = office("overdue", "--as-of", "2026-06-17", "--json")
    assert res.exit_code == 0, res.stderr
    items = [i for i in json.loads(res.stdout)["overdue"] if i["case_kind"] == "objection"]
    # 25 May → 17 Jun: 26, 29 (2), Jun 2–5 (6), 8–12 (11), 15 (12), [16 off], 17 (13).
    assert [(i["number"], i["deadline"], i["days"], i["responsible"]) for i in items] == [
        (OBJECTION, "objection_answer", 13, "Atasan PPID"),
    ]
    assert all(i["deadline"] != "dispute_window" for i in json.loads(res.stdout)["overdue"])


def test_objection_to_a_withdrawn_request_is_refused(office):
    _request(office)
    assert office("withdraw", REQUEST, "--reason", "Data sudah diperoleh", "--at", "2026-03-25 10:00").exit_code == 0
    before = _show(office, REQUEST)
    res = _object(office, "2026-04-08 10:00", "c")
    assert res.exit_code == 1 and "sudah dicabut pemohon" in res.stderr and res.stdout == ""
    assert _show(office, REQUEST) == before
    assert office("show", OBJECTION).exit_code == 3


def test_ground_a_without_a_refusal_is_registered_with_a_warning(office):
    _request(office)
    assert office("decide", REQUEST, "--decision", "granted", "--at", "2026-03-30 10:00").exit_code == 0
    res = _object(office, "2026-04-08 10:00", "a")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["number"] == OBJECTION
    assert data["warnings"] == [f"Alasan a (penolakan berdasarkan Pasal 17) tidak sesuai: permohonan {REQUEST} tidak "
                                "ditolak dengan pengecualian Pasal 17 (keputusannya 'Diberikan seluruhnya'); tetap dicatat."]
    assert res.stderr == f"Peringatan: {data['warnings'][0]}\n"
    events = [e for e in _show(office, OBJECTION)["events"] if e["action"] == "ground_without_refusal"]
    assert [(e["detail"]["ground"], e["detail"]["at"]) for e in events] == [("a", "2026-04-08T10:00")]
    # No notice yet is no refusal either.
    second = _request(office)
    res = _object(office, "2026-04-08 11:00", "a", request=second)
    assert res.exit_code == 0 and "(belum ada pemberitahuan tertulis); tetap dicatat" in res.stderr


def test_ground_a_after_a_refusal_or_a_partial_with_exemptions_has_no_warning(office):
    refused, partial = _request(office), _request(office)
    assert office("decide", refused, "--decision", "refused", "--exemption", "h", "--at", "2026-03-30 10:00").exit_code == 0
    assert office("decide", partial, "--decision", "partial", "--exemption", "h", "--reason", "NIK dihitamkan",
                  "--at", "2026-03-30 10:00").exit_code == 0
    for number in (refused, partial):
        res = _object(office, "2026-04-08 10:00", "a", request=number)
        assert res.exit_code == 0, res.stderr
        assert (res.stderr, json.loads(res.stdout)["warnings"]) == ("", [])
    story = _show(office, "002/KEB/KPU-KAB.KPG/IV/2026")
    assert not [e for e in story["events"] if e["action"] == "ground_without_refusal"]


def test_dispute_stage_prints_json(office):
    _request(office)
    _filed(office)
    _answer(office, "2026-05-20 14:00")
    assert office("objection", "reaction", OBJECTION, "dispute", "--at", "2026-05-22 09:00").exit_code == 0
    res = office("objection", "dispute", OBJECTION, "--stage", "registered", "--at", "2026-06-02 10:00", "--json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout) == {"number": OBJECTION, "stage": "registered", "at": "2026-06-02T10:00",
                                      "status": "disputed", "outcome": None}
    text = office("objection", "dispute", OBJECTION, "--stage", "adjudication", "--at", "2026-07-01 10:00")
    assert text.exit_code == 0, text.stderr
    assert text.stdout == (f"Keberatan {OBJECTION}: tahap sengketa: Ajudikasi (Rabu, 1 Juli 2026 10.00 WITA); "
                           "status Sengketa di Komisi Informasi.\n")
    res = office("objection", "dispute", OBJECTION, "--stage", "decided", "--outcome", "Sengketa ditolak",
                 "--at", "2026-08-03 10:00", "--json")
    assert json.loads(res.stdout) == {"number": OBJECTION, "stage": "decided", "at": "2026-08-03T10:00",
                                      "status": "closed", "outcome": "Sengketa ditolak"}
    again = office("objection", "dispute", OBJECTION, "--stage", "decided", "--outcome", "x", "--json")
    assert (again.exit_code, again.stdout) == (1, "") and "tidak sedang disengketakan" in again.stderr
