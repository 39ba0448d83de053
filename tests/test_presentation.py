"""What a person reads: choices typed in Indonesian or English, stored codes shown as words, dates
in long Indonesian form; and `show` as a whole, with no internal key, code or ISO date left."""

import re

import pytest

from kpudesk import choices
from kpudesk.choices import ANSWER_DECISIONS, CASE_STATUSES, DISPUTE_STAGES, NOTICE_DECISIONS, Choices
from kpudesk.errors import ExitStatus, InvalidInput
from kpudesk.presentation import case_sheet, data_section, day, event_detail, moment, value_of
from tests.conftest import request_args

TABLES = [value for value in vars(choices).values() if isinstance(value, Choices)]


@pytest.mark.parametrize(("table", "typed", "code"), [
    (NOTICE_DECISIONS, "ditolak", "refused"), (NOTICE_DECISIONS, "Refused", "refused"),
    (NOTICE_DECISIONS, "tidak dikuasai", "not-held"), (NOTICE_DECISIONS, "NOT_HELD", "not-held"),
    (NOTICE_DECISIONS, "Diberikan seluruhnya", "granted"), (ANSWER_DECISIONS, "menguatkan", "upheld"),
    (CASE_STATUSES, "terdaftar", "registered"), (DISPUTE_STAGES, "mediasi", "mediation"),
    (choices.EXEMPTION_RESULTS, "dikecualikan", "exempt"), (choices.CASE_KINDS, "permohonan", "request"),
    (choices.REGISTERS, "ekspedisi", "expedition"), (choices.CUTI_BERSAMA, "libur", "non-working"),
])
def test_a_choice_is_typed_in_indonesian_or_english(table, typed, code):
    assert table.parse(typed) == code


def test_an_unknown_choice_names_what_is_accepted_with_exit_2():
    with pytest.raises(InvalidInput) as caught:
        ANSWER_DECISIONS.parse("ya")
    assert caught.value.exit_status == ExitStatus.USAGE
    assert caught.value.message == ("Keputusan Atasan PPID 'ya' tidak dikenal; pilih salah satu: menguatkan, "
                                    "membatalkan, sebagian (atau upheld, overturned, partly).")


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.what)
def test_every_word_of_a_table_means_one_choice(table):
    for choice in table.choices:
        for word in (choice.code, choice.label, *choice.words):
            assert table.parse(word) == choice.code, (word, choice.code)


def test_dates_and_times_are_long_indonesian():
    assert day("2026-12-07") == "Senin, 7 Desember 2026"
    assert moment("2026-03-16T08:30", "WITA") == "Senin, 16 Maret 2026 08.30 WITA"


def test_values_are_words_in_their_place():
    assert value_of("decision", "refused", "notice") == "Ditolak (dikecualikan)"
    assert value_of("decision", "upheld", "answer") == "Menguatkan keputusan PPID"
    assert value_of("total", 290000, "costs") == "Rp290.000"
    assert value_of("exemptions", ["h"], "notice") == "Pasal 17 huruf h (mengungkap rahasia pribadi)"
    assert value_of("grounds", [{"letter": "a", "label": "…"}], "objection") == (
        "Pasal 35 ayat (1) huruf a (penolakan berdasarkan alasan pengecualian Pasal 17)")
    assert value_of("late", False, "extension") == "tidak"


def test_event_details_read_as_sentences_without_keys():
    detail = {"due": "2026-05-20", "filing_window_from": "lapse", "grounds": "c,g", "number": "001/KEB/X/IV/2026",
              "received_at": "2026-04-08T10:00"}
    assert event_detail("registered", detail, "WITA") == (
        "Jatuh tempo: Rabu, 20 Mei 2026; Masa keberatan dihitung: sejak batas pemberitahuan lewat; "
        "Alasan keberatan: Pasal 35 ayat (1) huruf c (permintaan informasi tidak ditanggapi); "
        "Pasal 35 ayat (1) huruf g (penyampaian informasi melebihi waktu yang diatur)")


def test_a_section_nobody_titled_yet_still_shows_its_labelled_rows():
    story = {"number": "001/SRT/X/XI/2026", "kind": "letter", "status": "registered", "profile": "publik",
             "received_at": "2026-11-23T09:00", "day0": "2026-11-23", "officer": "Yuliana", "zone": "WITA",
             "letter": {"at": "2026-11-23T09:00", "status": "closed"}, "deadlines": [], "events": []}
    sheet = case_sheet(story)
    assert sheet.heading[1] == "Diterima Senin, 23 November 2026 09.00 WITA · hari ke-0 Senin, 23 November 2026 · " \
                               "Informasi publik · dicatat oleh Yuliana"
    letter = sheet.sections[0]
    assert letter.rows == [("Waktu", "Senin, 23 November 2026 09.00 WITA"), ("Status", "Selesai")]


LEAKS = re.compile(r"\d{4}-\d{2}-\d{2}|\b[a-z]+_[a-z_]+\b|\b(letter|label|late|deadline|decision|reaction|stage|"
                   r"exempt|granted|refused|upheld|registered|notice|lapse|True|False|None)\b")


def test_show_reads_in_words_an_officer_uses(office):
    request = "001/PPID/KPU-KAB.KPG/III/2026"
    assert office(*request_args(received="2026-03-16 09:00")).exit_code == 0
    assert office("decide", request, "--decision", "ditolak", "--exemption", "h", "--reason", "NIK pemilih",
                  "--at", "2026-03-30 10:00").exit_code == 0
    res = office("register", "objection", "--request", request, "--ground", "a", "--case-position", "Bukan rahasia",
                 "--received", "2026-04-06 10:00")
    assert res.exit_code == 0, res.stderr
    shown = office("show", request).stdout
    assert "Diterima Senin, 16 Maret 2026 09.00 WITA · hari ke-0 Senin, 16 Maret 2026 · Informasi publik" in shown
    assert re.search(r"Keputusan +Ditolak \(dikecualikan\)\n", shown)
    assert re.search(r"Pengecualian +Pasal 17 huruf h \(mengungkap rahasia pribadi\)\n", shown)
    assert re.search(r"Waktu pemberitahuan +Senin, 30 Maret 2026 10\.00 WITA\n", shown)
    assert "Selasa, 7 April 2026" in shown  # the notice deadline (DOMAIN.md §2), met
    objection = office("show", "001/KEB/KPU-KAB.KPG/IV/2026").stdout
    assert re.search(r"Alasan keberatan +Pasal 35 ayat \(1\) huruf a \(penolakan berdasarkan alasan pengecualian "
                     r"Pasal 17\)\n", objection)
    assert re.search(r"Jenis +Permohonan informasi\n", objection)
    for text in (shown, objection):
        assert LEAKS.findall(text) == []


def test_a_list_of_long_records_reads_as_blocks_without_what_its_place_already_says():
    story_part = [{"id": 3, "case": "001/PPID/X/III/2026", "from": "PPID", "to": "Sekretaris", "instruction": "Siapkan",
                   "form": "lisan", "oral": True, "due": "2026-03-17", "deadline_status": "open", "open": True}]
    section = data_section("dispositions", story_part, "WITA")
    assert section.title == "Disposisi"
    assert section.rows == [("Dari", "PPID"), ("Kepada", "Sekretaris"), ("Arahan", "Siapkan"), ("Bentuk", "lisan"),
                            ("Jatuh tempo", "Selasa, 17 Maret 2026"), ("Tenggat", "berjalan")]
