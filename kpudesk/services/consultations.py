"""Helpdesk consultations for party registration in SIPOL (seed 004, DOMAIN.md §8).

A consultation runs the step engine (kpudesk/sop/helpdesk.toml); this module keeps its own
records: the problems a party brings (one or more, each a line), the answer to each, and the
escalation of a problem to the provincial helpdesk. The SOP's steps follow from them: the
problems step is done when the first problems are noted, the answers step when every problem is
answered or escalated, the escalation step (15 minutes) when the last provincial answer is in.
"""

import json
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from kpudesk.errors import InvalidInput, NotFound, Refused
from kpudesk.export import Column, Register, Value
from kpudesk.models import Case, CaseStep, ConsultationProblem
from kpudesk.services.cases import find_case, is_finished
from kpudesk.services.desk import Desk, action_moment
from kpudesk.services.events import record_event
from kpudesk.services.steps import record_step
from kpudesk.services.validation import MAX_LONG, clean_text
from kpudesk.sop import StepPolicy
from kpudesk.textfmt import mask

MAX_PROBLEMS = 50


def problems_of(desk: Desk, case_id: int) -> list[ConsultationProblem]:
    """A consultation's problems, in the order they were noted."""
    query = select(ConsultationProblem).where(ConsultationProblem.case_id == case_id)
    return list(desk.session.exec(query.order_by(col(ConsultationProblem.no))))


def _is_settled(problem: ConsultationProblem) -> bool:
    return problem.answered_at is not None or problem.escalated_at is not None


def _is_waiting(problem: ConsultationProblem) -> bool:
    """Escalated to the provincial helpdesk and not answered by it yet."""
    return problem.escalated_at is not None and problem.provincial_at is None


def step_policy(desk: Desk, case: Case, done: list[str]) -> StepPolicy:
    """The SOP steps follow the problems: none can be skipped past an open one."""
    problems = problems_of(desk, case.id)
    refuse: dict[str, str] = {}
    if not problems:
        refuse["problems"] = "belum ada permasalahan; catat dengan: kpudesk consultation problem NOMOR TEKS."
    if not problems or any(not _is_settled(p) for p in problems):
        refuse["answers"] = "masih ada permasalahan yang belum dijawab atau dieskalasi (kpudesk consultation answer)."
    escalated = [p for p in problems if p.escalated_at is not None]
    waiting = [p.no for p in escalated if _is_waiting(p)]
    if not escalated:
        refuse["escalation"] = "tidak ada permasalahan yang dieskalasi ke Helpdesk KPU Provinsi."
    elif waiting:
        refuse["escalation"] = refuse["report"] = (
            f"jawaban Helpdesk KPU Provinsi untuk permasalahan {', '.join(map(str, waiting))} belum dicatat.")
    return StepPolicy(needs=frozenset({"escalation"}) if escalated else frozenset(), refuse=refuse)


def _consultation(desk: Desk, number: str) -> Case:
    case = find_case(desk, number, "consultation")
    if is_finished(case):
        raise Refused(f"Konsultasi {case.number} sudah selesai; permasalahan dan jawaban tidak dapat diubah lagi.")
    return case


def _last_moment(desk: Desk, case: Case) -> tuple[datetime, str]:
    last = desk.session.exec(select(CaseStep).where(CaseStep.case_id == case.id)
                             .order_by(col(CaseStep.done_at).desc(), col(CaseStep.id).desc())).first()
    if last is None:
        return desk.to_local(case.received_at), "waktu diterima"
    return desk.to_local(last.done_at), f"langkah {last.no} {last.step}"


def _has_step(desk: Desk, case: Case, code: str) -> bool:
    query = select(CaseStep.id).where(CaseStep.case_id == case.id, CaseStep.step == code)
    return desk.session.exec(query).first() is not None


def _problem_lines(texts: list[str]) -> list[str]:
    lines = [line.strip() for text in texts for line in text.splitlines() if line.strip()]
    if not lines:
        raise InvalidInput("Tuliskan permasalahannya: satu baris per permasalahan.")
    return [clean_text(line, "Permasalahan", required=True) for line in lines]


@dataclass(frozen=True)
class Noted:
    case: Case
    problems: list[ConsultationProblem]
    steps: list[str]


def note_problems(desk: Desk, number: str, texts: list[str], *, at: datetime | None = None, has_time: bool = True,
                  by: str | None = None) -> Noted:
    """Note one or more problems (each line one); the first ones done the SOP's problems step."""
    case = _consultation(desk, number)
    if _has_step(desk, case, "answers"):
        raise Refused(f"Semua permasalahan {case.number} sudah dijawab; permasalahan baru dicatat sebagai konsultasi baru.")
    lines = _problem_lines(texts)
    existing = problems_of(desk, case.id)
    if len(existing) + len(lines) > MAX_PROBLEMS:
        raise InvalidInput(f"Satu konsultasi paling banyak {MAX_PROBLEMS} permasalahan.")
    moment = action_moment(desk, at, has_time, _last_moment(desk, case), "Waktu pencatatan")
    added = [ConsultationProblem(case_id=case.id, no=len(existing) + i, text=text, noted_at=desk.to_utc(moment))
             for i, text in enumerate(lines, start=1)]
    desk.session.add_all(added)
    desk.session.flush()
    record_event(desk, "problems_noted", case_id=case.id, at=moment.isoformat(timespec="minutes"),
                 problems=[p.text for p in added])
    steps = []
    if not _has_step(desk, case, "problems"):
        record_step(desk, case.number, "problems", at=moment, by=by, note=f"{len(existing) + len(added)} permasalahan")
        steps.append("problems")
    return Noted(case, added, steps)


def _problem(desk: Desk, case: Case, no: int) -> ConsultationProblem:
    problem = next((p for p in problems_of(desk, case.id) if p.no == no), None)
    if problem is None:
        raise NotFound(f"Konsultasi {case.number} tidak memiliki permasalahan nomor {no}; lihat: kpudesk show {case.number}.")
    return problem


def answer_problem(desk: Desk, number: str, no: int, text: str | None, *, escalate: bool = False,
                   at: datetime | None = None, has_time: bool = True, by: str | None = None) -> Noted:
    """Answer problem `no` (or escalate it); the provincial helpdesk's answer to an escalated one.
    Returns the SOP steps this completed (answers, escalation)."""
    case = _consultation(desk, number)
    problem = _problem(desk, case, no)
    answer = clean_text(text, "Jawaban", long=True)
    if len(answer) > MAX_LONG:
        raise InvalidInput("Jawaban terlalu panjang.")
    moment = action_moment(desk, at, has_time, _last_moment(desk, case), "Waktu jawaban")
    officer = clean_text(by, "Penjawab (--by)") or desk.officer
    action = _apply_answer(desk, case, problem, answer, escalate, moment, officer)
    record_event(desk, action, case_id=case.id, problem=no, at=moment.isoformat(timespec="minutes"), by=officer,
                 answer=answer)
    return Noted(case, [problem], _follow_steps(desk, case, moment, officer))


def _apply_answer(desk: Desk, case: Case, problem: ConsultationProblem, answer: str, escalate: bool,
                  moment: datetime, officer: str) -> str:
    """Write the answer onto the problem; returns the event's action."""
    stamp = desk.to_utc(moment)
    if _is_waiting(problem) and not escalate:
        if not answer:
            raise InvalidInput("Tuliskan jawaban Helpdesk KPU Provinsi.")
        problem.provincial_answer, problem.provincial_at = answer, stamp
        action = "problem_answered_by_province"
    elif _is_settled(problem):
        raise Refused(f"Permasalahan {problem.no} pada {case.number} sudah {'dieskalasi' if problem.escalated_at else 'dijawab'}.")
    elif escalate:
        problem.escalated_at, problem.answer = stamp, answer
        action = "problem_escalated"
    elif not answer:
        raise InvalidInput("Tuliskan jawabannya, atau gunakan --escalate untuk meneruskan ke Helpdesk KPU Provinsi.")
    else:
        problem.answer, problem.answered_at = answer, stamp
        action = "problem_answered"
    problem.answered_by = problem.answered_by or officer
    desk.session.add(problem)
    desk.session.flush()
    return action


def _follow_steps(desk: Desk, case: Case, moment: datetime, officer: str) -> list[str]:
    """Record the SOP steps the problems now complete (answers; then escalation)."""
    done: list[str] = []
    problems = problems_of(desk, case.id)
    if not _has_step(desk, case, "answers") and all(_is_settled(p) for p in problems):
        record_step(desk, case.number, "answers", at=moment, by=officer, note=f"{len(problems)} permasalahan")
        done.append("answers")
    escalated = [p for p in problems if p.escalated_at is not None]
    if (escalated and _has_step(desk, case, "answers") and not _has_step(desk, case, "escalation")
            and not any(_is_waiting(p) for p in escalated)):
        record_step(desk, case.number, "escalation", at=moment, by="Helpdesk KPU Provinsi",
                    note=f"{len(escalated)} permasalahan dijawab Helpdesk KPU Provinsi")
        done.append("escalation")
    return done


def problem_dict(desk: Desk, problem: ConsultationProblem) -> dict[str, object]:
    def stamp(moment: datetime | None) -> str | None:
        return desk.to_local(moment).isoformat(timespec="minutes") if moment else None

    return {"no": problem.no, "text": problem.text, "noted_at": stamp(problem.noted_at), "answer": problem.answer,
            "answered_at": stamp(problem.answered_at), "by": problem.answered_by, "escalated": problem.escalated_at is not None,
            "escalated_at": stamp(problem.escalated_at), "provincial_answer": problem.provincial_answer,
            "provincial_at": stamp(problem.provincial_at)}


def story_section(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """The problems and their answers, for `show`."""
    return {"problems": [problem_dict(desk, p) for p in problems_of(desk, case.id)]}


def problems_by_case(desk: Desk, case_ids: list[int]) -> dict[int, list[ConsultationProblem]]:
    """The problems of many consultations at once (for the register), by case id."""
    out: dict[int, list[ConsultationProblem]] = {cid: [] for cid in case_ids}
    if case_ids:
        query = select(ConsultationProblem).where(col(ConsultationProblem.case_id).in_(case_ids))
        for row in desk.session.exec(query.order_by(col(ConsultationProblem.no))):
            out[row.case_id].append(row)
    return out


# --- the helpdesk report register and the day's attendance list ------------------------------

REPORT_COLUMNS = (
    Column("No", kind="int", width=5), Column("Nomor", width=24), Column("Tanggal dan jam", kind="datetime", width=17),
    Column("Nama", width=22, wrap=True), Column("Telepon", width=15), Column("Partai politik", width=24, wrap=True),
    Column("Permasalahan", width=40, wrap=True), Column("Jawaban/solusi", width=48, wrap=True),
    Column("Eskalasi ke KPU Provinsi", kind="tick", width=11),
    Column("Diterima oleh", group="Tanda terima laporan", width=20, wrap=True),
    Column("Tanggal", group="Tanda terima laporan", kind="datetime", width=17),
    Column("Status", width=16, wrap=True),
)
ATTENDANCE_COLUMNS = (
    Column("No", kind="int", width=5), Column("Jam", kind="datetime", width=17), Column("Nama", width=26, wrap=True),
    Column("Partai politik", width=28, wrap=True), Column("Telepon", width=15), Column("Keperluan", width=30, wrap=True),
    Column("Tanda tangan", width=22),
)


def _answer_text(problem: ConsultationProblem) -> str:
    if problem.escalated_at is None:
        return f"{problem.no}. {problem.answer}" if problem.answer else f"{problem.no}. (belum dijawab)"
    province = problem.provincial_answer or "(menunggu jawaban)"
    return f"{problem.no}. [Helpdesk KPU Provinsi] {province}"


def _receipt(desk: Desk, case_id: int) -> tuple[str, datetime | None]:
    from kpudesk.models import Expedition

    query = (select(Expedition).join(CaseStep, col(CaseStep.expedition_id) == col(Expedition.id))
             .where(CaseStep.case_id == case_id, CaseStep.step == "handover"))
    entry = desk.session.exec(query).first()
    if entry is None:
        return "", None
    return entry.received_by, desk.to_local(entry.received_at) if entry.received_at else None


def consultation_register(desk: Desk, kind: str, first: datetime, after: datetime, titles: tuple[str, ...], *,
                          unmask: bool, attendance: bool = False) -> Register:
    """The helpdesk report register (or, with `attendance`, the day's attendance list to sign)."""
    from kpudesk.labels import STATUS_LABELS, label

    cases = list(desk.session.exec(select(Case).where(Case.kind == kind, Case.received_at >= first, Case.received_at < after)
                                   .order_by(col(Case.received_at), col(Case.id))))
    forms = [(case, json.loads(case.form or "{}")) for case in cases]
    phone = (lambda form: str(form.get("phone") or "")) if unmask else (lambda form: mask(str(form.get("phone") or "")))
    if attendance:
        rows: list[list[Value]] = [[n, desk.to_local(c.received_at), f.get("name"), f.get("party"), phone(f), f.get("topic") or "", ""]
                                   for n, (c, f) in enumerate(forms, start=1)]
        return Register("Daftar hadir", ("DAFTAR HADIR HELPDESK SIPOL", *titles[1:]), ATTENDANCE_COLUMNS, rows)
    problems = problems_by_case(desk, [c.id for c in cases])  # type: ignore[misc]
    rows = []
    for n, (case, form) in enumerate(forms, start=1):
        items = problems[case.id]  # type: ignore[index]
        received_by, received_at = _receipt(desk, case.id)  # type: ignore[arg-type]
        status = f"Dibatalkan: {case.void_reason or ''}".strip() if case.status == "void" else label(STATUS_LABELS, case.status)
        rows.append([n, case.number, desk.to_local(case.received_at), form.get("name"), phone(form), form.get("party"),
                     "\n".join(f"{p.no}. {p.text}" for p in items), "\n".join(_answer_text(p) for p in items),
                     any(p.escalated_at for p in items), received_by, received_at, status])
    return Register("Laporan helpdesk", titles, REPORT_COLUMNS, rows)
