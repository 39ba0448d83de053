"""The expedition book (buku ekspedisi): every document that leaves the office."""

from datetime import datetime

from kpudesk.models import Case, Expedition
from kpudesk.services.desk import Desk
from kpudesk.services.events import record_event
from kpudesk.services.numbering import issue_number
from kpudesk.services.validation import clean_text


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
                 document=document, addressee=addressee)
    return entry


def story_section(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """This module's part of `kpudesk show` for a case ({} when it has none)."""
    return {}
