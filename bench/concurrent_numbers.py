"""Several desks registering at once: are the numbers unique and gapless (1..N) on this backend?

    python bench/concurrent_numbers.py --db /tmp/desks.sqlite3                        # 8 × 100, SQLite
    python bench/concurrent_numbers.py --db postgresql://kpudesk@127.0.0.1:5432/desks # an EMPTY database

Each worker is its own process running `kpudesk register request … --json` in-process, one
command (one transaction) per registration, all against the same store. Prints the wall time,
the numbers issued and whether they are exactly 1..workers×each. Exit 1 on a gap, a duplicate or
an error. The suite runs a 4 × 25 version of this on both backends (tests/test_store.py).
"""

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

WORKER = """
import json, sys
from kpudesk.cli.app import app
db, worker, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(count):
    args = ["--db", db, "register", "request", "--name", f"Pemohon {worker}-{i}", "--address", "Oelamasi",
            "--phone", "081234567890", "--id-number", "5301014501900001", "--info", "Salinan SK DPT",
            "--purpose", "Penelitian", "--received", "2026-03-16 09:00", "--json"]
    try:
        app(args)
    except SystemExit as exc:
        if exc.code:
            sys.exit(exc.code)
"""


def run_workers(db: str, workers: int, each: int) -> tuple[list[int], float, list[str]]:
    """Start the workers together; returns the sequence numbers issued, the wall time and any errors."""
    started = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, db, str(w), str(each)], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for w in range(workers)]
    outputs = [p.communicate() for p in procs]
    wall = time.perf_counter() - started
    errors = [err.strip() for p, (_, err) in zip(procs, outputs) if p.returncode]
    decoder, seqs = json.JSONDecoder(), []
    for out, _ in outputs:
        pos = 0
        while (pos := out.find("{", pos)) >= 0:
            data, pos = decoder.raw_decode(out, pos)
            seqs.append(int(data["number"].split("/")[0]))
    return seqs, wall, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a new SQLite file, or the URL of an empty PostgreSQL database")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--each", type=int, default=100)
    args = parser.parse_args()
    init = [sys.executable, "-m", "kpudesk", "--db", args.db, "init", "--office", "KPU Kabupaten Kupang",
            "--code", "KPU-KAB.KPG", "--tz", "WITA"]
    subprocess.run(init, check=True, cwd=REPO)
    seqs, wall, errors = run_workers(args.db, args.workers, args.each)
    total = args.workers * args.each
    whole = sorted(seqs) == list(range(1, total + 1))
    print(f"{args.workers} × {args.each} registrations: {len(seqs)} numbers, {len(set(seqs))} distinct, "
          f"1..{total} without gap: {'yes' if whole else 'NO'}; errors: {len(errors)}; "
          f"wall {wall:.1f} s ({len(seqs) / wall:.0f} registrations/s)")
    for error in errors[:3]:
        print("  " + error.splitlines()[-1], file=sys.stderr)
    sys.exit(0 if whole and not errors else 1)


if __name__ == "__main__":
    main()
