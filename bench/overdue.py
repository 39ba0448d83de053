"""`kpudesk overdue` at 100,000 requests, in its three forms, beside the floor.

    python bench/overdue.py --db /tmp/kpudesk-bench/requests-100000.sqlite3 --repeat 5

The database comes from `python bench/generate.py --db … -n 100000` (the real services; about
an hour on a busy machine) or, in a minute, `generate.py --db … -n 100000 --bulk --year 2025`
(about 6,800 late clocks on the fixed --as-of day, the issue's 6,687 in two positions). The floor is what any kpudesk
command pays before doing its own work: `import sqlmodel, typer, rich` plus one SQLite query
fetching the late clocks. Measured, one fresh process per run:

- `overdue` with stdout a terminal (a pty): the compact tables per position, cut at 10 rows each;
- `overdue | cat` (stdout a pipe, as cron runs it): every late clock as a plain line;
- `overdue --json`.
"""

import argparse
import platform
import shutil
import sys
from pathlib import Path

from measure import Case, child_env, load_line, measure_interleaved, table

AS_OF = "2026-11-23"
FLOOR_QUERY = (
    "SELECT c.number, c.kind, d.kind, d.due, d.working_days, d.responsible, d.basis, r.name, r.info "
    "FROM deadline d JOIN \"case\" c ON c.id = d.case_id "
    "LEFT JOIN request_detail r ON r.case_id = coalesce(c.parent_id, c.id) "
    "WHERE d.status = 'open' AND d.kind IN ('notice', 'extension', 'provision', 'objection_answer', "
    "'disposition', 'consequence_test') AND d.due <= '2026-11-22' ORDER BY d.due, c.number, d.id"
)


def kpudesk() -> list[str]:
    script = shutil.which("kpudesk")
    return [script] if script else [sys.executable, "-m", "kpudesk"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a database made by generate.py")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per command (median shown)")
    args = parser.parse_args()
    env = child_env(str(args.db.parent / "bench-config.toml"))
    floor_code = f"import sqlmodel, typer, rich, sqlite3; sqlite3.connect({str(args.db)!r}).execute({FLOOR_QUERY!r}).fetchall()"
    base = [*kpudesk(), "--db", str(args.db), "overdue", "--as-of", AS_OF]
    before = load_line()
    rows = measure_interleaved([
        Case("floor: `import sqlmodel, typer, rich` + one query", [sys.executable, "-c", floor_code]),
        Case("`overdue` (terminal: tables, cut)", base, tty=True),
        Case("`overdue` (pipe: plain lines, all)", base),
        Case("`overdue --json`", [*base, "--json"]),
    ], env, args.repeat)
    floor = rows[0]
    print(f"kpudesk overdue — Python {platform.python_version()}, {before} → {load_line()}, "
          f"median of {args.repeat} runs after one warm-up, --as-of {AS_OF}\n")
    print(table(rows, floor))


if __name__ == "__main__":
    main()
