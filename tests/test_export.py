"""`kpudesk export-register`: the official registers, written by the real CLI and read back with openpyxl."""

import json
import os
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests.conftest import request_args

WITA = ZoneInfo("Asia/Makassar")
NIK = "5301014501900001"
HEADER, SUB, FIRST = 5, 6, 7  # three title lines and a blank row above the two header rows


def export(office, tmp_path: Path, *args: str, name: str = "register.xlsx") -> Worksheet:
    res = office("export-register", *args, "--output", str(tmp_path / name))
    assert res.exit_code == 0, res.stderr
    assert res.stdout.strip() == str(tmp_path / name)
    return load_workbook(tmp_path / name).active


def data_rows(sheet: Worksheet) -> list[tuple]:
    return [row for row in sheet.iter_rows(min_row=FIRST, values_only=True)]


def register(office, received: str, **overrides: str) -> str:
    res = office(*request_args(received=received, **overrides), "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)["number"]


# --- Register Permohonan ------------------------------------------------------------------------

def test_request_register_layout_and_masked_row(office, tmp_path):
    register(office, "2026-03-16 09:00", email="maria@contoh.id", occupation="Mahasiswa")
    sheet = export(office, tmp_path, "--year", "2026")

    assert sheet.title == "Register Permohonan"
    assert [sheet.cell(row=r, column=1).value for r in (1, 2, 3)] == [
        "REGISTER PERMOHONAN INFORMASI PUBLIK", "KPU Kabupaten Kupang", "Tahun 2026"]
    top = [sheet.cell(row=HEADER, column=c).value for c in range(1, 24)]
    assert top == [
        "No", "Tanggal", "Nama", None, "Alamat", "Nomor Kontak", None, "Pekerjaan", "Informasi yang Diminta",
        "Tujuan Penggunaan Informasi", "Status Informasi", None, None, "Bentuk Informasi yang Dikuasai", None,
        "Jenis Permohonan", None, "Keputusan", "Alasan Penolakan", "Hari dan Tanggal", None,
        "Biaya dan Cara Pembayaran", "Nomor Pendaftaran"]
    sub = [sheet.cell(row=SUB, column=c).value for c in range(1, 24)]
    assert sub == [
        None, None, "Nama", "Nomor Identitas", None, "Telepon", "E-mail", None, None, None,
        "Di bawah penguasaan: Ya", "Di bawah penguasaan: Tidak", "Belum didokumentasikan", "Softcopy", "Hardcopy",
        "Melihat/ Mengetahui", "Meminta Salinan", None, None, "Pemberitahuan Tertulis", "Pemberian Informasi",
        None, None]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    groups = {"C5:D5", "F5:G5", "K5:M5", "N5:O5", "P5:Q5", "T5:U5"}
    singles = {f"{c}5:{c}6" for c in "ABEHIJRSVW"}
    titles = {"A1:W1", "A2:W2", "A3:W3"}
    assert merged == groups | singles | titles
    assert sheet.freeze_panes == "A7"

    row = data_rows(sheet)
    assert row == [(
        1, datetime(2026, 3, 16), "Maria Bria", "5301********0001", "Jl. Timor Raya KM 36, Oelamasi",
        "0812****7890", "maria@contoh.id", "Mahasiswa", "Salinan SK penetapan DPT Pemilu 2024",
        "Penelitian skripsi", "✓", None, None, "✓", None, None, "✓", None, None, None, None, None,
        "001/PPID/KPU-KAB.KPG/III/2026")]
    received = sheet["B7"]
    assert received.is_date and received.number_format == "DD/MM/YYYY"
    assert received.border.left.style == "thin" and sheet["A5"].fill.start_color.rgb.endswith("D9E1F2")
    # Empty cells are not written; the grid over every data cell is one conditional border.
    (grid,) = list(sheet.conditional_formatting)
    assert str(grid.sqref) == "A7:W7" and grid.rules[0].dxf.border.left.style == "thin"
    assert not sheet["D7"].alignment.wrap_text and sheet["I7"].alignment.wrap_text
    assert sheet.column_dimensions["I"].width > sheet.column_dimensions["A"].width


def test_unmask_shows_nik_and_phone_in_full(office, tmp_path):
    register(office, "2026-03-16 09:00")
    sheet = export(office, tmp_path, "--year", "2026", "--unmask")
    assert sheet["D7"].value == NIK
    assert sheet["F7"].value == "081234567890"
    assert sheet["D7"].number_format == "@"  # stays text in Excel, not 5.30101E+15


def test_period_uses_office_dates_and_is_inclusive(office, tmp_path):
    register(office, "2025-12-31 23:30", name="Akhir Tahun")  # 15:30 UTC, still 2025 in Kupang
    register(office, "2026-01-01 07:30", name="Awal Tahun")  # 2025-12-31 23:30 UTC, but 2026 in Kupang
    register(office, "2026-03-01 08:00", name="Awal Maret")
    register(office, "2026-03-31 23:00", name="Akhir Maret")  # after closing: still received on 31 March
    register(office, "2026-04-01 08:00", name="April")

    year = data_rows(export(office, tmp_path, "--year", "2026", name="tahun.xlsx"))
    assert [(r[0], r[2]) for r in year] == [(1, "Awal Tahun"), (2, "Awal Maret"), (3, "Akhir Maret"), (4, "April")]
    assert year[0][1] == datetime(2026, 1, 1)
    assert [r[2] for r in data_rows(export(office, tmp_path, "--year", "2025", name="lalu.xlsx"))] == ["Akhir Tahun"]

    march = export(office, tmp_path, "--from", "2026-03-01", "--to", "2026-03-31", name="maret.xlsx")
    assert [(r[0], r[2]) for r in data_rows(march)] == [(1, "Awal Maret"), (2, "Akhir Maret")]
    assert march["A3"].value == "Periode 1 Maret 2026 s.d. 31 Maret 2026"
    one_day = export(office, tmp_path, "--from", "2026-04-01", "--to", "2026-04-01", name="hari.xlsx")
    assert [r[2] for r in data_rows(one_day)] == ["April"]


def test_default_file_names_in_current_folder(office, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    register(office, "2026-03-16 09:00")
    this_year = datetime.now(WITA).year
    res = office("export-register")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.strip() == str(tmp_path / f"register-permohonan-{this_year}.xlsx")
    res = office("export-register", "--kind", "objection", "--from", "2026-01-01", "--to", "2026-06-30")
    assert res.stdout.strip() == str(tmp_path / "register-keberatan-2026-01-01_2026-06-30.xlsx")
    res = office("export-register", "--kind", "expedition", "--year", "2026")
    assert res.stdout.strip() == str(tmp_path / "buku-ekspedisi-2026.xlsx")
    assert sorted(p.name for p in tmp_path.glob("*.xlsx")) == [
        "buku-ekspedisi-2026.xlsx", f"register-keberatan-2026-01-01_2026-06-30.xlsx",
        f"register-permohonan-{this_year}.xlsx"]
    assert not list(tmp_path.glob(".*.tmp"))


def ok(office, *args: str) -> str:
    res = office(*args)
    assert res.exit_code == 0, res.stderr
    return res.stdout


def test_decisions_costs_and_void_in_request_register(office, tmp_path):
    numbers = [register(office, f"2026-03-{day} 09:00", name=name)
               for day, name in (("16", "Ditolak"), ("17", "Dipenuhi"), ("18", "Tidak Dikuasai"),
                                 ("19", "Batal"), ("20", "Belum Ada"), ("23", "Dicabut"), ("24", "Menunggu"))]
    refused, granted, not_held, void, not_documented, withdrawn, _pending = numbers
    ok(office, "decide", refused, "--decision", "refused", "--exemption", "a,h",
       "--reason", "Memuat data pribadi pemilih", "--at", "2026-03-20 10:15")
    ok(office, "decide", granted, "--decision", "granted", "--form", "hardcopy", "--cost-per-page", "500",
       "--pages", "10", "--cost-delivery", "10000", "--payment", "tunai di loket", "--at", "2026-03-23 09:00")
    ok(office, "deliver", granted, "--received-by", "Dipenuhi", "--at", "2026-03-25 14:00")
    ok(office, "decide", not_held, "--decision", "not-held", "--holder", "KPU Provinsi NTT", "--at", "2026-03-24 08:00")
    ok(office, "void", void, "--reason", "Tercatat ganda")
    ok(office, "decide", not_documented, "--decision", "not-documented", "--provide-within", "5",
       "--at", "2026-03-25 11:00")
    ok(office, "withdraw", withdrawn, "--reason", "Sudah diperoleh dari laman KPU", "--at", "2026-03-24 09:00")

    sheet = export(office, tmp_path, "--year", "2026")
    rows = data_rows(sheet)
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5, 6, 7]
    status_to_reason = [r[10:19] for r in rows]
    assert status_to_reason == [
        ("✓", None, None, "✓", None, None, "✓", "Ditolak (Pasal 17 huruf a, h)", "Memuat data pribadi pemilih"),
        ("✓", None, None, None, "✓", None, "✓", "Dipenuhi seluruhnya", None),  # hardcopy, as decided
        (None, "✓", None, "✓", None, None, "✓", "Tidak dikuasai", "Dikuasai oleh KPU Provinsi NTT"),
        (None, None, None, "✓", None, None, "✓", "Dibatalkan: Tercatat ganda", None),
        (None, None, "✓", "✓", None, None, "✓", "Belum didokumentasikan (disediakan dalam 5 hari kerja)", None),
        ("✓", None, None, "✓", None, None, "✓", "Dicabut pemohon", None),
        ("✓", None, None, "✓", None, None, "✓", None, None),
    ]
    # Notice and handover in office time (WITA), shown with the Indonesian day name.
    assert rows[0][19] == datetime(2026, 3, 20, 10, 15) and rows[0][20] is None
    assert (rows[1][19], rows[1][20]) == (datetime(2026, 3, 23, 9, 0), datetime(2026, 3, 25, 14, 0))
    assert sheet["T7"].is_date and sheet["T7"].number_format == "[$-421]DDDD, DD/MM/YYYY"
    assert rows[1][21] == "Rp 15.000 (penggandaan 10 hlm × Rp 500; pengiriman Rp 10.000); tunai di loket"
    assert rows[0][21] is None  # a refusal costs nothing to write down
    assert [r[22] for r in rows] == numbers


def test_free_information_says_so(office, tmp_path):
    number = register(office, "2026-03-16 09:00")
    ok(office, "decide", number, "--decision", "granted", "--at", "2026-03-17 09:00")
    assert export(office, tmp_path, "--year", "2026")["V7"].value == "Tanpa biaya"


# --- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "phrase"), [
    (["--output", "register.csv"], "harus berakhiran .xlsx"),
    (["--from", "2026-03-02", "--to", "2026-03-01"], "jatuh setelah --to"),
    (["--from", "2026-03-01"], "harus diberikan bersama"),
    (["--year", "2026", "--from", "2026-03-01", "--to", "2026-03-31"], "tidak keduanya"),
    (["--from", "2026-02-30", "--to", "2026-03-01"], "tidak valid"),
    (["--kind", "pengumuman"], "tidak dikenal"),
    (["--year", "26"], "Tahun 26 tidak valid"),
])
def test_bad_input_exits_2_without_a_file(office, tmp_path, monkeypatch, args, phrase):
    monkeypatch.chdir(tmp_path)
    res = office("export-register", *args)
    assert res.exit_code == 2
    assert res.stderr.startswith("kpudesk: ") and res.stderr.count("\n") == 1
    assert phrase in res.stderr
    assert res.stdout == ""
    assert not list(tmp_path.glob("*.xlsx"))


def test_output_folder_missing_or_a_file(office, tmp_path):
    res = office("export-register", "--output", str(tmp_path / "tidak-ada" / "r.xlsx"))
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert "tidak-ada' tidak ada" in res.stderr
    (tmp_path / "berkas").write_text("x")
    res = office("export-register", "--output", str(tmp_path / "berkas" / "r.xlsx"))
    assert res.exit_code == 2 and "bukan folder" in res.stderr


def test_unwritable_folder_is_one_line(office, tmp_path, monkeypatch):
    locked = tmp_path / "terkunci"
    locked.mkdir()
    real_access = os.access
    # chmod does not stop root, so the folder's permission check is made to answer "no" instead.
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != locked and real_access(path, mode, **kw))
    res = office("export-register", "--output", str(locked / "r.xlsx"))
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert "terkunci' tidak dapat ditulisi" in res.stderr
    assert list(locked.iterdir()) == []


def test_permission_denied_while_saving_is_one_line(office, tmp_path, monkeypatch):
    def denied(*args, **kwargs):  # noqa: ANN002, ANN003 - stands in for tempfile.mkstemp
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", denied)
    res = office("export-register", "--output", str(tmp_path / "r.xlsx"))
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert "Tidak dapat menulis" in res.stderr and "Permission denied" in res.stderr
    assert not (tmp_path / "r.xlsx").exists()


def test_failed_save_leaves_no_file_behind(office, tmp_path, monkeypatch):
    register(office, "2026-03-16 09:00")
    target = tmp_path / "register.xlsx"
    target.write_bytes(b"the previous register")

    def disk_full(self, filename):  # noqa: ANN001 - stands in for Workbook.save
        filename.write(b"PK half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", disk_full)
    res = office("export-register", "--year", "2026", "--output", str(target))
    assert res.exit_code == 2
    assert "No space left on device" in res.stderr and res.stderr.count("\n") == 1
    assert target.read_bytes() == b"the previous register"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".tmp")) == ["register.xlsx"]


# --- Register Keberatan -------------------------------------------------------------------------

def test_objection_register_cell_by_cell(office, tmp_path):
    first = register(office, "2026-03-16 09:00")
    second = register(office, "2026-03-17 10:00", name="Yohanes Tefa", info="Daftar TPS", purpose="Liputan")
    ok(office, "decide", first, "--decision", "refused", "--exemption", "h", "--at", "2026-03-27 10:00")
    answered = json.loads(ok(office, "register", "objection", "--request", first, "--ground", "a", "--ground", "c",
                             "--case-position", "Penolakan tanpa uji konsekuensi", "--proxy", "LBH Kupang", "--received", "2026-04-20 10:00", "--json"))["number"]
    ok(office, "objection", "answer", answered, "--decision", "upheld", "--superior", "Drs. Agus Lona, Sekretaris",
       "--reasons", "Data pribadi pemilih dikecualikan", "--at", "2026-05-04 09:30")
    ok(office, "objection", "reaction", answered, "dispute", "--at", "2026-05-06 10:00")
    pending = json.loads(ok(office, "register", "objection", "--request", second, "--ground", "c",
                            "--case-position", "Tidak ditanggapi", "--received", "2026-04-21 11:00", "--json"))["number"]
    ok(office, "register", "objection", "--request", second, "--ground", "g",
       "--case-position", "Terlambat", "--received", "2026-05-02 11:00")

    # Received on 2 May, the third objection falls outside the range and is left out.
    sheet = export(office, tmp_path, "--kind", "objection", "--from", "2026-04-01", "--to", "2026-05-01")
    assert [sheet.cell(row=r, column=1).value for r in (1, 2, 3)] == [
        "REGISTER KEBERATAN", "KPU Kabupaten Kupang", "Periode 1 April 2026 s.d. 1 Mei 2026"]
    assert [sheet.cell(row=HEADER, column=c).value for c in range(1, 20)] == [
        "No", "Nomor Registrasi Keberatan", "Tanggal Diterima", "Identitas Pemohon/Kuasa", None,
        "Nomor Pendaftaran Permohonan", "Informasi yang Diminta", "Tujuan Penggunaan Informasi",
        "Alasan Keberatan (Pasal 35 ayat 1)", None, None, None, None, None, None,
        "Keputusan Atasan PPID", "Hari dan Tanggal Tanggapan", "Nama dan Jabatan Atasan PPID", "Tanggapan Pemohon"]
    assert [sheet.cell(row=SUB, column=c).value for c in range(1, 20)] == [
        None, None, None, "Nama Pemohon", "Kuasa", None, None, None, *"abcdefg", None, None, None, None]
    assert {str(r) for r in sheet.merged_cells.ranges} == {
        "A1:S1", "A2:S2", "A3:S3", "D5:E5", "I5:O5", *(f"{c}5:{c}6" for c in "ABCFGHPQRS")}
    assert sheet.freeze_panes == "A7"

    assert data_rows(sheet) == [
        (1, answered, datetime(2026, 4, 20), "Maria Bria", "LBH Kupang", first,
         "Salinan SK penetapan DPT Pemilu 2024", "Penelitian skripsi", "✓", None, "✓", None, None, None, None,
         "Menguatkan keputusan PPID (keberatan ditolak). Alasan: Data pribadi pemilih dikecualikan",
         datetime(2026, 5, 4, 9, 30), "Drs. Agus Lona, Sekretaris", "Mengajukan sengketa ke Komisi Informasi"),
        (2, pending, datetime(2026, 4, 21), "Yohanes Tefa", None, second,
         "Daftar TPS", "Liputan", None, None, "✓", None, None, None, None, None, None, None, None),
    ]
    assert answered == "001/KEB/KPU-KAB.KPG/IV/2026" and pending == "002/KEB/KPU-KAB.KPG/IV/2026"
    assert sheet["C7"].is_date and sheet["C7"].number_format == "DD/MM/YYYY"
    assert sheet["Q7"].is_date and sheet["Q7"].number_format == "[$-421]DDDD, DD/MM/YYYY"


# --- Buku Ekspedisi -----------------------------------------------------------------------------

def expedition_number(office, *args: str) -> str:
    return json.loads(ok(office, "expedition", "add", *args, "--json"))["number"]


def test_expedition_register_cell_by_cell(office, tmp_path):
    number = register(office, "2026-03-16 09:00")
    letter = expedition_number(office, "--document", "Surat pemberitahuan tertulis", "--to", "Maria Bria",
                               "--case", number, "--courier", "Yakobus", "--sent", "2026-03-20 10:00")
    ok(office, "expedition", "receive", letter, "--by", "Maria Bria", "--at", "2026-03-20 15:45")
    invitation = expedition_number(office, "--document", "Undangan rapat pleno", "--to", "Bawaslu Kabupaten Kupang",
                                   "--sent", "2026-03-31 16:30")
    expedition_number(office, "--document", "Laporan bulanan", "--to", "KPU Provinsi NTT", "--sent", "2026-04-01 08:00")

    sheet = export(office, tmp_path, "--kind", "expedition", "--from", "2026-03-01", "--to", "2026-03-31")
    assert [sheet.cell(row=r, column=1).value for r in (1, 2, 3)] == [
        "BUKU EKSPEDISI", "KPU Kabupaten Kupang", "Periode 1 Maret 2026 s.d. 31 Maret 2026"]
    assert [sheet.cell(row=HEADER, column=c).value for c in range(1, 10)] == [
        "No", "Nomor", "Tanggal Kirim", "Dokumen", "Tujuan", "Pengantar", "Nomor Perkara", "Tanda Terima", None]
    assert [sheet.cell(row=SUB, column=c).value for c in range(1, 10)] == [
        None, None, None, None, None, None, None, "Diterima oleh", "Tanggal"]
    assert {str(r) for r in sheet.merged_cells.ranges} == {
        "A1:I1", "A2:I2", "A3:I3", "H5:I5", *(f"{c}5:{c}6" for c in "ABCDEFG")}
    assert data_rows(sheet) == [
        (1, letter, datetime(2026, 3, 20, 10, 0), "Surat pemberitahuan tertulis",
         "Maria Bria", "Yakobus", number, "Maria Bria", datetime(2026, 3, 20, 15, 45)),
        (2, invitation, datetime(2026, 3, 31, 16, 30), "Undangan rapat pleno",
         "Bawaslu Kabupaten Kupang", None, None, None, None),
    ]
    assert letter == "001/EKS/KPU-KAB.KPG/III/2026"
    assert sheet["C7"].is_date and sheet["C7"].number_format == "DD/MM/YYYY HH:MM"
    assert sheet["I7"].is_date and sheet["I8"].value is None


def test_empty_register_has_headers_only(office, tmp_path):
    sheet = export(office, tmp_path, "--kind", "expedition", "--year", "2025")
    assert sheet["A3"].value == "Tahun 2025"
    assert sheet.max_row == SUB
    assert sheet["A5"].value == "No"


def test_export_package_is_the_only_openpyxl_importer():
    root = Path(__file__).resolve().parent.parent / "kpudesk"
    imports = re.compile(r"^\s*(import|from) openpyxl", re.MULTILINE)
    importers = sorted(str(p.relative_to(root)) for p in root.rglob("*.py") if imports.search(p.read_text()))
    assert importers == ["export/dip_sheet.py", "export/reader.py", "export/report_xlsx.py", "export/workbook.py"]


# --- streaming -----------------------------------------------------------------------------------

def test_rows_stream_from_a_generator_with_progress_and_formulas_kept_as_text(tmp_path):
    from kpudesk.export import Column, Register, write_register

    columns = (Column("No", kind="int"), Column("Teks"), Column("Ya", kind="tick"))
    seen: list[int] = []

    def rows():  # never a list: the writer must take them one at a time
        for n in range(1, 12_001):
            yield [n, "=HYPERLINK(\"http://x\")" if n == 2 else f"baris {n}", n % 2 == 0]

    register = Register("Uji", ("JUDUL",), columns, rows(), 12_000)
    write_register(register, tmp_path / "r.xlsx", seen.append)
    assert seen == [5_000, 10_000, 12_000]
    sheet = load_workbook(tmp_path / "r.xlsx").active
    first = register.first_data_row
    assert sheet.max_row == first + 11_999
    assert [c.value for c in sheet[first]] == [1, "baris 1", None]
    formula = sheet.cell(row=first + 1, column=2)
    assert formula.value == '=HYPERLINK("http://x")' and formula.data_type == "s"  # text, never a formula
    assert sheet.cell(row=first + 1, column=3).value == "✓"
    assert [c.value for c in sheet[first + 11_999]] == [12_000, "baris 12000", "✓"]


def test_a_row_of_the_wrong_width_fails_and_leaves_no_file(tmp_path):
    from kpudesk.export import Column, Register, write_register

    register = Register("Uji", ("JUDUL",), (Column("A"), Column("B")), iter([["a", "b"], ["a"]]))
    with pytest.raises(ValueError, match="row 2 has 1 values for 2 columns"):
        write_register(register, tmp_path / "r.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_progress_bar_on_a_terminal_only(office, tmp_path, monkeypatch):
    register(office, "2026-03-16 09:00")
    register(office, "2026-03-17 09:00")
    target = tmp_path / "r.xlsx"
    quiet = office("export-register", "--year", "2026", "-o", str(target))
    assert (quiet.exit_code, quiet.stderr) == (0, "")
    monkeypatch.setattr("kpudesk.cli.progress.stderr_is_terminal", lambda: True)
    res = office("export-register", "--year", "2026", "-o", str(target))
    assert res.exit_code == 0 and res.stdout == f"{target}\n"  # stdout stays the path alone
    assert "Menulis register" in res.stderr and "2/2" in res.stderr


def test_export_package_is_the_only_python_docx_importer():
    root = Path(__file__).resolve().parent.parent / "kpudesk"
    imports = re.compile(r"^\s*(import|from) docx", re.MULTILINE)
    importers = sorted(str(p.relative_to(root)) for p in root.rglob("*.py") if imports.search(p.read_text()))
    assert importers == ["export/report_docx.py"]
