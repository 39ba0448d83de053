"""Time kpudesk commands as a user runs them: one fresh process each, wall time and peak memory.

    python bench/run.py                      # sample data + 20,000-request database, 5 runs each
    python bench/run.py --repeat 9 --workdir /tmp/kpudesk-bench

Every command runs `--repeat` times after one untimed warm-up; the table shows the median wall time
and the median peak RSS of the process (os.wait4 rusage), with ratios to `python -c "import typer"`,
the floor any typer CLI pays. Databases are made on first use and kept in --workdir.
"""

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = "2026-11-23"
REQUEST = ["register", "request", "--name", "Maria Bria", "--address", "Jl. Timor Raya KM 36, Oelamasi",
           "--phone", "081234567890", "--id-number", "5301014501900001", "--occupation", "Mahasiswa",
           "--info", "Salinan SK penetapan DPT Pemilu 2024", "--purpose", "Penelitian skripsi",
           "--received", "2026-11-20 10:00"]
COMPLAINT = ["register", "complaint", "--name", "Yakobus Lalan", "--phone", "081234567891", "--channel", "langsung",
             "--subject", "Petugas PPS meminta uang", "--description", "Petugas PPS meminta uang transport saat coklit.",
             "--received", "2026-11-20 10:00"]


@dataclass
class Case:
    label: str
    database: str
    argv: list[str]
    runs: list[list[str]] | None = None  # one argv per run (warm-up first), for commands that cannot repeat


@dataclass
class Measure:
    case: Case
    walls: list[float]
    rss_kib: list[int]

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def rss(self) -> float:
        return statistics.median(self.rss_kib)


def kpudesk_command() -> list[str]:
    """The installed console script when there is one (what users run), else `python -m kpudesk`."""
    script = shutil.which("kpudesk")
    return [script] if script else [sys.executable, "-m", "kpudesk"]


def child_env(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KPUDESK_")}
    env.update(KPUDESK_CONFIG=str(workdir / "config.toml"), NO_COLOR="1", COLUMNS="120")
    return env


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one process; exits when the command fails."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"run: {' '.join(argv)} keluar dengan kode {proc.returncode}: {stderr.decode(errors='replace').strip()}")
    return wall, usage.ru_maxrss  # KiB on Linux


def measure(case: Case, env: dict[str, str], repeat: int) -> Measure:
    argvs = case.runs or [case.argv] * (repeat + 1)
    run_once(argvs[0], env)  # warm-up: byte-code and page cache
    walls, rss = [], []
    for i in range(repeat):
        wall, peak = run_once(argvs[i + 1], env)
        walls.append(wall)
        rss.append(peak)
    return Measure(case, walls, rss)


def ensure_sample(workdir: Path, env: dict[str, str]) -> Path:
    db = workdir / "sample.sqlite3"
    if not db.exists():
        print(f"run: memuat data contoh ke {db} …", file=sys.stderr)
        started = time.perf_counter()
        subprocess.run([*kpudesk_command(), "--db", str(db), "sample", "load"], env=env, check=True)
        print(f"run: sample load {time.perf_counter() - started:.1f} detik", file=sys.stderr)
    return db


def ensure_large(workdir: Path, n: int, env: dict[str, str]) -> Path:
    db = workdir / f"requests-{n}.sqlite3"
    if not db.exists():
        print(f"run: membuat {db} ({n} permohonan) …", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--db", str(db), "-n", str(n)], env=env, check=True)
    return db


def scratch_copy(source: Path, target: Path) -> Path:
    """A consistent copy for commands that write (the measured databases stay as they are)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def has_command(name: str, env: dict[str, str]) -> bool:
    return subprocess.run([*kpudesk_command(), name, "--help"], env=env, capture_output=True).returncode == 0


def fresh_complaints(db: list[str], count: int, env: dict[str, str]) -> list[str]:
    """Register `count` complaints (untimed) and return their numbers, each ready for its next step."""
    import json

    numbers = []
    for _ in range(count):
        out = subprocess.run([*db, *COMPLAINT, "--json"], env=env, check=True, capture_output=True, text=True)
        numbers.append(json.loads(out.stdout)["number"])
    return numbers


def cases(workdir: Path, n: int, env: dict[str, str], repeat: int = 5) -> list[Case]:
    sample, large = ensure_sample(workdir, env), ensure_large(workdir, n, env)
    scratch = scratch_copy(sample, workdir / "scratch.sqlite3")
    kp, big = kpudesk_command(), f"{n // 1000}k"
    db = lambda path: [*kp, "--db", str(path)]  # noqa: E731
    out = [
        Case('python -c "import typer"', "—", [sys.executable, "-c", "import typer"]),
        Case('python -c "import sqlmodel"', "—", [sys.executable, "-c", "import sqlmodel"]),
        Case("kpudesk --help", "—", [*kp, "--help"]),
        Case(f"kpudesk overdue --as-of {AS_OF}", "sample", [*db(sample), "overdue", "--as-of", AS_OF]),
        Case(f"kpudesk overdue --as-of {AS_OF}", big, [*db(large), "overdue", "--as-of", AS_OF]),
        Case("kpudesk list --limit 50", big, [*db(large), "list", "--limit", "50"]),
        Case("kpudesk show 001/PPID/KPU-KAB.KPG/I/2026", big, [*db(large), "show", "001/PPID/KPU-KAB.KPG/I/2026"]),
        Case("kpudesk register request …", "sample (copy)", [*db(scratch), *REQUEST]),
    ]
    if has_command("step", env):
        numbers = fresh_complaints(db(scratch), repeat + 1, env)
        out.append(Case("kpudesk register complaint …", "sample (copy)", [*db(scratch), *COMPLAINT]))
        out.append(Case("kpudesk step NUMBER dispose", "sample (copy)", [],
                        runs=[[*db(scratch), "step", number, "dispose", "--at", "2026-11-20 10:30"] for number in numbers]))
    if has_command("report", env):
        out.append(Case(f"kpudesk overdue --as-of {AS_OF} --json", big, [*db(large), "overdue", "--as-of", AS_OF, "--json"]))
        out.append(Case("kpudesk report compliance --year 2026 --json", big,
                        [*db(large), "report", "compliance", "--year", "2026", "--json"]))
        out.append(Case("kpudesk report compliance --from 2024-01-01 --to 2026-12-31", big,
                        [*db(large), "report", "compliance", "--from", "2024-01-01", "--to", "2026-12-31", "--json"]))
    if has_command("export-register", env):
        target = workdir / "register-2026.xlsx"
        out.append(Case("kpudesk export-register --year 2026", big,
                        [*db(large), "export-register", "--year", "2026", "-o", str(target)]))
    return out


def table(measures: list[Measure]) -> str:
    base = measures[0]
    lines = ["| command | database | wall median (ms) | × import typer | peak RSS (MiB) | × import typer |",
             "|---|---|---:|---:|---:|---:|"]
    for m in measures:
        lines.append(f"| `{m.case.label}` | {m.case.database} | {m.wall * 1000:.0f} | {m.wall / base.wall:.1f} | "
                     f"{m.rss / 1024:.1f} | {m.rss / base.rss:.1f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per command (median is shown)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kpudesk-bench"), help="where the databases live")
    parser.add_argument("-n", type=int, default=20_000, help="requests in the large database")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    env = child_env(args.workdir)
    load_before = os.getloadavg()
    measures = [measure(case, env, args.repeat) for case in cases(args.workdir, args.n, env, args.repeat)]
    load_after = os.getloadavg()
    print(f"kpudesk benchmark — Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
          f"{os.cpu_count()} CPU, load average {load_before[0]:.1f} → {load_after[0]:.1f}, "
          f"median of {args.repeat} runs after one warm-up\n")
    print(table(measures))


if __name__ == "__main__":
    main()
