"""The tamper-evident audit trail: appending chained events, recording case state, `kpudesk verify`.

The rule, for whoever adds a table or a command:

* Every event is appended through `append_event`, which locks the chain head (`lock_head`: the
  one `audit_head` row, SELECT … FOR UPDATE on PostgreSQL; SQLite's write transaction is already
  BEGIN IMMEDIATE), numbers the event, and stores `prev_hash` and `hash` (kpudesk.chain).
* What a case *is* is derived from the events, generically: when a transaction that changed a case
  row or one of its child rows (any table in CHILD_TABLES: deadlines today; add e.g. `case_step`
  there) commits, a `state` event records the snapshot of that case and its children (every column).
  No service has to remember to do it: `watch_cases` notices the changed rows at flush time.
* `verify_store` walks the chain (each hash, each link, the head) and then compares every case with
  its last recorded snapshot; only the fields a snapshot names are compared, so a later column does
  not break older snapshots. A data migration that changes case or child rows must append `state`
  events for them (kpudesk.chain.case_state), as revision 0003 does.
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, event, func
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from kpudesk.chain import GENESIS, STATE_ACTION, case_state, event_hash, state_differences
from kpudesk.models import AuditHead, Case, CaseStep, ConsultationProblem, Deadline, Event, MeetingParticipant

# Child tables whose rows belong to a case (by a `case_id` column) and are part of its state.
CHILD_TABLES: dict[str, type] = {
    "deadlines": Deadline, "steps": CaseStep, "problems": ConsultationProblem, "participants": MeetingParticipant,
}
_TOUCHED = "kpudesk_touched_cases"
_DESK = "kpudesk_audit_actor"
_HEAD = "kpudesk_audit_head"
CHUNK = 2000


def lock_head(session: Session) -> AuditHead:
    """The chain head, locked for this transaction (serialises writers on PostgreSQL); created if missing."""
    head = session.exec(select(AuditHead).where(AuditHead.id == 1).with_for_update()).first()
    if head is None:
        head = AuditHead(id=1, event_id=0, hash=GENESIS, events=0)
        session.add(head)
    return head


def append_event(session: Session, new: Event) -> Event:
    """Add `new` as the next link of the chain: numbered, then hashed over its content and its
    predecessor's hash; the head moves to it. Returns the event."""
    head = _held_head(session)
    session.add(new)
    session.flush()  # numbers the event after the head is locked: ids follow the chain order
    new.prev_hash = head.hash or GENESIS
    new.hash = event_hash(new.model_dump())
    head.event_id, head.hash, head.events = new.id, new.hash, head.events + 1
    session.add(head)
    return new


def _held_head(session: Session) -> AuditHead:
    """The head locked by this transaction: locked (and read) once, then kept for its other events."""
    transaction = session.get_transaction()
    held = session.info.get(_HEAD)
    if held is None or held[0] is not transaction:
        held = session.info[_HEAD] = (transaction, lock_head(session))
    return held[1]


# --- case state -----------------------------------------------------------------------------------

def watch_cases(session: Session, officer: str, stored_now: Any) -> None:
    """Make `session` record a `state` event for every case whose row or child rows it changes."""
    session.info[_DESK] = (officer, stored_now)
    if session.info.get(_TOUCHED) is not None:
        return
    session.info[_TOUCHED] = set()
    event.listen(session, "before_flush", _note_touched)
    event.listen(session, "before_commit", _record_states)
    event.listen(session, "after_rollback", lambda s: s.info.get(_TOUCHED, set()).clear())


def _note_touched(session: Session, _context: object, _instances: object) -> None:
    """Remember the cases changed in this flush: by id, or the object itself while it has no id yet."""
    touched = session.info[_TOUCHED]
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Case):
            touched.add(obj.id if obj.id is not None else _Pending(obj))
        elif type(obj) in CHILD_TABLES.values():
            touched.add(obj.case_id)


class _Pending:
    """A new case before its INSERT: hashable by identity; its id is read after the flush."""

    __slots__ = ("case",)

    def __init__(self, case: Case) -> None:
        self.case = case


def _record_states(session: Session) -> None:
    """Before the commit: a `state` event for each touched case whose state differs from its last one."""
    touched = session.info[_TOUCHED]
    if not touched:
        return
    session.flush()
    ids = sorted({item.case.id if isinstance(item, _Pending) else item for item in touched} - {None})
    touched.clear()
    officer, at = session.info[_DESK]
    states, recorded = read_states(session, ids), last_states(session, ids)
    for case_id in ids:
        if case_id in states and recorded.get(case_id) != states[case_id]:
            detail = json.dumps(states[case_id], ensure_ascii=False, sort_keys=True)
            append_event(session, Event(case_id=case_id, at=at, officer=officer, action=STATE_ACTION, detail=detail))
    touched.clear()  # the state events themselves touched nothing


def last_states(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The newest recorded snapshot of each of these cases (those that have one), by case id."""
    newest = (select(func.max(Event.id)).where(col(Event.case_id).in_(ids), Event.action == STATE_ACTION)
              .group_by(Event.case_id))
    rows = session.exec(select(Event.case_id, Event.detail).where(col(Event.id).in_(newest)))
    return {case_id: json.loads(detail) for case_id, detail in rows}


def read_states(session: Session, ids: list[int] | None = None, span: tuple[int, int] | None = None) -> dict[int, dict]:
    """The current snapshot of the cases with these ids (or with ids in span lo..hi), by id."""
    case_t: Table = Case.__table__
    query = core_select(case_t)
    if ids is not None:
        query = query.where(case_t.c.id.in_(ids))
    if span is not None:
        query = query.where(case_t.c.id.between(*span))
    cases = {row["id"]: dict(row) for row in session.execute(query).mappings()}
    children: dict[str, dict[int, list[dict]]] = {}
    for group, model in CHILD_TABLES.items():
        table: Table = model.__table__
        rows = session.execute(core_select(table).where(table.c.case_id.in_(list(cases))).order_by(table.c.id)).mappings()
        grouped = children.setdefault(group, {})
        for row in rows:
            grouped.setdefault(row["case_id"], []).append(dict(row))
    return {case_id: case_state(row, {g: children[g].get(case_id, []) for g in CHILD_TABLES})
            for case_id, row in cases.items()}


# --- verify ---------------------------------------------------------------------------------------

@dataclass
class Problem:
    """One broken link: the event (if any), the case number (if any), and what differs."""

    event_id: int | None
    case: str | None
    what: str

    def as_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "case": self.case, "what": self.what}


@dataclass
class AuditReport:
    """What `verify` found: counts, the chain head, and every problem (the first one is reported)."""

    events: int = 0
    cases: int = 0
    head: str = GENESIS
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_whole(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {"whole": self.is_whole, "events": self.events, "cases": self.cases, "head": self.head,
                "problems": len(self.problems), "first_problem": self.problems[0].as_dict() if self.problems else None}


@dataclass
class _Walk:
    """The state of the chain walk: the previous link and each case's last snapshot (id, digest)."""

    previous: tuple[int | None, str] = (None, GENESIS)
    snapshots: dict[int, tuple[int, bytes]] = field(default_factory=dict)


def verify_store(session: Session) -> AuditReport:
    """Walk the chain and compare each case with its last snapshot; returns the report."""
    report, walk = AuditReport(), _Walk()
    try:
        for row in _events(session):
            report.events += 1
            _check_link(row, walk, report)
        _check_head(session, walk, report)
        report.head = walk.previous[1]
        _check_states(session, walk, report)
    except (ValueError, TypeError, KeyError) as exc:  # a value changed into something unreadable
        report.problems.append(Problem(None, None, f"data tidak dapat dibaca lagi ({type(exc).__name__}: {exc})"))
    _name_cases(session, report)
    return report


def _events(session: Session) -> Iterator[dict[str, Any]]:
    table: Table = Event.__table__
    query = core_select(table).order_by(table.c.id).execution_options(yield_per=5000)
    for row in session.execute(query).mappings():
        yield dict(row)


def _check_link(row: dict[str, Any], walk: _Walk, report: AuditReport) -> None:
    """One event: its stored hash matches its content, and it points at the event before it."""
    prev_id, prev_hash = walk.previous
    if row["prev_hash"] != prev_hash:
        where = f"peristiwa #{prev_id}" if prev_id else "awal rantai"
        report.problems.append(Problem(row["id"], row["case_id"], f"tautan putus: prev_hash tidak sama dengan hash "
                                       f"{where} (ada peristiwa yang dihapus, disisipkan atau diubah)"))
    elif event_hash(row) != row["hash"]:
        report.problems.append(Problem(row["id"], row["case_id"], "isi peristiwa diubah: hash tidak cocok"))
    walk.previous = (row["id"], row["hash"])
    if row["action"] == STATE_ACTION and row["case_id"] is not None:
        walk.snapshots[row["case_id"]] = (row["id"], hashlib.sha256(row["detail"].encode()).digest())


def _check_head(session: Session, walk: _Walk, report: AuditReport) -> None:
    head = session.get(AuditHead, 1)
    last_id, last_hash = walk.previous
    if head is None or head.hash != last_hash or (head.event_id or None) != last_id:
        pointed = f"#{head.event_id}" if head else "tidak ada"
        report.problems.append(Problem(last_id, None, f"kepala rantai ({pointed}) tidak menunjuk peristiwa terakhir "
                                       f"(#{last_id}): peristiwa terakhir dihapus atau ditambahkan di luar kpudesk"))


def _check_states(session: Session, walk: _Walk, report: AuditReport) -> None:
    """Every case as it is now against its last snapshot, in chunks of ids."""
    case_t: Table = Case.__table__
    top = session.execute(core_select(case_t.c.id).order_by(case_t.c.id.desc()).limit(1)).scalar() or 0
    top = max([top, *walk.snapshots]) if walk.snapshots else top
    for lo in range(1, top + 1, CHUNK):
        current = read_states(session, span=(lo, lo + CHUNK - 1))
        report.cases += len(current)
        for case_id in sorted(set(current) | {c for c in walk.snapshots if lo <= c < lo + CHUNK}):
            _compare_case(session, case_id, current.get(case_id), walk, report)


def _compare_case(session: Session, case_id: int, current: dict | None, walk: _Walk, report: AuditReport) -> None:
    if case_id not in walk.snapshots:
        report.problems.append(Problem(None, case_id, "perkara tanpa keadaan tercatat di jejak audit "
                                       "(ditambahkan di luar kpudesk)"))
        return
    event_id, digest = walk.snapshots[case_id]
    now = json.dumps(current, ensure_ascii=False, sort_keys=True) if current is not None else ""
    if hashlib.sha256(now.encode()).digest() == digest:
        return
    try:
        recorded = json.loads(session.exec(select(Event.detail).where(Event.id == event_id)).one())
    except json.JSONDecodeError:
        report.problems.append(Problem(event_id, case_id, "keadaan tercatat tidak dapat dibaca"))
        return
    differences = state_differences(recorded, current)
    if differences:
        report.problems.append(Problem(event_id, case_id, "; ".join(differences[:3])))


def _name_cases(session: Session, report: AuditReport) -> None:
    """The first problem's case id → its registration number (the id when the row is gone)."""
    for problem in report.problems[:1]:
        if isinstance(problem.case, int):
            number = session.exec(select(Case.number).where(Case.id == problem.case)).first()
            problem.case = number or f"(id {problem.case})"
