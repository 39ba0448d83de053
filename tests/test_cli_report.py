"""`kpudesk report annual | summary`: every number of the report against a year built by hand.

The year 2025 below, counted by hand (WITA office, cuti bersama not working). February 2025 has
no holiday; weekends only. Working days after day 0:
  R1 Mon 3 Feb langsung   granted Wed 5 Feb (2 HK), handed over Fri 7 Feb (4 HK)
  R2 Tue 4 Feb email      partial (h) Tue 18 Feb: 5,6,7,10–14,17,18 = 10 HK; handed over Wed 19 Feb (11 HK)
  R3 Wed 5 Feb surat      extended, refused (h, i) Wed 26 Feb: 6,7,10–14,17–21,24,25,26 = 15 HK
  R4 Mon 3 Feb email      not held, Wed 19 Feb: 4–7,10–14,17,18,19 = 12 HK, due Mon 17 Feb → 2 HK late
  R5 Mon 10 Feb whatsapp  election information, granted Wed 12 Feb (2 HK), handed over the same day
  R6 Thu 6 Feb langsung   not documented (provided within 5 HK), noticed Fri 7 Feb (1 HK)
  R7 Mon 3 Mar langsung   withdrawn Tue 4 Mar
  R8 Wed 5 Mar website    still pending
  not counted: a voided request (Mar 2025), one received 30 Dec 2024, one received 2 Jan 2026.
Objections: O1 on R3 (ground a), upheld in time, taken to the Komisi Informasi (registered);
O2 on R4 (grounds d, e), overturned after its 30 HK (late).
"""

import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.conftest import request_args


def _register(run, received, **overrides):
    res = run(*request_args(received=received, **overrides), "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)["number"]


def _ok(run, *args):
    res = run(*args)
    assert res.exit_code == 0, (args, res.stderr)
    return res


@pytest.fixture
def year_2025(office):
    """The year of cases described in the module docstring; returns the request numbers."""
    run = office
    numbers = {}
    numbers["outside_before"] = _register(run, "2024-12-30 09:00")
    numbers["R1"] = _register(run, "2025-02-03 09:00", channel="langsung")
    numbers["R4"] = _register(run, "2025-02-03 10:00", channel="email")
    numbers["R2"] = _register(run, "2025-02-04 10:00", channel="email")
    numbers["R3"] = _register(run, "2025-02-05 09:00", channel="surat")
    numbers["R6"] = _register(run, "2025-02-06 09:00", channel="langsung")
    numbers["R5"] = _register(run, "2025-02-10 09:00", channel="whatsapp", election=True)
    numbers["R7"] = _register(run, "2025-03-03 09:00", channel="langsung")
    numbers["R8"] = _register(run, "2025-03-05 09:00", channel="website")
    numbers["void"] = _register(run, "2025-03-06 09:00", channel="email")
    numbers["outside_after"] = _register(run, "2026-01-02 09:00")
    _ok(run, "decide", numbers["R1"], "--decision", "granted", "--at", "2025-02-05 10:00")
    _ok(run, "deliver", numbers["R1"], "--received-by", "Maria Bria", "--at", "2025-02-07 10:00")
    _ok(run, "decide", numbers["R2"], "--decision", "partial", "--exemption", "h", "--reason", "NIK dihitamkan",
        "--at", "2025-02-18 10:00")
    _ok(run, "deliver", numbers["R2"], "--received-by", "Maria Bria", "--at", "2025-02-19 10:00")
    _ok(run, "extend", numbers["R3"], "--reason", "Dokumen di gudang", "--at", "2025-02-12 10:00")
    _ok(run, "decide", numbers["R3"], "--decision", "refused", "--exemption", "h", "--exemption", "i",
        "--at", "2025-02-26 10:00")
    _ok(run, "decide", numbers["R4"], "--decision", "not-held", "--holder", "Dinas Dukcapil", "--at", "2025-02-19 10:00")
    _ok(run, "decide", numbers["R5"], "--decision", "granted", "--at", "2025-02-12 09:00")
    _ok(run, "deliver", numbers["R5"], "--received-by", "Maria Bria", "--at", "2025-02-12 11:00")
    _ok(run, "decide", numbers["R6"], "--decision", "not-documented", "--provide-within", "5", "--at", "2025-02-07 10:00")
    _ok(run, "withdraw", numbers["R7"], "--reason", "Sudah tidak diperlukan", "--at", "2025-03-04 10:00")
    _ok(run, "void", numbers["void"], "--reason", "Salah catat")
    o1 = json.loads(_ok(run, "register", "objection", "--request", numbers["R3"], "--ground", "a", "--case-position",
                        "Bukan rahasia", "--received", "2025-02-27 09:00", "--json").stdout)["number"]
    _ok(run, "objection", "answer", o1, "--decision", "upheld", "--reasons", "Memuat data pribadi",
        "--superior", "Yohanes Tefa, Sekretaris", "--at", "2025-03-05 10:00")
    _ok(run, "objection", "reaction", o1, "dispute", "--at", "2025-03-10 10:00")
    _ok(run, "objection", "dispute", o1, "--stage", "registered", "--at", "2025-03-20 10:00")
    o2 = json.loads(_ok(run, "register", "objection", "--request", numbers["R4"], "--ground", "d", "--ground", "e",
                        "--case-position", "Jawaban tidak sesuai", "--received", "2025-02-20 09:00", "--json").stdout)["number"]
    _ok(run, "objection", "answer", o2, "--decision", "overturned", "--superior", "Yohanes Tefa, Sekretaris",
        "--at", "2025-05-15 10:00")
    numbers["O1"], numbers["O2"] = o1, o2
    return numbers


def _figures(run, tmp_path):
    res = run("report", "annual", "--year", "2025", "-o", tmp_path / "laporan.docx", "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_annual_report_counts_every_number_by_hand(office, year_2025, tmp_path):
    data = _figures(office, tmp_path)
    requests = data["requests"]
    assert requests["received"] == 8
    assert requests["by_channel"] == {"langsung": 3, "surat": 1, "email": 2, "telepon": 0, "faks": 0,
                                      "website": 1, "whatsapp": 1}
    assert requests["by_month"]["2"] == 6 and requests["by_month"]["3"] == 2
    assert sum(requests["by_month"].values()) == 8
    assert requests["by_track"] == {"publik": 7, "pemilu": 1}
    assert requests["outcomes"] == {"granted": 2, "partial": 1, "refused": 1, "not-held": 1, "not-documented": 1,
                                    "withdrawn": 1, "pending": 1}
    assert {k: v for k, v in requests["refusal_letters"].items() if v} == {"h": 2, "i": 1}
    assert requests["late_notices"] == [{"number": year_2025["R4"], "received": "2025-02-03",
                                         "noticed": "2025-02-19", "late_days": 2}]
    notice = data["time_needed"]["notice"]
    # publik: 2, 10, 15, 12, 1 HK → sorted 1, 2, 10, 12, 15
    assert notice["publik"] == {"measured": 5, "median": 10, "average": 8.0, "limit": 10, "within_limit": 3,
                                "extended_limit": 17, "within_extended": 5}
    assert notice["pemilu"] == {"measured": 1, "median": 2, "average": 2.0, "limit": 3, "within_limit": 1,
                                "extended_limit": 5, "within_extended": 1}
    handover = data["time_needed"]["handover"]
    assert handover["publik"] == {"measured": 2, "median": 7.5, "average": 7.5, "limit": 10, "within_limit": 1,
                                  "extended_limit": 17, "within_extended": 2}
    assert handover["pemilu"]["measured"] == 1 and handover["pemilu"]["median"] == 2


def test_annual_report_counts_objections_and_disputes(office, year_2025, tmp_path):
    objections = _figures(office, tmp_path)["objections"]
    assert objections["received"] == 2
    assert {k: v for k, v in objections["by_ground"].items() if v} == {"a": 1, "d": 1, "e": 1}
    assert objections["outcomes"] == {"upheld": 1, "overturned": 1, "partly": 0, "withdrawn": 0, "pending": 0}
    assert (objections["answered_on_time"], objections["answered_late"]) == (1, 1)
    assert objections["disputes"] == [{"objection": year_2025["O1"], "request": year_2025["R3"],
                                       "stage": "registered", "outcome": ""}]


def _table(document, caption_start):
    """The table that follows the paragraph whose text starts with `caption_start`, as lists of text."""
    body = document.element.body
    found = False
    for child in body.iterchildren():
        if child.tag.endswith("}p") and "".join(child.itertext()).startswith(caption_start):
            found = True
        elif found and child.tag.endswith("}tbl"):
            return [[cell.text for cell in row.cells] for row in _docx_table(document, child).rows]
    raise AssertionError(f"no table after {caption_start!r}")


def _docx_table(document, element):
    return next(table for table in document.tables if table._tbl is element)


def test_docx_reopens_with_the_tables_and_the_office_text(office, year_2025, tmp_path):
    text = tmp_path / "teks.txt"
    text.write_text("[sdm]\nTiga petugas PPID, dua berijazah S1.\n\n[kendala]\nJaringan internet di Oelamasi lambat.\n"
                    "[penandatangan]\nOelamasi, 20 Maret 2026; PPID KPU Kabupaten Kupang; Yohanes Tefa\n", encoding="utf-8")
    res = office("report", "annual", "--year", "2025", "-o", tmp_path / "lap.docx", "--xlsx", tmp_path / "lap.xlsx",
                    "--text", text)
    assert res.exit_code == 0, res.stderr
    assert res.stdout.splitlines() == [str(tmp_path / "lap.docx"), str(tmp_path / "lap.xlsx")]
    document = Document(str(tmp_path / "lap.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:3] == ["LAPORAN LAYANAN INFORMASI PUBLIK", "KPU KABUPATEN KUPANG", "TAHUN 2025"]
    assert "Tiga petugas PPID, dua berijazah S1." in paragraphs
    assert "Jaringan internet di Oelamasi lambat." in paragraphs
    assert any(p.startswith("[Diisi kantor: pagu anggaran") for p in paragraphs)  # [anggaran] left blank
    assert paragraphs[-1] == "Yohanes Tefa" and "Oelamasi, 20 Maret 2026" in paragraphs
    months = _table(document, "Tabel 1.")
    assert months[0] == ["Bulan", "Langsung", "Surat", "Surel", "Telepon", "Faks", "Laman/e-PPID", "WhatsApp", "Jumlah"]
    assert months[2] == ["Februari", "2", "1", "2", "0", "0", "0", "1", "6"]
    assert months[-1] == ["Jumlah", "3", "1", "2", "0", "0", "1", "1", "8"]
    outcomes = {row[0]: row[1:] for row in _table(document, "Tabel 4.")}
    assert outcomes["Dipenuhi seluruhnya"] == ["2", "25,0%"]
    assert outcomes["Ditolak (dikecualikan)"] == ["1", "12,5%"]
    reasons = {row[0]: row[2] for row in _table(document, "Tabel 5.")}
    assert reasons["Pasal 17 huruf h"] == "2" and reasons["Pasal 17 huruf i"] == "1" and reasons["Pasal 17 huruf a"] == "0"
    time = _table(document, "Tabel 3.")
    assert time[1] == ["Pemberitahuan tertulis — Informasi publik (batas 10/17 HK)", "5", "10", "8", "3 (60,0%)",
                       "5 (100,0%)"]
    assert _table(document, "Tabel 6.")[1][:4] == [year_2025["R4"], "3 Februari 2025", "19 Februari 2025", "2"]
    sheets = load_workbook(tmp_path / "lap.xlsx")
    assert sheets.sheetnames[0] == "1 Per bulan"
    assert [c.value for c in sheets["4 Keputusan"][5]] == ["Dipenuhi seluruhnya", 2, "25,0%"]


def test_summary_has_the_four_numbers_of_the_half_year(office, year_2025):
    res = office("report", "summary", "--half", "1", "--year", "2025", "--json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["requests"] == 8
    # notice times 2, 10, 15, 12, 2, 1 HK
    assert data["time_needed"] == {"measured": 6, "average_working_days": 7.0, "median_working_days": 6.0}
    assert (data["granted"], data["granted_in_full"], data["granted_in_part"], data["refused"]) == (3, 2, 1, 1)
    assert data["refusal_reasons"] == {"h": 2, "i": 1}
    second = json.loads(office("report", "summary", "--half", "2", "--year", "2025", "--json").stdout)
    assert second["requests"] == 0 and second["time_needed"]["measured"] == 0


def test_template_lists_every_section_and_is_accepted_back(office, tmp_path):
    res = office("report", "annual", "--template")
    assert res.exit_code == 0
    for key in ("[sarana]", "[sdm]", "[anggaran]", "[keberatan]", "[pengadilan]", "[kendala]", "[rekomendasi]"):
        assert key in res.stdout
    text = tmp_path / "t.txt"
    text.write_text(res.stdout, encoding="utf-8")
    done = office("report", "annual", "--year", "2025", "--text", text, "-o", tmp_path / "kosong.docx")
    assert done.exit_code == 0, done.stderr
    assert "0 permohonan" in done.stderr


@pytest.mark.parametrize("args, message", [
    (["--year", "99"], "Tahun 99 tidak valid"),
    (["--year", "2025", "-o", "laporan.xlsx"], "harus berakhiran .docx"),
    (["--year", "2025", "--xlsx", "tabel.docx"], "harus berakhiran .xlsx"),
    (["--year", "2025", "-o", "/tidak/ada/laporan.docx"], "tidak ada"),
    (["--year", "2025", "--text", "tidak-ada.txt"], "tidak dapat dibaca"),
    (["--year", "2025", "--letterhead", "kop.pdf"], "harus berkas Word .docx"),
])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(office, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    res = office("report", "annual", *args)
    assert res.exit_code == 2
    assert res.stderr.startswith("kpudesk: ") and message in res.stderr and res.stderr.count("\n") == 1
    assert res.stdout == ""
    assert list(Path(tmp_path).glob("*.docx")) == [] and list(Path(tmp_path).glob("*.xlsx")) == []


def test_text_file_with_an_unknown_section_names_its_line(office, tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("# catatan\n[sdm]\nDua petugas.\n[biaya]\nRp 5 juta\n", encoding="utf-8")
    res = office("report", "annual", "--year", "2025", "--text", text, "-o", tmp_path / "x.docx")
    assert res.exit_code == 2
    assert "baris 4: bagian [biaya] tidak dikenal" in res.stderr
    assert not (tmp_path / "x.docx").exists()


def test_letterhead_that_is_not_a_word_file_is_refused(office, tmp_path):
    fake = tmp_path / "kop.docx"
    fake.write_text("bukan zip", encoding="utf-8")
    res = office("report", "annual", "--year", "2025", "--letterhead", fake, "-o", tmp_path / "x.docx")
    assert res.exit_code == 2 and "bukan dokumen Word" in res.stderr
    assert not (tmp_path / "x.docx").exists()


def test_letterhead_keeps_the_offices_own_header(office, tmp_path):
    head = Document()
    head.sections[0].header.paragraphs[0].text = "KOMISI PEMILIHAN UMUM KABUPATEN KUPANG"
    head.save(str(tmp_path / "kop.docx"))
    res = office("report", "annual", "--year", "2025", "--letterhead", tmp_path / "kop.docx", "-o", tmp_path / "x.docx")
    assert res.exit_code == 0, res.stderr
    written = Document(str(tmp_path / "x.docx"))
    assert written.sections[0].header.paragraphs[0].text == "KOMISI PEMILIHAN UMUM KABUPATEN KUPANG"
    assert "LAPORAN LAYANAN INFORMASI PUBLIK" in [p.text for p in written.paragraphs]


def test_summary_half_must_be_1_or_2(office):
    res = office("report", "summary", "--half", "3", "--year", "2025")
    assert res.exit_code == 2 and "--half 3 tidak valid" in res.stderr


# --- the report's due date and the DIP renewal, watched by `overdue` ---------------------------


def _office_clocks(run, as_of, *extra):
    res = run("overdue", "--as-of", as_of, "--json", *extra)
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    return [(i["number"], i["due"], i["days"]) for i in data["overdue"] + data.get("upcoming", [])
            if i["case_kind"] == "office"]


def test_overdue_watches_last_years_report_until_it_is_published(office):
    office(*request_args(received="2025-02-03 09:00"))
    assert _office_clocks(office, "2026-03-31") == []  # due today: not late yet
    assert _office_clocks(office, "2026-03-31", "--within", "0") == [("LAPORAN-2025", "2026-03-31", 0)]
    assert _office_clocks(office, "2026-04-02") == [("LAPORAN-2025", "2026-03-31", 2)]
    res = office("report", "publish", "--year", "2025", "--on", "2026-03-30")
    assert res.exit_code == 0, res.stderr
    assert _office_clocks(office, "2026-04-02") == []


def test_an_office_without_requests_owes_no_report_clock(office):
    assert _office_clocks(office, "2026-04-02") == []


def test_publish_needs_a_finished_year(office, store_db):
    res = office("report", "publish", "--year", "2026", "--on", "2026-03-30")
    assert res.exit_code == 2 and "setelah tahunnya berakhir" in res.stderr
    assert store_db.scalar("SELECT count(*) FROM event WHERE action = 'report_published'") == 0


def test_dispute_outcome_in_the_tables_is_text_never_a_formula(office, year_2025, tmp_path):
    o1 = year_2025["O1"]
    assert office("objection", "dispute", o1, "--stage", "mediation", "--at", "2025-04-01 10:00").exit_code == 0
    res = office("objection", "dispute", o1, "--stage", "decided", "--outcome", "=1+1 mediasi berhasil",
                 "--at", "2025-04-15 10:00")
    assert res.exit_code == 0, res.stderr
    out = office("report", "annual", "--year", "2025", "-o", tmp_path / "l.docx", "--xlsx", tmp_path / "l.xlsx")
    assert out.exit_code == 0, out.stderr
    sheet = load_workbook(tmp_path / "l.xlsx")["9 Sengketa"]
    cell = sheet.cell(row=5, column=5)
    assert (cell.value, cell.data_type) == ("=1+1 mediasi berhasil", "s")
    assert sheet.cell(row=5, column=4).value == "Diputus"
