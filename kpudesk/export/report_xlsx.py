"""The tables of a report as an .xlsx workbook: one sheet per table, numbers as numbers."""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from kpudesk.export.files import save_via_temp
from kpudesk.export.report_spec import ReportDocument, Table
from kpudesk.export.workbook import BORDER, HEADER_ALIGN, HEADER_FILL

FIRST_ROW = 4  # after the caption, the document title and a blank row


def write_tables(report: ReportDocument, path: str | Path) -> Path:
    """Save every table of the report as its own sheet at `path` (atomically); raises OSError."""
    workbook = build_tables(report)
    return save_via_temp(path, workbook.save)


def build_tables(report: ReportDocument) -> Workbook:
    """A workbook with one sheet per table, named by the table's sheet name (or its number)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for number, table in enumerate(report.tables(), start=1):
        sheet = workbook.create_sheet(sheet_name(table, number))
        sheet.cell(row=1, column=1, value=table.caption).font = Font(bold=True, size=12)
        sheet.cell(row=2, column=1, value=" — ".join(report.titles))
        write_table(sheet, table)
    return workbook


def sheet_name(table: Table, number: int) -> str:
    """'3 Waktu': the table's number and short name, within Excel's 31 characters and charset."""
    name = f"{number} {table.sheet}" if table.sheet else f"Tabel {number}"
    return "".join(char for char in name if char not in "[]:*?/\\")[:31]


def write_table(sheet, table: Table) -> None:  # noqa: ANN001 - an openpyxl worksheet
    """Header row, body rows with borders, the note under them, and column widths from the text."""
    for index, header in enumerate(table.headers, start=1):
        cell = sheet.cell(row=FIRST_ROW, column=index, value=header)
        cell.font, cell.fill, cell.alignment, cell.border = Font(bold=True), HEADER_FILL, HEADER_ALIGN, BORDER
    for offset, row in enumerate(table.rows, start=1):
        for index, value in enumerate(row, start=1):
            cell = sheet.cell(row=FIRST_ROW + offset, column=index, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # stored text never acts as a formula in Excel
            cell.border, cell.alignment = BORDER, Alignment(vertical="top", wrap_text=True)
    if table.note:
        sheet.cell(row=FIRST_ROW + len(table.rows) + 2, column=1, value=table.note).font = Font(italic=True)
    for index, header in enumerate(table.headers, start=1):
        longest = max([len(header), *(len(str(row[index - 1] or "")) for row in table.rows)])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, longest + 2))

