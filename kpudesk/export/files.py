"""Saving any generated file without ever leaving half of it behind."""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def save_via_temp(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> Path:
    """Let `write` fill a temp file beside `path` (owner-only), then rename it over `path`.

    A failure removes the temp file and leaves any earlier file untouched; returns the path.
    Raises OSError when the folder cannot be written.
    """
    target = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target
