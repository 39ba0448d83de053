"""Time the pure office-time calendar: add_office_minutes, office_minutes_between, day_of_flow.

    python bench/office_time.py                 # 20,000 generated moments, median of 5 runs
    python bench/office_time.py -n 50000 --repeat 9 --seed 2026

The data generator makes `n` start moments (office-local, to the minute) spread over 2024–2026,
each with an SOP time standard (3 min … 1 day of office time) and a lateness (from minutes up to
two years: what `overdue` asks of a forgotten step). The floor beside them is the cheapest calendar
question there is: `is_working_day` on the same dates, and `working_days_between` (running counts).
Holiday data is loaded once before timing, as a long-running process would have it.
Prints a Markdown table: microseconds per call (median over runs) and the ratio to the floor.
"""

import argparse
import random
import statistics
import sys
import time as clock
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kpudesk.calendar import OfficeHours, WorkCalendar  # noqa: E402

HOURS = OfficeHours(time(8, 30), time(16, 0), time(12, 0), time(13, 0))  # seed 001
STANDARDS = (3, 5, 10, 30, 60, 390)  # minutes: seed 000 / 004 steps, and one office day


def generate(n: int, seed: int) -> list[tuple[datetime, int, datetime]]:
    """(start, standard in minutes, a later 'now') triples, reproducible from the seed."""
    rng = random.Random(seed)
    first = datetime(2024, 1, 1)
    out = []
    for _ in range(n):
        start = first + timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
        late = timedelta(minutes=int(rng.expovariate(1 / (60 * 24 * 30))))  # mean a month, tail to years
        out.append((start, rng.choice(STANDARDS), start + min(late, timedelta(days=730))))
    return out


def per_call(fn: Callable[[], object], calls: int, repeat: int) -> float:
    """Median microseconds per call of `fn` (which makes `calls` calls) over `repeat` runs."""
    runs = []
    for _ in range(repeat):
        began = clock.perf_counter()
        fn()
        runs.append((clock.perf_counter() - began) / calls * 1e6)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    data = generate(args.n, args.seed)
    cal = WorkCalendar()
    for year in range(2024, 2029):  # warm the holiday cache and the running counts
        cal.working_days_between(date(year, 1, 1), date(year, 12, 31))
    cases = {
        "floor: is_working_day(start)": lambda: [cal.is_working_day(s.date()) for s, _, _ in data],
        "floor: working_days_between(start, now)": lambda: [cal.working_days_between(s.date(), e.date()) for s, _, e in data],
        "add_office_minutes(start, standard)": lambda: [cal.add_office_minutes(s, m, HOURS) for s, m, _ in data],
        "office_minutes_between(start, now)": lambda: [cal.office_minutes_between(s, e, HOURS) for s, _, e in data],
        "explain_office_time(start, due)": lambda: [cal.explain_office_time(s, cal.add_office_minutes(s, m, HOURS), HOURS)
                                                    for s, m, _ in data],
        "day_of_flow(day0, 5)": lambda: [cal.day_of_flow(cal.day_zero(s, HOURS.closing), 5) for s, _, _ in data],
    }
    floor = None
    print(f"n = {args.n}, seed {args.seed}, median of {args.repeat} runs, Python {sys.version.split()[0]}\n")
    print("| call | µs per call | × floor |\n|---|---:|---:|")
    for label, fn in cases.items():
        micro = per_call(fn, args.n, args.repeat)
        floor = floor or micro
        print(f"| `{label}` | {micro:.2f} | {micro / floor:.1f} |")


if __name__ == "__main__":
    main()
