"""Consequence tests (uji konsekuensi): whether requested information is exempt under Pasal 17.

Seed 001 Lampiran III: the decision is due 7 days after the PPID received the test, counted in
calendar days as written (the rule has working_days False), from the day of receipt itself.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from kpudesk.choices import EXEMPTION_RESULTS as RESULTS
from kpudesk.choices import PASAL_17 as EXEMPTIONS
from kpudesk.errors import InvalidInput, Refused
from kpudesk.models import Case, Deadline, ExemptionDetail
from kpudesk.services import validation as check
from kpudesk.services.cases import find_case, new_case, parent_request, since
from kpudesk.services.deadlines import close_deadline, open_deadline, open_deadlines, rule_of
from kpudesk.services.desk import Desk, action_moment
from kpudesk.services.events import record_event


@dataclass(frozen=True)
class ExemptionStarted:
    case: Case
    request: Case
    received_local: datetime
    deadline: Deadline

    def as_dict(self) -> dict[str, object]:
        d = self.deadline
        return {
            "number": self.case.number, "request": self.request.number,
            "received_at": self.received_local.isoformat(timespec="minutes"), "due": d.due.isoformat(),
            "days": d.amount, "unit": "working_days" if d.working_days else "calendar_days",
            "basis": d.basis, "responsible": d.responsible,
        }


def _pending_test(desk: Desk, request_id: int) -> Case | None:
    query = (select(Case).join(ExemptionDetail, ExemptionDetail.case_id == Case.id)
             .where(ExemptionDetail.request_case_id == request_id, col(ExemptionDetail.result).is_(None),
                    Case.status != "void"))
    return desk.session.exec(query).first()


def start_exemption(desk: Desk, request_number: str | None, received: datetime | None = None, *,
                    has_time: bool = True) -> ExemptionStarted:
    """Register a consequence test on a request and start its 7-day clock (calendar days)."""
    request = parent_request(desk, request_number)
    pending = _pending_test(desk, request.id)
    if pending is not None:
        raise Refused(f"Uji konsekuensi {pending.number} untuk permohonan {request.number} belum diputus; "
                      f"putuskan dahulu: kpudesk exemption decide {pending.number}.")
    received_local = action_moment(desk, received, has_time, since(desk, request), "Waktu diterima uji konsekuensi")
    case = new_case(desk, "exemption", received_local, profile=request.profile, parent_id=request.id)
    desk.session.add(ExemptionDetail(case_id=case.id, request_case_id=request.id))
    rule = rule_of(desk, request.profile, "consequence_test")
    # Counted from the day of receipt as written, not moved to a working day.
    deadline = open_deadline(desk, case, "consequence_test", received_local.date(), rule)
    record_event(desk, "registered", case_id=case.id, number=case.number, request=request.number,
                 received_at=received_local.isoformat(timespec="minutes"), due=deadline.due)
    record_event(desk, "exemption_started", case_id=request.id, exemption=case.number,
                 at=received_local.isoformat(timespec="minutes"))
    return ExemptionStarted(case, request, received_local, deadline)


@dataclass(frozen=True)
class ExemptionDecided:
    case: Case
    detail: ExemptionDetail
    decided_local: datetime
    late_days: int

    def as_dict(self) -> dict[str, object]:
        return {
            "number": self.case.number, "status": self.case.status, "result": self.detail.result,
            "exemptions": [e for e in self.detail.exemptions.split(",") if e], "basis": self.detail.basis,
            "decided_at": self.decided_local.isoformat(timespec="minutes"), "late_days": self.late_days,
        }


def _checked_result(result: str, exemptions: list[str]) -> tuple[str, str]:
    result = check.choice(result, "Hasil uji konsekuensi", RESULTS)
    letters = check.letters(exemptions, "Pengecualian Pasal 17", "abcdefghij")
    if result == "exempt" and not letters:
        raise InvalidInput("Hasil 'dikecualikan' wajib menyebut huruf pengecualian UU 14/2008 Pasal 17: --exemption a … j.")
    if result == "open" and letters:
        raise InvalidInput("Hasil 'terbuka' tidak boleh disertai --exemption.")
    return result, letters


def decide_exemption(desk: Desk, number: str, result: str, exemptions: list[str], basis: str | None,
                     at: datetime | None = None, *, has_time: bool = True) -> ExemptionDecided:
    """Record the consequence test's result (usually from the pleno minutes) and stop its clock."""
    result, letters = _checked_result(result, exemptions)
    basis = check.clean_text(basis, "Dasar keputusan (--basis, mis. nomor berita acara pleno)", required=True)
    case = find_case(desk, number, "exemption")
    detail = desk.session.get(ExemptionDetail, case.id)
    if detail is None:
        raise Refused(f"Uji konsekuensi {case.number} tidak memiliki rincian; periksa basis data.")
    if detail.result is not None:
        raise Refused(f"Uji konsekuensi {case.number} sudah diputus ({detail.result}); keputusan hanya sekali.")
    moment = action_moment(desk, at, has_time, since(desk, case), "Waktu keputusan")
    late = sum(close_deadline(desk, d, moment.date()) for d in open_deadlines(desk, case.id, "consequence_test"))
    detail.result, detail.exemptions, detail.basis, detail.decided_at = result, letters, basis, desk.to_utc(moment)
    case.status = "decided"
    desk.session.add_all([case, detail])
    record_event(desk, "decided", case_id=case.id, result=result, exemptions=letters, basis=basis,
                 at=moment.isoformat(timespec="minutes"), late_days=late)
    return ExemptionDecided(case, detail, moment, late)


def _summary(desk: Desk, case: Case, detail: ExemptionDetail) -> dict[str, object]:
    return {
        "number": case.number, "status": case.status, "result": detail.result,
        "exemptions": [{"letter": e, "label": EXEMPTIONS.get(e, e)} for e in detail.exemptions.split(",") if e],
        "basis": detail.basis,
        "decided_at": desk.to_local(detail.decided_at).isoformat(timespec="minutes") if detail.decided_at else None,
    }


def story_section(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """An exemption case's detail, or a request's list of consequence tests ({} otherwise)."""
    if case.kind == "exemption":
        detail = desk.session.get(ExemptionDetail, case.id)
        if detail is None:
            return {}
        request = desk.session.get(Case, detail.request_case_id)
        return {"exemption": {"request": request.number if request else None, **_summary(desk, case, detail)}}
    if case.kind == "request":
        rows = desk.session.exec(select(Case, ExemptionDetail).join(ExemptionDetail, ExemptionDetail.case_id == Case.id)
                                 .where(ExemptionDetail.request_case_id == case.id).order_by(col(Case.id)))
        return {"exemptions": [_summary(desk, c, d) for c, d in rows]}
    return {}
