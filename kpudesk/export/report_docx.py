"""The python-docx side: a `ReportDocument` as a Word file the office edits, signs and publishes.

An office may bring its own letterhead: a .docx whose header (kop surat), page set-up and styles
are kept, with the report added after whatever it already holds.
"""

from collections.abc import Callable
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Cm, Pt

from kpudesk.export.files import save_via_temp
from kpudesk.export.report_spec import ReportDocument, Section, Table

TEXT_WIDTH_CM = 16.0  # A4 less two 2.5 cm margins


def write_document(report: ReportDocument, path: str | Path, letterhead: str | Path | None = None) -> Path:
    """Build the Word document and save it at `path` atomically; returns the path. Raises OSError."""
    document = build_document(report, letterhead)
    write: Callable[[IO[bytes]], None] = document.save
    return save_via_temp(path, write)


def build_document(report: ReportDocument, letterhead: str | Path | None = None) -> DocxDocument:
    """Titles centred, then each section with its paragraphs and tables, then the signature block."""
    document = open_letterhead(letterhead) if letterhead else blank_a4()
    for number, title in enumerate(report.titles):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(title)
        run.bold, run.font.size = True, Pt(14 if number == 0 else 12)
    for section in report.sections:
        add_section(document, section, level=1)
    add_signature(document, report.signature)
    return document


def open_letterhead(path: str | Path) -> DocxDocument:
    """The office's own .docx to write into; ValueError when it is not a Word document."""
    try:
        return Document(str(path))
    except Exception as exc:  # python-docx raises several types for a file that is not a .docx
        raise ValueError(f"{path} bukan dokumen Word (.docx) yang dapat dibuka: {exc}") from exc


def blank_a4() -> DocxDocument:
    """An empty A4 document with 2.5 cm margins and an 11 pt body."""
    document = Document()
    page = document.sections[0]
    page.page_width, page.page_height = Cm(21), Cm(29.7)
    page.left_margin = page.right_margin = page.top_margin = page.bottom_margin = Cm(2.5)
    document.styles["Normal"].font.size = Pt(11)
    return document


def add_section(document: DocxDocument, section: Section, level: int) -> None:
    """A heading, its paragraphs (blanks highlighted for the office), its tables, its subsections."""
    document.add_heading(section.heading, level=level)
    for block in section.blocks:
        run = document.add_paragraph().add_run(block.text)
        if block.blank:
            run.italic, run.font.highlight_color = True, WD_COLOR_INDEX.YELLOW
    for table in section.tables:
        add_table(document, table)
    for sub in section.subsections:
        add_section(document, sub, level=level + 1)


def add_table(document: DocxDocument, table: Table) -> None:
    """Caption in bold, a bordered grid with a bold header row, and the note below in small type."""
    caption = document.add_paragraph().add_run(table.caption)
    caption.bold = True
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    widths = column_widths(table)
    size = Pt(8) if len(table.headers) >= 8 else Pt(9)  # wide tables must still fit A4 portrait
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width  # LibreOffice reads the grid's widths, Word the cells'
    for row_index, values in enumerate([table.headers, *table.rows]):
        cells = grid.rows[row_index].cells
        for index, value in enumerate(values):
            fill_cell(cells[index], value, widths[index], header=row_index == 0, size=size)
    if table.note:
        note = document.add_paragraph().add_run(table.note)
        note.italic, note.font.size = True, Pt(9)
    document.add_paragraph()


def column_widths(table: Table) -> list[Cm]:
    """Widths over the text width (16 cm), by each column's longest word and longest text."""
    weights = []
    for index, header in enumerate(table.headers):
        texts = [header, *("" if row[index] is None else str(row[index]) for row in table.rows)]
        longest_word = max(len(word) for text in texts for word in (text.split() or [""]))
        # +2: the cell's margins and a bold header take about two characters more
        weights.append(max(longest_word + 2, min(40, max(len(text) for text in texts)) / 2, 4))
    total = sum(weights)
    return [Cm(TEXT_WIDTH_CM * weight / total) for weight in weights]


def fill_cell(cell, value: object, width: Cm, *, header: bool, size: Pt) -> None:  # noqa: ANN001 - a python-docx cell
    """One cell in `size`: bold for the header, numbers right-aligned."""
    cell.width = width
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run("" if value is None else str(value))
    run.font.size, run.bold = size, header
    if isinstance(value, int | float) and not header:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def add_signature(document: DocxDocument, lines: tuple[str, ...]) -> None:
    """The signature block, right-aligned: place and date, position, space to sign, name."""
    document.add_paragraph()
    for line in lines:
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_after = Pt(0)
