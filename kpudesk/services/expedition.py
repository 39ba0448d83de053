"""The expedition book (buku ekspedisi): every document that leaves the office, and its receipt (tanda terima)."""

from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select

from kpudesk.errors import InvalidInput, NotFound, Refused
from kpudesk.models import Case, Expedition
from kpudesk.services.cases import find_case
from kpudesk.services.desk import Desk, action_moment
from kpudesk.services.events import record_event
from kpudesk.services.numbering import issue_number
from kpudesk.services.validation import clean_text

LIST_COLUMNS = ["number", "sent_at", "document", "addressee", "case", "courier", "received_by", "received_at",
                "officer"]


def add_entry(desk: Desk, *, document: str, addressee: str, sent_local: datetime, case: Case | None = None,
              courier: str = "") -> Expedition:
    """Write an expedition-book entry with its own number (issued in this transaction)."""
    document = clean_text(document, "Dokumen", long=True, required=True)
    addressee = clean_text(addressee, "Penerima/tujuan", required=True)
    seq, number = issue_number(desk, "expedition", sent_local.date())
    entry = Expedition(
        number=number, seq=seq, year=sent_local.year, document=document, addressee=addressee,
        case_id=case.id if case else None, courier=clean_text(courier, "Pengantar"),
        sent_at=desk.to_utc(sent_local), officer=desk.officer, created_at=desk.stored_now(),
    )
    desk.session.add(entry)
    desk.session.flush()
    record_event(desk, "expedition_sent", case_id=entry.case_id, expedition_id=entry.id, number=number,
                 document=document, addressee=addressee, at=sent_local.isoformat(timespec="minutes"))
    return entry


def send_document(desk: Desk, *, document: str, addressee: str, case_number: str | None = None,
                  courier: str = "", sent: datetime | None = None) -> dict[str, object]:
    """Record a document leaving the office (`expedition add`); the case, when named, must exist."""
    case = find_case(desk, case_number) if case_number else None
    after = (desk.to_local(case.received_at), "waktu perkara diterima") if case else None
    # has_time True (here and for receipts): a bare date reads as midnight, as it always has.
    sent_local = action_moment(desk, sent, True, after, "Waktu kirim")
    entry = add_entry(desk, document=document, addressee=addressee, sent_local=sent_local, case=case, courier=courier)
    return entry_dict(desk, entry, case.number if case else None)


def find_entry(desk: Desk, number: str) -> Expedition:
    """The entry with this expedition number (exact, then case-insensitive); NotFound otherwise."""
    text = number.strip()
    entry = desk.session.exec(select(Expedition).where(Expedition.number == text)).first() or desk.session.exec(
        select(Expedition).where(func.lower(Expedition.number) == text.lower())).first()
    if entry is None:
        raise NotFound(f"Tidak ada entri buku ekspedisi dengan nomor '{text}'; lihat: kpudesk expedition list.")
    return entry


def receive_entry(desk: Desk, number: str, *, by: str, at: datetime | None = None) -> dict[str, object]:
    """Record the receipt (tanda terima) of a sent document: who received it and when; once only."""
    entry = find_entry(desk, number)
    receiver = clean_text(by, "Nama penerima (--by)", required=True)
    if entry.received_at is not None:
        raise Refused(f"Entri {entry.number} sudah diterima oleh {entry.received_by} pada "
                      f"{desk.said(desk.to_local(entry.received_at))}; tanda terima hanya dicatat sekali.")
    moment = action_moment(desk, at, True, (desk.to_local(entry.sent_at), "waktu kirim"), "Waktu diterima")
    entry.received_by, entry.received_at = receiver, desk.to_utc(moment)
    desk.session.add(entry)
    record_event(desk, "expedition_received", case_id=entry.case_id, expedition_id=entry.id, number=entry.number,
                 received_by=receiver, at=moment.isoformat(timespec="minutes"))
    return entry_dict(desk, entry, _case_number(desk, entry.case_id))


def _case_number(desk: Desk, case_id: int | None) -> str | None:
    case = desk.session.get(Case, case_id) if case_id else None
    return case.number if case else None


def entry_dict(desk: Desk, entry: Expedition, case_number: str | None) -> dict[str, object]:
    """An entry as plain data (moments in office time)."""
    return {
        "number": entry.number, "sent_at": desk.to_local(entry.sent_at).isoformat(timespec="minutes"),
        "document": entry.document, "addressee": entry.addressee, "case": case_number, "courier": entry.courier,
        "received_by": entry.received_by,
        "received_at": desk.to_local(entry.received_at).isoformat(timespec="minutes") if entry.received_at else None,
        "officer": entry.officer, "open": entry.received_at is None,
    }


def list_entries(desk: Desk, *, open_only: bool = False, year: int | None = None) -> list[dict[str, object]]:
    """The book in order of sending (not yet received only with `open_only`; one year with `year`)."""
    if year is not None and not 2000 <= year <= 2100:
        raise InvalidInput(f"--year {year} tidak valid; gunakan tahun empat angka, mis. 2026.")
    query = select(Expedition, Case.number).outerjoin(Case, Case.id == Expedition.case_id)
    if open_only:
        query = query.where(col(Expedition.received_at).is_(None))
    if year is not None:
        query = query.where(Expedition.year == year)
    query = query.order_by(Expedition.sent_at, Expedition.id)
    return [entry_dict(desk, entry, number) for entry, number in desk.session.exec(query)]


def story_section(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """The case's expedition entries for `kpudesk show` ({} when it has none)."""
    query = select(Expedition).where(Expedition.case_id == case.id).order_by(Expedition.sent_at, Expedition.id)
    entries = list(desk.session.exec(query))
    return {"expedition": [entry_dict(desk, e, case.number) for e in entries]} if entries else {}
