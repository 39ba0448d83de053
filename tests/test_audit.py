"""The hash-chained audit trail and `kpudesk verify` (issue 11, item 7)."""

import importlib.util
import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from kpudesk.chain import GENESIS, event_hash
from tests.conftest import request_args

BENCH = Path(__file__).resolve().parent.parent / "bench" / "tamper.py"
NUMBER = "001/PPID/KPU-KAB.KPG/III/2026"


def _tamper_module():
    spec = importlib.util.spec_from_file_location("tamper", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _desk_day(office) -> None:
    """A small but varied store: requests, a disposition, a decision with delivery, an objection."""
    for name, received in (("Maria Bria", "2026-03-16 09:00"), ("Yohanes Tefa", "2026-03-17 10:00")):
        assert office(*request_args(name=name, received=received)).exit_code == 0
    steps = [
        ("disposition", "add", NUMBER, "--by", "PPID", "--to", "head_technical", "--instruction", "Siapkan", "--within", "3",
         "--at", "2026-03-16 10:00"),
        ("decide", NUMBER, "--decision", "granted", "--at", "2026-03-20 10:00"),
        ("deliver", NUMBER, "--received-by", "Maria Bria", "--via", "email", "--at", "2026-03-20 11:00"),
        ("extend", "002/PPID/KPU-KAB.KPG/III/2026", "--reason", "Dokumen di gudang", "--at", "2026-03-27 10:00"),
        ("expedition", "add", "--document", "Undangan", "--to", "Bawaslu", "--sent", "2026-03-18 09:00"),
    ]
    for step in steps:
        res = office(*step)
        assert res.exit_code == 0, (step, res.stderr)


def _rows(db: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def test_each_event_is_chained_to_the_one_before(office, db_path):
    _desk_day(office)
    events = _rows(db_path, "SELECT id, case_id, expedition_id, at, officer, action, detail, prev_hash, hash FROM event ORDER BY id")
    assert events[0][7] == GENESIS
    for before, after in zip(events, events[1:]):
        assert after[7] == before[8]
    from datetime import datetime

    first = dict(zip(("id", "case_id", "expedition_id", "at", "officer", "action", "detail", "prev_hash"), events[0]))
    first["at"] = datetime.fromisoformat(first["at"])  # naive UTC as SQLite keeps it
    assert event_hash(first) == events[0][8]
    assert _rows(db_path, "SELECT event_id, hash, events FROM audit_head") == [(events[-1][0], events[-1][8], len(events))]
    # Every case has its state recorded in the chain, and `show` does not list those snapshots.
    states = _rows(db_path, "SELECT DISTINCT case_id FROM event WHERE action = 'state'")
    assert sorted(states) == sorted(_rows(db_path, 'SELECT id FROM "case"'))
    story = json.loads(office("show", NUMBER, "--json").stdout)
    assert "state" not in {e["action"] for e in story["events"]}


def test_verify_whole_store(office):
    _desk_day(office)
    res = office("verify")
    assert res.exit_code == 0, res.stdout + res.stderr
    assert res.stdout.startswith("Jejak audit utuh: ") and "2 perkara diperiksa" in res.stdout
    report = json.loads(office("verify", "--json").stdout)
    assert (report["whole"], report["cases"], report["problems"], report["first_problem"]) == (True, 2, 0, None)


@pytest.mark.parametrize("sql, event_from, phrase", [
    ("UPDATE event SET officer = 'Orang Lain' WHERE id = 3", 3, "isi peristiwa diubah"),
    ("DELETE FROM event WHERE id = 3", 4, "tautan putus"),
    ("DELETE FROM event WHERE id = (SELECT max(id) FROM event)", None, "kepala rantai"),
    ("UPDATE \"case\" SET status = 'closed' WHERE number = '002/PPID/KPU-KAB.KPG/III/2026'", None, "perkara.status: tercatat 'extended', sekarang 'closed'"),
    ("UPDATE deadline SET due = '2026-12-31' WHERE kind = 'extension'", None, ".due: tercatat '2026-04-"),
    ("DELETE FROM deadline WHERE kind = 'extension'", None, "hilang"),
])
def test_verify_names_the_first_broken_link(office, db_path, sql, event_from, phrase):
    _desk_day(office)
    with sqlite3.connect(db_path) as conn:
        conn.execute(sql)
    res = office("verify", "--json")
    assert res.exit_code == 1
    first = json.loads(res.stdout)["first_problem"]
    assert phrase in first["what"]
    if event_from:
        assert first["event_id"] == event_from
    text = office("verify")
    assert text.exit_code == 1 and text.stdout.startswith("Jejak audit RUSAK (")


def test_case_state_tamper_names_the_case_number(office, db_path):
    _desk_day(office)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE \"case\" SET day0 = '2026-03-10' WHERE number = ?", (NUMBER,))
    first = json.loads(office("verify", "--json").stdout)["first_problem"]
    assert first["case"] == NUMBER and "perkara.day0: tercatat '2026-03-16', sekarang '2026-03-10'" in first["what"]


def test_a_hundred_random_single_row_tampers_are_all_caught(office, db_path, tmp_path):
    _desk_day(office)
    assert office("verify").exit_code == 0
    bench = _tamper_module()
    caught, missed = bench.run_tampers(db_path, 100, 2026, tmp_path)
    assert (caught, missed) == (100, [])


def test_the_migration_chains_an_existing_store(office, db_path, tmp_path):
    _desk_day(office)
    from kpudesk.store import Store, alembic_config

    old = tmp_path / "old.sqlite3"
    shutil.copy(db_path, old)
    store = Store(old)
    from alembic import command

    command.downgrade(alembic_config(store.engine), "0001")
    assert _rows(old, "SELECT version_num FROM alembic_version") == [("0001",)]
    store.engine.dispose()
    Store(old)  # opening upgrades, building the chain and the case states
    res = office("--db", str(old), "verify", "--json")
    assert res.exit_code == 0, res.stdout
    assert json.loads(res.stdout)["cases"] == 2


def test_random_tamper_generator_changes_one_row(tmp_path, office, db_path):
    _desk_day(office)
    bench = _tamper_module()
    before = {t: _rows(db_path, f'SELECT * FROM "{t}" ORDER BY id') for t in bench.TABLES}
    with sqlite3.connect(db_path) as conn:
        what = bench.tamper_once(conn, random.Random(5))
    after = {t: _rows(db_path, f'SELECT * FROM "{t}" ORDER BY id') for t in bench.TABLES}
    changed = [t for t in bench.TABLES if before[t] != after[t]]
    assert changed == [what.split()[1]]


def test_calendar_changes_that_move_deadlines_keep_the_trail_whole(office, db_path):
    _desk_day(office)
    states_before = _rows(db_path, "SELECT count(*) FROM event WHERE action = 'state'")[0][0]
    assert office("list", "--json").exit_code == 0 and office("show", NUMBER).exit_code == 0  # reads add nothing
    assert _rows(db_path, "SELECT count(*) FROM event WHERE action = 'state'")[0][0] == states_before
    res = office("calendar", "add-closure", "2026-04-06", "Libur daerah", "--json")
    assert res.exit_code == 0, res.stderr
    moved = json.loads(res.stdout)
    assert [m["number"] for m in moved] == ["002/PPID/KPU-KAB.KPG/III/2026"]
    assert _rows(db_path, "SELECT count(*) FROM event WHERE action = 'state'")[0][0] == states_before + 1
    assert office("verify").exit_code == 0
