"""`kpudesk import request`: an old Excel Register Permohonan into the store, by the real CLI."""

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

# An office's own register as PPIDs keep it: title lines, a two-row grouped header (DOMAIN.md §5),
# no registration number column, dates typed three ways.
TOP = ["No", "Tanggal", "Nama", "Alamat", "Nomor Kontak", "Pekerjaan", "Informasi yang Diminta",
       "Tujuan Penggunaan Informasi", "Status Informasi", None, None, "Bentuk Informasi yang Dikuasai", None,
       "Jenis Permohonan", None, "Keputusan", "Alasan Penolakan", "Hari dan Tanggal", None,
       "Biaya dan Cara Pembayaran"]
SUB = [None, None, None, None, None, None, None, None, "Ya", "Tidak", "Belum didokumentasikan", "Softcopy",
       "Hardcopy", "Melihat/Mengetahui", "Meminta Salinan", None, None, "Pemberitahuan Tertulis",
       "Pemberian Informasi", None]


def row(no, received, name, *, decision=None, reason=None, notice=None, given=None, cost=None, hard=False):
    return [no, received, name, "Oelamasi", "081234567890", "Mahasiswa", "Salinan SK DPT", "Penelitian",
            None, None, None, None if hard else "v", "v" if hard else None, None, "v", decision, reason, notice,
            given, cost]


GOOD = [
    row(1, datetime(2025, 3, 26), "Maria Bria", decision="Dipenuhi seluruhnya", notice="28/03/2025",
        given=datetime(2025, 4, 2, 10, 30), cost="Rp 15.000 (penggandaan 10 hlm × Rp 500; pengiriman Rp 10.000); tunai",
        hard=True),
    row(2, "16/03/2026", "Yohanes Tefa"),  # still waiting for its notice
    row(3, "Senin, 6 April 2026", "Ester Lado", decision="Ditolak (Pasal 17 huruf h)",
        reason="Data pribadi pemilih", notice=datetime(2026, 4, 8, 9, 0)),
]
BAD = [
    row(4, "31/02/2026", "Tanggal Salah"),
    row(5, "17/03/2026", None),
    row(6, "18/03/2026", "Keputusan Aneh", decision="Dikabulkan sebagian besar?", notice="20/03/2026"),
]
BAD[2][15] = "Terserah"


def old_register(path: Path, rows: list[list], *, top=TOP, sub=SUB, sheet="Register 2025") -> Path:
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(["REGISTER PERMOHONAN INFORMASI PUBLIK"])
    ws.append(["KPU Kabupaten Kupang"])
    ws.append([])
    ws.append(top)
    if sub:
        ws.append(sub)
    for values in rows:
        ws.append(values)
    book.save(path)
    return path


def cases(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT number, status FROM 'case' ORDER BY id").fetchall()


def test_dry_run_names_the_three_bad_rows_and_stores_nothing(office, tmp_path, db_path):
    source = old_register(tmp_path / "lama.xlsx", GOOD + BAD)
    res = office("import", "request", str(source), "--dry-run")
    assert res.exit_code == 2 and res.stdout == ""
    lines = res.stderr.splitlines()
    # Title lines 1–2, blank 3, headers 4–5: the data starts on sheet row 6; the bad ones are 9, 10, 11.
    assert lines[0].startswith("kpudesk: baris 9: Tanggal '31/02/2026' tidak dapat dibaca")
    assert lines[1] == "kpudesk: baris 10: Nama wajib diisi."
    assert lines[2].startswith("kpudesk: baris 11: Keputusan 'Terserah' tidak dikenal")
    assert lines[3].startswith("kpudesk: 3 dari 6 baris lembar 'Register 2025' bermasalah; tidak ada yang disimpan")
    assert len(lines) == 4
    assert cases(db_path) == []
    # Without --dry-run the answer is the same: all or nothing.
    res = office("import", "request", str(source))
    assert res.exit_code == 2 and cases(db_path) == []


def test_skip_bad_stores_the_good_rows_and_writes_the_bad_ones(office, tmp_path, db_path):
    source = old_register(tmp_path / "lama.xlsx", GOOD + BAD)
    bad_file = tmp_path / "perbaiki.xlsx"
    res = office("import", "request", str(source), "--skip-bad", str(bad_file))
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ("3 permohonan diimpor dari lembar 'Register 2025': "
                          "001/PPID/KPU-KAB.KPG/III/2025 s.d. 002/PPID/KPU-KAB.KPG/IV/2026.\n")
    numbers = [n for n, _ in cases(db_path)]
    assert numbers == ["001/PPID/KPU-KAB.KPG/III/2025", "001/PPID/KPU-KAB.KPG/III/2026", "002/PPID/KPU-KAB.KPG/IV/2026"]
    assert [s for _, s in cases(db_path)] == ["closed", "registered", "decided"]
    assert "3 baris bermasalah tidak diimpor" in res.stderr
    fix = list(load_workbook(bad_file).active.iter_rows(values_only=True))
    assert fix[0][0] == "Baris" and fix[0][-1] == "Masalah" and fix[0][3] == "Nama"
    assert [(r[0], r[3]) for r in fix[1:]] == [(9, "Tanggal Salah"), (10, None), (11, "Keputusan Aneh")]
    assert fix[2][-1] == "Nama wajib diisi."


def test_imported_request_keeps_the_notice_costs_and_recomputes_deadlines(office, tmp_path):
    office("import", "request", str(old_register(tmp_path / "lama.xlsx", GOOD)))
    first = json.loads(office("show", "001/PPID/KPU-KAB.KPG/III/2025", "--json").stdout)
    # Received Wed 2025-03-26 (DOMAIN.md §2: +10 HK = 2025-04-21); notice on 03-28: on time.
    notice = next(d for d in first["deadlines"] if d["kind"] == "notice")
    assert (notice["start"], notice["due"], notice["status"]) == ("2025-03-26", "2025-04-21", "met")
    assert (first["notice"]["decision"], first["notice"]["at"], first["notice"]["late_days"]) == ("granted", "2025-03-28T08:00", 0)
    # The waiting one, received Mon 2026-03-16, is due 2026-04-07 and 4 HK late on 2026-04-13.
    late = json.loads(office("overdue", "--as-of", "2026-04-13", "--json").stdout)["overdue"]
    # (the office's own duty, the 2025 annual report due 31 March, is late too: not a case of the import)
    assert [(i["number"], i["due"], i["days"]) for i in late if "/PPID/" in i["number"]] == [
        ("001/PPID/KPU-KAB.KPG/III/2026", "2026-04-07", 4)]
    sheet = tmp_path / "ulang.xlsx"
    assert office("export-register", "--year", "2025", "-o", str(sheet)).exit_code == 0
    exported = list(load_workbook(sheet).active.iter_rows(min_row=7, values_only=True))[0]
    assert exported[1] == datetime(2025, 3, 26) and exported[17] == "Dipenuhi seluruhnya"
    assert (exported[13], exported[14]) == (None, "✓")  # hardcopy, as ticked
    assert exported[19] == datetime(2025, 3, 28, 8, 0)  # a date without a time: at opening time
    assert exported[20] == datetime(2025, 4, 2, 10, 30)
    assert exported[21] == "Rp 15.000 (penggandaan 10 hlm × Rp 500; pengiriman Rp 10.000); tunai"


def test_demo_export_round_trips_into_a_fresh_store(run, tmp_path):
    demo, fresh = tmp_path / "demo.sqlite3", tmp_path / "fresh.sqlite3"
    assert run("--db", demo, "sample", "load").exit_code == 0
    original = tmp_path / "demo-2025.xlsx"
    assert run("--db", demo, "export-register", "--year", "2025", "-o", original).exit_code == 0
    assert run("--db", fresh, "init", "--office", "KPU Kabupaten Kupang", "--code", "KPU-KAB.KPG", "--tz", "WITA",
               "--hours", "08:30-16:00").exit_code == 0
    # The office's own closure of that year (sample_data/kupang.txt), so both calendars agree.
    assert run("--db", fresh, "calendar", "add-closure", "2025-10-17", "Pemadaman listrik").exit_code == 0
    res = run("--db", fresh, "import", "request", original, "--officer", "Yuliana Tefa")
    assert res.exit_code == 0, res.stderr
    again = tmp_path / "fresh-2025.xlsx"
    assert run("--db", fresh, "export-register", "--year", "2025", "-o", again).exit_code == 0
    before = list(load_workbook(original).active.iter_rows(values_only=True))
    after = list(load_workbook(again).active.iter_rows(values_only=True))
    assert len(before) == 6 + 26 and after == before  # same numbers, same dates, same everything
    # Recomputed, not copied: day 0 and the notice clock's due date are the demo store's own. (The
    # register does not say which requests were election information, 3 HK: those count 10 HK.)
    compared = 0
    for number in [r[22] for r in before[6:]]:
        shown = [json.loads(run("--db", db, "show", number, "--json").stdout) for db in (demo, fresh)]
        clocks = [(s["day0"], s["deadlines"][0]["kind"], s["deadlines"][0]["due"]) for s in shown]
        if shown[0]["profile"] == "publik":
            assert clocks[0] == clocks[1]
            compared += 1
    assert compared >= 20
    # The number sequence moved past the kept numbers: the next 2025 request is 027 (the demo has 26 in 2025).
    res = run("--db", fresh, "register", "request", "--name", "A", "--address", "B", "--phone", "081234567890",
              "--id-number", "5301014501900001", "--info", "C", "--purpose", "D", "--received", "2025-12-30 09:00",
              "--officer", "Yuliana Tefa", "--json")
    assert json.loads(res.stdout)["number"] == "027/PPID/KPU-KAB.KPG/XII/2025"


def test_loose_single_row_headers_and_map(office, tmp_path, db_path):
    top = ["NO.", "Tgl. Masuk", "NAMA LENGKAP", "Alamat Rumah", "No. HP", "Permintaan", "Tujuan", "No. Registrasi"]
    values = [1, "05/01/2026", "Maria Bria", "Oelamasi", "081234567890", "Salinan SK", "Riset",
              "007/PPID/KPU-KAB.KPG/I/2026"]
    source = old_register(tmp_path / "lama.xlsx", [values], top=top, sub=None, sheet="Sheet1")
    res = office("import", "request", str(source))
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert "Kolom untuk informasi tidak ditemukan" in res.stderr and "--map" in res.stderr
    res = office("import", "request", str(source), "--map", "permintaan=informasi")
    assert res.exit_code == 0, res.stderr
    assert cases(db_path) == [("007/PPID/KPU-KAB.KPG/I/2026", "registered")]
    # A kept number is taken once: importing it again names the row.
    res = office("import", "request", str(source), "--map", "F=informasi", "--dry-run")
    assert res.exit_code == 2
    assert res.stderr.splitlines()[0] == ("kpudesk: baris 5: Nomor pendaftaran '007/PPID/KPU-KAB.KPG/I/2026' sudah dipakai "
                                          "(di basis data atau di baris sebelumnya).")


def test_a_number_outside_the_office_pattern_is_a_bad_row(office, tmp_path, db_path):
    top = ["No", "Tanggal", "Nama", "Informasi yang Diminta", "Nomor Pendaftaran"]
    source = old_register(tmp_path / "lama.xlsx", [[1, "05/01/2026", "Maria", "SK", "PPID-2026-7"]], top=top, sub=None)
    res = office("import", "request", str(source))
    assert res.exit_code == 2 and "baris 5: Nomor pendaftaran 'PPID-2026-7' tidak mengikuti pola" in res.stderr
    assert cases(db_path) == []


@pytest.mark.parametrize(("args", "phrase"), [
    (["--map", "Nama"], "gunakan KOLOM=BIDANG"),
    (["--map", "Nama=nama_ibu"], "Bidang 'nama_ibu' di --map tidak dikenal"),
    (["--map", "Kolom Hantu=nama"], "Kolom 'Kolom Hantu' di --map tidak ada"),
    (["--sheet", "Lembar Lain"], "Lembar 'Lembar Lain' tidak ada"),
    (["--skip-bad", "perbaiki.csv"], "harus berakhiran .xlsx"),
    (["--skip-bad", "/tidak/ada/perbaiki.xlsx"], "tidak ada atau tidak dapat ditulisi"),
    (["--dry-run=ya"], ""),
])
def test_bad_options_exit_2_with_one_line_and_nothing_written(office, tmp_path, db_path, monkeypatch, args, phrase):
    monkeypatch.chdir(tmp_path)
    source = old_register(tmp_path / "lama.xlsx", GOOD)
    res = office("import", "request", str(source), *args)
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.startswith("kpudesk: ") and res.stderr.count("\n") == 1
    assert phrase in res.stderr
    assert cases(db_path) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".csv")) == ["lama.xlsx"]


def test_missing_or_unreadable_file(office, tmp_path):
    res = office("import", "request", str(tmp_path / "tidak-ada.xlsx"))
    assert res.exit_code == 2 and "tidak ada" in res.stderr and res.stderr.count("\n") == 1
    text = tmp_path / "bukan.xlsx"
    text.write_text("bukan excel")
    res = office("import", "request", str(text))
    assert res.exit_code == 2 and "tidak dapat dibaca sebagai .xlsx" in res.stderr and res.stderr.count("\n") == 1


def test_import_needs_an_office(run, tmp_path):
    res = run("import", "request", str(old_register(tmp_path / "lama.xlsx", GOOD)))
    assert res.exit_code != 0 and res.stderr.startswith("kpudesk: ") and res.stderr.count("\n") == 1


def test_progress_bar_only_on_a_terminal(office, tmp_path, monkeypatch):
    source = old_register(tmp_path / "lama.xlsx", GOOD)
    res = office("import", "request", str(source), "--dry-run")
    assert res.exit_code == 0 and res.stderr == ""
    monkeypatch.setattr("kpudesk.cli.progress.stderr_is_terminal", lambda: True)
    res = office("import", "request", str(source))
    assert res.exit_code == 0 and "Mengimpor register" in res.stderr and "3/3" in res.stderr
    assert res.stdout.startswith("3 permohonan diimpor")

