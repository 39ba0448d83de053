"""Deadlines: opening and closing the clocks of a case, `overdue`, and recomputation after calendar changes."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, or_
from sqlmodel import col, select

from kpudesk import kinds
from kpudesk.calendar import WorkCalendar
from kpudesk.models import Case, Deadline, RequestDetail
from kpudesk.rules import Rule, rule_for
from kpudesk.services.desk import Desk
from kpudesk.services.events import record_event


def clock_label(desk: Desk, deadline: Deadline) -> str:
    """The Indonesian name of a clock: the registry's label, or the SOP step's own label."""
    if deadline.step:
        return step_label(deadline)
    spec = kinds.clock_specs().get(deadline.kind)
    return spec.label if spec else deadline.kind


def step_label(deadline: Deadline) -> str:
    """An SOP step clock keeps its step's label in `basis` before the ' — ' (see services.steps)."""
    return deadline.basis.split(" — ", 1)[0]


def compute_due(calendar: WorkCalendar, start: date, amount: int, working_days: bool) -> date:
    """The due date of a clock that starts on `start` (day 0)."""
    if working_days:
        return calendar.add_working_days(start, amount)
    return start + timedelta(days=amount)


def days_late(calendar: WorkCalendar, deadline: Deadline, as_of: date) -> int:
    """Whole days past due on `as_of` (working or calendar days, as the rule counts); negative = days left.
    A clock in office minutes counts in working days here (its minutes: services.steps)."""
    if deadline.working_days or deadline.due_at is not None:
        return calendar.working_days_between(deadline.due, as_of)
    return (as_of - deadline.due).days


def rule_of(desk: Desk, profile: str, kind: str) -> Rule:
    return rule_for(profile, kind, desk.profile.rule_overrides)


def open_deadline(desk: Desk, case: Case, kind: str, start: date, rule: Rule, *, responsible: str | None = None,
                  disposition_id: int | None = None) -> Deadline:
    """Start a clock on a case and record it."""
    deadline = Deadline(
        case_id=case.id, kind=kind, start=start, amount=rule.amount, working_days=rule.working_days,
        due=compute_due(desk.calendar, start, rule.amount, rule.working_days), basis=rule.basis,
        responsible=responsible or desk.profile.role(rule.responsible), disposition_id=disposition_id,
    )
    desk.session.add(deadline)
    desk.session.flush()
    return deadline


def close_deadline(desk: Desk, deadline: Deadline, on: date, status: str = "met") -> int:
    """Stop a clock on the office day `on`; returns working days late (0 when on time)."""
    late = max(0, days_late(desk.calendar, deadline, on)) if status == "met" else None
    deadline.status = status
    deadline.closed_at = desk.stored_now()
    deadline.late_days = late
    desk.session.add(deadline)
    return late or 0


def open_deadlines(desk: Desk, case_id: int, *kinds: str) -> list[Deadline]:
    """A case's open clocks, optionally of some kinds only, oldest first."""
    query = select(Deadline).where(Deadline.case_id == case_id, Deadline.status == "open")
    if kinds:
        query = query.where(col(Deadline.kind).in_(kinds))
    return list(desk.session.exec(query.order_by(Deadline.id)))


def case_deadlines(desk: Desk, case_id: int) -> list[Deadline]:
    return list(desk.session.exec(select(Deadline).where(Deadline.case_id == case_id).order_by(Deadline.id)))


UNITS = {True: "working_days", False: "calendar_days"}


@dataclass(slots=True)  # not frozen: thousands are built per `overdue`, and frozen init costs twice as much
class DueItem:
    """One open clock as `overdue` and `due` report it."""

    number: str
    case_kind: str
    kind: str
    label: str
    due: date
    days: int  # days late (overdue) or days left (upcoming); minutes when unit is "minutes"
    working_days: bool
    responsible: str
    subject: str
    basis: str
    due_at: datetime | None = None  # office-local due moment, for clocks counted in office minutes
    unit: str = ""  # working_days | calendar_days | minutes; derived when empty

    def __post_init__(self) -> None:
        if not self.unit:
            self.unit = "minutes" if self.due_at is not None else UNITS[bool(self.working_days)]

    def as_dict(self) -> dict[str, object]:
        """The item as JSON-ready values (ISO dates)."""
        return {
            "number": self.number, "case_kind": self.case_kind, "deadline": self.kind, "label": self.label,
            "due": self.due.isoformat(), "days": self.days, "unit": self.unit,
            "due_at": self.due_at.isoformat(timespec="minutes") if self.due_at else None,
            "responsible": self.responsible, "subject": self.subject, "basis": self.basis,
        }


def _subject(name: str | None, info: str | None) -> str:
    text = " — ".join(part for part in (name, info) if part)
    return text if len(text) <= 80 else text[:79] + "…"


def due_items(desk: Desk, as_of: date, within: int | None = None) -> tuple[list[DueItem], list[DueItem]]:
    """Open office clocks due before `as_of` (late, oldest first) and, with `within`, those due
    from `as_of` to `within` working days after it. A clock in office minutes is late from the
    minute it is due; its `days` are then office minutes (late or left)."""
    horizon = desk.calendar.add_working_days(as_of, within) if within is not None else as_of - timedelta(days=1)
    request_id = func.coalesce(Case.parent_id, Case.id)
    # Plain columns, not ORM objects, run on the connection (no ORM result layer): at 100,000
    # requests thousands of clocks are late, and building Deadline and Case objects for each
    # cost more than the query itself. A clock in office minutes is late from the minute it is
    # due (judged now, or at the close of office on another --as-of day); its `days` are minutes.
    in_window = or_(Deadline.due <= horizon, and_(col(Deadline.due_at).is_not(None), Deadline.due <= as_of))
    query = (
        select(Case.number, Case.kind, Deadline.kind, Deadline.due, Deadline.working_days, Deadline.responsible,
               Deadline.basis, RequestDetail.name, RequestDetail.info, Case.party, Case.subject, Deadline.step,
               Deadline.due_at)
        .join(Case, col(Case.id) == col(Deadline.case_id))
        .outerjoin(RequestDetail, col(RequestDetail.case_id) == request_id)
        .where(Deadline.status == "open", col(Deadline.kind).in_(kinds.office_clock_kinds()), in_window)
        .order_by(col(Deadline.due), col(Case.number), col(Deadline.id))
    )
    late: list[DueItem] = []
    upcoming: list[DueItem] = []
    distance = _days_from(desk.calendar, as_of)
    labels = {code: spec.label for code, spec in kinds.clock_specs().items()}
    now_local = desk.local_now().replace(second=0, microsecond=0)
    moment = now_local if as_of == now_local.date() else datetime.combine(as_of, desk.profile.closing)
    for (number, case_kind, kind, due, working, responsible, basis, name, info, party, subject, step,
         stored_due_at) in desk.session.connection().execute(query):
        label = basis.split(" — ", 1)[0] if step else labels.get(kind, kind)
        due_at = desk.to_local(stored_due_at) if stored_due_at else None
        if due_at is not None:
            is_late = due_at < moment
            amount = desk.calendar.office_minutes_between(*sorted((due_at, moment)), desk.profile.office_hours)
        else:
            is_late, amount = due < as_of, abs(distance(due, working))
        if not is_late and within is None:
            continue
        item = DueItem(number, case_kind, kind, label, due, amount, working, responsible,
                       _subject(name or party, info or subject), basis, due_at)
        (late if is_late else upcoming).append(item)
    return late, upcoming


def _days_from(calendar: WorkCalendar, as_of: date) -> Callable[[date, bool], int]:
    """A memoised `days late on as_of` for a due date: many clocks share a due date."""
    cache: dict[tuple[date, bool], int] = {}

    def distance(due: date, working: bool) -> int:
        key = (due, working)
        if key not in cache:
            cache[key] = calendar.working_days_between(due, as_of) if working else (as_of - due).days
        return cache[key]

    return distance


@dataclass(frozen=True)
class MovedDeadline:
    number: str
    kind: str
    old_due: date
    new_due: date

    def as_dict(self) -> dict[str, str]:
        return {"number": self.number, "deadline": self.kind, "old_due": self.old_due.isoformat(),
                "new_due": self.new_due.isoformat()}


def recompute_open_deadlines(desk: Desk, reason: str, before: WorkCalendar) -> list[MovedDeadline]:
    """After the calendar changed: recompute day 0 of open cases and every open clock; record
    an event on each case whose due date moved, and return the moves."""
    calendar, closing = desk.calendar, desk.profile.closing
    moved: list[MovedDeadline] = []
    query = (select(Deadline, Case).join(Case, Case.id == Deadline.case_id)
             .where(Deadline.status == "open").order_by(Deadline.case_id, Deadline.id))
    rows = list(desk.session.exec(query))
    recomputed_cases: set[int] = set()
    notice_due: dict[int, date] = {}
    clocks = kinds.clock_specs()
    for deadline, case in rows:
        if case.id not in recomputed_cases:
            case.day0 = day_zero_after_change(before, calendar, desk.to_local(case.received_at), case.day0, closing)
            desk.session.add(case)
            recomputed_cases.add(case.id)
        counts_from = clocks[deadline.kind].counts_from if deadline.kind in clocks else "step"
        if counts_from == "day0":
            deadline.start = case.day0
        elif counts_from == "previous" and deadline.kind == "extension":
            deadline.start = notice_due.get(case.id) or _original_notice_due(desk, case, deadline)
        if deadline.due_at is not None:
            new_due = _recompute_office_moment(desk, deadline)
        else:
            new_due = compute_due(calendar, deadline.start, deadline.amount, deadline.working_days)
        if deadline.kind == "notice":
            notice_due[case.id] = new_due
        if new_due != deadline.due:
            moved.append(MovedDeadline(case.number, deadline.kind, deadline.due, new_due))
            record_event(desk, "deadline_moved", case_id=case.id, deadline=deadline.kind,
                         old_due=deadline.due, new_due=new_due, reason=reason)
            deadline.due = new_due
            desk.session.add(deadline)
    return moved


def _recompute_office_moment(desk: Desk, deadline: Deadline) -> date:
    """A clock in office minutes after a calendar change: its due moment counted again from its start."""
    start = desk.to_local(deadline.start_at or deadline.due_at)
    due_local = desk.calendar.add_office_minutes(start, deadline.amount, desk.profile.office_hours)
    deadline.due_at = desk.to_utc(due_local)
    return due_local.date()


def day_zero_after_change(before: WorkCalendar, after: WorkCalendar, received: datetime, day0: date,
                          closing: time) -> date:
    """Day 0 of a past receipt after the calendar changed from `before` to `after`. It moves only
    when the change touched it: day 0 is no longer a working day, or a day from the receipt up to
    day 0 became one. (So later changes of office hours never re-judge an after-hours receipt.)"""
    day, freed = received.date(), False
    while day < day0 and not freed:
        freed = after.is_working_day(day) and not before.is_working_day(day)
        day += timedelta(days=1)
    if after.is_working_day(day0) and not freed:
        return day0
    return after.day_zero(received, closing)


def _original_notice_due(desk: Desk, case: Case, extension: Deadline) -> date:
    """The extension counts from the original notice deadline, recomputed from day 0."""
    notice = desk.session.exec(
        select(Deadline).where(Deadline.case_id == case.id, Deadline.kind == "notice").order_by(Deadline.id)
    ).first()
    if notice is None:
        return extension.start
    return compute_due(desk.calendar, case.day0, notice.amount, notice.working_days)
