"""Objections (keberatan, UU 14/2008 Pasal 35–36) and the Komisi Informasi track (Pasal 37–38).

An objection is its own case, child of the request it is about. Its clocks: the Atasan PPID's
answer (`objection_answer`, an office clock) and the requester's window to go to the Komisi
Informasi (`dispute_window`, tracked but never reported as the office being late).
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import col, select

from kpudesk.choices import ANSWER_DECISIONS as DECISIONS
from kpudesk.choices import DISPUTE_STAGES
from kpudesk.choices import PASAL_35 as GROUNDS
from kpudesk.choices import REACTIONS
from kpudesk.errors import InvalidInput, Refused
from kpudesk.labels import DECISION_LABELS, STATUS_LABELS, label
from kpudesk.models import Case, Deadline, Event, ObjectionDetail, RequestDetail
from kpudesk.rules import Rule
from kpudesk.services import validation as check
from kpudesk.services.cases import find_case, new_case, parent_request, since
from kpudesk.services.deadlines import close_deadline, compute_due, open_deadline, open_deadlines, rule_of
from kpudesk.services.desk import Desk, action_moment
from kpudesk.services.events import record_event
from kpudesk.textfmt import long_date


# Grounds that exist only once the notice deadline has passed without a notice.
SILENCE_GROUNDS = {"c", "g"}
# Komisi Informasi track (Pasal 38): "filed" is set by the reaction; mediation may be skipped,
# and a successful mediation ends the dispute, so mediation may also lead straight to "decided".
NEXT_STAGES = {
    "filed": ("registered",),
    "registered": ("mediation", "adjudication"),
    "mediation": ("adjudication", "decided"),
    "adjudication": ("decided",),
    "decided": (),
}


# --- registration -------------------------------------------------------------------------


@dataclass
class ObjectionForm:
    """The objection form as typed at the desk; field names are the CLI options."""

    request: str | None = None
    grounds: list[str] = field(default_factory=list)
    case_position: str | None = None
    proxy: str | None = None


@dataclass(frozen=True)
class FilingWindow:
    """Pasal 36 ayat (1): 30 HK after the ground arose (the notice, or the lapse of its deadline)."""

    start: date | None  # the day the ground arose, day 0 of the window
    deadline: date | None
    source: str  # notice | lapse | unknown
    arisen: bool  # False: no notice yet and its deadline has not passed
    rule: str = ""  # "30 hari kerja (UU 14/2008 Pasal 36 ayat (1))"


@dataclass(frozen=True)
class ObjectionRegistered:
    case: Case
    request: Case
    detail: ObjectionDetail
    due: date
    rule: Rule
    warnings: list[str]

    def as_dict(self) -> dict[str, object]:
        deadline = self.detail.filing_deadline
        return {
            "number": self.case.number, "request": self.request.number, "profile": self.case.profile,
            "day0": self.case.day0.isoformat(), "due": self.due.isoformat(), "basis": self.rule.basis,
            "grounds": self.detail.grounds.split(","), "filing_deadline": deadline.isoformat() if deadline else None,
            "filing_late": self.detail.filing_late, "warnings": self.warnings,
        }


def _validated(form: ObjectionForm) -> ObjectionDetail:
    grounds = check.letters(form.grounds, "Alasan keberatan", "abcdefg")
    if not grounds:
        raise InvalidInput("Alasan keberatan wajib diisi: --ground a … g (UU 14/2008 Pasal 35 ayat 1), boleh lebih dari satu.")
    return ObjectionDetail(
        case_id=0, request_case_id=0, grounds=grounds,
        case_position=check.clean_text(form.case_position, "Kasus posisi (--case-position)", long=True, required=True),
        proxy=check.clean_text(form.proxy, "Nama kuasa"),
    )


def _last_notice_due(desk: Desk, request_id: int) -> date | None:
    """The due date of the request's latest notice clock (the extension when there is one)."""
    query = (select(Deadline).where(Deadline.case_id == request_id, col(Deadline.kind).in_(("notice", "extension")))
             .order_by(col(Deadline.id).desc()))
    deadline = desk.session.exec(query).first()
    return deadline.due if deadline else None


def filing_window(desk: Desk, request: Case, day: date) -> FilingWindow:
    """The window to object to `request`, as it stands on the objection's day 0."""
    rule = rule_of(desk, request.profile, "objection_window")
    detail = desk.session.get(RequestDetail, request.id)
    noticed = desk.to_local(detail.decided_at).date() if detail and detail.decided_at else None
    if noticed and noticed <= day:
        start, source, arisen = noticed, "notice", True
    else:
        start, source = _last_notice_due(desk, request.id), "lapse"
        if start is None:
            return FilingWindow(None, None, "unknown", True, rule.describe())
        arisen = day > start
    due = compute_due(desk.calendar, start, rule.amount, rule.working_days)
    return FilingWindow(start, due, source, arisen, rule.describe())


def _filing_warnings(detail: ObjectionDetail, window: FilingWindow, grounds: set[str]) -> list[str]:
    warnings = []
    if detail.filing_late and window.deadline:
        warnings.append(f"Keberatan diajukan setelah batas {long_date(window.deadline)} ({window.rule} sejak "
                        f"{long_date(window.start) if window.start else '-'}); tetap dicatat, ditandai terlambat.")
    if not window.arisen and grounds <= SILENCE_GROUNDS:
        warnings.append(f"Alasan {', '.join(sorted(grounds))} belum terjadi: pemberitahuan tertulis belum diberikan tetapi "
                        f"batasnya ({long_date(window.start) if window.start else '-'}) belum lewat; tetap dicatat.")
    return warnings


def _refusal_missing(desk: Desk, request: Case, grounds: set[str]) -> str | None:
    """Why ground a (refusal under Pasal 17) does not fit the request yet, or None when it does."""
    if "a" not in grounds:
        return None
    detail = desk.session.get(RequestDetail, request.id)
    decision = detail.decision if detail else None
    if decision == "refused" or (decision == "partial" and detail and detail.exemptions):
        return None
    said = f"keputusannya '{label(DECISION_LABELS, decision)}'" if decision else "belum ada pemberitahuan tertulis"
    return (f"Alasan a (penolakan berdasarkan Pasal 17) tidak sesuai: permohonan {request.number} tidak ditolak "
            f"dengan pengecualian Pasal 17 ({said}); tetap dicatat.")


def register_objection(desk: Desk, form: ObjectionForm, received: datetime | None = None, *,
                       has_time: bool = True) -> ObjectionRegistered:
    """Register an objection to a request: number, filing window and the Atasan PPID's answer clock."""
    detail = _validated(form)
    request = parent_request(desk, form.request)
    received_local = action_moment(desk, received, has_time, since(desk, request), "Waktu diterima keberatan")
    case = new_case(desk, "objection", received_local, profile=request.profile, parent_id=request.id)
    window = filing_window(desk, request, case.day0)
    detail.case_id, detail.request_case_id = case.id, request.id
    detail.filing_deadline = window.deadline
    detail.filing_late = bool(window.deadline and case.day0 > window.deadline)
    desk.session.add(detail)
    rule = rule_of(desk, request.profile, "objection_answer")
    deadline = open_deadline(desk, case, "objection_answer", case.day0, rule)
    grounds = set(detail.grounds.split(","))
    warnings = _filing_warnings(detail, window, grounds)
    mismatch = _refusal_missing(desk, request, grounds)
    stamp = received_local.isoformat(timespec="minutes")
    record_event(desk, "registered", case_id=case.id, number=case.number, request=request.number,
                 grounds=detail.grounds, received_at=stamp, due=deadline.due,
                 filing_deadline=window.deadline, filing_window_from=window.source)
    if detail.filing_late:
        record_event(desk, "filing_late", case_id=case.id, filing_deadline=window.deadline, day0=case.day0, at=stamp)
    if not window.arisen and grounds <= SILENCE_GROUNDS:
        record_event(desk, "filing_premature", case_id=case.id, notice_due=window.start, day0=case.day0, at=stamp)
    if mismatch:
        warnings.append(mismatch)
        record_event(desk, "ground_without_refusal", case_id=case.id, ground="a", at=stamp, note=mismatch)
    record_event(desk, "objection_filed", case_id=request.id, objection=case.number, grounds=detail.grounds, at=stamp)
    return ObjectionRegistered(case, request, detail, deadline.due, rule, warnings)


# --- the Atasan PPID's answer and the requester's reaction -----------------------------------


def _objection(desk: Desk, number: str) -> tuple[Case, ObjectionDetail]:
    case = find_case(desk, number, "objection")
    detail = desk.session.get(ObjectionDetail, case.id)
    if detail is None:  # a case row without its form would be a broken store, not user error
        raise Refused(f"Keberatan {case.number} tidak memiliki formulir; periksa basis data.")
    return case, detail


def _superior(text: str | None) -> str:
    """'NAME, POSITION' of the Atasan PPID, as the register's column needs both."""
    value = check.clean_text(text, "Nama dan jabatan Atasan PPID (--superior)", required=True)
    name, _, position = value.partition(",")
    if not name.strip() or not position.strip():
        raise InvalidInput(f"--superior '{value}' harus memuat nama dan jabatan dipisah koma, "
                           "mis. \"Yohanes Tefa, Sekretaris KPU Kabupaten Kupang\".")
    return f"{name.strip()}, {position.strip()}"


@dataclass(frozen=True)
class ObjectionAnswered:
    case: Case
    detail: ObjectionDetail
    answered_local: datetime
    dispute_due: date

    def as_dict(self) -> dict[str, object]:
        return {
            "number": self.case.number, "status": self.case.status, "decision": self.detail.decision,
            "answered_at": self.answered_local.isoformat(timespec="minutes"), "late_days": self.detail.answer_late_days,
            "superior": self.detail.superior, "dispute_due": self.dispute_due.isoformat(),
        }


def answer_objection(desk: Desk, number: str, decision: str, reasons: str | None, superior: str | None,
                     at: datetime | None = None, *, has_time: bool = True) -> ObjectionAnswered:
    """Record the Atasan PPID's answer; closes the answer clock and opens the requester's dispute window."""
    decision = check.choice(decision, "Keputusan Atasan PPID", DECISIONS)
    reasons = check.clean_text(reasons, "Alasan (--reasons)", long=True)
    if decision == "upheld" and not reasons:
        raise InvalidInput("Menguatkan penolakan wajib disertai alasan tertulis (UU 14/2008 Pasal 36 ayat 3); isi --reasons.")
    superior = _superior(superior)
    case, detail = _objection(desk, number)
    if detail.answered_at is not None:
        raise Refused(f"Keberatan {case.number} sudah ditanggapi pada "
                      f"{desk.said(desk.to_local(detail.answered_at))}; tanggapan hanya sekali.")
    if case.status != "registered":
        raise Refused(f"Keberatan {case.number} berstatus '{label(STATUS_LABELS, case.status)}'; tanggapan tidak dapat dicatat lagi.")
    moment = action_moment(desk, at, has_time, since(desk, case), "Waktu tanggapan")
    late = sum(close_deadline(desk, d, moment.date()) for d in open_deadlines(desk, case.id, "objection_answer"))
    detail.decision, detail.reasons, detail.superior = decision, reasons, superior
    detail.answered_at, detail.answer_late_days = desk.to_utc(moment), late
    case.status = "answered"
    desk.session.add_all([case, detail])
    window = open_deadline(desk, case, "dispute_window", moment.date(), rule_of(desk, case.profile, "dispute_window"))
    record_event(desk, "answered", case_id=case.id, decision=decision, superior=superior, late_days=late,
                 at=moment.isoformat(timespec="minutes"), dispute_due=window.due)
    return ObjectionAnswered(case, detail, moment, window.due)


@dataclass(frozen=True)
class ReactionRecorded:
    case: Case
    detail: ObjectionDetail
    window: Deadline

    def as_dict(self) -> dict[str, object]:
        return {
            "number": self.case.number, "status": self.case.status, "reaction": self.detail.reaction,
            "dispute_stage": self.detail.dispute_stage, "window_due": self.window.due.isoformat(),
            "within_window": not self.window.late_days,
        }


def _reaction_window(desk: Desk, case: Case, reaction: str, day: date) -> Deadline:
    """The dispute window the reaction closes; without an answer, only after the answer clock lapsed."""
    if case.status == "answered":
        windows = open_deadlines(desk, case.id, "dispute_window")
        if windows:
            return windows[0]
        return open_deadline(desk, case, "dispute_window", day, rule_of(desk, case.profile, "dispute_window"))
    if case.status != "registered":
        raise Refused(f"Keberatan {case.number} berstatus '{label(STATUS_LABELS, case.status)}'; tanggapan pemohon tidak dapat dicatat.")
    answer = open_deadlines(desk, case.id, "objection_answer")
    if reaction == "accepted":
        raise Refused(f"Atasan PPID belum menanggapi keberatan {case.number}; pemohon hanya dapat menerima setelah ada tanggapan.")
    if not answer or day <= answer[0].due:
        due = answer[0].due.isoformat() if answer else "-"
        raise Refused(f"Atasan PPID belum menanggapi dan batas tanggapan ({due}) belum lewat; sengketa dapat diajukan setelah itu.")
    close_deadline(desk, answer[0], day, status="lapsed")
    # Pasal 37 ayat (2): with no answer, the 14 HK run from the lapse of the answer deadline.
    return open_deadline(desk, case, "dispute_window", answer[0].due, rule_of(desk, case.profile, "dispute_window"))


def record_reaction(desk: Desk, number: str, reaction: str, at: datetime | None = None, *,
                    has_time: bool = True) -> ReactionRecorded:
    """The requester accepts the answer (case closed) or takes it to the Komisi Informasi (disputed)."""
    reaction = check.choice(reaction, "Tanggapan pemohon", REACTIONS)
    case, detail = _objection(desk, number)
    if detail.reaction:
        raise Refused(f"Tanggapan pemohon atas keberatan {case.number} sudah dicatat ({detail.reaction}).")
    previous = (desk.to_local(detail.answered_at), "tanggapan Atasan PPID") if detail.answered_at else since(desk, case)
    moment = action_moment(desk, at, has_time, previous, "Waktu tanggapan pemohon")
    window = _reaction_window(desk, case, reaction, moment.date())
    close_deadline(desk, window, moment.date())
    detail.reaction, detail.reaction_at = reaction, desk.to_utc(moment)
    if reaction == "dispute":
        case.status, detail.dispute_stage, detail.dispute_at = "disputed", "filed", detail.reaction_at
    else:
        case.status, case.closed_at = "closed", detail.reaction_at
    desk.session.add_all([case, detail])
    record_event(desk, "reaction", case_id=case.id, reaction=reaction, at=moment.isoformat(timespec="minutes"),
                 window_due=window.due, within_window=not window.late_days, days_late=window.late_days)
    return ReactionRecorded(case, detail, window)


@dataclass(frozen=True)
class DisputeAdvanced:
    case: Case
    detail: ObjectionDetail
    at: datetime

    def as_dict(self) -> dict[str, object]:
        return {"number": self.case.number, "stage": self.detail.dispute_stage,
                "at": self.at.isoformat(timespec="minutes"), "status": self.case.status,
                "outcome": self.detail.dispute_outcome or None}


def advance_dispute(desk: Desk, number: str, stage: str, outcome: str | None = None,
                    at: datetime | None = None, *, has_time: bool = True) -> DisputeAdvanced:
    """Move the Komisi Informasi dispute forward one stage; "decided" records the outcome and closes the case."""
    stage = check.choice(stage, "Tahap sengketa", DISPUTE_STAGES)
    outcome = check.clean_text(outcome, "Hasil putusan (--outcome)", long=True)
    if stage == "decided" and not outcome:
        raise InvalidInput("Tahap 'diputus' wajib disertai --outcome (isi putusan Komisi Informasi).")
    if outcome and stage != "decided":
        raise InvalidInput("--outcome hanya untuk --stage diputus.")
    case, detail = _objection(desk, number)
    if case.status != "disputed" or not detail.dispute_stage:
        raise Refused(f"Keberatan {case.number} tidak sedang disengketakan (status '{label(STATUS_LABELS, case.status)}'); "
                      f"catat dahulu: kpudesk objection reaction {case.number} dispute.")
    allowed = NEXT_STAGES.get(detail.dispute_stage, ())
    if stage not in allowed:
        raise Refused(f"Tahap sengketa hanya maju: sekarang '{detail.dispute_stage}', berikutnya: {', '.join(allowed) or '-'}.")
    previous = (desk.to_local(detail.dispute_at or case.received_at), f"tahap '{detail.dispute_stage}'")
    moment = action_moment(desk, at, has_time, previous, f"Waktu tahap '{stage}'")
    detail.dispute_stage, detail.dispute_at = stage, desk.to_utc(moment)
    if stage == "decided":
        detail.dispute_outcome, case.status, case.closed_at = outcome, "closed", detail.dispute_at
    desk.session.add_all([case, detail])
    record_event(desk, "dispute_stage", case_id=case.id, stage=stage, at=moment.isoformat(timespec="minutes"),
                 **({"outcome": outcome} if outcome else {}))
    return DisputeAdvanced(case, detail, moment)


# --- `show` ---------------------------------------------------------------------------------


def _local(desk: Desk, moment: datetime | None) -> str | None:
    return desk.to_local(moment).isoformat(timespec="minutes") if moment else None


def _stages(desk: Desk, case_id: int) -> list[dict[str, object]]:
    events = desk.session.exec(select(Event).where(Event.case_id == case_id, col(Event.action).in_(("reaction", "dispute_stage")))
                               .order_by(col(Event.id)))
    stages = []
    for event in events:
        data = json.loads(event.detail)
        if event.action == "reaction" and data.get("reaction") != "dispute":
            continue
        stage = {"stage": data.get("stage", "filed"), "at": data.get("at")}
        stages.append({**stage, "outcome": data["outcome"]} if "outcome" in data else stage)
    return stages


def objection_section(desk: Desk, case: Case, detail: ObjectionDetail) -> dict[str, object]:
    """An objection's form, window, answer, reaction and dispute stages."""
    request = desk.session.get(Case, detail.request_case_id)
    window = desk.session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.kind == "dispute_window")).first()
    letters = [g for g in detail.grounds.split(",") if g]
    return {
        "request": request.number if request else None,
        "grounds": [{"letter": g, "label": GROUNDS.get(g, g)} for g in letters],
        "case_position": detail.case_position, "proxy": detail.proxy,
        "filing": {"deadline": detail.filing_deadline.isoformat() if detail.filing_deadline else None, "late": detail.filing_late},
        "answer": None if detail.answered_at is None else {
            "decision": detail.decision, "reasons": detail.reasons, "superior": detail.superior,
            "answered_at": _local(desk, detail.answered_at), "late_days": detail.answer_late_days,
        },
        "reaction": None if detail.reaction is None else {
            "reaction": detail.reaction, "at": _local(desk, detail.reaction_at),
            "within_window": bool(window and window.status == "met" and not window.late_days),
        },
        "dispute": None if detail.dispute_stage is None else {
            "stage": detail.dispute_stage, "outcome": detail.dispute_outcome or None, "stages": _stages(desk, case.id),
        },
    }


def request_objections(desk: Desk, request_id: int) -> list[dict[str, object]]:
    """The objections to a request, oldest first, as one line each."""
    rows = desk.session.exec(select(Case, ObjectionDetail).join(ObjectionDetail, ObjectionDetail.case_id == Case.id)
                             .where(ObjectionDetail.request_case_id == request_id).order_by(col(Case.id)))
    return [{"number": c.number, "status": c.status, "received_at": _local(desk, c.received_at),
             "grounds": d.grounds.split(","), "filing_late": d.filing_late, "decision": d.decision,
             "reaction": d.reaction, "dispute_stage": d.dispute_stage} for c, d in rows]


def story_section(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """This module's part of `kpudesk show`: objection detail, exemption detail, or a request's list of both."""
    from kpudesk.services import exemptions

    sections: dict[str, object] = {}
    if case.kind == "objection":
        detail = desk.session.get(ObjectionDetail, case.id)
        if detail is not None:
            sections["objection"] = objection_section(desk, case, detail)
    elif case.kind == "request":
        sections["objections"] = request_objections(desk, case.id)
    sections.update(exemptions.story_section(desk, case, unmask=unmask))
    return sections
