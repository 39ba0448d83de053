"""Reading an office's existing Excel register: find the header (one row, or two rows of grouped
titles over sub-columns), name each column, then stream the data rows as plain values.

The only other module that imports openpyxl; it knows nothing of what the columns mean (the
import service maps header names to fields).
"""

import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

HEADER_SEARCH_ROWS = 30  # the header is within the first rows, under the register's title lines


class UnreadableSheet(Exception):
    """The file is not an xlsx workbook, or the sheet is missing or has no header; the message says which."""


@dataclass
class SheetColumn:
    """One column of the sheet: its letter, the group title over it (if any) and its own header."""

    index: int  # 1-based
    group: str
    header: str

    @property
    def letter(self) -> str:
        return get_column_letter(self.index)

    @property
    def title(self) -> str:
        """'Nomor Kontak / Telepon' for a grouped column, else its header."""
        return f"{self.group} / {self.header}" if self.group and self.group != self.header else self.header


@dataclass
class Sheet:
    """A register sheet: its name, columns, the row after the header, and the open workbook."""

    name: str
    path: Path
    columns: list[SheetColumn]
    first_data_row: int
    _book: Any = None

    @property
    def row_estimate(self) -> int:
        """How many rows there are below the header, as the file declares it (0: not declared)."""
        last = self._book[self.name].max_row if self._book is not None else None
        return max(0, (last or 0) - self.first_data_row + 1)

    @property
    def width(self) -> int:
        return max(c.index for c in self.columns)

    def titles(self) -> list[str]:
        """The title of every column from A to the last named one ('' where a column has none)."""
        named = {c.index: c.title for c in self.columns}
        return [named.get(index, "") for index in range(1, self.width + 1)]

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(row number, values by column) for every non-empty row below the header."""
        width = self.width
        for number, values in enumerate(
                self._book[self.name].iter_rows(min_row=self.first_data_row, max_col=width, values_only=True),
                start=self.first_data_row):
            cells = list(values) + [None] * (width - len(values))
            if any(v is not None and str(v).strip() for v in cells):
                yield number, cells

    def close(self) -> None:
        if self._book is not None:
            self._book.close()


def open_sheet(path: str | os.PathLike[str], sheet: str | None, is_header: Any) -> Sheet:
    """Open `sheet` (default: the first) of the workbook at `path` and find its header: the first row
    in which `is_header(text)` holds for at least three cells. Raises UnreadableSheet."""
    try:
        book = load_workbook(Path(path), read_only=True, data_only=True)
    except (OSError, InvalidFileException, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise UnreadableSheet(f"Berkas {path} tidak dapat dibaca sebagai .xlsx ({exc.__class__.__name__}).") from exc
    names = list(book.sheetnames)
    name = sheet if sheet is not None else names[0]
    if name not in names:
        book.close()
        raise UnreadableSheet(f"Lembar '{name}' tidak ada di {Path(path).name}; pilih salah satu: {', '.join(names)}.")
    top = list(book[name].iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True))
    found = header_rows(top, is_header)
    if found is None:
        book.close()
        raise UnreadableSheet(f"Lembar '{name}' tidak memiliki baris judul kolom register (Tanggal, Nama, "
                              "Informasi yang Diminta, …) di 30 baris pertama.")
    columns, first_data_row = found
    return Sheet(name, Path(path), columns, first_data_row, book)


def header_rows(top: list[tuple[Any, ...]], is_header: Any) -> tuple[list[SheetColumn], int] | None:
    """The columns named by the header row (and the sub-header row under it, when the header is
    grouped), and the first data row; None when no row looks like a header."""
    for offset, row in enumerate(top):
        texts = [text_of(v) for v in row]
        if sum(1 for t in texts if t and is_header(t)) < 3:
            continue
        below = [text_of(v) for v in top[offset + 1]] if offset + 1 < len(top) else []
        grouped = is_sub_header(top[offset + 1]) if offset + 1 < len(top) else False
        columns = combine(texts, below if grouped else [])
        return columns, offset + (3 if grouped else 2)
    return None


def is_sub_header(row: tuple[Any, ...]) -> bool:
    """A second header row: some text, only text, and nothing in the first column (a data row
    starts with its number or date)."""
    values = [v for v in row if v is not None and str(v).strip()]
    return bool(values) and all(isinstance(v, str) for v in values) and not text_of(row[0] if row else None)


def combine(top: list[str], below: list[str]) -> list[SheetColumn]:
    """Columns from a header row and its sub-header row: a group title runs over the columns to its
    right that have a sub-header and no title of their own (merged cells read as empty)."""
    columns: list[SheetColumn] = []
    group = ""
    for index in range(1, max(len(top), len(below)) + 1):
        title = top[index - 1] if index <= len(top) else ""
        sub = below[index - 1] if index <= len(below) else ""
        if title:
            group = title if sub else ""
        elif not sub:
            group = ""
        if title or sub:
            columns.append(SheetColumn(index, group if sub else "", sub or title))
    return columns


def text_of(value: Any) -> str:
    """A header cell as one line of text ('' when empty)."""
    return " ".join(str(value).split()) if value is not None else ""
