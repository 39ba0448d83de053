"""Time `kpudesk report annual` on a large database: one year of a 100,000-request store.

    python bench/annual_report.py                              # 33,000 requests in 2025, ~97,000 in all
    python bench/annual_report.py -n 10000 --repeat 5 --workdir /tmp/kpudesk-bench

The database is made on first use and kept in --workdir: generate.py's desk, run through the real
services for N requests received in 2025 only (the year reported on; the default 33,000 is one
year of a 100,000-request store), then copied by SQL into 2024 and into January–November 2026
(same rows a year earlier and later, new numbers), so the report reads its year out of a store of
about three times N requests, as it would in an office with 100,000. Beside the report, the table shows its floors:
`python -c "import typer"` (any typer CLI) and `export-register --year 2025` on the same database
(one pass over the same year's requests, written to Excel); and `report summary`, the same counting
without a document.
"""

import argparse
import os
import platform
import sqlite3
import sys
from datetime import date, datetime
from pathlib import Path

from run import Case, child_env, kpudesk_command, measure, table

YEAR = "2025"
CLONED_KINDS = ("request", "objection")


def ensure_database(workdir: Path, n: int, seed: int) -> Path:
    """The benchmark store: N generated requests in 2025, copied into 2024 and 2026; made once."""
    path = workdir / f"year-{YEAR}-{n}.sqlite3"
    if path.exists():
        return path
    import generate

    generate.START, generate.LAST_MOMENT = date(2025, 1, 2), datetime(2025, 12, 31, 15, 0)
    print(f"annual_report: {n} permohonan 2025 ke {path} …", file=sys.stderr)
    generate.generate(path, n, seed, 2_000)
    with sqlite3.connect(path) as db:
        for years in (-1, 1):
            copy_year(db, years)
    return path


def copy_year(db: sqlite3.Connection, years: int) -> None:
    """Copy 2025's requests and objections `years` away (ids offset, numbers renamed, up to Nov 2026)."""
    offset = db.execute('SELECT max(id) FROM "case"').fetchone()[0]
    shifted = f"'{years:+d} year'"
    keep = f"received_at < '2026-11-20'" if years > 0 else "1"
    ids = f'(SELECT id FROM "case" WHERE year = {YEAR} AND kind IN {CLONED_KINDS} AND {keep.replace("received_at", f"datetime(received_at, {shifted})")})'
    for table, key in (('"case"', "id"), ("request_detail", "case_id"), ("objection_detail", "case_id")):
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        select = ", ".join(copied(column, offset, shifted, years, db, table) for column in columns)
        db.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM {table} WHERE {key} IN {ids}")


def copied(column: str, offset: int, shifted: str, years: int, db: sqlite3.Connection, table: str) -> str:
    """The SELECT expression that copies one column a year away."""
    kind = {row[1]: row[2].upper() for row in db.execute(f"PRAGMA table_info({table})")}[column]
    if column in ("id", "case_id", "parent_id", "request_case_id"):
        return f"{column} + {offset}"
    if column in ("expedition_id", "exemption_case_id", "dip_entry_id"):
        return "NULL"
    if column == "number":
        return f"replace(number, '/{YEAR}', '/{int(YEAR) + years}')"
    if column == "year":
        return f"year + {years}"
    if kind == "DATE":
        return f"date({column}, {shifted})"
    if kind == "DATETIME":
        return f"datetime({column}, {shifted}) || '.000000'"
    return column


def cases(workdir: Path, n: int, env: dict[str, str], seed: int) -> list[Case]:
    large = ensure_database(workdir, n, seed)
    db = [*kpudesk_command(), "--db", str(large)]
    big = f"{n // 1000}k in {YEAR}"
    return [
        Case('python -c "import typer"', "—", [sys.executable, "-c", "import typer"]),
        Case(f"kpudesk export-register --year {YEAR}", big,
             [*db, "export-register", "--year", YEAR, "-o", str(workdir / f"register-{YEAR}.xlsx")]),
        Case(f"kpudesk report summary --half 1 --year {YEAR}", big, [*db, "report", "summary", "--half", "1", "--year", YEAR]),
        Case(f"kpudesk report annual --year {YEAR} (docx)", big,
             [*db, "report", "annual", "--year", YEAR, "-o", str(workdir / f"laporan-{YEAR}.docx")]),
        Case(f"kpudesk report annual --year {YEAR} --xlsx", big,
             [*db, "report", "annual", "--year", YEAR, "-o", str(workdir / f"laporan-{YEAR}.docx"),
              "--xlsx", str(workdir / f"tabel-{YEAR}.xlsx")]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per command (median is shown)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kpudesk-bench"), help="where the database lives")
    parser.add_argument("-n", type=int, default=33_000, help="requests generated in 2025 (the store holds ~3×)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed of generate.py")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    env = child_env(args.workdir)
    load_before = os.getloadavg()
    measures = [measure(case, env, args.repeat) for case in cases(args.workdir, args.n, env, args.seed)]
    load_after = os.getloadavg()
    print(f"kpudesk annual report benchmark — Python {platform.python_version()}, {os.cpu_count()} CPU, "
          f"load average {load_before[0]:.1f} → {load_after[0]:.1f}, median of {args.repeat} runs after one warm-up\n")
    print(table(measures))


if __name__ == "__main__":
    main()
