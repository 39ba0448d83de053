"""How `overdue` and `due` show their clocks: a compact table per official on a terminal, plain
lines for cron mail and pipes. Both grouped by the responsible position, in the service's order
(most late first; soonest first for what is coming up).

Plain lines are built with str formatting, not rich: at 100,000 requests thousands of clocks are
late, and drawing them as a rich table cost more than the whole query.
"""

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kpudesk.textfmt import long_date

if TYPE_CHECKING:
    from rich.table import Table

    from kpudesk.services.deadlines import DueItem

UNIT_WORDS = {"working_days": "HK", "calendar_days": "hari", "minutes": "menit"}
NO_ONE = "(tanpa penanggung jawab)"
TERMINAL_ROWS_PER_GROUP = 10


@dataclass(frozen=True)
class Section:
    """One block of the report: its heading, what the distance column means, and its clocks."""

    title: str
    late: bool
    items: Sequence["DueItem"]


def thousands(n: int) -> str:
    """'6.687' (Indonesian thousands separator)."""
    return f"{n:,}".replace(",", ".")


def late_text(item: "DueItem") -> str:
    """How late (or how long left): '2 HK', '3 hari' or '45 menit'."""
    return f"{thousands(item.days)} {UNIT_WORDS.get(item.unit, item.unit)}"


def due_text(item: "DueItem") -> str:
    """The due date as people read it, with the time for clocks counted in minutes:
    'Senin, 7 Desember 2026' or 'Senin, 7 Desember 2026 pukul 10.30'."""
    text = long_date(item.due)
    return f"{text} pukul {item.due_at:%H.%M}" if item.due_at else text


def grouped(items: Iterable["DueItem"]) -> dict[str, list["DueItem"]]:
    """Clocks by responsible position; groups in order of their first (most urgent) clock."""
    groups: dict[str, list[DueItem]] = {}
    for item in items:
        groups.setdefault(item.responsible or NO_ONE, []).append(item)
    return groups


def plain_lines(section: Section) -> Iterable[str]:
    """The section as plain text lines: a heading per position, then one clock per line."""
    word = "terlambat" if section.late else "sisa"
    yield f"{section.title}: {thousands(len(section.items))} tenggat"
    for position, items in grouped(section.items).items():
        yield ""
        yield f"{position} ({thousands(len(items))})"
        for item in items:
            subject = f"  {item.subject}" if item.subject else ""
            yield f"  {word} {late_text(item)}  {item.number}  {item.label}, jatuh tempo {due_text(item)}{subject}"


def write_plain(sections: Sequence[Section]) -> None:
    """The report as plain lines on stdout, sections separated by a blank line."""
    chunks = ["\n".join(plain_lines(section)) for section in sections if section.items]
    if chunks:
        sys.stdout.write("\n\n".join(chunks) + "\n")


def write_tables(sections: Sequence[Section], show_all: bool) -> None:
    """The report as one compact rich table per position; long blocks cut unless `show_all`."""
    from kpudesk.cli.common import stdout_console

    console = stdout_console()
    for section in sections:
        if not section.items:
            continue
        console.print(f"{section.title}: {thousands(len(section.items))} tenggat", style="bold")
        for position, items in grouped(section.items).items():
            shown = items if show_all else items[:TERMINAL_ROWS_PER_GROUP]
            console.print(position_table(position, items, shown, section.late, console.width))
            if len(shown) < len(items):
                console.print(f"… dan {thousands(len(items) - len(shown))} lainnya (tambahkan --all untuk semua)")


def position_table(position: str, items: Sequence["DueItem"], shown: Sequence["DueItem"], late: bool,
                   width: int) -> "Table":
    """A compact table (no side borders, one line per clock) of one position's clocks, at most
    `width` columns wide: the subject is cut with "…", and left out (then the deadline's name)
    when even the fixed columns do not fit."""
    from rich import box
    from rich.table import Table

    columns = {"Terlambat" if late else "Sisa": [late_text(i) for i in shown], "Nomor": [i.number for i in shown],
               "Tenggat": [i.label for i in shown], "Jatuh tempo": [due_text(i) for i in shown]}
    widths = {header: max([len(header), *map(len, values)]) for header, values in columns.items()}
    room = width - sum(widths.values()) - 3 * len(widths) - 4  # padding and gaps between columns
    if room >= 12:
        columns["Perihal"] = [cut(i.subject, room) for i in shown]
    elif room < 0:
        columns.pop("Tenggat")
    table = Table(title=f"{position} ({thousands(len(items))})", title_justify="left", title_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    for index, header in enumerate(columns):
        table.add_column(header, no_wrap=True, justify="right" if index == 0 else "left",
                         style=("bold red" if late else "yellow") if index == 0 else None)
    for row in zip(*columns.values(), strict=True):
        table.add_row(*row)
    return table


def cut(text: str, width: int) -> str:
    """`text` cut to `width` characters, ending in "…" when cut."""
    return text if len(text) <= width else text[: width - 1] + "…"
