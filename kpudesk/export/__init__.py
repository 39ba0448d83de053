"""Excel registers: a workbook built from plain rows and a column spec, saved atomically.

The only package that imports openpyxl, and only inside `workbook`; the spec types here are pure,
so services can describe a register without loading openpyxl.
"""

import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from kpudesk.export.spec import Column, Register, RowsWritten, Value

if TYPE_CHECKING:
    from kpudesk.export.reader import Sheet

__all__ = ["Column", "Register", "RowsWritten", "Value", "open_sheet", "write_register", "write_table"]


def open_sheet(path: str | os.PathLike[str], sheet: str | None, is_header: Callable[[str], bool]) -> "Sheet":
    """An existing register's sheet with its header found; raises reader.UnreadableSheet."""
    from kpudesk.export.reader import open_sheet as open_register_sheet

    return open_register_sheet(path, sheet, is_header)


def write_table(path: str | os.PathLike[str], sheet: str, rows: Iterable[Sequence[Value]]) -> None:
    """A plain one-sheet workbook (first row bold), saved atomically at `path`; raises OSError."""
    from kpudesk.export.workbook import plain_workbook, save_atomically

    save_atomically(plain_workbook(sheet, rows), path)


def write_register(register: Register, path: str | os.PathLike[str], on_rows: RowsWritten | None = None) -> None:
    """Stream the register's rows into a workbook and save it at `path` (atomically); raises OSError."""
    from kpudesk.export.workbook import build_workbook, save_atomically

    save_atomically(build_workbook(register, on_rows), path)
