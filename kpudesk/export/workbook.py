"""The openpyxl side: stream a `Register` onto a write-only sheet and save it without leaving half a file.

Write-only mode writes each row to a temporary file as it comes, so memory stays flat however
many rows the store streams in. Every cell of a column shares one styled WriteOnlyCell that is
given the next value and written at once: the register keeps its borders, number formats and
wrapping without building a styled cell object per value.
"""

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.cell_range import CellRange

from kpudesk.export.spec import Column, Register, RowsWritten, Value

TICK = "✓"
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
CENTERED_KINDS = ("int", "date", "datetime", "day", "tick")
PROGRESS_EVERY = 5_000  # rows between two progress reports


def build_workbook(register: Register, on_rows: RowsWritten | None = None) -> Workbook:
    """A write-only one-sheet workbook: title lines, the two-row grouped header, then one row per
    entry streamed from `register.rows`; raises ValueError on a row of the wrong width."""
    workbook = Workbook(write_only=True)
    # Excel's limit on sheet names, and the characters it refuses in them ('Rapat koordinasi/kerja')
    sheet = workbook.create_sheet(re.sub(r"[\[\]:*?/\\]", "-", register.sheet)[:31])
    take_cells_as_they_are(sheet)
    lay_out(sheet, register)  # widths, heights and panes must be set before the first row
    try:
        write_titles(sheet, register)
        write_header(sheet, register)
        write_rows(sheet, register, on_rows)
    except BaseException:
        discard(workbook)
        raise
    return workbook


def take_cells_as_they_are(sheet: WriteOnlyWorksheet) -> None:
    """Make `sheet.append` write our prepared cells directly. openpyxl first tries to assign each
    appended item as a value, which for a cell fails (and formats an error message) and then
    allocates a fresh cell: a third of the export's time at a million rows. Every row this
    module appends is a list of cells, so the conversion step is replaced for this sheet only."""
    if not hasattr(sheet, "_values_to_row"):  # another openpyxl: keep its own (slower) path
        return

    def cells_in_place(cells: Sequence[Cell | None], row: int) -> Iterator[Cell]:
        for column, cell in enumerate(cells, start=1):
            if cell is not None:  # an empty cell, not written (as openpyxl does with None)
                cell.row, cell.column = row, column
                yield cell

    sheet._values_to_row = cells_in_place  # type: ignore[method-assign]


def write_rows(sheet: WriteOnlyWorksheet, register: Register, on_rows: RowsWritten | None) -> None:
    """Append every row as it streams in, telling `on_rows` the count now and then and at the end."""
    written = 0
    for cells in styled_rows(sheet, register.columns, register.rows):
        sheet.append(cells)
        written += 1
        if on_rows and written % PROGRESS_EVERY == 0:
            on_rows(written)
    draw_grid(sheet, register, written)
    if on_rows:
        on_rows(written)


def write_titles(sheet: WriteOnlyWorksheet, register: Register) -> None:
    """Each title line merged across the full width of the table, the first one larger; then a blank row."""
    width = len(register.columns)
    for number, text in enumerate(register.titles, start=1):
        cell = WriteOnlyCell(sheet, text)
        cell.font = Font(bold=True, size=14 if number == 1 else 11)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        sheet.append([cell])
        if width > 1:
            sheet.merged_cells.add(CellRange(min_row=number, min_col=1, max_row=number, max_col=width))
    sheet.append([])


def write_header(sheet: WriteOnlyWorksheet, register: Register) -> None:
    """Group titles merged across their sub-columns; single columns merged down both header rows."""
    top = register.header_row
    first: list[str | None] = [None] * len(register.columns)
    second: list[str | None] = [None] * len(register.columns)
    for span in register.header_spans():
        first[span.first - 1] = span.title
        if span.grouped:
            for index in range(span.first, span.last + 1):
                second[index - 1] = register.columns[index - 1].header
        merge_to = (top, span.last) if span.grouped else (top + 1, span.first)
        if merge_to != (top, span.first):
            sheet.merged_cells.add(CellRange(min_row=top, min_col=span.first, max_row=merge_to[0], max_col=merge_to[1]))
    for titles in (first, second):
        sheet.append([header_cell(sheet, title) for title in titles])


def header_cell(sheet: WriteOnlyWorksheet, title: str | None) -> WriteOnlyCell:
    """One styled header cell (bold, shaded, bordered, centred)."""
    cell = WriteOnlyCell(sheet, title)
    cell.font, cell.fill, cell.alignment, cell.border = Font(bold=True), HEADER_FILL, HEADER_ALIGN, BORDER
    return cell


class ColumnCell(Cell):
    """A cell that writes every value of one column: its style never changes but for the number
    format a date value may set, so the workbook's style id is looked up once per number format
    instead of once per cell (a hash of the whole style each time)."""

    __slots__ = ("_ids",)

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        super().__init__(sheet)
        self._ids: dict[int, int] = {}

    @property
    def style_id(self) -> int:
        key = self._style.numFmtId
        if key not in self._ids:
            self._ids[key] = self.parent.parent._cell_styles.add(self._style)
        return self._ids[key]


def column_cell(sheet: WriteOnlyWorksheet, column: Column) -> Cell:
    """The styled cell every value of `column` is written through: border, number format, alignment."""
    cell = ColumnCell(sheet)
    cell.border = BORDER
    cell.number_format = column.number_format or "General"
    horizontal = "center" if column.kind in CENTERED_KINDS else "left"
    cell.alignment = Alignment(horizontal=horizontal, vertical="top", wrap_text=column.wrap)
    return cell


def styled_rows(sheet: WriteOnlyWorksheet, columns: tuple[Column, ...],
                rows: Iterable[Sequence[Value]]) -> Iterator[list[Cell | None]]:
    """Each row as the columns' styled cells holding its values (None where a cell is empty: it is
    not written, and the grid's conditional border draws it): ticks as '✓', dates as real Excel
    dates, text starting with '=' kept as text (never a formula). The same cell objects come back
    every time: openpyxl writes a row out when it is appended."""
    cells = [column_cell(sheet, column) for column in columns]
    ticks = [column.kind == "tick" for column in columns]
    width = len(columns)
    for number, values in enumerate(rows, start=1):
        if len(values) != width:
            raise ValueError(f"row {number} has {len(values)} values for {width} columns")
        out: list[Cell | None] = []
        for cell, tick, value in zip(cells, ticks, values):
            value = (TICK if value else None) if tick else (None if value == "" else value)
            if value is None:
                out.append(None)
                continue
            cell.value = value
            if cell.data_type == "f":
                cell.data_type = "s"
            out.append(cell)
        yield out


def draw_grid(sheet: WriteOnlyWorksheet, register: Register, rows: int) -> None:
    """Borders on every cell of the data rows, empty ones included, as one conditional format:
    writing a styled empty cell for each blank would cost as much as writing a value."""
    if rows:
        last = register.first_data_row + rows - 1
        area = f"A{register.first_data_row}:{get_column_letter(len(register.columns))}{last}"
        sheet.conditional_formatting.add(area, FormulaRule(formula=["TRUE"], border=BORDER, stopIfTrue=False))


def lay_out(sheet: WriteOnlyWorksheet, register: Register) -> None:
    """Column widths, frozen header, and a landscape page that repeats the header when printed."""
    for index, column in enumerate(register.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[register.header_row + 1].height = 45
    sheet.freeze_panes = f"A{register.first_data_row}"
    sheet.print_title_rows = f"{register.header_row}:{register.header_row + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def plain_workbook(title: str, rows: Iterable[Sequence[Value]]) -> Workbook:
    """A write-only workbook of one sheet: the first row bold (a header), then the rows as they are."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for number, values in enumerate(rows):
        cells = [WriteOnlyCell(sheet, value) for value in values]
        for cell in cells:
            if cell.data_type == "f":
                cell.data_type = "s"
            if number == 0:
                cell.font = Font(bold=True)
        sheet.append(cells)
    return workbook


def save_atomically(workbook: Workbook, path: str | os.PathLike[str]) -> Path:
    """Write to a temp file beside `path`, then rename over it: a failure leaves no partial file.

    The temp file is created owner-only (mkstemp), and the register keeps that mode: it holds
    personal data. Raises OSError when the folder cannot be written.
    """
    target = Path(path)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except BaseException:
        discard(workbook)
        raise
    try:
        with os.fdopen(handle, "wb") as stream:
            workbook.save(stream)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        discard(workbook)
        raise
    return target


def discard(workbook: Workbook) -> None:
    """Close the write-only sheets of a workbook that could not be saved (openpyxl removes their
    temporary files when the program ends)."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
