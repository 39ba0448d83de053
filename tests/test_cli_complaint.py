"""Public complaints (seed 002) end to end, every due date counted by hand (DOMAIN.md §2, §8).

The office (conftest) keeps 08:00–16:00 WITA with a 12:00–13:00 break. Around Lebaran 2026 the
working days are: Tue 17 Mar; then Wed 18 (cuti bersama Nyepi), Thu 19 (Nyepi), Fri 20 (cuti
bersama Idul Fitri), Sat 21–Sun 22 (Idul Fitri), Mon 23 and Tue 24 (cuti bersama) are closed;
Wed 25, Thu 26, Fri 27, Mon 30, Tue 31 Mar are open. So for a complaint received Tue 17 Mar
10:00: day 1 = 17 Mar, day 2 = 25 Mar, day 3 = 26 Mar, day 4 = 27 Mar, day 5 = 30 Mar.
"""

import json

import pytest

NUMBER = "001/DUMAS/KPU-KAB.KPG/III/2026"
COMPLAINT = ["register", "complaint", "--name", "Yakobus Lalan", "--phone", "081234567891", "--channel", "langsung",
             "--subject", "Petugas PPS meminta uang", "--description", "Seorang petugas PPS meminta uang transport."]


def _clocks(run, number: str) -> dict[str, dict]:
    shown = json.loads(run("show", number, "--json").stdout)
    return {d["step"]: d for d in shown["deadlines"] if d["step"] and d["status"] == "open"}


def _step(run, number: str, step: str, at: str, *extra: str) -> dict:
    res = run("step", number, step, "--at", at, "--json", *extra)
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_complaint_runs_the_eleven_steps_with_hand_counted_days(office):
    res = office(*COMPLAINT, "--received", "2026-03-17 10:00", "--json")
    assert res.exit_code == 0, res.stderr
    registered = json.loads(res.stdout)
    assert registered["number"] == NUMBER and registered["sop_version"] == 1
    assert [(c["step"], c["due"]) for c in registered["next"]] == [("dispose", "2026-03-17")]

    expected = [  # step, done at, due date by hand, working days late, next step and its due date
        ("dispose", "2026-03-17 11:00", "2026-03-17", 0, "leadership_notes", "2026-03-17"),
        ("leadership_notes", "2026-03-25 09:00", "2026-03-17", 1, "analysis", "2026-03-25"),
        ("analysis", "2026-03-25 10:00", "2026-03-25", 0, "report", "2026-03-25"),
        ("report", "2026-03-25 14:00", "2026-03-25", 0, "review", "2026-03-26"),
        ("review", "2026-03-26 09:00", "2026-03-26", 0, "plenary", "2026-03-26"),
        ("plenary", "2026-03-26 15:00", "2026-03-26", 0, "answer_letter", "2026-03-27"),
        ("answer_letter", "2026-03-27 10:00", "2026-03-27", 0, "contact", "2026-03-27"),
        ("contact", "2026-03-30 09:00", "2026-03-27", 1, "final_report", "2026-03-30"),
    ]
    for code, at, due, late, following, following_due in expected:
        done = _step(office, NUMBER, code, at)
        assert (done["step"]["step"], done["step"]["due"], done["step"]["late_days"]) == (code, due, late)
        assert [(c["step"], c["due"]) for c in done["next"]] == [(following, following_due)]

    follow_up = _step(office, NUMBER, "10", "2026-03-30 11:00", "--note", "Mediasi dengan PPS")  # by its number
    assert follow_up["step"]["step"] == "follow_up" and follow_up["step"]["due"] == "2026-03-30"
    final = _step(office, NUMBER, "final_report", "2026-03-31 09:00", "--document", "Laporan 3/2026")
    assert final["closed"] is True and final["status"] == "closed"
    assert (final["step"]["due"], final["step"]["late_days"]) == ("2026-03-30", 1)
    assert final["next"] == []

    again = office("step", NUMBER, "final_report")
    assert again.exit_code == 1 and "Selesai" in again.stderr


def test_contact_writes_the_expedition_book_to_the_complainant(office):
    office(*COMPLAINT, "--received", "2026-03-17 10:00")
    for code, at in (("dispose", "2026-03-17 11:00"), ("leadership_notes", "2026-03-17 13:00"),
                     ("analysis", "2026-03-25 09:00"), ("report", "2026-03-25 10:00"), ("review", "2026-03-26 09:00"),
                     ("plenary", "2026-03-26 10:00"), ("answer_letter", "2026-03-27 09:00")):
        _step(office, NUMBER, code, at)
    done = _step(office, NUMBER, "contact", "2026-03-27 10:00", "--document", "Surat jawaban 12/DUMAS/2026")
    assert done["expedition"] == "001/EKS/KPU-KAB.KPG/III/2026"
    entries = json.loads(office("expedition", "list", "--json").stdout)
    assert [(e["document"], e["addressee"], e["case"]) for e in entries] == [
        ("Surat jawaban 12/DUMAS/2026", "Yakobus Lalan", NUMBER)]


def test_after_hours_receipt_moves_day_one(office):
    res = office(*COMPLAINT, "--received", "2026-03-17 16:30", "--json")
    assert json.loads(res.stdout)["day0"] == "2026-03-25"
    assert [(c["step"], c["due"]) for c in json.loads(res.stdout)["next"]] == [("dispose", "2026-03-25")]


def test_out_of_order_and_closed_steps_are_refused_naming_the_next(office):
    office(*COMPLAINT, "--received", "2026-03-17 10:00")
    res = office("step", NUMBER, "plenary")
    assert res.exit_code == 1
    assert "belum waktunya" in res.stderr and "2 dispose" in res.stderr
    _step(office, NUMBER, "dispose", "2026-03-17 11:00")
    twice = office("step", NUMBER, "dispose")
    assert twice.exit_code == 1 and "sudah dicatat" in twice.stderr


@pytest.mark.parametrize("args, code, words", [
    (["step", NUMBER, "nonsense"], 2, "tidak ada di SOP complaint"),
    (["step", "999/DUMAS/X/III/2026", "dispose"], 3, "Tidak ada perkara"),
    (["step", NUMBER, "dispose", "--at", "kemarin"], 2, "tidak valid"),
    (["step", NUMBER, "dispose", "--at", "2026-03-17 09:00"], 2, "lebih awal"),
    (["step", NUMBER, "dispose", "--note", "a\x1b[2Jb"], 2, "karakter kendali"),
    (["step", NUMBER, "dispose", "--note", "x" * 5000], 2, "terlalu panjang"),
])
def test_bad_step_input_is_one_line_and_writes_nothing(office, args, code, words):
    office(*COMPLAINT, "--received", "2026-03-17 10:00")
    before = office("show", NUMBER, "--json").stdout
    res = office(*args)
    assert res.exit_code == code, res.stderr
    assert words in res.stderr and res.stderr.count("\n") == 1 and res.stdout == ""
    assert office("show", NUMBER, "--json").stdout == before


def test_step_on_a_request_is_refused(office):
    from tests.conftest import request_args

    number = json.loads(office(*request_args(), "--json").stdout)["number"]
    res = office("step", number, "dispose")
    assert res.exit_code == 1 and "bukan perkara yang berjalan menurut SOP" in res.stderr


@pytest.mark.parametrize("drop, option", [("--name", "--name"), ("--channel", "--channel"), ("--subject", "--subject")])
def test_register_complaint_requires_its_fields(office, drop, option):
    args = list(COMPLAINT)
    index = args.index(drop)
    del args[index:index + 2]
    res = office(*args)
    assert res.exit_code == 2 and option in res.stderr
    assert json.loads(office("list", "--json").stdout) == []


@pytest.mark.parametrize("option, value, words", [
    ("--channel", "merpati", "langsung, surat, email, website, lapor"),
    ("--phone", "12ab", "Nomor telepon"),
    ("--id-number", "123", "NIK harus 16 angka"),
    ("--email", "bukan-email", "E-mail"),
    ("--subject", "=HYPERLINK(\"x\")\x07", "karakter kendali"),
])
def test_register_complaint_bad_values(office, option, value, words):
    args = [a for a in COMPLAINT]
    if option in args:
        args[args.index(option) + 1] = value
    else:
        args += [option, value]
    res = office(*args)
    assert res.exit_code == 2 and words in res.stderr and res.stderr.count("\n") == 1
    assert json.loads(office("list", "--json").stdout) == []


def test_anonymous_complainant_is_not_named_in_lists(office):
    office(*COMPLAINT, "--anonymous", "--received", "2026-03-17 10:00")
    rows = json.loads(office("list", "--json").stdout)
    assert rows[0]["name"] == "Identitas dirahasiakan"
    shown = json.loads(office("show", NUMBER, "--json").stdout)
    assert shown["form"]["phone"] == "0812****7891"
    assert json.loads(office("show", NUMBER, "--json", "--unmask").stdout)["form"]["phone"] == "081234567891"


def test_complaint_register_lists_steps_and_days_taken(office, tmp_path):
    from openpyxl import load_workbook

    office(*COMPLAINT, "--received", "2026-03-17 10:00")
    _step(office, NUMBER, "dispose", "2026-03-17 11:00")
    _step(office, NUMBER, "leadership_notes", "2026-03-25 09:00")
    out = tmp_path / "dumas.xlsx"
    res = office("export-register", "--kind", "pengaduan", "--year", "2026", "-o", str(out))
    assert res.exit_code == 0, res.stderr
    sheet = load_workbook(out).active
    header = [low or top for top, low in zip((c.value for c in sheet[5]), (c.value for c in sheet[6]))]
    row = [c.value for c in sheet[7]]
    assert row[1] == NUMBER and str(row[2]) == "2026-03-17 10:00:00"
    assert row[header.index("Telepon")] == "0812****7891"
    assert str(row[header.index("2. Disposisi ke pimpinan")]) == "2026-03-17 11:00:00"
    assert row[header.index("Hari kerja")] == 1  # 17 → 25 March 2026 is one working day
    assert row[-1].startswith("Sedang diproses")


def test_a_closure_moves_the_day_n_clocks_of_a_running_complaint(office):
    office(*COMPLAINT, "--received", "2026-03-17 10:00")
    _step(office, NUMBER, "dispose", "2026-03-17 11:00")
    _step(office, NUMBER, "leadership_notes", "2026-03-17 13:00")
    assert _clocks(office, NUMBER)["analysis"]["due"] == "2026-03-25"  # day 2
    res = office("calendar", "add-closure", "2026-03-25", "Banjir: kantor tutup", "--json")
    assert res.exit_code == 0, res.stderr
    assert [(m["number"], m["old_due"], m["new_due"]) for m in json.loads(res.stdout)] == [
        (NUMBER, "2026-03-25", "2026-03-26")]
    assert _clocks(office, NUMBER)["analysis"]["due"] == "2026-03-26"


def test_an_anonymous_complainant_is_not_named_in_the_register(office, tmp_path):
    from openpyxl import load_workbook

    office(*COMPLAINT, "--anonymous", "--received", "2026-03-17 10:00")
    out = tmp_path / "dumas.xlsx"
    assert office("export-register", "--kind", "complaint", "--year", "2026", "--unmask", "-o", str(out)).exit_code == 0
    row = [c.value for c in load_workbook(out).active[7]]
    assert "Identitas dirahasiakan" in row and "Yakobus Lalan" not in row
