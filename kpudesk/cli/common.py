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
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kpudesk.config import resolve_db_path
from kpudesk.dates import parse_local_datetime
from kpudesk.errors import InvalidInput

if TYPE_CHECKING:
    from rich.console import Console

    from kpudesk.choices import Choices
    from kpudesk.presentation import Sheet
    from kpudesk.services.deadlines import MovedDeadline
    from kpudesk.services.desk import Desk
    from kpudesk.store import Store


@dataclass
class CliState:
    """Options of the root command."""

    db: str | None = None
    zone: str = ""  # the office's time zone label (WITA …), known once a command opened the store


STATE = CliState()


def choice_option(choices: "Choices", *flags: str, text: str, **extra: Any) -> Any:
    """A typer option (or, without flags, an argument) for a fixed choice: help lists the Indonesian
    words (and the English codes also accepted), Tab completes them; the service parses the value."""
    help_text = f"{text}: {choices.help()}."
    if not flags:
        return typer.Argument(help=help_text, autocompletion=choices.complete, **extra)
    return typer.Option(*flags, help=help_text, autocompletion=choices.complete, **extra)


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
    """The configured store: a SQLite file path or a PostgreSQL URL (with its password, if given); a
    value with control characters or bytes that are not UTF-8 is bad input (refused before any file
    is created)."""
    from kpudesk.textfmt import CONTROL_CHARS, terminal_safe

    resolved = resolve_db_path(STATE.db)
    if CONTROL_CHARS.search(resolved.value):
        raise InvalidInput(f"Path basis data '{terminal_safe(resolved.value)}' ({resolved.source}) memuat karakter "
                           "kendali atau byte yang bukan UTF-8; pilih path lain.")
    return resolved.value


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
        if write:
            officer = recording_officer(store, officer)
        with store.session(write=write) as session:
            desk = build_desk(session, now=now(), officer=officer, require_office=require_office)
            STATE.zone = desk.profile.zone_label if desk.profile.is_initialized else ""
            yield desk
    finally:
        store.close()


def stdout_is_terminal() -> bool:
    """Whether a person reads stdout (tables) rather than cron mail or a pipe (plain lines)."""
    return sys.stdout.isatty()


def recording_officer(store: "Store", flag: str | None) -> str:
    """Who records a change: flag > KPUDESK_OFFICER > config file > the office default; asked at a
    terminal when none is set, refused (exit 2) otherwise, so that no event records no one."""
    from kpudesk.config import resolve_officer
    from kpudesk.services.desk import stored_officer
    from kpudesk.services.events import NO_OFFICER

    with store.session() as session:
        officer = resolve_officer(flag, stored_officer(session)).value
    if officer:
        return officer
    if is_interactive():
        answer = typer.prompt("Nama petugas yang mencatat", default="", show_default=False, err=True).strip()
        if answer:
            return answer
    raise InvalidInput(NO_OFFICER)


def safe_console_class() -> type["Console"]:
    """A rich Console whose print() shows control characters in text as escapes (see terminal_safe)."""
    from rich.console import Console

    from kpudesk.textfmt import terminal_safe

    class SafeConsole(Console):
        def print(self, *objects: Any, **kwargs: Any) -> None:  # noqa: D102
            super().print(*(terminal_safe(o) if isinstance(o, str) else o for o in objects), **kwargs)

    return SafeConsole


def stdout_console() -> "Console":
    Console = safe_console_class()  # noqa: N806

    # Piped (cron mail, files): a wide fixed width instead of rich's 80 columns, so rows stay whole.
    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
    # markup=False: stored text such as "SK [rahasia]" or "[/x]" is data, never rich markup.
    return Console(highlight=False, soft_wrap=False, width=width, markup=False, no_color=bool(os.environ.get("NO_COLOR")))


def stderr_console() -> "Console":
    Console = safe_console_class()  # noqa: N806

    return Console(stderr=True, highlight=False, no_color=bool(os.environ.get("NO_COLOR")))


def say(message: str) -> None:
    """Talk to the officer on stderr (stdout is for data)."""
    from kpudesk.textfmt import terminal_safe

    print(terminal_safe(message), file=sys.stderr)


def print_json(data: Any) -> None:
    """JSON on stdout; invisible and C1 control characters escaped as \\uXXXX (same JSON value)."""
    from kpudesk.textfmt import CONTROL_CHARS

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    print(CONTROL_CHARS.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def emit(data: Any, as_json: bool, lines: Iterable[str]) -> None:
    """JSON for scripts, otherwise the officer's lines (printed as plain text)."""
    if as_json:
        print_json(data)
        return
    out = stdout_console()
    for line in lines:
        out.print(line)


def human_time(stamp: object) -> str:
    """'2026-03-16T10:00' (or a datetime) → 'Senin, 16 Maret 2026 10.00 WITA' for people; JSON and CSV keep ISO."""
    from kpudesk.textfmt import long_datetime

    if not stamp:
        return ""
    moment = stamp if isinstance(stamp, datetime) else datetime.fromisoformat(str(stamp))
    return long_datetime(moment, STATE.zone)


def human_date(day: object) -> str:
    """'2026-03-16' (or a date) → 'Senin, 16 Maret 2026'; '' for none."""
    from kpudesk.textfmt import long_date

    if not day:
        return ""
    return long_date(day if isinstance(day, date) else date.fromisoformat(str(day)[:10]))


def print_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> None:
    """CSV on stdout; a cell that a spreadsheet would run as a formula is written as text ('=…)."""
    from kpudesk.textfmt import csv_safe, terminal_safe

    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_safe(terminal_safe(value) if isinstance(value, str) else value)
                         for key, value in row.items()})


def print_table(title: str | None, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, styles: Sequence[str] = ()) -> None:
    """A rich table on stdout (plain when piped)."""
    from rich.table import Table

    from kpudesk.textfmt import terminal_safe

    table = Table(title=terminal_safe(title) if title else None, title_justify="left", show_lines=False)
    for i, header in enumerate(headers):
        table.add_column(header, style=styles[i] if i < len(styles) else None, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else terminal_safe(str(v)) for v in row))
    stdout_console().print(table)


def print_sheet(sheet: "Sheet") -> None:
    """A record for people: heading lines, then each section as aligned 'label  value' rows or a table."""
    out = stdout_console()
    for line in sheet.heading:
        out.print(line)
    for section in sheet.sections:
        if section.rows:
            out.print(f"\n{section.title}", style="bold")
            width = max(len(label) for label, _ in section.rows)
            for label, value in section.rows:
                out.print(f"  {label:<{width}}  {value}".rstrip() if label or value else "")
        if section.table:
            out.print()
            print_table(section.title if not section.rows else None, section.headers, section.table)


def report_moves(moved: Sequence["MovedDeadline"], as_json: bool) -> None:
    """The open deadlines that a calendar or settings change moved (old → new)."""
    if as_json:
        print_json([m.as_dict() for m in moved])
    elif moved:
        from kpudesk.kinds import clock_specs

        labels = {code: spec.label for code, spec in clock_specs().items()}
        print_table(f"Tenggat yang bergeser: {len(moved)}", ["Nomor", "Tenggat", "Semula", "Menjadi"],
                    [(m.number, labels.get(m.kind, m.kind), human_date(m.old_due), human_date(m.new_due))
                     for m in moved])
    else:
        say("Tidak ada tenggat berjalan yang bergeser.")


def is_interactive() -> bool:
    """Prompts only when a person sits at a terminal."""
    return sys.stdin.isatty() and not os.environ.get("CI")
