"""`kpudesk backup` and `kpudesk restore` for a SQLite store: consistent copies, checked before use.

A backup is taken with SQLite's online backup API: one consistent snapshot while other desks keep
writing (WAL). The copy is written to a temporary file beside the target, made self-contained
(journal mode DELETE), checked (PRAGMA integrity_check and the audit chain), and only then renamed
into place, owner-only (0600). A restore checks the backup the same way on a working copy first,
keeps the store it replaces as FILE.replaced-TIMESTAMP, and copies the backup in with the same API,
so desks that still hold the file open see the restored content, never half of it.
"""

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kpudesk.errors import InvalidInput, Refused, StoreError
from kpudesk.services.audit import AuditReport

BUSY_TIMEOUT_S = 30


@dataclass
class CopyReport:
    """What a backup or restore wrote and what the check of it found."""

    path: Path
    audit: AuditReport
    replaced: Path | None = None

    def as_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "replaced": str(self.replaced) if self.replaced else None, **self.audit.as_dict()}


def default_backup_path(db: Path, now: datetime) -> Path:
    """'kpudesk-20261123T173000Z.sqlite3' style, beside the store (UTC, so names sort in time); a second
    backup within the same second gets '-2', '-3', … rather than being refused."""
    suffix = db.suffix or ".sqlite3"
    path = db.with_name(f"{db.stem}-{now:%Y%m%dT%H%M%SZ}{suffix}")
    serial = 2
    while path.exists():
        path = db.with_name(f"{db.stem}-{now:%Y%m%dT%H%M%SZ}-{serial}{suffix}")
        serial += 1
    return path


def backup_store(db: Path, target: Path | None, now: datetime) -> CopyReport:
    """Copy the live store `db` to `target` (default: timestamped beside it); returns the check of the copy."""
    if not db.is_file():
        raise StoreError(f"Basis data {db} tidak ada; tidak ada yang dicadangkan.")
    target = target or default_backup_path(db, now)
    _check_new_file(target)
    temp = _temp_beside(target)
    try:
        copy_database(db, temp)
        audit = check_copy(temp)
        _self_contained(temp)
        os.replace(temp, target)
    finally:
        _remove(temp)
    return CopyReport(target, audit)


def restore_store(backup: Path, db: Path, *, force: bool, now: datetime) -> CopyReport:
    """Replace `db` with `backup` after checking the backup (integrity and audit chain); the replaced
    store is kept as DB.replaced-TIMESTAMP. Returns the check of the restored store."""
    if not backup.is_file():
        raise InvalidInput(f"Berkas cadangan {backup} tidak ada (atau bukan berkas).")
    if db.exists() and not force:
        raise Refused(f"Basis data {db} sudah ada; tambahkan --force untuk menggantinya "
                      "(yang lama disimpan di sampingnya sebagai .replaced-WAKTU).")
    temp = _temp_beside(db)
    try:
        copy_database(backup, temp)  # opened and upgraded here, never in the officer's backup file
        audit = check_copy(temp)
        if not audit.is_whole:
            first = audit.problems[0]
            raise Refused(f"Cadangan {backup} tidak dipulihkan: jejak auditnya rusak ({first.what}).")
        replaced = _set_aside(db, now) if db.exists() else None
        copy_database(temp, db, into_live=replaced is not None)
    finally:
        _remove(temp)
    return CopyReport(db, audit, replaced)


def copy_database(source: Path, target: Path, *, into_live: bool = False) -> None:
    """Copy `source` into `target` with the online backup API (into the live store's own file when
    `into_live`, else into a new owner-only file). Raises StoreError when it is not a SQLite database."""
    if not into_live:
        _create_private(target)
    try:
        src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
        dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"Tidak dapat menyalin {source} ke {target}: {exc}.") from exc


def check_copy(path: Path) -> AuditReport:
    """PRAGMA integrity_check, then the audit chain, of a copy; raises StoreError when it is damaged."""
    from kpudesk.services.audit import verify_store
    from kpudesk.store import Store

    with sqlite3.connect(path) as conn:
        verdict = conn.execute("PRAGMA integrity_check").fetchall()
    conn.close()
    if verdict != [("ok",)]:
        raise StoreError(f"Salinan {path} rusak menurut integrity_check: {verdict[0][0]}.")
    store = Store(path, create=False)
    try:
        with store.session() as session:
            return verify_store(session)
    finally:
        store.engine.dispose()


def _self_contained(path: Path) -> None:
    """Leave the copy as one file (journal mode DELETE): it can be moved or mailed alone."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def _check_new_file(target: Path) -> None:
    if target.exists():
        raise InvalidInput(f"Berkas {target} sudah ada; pilih nama lain (cadangan tidak pernah menimpa).")
    if not target.parent.is_dir():
        raise InvalidInput(f"Folder {target.parent} tidak ada; buat dahulu atau pilih berkas lain.")


def _temp_beside(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _create_private(path: Path) -> None:
    """An empty file readable only by its owner (the store holds personal data)."""
    _remove(path)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _set_aside(db: Path, now: datetime) -> Path:
    """A consistent copy of the store about to be replaced: DB.replaced-TIMESTAMP (0600)."""
    aside = db.with_name(f"{db.name}.replaced-{now:%Y%m%dT%H%M%SZ}")
    copy_database(db, aside)
    _self_contained(aside)
    return aside


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
