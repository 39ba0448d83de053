"""Reading one row of an old Register Permohonan: which column is which field, and each cell's
value checked and turned into what kpudesk stores. Pure: no store, no file.

The register's own words are read back: the decisions, costs and dates that `export-register`
writes (and the forms offices typed by hand: '16/03/2026', 'Senin, 16 Maret 2026', 'Rp 15.000').
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from kpudesk.errors import InvalidInput
from kpudesk.models import RequestDetail
from kpudesk.services import validation as check
from kpudesk.textfmt import MONTH_NAMES

# Fields a column can hold (for --map COLUMN=FIELD), with what they mean to the officer.
FIELDS = {
    "no": "nomor urut di register (diabaikan)",
    "tanggal": "tanggal permohonan diterima (wajib)",
    "nama": "nama pemohon (wajib)",
    "nomor_identitas": "NIK atau nomor identitas lain",
    "alamat": "alamat",
    "telepon": "nomor telepon",
    "email": "alamat e-mail",
    "pekerjaan": "pekerjaan",
    "informasi": "informasi yang diminta (wajib)",
    "tujuan": "tujuan penggunaan informasi",
    "melihat": "centang: melihat/mengetahui",
    "salinan": "centang: meminta salinan",
    "softcopy": "centang: softcopy",
    "hardcopy": "centang: hardcopy",
    "keputusan": "keputusan dalam pemberitahuan tertulis",
    "alasan_penolakan": "alasan penolakan",
    "tanggal_pemberitahuan": "hari dan tanggal pemberitahuan tertulis",
    "tanggal_pemberian": "hari dan tanggal pemberian informasi",
    "biaya": "biaya dan cara pembayaran",
    "nomor_pendaftaran": "nomor pendaftaran permohonan",
    "abaikan": "kolom ini tidak diimpor",
}
REQUIRED = ("tanggal", "nama", "informasi")

# Header words → field, most specific first; a header is matched on whole words, case, accents
# and punctuation ignored, group title and sub-header together ('nomor kontak e mail').
HEADER_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nomor_pendaftaran", ("nomor pendaftaran", "no pendaftaran", "nomor registrasi", "no registrasi", "no reg")),
    ("tanggal_pemberitahuan", ("pemberitahuan",)),
    ("tanggal_pemberian", ("pemberian informasi", "pemberian", "penyerahan")),
    ("nomor_identitas", ("identitas", "nik", "ktp")),
    ("email", ("e mail", "email", "surel")),
    ("telepon", ("telepon", "telp", "hp", "handphone", "nomor kontak", "no kontak", "kontak")),
    ("informasi", ("informasi yang diminta", "rincian informasi", "informasi diminta")),
    ("tujuan", ("tujuan",)),
    ("alasan_penolakan", ("alasan",)),
    ("keputusan", ("keputusan",)),
    ("biaya", ("biaya",)),
    ("melihat", ("melihat", "mengetahui")),
    ("salinan", ("salinan",)),
    ("softcopy", ("softcopy", "soft copy")),
    ("hardcopy", ("hardcopy", "hard copy")),
    ("pekerjaan", ("pekerjaan",)),
    ("alamat", ("alamat",)),
    ("nama", ("nama",)),
    ("tanggal", ("tanggal", "tgl")),
    ("no", ("no", "nomor urut", "no urut", "nomor")),
)

DECISION_WORDS = (  # the register's words (and the desk's labels) → decision code
    ("partial", ("sebagian",)),
    ("refused", ("ditolak", "tolak")),
    ("not-held", ("tidak dikuasai",)),
    ("not-documented", ("belum didokumentasikan",)),
    ("granted", ("dipenuhi", "diberikan", "seluruhnya", "dikabulkan")),
)
PASAL_17 = "abcdefghij"
EXCEL_EPOCH = datetime(1899, 12, 30)
EXCEL_SERIALS = (36526, 73051)  # 2000-01-01 … 2099-12-31 as Excel day numbers
TICKS = ("✓", "✔", "v", "x", "ya", "y", "1", "true", "√")


class RowProblem(ValueError):
    """A cell that cannot be imported; the message names the column and what is accepted."""


def words(text: str) -> str:
    """'Nomor Kontak / E-mail' → 'nomor kontak e mail': lower case, no accents or punctuation."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain.lower()).split())


def field_of(title: str) -> str | None:
    """The field a header names, or None when it names none of them."""
    padded = f" {words(title)} "
    for name, phrases in HEADER_WORDS:
        if any(f" {phrase} " in padded for phrase in phrases):
            return name
    return None


@dataclass
class ImportedRequest:
    """One good row, ready to store: its form, what became of it, and where it came from."""

    row: int
    number: str
    received: date
    detail: RequestDetail
    status: str  # registered | decided | closed | void | withdrawn
    void_reason: str | None = None


def parse_row(row: int, values: dict[str, Any], today: date, opening: time) -> ImportedRequest:
    """The row's values (by field) checked and converted; raises RowProblem naming the first fault."""
    received = day_of(values.get("tanggal"), "Tanggal")
    if received is None:
        raise RowProblem("Tanggal permohonan kosong.")
    if received > today:
        raise RowProblem(f"Tanggal {received:%d/%m/%Y} ada di masa depan.")
    detail = form_of(values)
    decision, exemptions, provide_within, ended = decision_of(text_of(values.get("keputusan")))
    decided = moment_of(values.get("tanggal_pemberitahuan"), "Tanggal pemberitahuan tertulis", opening)
    delivered = moment_of(values.get("tanggal_pemberian"), "Tanggal pemberian informasi", opening)
    check_order(received, decided, delivered, today)
    if decided and not decision and not ended:
        raise RowProblem("Ada tanggal pemberitahuan tertulis tetapi kolom Keputusan kosong.")
    if decision and not decided:
        raise RowProblem(f"Keputusan '{text_of(values.get('keputusan'))}' tanpa tanggal pemberitahuan tertulis.")
    outcome(detail, values, decision, exemptions, provide_within)
    detail.decided_at, detail.delivered_at = decided, delivered
    status = ended[0] if ended else "closed" if delivered else "decided" if decision else "registered"
    number = text_of(values.get("nomor_pendaftaran"))
    return ImportedRequest(row, number, received, detail, status, ended[1] if ended else None)


def form_of(values: dict[str, Any]) -> RequestDetail:
    """The requester and the request, checked like the desk checks them (personal data that the
    register shows masked, such as '5301********0001', is kept as it is)."""
    try:
        id_type, id_number = identity_of(text_of(values.get("nomor_identitas")))
        return RequestDetail(
            case_id=0, name=check.clean_text(text_of(values.get("nama")), "Nama", required=True),
            address=check.clean_text(text_of(values.get("alamat")), "Alamat", long=True),
            phone=masked_or(text_of(values.get("telepon")), check.phone),
            email=check.email(text_of(values.get("email"))),
            occupation=check.clean_text(text_of(values.get("pekerjaan")), "Pekerjaan"),
            id_type=id_type, id_number=id_number, channel="langsung",
            info=check.clean_text(text_of(values.get("informasi")), "Informasi yang diminta", long=True, required=True),
            purpose=check.clean_text(text_of(values.get("tujuan")), "Tujuan penggunaan", long=True),
            obtain="melihat" if is_tick(values.get("melihat")) and not is_tick(values.get("salinan")) else "salinan",
            format="hardcopy" if is_tick(values.get("hardcopy")) and not is_tick(values.get("softcopy")) else "softcopy",
        )
    except InvalidInput as exc:
        raise RowProblem(exc.message) from None


def identity_of(text: str) -> tuple[str, str]:
    """(id type, number): a NIK, else a SIM or passport number; masked values kept as they are."""
    if not text or "*" in text:
        return "ktp", check.clean_text(text, "Nomor identitas")
    for id_type in ("ktp", "sim", "paspor"):
        try:
            return id_type, check.identity(id_type, text)
        except InvalidInput:
            continue
    raise RowProblem(f"Nomor identitas '{text}' tidak valid: NIK 16 angka, SIM 12–14 angka, atau paspor 7–9 huruf/angka.")


def masked_or(text: str, checked: Any) -> str:
    """A masked value as it is; anything else through the desk's own check."""
    return check.clean_text(text, "Nomor telepon") if "*" in text else checked(text)


def decision_of(text: str) -> tuple[str | None, str, int | None, tuple[str, str | None] | None]:
    """(decision, Pasal 17 letters, days to provide, (ended status, void reason)) read from the
    Keputusan cell: 'Ditolak (Pasal 17 huruf a, h)', 'Dibatalkan: Tercatat ganda', …"""
    key = words(text)
    if not key:
        return None, "", None, None
    if key.startswith("dibatalkan"):
        reason = text.split(":", 1)[1].strip() if ":" in text else ""
        return None, "", None, ("void", reason or None)
    if key.startswith("dicabut"):
        return None, "", None, ("withdrawn", None)
    decision = next((code for code, phrases in DECISION_WORDS if any(p in key for p in phrases)), None)
    if decision is None:
        raise RowProblem(f"Keputusan '{text}' tidak dikenal; gunakan: Dipenuhi seluruhnya, Dipenuhi sebagian, "
                         "Ditolak (Pasal 17 huruf …), Tidak dikuasai, Belum didokumentasikan, Dibatalkan, Dicabut pemohon.")
    letters = re.search(r"huruf\s+([a-j](?:\s*(?:,|dan)\s*[a-j])*)\b", text, re.IGNORECASE)
    exemptions = ",".join(sorted(set(re.findall(r"\b[a-j]\b", letters[1].lower())))) if letters else ""
    days = re.search(r"(\d+)\s*hari", key)
    provide_within = int(days[1]) if decision == "not-documented" and days else None
    return decision, exemptions, provide_within, None


def outcome(detail: RequestDetail, values: dict[str, Any], decision: str | None, exemptions: str,
            provide_within: int | None) -> None:
    """Fill in the notice: decision, letters, reason, holder, form, costs and payment."""
    if not decision:
        return
    reason = check.clean_text(text_of(values.get("alasan_penolakan")), "Alasan penolakan", long=True)
    holder = ""
    if decision == "not-held":
        parts = [p.strip() for p in reason.split(";")]
        holder = next((p.removeprefix("Dikuasai oleh ").strip() for p in parts if p.startswith("Dikuasai oleh ")), "")
        reason = "; ".join(p for p in parts if p and not p.startswith("Dikuasai oleh "))
    detail.decision, detail.exemptions, detail.provide_within = decision, exemptions, provide_within
    detail.decision_reason, detail.holder = reason, holder
    detail.notice_form, detail.notice_delivery = detail.format, detail.delivery
    cost_of(detail, text_of(values.get("biaya")))


def cost_of(detail: RequestDetail, text: str) -> None:
    """Costs from 'Rp 15.000 (penggandaan 10 hlm × Rp 500; pengiriman Rp 10.000); tunai' or 'Tanpa biaya; …'."""
    body, _, payment = text.partition(");") if ")" in text else (text, "", "")
    if not payment and ";" in text and ")" not in text:
        body, _, payment = text.partition(";")
    copying = re.search(r"penggandaan\s+(\d+)\s*hlm\s*[×x]\s*Rp\s*([\d.]+)", body)
    delivery = re.search(r"pengiriman\s+Rp\s*([\d.]+)", body)
    other = re.search(r"lain-lain\s+Rp\s*([\d.]+)", body)
    if copying:
        detail.pages, detail.cost_per_page = int(copying[1]), rupiah_of(copying[2])
    detail.cost_delivery = rupiah_of(delivery[1]) if delivery else 0
    detail.cost_other = rupiah_of(other[1]) if other else 0
    total = re.match(r"\s*Rp\s*([\d.]+)", body)
    if total and not (copying or delivery or other):
        detail.cost_other = rupiah_of(total[1])
    detail.payment = check.clean_text(payment.strip(), "Cara pembayaran")


def rupiah_of(text: str) -> int:
    return int(text.replace(".", "") or 0)


def check_order(received: date, decided: datetime | None, delivered: datetime | None, today: date) -> None:
    """Notice on or after receipt, handover on or after the notice, nothing in the future."""
    if decided and decided.date() < received:
        raise RowProblem(f"Tanggal pemberitahuan {decided:%d/%m/%Y} lebih awal dari tanggal permohonan {received:%d/%m/%Y}.")
    if delivered and not decided:
        raise RowProblem("Ada tanggal pemberian informasi tetapi tanpa pemberitahuan tertulis.")
    if delivered and decided and delivered < decided:
        raise RowProblem(f"Tanggal pemberian informasi {delivered:%d/%m/%Y} lebih awal dari pemberitahuan {decided:%d/%m/%Y}.")
    for moment in (decided, delivered):
        if moment and moment.date() > today:
            raise RowProblem(f"Tanggal {moment:%d/%m/%Y} ada di masa depan.")


def text_of(value: Any) -> str:
    """A cell as text ('' when empty); whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def is_tick(value: Any) -> bool:
    return value is True or words(text_of(value)) in TICKS or text_of(value) in TICKS


def day_of(value: Any, what: str) -> date | None:
    """A date cell: a real Excel date, or text '16/03/2026', '2026-03-16', '16 Maret 2026'."""
    moment = moment_of(value, what, time.min)
    return moment.date() if moment else None


def moment_of(value: Any, what: str, default_time: time) -> datetime | None:
    """A date-time cell (office time); a date without a time is taken at `default_time`."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, second=0, microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, default_time)
    if isinstance(value, int | float) and not isinstance(value, bool) and EXCEL_SERIALS[0] <= value <= EXCEL_SERIALS[1]:
        # a date cell that lost its date format shows Excel's day number (days since 1899-12-30)
        moment = EXCEL_EPOCH + timedelta(days=float(value))
        return moment.replace(second=0, microsecond=0) if value % 1 else datetime.combine(moment.date(), default_time)
    text = " ".join(str(value).replace(",", " ").split())
    for fmt, has_time in (("%d/%m/%Y %H:%M", True), ("%d/%m/%Y", False), ("%Y-%m-%d %H:%M", True), ("%Y-%m-%d", False),
                          ("%d-%m-%Y", False)):
        try:
            parsed = datetime.strptime(text, fmt)
            return parsed if has_time else datetime.combine(parsed.date(), default_time)
        except ValueError:
            continue
    spoken = indonesian_date(text)
    if spoken:
        return datetime.combine(spoken, default_time)
    raise RowProblem(f"{what} '{value}' tidak dapat dibaca; gunakan tanggal Excel, DD/MM/YYYY atau '16 Maret 2026'.")


def indonesian_date(text: str) -> date | None:
    """'Senin 16 Maret 2026' or '16 Maret 2026' → date; None when it is not that form."""
    match = re.fullmatch(r"(?:[A-Za-z']+\s+)?(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text)
    months = [m.lower() for m in MONTH_NAMES]
    if not match or match[2].lower() not in months:
        return None
    try:
        return date(int(match[3]), months.index(match[2].lower()) + 1, int(match[1]))
    except ValueError:
        return None
