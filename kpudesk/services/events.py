"""The append-only audit trail (hash-chained: see services/audit.py)."""

import json
from typing import Any

from sqlmodel import select

from kpudesk.chain import STATE_ACTION
from kpudesk.errors import InvalidInput
from kpudesk.models import Event
from kpudesk.services.audit import append_event
from kpudesk.services.desk import Desk

NO_OFFICER = "Petugas yang mencatat belum diketahui; beri --officer NAMA atau atur KPUDESK_OFFICER."


def record_event(desk: Desk, action: str, *, case_id: int | None = None, expedition_id: int | None = None, **detail: Any) -> Event:
    """Append one event stamped with the desk's officer and clock, chained to the one before it;
    returns it. No event without an officer."""
    if not desk.officer:
        raise InvalidInput(NO_OFFICER)
    event = Event(
        case_id=case_id,
        expedition_id=expedition_id,
        at=desk.stored_now(),
        officer=desk.officer,
        action=action,
        detail=json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
    )
    return append_event(desk.session, event)


def case_events(desk: Desk, case_id: int) -> list[Event]:
    """A case's events, oldest first (without the state snapshots the audit trail keeps)."""
    return list(desk.session.exec(select(Event).where(Event.case_id == case_id, Event.action != STATE_ACTION)
                                  .order_by(Event.at, Event.id)))
