"""Excel registers: a workbook built from plain rows and a column spec, saved atomically.

The only package that imports openpyxl, and only inside `workbook`; the spec types here are pure,
so services can describe a register without loading openpyxl.
"""

import os

from kpudesk.export.spec import Column, Register, RowsWritten, Value

__all__ = ["Column", "Register", "RowsWritten", "Value", "write_register"]


def write_register(register: Register, path: str | os.PathLike[str], on_rows: RowsWritten | None = None) -> None:
    """Stream the register's rows into a workbook and save it at `path` (atomically); raises OSError."""
    from kpudesk.export.workbook import build_workbook, save_atomically

    save_atomically(build_workbook(register, on_rows), path)
