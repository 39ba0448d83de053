"""`kpudesk --help` stays lean: no database or Excel libraries are imported to print help."""

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
