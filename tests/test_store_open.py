"""Opening a store safely: what is not kpudesk's is never written to, and every failure is one line, exit 4."""

import hashlib
import json
import os
import socket
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import OFFICE_ARGS, PG_URL, request_args

needs_pg = pytest.mark.skipif(not PG_URL, reason="KPUDESK_TEST_PG is not set")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line_exit_4(res, *words: str) -> None:
    assert res.exit_code == 4, (res.exit_code, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kpudesk: "), res.stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert "Traceback" not in res.stderr and res.stdout == ""


def _other_app_file(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('milik aplikasi lain')")
    conn.close()


@pytest.mark.parametrize("args", [["list"], ["overdue"], OFFICE_ARGS, ["sample", "load"]])
def test_another_applications_sqlite_file_is_refused_and_left_byte_for_byte(run, tmp_path, args):
    other = tmp_path / "other-app.sqlite"
    _other_app_file(other)
    before, mode = _digest(other), stat.S_IMODE(other.stat().st_mode)
    _one_line_exit_4(run("--db", str(other), *args), "bukan basis data kpudesk")
    assert _digest(other) == before and stat.S_IMODE(other.stat().st_mode) == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-app.sqlite"]  # no -wal, no -shm left behind


def test_an_empty_file_is_not_adopted_by_a_reading_command(run, tmp_path):
    empty = tmp_path / "kosong.sqlite3"
    empty.touch(mode=0o644)
    os.chmod(empty, 0o644)
    _one_line_exit_4(run("--db", str(empty), "list"), "belum diatur", "kpudesk init")
    assert empty.stat().st_size == 0 and stat.S_IMODE(empty.stat().st_mode) == 0o644


def test_init_makes_an_empty_file_a_private_store(run, tmp_path):
    empty = tmp_path / "kosong.sqlite3"
    empty.touch()
    os.chmod(empty, 0o644)
    assert run("--db", str(empty), *OFFICE_ARGS).exit_code == 0
    assert stat.S_IMODE(empty.stat().st_mode) == 0o600
    assert run("--db", str(empty), "list", "--json").exit_code == 0


def test_a_file_name_with_url_characters_is_taken_literally(run, tmp_path):
    odd = tmp_path / "k.db?mode=memory&x=1%20"
    res = run("--db", str(odd), *OFFICE_ARGS)
    assert res.exit_code == 0, res.stderr
    assert odd.exists() and stat.S_IMODE(odd.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(odd.name)) == []
    assert run("--db", str(odd), *request_args(received="2026-03-16 09:00")).exit_code == 0
    with sqlite3.connect(f"file:{quote(str(odd))}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM 'case'").fetchone()[0] == 1


@pytest.mark.parametrize("revision", ["", "0000", "abc123def", "9999"])
def test_a_strange_or_newer_revision_is_refused_on_either_backend(office, store_db, revision):
    store_db.execute(f"UPDATE alembic_version SET version_num = '{revision}'")
    res = office("list")
    expected = "lebih baru" if revision == "9999" else ("tidak dapat dimutakhirkan" if revision == "0000" else "bukan basis data kpudesk")
    _one_line_exit_4(res, expected)
    assert store_db.scalar("SELECT version_num FROM alembic_version") == revision


def test_an_empty_database_is_not_set_up_by_a_reading_command(run, store_db):
    """On PostgreSQL a fresh database is empty: `list` refuses (exit 4) and creates no table; `init` sets it up."""
    _one_line_exit_4(run("list"), "belum", "kpudesk init")  # SQLite: "belum ada" (no file); server: "belum diatur"
    assert store_db.tables() - {"sqlite_sequence"} == set()
    assert run(*OFFICE_ARGS).exit_code == 0
    assert {"case", "event", "alembic_version"} <= store_db.tables()


def test_another_applications_tables_are_refused_and_untouched(run, store_db):
    store_db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    store_db.execute("INSERT INTO notes (id, body) VALUES (1, 'milik aplikasi lain')")
    for args in (["list"], OFFICE_ARGS):
        _one_line_exit_4(run(*args), "bukan basis data kpudesk")
    assert store_db.tables() == {"notes"} and store_db.count("notes") == 1


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_stopped_server_is_one_line_exit_4(run):
    url = f"postgresql://kpudesk:rahasia@127.0.0.1:{_unused_port()}/kpudesk"
    res = run("--db", url, "list")
    _one_line_exit_4(res, "tidak dapat dihubungi")
    assert "rahasia" not in res.stderr


@needs_pg
def test_a_wrong_password_is_one_line_exit_4_and_never_printed(run):
    from sqlalchemy import make_url

    url = make_url(PG_URL).set(password="salah-sandi").render_as_string(hide_password=False)
    res = run("--db", url, "list")
    _one_line_exit_4(res, "kata sandi ditolak")
    assert "salah-sandi" not in res.stderr


@needs_pg
def test_a_missing_database_is_one_line_exit_4(run):
    from sqlalchemy import make_url

    url = make_url(PG_URL).set(database="kpudesk_tidak_ada").render_as_string(hide_password=False)
    _one_line_exit_4(run("--db", url, *OFFICE_ARGS), "tidak ada")


@pytest.mark.postgresql_only
def test_config_shows_the_server_url_without_its_password(office, store_location, monkeypatch, tmp_path):
    import json

    from sqlalchemy import make_url

    url = make_url(store_location)
    assert url.password, "KPUDESK_TEST_PG is expected to carry a password"
    res = office("config", "--json")
    assert res.exit_code == 0, res.stderr
    assert url.password not in res.stdout
    rows = {r["key"]: r for r in json.loads(res.stdout)}
    assert rows["db"] == {"key": "db", "value": f"postgresql://{url.username}@{url.host}:{url.port}/{url.database}",
                          "source": "env"}
    # libpq's own PGPASSWORD, or a password file (~/.pgpass, here PGPASSFILE), gives the password
    monkeypatch.setenv("KPUDESK_DB", url.set(password=None).render_as_string(hide_password=False))
    monkeypatch.setenv("PGPASSWORD", url.password)
    res = office("config", "--json")
    assert res.exit_code == 0, res.stderr
    assert {r["key"]: r["value"] for r in json.loads(res.stdout)}["office.code"] == "KPU-KAB.KPG"
    monkeypatch.delenv("PGPASSWORD")
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{url.host}:{url.port}:{url.database}:{url.username}:{url.password}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    res = office("list", "--json")
    assert res.exit_code == 0 and res.stdout.strip() == "[]", res.stderr


def _read_only_runner(folder: Path):
    """Run kpudesk in a subprocess that sees `folder` read-only: a read-only bind mount when root
    (in a private mount namespace), otherwise permissions 0555/0444. Skips when neither works."""
    import shutil
    import subprocess
    import sys

    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    if os.geteuid() == 0:
        if not shutil.which("unshare"):
            pytest.skip("root without unshare: cannot make a read-only folder")
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        prefix = ["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", str(folder)]
        probe = subprocess.run([*prefix, "true"], capture_output=True)
        if probe.returncode:
            pytest.skip(f"no private mount namespace here: {probe.stderr.decode().strip()}")
    else:
        prefix = []
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)

    def _run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*prefix, sys.executable, "-m", "kpudesk", *args], capture_output=True, text=True, env=env)

    return _run


@pytest.mark.sqlite_only
def test_a_read_only_store_still_answers_reading_commands(office, db_path):
    assert office(*request_args(received="2026-03-16 09:00")).exit_code == 0
    expected = office("list", "--json").stdout
    before = _digest(db_path)
    run_ro = _read_only_runner(db_path.parent)
    try:
        listed = run_ro("--db", str(db_path), "list", "--json")
        assert listed.returncode == 0, listed.stderr
        assert listed.stdout == expected
        late = run_ro("--db", str(db_path), "overdue", "--as-of", "2026-03-16", "--json")
        assert late.returncode == 0, late.stderr
        refused = run_ro("--db", str(db_path), *request_args(received="2026-03-17 09:00"))
        assert refused.returncode == 4, refused.stderr
        assert refused.stderr.count("\n") == 1 and "hanya-baca" in refused.stderr
    finally:
        db_path.parent.chmod(0o755)
    assert _digest(db_path) == before


DISK_FULL_DRIVER = """
import json, subprocess, sys
db, args = sys.argv[1], sys.argv[2:]
kpudesk = [sys.executable, "-m", "kpudesk", "--db", db]
for _ in range(20):
    full = subprocess.run([*kpudesk, *args], capture_output=True, text=True)
    if full.returncode:
        break
listed = subprocess.run([*kpudesk, "list", "--json", "--limit", "1000"], capture_output=True, text=True)
print(json.dumps({"code": full.returncode, "stderr": full.stderr, "list": listed.returncode,
                  "cases": len(json.loads(listed.stdout or "[]"))}))
"""


@pytest.mark.sqlite_only
def test_a_full_disk_is_named_and_reads_still_work(office, db_path):
    """The store on a tiny tmpfs (a private mount namespace, root only): registrations until the disk is full."""
    import shutil
    import subprocess
    import sys

    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("needs root and unshare to mount a small tmpfs")
    size = db_path.stat().st_size + 16 * 1024
    script = 'mount -t tmpfs -o size="$1" tmpfs "$2" && cp "$3" "$2/k.sqlite3" && shift 3 && exec "$@"'
    folder = db_path.parent / "kecil"
    folder.mkdir()
    cmd = ["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", str(size), str(folder), str(db_path),
           sys.executable, "-c", DISK_FULL_DRIVER, str(folder / "k.sqlite3"), *request_args(received="2026-03-16 09:00")]
    res = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    if res.returncode and "mount" in res.stderr:
        pytest.skip(f"no private mount namespace here: {res.stderr.strip()}")
    outcome = json.loads(res.stdout)
    assert outcome["code"] == 4, outcome
    assert outcome["stderr"].count("\n") == 1 and "disk penuh" in outcome["stderr"]
    assert outcome["list"] == 0 and outcome["cases"] >= 0  # the morning `list`/`overdue` still works


@pytest.mark.parametrize("value", ["sqlite:///tmp/k.db", "mysql://root@localhost/kpu"])
def test_an_unknown_url_scheme_is_bad_input(run, tmp_path, value):
    res = run("--db", value, "list")
    assert res.exit_code == 2 and "postgresql://" in res.stderr
    assert res.stderr.count("\n") == 1


def test_a_store_left_at_the_first_revision_is_upgraded_when_opened(store_location, store_db):
    """An older kpudesk's store (stamped 0001, with data) is brought to SCHEMA_HEAD on open, on either backend."""
    from alembic import command
    from sqlalchemy import create_engine

    from kpudesk.store import SCHEMA_HEAD, Store, alembic_config

    url = store_location if "://" in store_location else f"sqlite:///{store_location}"
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()
    store_db.execute("INSERT INTO setting (key, value, updated_at) VALUES ('office.code', 'LAMA', '2025-01-02 03:04:05+00:00')")
    Store(store_location, create=False).close()
    assert store_db.scalar("SELECT version_num FROM alembic_version") == SCHEMA_HEAD
    assert store_db.scalar("SELECT value FROM setting WHERE key = 'office.code'") == "LAMA"


def test_two_desks_setting_up_one_empty_store_at_once_both_succeed(store_location, store_db):
    """The schema is created once: the second desk waits for the first (advisory lock / BEGIN IMMEDIATE)."""
    import subprocess
    import sys

    from kpudesk.store import SCHEMA_HEAD

    args = [sys.executable, "-m", "kpudesk", "--db", store_location, *OFFICE_ARGS]
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0, 0], results
    assert store_db.scalar("SELECT version_num FROM alembic_version") == SCHEMA_HEAD
    assert store_db.count("alembic_version") == 1


def test_two_desks_extending_one_request_at_once_give_one_extension(office, store_location, store_db):
    """A rule checked then acted on (one extension only) holds with several desks on either backend."""
    import subprocess
    import sys

    assert office(*request_args(received="2026-03-16 09:00")).exit_code == 0
    args = [sys.executable, "-m", "kpudesk", "--db", store_location, "extend", "001/PPID/KPU-KAB.KPG/III/2026",
            "--reason", "Dokumen di arsip kabupaten", "--at", "2026-03-20 10:00"]
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    codes = sorted(p.wait(timeout=300) for p in procs)
    assert codes == [0, 1, 1, 1], [p.stderr.read() for p in procs]
    assert store_db.scalar("SELECT count(*) FROM event WHERE action = 'extended'") == 1
