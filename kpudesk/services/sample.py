"""The bundled demo office: where its command file is, how it is read, what a store already holds.

The file is a list of kpudesk command lines (shell quoting, `#` comments, `\\` continues a line),
so that an officer can read it as a tutorial and copy any line into a terminal.
"""

import shlex
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from kpudesk.errors import InvalidInput, StoreError
from kpudesk.models import Case
from kpudesk.services.desk import Desk

SAMPLE_FILE = "kupang.txt"
# Options the loader sets itself: a line must not point the replay at another database.
RESERVED_OPTIONS = ("--db",)


@dataclass(frozen=True)
class CommandLine:
    """One command of the file: the line it starts on and its arguments (without 'kpudesk')."""

    lineno: int
    args: list[str]


def sample_dir() -> Path:
    """Where the sample data is: inside the installed package, or at the repo top."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "sample_data", here.parent / "sample_data"):
        if (candidate / SAMPLE_FILE).is_file():
            return candidate
    raise StoreError("Data contoh tidak ditemukan; pasang ulang kpudesk.")


def sample_file() -> Path:
    """The bundled demo office (KPU Kabupaten Kupang)."""
    return sample_dir() / SAMPLE_FILE


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(first line number, text) per command: comments and blanks dropped, `\\` lines joined."""
    out: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if pending is None and (not line or line.startswith("#")):
            continue
        start, sofar = pending or (lineno, "")
        if line.endswith("\\"):
            pending = (start, f"{sofar}{line[:-1]} ")
            continue
        pending = None
        out.append((start, sofar + line))
    if pending is not None:
        out.append(pending)
    return out


def parse_commands(text: str) -> list[CommandLine]:
    """The commands of a sample file; InvalidInput names the first line that cannot be read."""
    commands = []
    for lineno, line in _logical_lines(text):
        try:
            args = shlex.split(line, comments=True)
        except ValueError as exc:
            raise InvalidInput(f"baris {lineno}: tidak dapat dibaca ({exc}); periksa tanda kutipnya.") from None
        if args and args[0] == "kpudesk":
            args = args[1:]
        if not args:
            continue
        reserved = [a for a in args if a.split("=", 1)[0] in RESERVED_OPTIONS]
        if reserved:
            raise InvalidInput(f"baris {lineno}: opsi {reserved[0]} tidak boleh ada di berkas data contoh; "
                               "pilih basis data dengan: kpudesk --db BERKAS sample load.")
        commands.append(CommandLine(lineno, args))
    return commands


def read_commands(path: Path) -> list[CommandLine]:
    """Read and parse a sample file; InvalidInput when it is missing or unreadable."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "bukan teks UTF-8"
        raise InvalidInput(f"Berkas data contoh {path} tidak dapat dibaca: {reason}.") from None
    commands = parse_commands(text)
    if not commands:
        raise InvalidInput(f"Berkas data contoh {path} tidak memuat satu perintah pun.")
    return commands


def case_counts(desk: Desk) -> dict[str, int]:
    """How many cases the store holds, per kind."""
    rows = desk.session.exec(select(Case.kind, func.count()).group_by(Case.kind))
    return {kind: count for kind, count in rows}
