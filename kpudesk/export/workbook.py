"""The openpyxl side: lay a `Register` out on a sheet and save it without leaving half a file."""

import os
import re
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kpudesk.export.spec import Column, Register, Value

TICK = "✓"
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
CENTERED_KINDS = ("int", "date", "datetime", "day", "tick")


def build_workbook(register: Register) -> Workbook:
    """A one-sheet workbook: title lines, the two-row grouped header, then one row per entry."""
    workbook = Workbook()
    sheet = workbook.active
    # Excel's limit on sheet names, and the characters it refuses in them ('Rapat koordinasi/kerja')
    sheet.title = re.sub(r"[\[\]:*?/\\]", "-", register.sheet)[:31]
    write_titles(sheet, register)
    write_header(sheet, register)
    styles = column_styles(workbook, register.columns)
    for offset, row in enumerate(register.rows):
        write_row(sheet, register.first_data_row + offset, styles, register.columns, row)
    lay_out(sheet, register)
    return workbook


def write_titles(sheet: Worksheet, register: Register) -> None:
    """Each title line merged across the full width of the table, the first one larger."""
    width = len(register.columns)
    for number, text in enumerate(register.titles, start=1):
        cell = sheet.cell(row=number, column=1, value=text)
        cell.font = Font(bold=True, size=14 if number == 1 else 11)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        if width > 1:
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)


def write_header(sheet: Worksheet, register: Register) -> None:
    """Group titles merged across their sub-columns; single columns merged down both header rows."""
    top = register.header_row
    for span in register.header_spans():
        sheet.cell(row=top, column=span.first, value=span.title)
        if span.grouped:
            for index in range(span.first, span.last + 1):
                sheet.cell(row=top + 1, column=index, value=register.columns[index - 1].header)
            if span.last > span.first:
                sheet.merge_cells(start_row=top, start_column=span.first, end_row=top, end_column=span.last)
        else:
            sheet.merge_cells(start_row=top, start_column=span.first, end_row=top + 1, end_column=span.first)
    for row in (top, top + 1):
        for index in range(1, len(register.columns) + 1):
            cell = sheet.cell(row=row, column=index)
            cell.font, cell.fill, cell.alignment, cell.border = Font(bold=True), HEADER_FILL, HEADER_ALIGN, BORDER


def column_styles(workbook: Workbook, columns: tuple[Column, ...]) -> list[str]:
    """One named style per kind of column, registered once: styling each cell alone is slow."""
    names: list[str] = []
    for column in columns:
        name = f"register-{column.kind}{'-wrap' if column.wrap else ''}"
        if name not in workbook.named_styles:
            horizontal = "center" if column.kind in CENTERED_KINDS else "left"
            workbook.add_named_style(NamedStyle(
                name=name, border=BORDER, number_format=column.number_format or "General",
                alignment=Alignment(horizontal=horizontal, vertical="top", wrap_text=column.wrap)))
        names.append(name)
    return names


def write_row(sheet: Worksheet, row: int, styles: list[str], columns: tuple[Column, ...], values: list[Value]) -> None:
    """One entry: ticks as '✓', dates as real Excel dates in the column's number format."""
    for index, (column, style, value) in enumerate(zip(columns, styles, values, strict=True), start=1):
        if column.kind == "tick":
            value = TICK if value else None
        elif value == "":
            value = None  # a truly empty cell, not an empty string
        sheet.cell(row=row, column=index, value=value).style = style


def lay_out(sheet: Worksheet, register: Register) -> None:
    """Column widths, frozen header, and a landscape page that repeats the header when printed."""
    for index, column in enumerate(register.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[register.header_row + 1].height = 45
    sheet.freeze_panes = sheet.cell(row=register.first_data_row, column=1)
    sheet.print_title_rows = f"{register.header_row}:{register.header_row + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def save_atomically(workbook: Workbook, path: str | os.PathLike[str]) -> Path:
    """Write to a temp file beside `path`, then rename over it: a failure leaves no partial file.

    The temp file is created owner-only (mkstemp), and the register keeps that mode: it holds
    personal data. Raises OSError when the folder cannot be written.
    """
    target = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            workbook.save(stream)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target
