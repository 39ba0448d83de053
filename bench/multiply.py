"""Make a big store quickly from a generated one: copy every case (with its details, deadlines,
dispositions, expedition entries and events) N-1 more times, then let migration 0003 build the
audit chain and the case states over the whole store, as it does for any existing store.

bench/generate.py goes through the real services and takes hours for 100,000 requests on a busy
2-core machine; this turns its 20,000 into 100,000 in about a minute, for timing `kpudesk verify`:

    python bench/generate.py --db /tmp/kpb/20k.sqlite3 -n 20000
    python bench/multiply.py /tmp/kpb/20k.sqlite3 /tmp/kpb/100k.sqlite3 --times 5
    time kpudesk --db /tmp/kpb/100k.sqlite3 verify

Copies keep their dates; their numbers get a '/Rk' suffix and their sequence numbers a k·1,000,000
offset, so every UNIQUE constraint still holds.
"""

import argparse
import sqlite3
import sys
import time
from pathlib import Path

# table → (its id column, {column: the table its ids point into})
TABLES = {
    "case": ("id", {"id": "case", "parent_id": "case"}),
    "request_detail": ("case_id", {"case_id": "case", "exemption_case_id": "case", "expedition_id": "expedition"}),
    "objection_detail": ("case_id", {"case_id": "case", "request_case_id": "case"}),
    "exemption_detail": ("case_id", {"case_id": "case", "request_case_id": "case"}),
    "expedition": ("id", {"id": "expedition", "case_id": "case"}),
    "disposition": ("id", {"id": "disposition", "case_id": "case", "parent_id": "disposition"}),
    "deadline": ("id", {"id": "deadline", "case_id": "case", "disposition_id": "disposition"}),
    "event": ("id", {"id": "event", "case_id": "case", "expedition_id": "expedition"}),
}
SEQ_OFFSET = 1_000_000


def column_expression(table: str, column: str, k: int, tops: dict[str, int]) -> str:
    """The SELECT expression that makes copy k's value of one column."""
    points_to = TABLES[table][1].get(column)
    if points_to:
        return f'"{column}" + {k * tops[points_to]}'
    if column == "number":
        return f"\"number\" || '/R{k}'"
    if column == "seq":
        return f'"seq" + {k * SEQ_OFFSET}'
    return f'"{column}"'


def multiply(conn: sqlite3.Connection, times: int) -> None:
    """Insert copies 1..times-1 of every original row (the rows present before the first copy)."""
    tops = {name: conn.execute(f'SELECT coalesce(max("{key}"), 0) FROM "{name}"').fetchone()[0]
            for name, (key, _) in TABLES.items()}
    tops = {name: tops[name] for name in ("case", "expedition", "disposition", "deadline", "event")}
    for k in range(1, times):
        for table, (key, _) in TABLES.items():
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            exprs = ", ".join(column_expression(table, c, k, tops) for c in columns)
            names = ", ".join(f'"{c}"' for c in columns)
            limit = tops["case"] if key == "case_id" else tops[table]
            conn.execute(f'INSERT INTO "{table}" ({names}) SELECT {exprs} FROM "{table}" WHERE "{key}" <= {limit}')


def rechain(path: Path) -> None:
    """Undo revision 0003 and apply it again: the chain and the case states over every row."""
    from alembic import command

    from kpudesk.store import Store, alembic_config

    store = Store(path, create=False)
    command.downgrade(alembic_config(store.engine), "0001")
    store.engine.dispose()
    Store(path, create=False).engine.dispose()  # opening upgrades to head


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--times", type=int, default=5)
    args = parser.parse_args()
    if args.target.exists():
        sys.exit(f"multiply: {args.target} sudah ada.")
    started = time.perf_counter()
    with sqlite3.connect(args.source) as src, sqlite3.connect(args.target) as dst:
        src.backup(dst)
    conn = sqlite3.connect(args.target)
    with conn:
        multiply(conn, args.times)
    cases = conn.execute('SELECT count(*) FROM "case" WHERE kind = \'request\'').fetchone()[0]
    conn.close()
    copied = time.perf_counter()
    rechain(args.target)
    print(f"multiply: {args.target}: {cases} permohonan; salin {copied - started:.1f} s, "
          f"rantai audit {time.perf_counter() - copied:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
