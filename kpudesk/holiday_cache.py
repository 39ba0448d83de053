"""The national holidays of each year, computed once by the `holidays` package and kept in a small
JSON file in the cache directory, keyed by that package's version.

Importing `holidays` and building the Indonesian calendar costs more than the rest of a morning's
`overdue` (the package loads every country it knows); the cached days are read in a millisecond.
A cache that cannot be read or written is simply not used: the days are then computed as before.
"""

import json
import os
import tempfile
from datetime import date
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from kpudesk.calendar import Holiday, indonesian_holidays
from kpudesk.config import cache_dir


@cache
def holidays_version() -> str:
    """The installed `holidays` version, from its distribution folder's name (importing the package
    is the slow part, and it reads its version through importlib.metadata)."""
    spec = find_spec("holidays")
    for folder in list(spec.submodule_search_locations or []) if spec else []:
        for info in sorted(Path(folder).parent.glob("holidays-*.dist-info")):
            return info.name.removeprefix("holidays-").removesuffix(".dist-info")
    return "unknown"


def cache_file() -> Path:
    return cache_dir() / f"holidays-{holidays_version()}.json"


@cache
def _stored() -> dict[str, list[list[object]]]:
    """The cached years ({} when there is no usable cache file)."""
    try:
        data = json.loads(cache_file().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def cached_holidays(year: int) -> list[Holiday]:
    """The holidays of `year`: from the cache file, else computed and added to it."""
    stored = _stored()
    if str(year) in stored:
        try:
            return [Holiday(date.fromisoformat(str(d)), str(n), bool(c), bool(e)) for d, n, c, e in stored[str(year)]]
        except (TypeError, ValueError):
            pass  # a damaged entry: compute it again
    days = indonesian_holidays(year)
    stored[str(year)] = [[h.day.isoformat(), h.name, h.collective_leave, h.estimated] for h in days]
    _save(stored)
    return days


def _save(stored: dict[str, list[list[object]]]) -> None:
    """Write the cache atomically; silently skipped when the directory cannot be written."""
    target = cache_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".holidays.", dir=target.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(stored, stream, ensure_ascii=False)
        os.replace(temp, target)
    except OSError:
        Path(temp).unlink(missing_ok=True)
