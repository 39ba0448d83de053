"""What a register looks like, as data: its titles, its columns and its rows of plain values."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

# A cell value: text, a number, an office-time date or naive datetime, a tick (bool), or empty.
Value = str | int | date | datetime | bool | None

# How each column kind is shown. Day names come from the Indonesian locale (LCID 0x421), so
# Excel and LibreOffice print "Senin" rather than "Monday" while the cell stays a real date.
NUMBER_FORMATS = {
    "date": "DD/MM/YYYY",
    "datetime": "DD/MM/YYYY HH:MM",
    "day": "[$-421]DDDD, DD/MM/YYYY",
    "int": "0",
    "text": "@",  # keeps a NIK or phone number text when someone edits the cell in Excel
}
KINDS = ("text", "int", "date", "datetime", "day", "tick")


@dataclass(frozen=True)
class Column:
    """One column: its header, the group title over it (if any), kind, width and wrapping."""

    header: str
    group: str = ""
    kind: str = "text"  # text | int | date | datetime | day | tick
    width: float = 14
    wrap: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    @property
    def number_format(self) -> str | None:
        return NUMBER_FORMATS.get(self.kind)


# Told how many rows were written so far (every few thousand rows, and once at the end).
RowsWritten = Callable[[int], None]


@dataclass(frozen=True)
class Register:
    """A whole register: sheet name, title lines above the header, columns and rows.

    `rows` may be a generator streaming from the store: the writer consumes it once, row by row,
    and never holds all rows; `count` (when known) is how many it will yield, for progress bars.
    """

    sheet: str
    titles: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: Iterable[Sequence[Value]] = field(default_factory=list)
    count: int | None = None

    @property
    def header_row(self) -> int:
        """The first of the two header rows: after the titles and one blank row."""
        return len(self.titles) + 2

    @property
    def first_data_row(self) -> int:
        return self.header_row + 2

    def header_spans(self) -> list["HeaderSpan"]:
        """The top header row: one span per ungrouped column, one per run of columns sharing a group."""
        spans: list[HeaderSpan] = []
        for index, column in enumerate(self.columns, start=1):
            last = spans[-1] if spans else None
            if column.group and last and last.grouped and last.title == column.group and last.last == index - 1:
                spans[-1] = HeaderSpan(last.title, last.first, index, grouped=True)
            else:
                spans.append(HeaderSpan(column.group or column.header, index, index, grouped=bool(column.group)))
        return spans


@dataclass(frozen=True)
class HeaderSpan:
    """A cell of the top header row: a group title over columns first..last, or a single column."""

    title: str
    first: int
    last: int
    grouped: bool
