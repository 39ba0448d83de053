"""Reading an existing DIP sheet (.xlsx): every non-empty row as text cells, with its row number."""

from datetime import date, datetime
from pathlib import Path
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

MAX_ROWS = 20000


def read_rows(path: str | Path) -> list[tuple[int, list[str]]]:
    """(row number, cell texts) for each row of the first sheet that is not empty.

    Raises ValueError when the file is not a readable .xlsx workbook or is larger than MAX_ROWS.
    """
    try:
        workbook = load_workbook(str(path), read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError) as exc:
        raise ValueError(f"{path} bukan berkas Excel .xlsx yang dapat dibaca ({exc})") from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise ValueError(f"{path} memuat lebih dari {MAX_ROWS} baris; pecah menjadi beberapa berkas")
            cells = [cell_text(value) for value in values]
            if any(cells):
                rows.append((number, cells))
        return rows
    finally:
        workbook.close()


def cell_text(value: object) -> str:
    """A cell as trimmed text; a date as 'YYYY-MM-DD'; a whole float as an integer."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())
