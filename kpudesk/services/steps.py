"""The SOP step engine: registering a case of a step-driven kind, recording its steps in order,
and the clocks of the steps to come.

Each step done closes its own clock (with minutes or days late) and opens the clocks of the steps
that are now expected: a standard in minutes/hours counts office time from the moment the step
was done, `1d` counts working days from it, `day N` is the N-th working day of the flow (day 1 =
the day of receipt). The revision in force decides what is allowed and the standards of the steps
not yet done; a step done keeps the revision, label and standard it was done under.
"""

import importlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import col, select

from kpudesk import kinds
from kpudesk.errors import InvalidInput, Refused
from kpudesk.labels import STATUS_LABELS, label
from kpudesk.models import Case, CaseStep, Deadline
from kpudesk.services.cases import cancel_open_clocks, find_case, is_finished, new_case
from kpudesk.services.deadlines import close_deadline
from kpudesk.services.desk import Desk, action_moment
from kpudesk.services.events import record_event
from kpudesk.services.sops import Revision, current_revision, step_kind
from kpudesk.services.validation import clean_text
from kpudesk.sop import Flow, Step, StepPolicy

STEP_CLOCKS = ("step", "step_day")


@dataclass(frozen=True)
class Due:
    """When a step is due: a date (days) and, for office-minute standards, the moment."""

    day: date
    moment: datetime | None = None  # office-local


def step_due(desk: Desk, case: Case, step: Step, start: datetime) -> Due | None:
    """The due date/moment of `step` whose clock starts at `start` (office time); None: no standard."""
    standard = step.standard
    if standard.unit == "minutes":
        moment = desk.calendar.add_office_minutes(start, standard.amount, desk.profile.office_hours)
        return Due(moment.date(), moment)
    if standard.unit == "days":
        return Due(desk.calendar.add_working_days(desk.calendar.day_zero(start, desk.profile.closing), standard.amount))
    if standard.unit == "flow_day":
        return Due(desk.calendar.add_working_days(case.day0, standard.amount - 1))
    return None


def _open_clock(desk: Desk, case: Case, revision: Revision, step: Step, start: datetime) -> Deadline | None:
    due = step_due(desk, case, step, start)
    if due is None:
        return None
    flow_day = step.standard.unit == "flow_day"
    clock = Deadline(
        case_id=case.id, kind="step_day" if flow_day else "step", step=step.code,
        start=case.day0 if flow_day else start.date(),
        amount=step.standard.amount - 1 if flow_day else step.standard.amount,
        working_days=step.standard.unit != "minutes", due=due.day,
        basis=f"{step.label} — {revision.flow.title} v{revision.version}: {step.standard.describe()}",
        responsible=desk.profile.role(step.who), start_at=desk.to_utc(start),
        due_at=desk.to_utc(due.moment) if due.moment else None,
    )
    desk.session.add(clock)
    return clock


def _done_steps(desk: Desk, case_id: int) -> list[CaseStep]:
    return list(desk.session.exec(select(CaseStep).where(CaseStep.case_id == case_id).order_by(col(CaseStep.done_at), col(CaseStep.id))))


def open_step_clocks(desk: Desk, case_id: int) -> list[Deadline]:
    query = select(Deadline).where(Deadline.case_id == case_id, Deadline.status == "open",
                                   col(Deadline.kind).in_(STEP_CLOCKS))
    return list(desk.session.exec(query.order_by(col(Deadline.id))))


def policy_for(desk: Desk, case: Case, done: list[str]) -> StepPolicy:
    """The kind's own policy over this case's steps (an empty one when the kind declares none)."""
    spec = kinds.get_kind(case.kind)
    if not spec.step_policy:
        return StepPolicy()
    module, _, name = spec.step_policy.partition(":")
    return getattr(importlib.import_module(module), name)(desk, case, done)  # type: ignore[no-any-return]


def _expected(flow: Flow, done: list[str], policy: StepPolicy) -> tuple[Step, ...]:
    """The steps whose clocks run: the SOP's expected ones and the optional ones this case needs,
    less those waiting for a needed step not done yet; plus those whose clocks start elsewhere."""
    pending = policy.needs - set(done)
    steps = [s for s in flow.allowed(done) if (not s.optional or s.code in policy.needs) and not pending & set(s.after)]
    steps += [s for s in flow.steps if s.code in policy.starts and s.code not in done and s not in steps]
    return tuple(steps)


def _refresh_clocks(desk: Desk, case: Case, revision: Revision, done: list[str], moment: datetime) -> None:
    """Cancel the clocks of steps no longer expected; open those of steps newly expected (one per
    group of alternatives: the most lenient, so no branch is reported late before it is chosen)."""
    desk.session.flush()  # the kind's policy reads what this command has written
    policy = policy_for(desk, case, done)
    expected = _expected(revision.flow, done, policy)
    codes = {s.code for s in _one_per_alternative(desk, case, expected, moment)}
    for clock in open_step_clocks(desk, case.id):
        if clock.step not in codes:
            close_deadline(desk, clock, moment.date(), status="cancelled")
        else:
            codes.discard(clock.step)
    for step in expected:
        if step.code in codes:
            _open_clock(desk, case, revision, step, policy.starts.get(step.code, moment))


def _one_per_alternative(desk: Desk, case: Case, steps: tuple[Step, ...], moment: datetime) -> list[Step]:
    chosen: dict[str, Step] = {}
    for step in steps:
        key = step.alternative or step.code
        if key not in chosen or _later(desk, case, step, chosen[key], moment):
            chosen[key] = step
    return list(chosen.values())


def _later(desk: Desk, case: Case, a: Step, b: Step, moment: datetime) -> bool:
    due_a, due_b = step_due(desk, case, a, moment), step_due(desk, case, b, moment)
    if due_a is None or due_b is None:
        return due_a is None
    return (due_a.moment or datetime.combine(due_a.day, datetime.max.time())) > (
        due_b.moment or datetime.combine(due_b.day, datetime.max.time()))


# --- registration --------------------------------------------------------------------------


@dataclass(frozen=True)
class StepCaseRegistered:
    case: Case
    received_local: datetime
    first: CaseStep
    next_clocks: list[Deadline]


def register_step_case(desk: Desk, kind: str, form: dict[str, object], received_local: datetime) -> StepCaseRegistered:
    """Register a case of a step-driven kind: number, its form, the SOP's first step done at
    receipt, and the clocks of the steps that follow."""
    spec = step_kind(kind)
    revision = current_revision(desk, spec.code, store=True)
    party = "Identitas dirahasiakan" if form.get("anonymous") else str(form.get(spec.party_field) or "")
    subject = str(form.get(spec.subject_field) or "")
    case = new_case(desk, spec.code, received_local, party=party, subject=subject, form=form,
                    sop_version=revision.version)
    first = revision.flow.steps[0]
    row = _record(desk, case, revision, first, received_local, due=step_due(desk, case, first, received_local),
                  by=desk.officer, note="", document="")
    record_event(desk, "registered", case_id=case.id, number=case.number, kind=spec.code,
                 received_at=received_local.isoformat(timespec="minutes"), sop_version=revision.version)
    _refresh_clocks(desk, case, revision, [first.code], received_local)
    desk.session.flush()
    return StepCaseRegistered(case, received_local, row, open_step_clocks(desk, case.id))


# --- recording a step ------------------------------------------------------------------------


@dataclass(frozen=True)
class StepRecorded:
    case: Case
    step: CaseStep
    closed: bool
    next_clocks: list[Deadline]
    expedition: str | None = None


def _find_step(flow: Flow, text: str) -> Step:
    key = text.strip().lower()
    step = flow.step(key) or next((s for s in flow.steps if str(s.no) == key), None)
    if step is None:
        known = ", ".join(f"{s.no} {s.code}" for s in flow.steps)
        raise InvalidInput(f"Langkah '{text}' tidak ada di SOP {flow.kind}; gunakan nomor atau kode: {known}.")
    return step


def _refuse_out_of_order(case: Case, flow: Flow, step: Step, done: list[str]) -> None:
    allowed = flow.allowed(done)
    if step in allowed:
        return
    skipped = any(s.code in done for s in flow.successors(step.code))
    why = "sudah dicatat" if step.code in done else "sudah dilewati" if skipped else (
        "jalur alternatifnya sudah diambil" if step.alternative and any(
            s.alternative == step.alternative and s.code in done for s in flow.steps) else "belum waktunya")
    nexts = "; ".join(f"{s.no} {s.code} ({s.label})" for s in allowed) or "tidak ada"
    raise Refused(f"Langkah {step.no} {step.code} pada {case.number} ditolak: {why}. Langkah yang boleh berikutnya: {nexts}.")


def record_step(desk: Desk, number: str, step_text: str, *, at: datetime | None = None, has_time: bool = True,
                by: str | None = None, note: str | None = None, document: str | None = None) -> StepRecorded:
    """Record one step of an SOP-driven case, in order; returns it with the clocks now running."""
    case = find_case(desk, number)
    spec = kinds.get_kind(case.kind) if case.kind in kinds.kind_codes() else None
    if spec is None or not spec.sop:
        raise Refused(f"{case.number} bukan perkara yang berjalan menurut SOP langkah; gunakan perintah jenisnya.")
    if is_finished(case):
        raise Refused(f"{case.number} berstatus '{label(STATUS_LABELS, case.status)}'; langkah tidak dapat dicatat lagi.")
    revision = current_revision(desk, spec.code, store=True)
    step = _find_step(revision.flow, step_text)
    done_rows = _done_steps(desk, case.id)
    done = [r.step for r in done_rows]
    _refuse_out_of_order(case, revision.flow, step, done)
    refusal = policy_for(desk, case, done).refuse.get(step.code)
    if refusal:
        raise Refused(f"Langkah {step.no} {step.code} pada {case.number} ditolak: {refusal}")
    last = done_rows[-1] if done_rows else None
    previous = (desk.to_local(last.done_at), f"langkah {last.no} {last.step}") if last else (desk.to_local(case.received_at), "waktu diterima")
    moment = action_moment(desk, at, has_time, previous, "Waktu langkah")
    texts = (clean_text(by, "Pelaksana (--by)") or desk.officer, clean_text(note, "Catatan (--note)", long=True),
             clean_text(document, "Dokumen (--document)", long=True))
    clock = next((c for c in open_step_clocks(desk, case.id) if c.step == step.code), None)
    due = (Due(clock.due, desk.to_local(clock.due_at) if clock.due_at else None) if clock is not None
           else step_due(desk, case, step, previous[0]))
    row = _record(desk, case, revision, step, moment, due=due, by=texts[0], note=texts[1], document=texts[2])
    if clock is not None:
        close_deadline(desk, clock, moment.date())
        clock.late_minutes = row.late_minutes
    expedition = _hand_over(desk, case, step, row, moment) if step.expedition else None
    if step.ends:
        cancel_open_clocks(desk, case, moment.date())
        case.status, case.closed_at = "closed", desk.to_utc(moment)
    else:
        case.status = "in_progress"
        _refresh_clocks(desk, case, revision, [*done, step.code], moment)
    desk.session.add(case)
    record_event(desk, "step_done", case_id=case.id, step=step.code, no=step.no, label=step.label,
                 at=moment.isoformat(timespec="minutes"), by=texts[0], note=texts[1], document=texts[2],
                 late_minutes=row.late_minutes, late_days=row.late_days, sop_version=revision.version,
                 expedition=expedition)
    desk.session.flush()
    return StepRecorded(case, row, step.ends, open_step_clocks(desk, case.id), expedition)


def _record(desk: Desk, case: Case, revision: Revision, step: Step, moment: datetime, *, due: Due | None,
            by: str, note: str, document: str) -> CaseStep:
    """Store a step as done, with how late it was against its standard (if it has one)."""
    late_days = late_minutes = None
    if due is not None and due.moment is not None:
        late_minutes = max(0, desk.calendar.office_minutes_between(due.moment, moment, desk.profile.office_hours))
    elif due is not None:
        late_days = max(0, desk.calendar.working_days_between(due.day, moment.date()))
    row = CaseStep(
        case_id=case.id, step=step.code, no=step.no, label=step.label, sop_version=revision.version,
        responsible=desk.profile.role(step.who), standard=step.standard.describe(), done_at=desk.to_utc(moment),
        due=due.day if due is not None else None,
        due_at=desk.to_utc(due.moment) if due is not None and due.moment else None,
        late_days=late_days, late_minutes=late_minutes, officer=by, note=note, document=document,
        created_at=desk.stored_now(),
    )
    desk.session.add(row)
    desk.session.flush()
    return row


def _hand_over(desk: Desk, case: Case, step: Step, row: CaseStep, moment: datetime) -> str:
    """A step that hands a document over writes the expedition book, as `deliver` does."""
    from kpudesk.services.expedition import add_entry

    document = row.document or ", ".join(step.outputs) or step.label
    entry = add_entry(desk, document=document, addressee=case.party or case.number, sent_local=moment, case=case,
                      courier=row.officer)
    row.expedition_id = entry.id
    desk.session.add(row)
    return entry.number


def load_sop(desk: Desk, source: str) -> list[Revision]:
    """Store a revision of an SOP file and apply it to the clocks of steps not yet done."""
    from kpudesk.services.sops import load_revision

    loaded = load_revision(desk, source)
    for revision in loaded:
        _apply_revision(desk, revision)
    return loaded


def _apply_revision(desk: Desk, revision: Revision) -> None:
    """Open step clocks of running cases take the new standards (their start stays)."""
    query = (select(Deadline, Case).join(Case, Case.id == Deadline.case_id)
             .where(Case.kind == revision.kind, Deadline.status == "open", col(Deadline.kind).in_(STEP_CLOCKS)))
    for clock, case in list(desk.session.exec(query)):
        step = revision.flow.step(clock.step or "")
        if step is None:
            continue
        start = desk.to_local(clock.start_at) if clock.start_at else datetime.combine(clock.start, datetime.min.time())
        close_deadline(desk, clock, desk.today(), status="cancelled")
        _open_clock(desk, case, revision, step, start)


# --- show ----------------------------------------------------------------------------------


def step_dict(desk: Desk, row: CaseStep) -> dict[str, object]:
    return {
        "no": row.no, "step": row.step, "label": row.label, "done_at": desk.to_local(row.done_at).isoformat(timespec="minutes"),
        "by": row.officer, "responsible": row.responsible, "standard": row.standard, "sop_version": row.sop_version,
        "due": row.due.isoformat() if row.due else None,
        "due_at": desk.to_local(row.due_at).isoformat(timespec="minutes") if row.due_at else None,
        "late_minutes": row.late_minutes, "late_days": row.late_days, "note": row.note, "document": row.document,
    }


def story_section(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """The form and the steps (done, and the next ones) of an SOP-driven case, for `show`."""
    spec = kinds.get_kind(case.kind)
    form = json.loads(case.form or "{}")
    if not unmask:
        from kpudesk.textfmt import mask

        form = {k: (mask(str(v)) if k in spec.personal_fields and v else v) for k, v in form.items()}
    done = _done_steps(desk, case.id)
    sections: dict[str, object] = {"form": form, "steps": [step_dict(desk, r) for r in done]}
    if not is_finished(case):
        revision = current_revision(desk, spec.code)
        sections["next_steps"] = [
            {"no": s.no, "step": s.code, "label": s.label, "responsible": desk.profile.role(s.who),
             "standard": s.standard.describe(), "optional": s.optional}
            for s in revision.flow.allowed([r.step for r in done])]
    return sections


def step_rows(desk: Desk, case_ids: list[int]) -> dict[int, list[CaseStep]]:
    """The done steps of many cases at once (for registers), by case id."""
    out: dict[int, list[CaseStep]] = {cid: [] for cid in case_ids}
    if case_ids:
        for row in desk.session.exec(select(CaseStep).where(col(CaseStep.case_id).in_(case_ids)).order_by(col(CaseStep.done_at))):
            out[row.case_id].append(row)
    return out
