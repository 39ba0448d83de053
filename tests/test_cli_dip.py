"""`kpudesk dip …`, `serve`, the DIP at `register request`, and the DIP/DIK registers."""

import json

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import request_args

ENTRY = {
    "--summary": "Salinan SK penetapan DPT Pemilu 2024",
    "--holder": "Subbagian Teknis dan Hupmas",
    "--responsible": "Kasubag Teknis dan Hupmas",
    "--made": "2023, Oelamasi",
    "--form": "both",
    "--retention": "Permanen",
    "--category": "setiap-saat",
}


def _add(run, **overrides):
    values = {**ENTRY, **{f"--{k}": v for k, v in overrides.items()}}
    args = ["dip", "add"]
    for flag, value in values.items():
        if value is not None:
            args += [flag, value]
    return run(*args)


def _added(run, **overrides):
    res = _add(run, **overrides)
    assert res.exit_code == 0, res.stderr
    return int(res.stdout)


def _register_number(run, received):
    res = run(*request_args(received=received), "--json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)["number"]


def _list(run, *args):
    res = run("dip", "list", "--json", *args)
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


# --- add, list, edit, retire -------------------------------------------------------------------


def test_add_numbers_in_order_and_lists_by_category_and_words(office):
    assert _added(office) == 1
    assert _added(office, summary="Laporan keuangan tahunan", category="berkala", form="softcopy") == 2
    assert _added(office, summary="Pengumuman jadwal pemungutan suara ulang", category="serta-merta") == 3
    rows = _list(office)
    assert [(r["number"], r["category"], r["form"]) for r in rows] == [
        (1, "setiap-saat", "both"), (2, "berkala", "softcopy"), (3, "serta-merta", "both")]
    assert [r["number"] for r in _list(office, "--category", "berkala")] == [2]
    # accent- and case-insensitive: "PÉMILU" finds "Pemilu"
    assert [r["number"] for r in _list(office, "--search", "PÉMILU dpt")] == [1]


def test_edit_changes_only_given_fields_and_keeps_the_old_value_in_the_history(office, store_db):
    _added(office)
    res = office("dip", "edit", "1", "--retention", "10 tahun")
    assert res.exit_code == 0, res.stderr
    row = _list(office)[0]
    assert row["retention"] == "10 tahun" and row["summary"] == ENTRY["--summary"]
    detail = json.loads(store_db.scalar("SELECT detail FROM event WHERE action = 'dip_edited'"))
    assert detail == {"number": 1, "before": {"retention": "Permanen"}, "after": {"retention": "10 tahun"}}


def test_retire_keeps_the_entry_out_of_the_list_but_in_the_store(office, store_db):
    _added(office)
    res = office("dip", "retire", "1", "--reason", "Diganti SK baru")
    assert res.exit_code == 0, res.stderr
    assert _list(office) == []
    retired = _list(office, "--retired")
    assert retired[0]["retired"] is True and retired[0]["retire_reason"] == "Diganti SK baru"
    assert store_db.count("dip_entry") == 1
    again = office("dip", "retire", "1", "--reason", "lagi")
    assert again.exit_code == 1 and "sudah dicabut" in again.stderr


@pytest.mark.parametrize("args, code, message", [
    (["dip", "add", "--summary", "x"], 2, "wajib diisi"),
    (["dip", "add", *sum(([k, v] for k, v in {**ENTRY, "--form": "pdf"}.items()), [])], 2, "'pdf' tidak dikenal"),
    (["dip", "add", *sum(([k, v] for k, v in {**ENTRY, "--category": "rahasia"}.items()), [])], 2,
     "'rahasia' tidak dikenal"),
    (["dip", "edit", "1"], 2, "Tidak ada yang diubah"),
    (["dip", "edit", "9", "--form", "softcopy"], 3, "Tidak ada informasi nomor 9"),
    (["dip", "edit", "satu", "--form", "softcopy"], 2, "Nomor DIP 'satu' tidak valid"),
    (["dip", "retire", "9", "--reason", "x"], 3, "Tidak ada informasi nomor 9"),
    (["dip", "retire", "1"], 2, "Alasan (--reason) wajib diisi"),
    (["dip", "list", "--category", "x"], 2, "Kategori (--category) 'x' tidak dikenal"),
])
def test_bad_input_is_one_line_with_its_exit_code_and_writes_nothing(office, store_db, args, code, message):
    before = store_db.count("event")
    res = office(*args)
    assert res.exit_code == code
    assert res.stderr.startswith("kpudesk: ") and message in res.stderr and res.stderr.count("\n") == 1
    assert store_db.count("dip_entry") == 0 and store_db.count("event") == before


# --- the DIP at the desk -----------------------------------------------------------------------


def test_register_request_prints_the_best_dip_matches(office):
    _added(office)
    _added(office, summary="Daftar pemilih tetap (DPT) Pilkada 2024 per kecamatan", category="berkala")
    _added(office, summary="Laporan keuangan tahunan", category="berkala")
    res = office(*request_args(info="Salinan DPT pemilu 2024"))
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    number = lines[0].split(": ", 1)[1]  # "Nomor pendaftaran : 001/PPID/…"
    start = lines.index("Cocok di Daftar Informasi Publik (dapat dilayani seketika):")
    # entry 1 shares dpt, pemilu, 2024; entry 2 shares dpt, 2024; entry 3 nothing
    assert lines[start + 1:start + 4] == [
        "  DIP 1 [setiap-saat] Salinan SK penetapan DPT Pemilu 2024",
        "  DIP 2 [berkala] Daftar pemilih tetap (DPT) Pilkada 2024 per kecamatan",
        f"  Layani: kpudesk serve {number} --dip 1",
    ]
    data = json.loads(office(*request_args(info="laporan KEUANGAN"), "--json").stdout)
    assert [(m["number"], m["score"]) for m in data["dip_matches"]] == [(3, 2)]


def test_served_from_dip_is_granted_closed_and_counts_zero_working_days(office, tmp_path):
    _added(office)
    # received Friday 2025-02-07 after closing (16:30): day 0 is Monday 10 Feb; served at once on the Friday
    number = json.loads(office(*request_args(received="2025-02-07 16:30"), "--json").stdout)["number"]
    res = office("serve", number, "--dip", "1", "--at", "2025-02-07 16:40", "--json")
    assert res.exit_code == 0, res.stderr
    served = json.loads(res.stdout)
    assert served["status"] == "closed" and served["received_by"] == "Maria Bria" and served["dip_number"] == 1
    story = json.loads(office("show", number, "--json").stdout)
    assert story["status"] == "closed" and story["notice"]["decision"] == "granted"
    assert [d["status"] for d in story["deadlines"] if d["kind"] == "notice"] == ["met"]
    report = json.loads(office("report", "annual", "--year", "2025", "-o", tmp_path / "l.docx", "--json").stdout)
    assert report["requests"]["outcomes"]["granted"] == 1 and report["requests"]["served_from_dip"] == 1
    assert report["time_needed"]["notice"]["publik"]["median"] == 0
    assert report["time_needed"]["handover"]["publik"]["median"] == 0


def test_serve_is_refused_after_day_zero_and_for_a_retired_entry(office, store_db):
    _added(office)
    _added(office, summary="Laporan keuangan tahunan", category="berkala")
    office("dip", "retire", "2", "--reason", "Usang")
    number = json.loads(office(*request_args(received="2025-02-03 09:00"), "--json").stdout)["number"]
    late = office("serve", number, "--dip", "1", "--at", "2025-02-04 09:00")
    assert late.exit_code == 1 and "hanya pada hari ke-0" in late.stderr
    retired = office("serve", number, "--dip", "2", "--at", "2025-02-03 10:00")
    assert retired.exit_code == 1 and "sudah dicabut" in retired.stderr
    missing = office("serve", number, "--dip", "7")
    assert missing.exit_code == 3
    assert store_db.scalar("SELECT status FROM \"case\"") == "registered"
    assert store_db.scalar("SELECT count(*) FROM expedition") == 0


# --- import ----------------------------------------------------------------------------------


def _sheet(path, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DAFTAR INFORMASI PUBLIK"])
    sheet.append([])
    sheet.append(["No", "Ringkasan Isi Informasi", "Pejabat/Unit yang Menguasai Informasi",
                  "Penanggung Jawab Pembuatan Informasi", "Waktu dan Tempat Pembuatan", "Bentuk Informasi",
                  "Jangka Waktu Penyimpanan"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


GOOD = [
    ["A. Informasi yang wajib disediakan dan diumumkan secara berkala"],
    [1, "Profil KPU Kabupaten Kupang", "Sekretariat", "Sekretaris", "2025, Oelamasi", "softcopy", "5 tahun"],
    [2, "Laporan keuangan tahunan", "Subbag Keuangan", "Kasubag Umum", "2025, Oelamasi", "Softcopy dan hardcopy", "10 tahun"],
    ["B. Informasi yang wajib diumumkan secara serta merta"],
    [3, "Pengumuman pemungutan suara ulang", "Divisi Teknis", "Kasubag Teknis", "2024, Oelamasi", "hardcopy", "5 tahun"],
    ["C. Informasi yang wajib tersedia setiap saat"],
    [4, "SK penetapan DPT Pemilu 2024", "Divisi Data", "Kasubag Teknis", "2023, Oelamasi", "keduanya", "Permanen"],
]


def test_import_stores_every_row_with_its_category(office, tmp_path):
    path = _sheet(tmp_path / "dip.xlsx", GOOD)
    res = office("dip", "import", path, "--json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["stored"] is True and data["by_category"] == {"berkala": 2, "serta-merta": 1, "setiap-saat": 1}
    assert [(r["number"], r["category"], r["form"]) for r in _list(office)] == [
        (1, "berkala", "softcopy"), (2, "berkala", "both"), (3, "serta-merta", "hardcopy"), (4, "setiap-saat", "both")]


def test_import_dry_run_with_three_bad_rows_names_them_and_stores_nothing(office, store_db, tmp_path):
    rows = [*GOOD,
            [5, "Rencana kerja", "", "Sekretaris", "2025", "softcopy", "5 tahun"],           # row 11: no holder
            [6, "Data hasil pemilu", "Divisi Teknis", "Kasubag", "2024", "pdf", "5 tahun"],  # row 12: bad form
            [7, "Profil KPU Kabupaten Kupang", "Sekretariat", "Sekretaris", "2025", "softcopy", "5 tahun"]]  # row 13: twice
    path = _sheet(tmp_path / "dip.xlsx", rows)
    for extra in (["--dry-run"], []):
        res = office("dip", "import", path, *extra)
        assert res.exit_code == 2
        assert res.stderr.count("\n") == 1 and res.stdout == ""
        assert res.stderr.startswith("kpudesk: 3 baris DIP tidak valid, tidak ada yang disimpan: ")
        assert "baris 11: kolom pejabat/unit yang menguasai kosong" in res.stderr
        assert "baris 12: Bentuk informasi (--form) 'pdf' tidak dikenal" in res.stderr
        assert "baris 13: ringkasan sama dengan baris 5" in res.stderr
        assert store_db.count("dip_entry") == 0


def test_import_dry_run_of_a_good_sheet_stores_nothing(office, store_db, tmp_path):
    res = office("dip", "import", _sheet(tmp_path / "dip.xlsx", GOOD), "--dry-run")
    assert res.exit_code == 0, res.stderr
    assert "4 baris baik" in res.stderr
    assert store_db.count("dip_entry") == 0


def test_import_reads_back_its_own_export(office, tmp_path):
    for summary, category in (("Profil kantor", "berkala"), ("Pengumuman PSU", "serta-merta"), ("SK DPT", "setiap-saat")):
        _added(office, summary=summary, category=category)
    out = tmp_path / "dip.xlsx"
    assert office("export-register", "--kind", "dip", "--year", "2026", "-o", out).exit_code == 0
    res = office("dip", "import", out, "--dry-run")
    assert res.exit_code == 2 and "3 baris DIP tidak valid" in res.stderr and "sama dengan DIP nomor 1" in res.stderr
    office("dip", "retire", "1", "--reason", "x")
    office("dip", "retire", "2", "--reason", "x")
    office("dip", "retire", "3", "--reason", "x")
    again = office("dip", "import", out, "--json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["by_category"] == {"berkala": 1, "serta-merta": 1, "setiap-saat": 1}


def test_import_of_a_file_that_is_not_a_dip_sheet(office, tmp_path):
    notes = tmp_path / "catatan.xlsx"
    notes.write_bytes(b"not a zip")
    assert "bukan berkas Excel" in office("dip", "import", notes).stderr
    empty = tmp_path / "kosong.xlsx"
    Workbook().save(empty)
    res = office("dip", "import", empty)
    assert res.exit_code == 2 and "Tidak ada baris judul kolom DIP" in res.stderr
    assert office("dip", "import", tmp_path / "tidak-ada.xlsx").exit_code == 2


# --- registers -------------------------------------------------------------------------------


def test_dip_register_groups_the_seven_columns_by_category(office, tmp_path):
    _added(office)
    _added(office, summary="Laporan keuangan tahunan", category="berkala", form="softcopy")
    out = tmp_path / "dip.xlsx"
    res = office("export-register", "--kind", "dip", "--year", "2026", "-o", out)
    assert res.exit_code == 0, res.stderr
    sheet = load_workbook(out).active
    values = [[cell for cell in row] for row in sheet.iter_rows(min_row=7, values_only=True)]
    assert values[0][1].startswith("A. INFORMASI YANG WAJIB DISEDIAKAN DAN DIUMUMKAN SECARA BERKALA")
    assert values[1] == [2, "Laporan keuangan tahunan", ENTRY["--holder"], ENTRY["--responsible"], ENTRY["--made"],
                         "✓", None, "Permanen"]
    assert values[2][1].startswith("B. ") and values[3][1].startswith("C. ")
    assert values[4][:2] == [1, ENTRY["--summary"]] and values[4][5:7] == ["✓", "✓"]


def test_dik_register_lists_consequence_tests_found_exempt(office, tmp_path):
    number = json.loads(office(*request_args(received="2026-03-16 09:00"), "--json").stdout)["number"]
    test = json.loads(office("exemption", "start", "--request", number, "--received", "2026-03-17 09:00",
                             "--json").stdout)["number"]
    res = office("exemption", "decide", test, "--result", "exempt", "--exemption", "h", "--basis", "BA Pleno 12/2026",
                 "--at", "2026-03-18 10:00")
    assert res.exit_code == 0, res.stderr
    out = tmp_path / "dik.xlsx"
    assert office("export-register", "--kind", "dik", "--year", "2026", "-o", out).exit_code == 0
    row = [cell for cell in next(load_workbook(out).active.iter_rows(min_row=7, values_only=True))]
    assert row[0] == 1 and row[1] == "Salinan SK penetapan DPT Pemilu 2024"
    assert row[2] == "huruf h: mengungkap rahasia pribadi" and row[3] == "BA Pleno 12/2026"
    assert row[4].date().isoformat() == "2026-03-18" and row[5:] == [test, number]


# --- the yearly renewal, watched by `overdue` --------------------------------------------------


def _renewal(run, as_of):
    data = json.loads(run("overdue", "--as-of", as_of, "--json").stdout)
    return [(i["number"], i["due"], i["days"]) for i in data["overdue"] if i["deadline"] == "dip_renewal"]


def test_overdue_reports_a_dip_not_renewed_by_its_date(office):
    from datetime import date

    year = date.today().year  # the entry is made today; its year owes a renewal by 31 December
    assert _renewal(office, f"{year + 1}-01-02") == []  # no DIP yet: nothing owed
    _added(office)
    assert _renewal(office, f"{year + 1}-01-02") == [("DIP", f"{year}-12-31", 2)]
    res = office("dip", "renew", "--on", date.today().isoformat())
    assert res.exit_code == 0, res.stderr
    assert f"berikutnya paling lambat {year + 1}-12-31" in res.stderr
    assert _renewal(office, f"{year + 1}-01-02") == []
    assert _renewal(office, f"{year + 2}-01-01") == [("DIP", f"{year + 1}-12-31", 1)]
    assert office("dip", "renew-by", "06-30").exit_code == 0
    assert _renewal(office, f"{year + 1}-07-03") == [("DIP", f"{year + 1}-06-30", 3)]


@pytest.mark.parametrize("args, message", [
    (["dip", "renew-by", "13-01"], "'13-01' tidak valid"),
    (["dip", "renew-by", "akhir tahun"], "tidak valid"),
    (["dip", "renew", "--on", "2099-01-01"], "masa depan"),
    (["dip", "renew", "--on", "kemarin"], "--on"),
])
def test_bad_renewal_input_is_exit_2(office, store_db, args, message):
    res = office(*args)
    assert res.exit_code == 2 and message in res.stderr and res.stderr.count("\n") == 1
    assert store_db.scalar("SELECT count(*) FROM setting WHERE key = 'dip.renewal'") == 0


@pytest.mark.parametrize("args, code, message", [
    (["serve", "001/PPID/KPU-KAB.KPG/II/2025", "--dip", "x"], 2, "Nomor DIP 'x' tidak valid"),
    (["serve", "009/PPID/KPU-KAB.KPG/II/2025", "--dip", "1"], 3, "009/PPID/KPU-KAB.KPG/II/2025"),
    (["serve", "001/PPID/KPU-KAB.KPG/II/2025"], 2, "--dip"),
    (["serve", "001/PPID/KPU-KAB.KPG/II/2025", "--dip", "1", "--at", "2099-01-01 10:00"], 2, "masa depan"),
])
def test_serve_bad_input_writes_nothing(office, store_db, args, code, message):
    _added(office)
    assert _register_number(office, "2025-02-03 09:00") == "001/PPID/KPU-KAB.KPG/II/2025"
    before = store_db.count("event")
    res = office(*args)
    assert res.exit_code == code, res.stderr
    assert res.stderr.startswith("kpudesk: ") and message in res.stderr and res.stderr.count("\n") == 1
    assert store_db.count("event") == before and store_db.count("expedition") == 0
