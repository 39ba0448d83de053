"""The store: engine creation, SQLite pragmas, self-migration on open, one transaction per command.

Only this module creates engines and runs Alembic.
"""

import contextvars
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from kpudesk.errors import StoreError

# The newest Alembic revision this program knows. A test asserts it equals the scripts' head,
# so opening an up-to-date store never has to load Alembic at all.
SCHEMA_HEAD = "0003"
BUSY_TIMEOUT_MS = 30_000

_immediate: contextvars.ContextVar[bool] = contextvars.ContextVar("kpudesk_immediate", default=False)


def migrations_dir() -> Path:
    """Where the Alembic scripts are: inside the installed package, or at the repo top."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "migrations", here.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise StoreError("Skrip migrasi basis data tidak ditemukan; pasang ulang kpudesk.")


def _create_private_file(path: Path) -> None:
    """Create an empty database file readable only by its owner (it holds personal data)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _install_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Autocommit at the driver level: SQLAlchemy's "begin" hook below issues BEGIN itself,
        # so a writing command can take the write lock up front (BEGIN IMMEDIATE) and never
        # fail on a lock upgrade while another desk writes.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if _immediate.get() else "BEGIN")


class Store:
    """One database file: opened, migrated to head, handing out transactions."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{self.path} adalah folder, bukan berkas basis data.")
        if not create and not self.path.exists():
            raise StoreError(f"Basis data {self.path} belum ada; buat dengan: kpudesk init (atau pilih berkas lain dengan --db).")
        try:
            _create_private_file(self.path)
        except OSError as exc:
            raise StoreError(f"Tidak dapat membuat basis data {self.path}: {exc.strerror}.") from exc
        self.engine = _engine_for(self.path)
        self._migrate()  # checked on every open: another program may have changed the file

    def _current_revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                has_table = conn.execute(
                    text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
                ).first()
                if not has_table:
                    return None
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError as exc:
            raise StoreError(f"Berkas {self.path} tidak dapat dibaca sebagai basis data kpudesk ({exc.orig}).") from exc

    def _migrate(self) -> None:
        current = self._current_revision()
        if current == SCHEMA_HEAD:
            return
        if current is not None and current > SCHEMA_HEAD:
            raise StoreError(
                f"Basis data {self.path} dibuat oleh versi kpudesk yang lebih baru (revisi {current}); perbarui kpudesk."
            )
        if current is not None and current not in known_revisions():
            raise StoreError(f"Basis data {self.path} mencatat revisi skema '{current}' yang tidak dikenal kpudesk; "
                             "berkas ini rusak atau bukan buatan kpudesk (pulihkan dari cadangan: kpudesk restore).")
        upgrade_to_head(self.engine)

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """One transaction: commits once at the end, rolls back on any error."""
        token = _immediate.set(write)
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                try:
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
        except OperationalError as exc:
            raise StoreError(f"Basis data {self.path} tidak dapat ditulis: {exc.orig}.") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"Kesalahan basis data pada {self.path}: {exc}.") from exc
        finally:
            _immediate.reset(token)

    def close(self) -> None:
        """Return connections to the pool; the engine is kept for the next command in this process."""
        self.engine.pool.dispose()


# One engine per file and process: commands run in-process one after another (sample load, the
# tests) then reuse its compiled-statement cache instead of rebuilding it each time (3× faster).
_ENGINES: dict[Path, Engine] = {}


def _engine_for(path: Path) -> Engine:
    key = path.resolve()
    if key not in _ENGINES:
        engine = create_engine(f"sqlite:///{key}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _install_pragmas(engine)
        _ENGINES[key] = engine
    return _ENGINES[key]


def alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    """An Alembic Config that runs the packaged scripts against `engine`."""
    from alembic.config import Config

    # Alembic's default stdout is bound when alembic is first imported; under a test runner that
    # stream may be closed later, so hand it the current one each time.
    config = Config(stdout=sys.stdout)
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["engine"] = engine
    return config


def known_revisions() -> set[str]:
    """Every revision id of the packaged Alembic scripts."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory(str(migrations_dir())).walk_revisions()}


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending revision in one write transaction (safe with several desks)."""
    from alembic import command

    token = _immediate.set(True)
    try:
        command.upgrade(alembic_config(engine), "head")
    except OperationalError as exc:
        raise StoreError(f"Migrasi basis data gagal: {exc.orig}.") from exc
    finally:
        _immediate.reset(token)
