"""The register of any SOP-driven kind (agenda of incoming letters, visitors' book, complaints
register), built from the kind registry and the SOP in force: the kind's form fields, then each
step's date, the working days taken and the result. Personal fields are masked unless asked."""

import json
from datetime import datetime

from sqlmodel import col, select

from kpudesk import kinds
from kpudesk.export import Column, Register, Value
from kpudesk.labels import STATUS_LABELS, label
from kpudesk.models import Case, CaseStep
from kpudesk.services.desk import Desk
from kpudesk.services.sops import current_revision
from kpudesk.textfmt import mask

_FIELD_COLUMNS = {"date": "date", "datetime": "datetime", "int": "int", "flag": "tick"}


def _columns(spec: kinds.KindSpec, steps: list[tuple[str, str]]) -> tuple[Column, ...]:
    head = [Column("No", kind="int", width=6), Column("Nomor", width=32), Column("Diterima", kind="datetime", width=17)]
    fields = [Column(f.label, group="Isian", kind=_FIELD_COLUMNS.get(f.type, "text"),
                     width=30 if f.type == "long" else 16, wrap=f.type == "long") for f in spec.fields]
    step_cols = [Column(f"{no}. {text}", group="Tanggal langkah SOP", kind="datetime", width=17, wrap=True)
                 for no, text in steps]
    tail = [Column("Hari kerja", kind="int", width=10), Column("Hasil / status", width=24, wrap=True)]
    return tuple(head + fields + step_cols + tail)


def _cell(spec: kinds.KindSpec, name: str, value: object, unmask: bool) -> Value:
    field = spec.field(name)
    if field is None or value in (None, ""):
        return None
    if field.type == "date":
        return datetime.fromisoformat(str(value)).date()
    if field.type == "datetime":
        return datetime.fromisoformat(str(value))
    if field.type in ("int", "flag"):
        return value  # type: ignore[return-value]
    text = str(value)
    return mask(text) if field.personal and not unmask else text


def _hidden_if_anonymous(spec: kinds.KindSpec, form: dict[str, object], name: str) -> object:
    """A complainant who asked to stay anonymous is not named in the register, even with --unmask."""
    if form.get("anonymous") and name == spec.party_field:
        return "Identitas dirahasiakan"
    return form.get(name)


def _result(case: Case, steps: list[CaseStep]) -> str:
    if case.status == "void":
        return f"Dibatalkan: {case.void_reason or ''}".strip()
    last = steps[-1] if steps else None
    text = label(STATUS_LABELS, case.status)
    return f"{text}; terakhir: {last.label}" if last and case.status != "closed" else text


def step_register(desk: Desk, kind: str, first: datetime, after: datetime, titles: tuple[str, ...], *,
                  unmask: bool) -> Register:
    """One row per case of `kind` received in [first, after) (stored UTC), voided ones included."""
    spec = kinds.get_kind(kind)
    flow = current_revision(desk, kind).flow
    step_heads = [(str(s.no), s.label if len(s.label) <= 40 else s.label[:39] + "…") for s in flow.steps]
    codes = [s.code for s in flow.steps]
    cases = list(desk.session.exec(select(Case).where(Case.kind == kind, Case.received_at >= first, Case.received_at < after)
                                   .order_by(col(Case.received_at), col(Case.id))))
    done: dict[int, list[CaseStep]] = {c.id: [] for c in cases}  # type: ignore[misc]
    if cases:
        query = select(CaseStep).where(col(CaseStep.case_id).in_(list(done))).order_by(col(CaseStep.done_at))
        for row in desk.session.exec(query):
            done[row.case_id].append(row)
    rows: list[list[Value]] = []
    for number, case in enumerate(cases, start=1):
        form = json.loads(case.form or "{}")
        steps = done[case.id]  # type: ignore[index]
        at = {s.step: desk.to_local(s.done_at) for s in steps}
        taken = desk.calendar.working_days_between(case.day0, desk.to_local(steps[-1].done_at).date()) if steps else None
        rows.append([number, case.number, desk.to_local(case.received_at),
                     *(_cell(spec, f.name, _hidden_if_anonymous(spec, form, f.name), unmask) for f in spec.fields),
                     *(at.get(code) for code in codes), taken, _result(case, steps)])
    return Register(spec.label[:31], titles, _columns(spec, step_heads), rows, count=len(rows))
