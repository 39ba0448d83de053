"""The shared case machinery: find, new case, void, cancel open clocks, the parent request;
and looking at cases: the whole story for `show`, filtered lists for `list`.

What differs per kind (labels, statuses, show sections, listed fields) is read from the kind
registry (kpudesk.kinds), never from a list of kinds kept here.
"""

import importlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_
from sqlmodel import col, select

from kpudesk import kinds
from kpudesk.choices import CASE_STATUSES
from kpudesk.errors import InvalidInput, NotFound, Refused
from kpudesk.labels import STATUS_LABELS, kind_label, label
from kpudesk.models import Case, Deadline, RequestDetail
from kpudesk.services import validation as check
from kpudesk.services.deadlines import case_deadlines, clock_label, close_deadline, days_late, open_deadlines
from kpudesk.services.desk import Desk
from kpudesk.services.events import case_events, record_event
from kpudesk.services.numbering import issue_number
from kpudesk.textfmt import mask

MAX_LIMIT = 1_000_000


def find_case(desk: Desk, number: str, kind: str | None = None) -> Case:
    """The case with this registration number (exact, then case-insensitive); NotFound otherwise."""
    text = number.strip()
    query = select(Case).where(Case.number == text)
    case = desk.session.exec(query).first() or desk.session.exec(
        select(Case).where(func.lower(Case.number) == text.lower())).first()
    if case is None or (kind and case.kind != kind):
        what = kind_label(kind).lower() if kind else "perkara"
        raise NotFound(f"Tidak ada {what} dengan nomor '{text}'; cari dengan: kpudesk list --search TEKS.")
    return case


def new_case(desk: Desk, kind: str, received_local: datetime, *, profile: str = "publik",
             parent_id: int | None = None, day0: date | None = None, party: str = "", subject: str = "",
             form: dict[str, object] | None = None, sop_version: int | None = None) -> Case:
    """Insert a case with its registration number, issued in this same transaction."""
    seq, number = issue_number(desk, kind, received_local.date())
    case = Case(
        kind=kind, number=number, seq=seq, year=received_local.year, status="registered", profile=profile,
        received_at=desk.to_utc(received_local),
        day0=day0 or desk.calendar.day_zero(received_local, desk.profile.closing),
        officer=desk.officer, created_at=desk.stored_now(), parent_id=parent_id, party=party, subject=subject,
        form=json.dumps(form or {}, ensure_ascii=False, sort_keys=True, default=str), sop_version=sop_version,
    )
    desk.session.add(case)
    desk.session.flush()
    return case


def since(desk: Desk, case: Case) -> tuple[datetime, str]:
    """The receipt of a case, as the earliest moment a later step may carry."""
    return desk.to_local(case.received_at), f"diterimanya {case.number}"


def parent_request(desk: Desk, number: str | None) -> Case:
    """The request a new objection or consequence test is about: it must exist, be a request, neither
    voided nor withdrawn by the requester."""
    if not (number or "").strip():
        raise InvalidInput("Nomor permohonan wajib diisi: --request NOMOR.")
    case = find_case(desk, number or "")
    if case.kind != "request":
        raise Refused(f"Nomor {case.number} bukan permohonan informasi; sebutkan nomor pendaftaran permohonan (…/PPID/…).")
    if case.status == "void":
        raise Refused(f"Permohonan {case.number} sudah dibatalkan (salah catat); tidak dapat diajukan keberatan atau uji konsekuensi.")
    if case.status == "withdrawn":
        raise Refused(f"Permohonan {case.number} sudah dicabut pemohon; tidak dapat diajukan keberatan atau uji konsekuensi.")
    return case


def is_finished(case: Case) -> bool:
    """Whether the case reached a final status of its kind."""
    try:
        return case.status in kinds.get_kind(case.kind).final_statuses
    except KeyError:
        return case.status in ("closed", "void", "withdrawn")


def cancel_open_clocks(desk: Desk, case: Case, on: date) -> list[str]:
    """Stop every open clock of a case (withdrawn, voided, closed); returns their kinds."""
    clocks = open_deadlines(desk, case.id)
    for clock in clocks:
        close_deadline(desk, clock, on, status="cancelled")
    return [clock.kind for clock in clocks]


def _refuse_if_live_children(desk: Desk, case: Case) -> None:
    """A case is voided only after the cases under it are voided or finished, so that no case is
    left running under one that no longer counts."""
    query = select(Case).where(Case.parent_id == case.id).order_by(col(Case.id))
    live = [c for c in desk.session.exec(query) if not is_finished(c)]
    if live:
        names = ", ".join(f"{kind_label(c.kind).lower()} {c.number} ({label(STATUS_LABELS, c.status)})" for c in live)
        raise Refused(f"{kind_label(case.kind)} {case.number} masih memiliki perkara turunan yang berjalan; "
                      f"batalkan/selesaikan dahulu: {names}.")


def void_case(desk: Desk, number: str, reason: str | None) -> Case:
    """Void any case entered by mistake: status 'void' with the reason, open clocks cancelled."""
    reason = check.clean_text(reason, "Alasan pembatalan (--reason)", long=True, required=True)
    case = find_case(desk, number)
    if case.status == "void":
        raise Refused(f"{case.number} sudah dibatalkan sebelumnya (alasan: {case.void_reason}); tidak ada yang diubah.")
    _refuse_if_live_children(desk, case)
    previous = case.status
    cancelled = cancel_open_clocks(desk, case, desk.today())
    case.status, case.void_reason = "void", reason
    desk.session.add(case)
    record_event(desk, "voided", case_id=case.id, reason=reason, previous_status=previous, cancelled=cancelled)
    return case


def deadline_dict(desk: Desk, deadline: Deadline, as_of: date) -> dict[str, object]:
    """A clock as plain data; one in office minutes also carries its due moment and minutes late/left."""
    if deadline.due_at is not None:
        return _minute_clock_dict(desk, deadline)
    days = days_late(desk.calendar, deadline, as_of) if deadline.status == "open" else None
    return {
        "kind": deadline.kind, "label": clock_label(desk, deadline), "step": deadline.step,
        "start": deadline.start.isoformat(), "due": deadline.due.isoformat(), "due_at": None, "amount": deadline.amount,
        "unit": "working_days" if deadline.working_days else "calendar_days", "basis": deadline.basis,
        "responsible": deadline.responsible, "status": deadline.status,
        "late_days": deadline.late_days if deadline.status != "open" else (days if days and days > 0 else 0),
        "days_left": (-days if days is not None and days <= 0 else None),
        "overdue": bool(days and days > 0 and deadline.kind in kinds.office_clock_kinds()),
    }


def _minute_clock_dict(desk: Desk, deadline: Deadline) -> dict[str, object]:
    due_at = desk.to_local(deadline.due_at)
    now = desk.local_now().replace(second=0, microsecond=0)
    minutes = desk.calendar.office_minutes_between(due_at, now, desk.profile.office_hours) if deadline.status == "open" else None
    return {
        "kind": deadline.kind, "label": clock_label(desk, deadline), "step": deadline.step,
        "start": deadline.start.isoformat(), "due": deadline.due.isoformat(),
        "due_at": due_at.isoformat(timespec="minutes"), "amount": deadline.amount, "unit": "minutes",
        "basis": deadline.basis, "responsible": deadline.responsible, "status": deadline.status,
        "late_minutes": deadline.late_minutes if deadline.status != "open" else max(0, minutes or 0),
        "minutes_left": -minutes if minutes is not None and minutes <= 0 else None,
        "late_days": None, "days_left": None,
        "overdue": bool(minutes and minutes > 0),
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
    case = find_case(desk, number)
    as_of = desk.today()
    data: dict[str, object] = {
        "number": case.number, "kind": case.kind, "status": case.status, "profile": case.profile,
        "received_at": desk.to_local(case.received_at).isoformat(timespec="minutes"),
        "day0": case.day0.isoformat(), "officer": case.officer, "void_reason": case.void_reason,
        "zone": desk.profile.zone_label,
    }
    data.update(kind_sections(desk, case, unmask=unmask))
    data["deadlines"] = [deadline_dict(desk, d, as_of) for d in case_deadlines(desk, case.id)]
    data["events"] = timeline(desk, case.id)
    return data


def kind_sections(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """Sections of `show` for this kind of case: links between cases, then the kind's own sections."""
    sections: dict[str, object] = {}
    related = desk.session.exec(select(Case).where(Case.parent_id == case.id).order_by(Case.id)).all()
    if related:
        sections["related"] = [{"number": r.number, "kind": r.kind, "status": r.status} for r in related]
    if case.parent_id:
        parent = desk.session.get(Case, case.parent_id)
        sections["parent"] = {"number": parent.number, "kind": parent.kind, "status": parent.status} if parent else None
    spec = kinds.get_kind(case.kind) if case.kind in kinds.kind_codes() else None
    for target in spec.sections if spec else ():
        module, function = target.split(":")
        sections.update(getattr(importlib.import_module(module), function)(desk, case, unmask=unmask))
    return sections


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


def like_literal(text: str) -> str:
    """`text` for a LIKE pattern that matches it literally: '%', '_' and the escape itself escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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
    """Refuse a bad limit or year; turn the typed status and kind (Indonesian or English, kinds from
    the registry) into stored codes."""
    if flt.limit is not None and not 0 <= flt.limit <= MAX_LIMIT:
        raise InvalidInput(f"--limit harus 0 (semua) sampai {MAX_LIMIT}, bukan {flt.limit}.")
    if flt.year is not None and not 1 <= flt.year <= 9999:
        raise InvalidInput(f"--year {flt.year} tidak valid; gunakan tahun empat angka, misalnya 2026.")
    if flt.status:
        flt.status = CASE_STATUSES.parse(flt.status, "--status")
    if flt.kind:
        spec = kinds.find_kind(flt.kind)
        if spec is None:
            raise InvalidInput(f"--kind '{flt.kind}' tidak dikenal; pilih salah satu: {', '.join(kinds.kind_codes())}.")
        flt.kind = spec.code


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
        needle = f"%{like_literal(flt.search.strip().lower())}%"
        query = query.where(or_(*(func.lower(c).like(needle, escape="\\") for c in (
            col(Case.number), col(RequestDetail.name), col(RequestDetail.info), col(RequestDetail.purpose),
            col(RequestDetail.occupation), col(RequestDetail.email), col(Case.party), col(Case.subject)))))
    next_due = (select(Deadline.case_id, func.min(Deadline.due).label("due"))
                .where(Deadline.status == "open", col(Deadline.kind).in_(kinds.office_clock_kinds()))
                .group_by(Deadline.case_id).subquery())
    query = query.add_columns(next_due.c.due).outerjoin(next_due, next_due.c.case_id == Case.id)
    if flt.overdue:
        query = query.where(next_due.c.due < as_of)
    return query


def _list_row(desk: Desk, case: Case, detail: RequestDetail | None, due: date | None, as_of: date,
              unmask: bool) -> dict[str, object]:
    """One row of `list` as plain data (ISO dates); SOP-driven kinds show their party and subject."""
    return {
        "number": case.number, "kind": case.kind, "status": case.status, "profile": case.profile,
        "received_at": desk.to_local(case.received_at).isoformat(timespec="minutes"),
        "name": detail.name if detail else case.party,
        "phone": (detail.phone if unmask else mask(detail.phone)) if detail else "",
        "info": detail.info if detail else case.subject,
        "next_due": due.isoformat() if due else None,
        "overdue": bool(due and due < as_of),
    }
