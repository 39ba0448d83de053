"""The exception family that the CLI turns into one-line messages and exit codes."""

from enum import IntEnum


class ExitStatus(IntEnum):
    """Every exit code kpudesk uses; documented in the README and in `--help`."""

    OK = 0
    REFUSED = 1  # the action is not allowed now (also: `overdue --exit-code` found late deadlines)
    USAGE = 2  # bad input: unknown option, malformed date, missing or invalid field
    NOT_FOUND = 3  # no case, disposition or expedition entry with that number
    STORE = 4  # the database cannot be opened, is locked, or is newer than this program
    INTERNAL = 70  # a bug: the message says so; set KPUDESK_DEBUG=1 for the traceback


class KpudeskError(Exception):
    """Base class: carries a full-sentence message and its exit status."""

    exit_status = ExitStatus.REFUSED

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(KpudeskError):
    """A value given by the user is malformed or missing."""

    exit_status = ExitStatus.USAGE


class Refused(KpudeskError):
    """The action breaks a rule of the SOP or the law in the case's current state."""

    exit_status = ExitStatus.REFUSED


class NotFound(KpudeskError):
    """No record with the given number exists."""

    exit_status = ExitStatus.NOT_FOUND


class StoreError(KpudeskError):
    """The database could not be opened, migrated or written."""

    exit_status = ExitStatus.STORE
