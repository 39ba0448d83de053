"""Looking at cases: find by number, the whole story for `show`, filtered lists for `list`."""

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_
from sqlmodel import col, select

from kpudesk.choices import CASE_KINDS, CASE_STATUSES
from kpudesk.errors import InvalidInput, NotFound
from kpudesk.models import Case, Deadline, RequestDetail
from kpudesk.rules import DEADLINE_LABELS
from kpudesk.services.deadlines import OFFICE_KINDS, case_deadlines, days_late
from kpudesk.services.desk import Desk
from kpudesk.services.events import case_events
from kpudesk.textfmt import mask



def find_case(desk: Desk, number: str, kind: str | None = None) -> Case:
    """The case with this registration number (exact, then case-insensitive); NotFound otherwise."""
    text = number.strip()
    query = select(Case).where(Case.number == text)
    case = desk.session.exec(query).first() or desk.session.exec(
        select(Case).where(func.lower(Case.number) == text.lower())).first()
    if case is None or (kind and case.kind != kind):
        what = {"request": "permohonan", "objection": "keberatan", "exemption": "uji konsekuensi"}.get(kind or "", "perkara")
        raise NotFound(f"Tidak ada {what} dengan nomor '{text}'; cari dengan: kpudesk list --search TEKS.")
    return case


def deadline_dict(desk: Desk, deadline: Deadline, as_of: date) -> dict[str, object]:
    days = days_late(desk.calendar, deadline, as_of) if deadline.status == "open" else None
    return {
        "kind": deadline.kind, "label": DEADLINE_LABELS.get(deadline.kind, deadline.kind),
        "start": deadline.start.isoformat(), "due": deadline.due.isoformat(), "amount": deadline.amount,
        "unit": "working_days" if deadline.working_days else "calendar_days", "basis": deadline.basis,
        "responsible": deadline.responsible, "status": deadline.status,
        "late_days": deadline.late_days if deadline.status != "open" else (days if days and days > 0 else 0),
        "days_left": (-days if days is not None and days <= 0 else None),
        "overdue": bool(days and days > 0 and deadline.kind in OFFICE_KINDS),
    }


def protect(detail: dict[str, object], unmask: bool) -> dict[str, object]:
    """Mask the personal data of a requester (NIK, phone) unless the officer asked for it."""
    if unmask:
        return detail
    out = dict(detail)
    for key in ("id_number", "phone"):
        if out.get(key):
            out[key] = mask(str(out[key]))
    return out


def case_story(desk: Desk, number: str, *, unmask: bool = False) -> dict[str, object]:
    """The case with its form, related cases, deadlines and timeline, as plain data."""
    from kpudesk.services import story  # kind-specific sections live there

    case = find_case(desk, number)
    as_of = desk.today()
    data: dict[str, object] = {
        "number": case.number, "kind": case.kind, "status": case.status, "profile": case.profile,
        "received_at": desk.to_local(case.received_at).isoformat(timespec="minutes"),
        "day0": case.day0.isoformat(), "officer": case.officer, "void_reason": case.void_reason,
        "zone": desk.profile.zone_label,
    }
    data.update(story.kind_sections(desk, case, unmask=unmask))
    data["deadlines"] = [deadline_dict(desk, d, as_of) for d in case_deadlines(desk, case.id)]
    data["events"] = timeline(desk, case.id)
    return data


def timeline(desk: Desk, case_id: int) -> list[dict[str, object]]:
    """A case's events in the order things happened: by the moment the action names (`--at`,
    `--received`, office time), then by when it was recorded; both are shown."""
    rows = []
    for event in case_events(desk, case_id):
        detail = json.loads(event.detail)
        recorded = desk.to_local(event.at).isoformat(timespec="minutes")
        moment = str(detail.get("at") or detail.get("received_at") or recorded)
        rows.append({"at": moment, "recorded_at": recorded, "officer": event.officer, "action": event.action,
                     "detail": detail})
    return sorted(rows, key=lambda row: (row["at"], row["recorded_at"]))


@dataclass
class ListFilter:
    status: str | None = None
    year: int | None = None
    kind: str | None = None
    search: str | None = None
    overdue: bool = False
    limit: int | None = 100  # None: every matching case


@dataclass
class CaseList:
    """One page of `list`: the rows shown and how many cases matched in all."""

    rows: list[dict[str, object]]
    matched: int


def list_cases(desk: Desk, flt: ListFilter, *, unmask: bool = False) -> CaseList:
    """Cases matching the filter, newest first, with their nearest open deadline; returns the
    rows (at most `limit`) and the number of cases that matched."""
    _check_filter(flt)
    as_of = desk.today()
    query = _filtered_query(flt, as_of)
    matched = desk.session.exec(select(func.count()).select_from(query.subquery())).one()
    query = query.order_by(col(Case.received_at).desc(), col(Case.id).desc())
    if flt.limit is not None:
        query = query.limit(flt.limit)
    rows = [_list_row(desk, case, detail, due, as_of, unmask) for case, detail, due in desk.session.exec(query)]
    return CaseList(rows, matched)


def _check_filter(flt: ListFilter) -> None:
    """Refuse a bad limit; turn the typed status and kind (Indonesian or English) into stored codes."""
    if flt.limit is not None and flt.limit < 0:
        raise InvalidInput(f"--limit harus 0 (semua) atau lebih, bukan {flt.limit}.")
    if flt.status:
        flt.status = CASE_STATUSES.parse(flt.status, "--status")
    if flt.kind:
        flt.kind = CASE_KINDS.parse(flt.kind, "--kind")


def _filtered_query(flt: ListFilter, as_of: date):  # type: ignore[no-untyped-def]
    """The select of (case, its request form, nearest open office deadline) for the filter, unordered."""
    request_id = func.coalesce(Case.parent_id, Case.id)
    query = select(Case, RequestDetail).outerjoin(RequestDetail, RequestDetail.case_id == request_id)
    if flt.kind:
        query = query.where(Case.kind == flt.kind)
    if flt.status:
        query = query.where(Case.status == flt.status)
    if flt.year:
        query = query.where(Case.year == flt.year)
    if flt.search:
        needle = f"%{flt.search.strip().lower()}%"
        query = query.where(or_(*(func.lower(c).like(needle) for c in (
            col(Case.number), col(RequestDetail.name), col(RequestDetail.info), col(RequestDetail.purpose),
            col(RequestDetail.occupation), col(RequestDetail.email)))))
    next_due = (select(Deadline.case_id, func.min(Deadline.due).label("due"))
                .where(Deadline.status == "open", col(Deadline.kind).in_(OFFICE_KINDS))
                .group_by(Deadline.case_id).subquery())
    query = query.add_columns(next_due.c.due).outerjoin(next_due, next_due.c.case_id == Case.id)
    if flt.overdue:
        query = query.where(next_due.c.due < as_of)
    return query


def _list_row(desk: Desk, case: Case, detail: RequestDetail | None, due: date | None, as_of: date,
              unmask: bool) -> dict[str, object]:
    """One row of `list` as plain data (ISO dates)."""
    return {
        "number": case.number, "kind": case.kind, "status": case.status, "profile": case.profile,
        "received_at": desk.to_local(case.received_at).isoformat(timespec="minutes"),
        "name": detail.name if detail else "",
        "phone": (detail.phone if unmask else mask(detail.phone)) if detail else "",
        "info": detail.info if detail else "",
        "next_due": due.isoformat() if due else None,
        "overdue": bool(due and due < as_of),
    }
