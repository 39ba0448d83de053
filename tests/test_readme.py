"""The README runs as written: every command of its ```bash blocks and the command of its cron line,
in order, in-process against a temporary home directory and databases, each exiting 0; a comment
line '#  …' right under a command is output that command must print.

Only the set-up commands below are skipped, by name: they install kpudesk or run this very suite.
"""

import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"

SETUP = {  # not run here: they build the environment this test already runs in
    ("python3", "-m", "venv", ".venv"),
    (".", ".venv/bin/activate"),
    ("pip", "install", "."),
    ("rm", "-f", "demo.sqlite3*"),  # the database of an earlier run of the demo; here the directory is new
    ("python3", "-m", "pip", "install", "-q", "-e", ".[test]"),
    ("python3", "-m", "pytest", "-q"),
}


@dataclass
class Command:
    words: list[str]
    line: int
    expected: list[str] = field(default_factory=list)


def blocks(language: str) -> list[tuple[int, str]]:
    """The README's fenced blocks of one language, as (line number of the first line, text)."""
    text = README.read_text(encoding="utf-8")
    found = []
    for match in re.finditer(rf"^```{language}\n(.*?)^```", text, flags=re.M | re.S):
        found.append((text[:match.start(1)].count("\n") + 1, match.group(1)))
    return found


def commands(start: int, block: str) -> list[Command]:
    """A bash block as commands: continuation lines joined, '&&' chains split, comments dropped;
    '#  text' lines are the expected output of the command above them."""
    out: list[Command] = []
    pending, first = "", start
    for number, line in enumerate(block.splitlines(), start):
        if line.startswith("#  ") and out:
            out[-1].expected.append(line[3:].strip())
            continue
        first = first if pending else number
        pending += line[:-1] + " " if line.endswith("\\") else line
        if line.endswith("\\"):
            continue
        words, pending = shlex.split(pending, comments=True), ""
        chain: list[str] = []
        for word in [*words, "&&"]:
            if word == "&&":
                out += [Command(chain, first)] if chain else []
                chain = []
            else:
                chain.append(word)
    return out


SHELL_OPERATORS = {">", ">>", "2>&1", "||", "&&", "|", ";"}


def cron_commands() -> list[list[str]]:
    """The kpudesk commands of the README's cron lines: what follows the five time fields, up to the
    first shell operator (redirections, `|| echo …`); lines running other programs are left out."""
    found = []
    for _, block in blocks("cron"):
        for line in block.strip().splitlines():
            words = shlex.split(line)[5:]
            cut = next((i for i, w in enumerate(words) if w in SHELL_OPERATORS or w.startswith(">")), len(words))
            words = words[:cut]
            if any(w == "kpudesk" for w in words):
                found.append(words)
    return found


def test_the_readme_has_the_tour_and_its_setup():
    tour = [c for start, block in blocks("bash") for c in commands(start, block)]
    assert sum(c.words[0] == "kpudesk" for c in tour) >= 25
    assert {tuple(c.words) for c in tour if c.words[0] != "kpudesk" and c.words[0] != "export"} == SETUP


def test_every_readme_command_runs(run, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # `~` and the platform directories point inside the test
    monkeypatch.chdir(tmp_path)
    for name in ("KPUDESK_DB", "KPUDESK_OFFICER"):  # a newcomer has set neither
        monkeypatch.delenv(name, raising=False)
    for start, block in blocks("bash"):
        for command in commands(start, block):
            _execute(run, command, monkeypatch)
    # The cron lines, against the tour's database (their /srv path is only an example of a server's).
    crons = cron_commands()
    assert [w[1:] for w in crons] == [["kpudesk", "overdue", "--within", "2"], ["kpudesk", "backup"]]
    for words in crons:
        assignments = [w for w in words if re.fullmatch(r"[A-Z_]+=.*", w)]
        assert [a.split("=")[0] for a in assignments] == ["KPUDESK_DB"]
        _execute(run, Command(words[len(assignments):], 0), monkeypatch)


def _execute(run, command: Command, monkeypatch: pytest.MonkeyPatch) -> None:
    words = command.words
    if tuple(words) in SETUP:
        return
    if words[0] == "export":
        name, _, value = words[1].partition("=")
        monkeypatch.setenv(name, os.path.expanduser(value))
        return
    assert words[0] == "kpudesk", f"README line {command.line}: unknown command {words}"
    res = run(*words[1:])
    assert res.exit_code == 0, f"README line {command.line}: {shlex.join(words)}\n{res.stderr}"
    for line in command.expected:
        assert line in res.stdout + res.stderr, f"README line {command.line}: expected {line!r}"
