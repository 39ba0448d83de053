"""The official registers (DOMAIN.md §5) as plain rows, handed to `kpudesk.export` to become Excel.

Each register is a column spec plus one row of plain values per entry (text, numbers, office-time
dates and datetimes, ticks as booleans). Every entry of the period is listed, voided ones included
with their reason, so the registration numbers in the register stay gapless.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlmodel import col, select

from kpudesk.errors import InvalidInput
from kpudesk.export import Column, Register, Value
from kpudesk.models import Case, Expedition, ObjectionDetail, RequestDetail
from kpudesk.services.desk import Desk
from kpudesk.textfmt import MONTH_NAMES, mask

FILE_STEMS = {"request": "register-permohonan", "objection": "register-keberatan", "expedition": "buku-ekspedisi",
              "dip": "daftar-informasi-publik", "dik": "daftar-informasi-dikecualikan"}

REQUEST_DECISIONS = {
    "granted": "Dipenuhi seluruhnya",
    "partial": "Dipenuhi sebagian",
    "refused": "Ditolak",
    "not-held": "Tidak dikuasai",
    "not-documented": "Belum didokumentasikan",
}
OBJECTION_DECISIONS = {
    "upheld": "Menguatkan keputusan PPID (keberatan ditolak)",
    "overturned": "Membatalkan keputusan PPID (keberatan diterima)",
    "partly": "Keberatan diterima sebagian",
}
REACTIONS = {"accepted": "Menerima tanggapan", "dispute": "Mengajukan sengketa ke Komisi Informasi"}
OBJECTION_GROUNDS = "abcdefg"  # Pasal 35 ayat (1)


@dataclass(frozen=True)
class Period:
    """The inclusive span of office dates a register covers; `year` when it is a whole --year."""

    start: date
    end: date
    year: int | None = None

    @property
    def slug(self) -> str:
        return str(self.year) if self.year else f"{self.start.isoformat()}_{self.end.isoformat()}"

    @property
    def label(self) -> str:
        if self.year:
            return f"Tahun {self.year}"
        return f"Periode {day_text(self.start)} s.d. {day_text(self.end)}"


def day_text(day: date) -> str:
    """'1 Maret 2026'."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def resolve_period(desk: Desk, year: int | None, start: date | None, end: date | None) -> Period:
    """--year Y (default: this year in office time) or both --from and --to, with from ≤ to."""
    if start is None and end is None:
        year = desk.today().year if year is None else year
        if not 2000 <= year <= 9998:
            raise InvalidInput(f"Tahun {year} tidak valid; gunakan tahun empat angka, misalnya {desk.today().year}.")
        return Period(date(year, 1, 1), date(year, 12, 31), year)
    if year is not None:
        raise InvalidInput("Gunakan --year atau --from/--to, tidak keduanya.")
    if start is None or end is None:
        raise InvalidInput("--from dan --to harus diberikan bersama (YYYY-MM-DD), misalnya --from 2026-01-01 --to 2026-03-31.")
    if start > end:
        raise InvalidInput(f"--from {start.isoformat()} jatuh setelah --to {end.isoformat()}; tukar kedua tanggal itu.")
    return Period(start, end)


def register_kind(text: str) -> str:
    """The register a --kind names (a code or an Indonesian name); InvalidInput naming those there are."""
    from kpudesk import kinds

    spec = kinds.find_kind(text)
    code = spec.code if spec else text.strip().lower()
    if code in BUILDERS or code in ("dip", "dik") or (spec is not None and spec.sop):
        return code
    known = [*BUILDERS, "dip", "dik", *kinds.step_kinds()]
    raise InvalidInput(f"Register '{text}' tidak dikenal; pilih salah satu: {', '.join(known)}.")


def _step_register(desk: Desk, kind: str, period: Period, *, unmask: bool) -> Register:
    from kpudesk import kinds
    from kpudesk.services.step_registers import step_register

    spec = kinds.get_kind(kind)
    first, after = utc_bounds(desk, period)
    name = spec.register_title or f"REGISTER {spec.label.upper()}"
    return step_register(desk, kind, first, after, titles(desk, name, period), unmask=unmask)


def resolve_output(output: str | None, kind: str, period: Period) -> Path:
    """The .xlsx path to write: the given one, or the register's name and period in this folder."""
    stem = FILE_STEMS.get(kind, f"register-{kind}")
    path = Path(output).expanduser() if output else Path(f"{stem}-{period.slug}.xlsx")
    if path.suffix.lower() != ".xlsx":
        raise InvalidInput(f"Berkas keluaran '{path}' harus berakhiran .xlsx, misalnya {stem}-{period.slug}.xlsx.")
    if path.is_dir():
        raise InvalidInput(f"'{path}' adalah folder; beri nama berkas .xlsx di dalamnya.")
    folder = path.parent.resolve()
    if not folder.is_dir():
        raise InvalidInput(f"Folder '{folder}' tidak ada (atau bukan folder); buat dahulu atau pilih folder lain dengan --output.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InvalidInput(f"Folder '{folder}' tidak dapat ditulisi; pilih folder lain dengan --output.")
    return path.resolve()


def export_register(desk: Desk, kind: str, *, year: int | None, start: date | None, end: date | None,
                    output: str | None, unmask: bool) -> Path:
    """Write the register of `kind` for the period to an .xlsx file; returns its absolute path."""
    from kpudesk.export import write_register

    kind = register_kind(kind)
    period = resolve_period(desk, year, start, end)
    path = resolve_output(output, kind, period)
    if kind in BUILDERS:
        register = BUILDERS[kind](desk, period, unmask=unmask)
    elif kind in ("dip", "dik"):
        from kpudesk.services.dip_registers import dik_register, dip_register

        register = (dip_register if kind == "dip" else dik_register)(desk, period, unmask=unmask)
    else:
        register = _step_register(desk, kind, period, unmask=unmask)
    try:
        write_register(register, path)
    except OSError as exc:
        raise InvalidInput(f"Tidak dapat menulis {path}: {exc.strerror or exc}; pilih folder lain dengan --output.") from exc
    return path


# --- shared helpers ---------------------------------------------------------------------------

def utc_bounds(desk: Desk, period: Period) -> tuple[datetime, datetime]:
    """[start, end) in stored UTC for the period's office days: midnight to midnight, office time."""
    first = desk.to_utc(datetime.combine(period.start, time.min))
    after = desk.to_utc(datetime.combine(period.end + timedelta(days=1), time.min))
    return first, after


def titles(desk: Desk, name: str, period: Period) -> tuple[str, ...]:
    return (name, desk.profile.name or desk.profile.code, period.label)


def local(desk: Desk, moment: datetime | None) -> datetime | None:
    return desk.to_local(moment) if moment else None


def rupiah(amount: int) -> str:
    """'Rp 15.000' (Indonesian thousands separator)."""
    return "Rp " + f"{amount:,}".replace(",", ".")


def joined(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


def closed_label(case: Case) -> str:
    """'Dibatalkan: …' or 'Dicabut pemohon' for a case that ended without a decision, else ''."""
    if case.status == "void":
        return f"Dibatalkan: {case.void_reason}" if case.void_reason else "Dibatalkan"
    if case.status == "withdrawn":
        return "Dicabut pemohon"
    return ""


# --- Register Permohonan Informasi Publik -------------------------------------------------------

REQUEST_COLUMNS = (
    Column("No", kind="int", width=5),
    Column("Tanggal", kind="date", width=12),
    Column("Nama", group="Nama", width=20, wrap=True),
    Column("Nomor Identitas", group="Nama", width=19),
    Column("Alamat", width=26, wrap=True),
    Column("Telepon", group="Nomor Kontak", width=16),
    Column("E-mail", group="Nomor Kontak", width=22, wrap=True),
    Column("Pekerjaan", width=14, wrap=True),
    Column("Informasi yang Diminta", width=34, wrap=True),
    Column("Tujuan Penggunaan Informasi", width=26, wrap=True),
    Column("Di bawah penguasaan: Ya", group="Status Informasi", kind="tick", width=11),
    Column("Di bawah penguasaan: Tidak", group="Status Informasi", kind="tick", width=11),
    Column("Belum didokumentasikan", group="Status Informasi", kind="tick", width=14),
    Column("Softcopy", group="Bentuk Informasi yang Dikuasai", kind="tick", width=10),
    Column("Hardcopy", group="Bentuk Informasi yang Dikuasai", kind="tick", width=10),
    Column("Melihat/ Mengetahui", group="Jenis Permohonan", kind="tick", width=11),
    Column("Meminta Salinan", group="Jenis Permohonan", kind="tick", width=10),
    Column("Keputusan", width=24, wrap=True),
    Column("Alasan Penolakan", width=30, wrap=True),
    Column("Pemberitahuan Tertulis", group="Hari dan Tanggal", kind="day", width=22),
    Column("Pemberian Informasi", group="Hari dan Tanggal", kind="day", width=22),
    Column("Biaya dan Cara Pembayaran", width=30, wrap=True),
    Column("Nomor Pendaftaran", width=28),  # not one of the 15: links the objection register back here
)


def request_register(desk: Desk, period: Period, *, unmask: bool) -> Register:
    """Register Permohonan Informasi Publik: one row per request received in the period."""
    first, after = utc_bounds(desk, period)
    query = (
        select(Case, RequestDetail).join(RequestDetail, col(RequestDetail.case_id) == col(Case.id))
        .where(Case.kind == "request", Case.received_at >= first, Case.received_at < after)
        .order_by(col(Case.received_at), col(Case.id))
    )
    rows = [request_row(desk, number, case, detail, unmask=unmask)
            for number, (case, detail) in enumerate(desk.session.exec(query).all(), start=1)]
    name = "REGISTER PERMOHONAN INFORMASI PUBLIK"
    return Register("Register Permohonan", titles(desk, name, period), REQUEST_COLUMNS, rows)


def request_row(desk: Desk, number: int, case: Case, detail: RequestDetail, *, unmask: bool) -> list[Value]:
    """The 15 register columns (spread over their sub-columns) of one request, plus its number."""
    return [
        number, desk.to_local(case.received_at).date(),
        detail.name, personal(detail.id_number, unmask), detail.address, personal(detail.phone, unmask), detail.email,
        detail.occupation, detail.info, detail.purpose,
        *information_status(case, detail),
        *information_form(detail),
        detail.obtain == "melihat", detail.obtain == "salinan",
        request_decision(case, detail), refusal_reason(detail),
        local(desk, detail.decided_at), local(desk, detail.delivered_at),
        cost_text(detail), case.number,
    ]


def personal(value: str, unmask: bool) -> str:
    """A NIK or phone number: masked unless the officer asked for it in full (UU 27/2022 PDP)."""
    return value if unmask else mask(value)


def information_status(case: Case, detail: RequestDetail) -> tuple[bool, bool, bool]:
    """Ticks for (held: yes, held: no, not yet documented); none for a voided entry."""
    if case.status == "void":
        return False, False, False
    if detail.decision == "not-held":
        return False, True, False
    if detail.decision == "not-documented":
        return False, False, True
    return True, False, False


def information_form(detail: RequestDetail) -> tuple[bool, bool]:
    """Ticks for (softcopy, hardcopy): the form in the notice once decided, else the form asked for."""
    form = detail.notice_form or detail.format
    return form == "softcopy", form == "hardcopy"


def request_decision(case: Case, detail: RequestDetail) -> str:
    """'Ditolak (Pasal 17 huruf a, h)', 'Dipenuhi seluruhnya', 'Dibatalkan: …', or '' while pending."""
    if ended := closed_label(case):
        return ended
    label = REQUEST_DECISIONS.get(detail.decision or "", detail.decision or "")
    if detail.exemptions and detail.decision in ("refused", "partial"):
        letters = ", ".join(part.strip() for part in detail.exemptions.split(",") if part.strip())
        label = f"{label} (Pasal 17 huruf {letters})"
    if detail.decision == "not-documented" and detail.provide_within:
        label = f"{label} (disediakan dalam {detail.provide_within} hari kerja)"
    return label


def refusal_reason(detail: RequestDetail) -> str:
    """Why the information is not (fully) given: the stated reason and, if not held, who holds it."""
    if detail.decision in (None, "granted"):
        return ""
    holder = f"Dikuasai oleh {detail.holder}" if detail.decision == "not-held" and detail.holder else ""
    return joined(detail.decision_reason, holder)


def cost_text(detail: RequestDetail) -> str:
    """'Rp 15.000 (penggandaan 10 hlm × Rp 500; pengiriman Rp 10.000); tunai', or 'Tanpa biaya'."""
    if detail.decision not in ("granted", "partial"):
        return ""
    copying = detail.cost_per_page * detail.pages
    parts = (
        f"penggandaan {detail.pages} hlm × {rupiah(detail.cost_per_page)}" if copying else "",
        f"pengiriman {rupiah(detail.cost_delivery)}" if detail.cost_delivery else "",
        f"lain-lain {rupiah(detail.cost_other)}" if detail.cost_other else "",
    )
    total = copying + detail.cost_delivery + detail.cost_other
    cost = f"{rupiah(total)} ({joined(*parts)})" if total else "Tanpa biaya"
    return joined(cost, detail.payment)


# --- Register Keberatan -------------------------------------------------------------------------

OBJECTION_COLUMNS = (
    Column("No", kind="int", width=5),
    Column("Nomor Registrasi Keberatan", width=26),
    Column("Tanggal Diterima", kind="date", width=12),
    Column("Nama Pemohon", group="Identitas Pemohon/Kuasa", width=20, wrap=True),
    Column("Kuasa", group="Identitas Pemohon/Kuasa", width=20, wrap=True),
    Column("Nomor Pendaftaran Permohonan", width=26),
    Column("Informasi yang Diminta", width=32, wrap=True),
    Column("Tujuan Penggunaan Informasi", width=24, wrap=True),
    *(Column(letter, group="Alasan Keberatan (Pasal 35 ayat 1)", kind="tick", width=4) for letter in OBJECTION_GROUNDS),
    Column("Keputusan Atasan PPID", width=34, wrap=True),
    Column("Hari dan Tanggal Tanggapan", kind="day", width=22),
    Column("Nama dan Jabatan Atasan PPID", width=26, wrap=True),
    Column("Tanggapan Pemohon", width=24, wrap=True),
)


def objection_register(desk: Desk, period: Period, *, unmask: bool) -> Register:
    """Register Keberatan: one row per objection received in the period."""
    first, after = utc_bounds(desk, period)
    query = (
        select(Case, ObjectionDetail).join(ObjectionDetail, col(ObjectionDetail.case_id) == col(Case.id))
        .where(Case.kind == "objection", Case.received_at >= first, Case.received_at < after)
        .order_by(col(Case.received_at), col(Case.id))
    )
    rows = [objection_row(desk, number, case, detail)
            for number, (case, detail) in enumerate(desk.session.exec(query).all(), start=1)]
    return Register("Register Keberatan", titles(desk, "REGISTER KEBERATAN", period), OBJECTION_COLUMNS, rows)


def objection_row(desk: Desk, number: int, case: Case, detail: ObjectionDetail) -> list[Value]:
    """One objection, with the requester and the information taken from the request it contests."""
    request = desk.session.get(Case, detail.request_case_id or case.parent_id)
    form = desk.session.get(RequestDetail, request.id) if request else None
    grounds = {part.strip() for part in detail.grounds.split(",")}
    answered = bool(detail.decision)
    return [
        number, case.number, desk.to_local(case.received_at).date(),
        form.name if form else "", detail.proxy,
        request.number if request else "",
        form.info if form else "", form.purpose if form else "",
        *(letter in grounds for letter in OBJECTION_GROUNDS),
        closed_label(case) or objection_decision(detail),
        local(desk, detail.answered_at),
        detail.superior if answered else "",
        REACTIONS.get(detail.reaction or "", detail.reaction or ""),
    ]


def objection_decision(detail: ObjectionDetail) -> str:
    """The Atasan PPID's decision in words, followed by the written reasons."""
    label = OBJECTION_DECISIONS.get(detail.decision or "", detail.decision or "")
    return f"{label}. Alasan: {detail.reasons}" if label and detail.reasons else label


# --- Buku Ekspedisi -----------------------------------------------------------------------------

EXPEDITION_COLUMNS = (
    Column("No", kind="int", width=5),
    Column("Nomor", width=26),
    Column("Tanggal Kirim", kind="datetime", width=17),
    Column("Dokumen", width=34, wrap=True),
    Column("Tujuan", width=24, wrap=True),
    Column("Pengantar", width=16, wrap=True),
    Column("Nomor Perkara", width=26),
    Column("Diterima oleh", group="Tanda Terima", width=20, wrap=True),
    Column("Tanggal", group="Tanda Terima", kind="datetime", width=17),
)


def expedition_register(desk: Desk, period: Period, *, unmask: bool) -> Register:
    """Buku Ekspedisi: one row per document sent in the period (no personal identity numbers)."""
    first, after = utc_bounds(desk, period)
    query = (
        select(Expedition, Case).join(Case, col(Expedition.case_id) == col(Case.id), isouter=True)
        .where(Expedition.sent_at >= first, Expedition.sent_at < after)
        .order_by(col(Expedition.sent_at), col(Expedition.id))
    )
    rows: list[list[Value]] = [
        [number, entry.number, desk.to_local(entry.sent_at), entry.document, entry.addressee, entry.courier,
         case.number if case else "", entry.received_by, local(desk, entry.received_at)]
        for number, (entry, case) in enumerate(desk.session.exec(query).all(), start=1)
    ]
    return Register("Buku Ekspedisi", titles(desk, "BUKU EKSPEDISI", period), EXPEDITION_COLUMNS, rows)


BUILDERS: dict[str, Callable[..., Register]] = {
    "request": request_register,
    "objection": objection_register,
    "expedition": expedition_register,
}
