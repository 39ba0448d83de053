"""`kpudesk sample …`: the bundled demo office, replayed command by command."""

import contextlib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kpudesk.cli.common import db_location, open_desk, say
from kpudesk.cli.progress import progress_bar
from kpudesk.errors import Refused
from kpudesk.location import redact

if TYPE_CHECKING:
    from kpudesk.services.sample import CommandLine

sample_app = typer.Typer(help="Data contoh: KPU Kabupaten Kupang dengan perkara di setiap tahap.", no_args_is_help=True)


def _replay_one(command: Any, db: str, args: list[str]) -> tuple[int, str]:
    """Run one kpudesk command in-process, quietly; returns its exit code and its last word on stderr."""
    out, err = io.StringIO(), io.StringIO()
    code: Any = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            command.main(args=["--db", db, *args], prog_name="kpudesk")
        except SystemExit as exc:
            code = exc.code
    code = code if isinstance(code, int) else (0 if code is None else 1)
    lines = [line.strip() for line in err.getvalue().splitlines() if line.strip()]
    messages = [line.removeprefix("kpudesk: ") for line in lines if line.startswith("kpudesk: ")]
    return code, (messages or lines or [f"keluar dengan kode {code}"])[-1]


def _replay(commands: list["CommandLine"], db: str) -> None:
    """Every command in order; stop at the first that fails, naming its line."""
    from typer.main import get_command

    from kpudesk.cli.app import app  # imported here: app.py imports this module

    root = get_command(app)
    with progress_bar("Memuat data contoh") as progress:
        progress.start(len(commands))
        for done, command in enumerate(commands, start=1):
            code, message = _replay_one(root, db, command.args)
            if code != 0:
                raise Refused(f"baris {command.lineno}: {message}")
            progress.update(done)


@sample_app.command("load")
def load(
    file: Annotated[Path | None, typer.Option("--file", help="Berkas perintah lain (default: data contoh bawaan).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Muat juga ke basis data yang sudah berisi perkara.")] = False,
) -> None:
    """Muat kantor contoh dan perkaranya: setiap baris berkas adalah satu perintah kpudesk.

    Contoh: kpudesk --db /tmp/contoh.sqlite3 sample load
    Baca berkasnya sebagai tutorial: kpudesk sample path
    """
    from kpudesk.services.sample import case_counts, read_commands, sample_file

    path = file or sample_file()
    commands = read_commands(path)
    with open_desk(require_office=False, create=True) as desk:
        existing = sum(case_counts(desk).values())
    if existing and not force:
        raise Refused(f"Basis data {redact(db_location())} sudah berisi {existing} perkara; data contoh hanya dimuat ke basis "
                      "data kosong (pilih berkas lain dengan --db, atau tambahkan --force).")
    _replay(commands, db_location())
    with open_desk() as desk:
        counts = case_counts(desk)
    from kpudesk.labels import kind_label

    detail = ", ".join(f"{n} {kind_label(kind).lower()}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kind_label(kv[0]))))
    say(f"Data contoh dimuat dari {path}: {len(commands)} perintah, {sum(counts.values())} perkara ({detail}).")


@sample_app.command("path")
def show_path() -> None:
    """Cetak lokasi berkas data contoh bawaan (untuk dibaca atau disalin)."""
    from kpudesk.services.sample import sample_file

    print(sample_file())


def install(app: typer.Typer) -> None:
    """Register this module's commands on the root app."""
    app.add_typer(sample_app, name="sample")
