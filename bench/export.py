"""`kpudesk export-register` at 30,000 and 1,000,000 rows beside a bare openpyxl write-only script.

    python bench/generate.py --db /tmp/kpudesk-bench/bulk-30000.sqlite3 -n 30000 --bulk --year 2025
    python bench/generate.py --db /tmp/kpudesk-bench/bulk-1000000.sqlite3 -n 1000000 --bulk --year 2025
    python bench/export.py --db /tmp/kpudesk-bench/bulk-30000.sqlite3 --db /tmp/kpudesk-bench/bulk-1000000.sqlite3

For each database: the floor (`export_floor.py`: the same requests read with sqlite3 and appended
as 23 plain values per row to a write-only sheet, no header, no styles), then kpudesk writing the
Register Permohonan of the year (titles, two-row header, styled cells, masking). Wall time, CPU
time and peak RSS, median of --repeat rounds (floor and kpudesk alternate; no warm-up: each run is long).
"""

import argparse
import platform
import shutil
import sys
from pathlib import Path

from measure import Case, child_env, load_line, measure_interleaved, table

HERE = Path(__file__).resolve().parent


def kpudesk() -> list[str]:
    script = shutil.which("kpudesk")
    return [script] if script else [sys.executable, "-m", "kpudesk"]


def rows_in(db: Path, year: int) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM \"case\" WHERE kind = 'request' AND year = ?", (year,)).fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, action="append", required=True, help="a database made by generate.py --bulk")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("/tmp/kpudesk-bench"), help="where the .xlsx files go")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    env = child_env(str(args.out / "bench-config.toml"))
    before = load_line()
    for db in args.db:
        n = rows_in(db, args.year)
        floor, ours = measure_interleaved([
            Case(f"floor: bare openpyxl write-only, {n:,} rows",
                 [sys.executable, str(HERE / "export_floor.py"), str(db), str(args.year), str(args.out / "floor.xlsx")]),
            Case(f"`kpudesk export-register --year {args.year}`, {n:,} rows",
                 [*kpudesk(), "--db", str(db), "export-register", "--year", str(args.year), "-o",
                  str(args.out / "register.xlsx")]),
        ], env, args.repeat, warm_up=False)
        print(table([floor, ours], floor), end="\n\n", flush=True)
    print(f"kpudesk export — Python {platform.python_version()}, {before} → {load_line()}, "
          f"median of {args.repeat} runs")


if __name__ == "__main__":
    main()
