"""The audit trail's hash chain and case-state snapshots, as pure functions (no database).

Each event's `hash` is SHA-256 over a canonical JSON of its content and the previous event's hash
(`prev_hash`); the first event's predecessor is GENESIS. Canonical means: keys sorted, no spaces,
UTF-8, datetimes as naive UTC ISO with microseconds (SQLite and PostgreSQL hash alike), dates ISO.
The migration that built the chain for existing stores (0003) uses these same functions: changing
them breaks every stored chain, so they never change.

A *state snapshot* is what a case and its child rows (deadlines, …) held when a transaction that
changed them committed: every column of the case row and of each child row. It is recorded as an
event of action STATE_ACTION, so it is inside the chain.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

GENESIS = "0" * 64
STATE_ACTION = "state"
HASHED_FIELDS = ("id", "case_id", "expedition_id", "at", "officer", "action", "detail", "prev_hash")


def canonical(value: Any) -> Any:
    """A stored value in the form the chain hashes and snapshots compare: UTC ISO datetimes, ISO dates."""
    if isinstance(value, datetime):
        utc = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
        return utc.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def event_hash(event: Mapping[str, Any]) -> str:
    """The SHA-256 hex digest of an event's HASHED_FIELDS (prev_hash included)."""
    content = {name: canonical(event[name]) for name in HASHED_FIELDS}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def case_state(case_row: Mapping[str, Any], children: Mapping[str, Iterable[Mapping[str, Any]]]) -> dict[str, Any]:
    """The snapshot of one case: its row, and its child rows per group (e.g. 'deadlines') by id,
    every value canonical."""
    state: dict[str, Any] = {"case": {key: canonical(value) for key, value in case_row.items()}}
    for group, rows in children.items():
        state[group] = {str(row["id"]): {key: canonical(value) for key, value in row.items() if key != "id"}
                        for row in rows}
    return state


def state_differences(recorded: Mapping[str, Any], current: Mapping[str, Any] | None) -> list[str]:
    """What differs between a recorded snapshot and the case as it is now, as short phrases; [] when equal.

    Only what the snapshot names is compared (its fields, its child groups), so a column or a child
    table added by a later revision does not make older snapshots look broken."""
    if current is None:
        return ["baris perkara tidak ada lagi"]
    out = [f"perkara.{key}: tercatat {value!r}, sekarang {current['case'].get(key)!r}"
           for key, value in recorded.get("case", {}).items() if current["case"].get(key) != value]
    for group, was in recorded.items():
        if group != "case":
            out += _group_differences(group, was, current.get(group, {}))
    return out


def _group_differences(group: str, was: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """Differences within one child group: rows gone, rows added, and changed fields."""
    out = [f"{group} #{key} hilang" for key in was if key not in now]
    out += [f"{group} #{key} tidak tercatat di jejak audit" for key in now if key not in was]
    for key, fields in was.items():
        if key in now:
            out += [f"{group} #{key}.{name}: tercatat {value!r}, sekarang {now[key].get(name)!r}"
                    for name, value in fields.items() if now[key].get(name) != value]
    return out
