"""Time `report compliance` next to `overdue --json` on one (large) database, one process per run.

    python bench/generate.py --db /tmp/kpudesk-bench/requests-100000.sqlite3 -n 100000
    python bench/compliance.py --db /tmp/kpudesk-bench/requests-100000.sqlite3 --repeat 3

`overdue --json` is the floor: the morning's query over every open clock. The compliance report
reads every clock of the period's cases (open and closed), so it is expected to cost more per
year of data; the whole span 2024–2026 is timed as well as one year.
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

AS_OF = "2026-11-23"
COMMANDS = (
    ("overdue --as-of 2026-11-23 --json", ["overdue", "--as-of", AS_OF, "--json"]),
    ("report compliance --year 2026 --json", ["report", "compliance", "--year", "2026", "--json"]),
    ("report compliance --from 2024-01-01 --to 2026-12-31 --json",
     ["report", "compliance", "--from", "2024-01-01", "--to", "2026-12-31", "--json"]),
)


def wall(argv: list[str]) -> float:
    """Seconds one process takes; exits when it fails."""
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed: {done.stderr.strip()}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a database made by bench/generate.py")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per command (median shown)")
    args = parser.parse_args()
    kpudesk = [sys.executable, "-m", "kpudesk", "--db", str(args.db)]
    print("| command | wall median (s) | × overdue --json |\n|---|---:|---:|")
    floor = None
    for label, command in COMMANDS:
        wall([*kpudesk, *command])  # warm-up (and the store's own upgrade, if any)
        median = statistics.median(wall([*kpudesk, *command]) for _ in range(args.repeat))
        floor = floor or median
        print(f"| `kpudesk {label}` | {median:.2f} | {median / floor:.1f} |")


if __name__ == "__main__":
    main()
