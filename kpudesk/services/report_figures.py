"""The numbers of the information-service report (DOMAIN.md §10), counted from the store only.

A request counts in the period it was received (office time); a voided entry (entered by mistake)
counts nowhere. Time needed is counted in working days from day 0 (the day of receipt) to the day
of the written notice and to the day of the handover; a request served at once from the Daftar
Informasi Publik is noticed and handed over on day 0, so it counts 0.
"""

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from kpudesk.models import Case, ObjectionDetail, RequestDetail
from kpudesk.services.deadlines import rule_of
from kpudesk.services.desk import Desk
from kpudesk.services.registers import Period, utc_bounds
from kpudesk.services.requests import CHANNELS

PROFILES = ("publik", "pemilu")
OUTCOMES = ("granted", "partial", "refused", "not-held", "not-documented", "withdrawn", "pending")
PASAL_17 = "abcdefghij"
OBJECTION_GROUNDS = "abcdefg"
OBJECTION_OUTCOMES = ("upheld", "overturned", "partly", "withdrawn", "pending")
DISPUTE_STAGES = ("filed", "registered", "mediation", "adjudication", "decided")


@dataclass(frozen=True)
class TimeNeeded:
    """Working days from day 0 for one track: how many, median, average, and how many within the limits."""

    days: tuple[int, ...]
    limit: int  # the notice rule (10 HK; 3 HK for election information)
    extended_limit: int  # with the one extension (17 HK; 5 HK)

    @property
    def count(self) -> int:
        return len(self.days)

    @property
    def median(self) -> float | None:
        return statistics.median(self.days) if self.days else None

    @property
    def average(self) -> float | None:
        return sum(self.days) / len(self.days) if self.days else None

    @property
    def within_limit(self) -> int:
        return sum(1 for days in self.days if days <= self.limit)

    @property
    def within_extended(self) -> int:
        return sum(1 for days in self.days if days <= self.extended_limit)

    def share(self, count: int) -> float | None:
        """`count` as a percentage of the requests measured (None when none were)."""
        return 100 * count / len(self.days) if self.days else None


@dataclass(frozen=True)
class LateNotice:
    """A written notice given after its deadline: the request, its dates, working days late."""

    number: str
    received: date
    noticed: date
    late_days: int
    election: bool


@dataclass
class RequestFigures:
    """Requests received in the period, counted every way the report asks."""

    received: int = 0
    by_channel: Counter[str] = field(default_factory=Counter)
    by_month: Counter[int] = field(default_factory=Counter)
    by_month_channel: Counter[tuple[int, str]] = field(default_factory=Counter)
    by_profile: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    refusal_letters: Counter[str] = field(default_factory=Counter)
    served_from_dip: int = 0
    notice_days: dict[str, list[int]] = field(default_factory=lambda: {p: [] for p in PROFILES})
    handover_days: dict[str, list[int]] = field(default_factory=lambda: {p: [] for p in PROFILES})
    late_notices: list[LateNotice] = field(default_factory=list)


@dataclass(frozen=True)
class Dispute:
    """An objection taken to the Komisi Informasi: where it stands and how it ended."""

    objection: str
    request: str
    filed: date | None
    stage: str
    outcome: str


@dataclass
class ObjectionFigures:
    """Objections received in the period, and the disputes that followed them."""

    received: int = 0
    by_ground: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    answered_on_time: int = 0
    answered_late: int = 0
    disputes: list[Dispute] = field(default_factory=list)

    @property
    def disputes_by_stage(self) -> Counter[str]:
        return Counter(dispute.stage for dispute in self.disputes)


@dataclass(frozen=True)
class ReportFigures:
    """Every number of the report for one period, with the time-needed tracks per profile."""

    period: Period
    requests: RequestFigures
    objections: ObjectionFigures
    notice_time: dict[str, TimeNeeded]
    handover_time: dict[str, TimeNeeded]


def count_figures(desk: Desk, period: Period) -> ReportFigures:
    """Count the report's numbers for the period from the store; returns them as plain data."""
    requests = count_requests(desk, period)
    limits = {profile: track_limits(desk, profile) for profile in PROFILES}
    notice = {p: TimeNeeded(tuple(requests.notice_days[p]), *limits[p]) for p in PROFILES}
    handover = {p: TimeNeeded(tuple(requests.handover_days[p]), *limits[p]) for p in PROFILES}
    return ReportFigures(period, requests, count_objections(desk, period), notice, handover)


def track_limits(desk: Desk, profile: str) -> tuple[int, int]:
    """(notice, notice + extension) in working days for a profile, with the office's overrides."""
    notice = rule_of(desk, profile, "notice").amount
    return notice, notice + rule_of(desk, profile, "extension").amount


REQUEST_COLUMNS = (
    Case.number, Case.status, Case.profile, Case.day0, Case.received_at, RequestDetail.channel,
    RequestDetail.decision, RequestDetail.decided_at, RequestDetail.delivered_at, RequestDetail.exemptions,
    RequestDetail.notice_late_days, RequestDetail.dip_entry_id,
)


def count_requests(desk: Desk, period: Period) -> RequestFigures:
    """One pass over the period's requests (columns only: a year may hold tens of thousands)."""
    first, after = utc_bounds(desk, period)
    query = (
        select(*REQUEST_COLUMNS).join(RequestDetail, col(RequestDetail.case_id) == col(Case.id))
        .where(Case.kind == "request", Case.status != "void", Case.received_at >= first, Case.received_at < after)
        .order_by(col(Case.received_at), col(Case.id))
    )
    figures = RequestFigures()
    for row in desk.session.exec(query):
        add_request(desk, figures, row)
    return figures


def add_request(desk: Desk, figures: RequestFigures, row: tuple) -> None:
    """Count one request row (the columns of REQUEST_COLUMNS) into the figures."""
    number, status, profile, day0, received_at, channel, decision, decided_at, delivered_at, letters, late, dip = row
    profile = profile if profile in PROFILES else "publik"
    figures.received += 1
    figures.by_channel[channel] += 1
    month = desk.to_local(received_at).month
    figures.by_month[month] += 1
    figures.by_month_channel[(month, channel)] += 1
    figures.by_profile[profile] += 1
    figures.outcomes[request_outcome(status, decision)] += 1
    if decision in ("refused", "partial"):
        figures.refusal_letters.update(letter for letter in letters.split(",") if letter)
    figures.served_from_dip += dip is not None
    if decided_at is not None:
        noticed = desk.to_local(decided_at).date()
        figures.notice_days[profile].append(days_from_day0(desk, day0, noticed))
        if late:
            figures.late_notices.append(LateNotice(number, desk.to_local(received_at).date(), noticed, late,
                                                   profile == "pemilu"))
    if delivered_at is not None:
        figures.handover_days[profile].append(days_from_day0(desk, day0, desk.to_local(delivered_at).date()))


def request_outcome(status: str, decision: str | None) -> str:
    """The decision of the notice; 'withdrawn' or 'pending' for a request without one."""
    if decision:
        return decision
    return "withdrawn" if status == "withdrawn" else "pending"


def days_from_day0(desk: Desk, day0: date, day: date) -> int:
    """Working days after day 0 up to `day`; 0 for a step taken on (or, after hours, before) day 0."""
    return max(0, desk.calendar.working_days_between(day0, day))


OBJECTION_COLUMNS = (
    Case.number, Case.status, ObjectionDetail.grounds, ObjectionDetail.decision, ObjectionDetail.answer_late_days,
    ObjectionDetail.dispute_stage, ObjectionDetail.dispute_outcome, ObjectionDetail.reaction_at,
    ObjectionDetail.request_case_id,
)


def count_objections(desk: Desk, period: Period) -> ObjectionFigures:
    """Objections received in the period: grounds, answers, and the disputes that followed."""
    first, after = utc_bounds(desk, period)
    query = (
        select(*OBJECTION_COLUMNS).join(ObjectionDetail, col(ObjectionDetail.case_id) == col(Case.id))
        .where(Case.kind == "objection", Case.status != "void", Case.received_at >= first, Case.received_at < after)
        .order_by(col(Case.received_at), col(Case.id))
    )
    figures = ObjectionFigures()
    for row in desk.session.exec(query):
        add_objection(desk, figures, row)
    return figures


def add_objection(desk: Desk, figures: ObjectionFigures, row: tuple) -> None:
    """Count one objection row (the columns of OBJECTION_COLUMNS) into the figures."""
    number, status, grounds, decision, late, stage, outcome, filed_at, request_id = row
    figures.received += 1
    figures.by_ground.update(letter.strip() for letter in grounds.split(",") if letter.strip())
    figures.outcomes[decision or ("withdrawn" if status == "withdrawn" else "pending")] += 1
    if decision:
        figures.answered_on_time += not late
        figures.answered_late += bool(late)
    if stage:
        request = desk.session.get(Case, request_id)
        filed = desk.to_local(filed_at).date() if filed_at else None
        figures.disputes.append(Dispute(number, request.number if request else "", filed, stage, outcome))

