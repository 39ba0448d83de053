"""`kpudesk backup` and `kpudesk restore` (issue 11, item 8)."""

import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import OFFICE_ARGS, request_args

WRITER = """
import json, sys
from pathlib import Path
from typer.testing import CliRunner
from kpudesk.cli.app import app
db, stop, name, args = sys.argv[1], Path(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
runner, done = CliRunner(), 0
while not stop.exists():
    res = runner.invoke(app, ["--db", db, *args, "--name", name + " " + str(done)])
    if res.exit_code != 0:
        sys.exit("exit " + str(res.exit_code) + ": " + res.stderr)
    done += 1
print(done)
"""


def _cases(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute('SELECT count(*) FROM "case"').fetchone()[0]


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def test_backup_beside_the_store_private_and_checked(office, db_path):
    assert office(*request_args()).exit_code == 0
    res = office("backup")
    assert res.exit_code == 0, res.stderr
    copy = Path(res.stdout.strip())
    assert copy.parent == db_path.parent and copy.name.startswith("kpudesk-") and copy.suffix == ".sqlite3"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert "Jejak audit utuh" in res.stderr
    assert _integrity(copy) == "ok" and _cases(copy) == 1
    assert not list(db_path.parent.glob(".*.tmp*"))  # no temporary file left behind
    with sqlite3.connect(copy) as conn:  # one self-contained file
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert office("--db", str(copy), "verify").exit_code == 0


@pytest.mark.sqlite_only  # a SQLite file is backed up; a server store is pointed to pg_dump
def test_backup_never_overwrites_and_needs_a_folder(office, tmp_path):
    target = tmp_path / "cadangan.sqlite3"
    assert office("backup", str(target)).exit_code == 0
    again = office("backup", str(target))
    assert again.exit_code == 2 and "sudah ada" in again.stderr
    missing = office("backup", str(tmp_path / "tidak-ada" / "c.sqlite3"))
    assert missing.exit_code == 2 and "tidak ada" in missing.stderr


def test_restore_refuses_without_force_and_keeps_the_replaced_store(office, db_path, tmp_path):
    assert office(*request_args()).exit_code == 0
    backup = tmp_path / "pagi.sqlite3"
    assert office("backup", str(backup)).exit_code == 0
    assert office(*request_args(name="Sesudah Cadangan")).exit_code == 0
    refused = office("restore", str(backup))
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert _cases(db_path) == 2
    res = office("restore", str(backup), "--force", "--json")
    assert res.exit_code == 0, res.stderr
    report = json.loads(res.stdout)
    replaced = Path(report["replaced"])
    assert replaced.name.startswith("kpudesk.sqlite3.replaced-") and _cases(replaced) == 2
    assert stat.S_IMODE(replaced.stat().st_mode) == 0o600
    assert _cases(db_path) == 1 and report["whole"] is True
    listed = json.loads(office("list", "--json").stdout)
    assert [c["name"] for c in listed] == ["Maria Bria"]
    assert office("verify").exit_code == 0


@pytest.mark.sqlite_only  # a SQLite file is backed up; a server store is pointed to pg_dump
def test_restore_into_a_new_file(office, tmp_path):
    backup = tmp_path / "b.sqlite3"
    assert office(*request_args()).exit_code == 0 and office("backup", str(backup)).exit_code == 0
    fresh = tmp_path / "baru" / "kpudesk.sqlite3"
    fresh.parent.mkdir()
    res = office("--db", str(fresh), "restore", str(backup))
    assert res.exit_code == 0, res.stderr
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600 and _cases(fresh) == 1


def test_restore_checks_the_backup_first(office, db_path, tmp_path):
    assert office(*request_args()).exit_code == 0
    backup = tmp_path / "b.sqlite3"
    assert office("backup", str(backup)).exit_code == 0
    with sqlite3.connect(backup) as conn:
        conn.execute("UPDATE event SET officer = 'Pemalsu' WHERE id = 2")
    before = db_path.read_bytes()
    res = office("restore", str(backup), "--force")
    assert res.exit_code == 1 and "jejak auditnya rusak" in res.stderr
    assert db_path.read_bytes() == before and not list(tmp_path.glob("*.replaced-*"))
    junk = tmp_path / "bukan.sqlite3"
    junk.write_text("ini bukan basis data\n" * 100)
    res = office("restore", str(junk), "--force")
    assert res.exit_code == 4 and res.stderr.count("\n") == 1
    assert office("restore", str(tmp_path / "tidak-ada.sqlite3")).exit_code == 2
    assert office("--db", str(tmp_path / "belum-ada.sqlite3"), "backup").exit_code == 4


def test_postgresql_store_is_pointed_to_pg_dump(run):
    res = run("--db", "postgresql://kpu@localhost/kpudesk", "backup")
    assert res.exit_code == 2 and "pg_dump" in res.stderr


def test_backup_while_four_desks_keep_registering(run, tmp_path):
    db = tmp_path / "ramai.sqlite3"
    assert run("--db", str(db), *OFFICE_ARGS).exit_code == 0
    stop = tmp_path / "stop"
    form = json.dumps(request_args(name=None))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(stop), f"Desk {n}", form], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(4)]
    try:
        deadline = time.monotonic() + 60
        while _cases(db) < 20 and time.monotonic() < deadline:
            time.sleep(0.2)
        backup = tmp_path / "tengah-hari.sqlite3"
        res = run("--db", str(db), "backup", str(backup))
        assert res.exit_code == 0, res.stderr
        time.sleep(1)  # the desks keep registering after the copy
    finally:
        stop.touch()
        outputs = [w.communicate(timeout=120) for w in writers]
    assert [w.returncode for w in writers] == [0, 0, 0, 0], [err for _, err in outputs]
    registered = sum(int(out) for out, _ in outputs)
    assert _cases(db) == registered and _cases(backup) < registered
    restored = tmp_path / "pulih.sqlite3"
    assert run("--db", str(restored), "restore", str(backup)).exit_code == 0
    assert _integrity(restored) == "ok" and _cases(restored) == _cases(backup) >= 20
    verify = run("--db", str(restored), "verify", "--json")
    assert verify.exit_code == 0, verify.stdout
    assert json.loads(verify.stdout)["cases"] == _cases(backup)
    assert run("--db", str(db), "verify").exit_code == 0
