"""Issue 11: what a hostile or careless user types never acts, and bad input is exit 2, never 70.

Each test reproduces one finding of the issue through the real CLI against a temporary store.
"""

import csv
import json
import sqlite3
import subprocess
import sys
import zipfile

import pytest
from openpyxl import load_workbook

from tests.conftest import request_args

FORMULAS = {
    "name": '=HYPERLINK("http://evil.example","Klik")',
    "info": "=1+1",
    "purpose": "+SUM(A1:A9)",
    "occupation": "@cmd",
    "address": "-2+3",
}


def _one_line_error(res, code: int, phrase: str) -> None:
    assert res.exit_code == code, (res.exit_code, res.stderr)
    assert res.stderr.startswith("kpudesk: ") and res.stderr.count("\n") == 1, res.stderr
    assert phrase in res.stderr, res.stderr
    assert "Kesalahan program" not in res.stderr


# --- 1. formula injection -----------------------------------------------------------------------

def test_register_cells_that_look_like_formulas_are_text(office, tmp_path):
    assert office(*request_args(received="2026-03-16 09:00", **FORMULAS)).exit_code == 0
    target = tmp_path / "register.xlsx"
    res = office("export-register", "--year", "2026", "--output", str(target))
    assert res.exit_code == 0, res.stderr
    cells = {cell.value: cell.data_type for row in load_workbook(target).active.iter_rows() for cell in row
             if isinstance(cell.value, str)}
    for text in FORMULAS.values():
        assert cells[text] == "s", text
    with zipfile.ZipFile(target) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml  # no formula element anywhere: every such cell is an inline string
    assert 't="inlineStr"><is><t>=1+1</t>' in sheet_xml


def test_csv_cells_that_look_like_formulas_get_an_apostrophe(office):
    assert office(*request_args(received="2026-03-16 09:00", **FORMULAS)).exit_code == 0
    row = next(csv.DictReader(office("list", "--csv").stdout.splitlines()))
    assert (row["name"], row["info"]) == ("'" + FORMULAS["name"], "'=1+1")
    sent = office("expedition", "add", "--document", "=1+1", "--to", "@SUM(1)", "--courier", "-x",
                  "--sent", "2026-03-17 09:00")
    assert sent.exit_code == 0, sent.stderr
    book = office("expedition", "list", "--csv").stdout.splitlines()
    assert book[1].split(",")[2:6] == ["'=1+1", "'@SUM(1)", "", "'-x"]
    # JSON is data for scripts: values stay exactly as typed.
    assert json.loads(office("list", "--json").stdout)[0]["info"] == "=1+1"


# --- 2. terminal escapes ------------------------------------------------------------------------

ESCAPE = "\x1b]0;x\x07\x1b[2J"


def test_officer_with_escapes_is_refused_from_flag_env_and_config(office, monkeypatch, tmp_path):
    flag = office(*request_args(), "--officer", ESCAPE)
    _one_line_error(flag, 2, "Nama petugas (--officer) memuat karakter kendali")
    monkeypatch.setenv("KPUDESK_OFFICER", "Yohanes\u202eTefa")
    _one_line_error(office(*request_args()), 2, "Nama petugas (KPUDESK_OFFICER)")
    monkeypatch.delenv("KPUDESK_OFFICER")
    (tmp_path / "config.toml").write_text('officer = "Ana\\u001b[2J"\n', encoding="utf-8")
    _one_line_error(office(*request_args()), 2, "Nama petugas (officer di berkas konfigurasi)")
    (tmp_path / "config.toml").unlink()
    _one_line_error(office("init", "--officer", ESCAPE), 2, "Nama petugas (--officer) memuat karakter kendali")
    (tmp_path / "config.toml").write_bytes(b'officer = "\xff"\n')
    _one_line_error(office(*request_args()), 2, "Berkas konfigurasi")
    (tmp_path / "config.toml").unlink()
    assert json.loads(office("list", "--json").stdout) == []  # nothing was registered


def test_stored_control_characters_never_reach_the_terminal(office, db_path):
    number = json.loads(office(*request_args(received="2026-03-16 09:00"), "--json").stdout)["number"]
    with sqlite3.connect(db_path) as conn:  # text changed behind kpudesk's back
        conn.execute("UPDATE event SET officer = ?", (ESCAPE,))
        conn.execute("UPDATE request_detail SET name = ?, info = ?", ("Ana\u202eitseB", "SK\x9b2J"))
    shown = office("show", number)
    listed = office("list")
    for out in (shown.stdout, listed.stdout, office("list", "--csv").stdout, office("show", number, "--json").stdout):
        assert not any(ch in out for ch in "\x1b\x07\u202e\x9b"), out
    assert "\\x1b]0;x\\x07\\x1b[2J" in shown.stdout
    assert "Ana\\u202eitseB" in listed.stdout
    assert json.loads(office("show", number, "--json").stdout)["events"][0]["officer"] == ESCAPE


def test_unknown_number_with_escapes_is_echoed_harmlessly(office):
    res = office("show", "\x1b[2J001")
    _one_line_error(res, 3, "'\\x1b[2J001'")


# --- 5. exit 70 for bad input -------------------------------------------------------------------

@pytest.mark.parametrize("args, phrase", [
    (["list", "--search", "\udcff"], "bukan teks UTF-8"),
    (["show", "\udcff"], "bukan teks UTF-8"),
    (["register", "request", "--name", "Ana\udcc3"], "bukan teks UTF-8"),
    (["overdue", "--as-of", "9999-12-31"], "di luar jangkauan; gunakan tanggal 2000-01-01 s.d. 2100-12-31"),
    (["overdue", "--as-of", "0001-01-01"], "di luar jangkauan"),
    (["calendar", "due", "9999-12-30", "5"], "di luar jangkauan"),
    (["export-register", "--from", "2026-01-01", "--to", "9999-12-31"], "--to '9999-12-31' di luar jangkauan"),
    (["expedition", "add", "--document", "d", "--to", "t", "--sent", "0001-01-01"], "--sent '0001-01-01' di luar"),
    (["list", "--limit", "9223372036854775808"], "--limit harus 0 (semua) sampai 1000000"),
    (["list", "--year", "9223372036854775808"], "--year 9223372036854775808 tidak valid"),
    (["expedition", "list", "--year", "99999999999999999999"], "tidak valid"),
    (["init", "--rule", "publik.notice=²"], "harus bilangan bulat 1–365"),
])
def test_input_edges_are_bad_input_not_a_bug(office, args, phrase):
    _one_line_error(office(*args), 2, phrase)


def test_huge_integers_in_any_option_are_bad_input(office):
    number = json.loads(office(*request_args(received="2026-03-16 09:00"), "--json").stdout)["number"]
    res = office("decide", number, "--decision", "granted", "--pages", "9" * 30, "--cost-per-page", "500")
    _one_line_error(res, 2, "di luar jangkauan")
    assert json.loads(office("show", number, "--json").stdout)["status"] == "registered"


def test_database_path_with_bytes_that_are_not_utf8(run, monkeypatch, tmp_path):
    monkeypatch.setenv("KPUDESK_DB", str(tmp_path / "kpu\udcff.sqlite3"))
    _one_line_error(run("list"), 2, "Path basis data")
    assert list(tmp_path.iterdir()) == []  # no stray file


def test_output_file_name_of_300_characters(office, tmp_path):
    res = office("export-register", "--year", "2026", "--output", str(tmp_path / ("a" * 300 + ".xlsx")))
    _one_line_error(res, 2, "tidak dapat dipakai")
    assert list(tmp_path.glob("*.xlsx")) == []


@pytest.mark.parametrize("version", ["0000", ""])
def test_unknown_schema_revision_is_a_store_error(office, db_path, version):
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (version,))
    res = office("list")
    _one_line_error(res, 4, f"revisi skema '{version}'")
    with sqlite3.connect(db_path) as conn:  # nothing was changed by the attempt
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(version,)]


# --- 6. LIKE wildcards, concurrent init ---------------------------------------------------------

def test_search_percent_and_underscore_match_literally(office):
    for name, info in (("Ana", "Data 100% lengkap"), ("Budi", "berkas_dpt"), ("Cici", "Salinan SK")):
        assert office(*request_args(name=name, info=info)).exit_code == 0

    def names(needle: str) -> list[str]:
        return sorted(r["name"] for r in json.loads(office("list", "--search", needle, "--json").stdout))

    assert names("%") == ["Ana"]
    assert names("_") == ["Budi"]
    assert names("s_k") == []
    assert names("\\") == []
    assert names("salinan") == ["Cici"]


def test_two_concurrent_inits_never_mix_profiles(tmp_path):
    profiles = [("KPU Kota Kupang", "KPU-KOTA.KPG", "WITA"), ("KPU Kabupaten Jayapura", "KPU-KAB.JPR", "WIT")]
    for round_ in range(4):
        db = tmp_path / f"init{round_}.sqlite3"
        procs = [subprocess.Popen([sys.executable, "-m", "kpudesk", "--db", str(db), "init", "--office", name,
                                   "--code", code, "--tz", tz], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for name, code, tz in profiles]
        assert [p.wait(timeout=120) for p in procs] == [0, 0]
        with sqlite3.connect(db) as conn:
            stored = dict(conn.execute("SELECT key, value FROM setting"))
        zones = {"WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
        assert (stored["office.name"], stored["office.code"], stored["office.tz"]) in [
            (n, c, zones[z]) for n, c, z in profiles]
