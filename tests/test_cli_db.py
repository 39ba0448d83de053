"""`kpudesk db copy`: SQLite ⇄ PostgreSQL, everything or nothing, the audit trail unchanged."""

import hashlib
import json
import sqlite3

import pytest

from tests.conftest import StoreProbe, request_args


def _fill(run) -> list[str]:
    """A small office with a request in each state, an objection and an expedition; returns the numbers."""
    numbers = []
    for day in ("2026-03-16 09:00", "2026-03-17 10:00", "2026-03-18 11:00"):
        res = run(*request_args(received=day), "--json")
        assert res.exit_code == 0, res.stderr
        numbers.append(json.loads(res.stdout)["number"])
    steps = [
        ["decide", numbers[0], "--decision", "granted", "--via", "kurir", "--at", "2026-03-25 10:00"],
        ["deliver", numbers[0], "--received-by", "Maria Bria", "--at", "2026-03-26 10:00"],
        ["extend", numbers[1], "--reason", "Dokumen di arsip kabupaten", "--at", "2026-03-25 10:00"],
        ["void", numbers[2], "--reason", "Salah catat"],
    ]
    for args in steps:
        res = run(*args)
        assert res.exit_code == 0, (args, res.stderr)
    return numbers


def _views(run, db: str, numbers: list[str]) -> tuple[str, list[str]]:
    listing = run("--db", db, "list", "--json", "--unmask", "--limit", "1000")
    assert listing.exit_code == 0, listing.stderr
    shows = [run("--db", db, "show", n, "--json", "--unmask").stdout for n in numbers]
    return listing.stdout, shows


def _events(location: str) -> list[tuple]:
    probe = StoreProbe(location)
    from sqlalchemy import text

    with probe.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, case_id, expedition_id, officer, action, detail FROM event ORDER BY id")).all()
    probe.engine.dispose()
    return [tuple(r) for r in rows]


def test_copy_to_a_new_file_and_back_keeps_every_view_and_the_audit_trail(office, store_location, tmp_path):
    numbers = _fill(office)
    target = str(tmp_path / "salinan.sqlite3")
    res = office("db", "copy", "--to", target, "--json")
    assert res.exit_code == 0, res.stderr
    report = json.loads(res.stdout)
    assert report["rows"]["case"] == 3 and report["rows"]["event"] == len(_events(store_location))
    assert report["rows"]["expedition"] == 1
    assert _views(office, target, numbers) == _views(office, store_location, numbers)
    assert _events(target) == _events(store_location)


def test_copy_to_postgresql_and_back_to_sqlite(office, store_location, empty_pg_url, tmp_path):
    numbers = _fill(office)
    assert office("db", "copy", "--to", empty_pg_url).exit_code == 0
    back = str(tmp_path / "kembali.sqlite3")
    res = office("--db", empty_pg_url, "db", "copy", "--to", back)
    assert res.exit_code == 0, res.stderr
    original = _views(office, store_location, numbers)
    assert _views(office, empty_pg_url, numbers) == original
    assert _views(office, back, numbers) == original
    assert _events(back) == _events(empty_pg_url) == _events(store_location)
    # the server's id sequences continue after the copied ids: new rows go in without a clash
    res = office("--db", empty_pg_url, *request_args(received="2026-03-19 09:00"), "--json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["number"] == "004/PPID/KPU-KAB.KPG/III/2026"
    assert office("--db", empty_pg_url, "expedition", "add", "--document", "Surat", "--to", "Maria",
                  "--sent", "2026-03-20").exit_code == 0


def test_a_target_with_data_is_refused_and_left_unchanged(office, tmp_path):
    _fill(office)
    target = tmp_path / "isi.sqlite3"
    assert office("--db", str(target), *request_args(received="2026-03-16 09:00")).exit_code != 0  # no office yet
    assert office("--db", str(target), "init", "--office", "Lain", "--code", "LAIN", "--tz", "WIB").exit_code == 0
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    res = office("db", "copy", "--to", str(target))
    assert res.exit_code == 1 and "sudah berisi data" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before


def test_another_applications_file_is_not_a_copy_target(office, tmp_path):
    _fill(office)
    other = tmp_path / "lain.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    before = other.read_bytes()
    res = office("db", "copy", "--to", str(other))
    assert res.exit_code == 1 and "bukan basis data kosong" in res.stderr
    assert other.read_bytes() == before


@pytest.mark.sqlite_only
def test_copy_onto_itself_is_refused(office, db_path):
    res = office("db", "copy", "--to", str(db_path))
    assert res.exit_code == 1 and "sama" in res.stderr


def test_a_copy_that_fails_half_way_leaves_the_server_database_empty(office, db_path, empty_pg_url):
    """A value SQLite kept but PostgreSQL refuses (a status longer than its column): nothing is written."""
    numbers = _fill(office)
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"UPDATE \"case\" SET status = '{'x' * 30}' WHERE number = '{numbers[-1]}'")
    conn.close()
    res = office("db", "copy", "--to", empty_pg_url)
    assert res.exit_code == 4, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "character varying(20)" in res.stderr
    probe = StoreProbe(empty_pg_url)
    assert probe.tables() == set()
    probe.engine.dispose()


def test_a_copy_that_fails_half_way_leaves_no_new_file(office, store_location, store_db, tmp_path):
    """A row the new file refuses (a foreign key to nothing, kept by a server without the check): no file is left."""
    _fill(office)
    if store_location.startswith("postgresql"):
        store_db.execute("ALTER TABLE event DROP CONSTRAINT event_case_id_fkey")
    store_db.execute("UPDATE event SET case_id = 999 WHERE id = 1")  # plain SQLite connections do not check keys
    target = tmp_path / "baru" / "salinan.sqlite3"
    res = office("db", "copy", "--to", str(target))
    assert res.exit_code == 4, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "FOREIGN KEY" in res.stderr
    assert not target.exists() and not list(target.parent.glob("salinan*"))
