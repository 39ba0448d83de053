"""The Daftar Informasi Publik (DOMAIN.md §10; seed 001, Lampiran IV): entries added, edited and
retired (never deleted), searched at the desk, and read back as plain rows.

An entry's number is the DIP's own "No", given in order and never reused.
"""

import re
import unicodedata
from dataclasses import asdict, dataclass, fields
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select

from kpudesk.errors import InvalidInput, NotFound, Refused
from kpudesk.models import DipEntry
from kpudesk.services import validation as check
from kpudesk.services.desk import Desk
from kpudesk.services.events import record_event

CATEGORIES = {
    "berkala": "Informasi yang wajib disediakan dan diumumkan secara berkala",
    "serta-merta": "Informasi yang wajib diumumkan secara serta merta",
    "setiap-saat": "Informasi yang wajib tersedia setiap saat",
}
FORMS = {"softcopy": "Softcopy", "hardcopy": "Hardcopy", "both": "Softcopy dan hardcopy"}
# what an existing DIP sheet may write for a form or a category
FORM_WORDS = {"soft": "softcopy", "softcopy": "softcopy", "elektronik": "softcopy", "hard": "hardcopy",
              "hardcopy": "hardcopy", "cetak": "hardcopy", "both": "both", "keduanya": "both",
              "softcopy dan hardcopy": "both", "hardcopy dan softcopy": "both", "softcopy/hardcopy": "both",
              "hardcopy/softcopy": "both", "softcopy & hardcopy": "both"}
CATEGORY_WORDS = {"berkala": "berkala", "serta-merta": "serta-merta", "serta merta": "serta-merta",
                  "setiap-saat": "setiap-saat", "setiap saat": "setiap-saat"}
FIELD_LABELS = {
    "summary": "Ringkasan isi informasi (--summary)", "holder": "Pejabat/unit yang menguasai (--holder)",
    "responsible": "Penanggung jawab pembuatan (--responsible)", "made": "Waktu dan tempat pembuatan (--made)",
    "form": "Bentuk informasi (--form)", "retention": "Jangka waktu penyimpanan (--retention)",
    "category": "Kategori (--category)",
}


@dataclass
class DipForm:
    """An entry as typed or read from a sheet; None means 'not given' (for edit: unchanged)."""

    summary: str | None = None
    holder: str | None = None
    responsible: str | None = None
    made: str | None = None
    form: str | None = None
    retention: str | None = None
    category: str | None = None


def checked(form: DipForm, *, partial: bool = False) -> dict[str, str]:
    """The form's values cleaned and checked; every field required unless `partial` (edit)."""
    values: dict[str, str] = {}
    for name in (f.name for f in fields(DipForm)):
        raw = getattr(form, name)
        if raw is None and partial:
            continue
        label = FIELD_LABELS[name]
        if name == "form":
            values[name] = word_choice(raw, label, FORM_WORDS, FORMS)
        elif name == "category":
            values[name] = word_choice(raw, label, CATEGORY_WORDS, CATEGORIES)
        else:
            values[name] = check.clean_text(raw, label, long=name == "summary", required=True)
    return values


def word_choice(value: str | None, label: str, words: dict[str, str], codes: dict[str, str]) -> str:
    """A code from the words a sheet or an officer may use for it; InvalidInput naming the codes."""
    key = " ".join((value or "").strip().lower().split())
    if key in words:
        return words[key]
    raise InvalidInput(f"{label} '{value or ''}' tidak dikenal; pilih salah satu: {', '.join(codes)}.")


def add_entries(desk: Desk, forms: list[dict[str, str]], at: datetime | None = None) -> list[DipEntry]:
    """Store checked entries with the next numbers, listed at `at` (office time; default now),
    one event each; returns them."""
    last = desk.session.exec(select(func.max(DipEntry.seq))).one() or 0
    if at is not None and at > desk.local_now():
        raise InvalidInput(f"Waktu pencatatan {at:%Y-%m-%d %H:%M} ada di masa depan.")
    now = desk.to_utc(at) if at is not None else desk.stored_now()
    entries = []
    for offset, values in enumerate(forms, start=1):
        entry = DipEntry(seq=last + offset, created_at=now, updated_at=now, officer=desk.officer, **values)
        desk.session.add(entry)
        entries.append(entry)
    desk.session.flush()
    for entry in entries:
        record_event(desk, "dip_added", number=entry.seq, **fields_of(entry))
    return entries


def add_entry(desk: Desk, form: DipForm, at: datetime | None = None) -> DipEntry:
    """Add one entry to the DIP (listed at `at`, default now); returns it with its number."""
    return add_entries(desk, [checked(form)], at)[0]


def fields_of(entry: DipEntry) -> dict[str, str]:
    return {name: getattr(entry, name) for name in FIELD_LABELS}


def find_entry(desk: Desk, number: str | int) -> DipEntry:
    """The entry with this DIP number; NotFound otherwise, InvalidInput for a non-number."""
    text = str(number).strip()
    if not text.isdigit():
        raise InvalidInput(f"Nomor DIP '{text}' tidak valid; gunakan nomor urut DIP, misalnya 12.")
    entry = desk.session.exec(select(DipEntry).where(DipEntry.seq == int(text))).first()
    if entry is None:
        raise NotFound(f"Tidak ada informasi nomor {text} di Daftar Informasi Publik; lihat: kpudesk dip list.")
    return entry


def edit_entry(desk: Desk, number: str, form: DipForm) -> DipEntry:
    """Change the given fields of an entry; the old values stay in the event. Refuses a retired one."""
    changes = checked(form, partial=True)
    if not changes:
        raise InvalidInput("Tidak ada yang diubah; beri sekurang-kurangnya satu opsi, mis. --retention '5 tahun'.")
    entry = find_entry(desk, number)
    refuse_if_retired(entry, "diubah")
    before = {name: getattr(entry, name) for name in changes}
    for name, value in changes.items():
        setattr(entry, name, value)
    entry.updated_at = desk.stored_now()
    desk.session.add(entry)
    record_event(desk, "dip_edited", number=entry.seq, before=before, after=changes)
    return entry


def retire_entry(desk: Desk, number: str, reason: str | None) -> DipEntry:
    """Take an entry out of the DIP (it stays in the store, marked retired, with the reason)."""
    reason = check.clean_text(reason, "Alasan (--reason)", long=True, required=True)
    entry = find_entry(desk, number)
    refuse_if_retired(entry, "dicabut")
    entry.retired_at, entry.retire_reason = desk.stored_now(), reason
    desk.session.add(entry)
    record_event(desk, "dip_retired", number=entry.seq, reason=reason)
    return entry


def refuse_if_retired(entry: DipEntry, action: str) -> None:
    if entry.retired_at is not None:
        raise Refused(f"Informasi DIP nomor {entry.seq} sudah dicabut dari daftar ({entry.retire_reason}); "
                      f"tidak dapat {action} lagi.")


def list_entries(desk: Desk, *, category: str | None = None, search: str | None = None,
                 retired: bool = False) -> list[dict[str, object]]:
    """The DIP as plain rows in number order: current entries (or, with `retired`, all of them)."""
    query = select(DipEntry).order_by(col(DipEntry.seq))
    if category is not None:
        query = query.where(DipEntry.category == word_choice(category, "Kategori (--category)", CATEGORY_WORDS, CATEGORIES))
    if not retired:
        query = query.where(col(DipEntry.retired_at).is_(None))
    entries = list(desk.session.exec(query))
    if search:
        words = significant_words(search)
        entries = [entry for entry in entries if words <= significant_words(entry.summary, keep_short=True)]
    return [entry_row(desk, entry) for entry in entries]


def entry_row(desk: Desk, entry: DipEntry) -> dict[str, object]:
    """One entry for lists, JSON and CSV."""
    return {"number": entry.seq, **fields_of(entry), "category_label": CATEGORIES[entry.category],
            "form_label": FORMS[entry.form], "listed_at": desk.to_local(entry.created_at).isoformat(timespec="minutes"),
            "retired": entry.retired_at is not None,
            "retired_at": desk.to_local(entry.retired_at).isoformat(timespec="minutes") if entry.retired_at else None,
            "retire_reason": entry.retire_reason}


# --- finding an entry for what a requester asks ------------------------------------------------

STOPWORDS = frozenset("dan atau yang di ke dari untuk dengan pada dalam tentang atas oleh tahun salinan data "
                      "informasi dokumen copy the of".split())


def folded(text: str) -> str:
    """Lower case without accents: 'Pémilu' → 'pemilu'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def significant_words(text: str, *, keep_short: bool = False) -> set[str]:
    """The words of a text that identify information (no stopwords; ≥ 3 characters unless asked)."""
    words = set(re.findall(r"[a-z0-9]+", folded(text)))
    return {word for word in words if word not in STOPWORDS and (keep_short or len(word) >= 3 or word.isdigit())}


@dataclass(frozen=True)
class DipMatch:
    """An entry that shares words with a request, and how many of the request's words it has."""

    number: int
    summary: str
    category: str
    score: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self) | {"category_label": CATEGORIES[self.category]}


def match_entries(desk: Desk, info: str, limit: int = 3) -> list[DipMatch]:
    """The current entries sharing the most words with `info` (best first, at most `limit`)."""
    wanted = significant_words(info)
    if not wanted:
        return []
    rows = desk.session.exec(select(DipEntry.seq, DipEntry.summary, DipEntry.category)
                             .where(col(DipEntry.retired_at).is_(None)))
    matches = []
    for seq, summary, category in rows:
        score = len(wanted & significant_words(summary, keep_short=True))
        if score:
            matches.append(DipMatch(seq, summary, category, score))
    matches.sort(key=lambda match: (-match.score, match.number))
    return matches[:limit]


# --- serving a request at once from the DIP (seed 001, Lampiran I 2.3.d) ------------------------


@dataclass(frozen=True)
class Served:
    """A request granted and handed over on its day 0 from a DIP entry."""

    number: str
    dip_number: int
    summary: str
    at: str
    received_by: str
    expedition: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self) | {"decision": "granted", "status": "closed"}


def serve_from_dip(desk: Desk, number: str, dip_number: str, received_by: str | None, via: str | None,
                   at: datetime | None = None, *, has_time: bool = True) -> Served:
    """Grant, hand over and close a request in one step from a current DIP entry, on its day 0."""
    from kpudesk.models import RequestDetail
    from kpudesk.services.cases import find_case
    from kpudesk.services.lifecycle import Handover, NoticeForm, decide_request, deliver_request

    local_now = desk.local_now()
    if at is not None and at > local_now:  # bad input before any refusal
        raise InvalidInput(f"Waktu pelayanan {at:%Y-%m-%d %H:%M} ada di masa depan; "
                           f"waktu kantor sekarang {local_now:%Y-%m-%d %H:%M}.")
    entry = find_entry(desk, dip_number)
    refuse_if_retired(entry, "dipakai melayani permohonan")
    case = find_case(desk, number)
    detail = desk.session.get(RequestDetail, case.id) if case.kind == "request" else None
    moment = at or local_now
    if detail is not None and moment.date() > case.day0:
        raise Refused(f"Pelayanan seketika dari DIP hanya pada hari ke-0 permohonan {case.number} "
                      f"({case.day0.isoformat()}); catat dengan kpudesk decide lalu kpudesk deliver.")
    reason = f"Informasi tersedia dalam Daftar Informasi Publik nomor {entry.seq}"
    decided = decide_request(desk, number, NoticeForm("granted", reason=reason), at, has_time=has_time)
    handover = Handover(received_by or decided.detail.name, via, f"Informasi DIP nomor {entry.seq}: {entry.summary}")
    delivered = deliver_request(desk, number, handover, at, has_time=has_time)
    decided.detail.dip_entry_id = entry.id
    desk.session.add(decided.detail)
    record_event(desk, "served_from_dip", case_id=case.id, dip=entry.seq, at=delivered.at.isoformat(timespec="minutes"))
    return Served(case.number, entry.seq, entry.summary, delivered.at.isoformat(timespec="minutes"),
                  delivered.entry.received_by, delivered.entry.number)
