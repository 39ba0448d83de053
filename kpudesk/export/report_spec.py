"""What a report document looks like, as data: titles, sections of paragraphs and tables.

Pure: the Word and Excel writers (`report_docx`, `report_xlsx`) turn it into files.
"""

from dataclasses import dataclass, field

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """A numbered table: its caption, header row, body rows, and an optional note below it."""

    caption: str
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    note: str = ""
    sheet: str = ""  # the worksheet's name in the xlsx (≤ 31 characters)

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.headers):
                raise ValueError(f"row {number} of {self.caption!r} has {len(row)} cells for {len(self.headers)} columns")


@dataclass(frozen=True)
class Block:
    """A paragraph of text; `blank` marks a part the office still has to write."""

    text: str
    blank: bool = False


@dataclass(frozen=True)
class Section:
    """A heading followed by its blocks and tables (in that order), and its subsections."""

    heading: str
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)


@dataclass(frozen=True)
class ReportDocument:
    """The whole report: title lines, sections, and the signature block's lines."""

    titles: tuple[str, ...]
    sections: list[Section]
    signature: tuple[str, ...] = ()

    def tables(self) -> list[Table]:
        """Every table of the document, in reading order."""
        found: list[Table] = []

        def walk(sections: list[Section]) -> None:
            for section in sections:
                found.extend(section.tables)
                walk(section.subsections)

        walk(self.sections)
        return found
