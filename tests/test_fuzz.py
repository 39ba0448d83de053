"""Fuzz (issue 11, item 9): thousands of hostile invocations in-process; never exit 70, never a traceback,
and the store is intact afterwards (verify whole, integrity_check ok).

Two generators, one fixed seed: the demo office's own command lines with one or two arguments
replaced by hostile values (so the commands get past parsing into the services), and random
options for every command of the CLI tree (so commands added later are fuzzed too).
"""

import random
import sqlite3
import time

import typer.testing
from typer.main import get_command
from typer.testing import CliRunner

from kpudesk.cli.app import app
from kpudesk.services.sample import parse_commands, sample_file

SEED = 20261123
INVOCATIONS = 2000
SETUP_COMMANDS = 45  # the first lines of the demo office: a profile and a few dozen cases

HOSTILE = [
    # dates and moments at and beyond the edges, malformed
    "9999-12-31", "0001-01-01", "2100-12-31", "2101-01-01", "1999-12-31", "2026-02-30", "2026-13-01", "2026-3-16",
    "2026-03-16 25:00", "2026-03-16T09:00", "kemarin", "", " ",
    # numbers
    "0", "-1", "9223372036854775808", "99999999999999999999999", "1e3", "٣", "²", "3.5", "-0",
    # text that must not act
    "=1+1", '=HYPERLINK("http://evil.example","x")', "+SUM(A1:A9)", "-2+3", "@cmd", "\t=1", "\r=1",
    "\x1b]0;x\x07\x1b[2J", "a\u202eb", "x\u200by", "\x00", "\x7f", "\x9b2J", "\udcff\udcfe", "Ana\udcc3",
    "%", "_", "\\", "'; DROP TABLE \"case\";--", "[bold]x[/bold]", "x" * 5000, "Maria\nBria",
    # numbers of cases, unknown and real
    "999/PPID/KPU-KAB.KPG/I/2026", "001/ppid/kpu-kab.kpg/i/2025", "001/PPID/KPU-KAB.KPG/I/2025",
    "001/KEB/KPU-KAB.KPG/III/2025", "001/UK/KPU-KAB.KPG/II/2025", "001/EKS/KPU-KAB.KPG/I/2025", "#1", "1",
    # options of the wrong kind, files
    "--help", "--json", "-", "/", "/dev/null", "nonexistent/dir/x.xlsx", "a" * 300 + ".xlsx", "request=" + "{seq}/{year}",
    "publik.notice=²", "ppid=", "granted", "refused", "request", "expedition",
]

ENV_HOSTILE = [value for value in HOSTILE if "\x00" not in value]  # an environment cannot hold a NUL


def _command_tree():
    """(path, click command) of every leaf command."""
    def walk(cmd, path):
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                yield from walk(sub, [*path, name])
        else:
            yield path, cmd
    return list(walk(get_command(app), []))


def _random_invocation(rng: random.Random, tree) -> list[str]:
    path, cmd = rng.choice(tree)
    args = list(path)
    for param in cmd.params:
        if param.param_type_name == "argument":
            args.append(rng.choice(HOSTILE))
        elif rng.random() < 0.4 and param.opts:
            args.append(rng.choice(param.opts))
            if not getattr(param, "is_flag", False):
                args.append(rng.choice(HOSTILE))
    return args


def _mutated(rng: random.Random, lines: list[list[str]]) -> list[str]:
    args = list(rng.choice(lines))
    for _ in range(rng.choice((1, 1, 2))):
        where = rng.randrange(len(args))
        action = rng.random()
        if action < 0.75 and where > 0:
            args[where] = rng.choice(HOSTILE)
        elif action < 0.9:
            del args[where:where + 1]
        else:
            args.insert(where, rng.choice(HOSTILE))
    return args


def test_fuzzed_invocations_never_crash_and_leave_the_store_intact(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # exports and backups land here
    # Build typer's command tree once (the runner rebuilds it per call: half the CPU of this test);
    # every invocation still goes through the real root command and its error handler.
    tree_once = get_command(app)
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: tree_once)
    db = tmp_path / "fuzz.sqlite3"
    runner = CliRunner()

    def run(args: list[str], officer: str | None = None):
        return runner.invoke(app, ["--db", str(db), *args], env={"KPUDESK_OFFICER": officer})

    lines = [c.args for c in parse_commands(sample_file().read_text(encoding="utf-8"))]
    for args in lines[:SETUP_COMMANDS]:
        assert run(args).exit_code == 0, args
    rng, tree = random.Random(SEED), _command_tree()
    assert len(tree) >= 25
    seen: dict[int, int] = {}
    started = time.process_time()  # CPU time: the build machine is shared, wall time says little
    for number in range(INVOCATIONS):
        args = _mutated(rng, lines) if number % 2 else _random_invocation(rng, tree)
        officer = rng.choice(ENV_HOSTILE) if rng.random() < 0.1 else None
        res = run(args, officer)
        seen[res.exit_code] = seen.get(res.exit_code, 0) + 1
        assert res.exit_code in (0, 1, 2, 3, 4), (args, res.exit_code, res.stderr[-500:])
        assert "Traceback" not in res.stderr and "Kesalahan program" not in res.stderr, (args, res.stderr)
        if res.exit_code and res.stderr.startswith("kpudesk:"):
            assert res.stderr.count("\n") == 1, (args, res.stderr)
    elapsed = time.process_time() - started
    assert seen.get(0, 0) > 100 and seen.get(2, 0) > 100 and seen.get(3, 0) > 10, seen  # all depths were reached
    verify = run(["verify"])
    assert verify.exit_code == 0, verify.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert elapsed < 60, f"{INVOCATIONS} invocations took {elapsed:.0f} s of CPU"
