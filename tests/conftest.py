"""Shared fixtures: every test runs the real CLI in-process against its own temporary database.

Store-touching tests (those using `run`, `office` or `store_db`) run on SQLite always and, when
KPUDESK_TEST_PG names a PostgreSQL server (postgresql://user:pass@host:port/db), on PostgreSQL
too, each in a fresh empty database created for the test and dropped after it. Tests asking for
`db_path` (the SQLite file itself) or marked `sqlite_only` run on SQLite only.
"""

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kpudesk.cli.app import app

OFFICE_ARGS = ["init", "--office", "KPU Kabupaten Kupang", "--code", "KPU-KAB.KPG", "--tz", "WITA"]

# A complete, valid request form; tests override single options.
REQUEST_ARGS = {
    "--name": "Maria Bria",
    "--address": "Jl. Timor Raya KM 36, Oelamasi",
    "--phone": "081234567890",
    "--id-number": "5301014501900001",
    "--info": "Salinan SK penetapan DPT Pemilu 2024",
    "--purpose": "Penelitian skripsi",
}


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


PG_URL = os.environ.get("KPUDESK_TEST_PG", "")
# Test databases sort text the way an Indonesian server would (ICU id-ID), not byte by byte, so a
# query whose order depends on the server's collation shows up here.
PG_DB_OPTIONS = "ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'id-ID' LOCALE 'C.UTF-8'"
STORE_FIXTURES = {"run", "office", "store_db", "store_location"}
_PG_NAMES = itertools.count(1)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: a test of the SQLite file itself (mode, WAL, wheel)")
    config.addinivalue_line("markers", "postgresql_only: a test of the server backend (skipped without KPUDESK_TEST_PG)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every store-touching test on PostgreSQL as well when KPUDESK_TEST_PG is set."""
    names = set(metafunc.fixturenames)
    if not PG_URL or "db_path" in names or not names & STORE_FIXTURES:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    if metafunc.definition.get_closest_marker("postgresql_only"):
        metafunc.parametrize("backend", ["postgresql"], indirect=True)
        return
    metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """'sqlite' or 'postgresql': the store this test runs against."""
    if request.node.get_closest_marker("postgresql_only") and not PG_URL:
        pytest.skip("KPUDESK_TEST_PG is not set")
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Any]:
    """An autocommit connection to KPUDESK_TEST_PG, to create and drop one database per test."""
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        yield conn


_PG_OPTIONS_OK: list[bool] = []


def _create_database(admin: Any, name: str) -> None:
    """CREATE DATABASE with the id-ID ICU collation, or the server's default where ICU is missing."""
    import psycopg

    if _PG_OPTIONS_OK != [False]:
        try:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 STRATEGY FILE_COPY {PG_DB_OPTIONS}')
            _PG_OPTIONS_OK[:] = [True]
            return
        except psycopg.Error:
            if _PG_OPTIONS_OK:
                raise
            _PG_OPTIONS_OK[:] = [False]
    admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')


def _fresh_pg_database(request: pytest.FixtureRequest) -> str:
    """CREATE an empty database for this test (dropped after it); returns its URL."""
    from sqlalchemy import make_url

    admin = request.getfixturevalue("pg_admin")
    name = f"kpudesk_test_{os.getpid()}_{next(_PG_NAMES)}"
    _create_database(admin, name)
    request.addfinalizer(lambda: admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def empty_pg_url(request: pytest.FixtureRequest) -> str:
    """A second, empty PostgreSQL database for this test (skips without KPUDESK_TEST_PG)."""
    if not PG_URL:
        pytest.skip("KPUDESK_TEST_PG is not set")
    return _fresh_pg_database(request)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str, request: pytest.FixtureRequest) -> str | Path:
    """Point every kpudesk path at a temp dir (or a fresh server database): never the user's.

    Returns the store's location: the SQLite file's Path, or the PostgreSQL URL.
    """
    db: str | Path = tmp_path / "kpudesk.sqlite3"
    if backend == "postgresql":
        db = _fresh_pg_database(request)
    monkeypatch.setenv("KPUDESK_DB", str(db))
    monkeypatch.setenv("KPUDESK_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("KPUDESK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KPUDESK_OFFICER", "Petugas Uji")  # every change names who made it
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    return db


@pytest.fixture
def db_path(isolated_env: Path) -> Path:
    """The SQLite file of this test (asking for it keeps the test on SQLite)."""
    return isolated_env


@pytest.fixture
def store_location(isolated_env: str | Path) -> str:
    """This test's store as --db takes it: a file path or a PostgreSQL URL."""
    return str(isolated_env)


class StoreProbe:
    """Plain SQL on this test's store, for checking what was (not) written; on either backend."""

    def __init__(self, location: str) -> None:
        from sqlalchemy import create_engine

        url = location if "://" in location else f"sqlite:///{location}"
        self.location = location
        self.engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))

    def scalar(self, sql: str) -> Any:
        """The first column of the first row of `sql`."""
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return conn.execute(text(sql)).scalar()

    def execute(self, sql: str) -> None:
        """Run one statement and commit it (as another program would)."""
        from sqlalchemy import text

        with self.engine.begin() as conn:
            conn.execute(text(sql))

    def tables(self) -> set[str]:
        """The table names in the store."""
        from sqlalchemy import inspect

        with self.engine.connect() as conn:
            return set(inspect(conn).get_table_names())

    def count(self, table: str) -> int:
        """Rows in `table`."""
        return int(self.scalar(f'SELECT count(*) FROM "{table}"'))


@pytest.fixture
def store_db(store_location: str) -> Iterator[StoreProbe]:
    """A probe on this test's store (either backend)."""
    probe = StoreProbe(store_location)
    yield probe
    probe.engine.dispose()


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run `kpudesk ARGS…` in-process; stdout and stderr are kept apart."""
    runner = CliRunner()

    def _run(*args: str, input: str | None = None) -> Result:
        res = runner.invoke(app, [str(a) for a in args], input=input)
        return Result(res.exit_code, res.stdout, res.stderr)

    return _run


@pytest.fixture
def office(run: Callable[..., Result]) -> Callable[..., Result]:
    """An initialised office (KPU Kabupaten Kupang, WITA); returns the runner."""
    res = run(*OFFICE_ARGS)
    assert res.exit_code == 0, res.stderr
    return run


def request_args(**overrides: str | None) -> list[str]:
    """`register request` options: the valid form with overrides (None drops an option)."""
    values = {**REQUEST_ARGS, **{f"--{k.replace('_', '-')}": v for k, v in overrides.items()}}
    args = ["register", "request"]
    for flag, value in values.items():
        if value is True:
            args.append(flag)
        elif value is not None:
            args += [flag, value]
    return args
