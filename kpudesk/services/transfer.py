"""`kpudesk db copy`: a whole store into an empty one (SQLite ⇄ PostgreSQL), all or nothing.

The rows are read from one snapshot of the source and written in one transaction on the target,
schema included; the rows per table are counted on both sides before the commit, and any
difference, error or non-empty target leaves the target as it was.
"""

import time
from dataclasses import dataclass, field

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import kpudesk.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from kpudesk.errors import Refused, StoreError
from kpudesk.store import CORE_TABLES, SCHEMA_HEAD, Store

BATCH = 5_000


@dataclass
class CopyReport:
    """What a copy moved: rows per table (equal on both sides) and the wall time."""

    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        """The report as JSON-ready data."""
        return {"source": self.source, "target": self.target, "rows": self.rows,
                "total": sum(self.rows.values()), "seconds": round(self.seconds, 2)}


def tables() -> list[Table]:
    """kpudesk's tables, parents before children (the order rows can be inserted in)."""
    return list(SQLModel.metadata.sorted_tables)


def copy_between(source_location: str, target_location: str) -> CopyReport:
    """Open the configured store and the (empty) target, copy, close both; returns the counts."""
    source = Store(source_location, create=False)
    try:
        target = Store(target_location, create=True, migrate=False)
        try:
            return copy_store(source, target)
        finally:
            target.close()
    finally:
        source.close()


def copy_store(source: Store, target: Store) -> CopyReport:
    """Copy every row of `source` into the empty `target`; returns the counts (equal on both sides)."""
    report = CopyReport(source.name, target.name)
    started = time.perf_counter()
    if source.location == target.location:
        raise Refused("Sumber dan tujuan salinan adalah basis data yang sama.")
    _refuse_foreign_target(target)  # before connecting: a connection may already write (SQLite's WAL switch)
    try:
        with source.connection() as src, target.connection(write=True) as dst:
            _prepare_target(target, dst)
            for table in tables():
                report.rows[table.name] = _copy_table(table, src, dst)
            _reset_sequences(dst)
            _compare_counts(report.rows, src, dst)
    except BaseException:
        target.discard_created_file()
        raise
    report.seconds = time.perf_counter() - started
    return report


def _refuse_foreign_target(target: Store) -> None:
    """A target holding tables that are not a kpudesk schema at head is refused untouched."""
    if target.tables and (not CORE_TABLES <= target.tables or target.revision != SCHEMA_HEAD):
        raise Refused(f"Tujuan {target.name} bukan basis data kosong; salinan hanya ditulis ke basis data kosong.")


def _prepare_target(target: Store, dst: Connection) -> None:
    """Refuse a target that holds anything; create the schema (in this transaction) in an empty one."""
    if not target.tables:
        target.create_schema_in(dst)
        return
    # The audit chain's head row exists from the schema's creation on; it is replaced by the source's.
    filled = [t.name for t in tables() if t.name != "audit_head" and dst.execute(select(func.count()).select_from(t)).scalar()]
    if filled:
        raise Refused(f"Tujuan {target.name} sudah berisi data (tabel {', '.join(filled)}); "
                      "salinan hanya ditulis ke basis data kosong.")


def _copy_table(table: Table, src: Connection, dst: Connection) -> int:
    """Every row of `table` in primary-key order (parents first), in batches; returns how many."""
    if table.name == "audit_head":  # the empty chain's head that creating the schema wrote
        dst.execute(table.delete())
    result = src.execution_options(yield_per=BATCH).execute(select(table).order_by(*table.primary_key.columns))
    copied = 0
    for batch in result.mappings().partitions(BATCH):
        dst.execute(insert(table), [dict(row) for row in batch])
        copied += len(batch)
    return copied


def _reset_sequences(dst: Connection) -> None:
    """On PostgreSQL, move each serial id's sequence past the copied ids (SQLite needs nothing)."""
    if dst.dialect.name != "postgresql":
        return
    for table in tables():
        if "id" in table.primary_key.columns:
            dst.execute(text(f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                             f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM \"{table.name}\""))


def _compare_counts(copied: dict[str, int], src: Connection, dst: Connection) -> None:
    """Count every table on both sides (the source in its snapshot); any difference aborts the copy."""
    for table in tables():
        counted = select(func.count()).select_from(table)
        found = (src.execute(counted).scalar_one(), copied[table.name], dst.execute(counted).scalar_one())
        if len(set(found)) != 1:
            raise StoreError(f"Jumlah baris tabel {table.name} berbeda (sumber {found[0]}, disalin {found[1]}, "
                             f"tujuan {found[2]}); salinan dibatalkan, tujuan tidak diubah.")
