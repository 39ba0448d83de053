"""The store: engine creation per backend, self-migration on open, one transaction per command.

A store is a SQLite file (WAL, foreign keys, busy timeout, BEGIN IMMEDIATE for writers, mode
0600) or a PostgreSQL database (psycopg 3, READ COMMITTED, a connect timeout). Opening a store
never writes to a database that is not kpudesk's: the file or server is looked at read-only
first. Only this module creates engines and runs Alembic.
"""

import contextvars
import os
import re
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import URL, event, inspect, make_url, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from kpudesk.errors import StoreError
from kpudesk.location import is_server_url, redact

# The newest Alembic revision this program knows. A test asserts it equals the scripts' head,
# so opening an up-to-date store never has to load Alembic at all.
SCHEMA_HEAD = "0005"
BUSY_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 10
WRITER_LOCK = 0x6B707577  # "kpuw": the advisory lock a writing transaction holds on PostgreSQL
# Tables every kpudesk store has; a database holding other tables but not these is not ours.
CORE_TABLES = frozenset({"alembic_version", "setting", "case", "event"})
_REVISION = re.compile(r"^\d{4}$")

_immediate: contextvars.ContextVar[bool] = contextvars.ContextVar("kpudesk_immediate", default=False)


def migrations_dir() -> Path:
    """Where the Alembic scripts are: inside the installed package, or at the repo top."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "migrations", here.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise StoreError("Skrip migrasi basis data tidak ditemukan; pasang ulang kpudesk.")


# What went wrong, in the officers' words, recognised from SQLite's messages and PostgreSQL's
# SQLSTATE codes; anything else is shown as the driver's first line.
_SQLITE_CAUSES = (
    ("database or disk is full", "disk penuh; kosongkan ruang disk lalu ulangi"),
    ("readonly", "basis data hanya-baca (read-only); perintah yang mengubah data tidak dapat dijalankan"),
    ("database is locked", "basis data sedang dikunci program lain; ulangi sebentar lagi"),
    ("disk i/o error", "kesalahan baca/tulis disk (disk I/O error)"),
    ("file is not a database", "bukan berkas basis data SQLite"),
    ("unable to open database", "berkas tidak dapat dibuka"),
)
_SQLSTATE_CAUSES = {
    "28P01": "kata sandi ditolak (atur PGPASSWORD atau ~/.pgpass)",
    "28000": "pengguna tidak diizinkan masuk",
    "3D000": "basis data tidak ada di server",
    "53100": "disk server penuh",
    "25006": "server hanya-baca (read-only)",
    "55P03": "data sedang dikunci desk lain; ulangi sebentar lagi",
    "40P01": "bentrok dengan desk lain (deadlock); ulangi",
    "57P01": "server sedang dimatikan",
    "42501": "pengguna tidak berhak atas tabel ini",
}
_CONNECT_CAUSES = (
    ("password authentication failed", "kata sandi ditolak (atur PGPASSWORD atau ~/.pgpass)"),
    ("no password supplied", "kata sandi tidak diberikan (atur PGPASSWORD atau ~/.pgpass)"),
    ("does not exist", "basis data atau pengguna tidak ada di server"),
    ("connection refused", "server tidak dapat dihubungi (koneksi ditolak; apakah server berjalan?)"),
    ("timeout expired", "server tidak menjawab (batas waktu koneksi habis)"),
    ("could not translate host name", "nama host server tidak dikenal"),
)


def describe(exc: BaseException | None) -> str:
    """One line saying what a database error means: disk full, read-only, locked, refused, …"""
    message = " ".join(str(exc).split()) if exc is not None else ""
    sqlstate = getattr(exc, "sqlstate", None)
    if sqlstate in _SQLSTATE_CAUSES:
        return _SQLSTATE_CAUSES[sqlstate]
    lowered = message.lower()
    for needle, cause in (*_SQLITE_CAUSES, *_CONNECT_CAUSES):
        if needle in lowered:
            return cause
    first = str(exc).strip().splitlines()[0] if message else type(exc).__name__
    return first[:300]


def _create_private_file(path: Path) -> bool:
    """Create an empty database file readable only by its owner; returns False when it existed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def _is_read_only(path: Path) -> bool:
    """True when this process cannot write the file or create its WAL beside it."""
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def _has_wal_data(path: Path) -> bool:
    """True when the file's write-ahead log holds pages not yet in the file itself."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _read_only_uri(path: Path, immutable: bool = False) -> str:
    """A SQLite URI opening `path` read-only (immutable when nothing beside it can be written)."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    if immutable or (not os.access(path.parent, os.W_OK) and not _has_wal_data(path)):
        # A read-only folder or a full disk: SQLite could not create the -shm index beside the file.
        uri += "&immutable=1"
    return uri


def _disk_full(path: Path) -> bool:
    """True when the file's disk has (almost) no room left: not even for SQLite's -shm index."""
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def _inspect_file(path: Path, immutable: bool = False) -> tuple[set[str], str | None]:
    """The table names and Alembic revision of a SQLite file, read without writing anything."""
    try:
        conn = sqlite3.connect(_read_only_uri(path, immutable), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            return tables, _revision_of(conn, tables)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(f"Berkas {path} tidak dapat dibaca sebagai basis data kpudesk ({describe(exc)}).") from exc


def _revision_of(conn: object, tables: set[str]) -> str | None:
    """The stamped revision, '' when the table is empty, None when there is no alembic_version."""
    if "alembic_version" not in tables:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()  # type: ignore[attr-defined]
    return str(row[0]) if row else ""


def _install_pragmas(engine: Engine, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Autocommit at the driver level: SQLAlchemy's "begin" hook below issues BEGIN itself,
        # so a writing command can take the write lock up front (BEGIN IMMEDIATE) and never
        # fail on a lock upgrade while another desk writes.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if _immediate.get() else "BEGIN")


class Store:
    """One store (SQLite file or PostgreSQL database): checked, migrated to head, handing out transactions."""

    def __init__(self, location: str | Path, *, create: bool = True, migrate: bool = True) -> None:
        self.location = str(location)
        self.name = redact(self.location)  # what messages show: never a password
        self.is_server = is_server_url(self.location)
        self.read_only = False
        self.created_file = False
        self.write_block = ""  # why this store cannot be written now (set when opened on a full disk)
        if self.is_server:
            self.engine = _server_engine(self.location)
            self.tables, self.revision = self._inspect_server()
        else:
            self.tables, self.revision = self._open_file(create)
            self._wait_while_created_elsewhere()
        if migrate:
            self._check_and_migrate(self.tables, self.revision, create)

    @property
    def path(self) -> Path:
        """The SQLite file (file stores only)."""
        return Path(self.location)

    def _wait_while_created_elsewhere(self) -> None:
        """Another desk may be creating this very file (SQLite creates tables one by one, so a half
        made kpudesk schema can be seen): wait for it to finish, up to the busy timeout, rather than
        take a store being born for a foreign database."""
        from sqlmodel import SQLModel

        import kpudesk.models  # noqa: F401  (the tables kpudesk makes)

        ours = set(SQLModel.metadata.tables) | {"alembic_version"}
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while (self.tables and self.tables <= ours and self.revision != SCHEMA_HEAD
               and (not CORE_TABLES <= self.tables or self.revision is None) and time.monotonic() < deadline):
            time.sleep(0.2)
            self.tables, self.revision = _inspect_file(self.path)

    def _open_file(self, create: bool) -> tuple[set[str], str | None]:
        """Create the file if allowed, look at it read-only, then build its engine; returns its tables."""
        path = self.path
        if path.is_dir():
            raise StoreError(f"{path} adalah folder, bukan berkas basis data.")
        if not create and not path.exists():
            raise StoreError(f"Basis data {path} belum ada; buat dengan: kpudesk init (atau pilih berkas lain dengan --db).")
        try:
            self.created_file = _create_private_file(path)
        except OSError as exc:
            raise StoreError(f"Tidak dapat membuat basis data {path}: {exc.strerror}.") from exc
        self.read_only = _is_read_only(path)
        try:
            tables, revision = _inspect_file(path)
        except StoreError:
            if not _disk_full(path) or _has_wal_data(path):
                raise
            # The disk is full: reading is still possible without the -shm index; writing is not.
            tables, revision = _inspect_file(path, immutable=True)
            self.read_only, self.write_block = True, "disk penuh; kosongkan ruang disk lalu ulangi"
        self.engine = _file_engine(path, self.read_only, immutable=bool(self.write_block))
        return tables, revision

    def _inspect_server(self) -> tuple[set[str], str | None]:
        """The table names and Alembic revision of the server database (read-only queries)."""
        try:
            with self.engine.connect() as conn:
                tables = set(inspect(conn).get_table_names())
                return tables, _server_revision(conn, tables)
        except DBAPIError as exc:
            raise StoreError(f"Basis data {self.name} tidak dapat dibuka: {describe(exc.orig)}.") from exc

    def _check_and_migrate(self, tables: set[str], revision: str | None, create: bool) -> None:
        """Refuse what is not ours or newer; create the schema in an empty store when allowed; upgrade."""
        if not tables:
            if not create:
                raise StoreError(f"Basis data {self.name} kosong dan belum diatur; jalankan dulu: kpudesk init.")
            self._make_private()
        elif not CORE_TABLES <= tables:
            raise StoreError(f"{self.name} bukan basis data kpudesk (berisi tabel lain); tidak ada yang diubah. "
                             "Pilih basis data lain dengan --db.")
        elif revision == SCHEMA_HEAD:
            return
        elif revision is not None and _REVISION.match(revision) and revision > SCHEMA_HEAD:
            raise StoreError(f"Basis data {self.name} dibuat oleh versi kpudesk yang lebih baru (revisi {revision}); perbarui kpudesk.")
        elif revision is None or revision not in known_revisions():
            raise StoreError(f"Basis data {self.name} mencatat revisi skema '{revision or ''}' yang tidak dikenal dan tidak dapat "
                             "dimutakhirkan; berkas rusak atau bukan basis data kpudesk (pulihkan dari cadangan: kpudesk restore).")
        if self.read_only:
            raise StoreError(f"Basis data {self.name} hanya-baca dan perlu dimutakhirkan; buka sekali dengan hak tulis.")
        upgrade_to_head(self.engine, self.name)

    def _make_private(self) -> None:
        """An empty file adopted by `init` holds personal data from now on: owner-only mode."""
        if self.is_server:
            return
        try:
            os.chmod(self.path, 0o600)
        except OSError as exc:
            raise StoreError(f"Tidak dapat membatasi izin berkas {self.path}: {exc.strerror}.") from exc

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """One transaction: commits once at the end, rolls back on any error."""
        if write and self.write_block:
            raise StoreError(f"Basis data {self.name} tidak dapat ditulis: {self.write_block}.")
        token = _immediate.set(write)
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                try:
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
        except DBAPIError as exc:
            raise StoreError(f"Basis data {self.name}: {describe(exc.orig)}.") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"Kesalahan basis data pada {self.name}: {describe(exc)}.") from exc
        finally:
            _immediate.reset(token)

    @contextmanager
    def connection(self, write: bool = False) -> Iterator[Connection]:
        """A Core connection in one transaction (a consistent snapshot when reading); commits at the end."""
        token = _immediate.set(write)
        try:
            with self.engine.connect() as conn:
                if self.is_server and not write:
                    conn = conn.execution_options(isolation_level="REPEATABLE READ")
                with conn.begin():
                    yield conn
        except DBAPIError as exc:
            raise StoreError(f"Basis data {self.name}: {describe(exc.orig)}.") from exc
        finally:
            _immediate.reset(token)

    def create_schema_in(self, conn: Connection) -> None:
        """Create the schema inside `conn`'s open transaction, so that a rollback takes it back too."""
        from alembic import command

        config = alembic_config(self.engine)
        config.attributes["connection"] = conn
        command.upgrade(config, "head")

    def discard_created_file(self) -> None:
        """Remove the file this Store created (after a failed copy into it): nothing is left behind."""
        self.close()
        if self.created_file:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(self.location + suffix).unlink(missing_ok=True)

    def close(self) -> None:
        """Return connections to the pool; the engine is kept for the next command in this process."""
        self.engine.pool.dispose()


def _server_revision(conn, tables: set[str]) -> str | None:  # type: ignore[no-untyped-def]
    """The stamped revision of a server database, as `_revision_of` reads it from a file."""
    if "alembic_version" not in tables:
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else ""


# One engine per store and process: commands run in-process one after another (sample load, the
# tests) then reuse its compiled-statement cache instead of rebuilding it each time (3× faster).
_ENGINES: dict[tuple[str, bool, bool], Engine] = {}


def _file_engine(path: Path, read_only: bool, immutable: bool = False) -> Engine:
    """The engine of a SQLite file; the file name is passed literally, never parsed as a URL."""
    key = (str(path.resolve()), read_only, immutable)
    if key not in _ENGINES:
        if read_only:
            url = URL.create("sqlite", database=_read_only_uri(path, immutable), query={"uri": "true"})
        else:
            url = URL.create("sqlite", database=key[0])
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _install_pragmas(engine, read_only)
        _ENGINES[key] = engine
    return _ENGINES[key]


def _server_engine(location: str) -> Engine:
    """The engine of a PostgreSQL database (psycopg 3); the password comes from the URL, PGPASSWORD or ~/.pgpass."""
    key = (location, False, False)
    if key not in _ENGINES:
        try:
            url = make_url(location).set(drivername="postgresql+psycopg")
        except Exception as exc:  # noqa: BLE001 - any malformed URL is the user's input
            raise StoreError(f"Alamat basis data {redact(location)} tidak valid: {exc}.") from exc
        engine = create_engine(
            url, isolation_level="READ COMMITTED", pool_pre_ping=False,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "kpudesk"},
        )
        _install_writer_lock(engine)
        _ENGINES[key] = engine
    return _ENGINES[key]


def _install_writer_lock(engine: Engine) -> None:
    """Writing transactions on the server take one advisory lock first: PostgreSQL's BEGIN IMMEDIATE.

    The services check a rule and then act on it (a request not yet decided, one extension only,
    a setting not yet there); under READ COMMITTED two desks could both pass the check. Writers
    therefore take turns, as on SQLite, held only for the few milliseconds of one command; readers
    never wait. Registration counters are bumped with an atomic upsert besides.
    """

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        if _immediate.get():
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


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


def upgrade_to_head(engine: Engine, name: str = "") -> None:
    """Apply every pending revision in one write transaction (safe with several desks)."""
    from alembic import command
    from alembic.util import CommandError

    token = _immediate.set(True)
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    try:
        while True:
            try:
                command.upgrade(alembic_config(engine), "head")
                break
            except OperationalError as exc:
                # Two desks opening a new file at once: SQLite may answer "locked" at once instead of
                # waiting (switching the new file to WAL). Upgrading again is safe: Alembic reads the
                # revision the other desk reached and applies only what is still missing.
                if "locked" not in str(exc.orig).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    except DBAPIError as exc:
        raise StoreError(f"Migrasi basis data {name} gagal: {describe(exc.orig)}.") from exc
    except CommandError as exc:
        raise StoreError(f"Basis data {name} tidak dapat dimutakhirkan: {describe(exc)}.") from exc
    finally:
        _immediate.reset(token)
