"""`kpudesk disposition add | accept | done | list`: chains, clocks worked by hand, refusals.

The 2026 calendar around March (from `kpudesk calendar 2026`): Wed 03-18 cuti bersama Nyepi,
Thu 03-19 Nyepi, Fri 03-20 cuti bersama Idul Fitri, Sat/Sun 03-21/22 Idul Fitri, Mon/Tue 03-23/24
cuti bersama Idul Fitri, Fri 04-03 Wafat Yesus Kristus. Office hours 08:00–16:00 WITA.
"""

import json

import pytest

from tests.conftest import request_args

CASE = "001/PPID/KPU-KAB.KPG/III/2026"


@pytest.fixture
def case(office):
    """A request received Mon 2026-03-16 09:00 (notice due 2026-04-07, DOMAIN.md §2)."""
    res = office(*request_args(received="2026-03-16 09:00"))
    assert res.exit_code == 0, res.stderr
    return office


def _add(run, *args: str):
    res = run("disposition", "add", CASE, *args, "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def _show(run) -> dict:
    res = run("show", CASE, "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_add_to_two_positions_opens_one_clock_each(case):
    rows = _add(case, "--by", "Ketua", "--to", "Sekretaris", "--to", "ppid", "--instruction", "Siapkan salinan SK DPT",
                "--within", "3", "--at", "2026-03-16 10:00", "--officer", "Yuliana")
    # Day 0 Mon 03-16; 03-17 is HK 1; 03-18 … 03-24 are not working days; 03-25 HK 2, 03-26 HK 3.
    assert [(r["from"], r["to"], r["due"], r["form"], r["parent_id"]) for r in rows] == [
        ("Ketua", "Sekretaris", "2026-03-26", "tertulis", None),
        ("Ketua", "PPID", "2026-03-26", "tertulis", None),
    ]
    assert rows[0]["created_at"] == "2026-03-16T10:00"
    assert (rows[0]["accepted_at"], rows[0]["done_at"], rows[0]["officer"]) == (None, None, "Yuliana")
    story = _show(case)
    clocks = [d for d in story["deadlines"] if d["kind"] == "disposition"]
    assert [(d["start"], d["due"], d["amount"], d["responsible"], d["basis"], d["status"]) for d in clocks] == [
        ("2026-03-16", "2026-03-26", 3, "Sekretaris", "Disposisi Ketua", "open"),
        ("2026-03-16", "2026-03-26", 3, "PPID", "Disposisi Ketua", "open"),
    ]
    assert [d["to"] for d in story["dispositions"]] == ["Sekretaris", "PPID"]
    added = [e for e in story["events"] if e["action"] == "disposition_added"]
    assert [(e["officer"], e["detail"]["to_position"], e["detail"]["due"]) for e in added] == [
        ("Yuliana", "Sekretaris", "2026-03-26"), ("Yuliana", "PPID", "2026-03-26")]


def test_text_output_names_each_disposition_and_its_due_date(case):
    res = case("disposition", "add", CASE, "--by", "ketua", "--to", "SEKRETARIS", "--instruction", "Tindak lanjuti",
               "--within", "1", "--at", "2026-03-16 10:00")
    assert res.exit_code == 0, res.stderr
    # 03-16 + 1 HK = Tue 03-17.
    assert res.stdout.strip() == f"#1 {CASE}: Ketua → Sekretaris (tertulis); tenggat Selasa, 17 Maret 2026"


def test_after_closing_the_clock_starts_next_working_day(case):
    rows = _add(case, "--by", "Sekretaris", "--to", "head_technical", "--instruction", "Siapkan data",
                "--within", "1", "--at", "2026-03-16 16:30")
    # 16:30 is after closing (16:00): day 0 is Tue 03-17; the next working day is Wed 03-25.
    assert rows[0]["due"] == "2026-03-25"
    clock = next(d for d in _show(case)["deadlines"] if d["kind"] == "disposition")
    assert (clock["start"], clock["responsible"]) == ("2026-03-17", "Kasubag Teknis dan Hupmas")


def test_oral_disposition_without_clock(case):
    rows = _add(case, "--by", "Ketua", "--to", "Sekretaris", "--instruction", "Temui pemohon", "--oral",
                "--at", "2026-03-16 09:15")
    assert (rows[0]["oral"], rows[0]["form"], rows[0]["due"]) == (True, "lisan", None)
    assert [d["kind"] for d in _show(case)["deadlines"]] == ["notice"]


def test_passing_on_chains_to_the_open_disposition_and_accepts_it(case):
    first = _add(case, "--by", "Ketua", "--to", "Sekretaris", "--instruction", "Proses", "--at", "2026-03-16 10:00")[0]
    second = _add(case, "--by", "Sekretaris", "--to", "Kasubag Teknis dan Hupmas", "--instruction", "Siapkan data baku",
                  "--within", "2", "--at", "2026-03-17 08:30")[0]
    assert second["parent_id"] == first["id"]
    # Day 0 Tue 03-17; HK 1 Wed 03-25, HK 2 Thu 03-26.
    assert second["due"] == "2026-03-26"
    story = _show(case)
    parent = story["dispositions"][0]
    assert parent["accepted_at"] == "2026-03-17T08:30"
    # A disposition from someone who holds none starts a new chain.
    third = _add(case, "--by", "PPID", "--to", "head_legal", "--instruction", "Telaah", "--at", "2026-03-17 09:00")[0]
    assert third["parent_id"] is None
    # Nor does one given before the Sekretaris had received anything (09:30 < 10:00).
    early = _add(case, "--by", "Sekretaris", "--to", "PPID", "--instruction", "Cek", "--at", "2026-03-16 09:30")[0]
    assert early["parent_id"] is None


def test_accept_then_done_with_days_late(case, store_db):
    _add(case, "--by", "Sekretaris", "--to", "head_technical", "--instruction", "Siapkan data", "--within", "2",
         "--at", "2026-03-17 10:00")
    # the role typed in Indonesian is the same position
    accepted = case("disposition", "accept", CASE, "--position", "kasubag-teknis", "--at", "2026-03-17 11:00", "--json")
    assert accepted.exit_code == 0, accepted.stderr
    assert json.loads(accepted.stdout)["accepted_at"] == "2026-03-17T11:00"
    res = case("disposition", "done", CASE, "--position", "Kasubag Teknis dan Hupmas", "--note", "Data diserahkan",
               "--at", "2026-04-06 10:00")
    assert res.exit_code == 0, res.stderr
    # Due Thu 03-26; late HK: 03-27, 03-30, 03-31, 04-01, 04-02 (04-03 Good Friday), 04-06 = 6.
    assert "terlambat 6 hari kerja" in res.stderr
    row = _show(case)["dispositions"][0]
    assert (row["done_at"], row["note"], row["deadline_status"], row["late_days"]) == (
        "2026-04-06T10:00", "Data diserahkan", "met", 6)
    events = [e["action"] for e in _show(case)["events"]]
    assert events[-2:] == ["disposition_accepted", "disposition_done"]


def test_done_on_time_and_latest_of_several(case):
    _add(case, "--by", "Ketua", "--to", "PPID", "--instruction", "Pertama", "--within", "5", "--at", "2026-03-16 10:00")
    _add(case, "--by", "Sekretaris", "--to", "PPID", "--instruction", "Kedua", "--within", "1", "--at", "2026-03-16 11:00")
    res = case("disposition", "done", CASE, "--position", "ppid", "--note", "Selesai", "--at", "2026-03-17 15:00", "--json")
    assert res.exit_code == 0, res.stderr
    done = json.loads(res.stdout)
    assert (done["instruction"], done["late_days"], done["deadline_status"]) == ("Kedua", 0, "met")
    first = _show(case)["dispositions"][0]
    assert (first["instruction"], first["open"], first["deadline_status"]) == ("Pertama", True, "open")


def test_list_filters_by_position_and_open(case):
    _add(case, "--by", "Ketua", "--to", "Sekretaris", "--to", "PPID", "--instruction", "Proses", "--within", "3",
         "--at", "2026-03-16 10:00")
    assert case("disposition", "done", CASE, "--position", "PPID", "--note", "Ok", "--at", "2026-03-17 09:00").exit_code == 0
    every = json.loads(case("disposition", "list", "--json").stdout)
    assert [(r["case"], r["to"], r["open"]) for r in every] == [(CASE, "Sekretaris", True), (CASE, "PPID", False)]
    still_open = json.loads(case("disposition", "list", "--open", "--json").stdout)
    assert [(r["to"], r["due"]) for r in still_open] == [("Sekretaris", "2026-03-26")]
    ppid = json.loads(case("disposition", "list", "--position", "ppid", "--json").stdout)
    assert [(r["to"], r["done_at"], r["note"]) for r in ppid] == [("PPID", "2026-03-17T09:00", "Ok")]
    table = case("disposition", "list", "--open")
    assert "Ketua → Sekretaris" in table.stdout and "Senin, 16 Maret 2026 10.00" in table.stdout


def test_overdue_reports_a_late_disposition_with_its_position(case):
    _add(case, "--by", "Sekretaris", "--to", "head_technical", "--instruction", "Siapkan data", "--within", "2",
         "--at", "2026-03-17 10:00")
    res = case("overdue", "--as-of", "2026-04-01", "--json")
    assert res.exit_code == 0, res.stderr
    items = json.loads(res.stdout)["overdue"]
    # Due Thu 03-26; on Wed 04-01 late by 03-27, 03-30, 03-31, 04-01 = 4 HK. The notice (04-07) is not late.
    assert [(i["deadline"], i["due"], i["days"], i["responsible"]) for i in items] == [
        ("disposition", "2026-03-26", 4, "Kasubag Teknis dan Hupmas")]
    case("disposition", "done", CASE, "--position", "head_technical", "--note", "Ok", "--at", "2026-04-01 09:00")
    assert case("overdue", "--as-of", "2026-04-01").stdout == ""


def test_accept_twice_is_refused(case):
    _add(case, "--by", "Ketua", "--to", "Sekretaris", "--instruction", "Proses", "--at", "2026-03-16 10:00")
    assert case("disposition", "accept", CASE, "--position", "Sekretaris", "--at", "2026-03-16 11:00").exit_code == 0
    before = _show(case)
    res = case("disposition", "accept", CASE, "--position", "Sekretaris", "--at", "2026-03-16 12:00")
    assert res.exit_code == 1
    assert "sudah diterima (Senin, 16 Maret 2026 11.00 WITA)" in res.stderr
    assert _show(case) == before


def test_done_twice_is_refused(case):
    _add(case, "--by", "Ketua", "--to", "Sekretaris", "--instruction", "Proses", "--within", "3", "--at", "2026-03-16 10:00")
    assert case("disposition", "done", CASE, "--position", "Sekretaris", "--note", "Ok", "--at", "2026-03-17 10:00").exit_code == 0
    before = _show(case)
    res = case("disposition", "done", CASE, "--position", "Sekretaris", "--note", "Lagi", "--at", "2026-03-17 11:00")
    assert res.exit_code == 1
    assert "sudah selesai (Selasa, 17 Maret 2026 10.00 WITA)" in res.stderr
    assert _show(case) == before


def test_unknown_position_lists_the_accepted_titles(case, store_db):
    res = case("disposition", "add", CASE, "--by", "Ketua", "--to", "Bupati", "--instruction", "Proses")
    assert res.exit_code == 2
    assert "Jabatan 'Bupati' (--to) tidak dikenal" in res.stderr
    assert "Ketua, Sekretaris, PPID" in res.stderr and "Kasubag Teknis dan Hupmas" in res.stderr
    assert store_db.count("disposition") == 0
    res = case("disposition", "accept", CASE, "--position", "Pemohon")
    assert res.exit_code == 2 and "(--position) tidak dikenal" in res.stderr


def test_unknown_case_and_position_without_disposition(case, store_db):
    events = store_db.count("event")
    res = case("disposition", "add", "099/PPID/KPU-KAB.KPG/III/2026", "--by", "Ketua", "--to", "PPID", "--instruction", "x")
    assert res.exit_code == 3
    assert "Tidak ada perkara dengan nomor '099/PPID/KPU-KAB.KPG/III/2026'" in res.stderr
    res = case("disposition", "done", CASE, "--position", "PPID", "--note", "x")
    assert res.exit_code == 3
    assert "Tidak ada disposisi kepada PPID" in res.stderr
    assert store_db.count("event") == events


def test_void_case_takes_no_disposition(case, store_db):
    assert case("void", CASE, "--reason", "Salah catat").exit_code == 0
    res = case("disposition", "add", CASE, "--by", "Ketua", "--to", "PPID", "--instruction", "Proses")
    assert res.exit_code == 1
    assert "dibatalkan (salah catat)" in res.stderr and "masih berjalan" in res.stderr
    assert store_db.count("disposition") == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--at", "2099-01-01 10:00"], "ada di masa depan"),
        (["--at", "2026-03-16 08:00"], "lebih awal dari waktu perkara diterima"),
        (["--within", "-1"], "--within -1 di luar jangkauan"),
        (["--by", "PPID"], "kepada PPID sendiri"),
        (["--instruction", "  "], "Isi disposisi (--instruction) wajib diisi"),
    ],
)
def test_bad_input_is_refused_with_exit_2(case, store_db, args, message):
    base = {"--by": "Ketua", "--to": "PPID", "--instruction": "Proses"}
    base.update(dict(zip(args[::2], args[1::2])))
    res = case("disposition", "add", CASE, *[x for pair in base.items() for x in pair])
    assert res.exit_code == 2
    assert message in res.stderr
    assert store_db.count("disposition") == 0


def test_done_before_acceptance_is_refused(case):
    _add(case, "--by", "Ketua", "--to", "PPID", "--instruction", "Proses", "--at", "2026-03-16 10:00")
    case("disposition", "accept", CASE, "--position", "PPID", "--at", "2026-03-16 13:00")
    res = case("disposition", "done", CASE, "--position", "PPID", "--note", "x", "--at", "2026-03-16 12:00")
    assert res.exit_code == 2
    assert "lebih awal dari waktu disposisi diterima (Senin, 16 Maret 2026 13.00 WITA)" in res.stderr


def test_list_filters_by_case(case):
    second = case(*request_args(received="2026-03-16 11:00"), "--json")
    assert second.exit_code == 0, second.stderr
    other = json.loads(second.stdout)["number"]
    assert other == "002/PPID/KPU-KAB.KPG/III/2026"
    _add(case, "--by", "Ketua", "--to", "Sekretaris", "--instruction", "Siapkan SK DPT", "--at", "2026-03-16 10:00")
    res = case("disposition", "add", other, "--by", "Ketua", "--to", "ppid", "--instruction", "Jawab pemohon",
               "--at", "2026-03-16 12:00", "--json")
    assert res.exit_code == 0, res.stderr
    rows = json.loads(case("disposition", "list", "--case", other, "--json").stdout)
    assert [(r["id"], r["case"], r["to"], r["instruction"]) for r in rows] == [(2, other, "PPID", "Jawab pemohon")]
    both = json.loads(case("disposition", "list", "--case", CASE, "--position", "ppid", "--json").stdout)
    assert both == []
    unknown = case("disposition", "list", "--case", "404/PPID/KPU-KAB.KPG/III/2026")
    assert unknown.exit_code == 3 and "Tidak ada perkara" in unknown.stderr and unknown.stdout == ""
