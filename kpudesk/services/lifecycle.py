"""The life of an information request after registration: extension, written notice, handover
against receipt, withdrawal by the requester, and voiding any case entered by mistake.

Nothing is deleted: every step changes the case's status and records an event.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import col, select

from kpudesk.choices import NOTICE_DECISIONS as DECISIONS
from kpudesk.errors import InvalidInput, Refused
from kpudesk.labels import DECISION_LABELS, STATUS_LABELS, kind_label, label
from kpudesk.models import Case, Deadline, ExemptionDetail, Expedition, RequestDetail
from kpudesk.rules import Rule
from kpudesk.services import validation as check
from kpudesk.services.cases import cancel_open_clocks, find_case
from kpudesk.services.deadlines import close_deadline, open_deadline, open_deadlines, rule_of
from kpudesk.services.desk import Desk, action_moment
from kpudesk.services.events import record_event
from kpudesk.services.expedition import add_entry
from kpudesk.services.requests import DELIVERY, FORMATS
from kpudesk.textfmt import long_date

PASAL_17 = "abcdefghij"
ENDED = ("closed", "withdrawn", "void")
MAX_PROVIDE_WITHIN = 366
PROVISION_BASIS = "UU 14/2008 Pasal 22 ayat (7): jangka waktu penyediaan dalam pemberitahuan tertulis"


# --- shared checks ---


def _request(desk: Desk, number: str) -> tuple[Case, RequestDetail]:
    """The request with this number and its form; refuses any other kind of case."""
    case = find_case(desk, number)
    detail = desk.session.get(RequestDetail, case.id) if case.kind == "request" else None
    if detail is None:
        raise Refused(f"Nomor {case.number} adalah {kind_label(case.kind).lower()}, bukan permohonan informasi; "
                      "tindakan ini hanya untuk permohonan informasi.")
    return case, detail


def _refuse_if_ended(case: Case, action: str) -> None:
    """Closed, withdrawn and voided requests take no further steps."""
    if case.status in ENDED:
        raise Refused(f"Permohonan {case.number} berstatus '{label(STATUS_LABELS, case.status)}'; "
                      f"tidak dapat {action} lagi.")


def _last_step(desk: Desk, case: Case, detail: RequestDetail) -> tuple[datetime, str]:
    """The latest recorded moment of the request (office time) and what happened then."""
    steps = [(desk.to_local(case.received_at), "diterimanya permohonan")]
    if detail.extended_at:
        steps.append((desk.to_local(detail.extended_at), "perpanjangan"))
    if detail.decided_at:
        steps.append((desk.to_local(detail.decided_at), "pemberitahuan tertulis"))
    return max(steps)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


# --- extension (perpanjangan) ---


@dataclass(frozen=True)
class Extended:
    """The outcome of `extend`: the original and the new due date, and whether it came late."""

    case: Case
    at: datetime
    notice_due: date
    due: date
    rule: Rule
    late: bool

    def as_dict(self) -> dict[str, object]:
        return {"number": self.case.number, "status": self.case.status, "extended_at": _stamp(self.at),
                "notice_due": self.notice_due.isoformat(), "due": self.due.isoformat(),
                "working_days": self.rule.amount, "basis": self.rule.basis, "late": self.late}


def _notice_clock(desk: Desk, case: Case) -> Deadline:
    clocks = open_deadlines(desk, case.id, "notice")
    if not clocks:
        raise Refused(f"Permohonan {case.number} tidak punya tenggat pemberitahuan tertulis yang berjalan; "
                      "tidak dapat diperpanjang.")
    return clocks[0]


def extend_request(desk: Desk, number: str, reason: str | None, at: datetime | None = None, *,
                   has_time: bool = True, late: bool = False) -> Extended:
    """Extend the notice deadline once (+7 HK, +2 HK for election information), counted from the
    original due date; refuses a second extension, one after the notice, or one past the deadline
    unless `late` (then recorded as late)."""
    reason = check.clean_text(reason, "Alasan tertulis perpanjangan (--reason)", long=True, required=True)
    case, detail = _request(desk, number)
    _refuse_if_ended(case, "diperpanjang")
    if detail.decision:
        raise Refused(f"Pemberitahuan tertulis untuk {case.number} sudah diberikan "
                      f"({label(DECISION_LABELS, detail.decision)}); perpanjangan hanya sebelum pemberitahuan.")
    if detail.extended_at or case.status == "extended":
        raise Refused(f"Permohonan {case.number} sudah diperpanjang; perpanjangan hanya boleh sekali "
                      "(UU 14/2008 Pasal 22 ayat (8)).")
    moment = action_moment(desk, at, has_time, _last_step(desk, case, detail), "Waktu perpanjangan")
    notice = _notice_clock(desk, case)
    is_late = moment.date() > notice.due
    if is_late and not late:
        raise Refused(f"Batas pemberitahuan tertulis {case.number} sudah lewat ({long_date(notice.due)}); "
                      "perpanjangan harus diberikan sebelum batas itu. Bila tetap dicatat, tambahkan --late.")
    close_deadline(desk, notice, moment.date(), status="extended")
    rule = rule_of(desk, case.profile, "extension")
    extension = open_deadline(desk, case, "extension", notice.due, rule)
    detail.extension_reason, detail.extended_at, detail.extension_late = reason, desk.to_utc(moment), is_late
    case.status = "extended"
    desk.session.add_all([detail, case])
    note = {"note": "perpanjangan diberikan setelah batas pemberitahuan lewat"} if is_late else {}
    record_event(desk, "extended", case_id=case.id, reason=reason, at=_stamp(moment), notice_due=notice.due,
                 due=extension.due, late=is_late, **note)
    return Extended(case, moment, notice.due, extension.due, rule, is_late)


# --- written notice (pemberitahuan tertulis) ---


@dataclass
class NoticeForm:
    """The written notice as typed at the desk (DOMAIN.md §3); field names follow the CLI options."""

    decision: str
    exemptions: list[str] = field(default_factory=list)
    exemption_test: str | None = None
    reason: str | None = None
    holder: str | None = None
    provide_within: int | None = None
    form: str | None = None
    via: str | None = None
    cost_per_page: int = 0
    pages: int = 0
    cost_delivery: int = 0
    cost_other: int = 0
    payment: str | None = None


def _exemption_test(desk: Desk, case: Case, number: str, exemptions: str) -> int:
    """The id of a consequence test on this request that found exempt every letter the notice cites."""
    test = find_case(desk, number)
    detail = desk.session.get(ExemptionDetail, test.id) if test.kind == "exemption" else None
    if detail is None or detail.request_case_id != case.id or test.status == "void":
        raise Refused(f"{test.number} bukan uji konsekuensi atas permohonan {case.number}; "
                      "sebut nomor uji konsekuensi permohonan ini.")
    if detail.result != "exempt":
        raise Refused(f"Uji konsekuensi {test.number} tidak menyimpulkan informasi dikecualikan "
                      f"(hasil: {detail.result or 'belum diputus'}); penolakan tidak dapat bersandar padanya.")
    found = {letter for letter in detail.exemptions.split(",") if letter}
    beyond = sorted(set(exemptions.split(",")) - found - {""})
    if beyond:
        raise Refused(f"Uji konsekuensi {test.number} hanya menyimpulkan Pasal 17 huruf {', '.join(sorted(found))}; "
                      f"huruf {', '.join(beyond)} tidak dapat dijadikan alasan dengan uji ini.")
    return test.id


def _decision_fields(form: NoticeForm) -> dict[str, object]:
    """The decision and what it requires: exemption letters, reason, holder, provision period.
    Values only: nothing here reads the store, so a bad value is reported before any refusal."""
    decision = check.choice(form.decision, "Keputusan (--decision)", DECISIONS)
    exemptions = check.letters(form.exemptions, "Pengecualian Pasal 17 (--exemption)", PASAL_17)
    if (exemptions or form.exemption_test) and decision not in ("refused", "partial"):
        raise InvalidInput("--exemption dan --exemption-test hanya untuk keputusan ditolak atau sebagian.")
    reason = check.clean_text(form.reason, "Alasan (--reason)", long=True)
    if decision == "partial" and not reason:
        raise InvalidInput("Keputusan sebagian wajib disertai --reason: bagian yang dihitamkan dan alasannya.")
    holder = check.clean_text(form.holder, "Badan publik yang menguasai (--holder)")
    if holder and decision != "not-held":
        raise InvalidInput("--holder hanya untuk keputusan tidak-dikuasai (informasi tidak dikuasai).")
    return {"decision": decision, "exemptions": exemptions, "decision_reason": reason, "holder": holder,
            "provide_within": _provide_within(decision, form.provide_within)}


def _provide_within(decision: str, days: int | None) -> int | None:
    if decision != "not-documented":
        if days is not None:
            raise InvalidInput("--provide-within hanya untuk keputusan belum-didokumentasikan.")
        return None
    if days is None or not 1 <= days <= MAX_PROVIDE_WITHIN:
        raise InvalidInput(f"Keputusan belum-didokumentasikan wajib disertai --provide-within N: jangka waktu penyediaan "
                           f"dalam hari kerja, 1–{MAX_PROVIDE_WITHIN}.")
    return days


COST_OPTIONS = {"cost_per_page": "--cost-per-page", "pages": "--pages", "cost_delivery": "--cost-delivery",
                "cost_other": "--cost-other"}
# A 32-bit column on PostgreSQL: more than a billion rupiah or pages is a typing error, not a cost.
MAX_COST = 1_000_000_000


def _delivery_fields(form: NoticeForm) -> dict[str, object]:
    """Costs (whole rupiah, never negative), form and means of delivery when given, and payment."""
    fields: dict[str, object] = {}
    for name, option in COST_OPTIONS.items():
        value = getattr(form, name)
        if value < 0:
            raise InvalidInput(f"{option} tidak boleh negatif ({value}); isi bilangan bulat 0 atau lebih (rupiah/halaman).")
        if value > MAX_COST:
            raise InvalidInput(f"{option} {value} di luar jangkauan; paling besar {MAX_COST:,}".replace(",", ".") + ".")
        fields[name] = value
    fields["notice_form"] = check.choice(form.form, "Bentuk informasi (--form)", FORMATS) if form.form else None
    fields["notice_delivery"] = check.choice(form.via, "Cara penyampaian (--via)", DELIVERY) if form.via else None
    fields["payment"] = check.clean_text(form.payment, "Cara pembayaran (--payment)")
    return fields


def _notice_values(desk: Desk, case: Case, detail: RequestDetail, form: NoticeForm,
                   values: dict[str, object]) -> dict[str, object]:
    """The checked values completed from the store: the request's own choices, the consequence test."""
    if values["decision"] == "refused" and not values["exemptions"]:
        raise Refused("Penolakan wajib menyebut sekurang-kurangnya satu huruf pengecualian Pasal 17 UU 14/2008 "
                      "(a–j) dengan --exemption, mis. --exemption h.")
    test = _exemption_test(desk, case, form.exemption_test, str(values["exemptions"])) if form.exemption_test else None
    return values | {"notice_form": values["notice_form"] or detail.format,
                     "notice_delivery": values["notice_delivery"] or detail.delivery, "exemption_case_id": test}


def total_cost(detail: RequestDetail) -> int:
    """Copying plus delivery plus other costs, in rupiah."""
    return detail.cost_per_page * detail.pages + detail.cost_delivery + detail.cost_other


@dataclass(frozen=True)
class Decided:
    """The outcome of `decide`: the notice, its lateness, and the provision clock if one opened."""

    case: Case
    detail: RequestDetail
    at: datetime
    late_days: int
    provision: Deadline | None

    def as_dict(self) -> dict[str, object]:
        return {"number": self.case.number, "status": self.case.status, "decision": self.detail.decision,
                "decided_at": _stamp(self.at), "late_days": self.late_days, "total_cost": total_cost(self.detail),
                "provision_due": self.provision.due.isoformat() if self.provision else None}


def decide_request(desk: Desk, number: str, form: NoticeForm, at: datetime | None = None, *,
                   has_time: bool = True) -> Decided:
    """Record the written notice: closes the notice (or extension) clock, notes its lateness and,
    for information not yet documented, opens the provision clock."""
    values = _decision_fields(form) | _delivery_fields(form)  # bad values (exit 2) before any refusal
    case, detail = _request(desk, number)
    _refuse_if_ended(case, "diberi pemberitahuan tertulis")
    if detail.decision:
        raise Refused(f"Pemberitahuan tertulis untuk {case.number} sudah dicatat "
                      f"({label(DECISION_LABELS, detail.decision)}); keputusan hanya sekali.")
    values = _notice_values(desk, case, detail, form, values)
    moment = action_moment(desk, at, has_time, _last_step(desk, case, detail), "Waktu pemberitahuan")
    late = 0
    for clock in open_deadlines(desk, case.id, "notice", "extension"):
        late = close_deadline(desk, clock, moment.date())
    for name, value in values.items():
        setattr(detail, name, value)
    detail.decided_at, detail.notice_late_days = desk.to_utc(moment), late
    provision = _open_provision(desk, case, moment, detail.provide_within)
    case.status = "decided"
    desk.session.add_all([detail, case])
    record_event(desk, "decided", case_id=case.id, decision=detail.decision, exemptions=detail.exemptions,
                 at=_stamp(moment), late_days=late, total_cost=total_cost(detail),
                 provision_due=provision.due if provision else None)
    return Decided(case, detail, moment, late, provision)


def _open_provision(desk: Desk, case: Case, moment: datetime, days: int | None) -> Deadline | None:
    """The clock to provide information not yet documented; day 0 is the notice day."""
    if days is None:
        return None
    start = desk.calendar.day_zero(moment, desk.profile.closing)
    return open_deadline(desk, case, "provision", start, Rule(days, True, PROVISION_BASIS, "ppid"))


# --- handover against receipt (penyerahan) ---


@dataclass
class Handover:
    """Who received the information, how, and what was handed over."""

    received_by: str | None
    via: str | None = None
    document: str | None = None
    courier: str | None = None


@dataclass(frozen=True)
class Delivered:
    case: Case
    entry: Expedition
    at: datetime
    provision_late: int | None

    def as_dict(self) -> dict[str, object]:
        return {"number": self.case.number, "status": self.case.status, "delivered_at": _stamp(self.at),
                "received_by": self.entry.received_by, "expedition": self.entry.number,
                "provision_late_days": self.provision_late}


def deliver_request(desk: Desk, number: str, handover: Handover, at: datetime | None = None, *,
                    has_time: bool = True) -> Delivered:
    """Hand the information over against receipt: an expedition-book entry received at once,
    the provision clock closed, any other open clock cancelled, the request closed."""
    case, detail = _request(desk, number)
    _refuse_if_ended(case, "diserahkan")
    if not detail.decision:
        raise Refused(f"Permohonan {case.number} belum diberi pemberitahuan tertulis; catat dahulu dengan: "
                      "kpudesk decide NOMOR --decision ….")
    received_by = check.clean_text(handover.received_by, "Nama penerima (--received-by)", required=True)
    via = check.choice(handover.via or detail.notice_delivery or detail.delivery, "Cara penyerahan (--via)", DELIVERY)
    moment = action_moment(desk, at, has_time, _last_step(desk, case, detail), "Waktu penyerahan")
    document = handover.document or f"Pemberitahuan tertulis dan informasi atas permohonan {case.number}: {detail.info}"
    entry = add_entry(desk, document=document, addressee=detail.name, sent_local=moment, case=case,
                      courier=handover.courier or "")
    entry.received_by, entry.received_at = received_by, desk.to_utc(moment)
    detail.delivered_at, detail.received_by, detail.delivered_via = desk.to_utc(moment), received_by, via
    detail.expedition_id = entry.id
    provision_late = None
    for clock in open_deadlines(desk, case.id, "provision"):
        provision_late = close_deadline(desk, clock, moment.date())
    # A closed request owes nothing more: clocks still running (dispositions) stop, as on withdrawal.
    cancelled = cancel_open_clocks(desk, case, moment.date())
    case.status, case.closed_at = "closed", desk.to_utc(moment)
    desk.session.add_all([entry, detail, case])
    record_event(desk, "delivered", case_id=case.id, expedition_id=entry.id, at=_stamp(moment),
                 received_by=received_by, via=via, expedition=entry.number, provision_late_days=provision_late,
                 cancelled=cancelled)
    return Delivered(case, entry, moment, provision_late)


# --- withdrawal and voiding ---


def withdraw_request(desk: Desk, number: str, reason: str | None, at: datetime | None = None, *,
                     has_time: bool = True) -> Case:
    """The requester withdraws the request: status 'withdrawn', open clocks cancelled."""
    reason = check.clean_text(reason, "Alasan pencabutan (--reason)", long=True, required=True)
    case, detail = _request(desk, number)
    _refuse_if_ended(case, "dicabut")
    moment = action_moment(desk, at, has_time, _last_step(desk, case, detail), "Waktu pencabutan")
    cancelled = cancel_open_clocks(desk, case, moment.date())
    case.status, case.closed_at = "withdrawn", desk.to_utc(moment)
    desk.session.add(case)
    record_event(desk, "withdrawn", case_id=case.id, reason=reason, at=_stamp(moment), cancelled=cancelled)
    return case


# --- show ---


def story_section(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """This module's part of `kpudesk show` for a case ({} when it has none)."""
    detail = desk.session.get(RequestDetail, case.id) if case.kind == "request" else None
    if detail is None:
        return {}
    sections: dict[str, object] = {}
    if detail.extended_at:
        sections["extension"] = {"reason": detail.extension_reason, "at": _stamp(desk.to_local(detail.extended_at)),
                                 "late": detail.extension_late}
    if detail.decision:
        sections["notice"] = _notice_section(desk, detail)
    if detail.delivered_at:
        entry = desk.session.get(Expedition, detail.expedition_id) if detail.expedition_id else None
        sections["delivery"] = {"at": _stamp(desk.to_local(detail.delivered_at)), "received_by": detail.received_by,
                                "via": detail.delivered_via, "expedition": entry.number if entry else None}
    return sections


def _notice_section(desk: Desk, detail: RequestDetail) -> dict[str, object]:
    test = desk.session.get(Case, detail.exemption_case_id) if detail.exemption_case_id else None
    return {
        "decision": detail.decision, "decision_label": label(DECISION_LABELS, detail.decision),
        "exemptions": detail.exemptions.split(",") if detail.exemptions else [],
        "exemption_test": test.number if test else None, "reason": detail.decision_reason, "holder": detail.holder,
        "provide_within": detail.provide_within, "form": detail.notice_form, "via": detail.notice_delivery,
        "costs": {"per_page": detail.cost_per_page, "pages": detail.pages, "delivery": detail.cost_delivery,
                  "other": detail.cost_other, "total": total_cost(detail)},
        "payment": detail.payment,
        "at": _stamp(desk.to_local(detail.decided_at)) if detail.decided_at else None,
        "late_days": detail.notice_late_days,
    }
