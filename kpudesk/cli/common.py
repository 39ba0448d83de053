"""What every command shares: the store session, the clock, output helpers. No business rules.

Heavy modules (sqlmodel, the services) are imported inside functions so that `--help` stays fast.
"""

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kpudesk.config import resolve_db_path
from kpudesk.dates import parse_local_datetime

if TYPE_CHECKING:
    from rich.console import Console

    from kpudesk.services.deadlines import MovedDeadline
    from kpudesk.services.desk import Desk


@dataclass
class CliState:
    """Options of the root command."""

    db: str | None = None


STATE = CliState()

OfficerOption = Annotated[
    str | None, typer.Option("--officer", help="Nama petugas yang mencatat (default: KPUDESK_OFFICER, lalu konfigurasi).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Cetak sebagai JSON (untuk skrip).")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Cetak sebagai CSV.")]
UnmaskOption = Annotated[bool, typer.Option("--unmask", help="Tampilkan NIK dan nomor telepon utuh (data pribadi).")]
AtOption = Annotated[
    str | None, typer.Option("--at", help="Waktu tindakan 'YYYY-MM-DD HH:MM' (waktu kantor); default sekarang.")
]


def parse_at(text: str | None, what: str = "--at") -> tuple[datetime | None, bool]:
    """A typed moment as (office-time datetime, whether a time was given); (None, True) for now."""
    return parse_local_datetime(text, what) if text else (None, True)


def now() -> datetime:
    """The clock, read once per command and handed to services."""
    return datetime.now(UTC)


def db_location() -> str:
    """The configured store: a SQLite file path or a PostgreSQL URL (with its password, if given)."""
    return resolve_db_path(STATE.db).value


def db_path() -> Path:
    """The configured SQLite file, for commands that work on the file itself; refused for a server URL."""
    from kpudesk.errors import StoreError
    from kpudesk.location import is_server_url, redact

    location = db_location()
    if is_server_url(location):
        raise StoreError(f"Perintah ini hanya untuk berkas SQLite, bukan server {redact(location)}.")
    return Path(location)


@contextmanager
def open_desk(*, write: bool = False, officer: str | None = None, require_office: bool = True,
              create: bool = False) -> Iterator["Desk"]:
    """One transaction on the configured store, as a service Desk."""
    from kpudesk.services.desk import open_desk as build_desk
    from kpudesk.store import Store

    store = Store(db_location(), create=create)
    try:
        with store.session(write=write) as session:
            yield build_desk(session, now=now(), officer=officer, require_office=require_office)
    finally:
        store.close()


def stdout_console() -> "Console":
    from rich.console import Console

    # Piped (cron mail, files): a wide fixed width instead of rich's 80 columns, so rows stay whole.
    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
    # markup=False: stored text such as "SK [rahasia]" or "[/x]" is data, never rich markup.
    return Console(highlight=False, soft_wrap=False, width=width, markup=False, no_color=bool(os.environ.get("NO_COLOR")))


def stderr_console() -> "Console":
    from rich.console import Console

    return Console(stderr=True, highlight=False, no_color=bool(os.environ.get("NO_COLOR")))


def say(message: str) -> None:
    """Talk to the officer on stderr (stdout is for data)."""
    print(message, file=sys.stderr)


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit(data: Any, as_json: bool, lines: Iterable[str]) -> None:
    """JSON for scripts, otherwise the officer's lines (printed as plain text)."""
    if as_json:
        print_json(data)
        return
    out = stdout_console()
    for line in lines:
        out.print(line)


def human_time(stamp: object) -> str:
    """'2026-03-16T10:00' → '2026-03-16 10:00' for people; JSON and CSV keep ISO."""
    return str(stamp).replace("T", " ") if stamp else ""


def print_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


def print_table(title: str | None, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, styles: Sequence[str] = ()) -> None:
    """A rich table on stdout (plain when piped)."""
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False)
    for i, header in enumerate(headers):
        table.add_column(header, style=styles[i] if i < len(styles) else None, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    stdout_console().print(table)


def report_moves(moved: Sequence["MovedDeadline"], as_json: bool) -> None:
    """The open deadlines that a calendar or settings change moved (old → new)."""
    if as_json:
        print_json([m.as_dict() for m in moved])
    elif moved:
        from kpudesk.rules import DEADLINE_LABELS

        print_table(f"Tenggat yang bergeser: {len(moved)}", ["Nomor", "Tenggat", "Semula", "Menjadi"],
                    [(m.number, DEADLINE_LABELS.get(m.kind, m.kind), m.old_due.isoformat(), m.new_due.isoformat())
                     for m in moved])
    else:
        say("Tidak ada tenggat berjalan yang bergeser.")


def is_interactive() -> bool:
    """Prompts only when a person sits at a terminal."""
    return sys.stdin.isatty() and not os.environ.get("CI")
