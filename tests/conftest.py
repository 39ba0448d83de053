"""Shared fixtures: every test runs the real CLI in-process against its own temporary database."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpudesk.cli.app import app

OFFICE_ARGS = ["init", "--office", "KPU Kabupaten Kupang", "--code", "KPU-KAB.KPG", "--tz", "WITA"]

# A complete, valid request form; tests override single options.
REQUEST_ARGS = {
    "--name": "Maria Bria",
    "--address": "Jl. Timor Raya KM 36, Oelamasi",
    "--phone": "081234567890",
    "--id-number": "5301014501900001",
    "--info": "Salinan SK penetapan DPT Pemilu 2024",
    "--purpose": "Penelitian skripsi",
}


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every kpudesk path at a temp dir: never the user's database or config."""
    db = tmp_path / "kpudesk.sqlite3"
    monkeypatch.setenv("KPUDESK_DB", str(db))
    monkeypatch.setenv("KPUDESK_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("KPUDESK_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("KPUDESK_OFFICER", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    return db


@pytest.fixture
def db_path(isolated_env: Path) -> Path:
    return isolated_env


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run `kpudesk ARGS…` in-process; stdout and stderr are kept apart."""
    runner = CliRunner()

    def _run(*args: str, input: str | None = None) -> Result:
        res = runner.invoke(app, [str(a) for a in args], input=input)
        return Result(res.exit_code, res.stdout, res.stderr)

    return _run


@pytest.fixture
def office(run: Callable[..., Result]) -> Callable[..., Result]:
    """An initialised office (KPU Kabupaten Kupang, WITA); returns the runner."""
    res = run(*OFFICE_ARGS)
    assert res.exit_code == 0, res.stderr
    return run


def request_args(**overrides: str | None) -> list[str]:
    """`register request` options: the valid form with overrides (None drops an option)."""
    values = {**REQUEST_ARGS, **{f"--{k.replace('_', '-')}": v for k, v in overrides.items()}}
    args = ["register", "request"]
    for flag, value in values.items():
        if value is True:
            args.append(flag)
        elif value is not None:
            args += [flag, value]
    return args
