"""Information requests (permohonan informasi publik): registration and the legal notice clock."""

from dataclasses import dataclass, fields
from datetime import date, datetime

from kpudesk.choices import CHANNELS, DELIVERY, FORMATS, ID_TYPES, OBTAIN
from kpudesk.errors import InvalidInput
from kpudesk.models import Case, RequestDetail
from kpudesk.rules import Rule
from kpudesk.services import validation as check
from kpudesk.services.cases import new_case, protect
from kpudesk.services.deadlines import open_deadline, rule_of
from kpudesk.services.desk import Desk
from kpudesk.services.events import record_event


@dataclass
class RequestForm:
    """The request form as typed at the desk (DOMAIN.md §3); field names are the CLI options."""

    name: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    occupation: str | None = None
    id_type: str = "ktp"
    id_number: str | None = None
    channel: str = "langsung"
    info: str | None = None
    purpose: str | None = None
    obtain: str = "salinan"
    format: str = "softcopy"
    delivery: str = "ambil"
    election: bool = False


# Field → label shown when it is missing (the officer sees the option name too).
REQUIRED_FIELDS = {
    "name": "nama pemohon",
    "address": "alamat",
    "id_number": "nomor identitas",
    "info": "rincian informasi yang diminta",
    "purpose": "tujuan penggunaan informasi",
}


def missing_fields(form: RequestForm) -> list[str]:
    """Required fields left empty, plus 'phone' when neither phone nor e-mail was given."""
    missing = [name for name in REQUIRED_FIELDS if not (getattr(form, name) or "").strip()]
    if not (form.phone or "").strip() and not (form.email or "").strip():
        missing.append("phone")
    return missing


def validated(form: RequestForm) -> RequestDetail:
    """The form checked and normalised into a detail row; raises InvalidInput on the first fault."""
    missing = missing_fields(form)
    if missing:
        names = ", ".join(f"--{m.replace('_', '-')}" for m in missing)
        either = " (telepon atau e-mail: salah satu wajib)" if "phone" in missing else ""
        raise InvalidInput(f"Kolom wajib belum diisi: {names}{either}.")
    id_type = check.choice(form.id_type, "Jenis identitas", ID_TYPES)
    return RequestDetail(
        case_id=0,
        name=check.clean_text(form.name, "Nama", required=True),
        address=check.clean_text(form.address, "Alamat", long=True, required=True),
        phone=check.phone(form.phone),
        email=check.email(form.email),
        occupation=check.clean_text(form.occupation, "Pekerjaan"),
        id_type=id_type,
        id_number=check.identity(id_type, form.id_number),
        channel=check.choice(form.channel, "Cara permohonan", CHANNELS),
        info=check.clean_text(form.info, "Rincian informasi", long=True, required=True),
        purpose=check.clean_text(form.purpose, "Tujuan penggunaan", long=True, required=True),
        obtain=check.choice(form.obtain, "Cara memperoleh", OBTAIN),
        format=check.choice(form.format, "Bentuk salinan", FORMATS),
        delivery=check.choice(form.delivery, "Cara mendapatkan salinan", DELIVERY),
    )


@dataclass(frozen=True)
class Registered:
    """What the desk tells the visitor: number, receipt time, day 0, due date and the rule."""

    case: Case
    received_local: datetime
    due: date
    rule: Rule

    def as_dict(self) -> dict[str, object]:
        return {
            "number": self.case.number, "kind": self.case.kind, "received_at": self.received_local.isoformat(timespec="minutes"),
            "day0": self.case.day0.isoformat(), "due": self.due.isoformat(), "profile": self.case.profile,
            "working_days": self.rule.amount, "basis": self.rule.basis, "status": self.case.status,
        }


def resolve_received(desk: Desk, received: datetime | None) -> datetime:
    """The receipt moment in office time: now when not given; never in the future."""
    local_now = desk.local_now()
    if received is None:
        return local_now.replace(second=0, microsecond=0)
    if received > local_now:
        raise InvalidInput(f"Waktu diterima {desk.said(received)} ada di masa depan; waktu kantor sekarang {desk.said(local_now)}.")
    if received.year < 2008:
        raise InvalidInput("Waktu diterima sebelum UU 14/2008 berlaku (2008); periksa tahunnya.")
    return received


def register_request(desk: Desk, form: RequestForm, received: datetime | None = None) -> Registered:
    """Register a request: number, day 0 and the written-notice deadline, in one transaction."""
    detail = validated(form)
    received_local = resolve_received(desk, received)
    profile = "pemilu" if form.election else "publik"
    case = new_case(desk, "request", received_local, profile=profile)
    detail.case_id = case.id
    desk.session.add(detail)
    rule = rule_of(desk, profile, "notice")
    deadline = open_deadline(desk, case, "notice", case.day0, rule)
    record_event(desk, "registered", case_id=case.id, number=case.number, profile=profile,
                 received_at=received_local.isoformat(timespec="minutes"), due=deadline.due)
    return Registered(case, received_local, deadline.due, rule)


def detail_dict(detail: RequestDetail) -> dict[str, object]:
    """The form's fields, for `show --json` (personal data unmasked: the caller masks)."""
    names = [f.name for f in fields(RequestForm) if f.name != "election"]
    return {name: getattr(detail, name) for name in names}


def story_section(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """The request form for `show` (personal data masked unless asked)."""
    detail = desk.session.get(RequestDetail, case.id) if case.kind == "request" else None
    return {"request": protect(detail_dict(detail), unmask)} if detail is not None else {}
