"""Excel registers: a workbook built from plain rows and a column spec, saved atomically.

The only package that imports openpyxl, and only inside `workbook`; the spec types here are pure,
so services can describe a register without loading openpyxl.
"""

from kpudesk.export.spec import Column, Register, Value

__all__ = ["Column", "Register", "Value", "write_register"]


def write_register(register: Register, path: str) -> None:
    """Build the register's workbook and save it at `path` (atomically); raises OSError."""
    from kpudesk.export.workbook import build_workbook, save_atomically

    save_atomically(build_workbook(register), path)
