"""Time `kpudesk report annual` on a large database: one year of a 100,000-request store.

    python bench/annual_report.py                              # 33,000 requests in 2025, ~97,000 in all
    python bench/annual_report.py -n 10000 --repeat 5 --workdir /tmp/kpudesk-bench

The database is made on first use and kept in --workdir: generate.py's desk, run through the real
services for N requests received in 2025 only, copied by SQL --times times within 2025 (new
numbers; the defaults 8,250 × 4 give 33,000, one year of a 100,000-request store), then copied
into 2024 and into January–November 2026 (the same rows a year earlier and later), so the report
reads its year out of a store of about 96,000 requests, as it would in an office with 100,000.
The copies only make the store big quickly: generating 100,000 through the services takes hours. Beside the report, the table shows its floors:
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


def ensure_database(workdir: Path, n: int, times: int, seed: int) -> Path:
    """The benchmark store: N generated requests in 2025 made `times` as many, then copied into 2024
    and 2026; made once."""
    path = workdir / f"year-{YEAR}-{n}x{times}.sqlite3"
    if path.exists():
        return path
    import generate

    generate.START, generate.LAST_MOMENT = date(2025, 1, 2), datetime(2025, 12, 31, 15, 0)
    print(f"annual_report: {n} permohonan 2025 ke {path} …", file=sys.stderr)
    generate.generate(path, n, seed, 2_000)
    with sqlite3.connect(path) as db:
        generated = db.execute('SELECT max(id) FROM "case"').fetchone()[0]
        for copy in range(1, times):
            copy_rows(db, f'id <= {generated}', years=0, tag=f"-{copy}")
        copy_rows(db, "1", years=-1, tag="")
        copy_rows(db, "datetime(received_at, '+1 year') < '2026-11-20'", years=1, tag="")
    return path


def copy_rows(db: sqlite3.Connection, where: str, *, years: int, tag: str) -> None:
    """Copy 2025's requests and objections matching `where`, `years` away (ids and seq offset,
    numbers renamed with the new year or `tag`), with their forms."""
    offset, last_seq = db.execute('SELECT max(id), max(seq) FROM "case"').fetchone()
    ids = f'(SELECT id FROM "case" WHERE year = {YEAR} AND kind IN {CLONED_KINDS} AND {where})'
    for table, key in (('"case"', "id"), ("request_detail", "case_id"), ("objection_detail", "case_id")):
        info = {row[1]: row[2].upper() for row in db.execute(f"PRAGMA table_info({table})")}
        select = ", ".join(copied(column, kind, offset, last_seq, years, tag) for column, kind in info.items())
        db.execute(f"INSERT INTO {table} ({', '.join(info)}) SELECT {select} FROM {table} WHERE {key} IN {ids}")


def copied(column: str, kind: str, offset: int, last_seq: int, years: int, tag: str) -> str:
    """The SELECT expression that copies one column (`kind` is its SQLite type)."""
    shifted = f"'{years:+d} year'"
    if column in ("id", "case_id", "parent_id", "request_case_id"):
        return f"{column} + {offset}"
    if column in ("expedition_id", "exemption_case_id", "dip_entry_id"):
        return "NULL"
    if column == "number":
        return f"replace(number, '/{YEAR}', '/{int(YEAR) + years}') || '{tag}'"
    if column == "seq":
        return f"seq + {last_seq}" if years == 0 else "seq"
    if column == "year":
        return f"year + {years}"
    if kind == "DATE":
        return f"date({column}, {shifted})"
    if kind == "DATETIME":
        return f"datetime({column}, {shifted}) || '.000000'"
    return column


def cases(workdir: Path, n: int, times: int, env: dict[str, str], seed: int) -> list[Case]:
    large = ensure_database(workdir, n, times, seed)
    db = [*kpudesk_command(), "--db", str(large)]
    big = f"{n * times / 1000:.0f}k in {YEAR}"
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
    parser.add_argument("-n", type=int, default=8_250, help="requests generated in 2025 through the services")
    parser.add_argument("--times", type=int, default=4, help="copies of them in 2025 (the store holds ~3× that)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed of generate.py")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    env = child_env(args.workdir)
    load_before = os.getloadavg()
    measures = [measure(case, env, args.repeat) for case in cases(args.workdir, args.n, args.times, env, args.seed)]
    load_after = os.getloadavg()
    print(f"kpudesk annual report benchmark — Python {platform.python_version()}, {os.cpu_count()} CPU, "
          f"load average {load_before[0]:.1f} → {load_after[0]:.1f}, median of {args.repeat} runs after one warm-up\n")
    print(table(measures))


if __name__ == "__main__":
    main()
