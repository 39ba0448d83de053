"""Timing one fresh process at a time: wall time, CPU time (user + system) and peak RSS.

On a shared machine the wall time grows with the load while the CPU time barely moves, so the
tables print both; ratios to a floor are fair only when both sides ran in the same minutes.
"""

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field


@dataclass
class Measure:
    """The runs of one command: medians of wall seconds, CPU seconds and peak RSS (KiB)."""

    label: str
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    @property
    def rss_mib(self) -> float:
        return statistics.median(self.rss_kib) / 1024


def run_once(argv: list[str], env: dict[str, str], *, tty: bool = False) -> tuple[float, float, int]:
    """(wall s, CPU s, peak RSS KiB) of one process; with `tty`, its stdout is a terminal (a pty
    whose output is drained and dropped). Exits when the command fails."""
    master = slave = None
    if tty:
        master, slave = os.openpty()
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=slave if tty else subprocess.DEVNULL, stderr=subprocess.PIPE)
    if tty:
        os.close(slave)  # type: ignore[arg-type]
        drain(master)  # type: ignore[arg-type]
    stderr = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"bench: {' '.join(argv)} keluar dengan kode {code}: {stderr.decode(errors='replace').strip()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def drain(fd: int) -> None:
    """Read a pty until the child closes it."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:  # EIO: the other side is closed
        pass
    finally:
        os.close(fd)


def measure(label: str, argv: list[str], env: dict[str, str], repeat: int, *, tty: bool = False,
            warm_up: bool = True) -> Measure:
    """`repeat` timed runs of `argv` after one untimed warm-up (byte-code and page cache)."""
    if warm_up:
        run_once(argv, env, tty=tty)
    result = Measure(label)
    for _ in range(repeat):
        wall, cpu, rss = run_once(argv, env, tty=tty)
        result.walls.append(wall)
        result.cpus.append(cpu)
        result.rss_kib.append(rss)
    return result


@dataclass
class Case:
    """One command to measure: its label, argv, and whether its stdout is a terminal."""

    label: str
    argv: list[str]
    tty: bool = False


def measure_interleaved(cases: list[Case], env: dict[str, str], repeat: int, *, warm_up: bool = True) -> list[Measure]:
    """Every case once per round, `repeat` rounds (after one untimed warm-up round): a change of
    load on the machine then touches every command alike, and the ratios stay fair."""
    if warm_up:
        for case in cases:
            run_once(case.argv, env, tty=case.tty)
    results = [Measure(case.label) for case in cases]
    for _ in range(repeat):
        for case, result in zip(cases, results, strict=True):
            wall, cpu, rss = run_once(case.argv, env, tty=case.tty)
            result.walls.append(wall)
            result.cpus.append(cpu)
            result.rss_kib.append(rss)
    return results


def table(measures: list[Measure], floor: Measure) -> str:
    """A Markdown table of the measures with their ratios to `floor`."""
    lines = ["| command | wall median (s) | × floor | CPU median (s) | × floor | peak RSS (MiB) |",
             "|---|---:|---:|---:|---:|---:|"]
    for m in measures:
        lines.append(f"| {m.label} | {m.wall:.2f} | {m.wall / floor.wall:.2f} | {m.cpu:.2f} | "
                     f"{m.cpu / floor.cpu:.2f} | {m.rss_mib:.0f} |")
    return "\n".join(lines)


def child_env(config: str) -> dict[str, str]:
    """The environment of the measured processes: no KPUDESK_* of the caller, no colour, fixed width."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KPUDESK_")}
    env.update(KPUDESK_CONFIG=config, NO_COLOR="1", COLUMNS="160")
    return env


def load_line() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min), {os.cpu_count()} CPU"
