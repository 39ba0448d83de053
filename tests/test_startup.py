"""`kpudesk --help` stays lean: no database or Excel libraries are imported to print help."""

import os
import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "sqlmodel", "openpyxl", "alembic")
COMMANDS = [[], ["register", "request"], ["overdue"], ["list"], ["show"], ["calendar"], ["calendar", "due"],
            ["export-register"], ["init"], ["config"]]

PROBE = """
import sys
from kpudesk.cli.app import app
try:
    app(sys.argv[1:] + ["--help"])
except SystemExit as exc:
    code = exc.code
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})
print("HEAVY:" + ",".join(heavy))
sys.exit(code)
"""


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "root")
def test_help_imports_no_database_or_excel_library(command):
    res = subprocess.run([sys.executable, "-c", PROBE.replace("{heavy!r}", repr(set(HEAVY))), *command],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert "Usage" in res.stdout
    assert res.stdout.strip().endswith("HEAVY:"), res.stdout[-300:]


def test_every_command_has_help_text():
    from typer.main import get_command

    from kpudesk.cli.app import app

    def walk(cmd, path):
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from walk(sub, f"{path} {name}")
        yield path, cmd

    missing = [path for path, cmd in walk(get_command(app), "kpudesk") if not (cmd.help or "").strip()]
    assert missing == []


def test_shell_completion_completes_commands_and_options_without_heavy_imports():
    probe = PROBE.replace("{heavy!r}", repr(set(HEAVY))).replace("app(sys.argv[1:] + [\"--help\"])", "app([], prog_name=\"kpudesk\")")
    env = {**os.environ, "_KPUDESK_COMPLETE": "complete_bash", "COMP_WORDS": "kpudesk ov", "COMP_CWORD": "1"}
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == ["overdue", "HEAVY:"]
    env.update(COMP_WORDS="kpudesk list --st", COMP_CWORD="2")
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env)
    assert res.stdout.splitlines() == ["--status", "HEAVY:"]


def test_completion_options_are_offered_in_indonesian():
    res = subprocess.run([sys.executable, "-m", "kpudesk", "--help"], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "COLUMNS": "200"})
    assert "--install-completion" in res.stdout and "Pasang pelengkapan otomatis" in res.stdout
    assert "--show-completion" in res.stdout and "Install completion" not in res.stdout


def test_help_panels_speak_indonesian():
    res = subprocess.run([sys.executable, "-m", "kpudesk", "decide", "--help"], capture_output=True, text=True,
                         timeout=60, env={**os.environ, "COLUMNS": "200"})
    assert res.returncode == 0
    assert "─ Argumen ─" in res.stdout and "─ Opsi ─" in res.stdout and "[wajib]" in res.stdout
    assert "Options" not in res.stdout and "[required]" not in res.stdout
