"""SQLite and PostgreSQL side by side on one big store, and `db copy` there and back.

    python bench/generate.py --db /tmp/kpudesk-pgbench/requests-100000.sqlite3 -n 100000
    createdb kpudesk_bench            # an EMPTY database on the server
    python bench/backends.py --sqlite /tmp/kpudesk-pgbench/requests-100000.sqlite3 \\
                             --pg postgresql://kpudesk@127.0.0.1:5432/kpudesk_bench

Steps, each a fresh `kpudesk` process as an officer or cron runs it:
1. `db copy` the SQLite file into the empty PostgreSQL database (wall time);
2. `db copy` it back into a new SQLite file next to the original (wall time);
3. `overdue --json --as-of 2026-11-23` on the file and on the server: one warm-up, then the
   median of --repeat runs each;
4. `list --json` (all cases) and `show --json` of 100 cases picked with a fixed seed: identical
   on the original, the server and the copy back?
Prints a Markdown table; the password comes from PGPASSWORD or ~/.pgpass.
"""

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

AS_OF = "2026-11-23"


def kpudesk(db: str, *args: str) -> tuple[float, str]:
    """Run one kpudesk process; returns its wall time and stdout (exits on failure)."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    started = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "kpudesk", "--db", db, *args], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    if res.returncode not in (0, 1) or (res.returncode == 1 and args[0] != "overdue"):
        sys.exit(f"kpudesk {' '.join(args)} on {db}: exit {res.returncode}: {res.stderr.strip()}")
    return wall, res.stdout


def median_wall(db: str, repeat: int, *args: str) -> float:
    """One untimed warm-up, then the median wall time of `repeat` runs."""
    kpudesk(db, *args)
    return statistics.median(kpudesk(db, *args)[0] for _ in range(repeat))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


SHOW_ALL = """
import sys
from typer.testing import CliRunner
from kpudesk.cli.app import app
runner = CliRunner()
for number in sys.argv[2:]:
    res = runner.invoke(app, ["--db", sys.argv[1], "show", number, "--json", "--unmask"])
    if res.exit_code:
        sys.exit(f"show {number}: exit {res.exit_code}: {res.stderr}")
    sys.stdout.write(res.stdout)
"""


def views(db: str, numbers: list[str]) -> tuple[str, str]:
    """Digests of `list --json` (every case) and of the `show --json` of `numbers` (one process for all)."""
    listing = kpudesk(db, "list", "--json", "--unmask", "--limit", "1000000")[1]
    shows = subprocess.run([sys.executable, "-c", SHOW_ALL, db, *numbers], capture_output=True, text=True, check=True)
    return digest(listing), digest(shows.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", required=True, help="the generated SQLite store")
    parser.add_argument("--pg", required=True, help="URL of an EMPTY PostgreSQL database")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    back = str(Path(args.sqlite).with_suffix(".back.sqlite3"))
    Path(back).unlink(missing_ok=True)
    copy_to = kpudesk(args.sqlite, "db", "copy", "--to", args.pg, "--json")
    copy_back = kpudesk(args.pg, "db", "copy", "--to", back, "--json")
    rows = json.loads(copy_to[1])["total"]
    on_file = median_wall(args.sqlite, args.repeat, "overdue", "--json", "--as-of", AS_OF)
    on_server = median_wall(args.pg, args.repeat, "overdue", "--json", "--as-of", AS_OF)
    same_overdue = kpudesk(args.sqlite, "overdue", "--json", "--as-of", AS_OF)[1] == \
        kpudesk(args.pg, "overdue", "--json", "--as-of", AS_OF)[1]
    everyone = [c["number"] for c in json.loads(kpudesk(args.sqlite, "list", "--json", "--limit", "1000000")[1])]
    sample = random.Random(2026).sample(everyone, min(100, len(everyone)))
    original, server, copy = views(args.sqlite, sample), views(args.pg, sample), views(back, sample)
    print("| measure | SQLite | PostgreSQL |\n|---|---|---|")
    print(f"| `overdue --json --as-of {AS_OF}` (median of {args.repeat}) | {on_file:.2f} s | {on_server:.2f} s "
          f"({on_server / on_file:.2f}×) |")
    print(f"| `db copy` SQLite → PostgreSQL ({rows:,} rows) | | {copy_to[0]:.1f} s |")
    print(f"| `db copy` PostgreSQL → SQLite | {copy_back[0]:.1f} s | |")
    print(f"\n{len(everyone):,} cases ({rows:,} rows); same `overdue --json` output on both: {same_overdue}; "
          f"`list --json` and 100 × `show --json` identical on original, server and copy back: "
          f"{original == server == copy} ({original} / {server} / {copy})")


if __name__ == "__main__":
    main()
