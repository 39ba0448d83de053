"""The schema: SQLModel tables. Alembic revisions in migrations/ mirror it exactly.

Timestamps are aware datetimes stored in UTC; due dates and day 0 are stored as dates, because
they are legal days of the office, not instants.
"""

from datetime import date, datetime
from typing import Optional

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel


class Setting(SQLModel, table=True):
    """One office setting (office name, time zone, templates, role titles, rule overrides)."""

    key: str = Field(primary_key=True, max_length=80)
    value: str
    updated_at: datetime


class CalendarDay(SQLModel, table=True):
    """A day the office declared closed (closure) or open (workday)."""

    __tablename__ = "calendar_day"
    day: date = Field(primary_key=True)
    kind: str = Field(max_length=16)  # closure | workday
    reason: str
    officer: str = ""
    created_at: datetime


class NumberSequence(SQLModel, table=True):
    """The last sequence number issued per kind and year; bumped in the issuing transaction."""

    __tablename__ = "number_sequence"
    kind: str = Field(primary_key=True, max_length=20)
    year: int = Field(primary_key=True)
    last: int = 0


class Case(SQLModel, table=True):
    """Any registered case: request, objection, exemption (consequence test), …"""

    __tablename__ = "case"
    __table_args__ = (
        UniqueConstraint("kind", "year", "seq", name="uq_case_kind_year_seq"),
        Index("ix_case_kind_status", "kind", "status"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)
    number: str = Field(unique=True, max_length=120)
    seq: int
    year: int
    status: str = Field(max_length=20)
    profile: str = Field(default="publik", max_length=20)
    received_at: datetime
    day0: date
    officer: str = ""
    created_at: datetime
    parent_id: Optional[int] = Field(default=None, foreign_key="case.id", index=True)
    closed_at: Optional[datetime] = None
    void_reason: Optional[str] = None
    # Kinds run by the SOP step engine keep their form as JSON, with who and what copied out
    # for lists, search and `overdue`; requests keep theirs in request_detail.
    party: str = ""
    subject: str = ""
    form: str = "{}"
    sop_version: Optional[int] = None


class RequestDetail(SQLModel, table=True):
    """The request form (DOMAIN.md §3) and what became of it."""

    __tablename__ = "request_detail"
    case_id: int = Field(primary_key=True, foreign_key="case.id")
    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    occupation: str = ""
    id_type: str = Field(default="ktp", max_length=10)
    id_number: str = ""
    channel: str = Field(default="langsung", max_length=12)
    info: str
    purpose: str
    obtain: str = Field(default="salinan", max_length=12)
    format: str = Field(default="softcopy", max_length=12)
    delivery: str = Field(default="ambil", max_length=12)
    # extension (perpanjangan)
    extension_reason: Optional[str] = None
    extended_at: Optional[datetime] = None
    extension_late: bool = False
    # written notice (pemberitahuan tertulis)
    decision: Optional[str] = Field(default=None, max_length=20)
    decided_at: Optional[datetime] = None
    notice_late_days: Optional[int] = None
    exemptions: str = ""  # Pasal 17 letters, comma separated
    exemption_case_id: Optional[int] = Field(default=None, foreign_key="case.id")
    decision_reason: str = ""
    holder: str = ""
    provide_within: Optional[int] = None
    notice_form: str = ""
    notice_delivery: str = ""
    cost_per_page: int = 0
    pages: int = 0
    cost_delivery: int = 0
    cost_other: int = 0
    payment: str = ""
    # handover (penyerahan) against receipt
    delivered_at: Optional[datetime] = None
    received_by: str = ""
    delivered_via: str = ""
    expedition_id: Optional[int] = Field(default=None, foreign_key="expedition.id")
    # served at once from the Daftar Informasi Publik (seed 001, Lampiran I 2.3.d)
    dip_entry_id: Optional[int] = Field(default=None, foreign_key="dip_entry.id")


class ObjectionDetail(SQLModel, table=True):
    """The objection form (DOMAIN.md §4) and the Atasan PPID's answer."""

    __tablename__ = "objection_detail"
    case_id: int = Field(primary_key=True, foreign_key="case.id")
    request_case_id: int = Field(foreign_key="case.id", index=True)
    grounds: str  # Pasal 35 letters a–g, comma separated
    case_position: str
    proxy: str = ""
    filing_late: bool = False
    filing_deadline: Optional[date] = None
    decision: Optional[str] = Field(default=None, max_length=20)
    reasons: str = ""
    superior: str = ""
    answered_at: Optional[datetime] = None
    answer_late_days: Optional[int] = None
    reaction: Optional[str] = Field(default=None, max_length=20)
    reaction_at: Optional[datetime] = None
    dispute_stage: Optional[str] = Field(default=None, max_length=20)
    dispute_outcome: str = ""
    dispute_at: Optional[datetime] = None


class ExemptionDetail(SQLModel, table=True):
    """A consequence test (uji konsekuensi) on a request."""

    __tablename__ = "exemption_detail"
    case_id: int = Field(primary_key=True, foreign_key="case.id")
    request_case_id: int = Field(foreign_key="case.id", index=True)
    result: Optional[str] = Field(default=None, max_length=10)  # exempt | open
    exemptions: str = ""
    basis: str = ""
    decided_at: Optional[datetime] = None


class Deadline(SQLModel, table=True):
    """One legal or SOP clock of a case; `due` is derived from start/amount and stored for queries."""

    __table_args__ = (Index("ix_deadline_status_due", "status", "due"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    kind: str = Field(max_length=24)
    start: date  # day 0 of the count
    amount: int
    working_days: bool = True
    due: date
    basis: str
    responsible: str = ""  # position title of who must act
    status: str = Field(default="open", max_length=12)  # open | met | extended | lapsed | cancelled
    closed_at: Optional[datetime] = None
    late_days: Optional[int] = None
    disposition_id: Optional[int] = Field(default=None, foreign_key="disposition.id")
    # SOP step clocks: the step's code; for standards in office minutes, the moments (UTC).
    step: Optional[str] = Field(default=None, max_length=40)
    start_at: Optional[datetime] = None
    due_at: Optional[datetime] = None
    late_minutes: Optional[int] = None


class Disposition(SQLModel, table=True):
    """An instruction from one position to another about a case (disposisi)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    parent_id: Optional[int] = Field(default=None, foreign_key="disposition.id")
    from_position: str
    to_position: str
    instruction: str
    oral: bool = False
    for_information: bool = False  # the disposition sheet's "for information" recipients: no follow-up clock
    actions: str = ""  # the sheet's instructions ticked (codes, comma separated)
    created_at: datetime
    accepted_at: Optional[datetime] = None
    done_at: Optional[datetime] = None
    note: str = ""
    officer: str = ""


class Expedition(SQLModel, table=True):
    """An entry of the expedition book (buku ekspedisi): a document that left the office."""

    __table_args__ = (UniqueConstraint("year", "seq", name="uq_expedition_year_seq"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    number: str = Field(unique=True, max_length=120)
    seq: int
    year: int
    document: str
    addressee: str
    case_id: Optional[int] = Field(default=None, foreign_key="case.id", index=True)
    courier: str = ""
    sent_at: datetime
    received_by: str = ""
    received_at: Optional[datetime] = None
    officer: str = ""
    created_at: datetime


class SopRevision(SQLModel, table=True):
    """One loaded revision of an SOP flow for a case kind; the newest applies to steps not yet done."""

    __tablename__ = "sop_revision"
    kind: str = Field(primary_key=True, max_length=20)
    version: int = Field(primary_key=True)
    title: str
    source: str  # the SOP file's text, so an old revision can be shown as it was
    loaded_at: datetime
    officer: str = ""


class CaseStep(SQLModel, table=True):
    """A step of an SOP-driven case, as done: when, by whom, under which revision, how late."""

    __tablename__ = "case_step"
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    step: str = Field(max_length=40)
    no: int = 0
    label: str
    sop_version: int
    responsible: str = ""
    standard: str = ""
    done_at: datetime
    due: Optional[date] = None
    due_at: Optional[datetime] = None
    late_days: Optional[int] = None
    late_minutes: Optional[int] = None
    officer: str = ""
    note: str = ""
    document: str = ""
    expedition_id: Optional[int] = Field(default=None, foreign_key="expedition.id")
    created_at: datetime


class DipEntry(SQLModel, table=True):
    """One entry of the Daftar Informasi Publik (DOMAIN.md §10): never deleted, retired with a reason."""

    __tablename__ = "dip_entry"
    id: Optional[int] = Field(default=None, primary_key=True)
    seq: int = Field(unique=True)  # the DIP's own number, shown to the officer
    category: str = Field(max_length=16)  # berkala | serta-merta | setiap-saat
    summary: str
    holder: str
    responsible: str
    made: str  # time and place the information was made
    form: str = Field(max_length=12)  # softcopy | hardcopy | both
    retention: str
    created_at: datetime
    updated_at: datetime
    retired_at: Optional[datetime] = None
    retire_reason: Optional[str] = None
    officer: str = ""


class Event(SQLModel, table=True):
    """Append-only audit trail: who did what to which case, when; hash-chained (see kpudesk.chain)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: Optional[int] = Field(default=None, foreign_key="case.id", index=True)
    expedition_id: Optional[int] = Field(default=None, foreign_key="expedition.id")
    at: datetime
    officer: str = ""
    action: str = Field(max_length=40)
    detail: str = "{}"  # JSON
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(default="", max_length=64)


class AuditHead(SQLModel, table=True):
    """The newest link of the event chain (one row, id 1): deleting the last events shows as a mismatch.

    Writers lock this row first, so events are chained in the order they are numbered."""

    __tablename__ = "audit_head"
    id: int = Field(default=1, primary_key=True)
    event_id: int = 0
    hash: str = Field(default="", max_length=64)
    events: int = 0


class Party(SQLModel, table=True):
    """A political party the office's helpdesk serves (the list consultations name)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=120)
    short: str = Field(default="", max_length=30)  # the abbreviation used at the desk ('PKB')
    key: str = Field(unique=True, max_length=120)  # name folded for loose matching
    created_at: datetime
    officer: str = ""


class ConsultationProblem(SQLModel, table=True):
    """One problem a party brought to the helpdesk, its answer, and its escalation if any."""

    __tablename__ = "consultation_problem"
    __table_args__ = (UniqueConstraint("case_id", "no", name="uq_consultation_problem_no"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    no: int
    text: str
    noted_at: datetime
    answer: str = ""
    answered_at: Optional[datetime] = None
    answered_by: str = ""
    escalated_at: Optional[datetime] = None
    provincial_answer: str = ""
    provincial_at: Optional[datetime] = None


class MeetingParticipant(SQLModel, table=True):
    """Someone invited to (or present at) a meeting: the invitation's expedition entry, attendance."""

    __tablename__ = "meeting_participant"
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    name: str
    institution: str = ""
    expedition_id: Optional[int] = Field(default=None, foreign_key="expedition.id")
    invited_at: Optional[datetime] = None
    attended_at: Optional[datetime] = None
    officer: str = ""
