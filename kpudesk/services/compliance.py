"""The compliance report (kepatuhan mutu baku): how well the office keeps its SOPs' time standards
and the law's deadlines, computed from what was recorded and nothing else.

For every SOP and step: how many were done, how many had a standard and kept it, the median and
90th percentile of the time taken (office minutes for standards under a day, working days
otherwise), the worst cases, and the clocks still running ("berjalan") with their time so far.
The time a step took runs from the start of its own clock (as the step engine opened it), or,
for a step done without one, from the step recorded before it. The legal clocks of requests,
objections and consequence tests are measured the same way from the moment of the act that
stopped them. A case that lacks a step on its path is listed, never filled in.

Percentiles are nearest-rank: the p-th percentile of n sorted values is value number ⌈p·n/100⌉.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import col, select

from kpudesk import kinds
from kpudesk.errors import InvalidInput
from kpudesk.export import Column, Register, Value
from kpudesk.models import Case, CaseStep, Deadline, ExemptionDetail, ObjectionDetail, RequestDetail
from kpudesk.services.desk import Desk
from kpudesk.services.registers import Period, utc_bounds
from kpudesk.services.sops import current_revision
from kpudesk.services.steps import STEP_CLOCKS
from kpudesk.sop import Flow, Step

WORST = 3
# Legal clocks, the kind they run on and the recorded act that stops each (detail table, moment).
LEGAL_CLOCKS: dict[str, tuple[str, type, str]] = {
    "notice": ("request", RequestDetail, "decided_at"),
    "extension": ("request", RequestDetail, "decided_at"),
    "objection_answer": ("objection", ObjectionDetail, "answered_at"),
    "consequence_test": ("exemption", ExemptionDetail, "decided_at"),
}


def percentile(values: list[int], p: int) -> int | None:
    """Nearest-rank percentile of the values (None for none)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p * len(ordered) / 100)) - 1]


def median(values: list[int]) -> float | None:
    """The middle value (the mean of the two middle ones for an even count)."""
    if not values:
        return None
    ordered, half = sorted(values), len(values) // 2
    return float(ordered[half]) if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


@dataclass
class Tally:
    """The figures of one step (or one legal clock)."""

    done: int = 0
    with_standard: int = 0
    within: int = 0
    taken: list[int] = field(default_factory=list)
    late: list[tuple[int, str]] = field(default_factory=list)  # (late, case number)
    running: int = 0
    running_late: int = 0
    running_so_far: list[int] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    lapsed: list[str] = field(default_factory=list)  # legal clocks that ran out with no act at all

    def add_done(self, number: str, taken: int | None, late: int | None) -> None:
        self.done += 1
        if taken is not None:
            self.taken.append(taken)
        if late is not None:
            self.with_standard += 1
            self.within += late == 0
            if late > 0:
                self.late.append((late, number))

    def add_running(self, so_far: int, late: bool) -> None:
        self.running += 1
        self.running_late += late
        self.running_so_far.append(so_far)

    def as_dict(self) -> dict[str, object]:
        worst = sorted(self.late, key=lambda item: (-item[0], item[1]))[:WORST]
        return {
            "done": self.done, "with_standard": self.with_standard, "within": self.within,
            "within_pct": round(100 * self.within / self.with_standard, 1) if self.with_standard else None,
            "median": median(self.taken), "p90": percentile(self.taken, 90),
            "worst": [{"number": number, "late": late} for late, number in worst],
            "running": self.running, "running_late": self.running_late,
            "running_max": max(self.running_so_far) if self.running_so_far else None, "missing": self.missing,
            "lapsed": self.lapsed,
        }


def _cases(desk: Desk, kind: str, period: Period) -> list[Case]:
    first, after = utc_bounds(desk, period)
    query = select(Case).where(Case.kind == kind, Case.status != "void", Case.received_at >= first, Case.received_at < after)
    return list(desk.session.exec(query.order_by(col(Case.received_at), col(Case.id))))


def _by_case(desk: Desk, model: type, case_ids: list[int], *where: object) -> dict[int, list]:  # type: ignore[type-arg]
    """Rows of `model` for these cases (in chunks, within SQLite's limit on parameters), by case id."""
    out: dict[int, list] = defaultdict(list)  # type: ignore[type-arg]
    order = col(model.id if hasattr(model, "id") else model.case_id)  # type: ignore[attr-defined]
    for start in range(0, len(case_ids), 900):
        chunk = case_ids[start:start + 900]
        for row in desk.session.exec(select(model).where(col(model.case_id).in_(chunk), *where).order_by(order)):  # type: ignore[attr-defined]
            out[row.case_id].append(row)
    return out


def _unit(step: Step) -> str:
    return "minutes" if step.standard.unit == "minutes" else "days" if step.standard.unit != "none" else ""


def _elapsed(desk: Desk, unit: str, start: datetime, end: datetime) -> int:
    """Office minutes or working days from `start` to `end` (both office-local)."""
    if unit == "minutes":
        return desk.calendar.office_minutes_between(start, end, desk.profile.office_hours)
    return desk.calendar.working_days_between(start.date(), end.date())


def _step_start(desk: Desk, row: CaseStep, clocks: list[Deadline], before: datetime) -> datetime:
    clock = next((c for c in reversed(clocks) if c.step == row.step and c.status != "cancelled"), None)
    if clock is not None and clock.start_at is not None:
        return desk.to_local(clock.start_at)
    if clock is not None:
        return datetime.combine(clock.start, datetime.min.time())
    return before


def missing_steps(flow: Flow, done: list[str], closed: bool) -> list[Step]:
    """The steps on the case's path that were not recorded although the case went past them."""
    finished, off, missing = set(done), set(), []
    last_no = max((s.no for s in flow.steps if s.code in finished), default=0)
    for step in flow.steps:
        if step.code in finished:
            continue
        if (step.optional or (step.alternative and any(s.alternative == step.alternative and s.code in finished for s in flow.steps))
                or (step.after and all(a in off for a in step.after))):
            off.add(step.code)
        elif closed or step.no < last_no:
            missing.append(step)
    return missing


def _sop_section(desk: Desk, kind: str, period: Period, now: datetime) -> dict[str, object]:
    flow = current_revision(desk, kind).flow
    tallies = {s.code: Tally() for s in flow.steps}
    cases = _cases(desk, kind, period)
    ids = [c.id for c in cases]  # type: ignore[misc]
    steps = _by_case(desk, CaseStep, ids)  # type: ignore[arg-type]
    clocks = _by_case(desk, Deadline, ids, col(Deadline.kind).in_(STEP_CLOCKS))  # type: ignore[arg-type]
    for case in cases:
        _tally_case(desk, flow, case, steps[case.id], clocks[case.id], tallies, now)  # type: ignore[index]
    rows = [{"no": s.no, "step": s.code, "label": s.label, "standard": s.standard.describe(), "unit": _unit(s),
             **tallies[s.code].as_dict()} for s in flow.steps]
    return {"kind": kind, "title": flow.title, "cases": len(cases), "steps": rows}


def _tally_case(desk: Desk, flow: Flow, case: Case, rows: list[CaseStep], clocks: list[Deadline],
                tallies: dict[str, Tally], now: datetime) -> None:
    before = desk.to_local(case.received_at)
    rows = sorted(rows, key=lambda r: (r.done_at, r.id))
    for row in rows:
        done_at, step = desk.to_local(row.done_at), flow.step(row.step)
        tally = tallies.setdefault(row.step, Tally())
        unit = _unit(step) if step else ("minutes" if row.due_at else "days" if row.due else "")
        start = _step_start(desk, row, clocks, before)
        late = row.late_minutes if row.late_minutes is not None else row.late_days
        tally.add_done(case.number, _elapsed(desk, unit, start, done_at) if unit else None, late)
        before = done_at
    for clock in (c for c in clocks if c.status == "open" and c.step in tallies):
        start = desk.to_local(clock.start_at) if clock.start_at else datetime.combine(clock.start, datetime.min.time())
        unit = "minutes" if clock.due_at else "days"
        due = desk.to_local(clock.due_at) if clock.due_at else datetime.combine(clock.due, datetime.max.time())
        tallies[clock.step].add_running(max(0, _elapsed(desk, unit, start, now)), now > due)  # type: ignore[index]
    for step in missing_steps(flow, [r.step for r in rows], case.status == "closed"):
        tallies[step.code].missing.append(case.number)


def _legal_section(desk: Desk, clock_kind: str, period: Period, today: date) -> dict[str, object]:
    """One legal clock over the period's cases of its kind, in one query (clock, number, act)."""
    owner, model, attr = LEGAL_CLOCKS[clock_kind]
    first, after = utc_bounds(desk, period)
    # plain columns, not entities: building 100,000 ORM objects would be most of the report's time
    query = (select(Deadline.status, Deadline.start, Deadline.due, Deadline.working_days, Case.number, getattr(model, attr))
             .join(Case, col(Case.id) == col(Deadline.case_id))
             .join(model, col(model.case_id) == col(Case.id), isouter=True)  # type: ignore[attr-defined]
             .where(Case.kind == owner, Case.status != "void", Case.received_at >= first, Case.received_at < after,
                    Deadline.kind == clock_kind).order_by(col(Case.received_at), col(Deadline.id)))
    tally = Tally()
    for status, start, due, working_days, number, moment in desk.session.exec(query):
        _tally_legal(desk, tally, number, _Clock(status, start, due, working_days), moment, today)
    spec = kinds.clock_specs()[clock_kind]
    return {"clock": clock_kind, "label": spec.label, "unit": "days", **tally.as_dict()}


@dataclass(frozen=True)
class _Clock:
    """The columns of a legal clock that the report reads."""

    status: str
    start: date
    due: date
    working_days: bool


def _days(desk: Desk, clock: _Clock, start: date, end: date) -> int:
    return desk.calendar.working_days_between(start, end) if clock.working_days else (end - start).days


def _tally_legal(desk: Desk, tally: Tally, number: str, clock: _Clock, moment: datetime | None, today: date) -> None:
    if clock.status == "open":
        tally.add_running(max(0, _days(desk, clock, clock.start, today)), today > clock.due)
    elif clock.status == "lapsed":  # the office never acted; the citizen went on to the next stage
        tally.lapsed.append(number)
    elif clock.status == "met" and moment is None:
        tally.missing.append(number)
    elif clock.status == "met" and moment is not None:
        done = desk.to_local(moment).date()
        tally.add_done(number, _days(desk, clock, clock.start, done), max(0, _days(desk, clock, clock.due, done)))
    # cancelled (withdrawn, voided) or replaced by an extension: not the office's act to measure


def compliance_report(desk: Desk, period: Period, kind: str | None = None) -> dict[str, object]:
    """The compliance figures of the period's cases, per SOP step and per legal clock."""
    wanted = _wanted(kind)
    now = desk.local_now().replace(second=0, microsecond=0)
    sops = [_sop_section(desk, code, period, now) for code in kinds.step_kinds() if code in wanted]
    legal = [_legal_section(desk, code, period, desk.today()) for code, (owner, _, _) in LEGAL_CLOCKS.items()
             if owner in wanted]
    return {"period": {"from": period.start.isoformat(), "to": period.end.isoformat(), "label": period.label},
            "as_of": now.isoformat(timespec="minutes"), "sops": sops, "legal": legal}


def _wanted(kind: str | None) -> set[str]:
    if kind is None:
        return set(kinds.kind_codes())
    spec = kinds.find_kind(kind)
    if spec is None or not (spec.sop or spec.code in ("request", "objection", "exemption")):
        known = ", ".join([*kinds.step_kinds(), "request", "objection", "exemption"])
        raise InvalidInput(f"Jenis '{kind}' tidak memiliki mutu baku atau tenggat; pilih salah satu: {known}.")
    return {spec.code}


# --- as a sheet ---------------------------------------------------------------------------------

COLUMNS = (
    Column("SOP / tenggat", width=26, wrap=True), Column("No", kind="int", width=5), Column("Langkah", width=40, wrap=True),
    Column("Mutu baku", width=13), Column("Satuan waktu", width=10),
    Column("Selesai", group="Selesai", kind="int", width=9), Column("Bermutu baku", group="Selesai", kind="int", width=10),
    Column("Tepat waktu", group="Selesai", kind="int", width=9), Column("% tepat", group="Selesai", width=8),
    Column("Median", group="Waktu", width=9), Column("Persentil 90", group="Waktu", kind="int", width=10),
    Column("Terlambat terbanyak", width=34, wrap=True),
    Column("Jumlah", group="Berjalan", kind="int", width=8), Column("Terlambat", group="Berjalan", kind="int", width=10),
    Column("Langkah tidak tercatat", width=30, wrap=True),
)
UNIT_WORDS = {"minutes": "menit", "days": "hari kerja", "": ""}


def _cells(head: str, no: int | None, label: str, standard: str, unit: str, row: dict[str, object]) -> list[Value]:
    pct = row["within_pct"]
    worst = "; ".join(f"{w['number']} ({w['late']} {'menit' if unit == 'minutes' else 'HK'})" for w in row["worst"])  # type: ignore[attr-defined, index]
    middle = row["median"]
    return [head, no, label, standard, UNIT_WORDS.get(unit, unit), row["done"], row["with_standard"], row["within"],  # type: ignore[list-item]
            f"{pct:g}%" if pct is not None else None, f"{middle:g}" if middle is not None else None, row["p90"],  # type: ignore[list-item]
            worst, row["running"], row["running_late"], unrecorded_text(row)]  # type: ignore[list-item]


def unrecorded_text(row: dict[str, object]) -> str:
    """The cases with the step not recorded, and the legal clocks that ran out with no act."""
    parts = [", ".join(row["missing"])] if row["missing"] else []  # type: ignore[arg-type]
    if row.get("lapsed"):
        parts.append("lewat tanpa tindakan: " + ", ".join(row["lapsed"]))  # type: ignore[arg-type]
    return "; ".join(parts)


def compliance_sheet(desk: Desk, report: dict[str, object]) -> Register:
    """The report as one sheet: a row per SOP step, then a row per legal clock."""
    rows: list[list[Value]] = []
    for sop in report["sops"]:  # type: ignore[attr-defined]
        for step in sop["steps"]:
            rows.append(_cells(sop["title"], step["no"], step["label"], step["standard"], step["unit"], step))
    for clock in report["legal"]:  # type: ignore[attr-defined]
        rows.append(_cells("Tenggat undang-undang", None, clock["label"], "", "days", clock))
    period = report["period"]["label"]  # type: ignore[index]
    titles = ("LAPORAN KEPATUHAN MUTU BAKU WAKTU", desk.profile.name or desk.profile.code, str(period),
              f"Keadaan per {report['as_of'].replace('T', ' ')}")  # type: ignore[attr-defined]
    return Register("Kepatuhan", titles, COLUMNS, rows)
