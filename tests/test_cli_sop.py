"""SOPs as data: list, show, load with validation, revisions mid-case, and a toy kind that is only
a registry entry plus an SOP file."""

import json
from pathlib import Path

import pytest

from kpudesk import kinds
from kpudesk.kinds import FieldSpec, KindSpec

DUMAS = (Path(kinds.__file__).parent / "sop" / "dumas.toml").read_text(encoding="utf-8")
NUMBER = "001/DUMAS/KPU-KAB.KPG/III/2026"
COMPLAINT = ["register", "complaint", "--name", "Yakobus Lalan", "--phone", "081234567891", "--channel", "surat",
             "--subject", "Petugas PPS meminta uang", "--description", "Uraian", "--received", "2026-03-17 10:00"]


def _write(tmp_path: Path, text: str, name: str = "sop.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_sop_list_and_show_print_the_shipped_tables(office):
    listed = json.loads(office("sop", "list", "--json").stdout)
    assert [(r["kind"], r["steps"], r["version"]) for r in listed] == [("letter", 9, 0), ("visit", 4, 0), ("complaint", 11, 0),
                                                                      ("consultation", 6, 0), ("meeting", 9, 0)]
    shown = json.loads(office("sop", "show", "pengaduan", "--json").stdout)
    assert [(s["no"], s["standard"], s["who"]) for s in shown["steps"]][:4] == [
        (1, "hari ke-1", "Petugas Desk Layanan"), (2, "hari ke-1", "Petugas Desk Layanan"),
        (3, "hari ke-1", "Sekretaris dan Ketua"), (4, "hari ke-2", "Unit Dumas")]
    assert shown["steps"][9]["optional"] is True and shown["steps"][10]["ends"] is True
    text = office("sop", "show", "letter").stdout
    assert "alternatif 'jawaban'" in text and "1 hari kerja" in text


def test_a_revision_mid_case_changes_only_the_steps_not_yet_done(office, tmp_path):
    office(*COMPLAINT)
    res = office("step", NUMBER, "dispose", "--at", "2026-03-17 11:00", "--json")
    assert json.loads(res.stdout)["next"][0]["due"] == "2026-03-17"
    revised = DUMAS.replace('code = "dispose"\nlabel = "Disposisi ke pimpinan"\nwho = "desk"\nstandard = "day 1"',
                            'code = "dispose"\nlabel = "Disposisi ke pimpinan"\nwho = "desk"\nstandard = "day 2"')
    revised = revised.replace('who = "leadership"\nstandard = "day 1"', 'who = "leadership"\nstandard = "day 3"')
    assert revised.count("day 3") == 3
    loaded = office("sop", "load", _write(tmp_path, revised))
    assert loaded.exit_code == 0, loaded.stderr
    assert "SOP complaint versi 2 dimuat" in loaded.stderr
    shown = json.loads(office("show", NUMBER, "--json").stdout)
    # done under version 1: keeps its standard and due date
    assert [(s["step"], s["standard"], s["due"], s["sop_version"]) for s in shown["steps"]] == [
        ("receive", "hari ke-1", "2026-03-17", 1), ("dispose", "hari ke-1", "2026-03-17", 1)]
    # not yet done: day 3 of the flow is Thu 26 March 2026 (18–24 March closed)
    open_clocks = [(d["step"], d["due"]) for d in shown["deadlines"] if d["status"] == "open"]
    assert open_clocks == [("leadership_notes", "2026-03-26")]
    done = json.loads(office("step", NUMBER, "leadership_notes", "--at", "2026-03-25 09:00", "--json").stdout)
    assert (done["step"]["sop_version"], done["step"]["standard"], done["step"]["late_days"]) == (2, "hari ke-3", 0)
    old = json.loads(office("sop", "show", "complaint", "--version", "1", "--json").stdout)
    new = json.loads(office("sop", "show", "complaint", "--json").stdout)
    assert (old["version"], old["steps"][1]["standard"]) == (1, "hari ke-1")
    assert (new["version"], new["steps"][1]["standard"]) == (2, "hari ke-2")
    assert office("sop", "show", "complaint", "--version", "7").exit_code == 3


BROKEN = [  # what is wrong, the text to put in, the line and words the message must name
    ("unknown role", ('who = "dumas_unit"', 'who = "bupati"'), 'code = "analysis"', "pelaksana 'bupati' tidak dikenal"),
    ("bad unit", ('standard = "day 2"', 'standard = "2 minggu"'), 'code = "analysis"', "mutu baku '2 minggu' tidak dikenal"),
    ("a loop", ('after = ["contact"]', 'after = ["final_report"]'), 'code = "follow_up"', "putaran"),
    ("no end step", ("ends = true", "ends = false"), 'kind = "complaint"', "tidak memiliki langkah akhir"),
    ("unknown after", ('after = ["contact", "follow_up"]', 'after = ["contact", "nonexistent"]'), 'code = "final_report"',
     "'nonexistent' yang tidak ada"),
    ("unknown kind", ('kind = "complaint"', 'kind = "pajak"'), 'kind = "pajak"', "jenis perkara alur 'pajak' tidak dikenal"),
]


@pytest.mark.parametrize("what, change, needle, words", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_bad_sop_file_is_refused_naming_the_line_and_nothing_is_stored(office, tmp_path, what, change, needle, words):
    text = DUMAS.replace(*change)
    assert text != DUMAS
    line = next(i for i, row in enumerate(text.splitlines(), 1) if needle in row)
    res = office("sop", "load", _write(tmp_path, text))
    assert res.exit_code == 2, res.stderr
    assert f"baris {line}:" in res.stderr and words in res.stderr and res.stderr.count("\n") == 1
    assert json.loads(office("sop", "list", "--json").stdout)[2]["versions"] == 0


@pytest.mark.parametrize("content, words", [
    (b"title = 'x'\n[[flow]\n", "bukan TOML"),
    (b"\xff\xfe", "bukan teks UTF-8"),
    (b"title = 'kosong'\n", "tidak memuat alur"),
])
def test_unreadable_sop_files(office, tmp_path, content, words):
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    res = office("sop", "load", str(path))
    assert res.exit_code == 2 and words in res.stderr


def test_sop_load_of_a_missing_file_and_show_of_an_unknown_kind(office, tmp_path):
    assert office("sop", "load", str(tmp_path / "none.toml")).exit_code == 2
    res = office("sop", "show", "request")
    assert res.exit_code == 2 and "letter, visit, complaint" in res.stderr


TOY_SOP = """
title = "SOP Peminjaman Ruang Rapat"
decree = "Uji"

[[flow]]
kind = "toy"
title = "Peminjaman ruang"

[[flow.step]]
no = 1
code = "ask"
label = "Permohonan pinjam ruang diterima"
who = "desk"
standard = "5m"

[[flow.step]]
no = 2
code = "approve"
label = "Sekretaris menyetujui"
who = "secretary"
standard = "30m"

[[flow.step]]
no = 3
code = "key"
label = "Kunci diserahkan"
who = "head_general"
standard = "1d"
ends = true
expedition = true
"""


@pytest.fixture
def toy_kind(tmp_path):
    """A kind that exists only as a registry entry and an SOP file."""
    sop_file = tmp_path / "toy.toml"
    sop_file.write_text(TOY_SOP, encoding="utf-8")
    kinds.register_kind(KindSpec(
        code="toy", label="Peminjaman ruang", aliases=("pinjam",), template="{seq:02d}/PR/{office}/{year}",
        fields=(FieldSpec("name", "Peminjam", required=True), FieldSpec("phone", "Telepon", type="phone", personal=True),
                FieldSpec("subject", "Keperluan", required=True)),
        sections=("kpudesk.services.steps:story_section",), sop="toy", sop_file=sop_file,
        register_title="REGISTER PEMINJAMAN RUANG",
    ))
    yield "toy"
    kinds.unregister_kind("toy")


def test_a_toy_kind_is_registered_stepped_listed_shown_overdue_and_exported(office, toy_kind, tmp_path):
    from openpyxl import load_workbook

    res = office("register", "toy", "--name", "Sub Bagian Hukum", "--phone", "081299998888", "--subject",
                 "Rapat pleno", "--received", "2026-03-17 09:00", "--json")
    assert res.exit_code == 0, res.stderr
    number = json.loads(res.stdout)["number"]
    assert number == "01/PR/KPU-KAB.KPG/2026"
    assert [(c["step"], c["due_at"]) for c in json.loads(res.stdout)["next"]] == [("approve", "2026-03-17T09:30")]
    stepped = json.loads(office("step", number, "approve", "--at", "2026-03-17 10:00", "--json").stdout)
    assert stepped["step"]["late_minutes"] == 30
    # 1 working day after Tue 17 March 2026: 18–24 March are closed, so Wed 25 March
    assert [(c["step"], c["due"]) for c in stepped["next"]] == [("key", "2026-03-25")]
    assert [r["number"] for r in json.loads(office("list", "--kind", "pinjam", "--json").stdout)] == [number]
    shown = json.loads(office("show", number, "--json").stdout)
    assert shown["kind"] == "toy" and shown["form"]["phone"] == "0812****8888"
    report = json.loads(office("overdue", "--as-of", "2026-03-26", "--json").stdout)
    assert [(i["number"], i["label"], i["responsible"]) for i in report["overdue"]] == [
        (number, "Kunci diserahkan", "Kasubag Umum dan Logistik")]
    out = tmp_path / "toy.xlsx"
    assert office("export-register", "--kind", "toy", "--year", "2026", "-o", str(out)).exit_code == 0
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "REGISTER PEMINJAMAN RUANG"
    assert [c.value for c in sheet[7]][1] == number


@pytest.mark.parametrize("version", ["0", "-1", "9223372036854775807"])
def test_sop_show_of_a_version_out_of_range_is_bad_input(office, version):
    res = office("sop", "show", "complaint", "--version", version)
    assert res.exit_code == 2 and "--version" in res.stderr and res.stderr.count("\n") == 1
