"""Tamper with copies of a store, one row at a time, and count how many tampers `verify` catches.

Each round copies the loaded store, changes or deletes ONE random row of `event`, `case` or
`deadline` with plain SQL (as someone with the file and the sqlite3 shell would), and runs the
verify service on the copy. Every tamper must be caught.

    python bench/tamper.py                      # the demo office (kpudesk sample load), 1,000 tampers
    python bench/tamper.py --rounds 200 --seed 3

Measured on the 2-core shared build machine (2026-11-23): see bench/README.md.
"""

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

TABLES = ("event", "case", "deadline")


def changed(value: object, declared: str, column: str, top: int) -> object:
    """A different value of the same kind: numbers +1, dates a day later, text with a letter more."""
    kind = declared.upper()
    if column == "id":
        return top + 1000
    if "BOOL" in kind:
        return 0 if value else 1
    if "INT" in kind:
        return (value or 0) + 1
    if kind == "DATE":
        return (date.fromisoformat(value) + timedelta(days=1)).isoformat() if value else "2026-01-02"
    if "DATETIME" in kind or "TIMESTAMP" in kind:
        moment = datetime.fromisoformat(value) if value else datetime(2026, 1, 2, 3, 4, 5)
        return (moment + timedelta(seconds=1)).isoformat(sep=" ", timespec="microseconds")
    return (value or "") + "x"


def tamper(conn: sqlite3.Connection, rng: random.Random) -> str:
    """Change or delete one random row; returns what was done (for the report)."""
    table = rng.choice(TABLES)
    ids = [row[0] for row in conn.execute(f'SELECT id FROM "{table}"')]
    target = rng.choice(ids)
    if rng.random() < 0.5:
        conn.execute(f'DELETE FROM "{table}" WHERE id = ?', (target,))
        return f"delete {table} #{target}"
    columns = [(name, declared) for _, name, declared, *_ in conn.execute(f'PRAGMA table_info("{table}")')]
    column, declared = rng.choice(columns)
    old = conn.execute(f'SELECT "{column}" FROM "{table}" WHERE id = ?', (target,)).fetchone()[0]
    conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', (changed(old, declared, column, max(ids)), target))
    return f"update {table} #{target}.{column}"


def tamper_once(conn: sqlite3.Connection, rng: random.Random) -> str:
    """One tamper that the database accepts (a change that breaks a UNIQUE constraint is drawn again)."""
    while True:
        try:
            return tamper(conn, rng)
        except sqlite3.IntegrityError:
            continue


def copy_store(source: Path, target: Path) -> None:
    """A consistent copy of the store (SQLite backup API)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()


def verify_copy(path: Path) -> tuple[bool, str]:
    """Run the verify service on the copy; returns (whole, first problem)."""
    from kpudesk.services.audit import verify_store
    from kpudesk.store import Store

    store = Store(path, create=False)
    try:
        with store.session() as session:
            report = verify_store(session)
    finally:
        store.engine.dispose()
    first = report.problems[0].what if report.problems else ""
    return report.is_whole, first


def run_tampers(source: Path, rounds: int, seed: int, folder: Path) -> tuple[int, list[str]]:
    """Tamper `rounds` copies; returns (caught, the tampers that were missed)."""
    rng, caught, missed = random.Random(seed), 0, []
    for number in range(rounds):
        copy = folder / f"tamper-{number}.sqlite3"
        copy_store(source, copy)
        with sqlite3.connect(copy) as conn:
            what = tamper_once(conn, rng)
        conn.close()
        whole, _ = verify_copy(copy)
        caught += not whole
        if whole:
            missed.append(what)
        for leftover in folder.glob(f"tamper-{number}.sqlite3*"):
            leftover.unlink()
    return caught, missed


def load_sample(folder: Path) -> Path:
    """The demo office in a fresh store, loaded by the real CLI in-process."""
    from typer.testing import CliRunner

    from kpudesk.cli.app import app

    db = folder / "sample.sqlite3"
    result = CliRunner().invoke(app, ["--db", str(db), "sample", "load"])
    if result.exit_code != 0:
        sys.exit(f"sample load failed: {result.stderr}")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--db", type=Path, help="tamper copies of this store instead of the demo office")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = args.db or load_sample(folder)
        started = time.perf_counter()
        caught, missed = run_tampers(source, args.rounds, args.seed, folder)
        elapsed = time.perf_counter() - started
    print(f"{caught}/{args.rounds} tampers caught ({elapsed:.1f} s, {elapsed / args.rounds * 1000:.0f} ms per copy+tamper+verify)")
    for what in missed:
        print(f"MISSED: {what}")
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
