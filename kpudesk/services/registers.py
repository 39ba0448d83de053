"""The official registers (DOMAIN.md §5) as plain rows, handed to `kpudesk.export` to become Excel.

Each register is a column spec plus one row of plain values per entry (text, numbers, office-time
dates and datetimes, ticks as booleans). Every entry of the period is listed, voided ones included
with their reason, so the registration numbers in the register stay gapless.
"""

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.sql.expression import Select

from kpudesk.errors import InvalidInput
from kpudesk.export import Column, Register, Value
from kpudesk.models import Case, Expedition, ObjectionDetail, RequestDetail
from kpudesk.services.desk import Desk
from kpudesk.services.progress import NO_PROGRESS, Progress
from kpudesk.textfmt import MONTH_NAMES, mask

STREAM_BATCH = 2_000  # rows fetched from the store at a time while a register is written
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
        if self.start == self.end:
            return f"Tanggal {day_text(self.start)}"
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

    from kpudesk.choices import REGISTERS

    spec = kinds.find_kind(text)
    code = spec.code if spec else (REGISTERS.find(text) or text.strip().lower())
    if code in BUILDERS or code in ("dip", "dik") or (spec is not None and spec.sop):
        return code
    known = [*BUILDERS, "dip", "dik", *kinds.step_kinds()]
    raise InvalidInput(f"Register '{text}' tidak dikenal; pilih salah satu: {', '.join(known)}.")


def _step_register(desk: Desk, kind: str, period: Period, *, unmask: bool, attendance: bool = False) -> Register:
    import importlib

    from kpudesk import kinds
    from kpudesk.services.step_registers import step_register

    spec = kinds.get_kind(kind)
    first, after = utc_bounds(desk, period)
    name = spec.register_title or f"REGISTER {spec.label.upper()}"
    if attendance and not spec.register_builder:
        raise InvalidInput(f"--day (daftar hadir) hanya untuk register yang memilikinya, bukan '{kind}'.")
    if spec.register_builder:
        module, _, function = spec.register_builder.partition(":")
        build = getattr(importlib.import_module(module), function)
        return build(desk, kind, first, after, titles(desk, name, period), unmask=unmask, attendance=attendance)  # type: ignore[no-any-return]
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


def _day_period(year: int | None, start: date | None, end: date | None, day: date) -> Period:
    if year is not None or start is not None or end is not None:
        raise InvalidInput("Gunakan --day saja, tanpa --year atau --from/--to.")
    return Period(day, day)


def export_register(desk: Desk, kind: str, *, year: int | None, start: date | None, end: date | None,
                    output: str | None, unmask: bool, progress: Progress = NO_PROGRESS, day: date | None = None) -> Path:
    """Write the register of `kind` for the period (or the attendance list of one `day`) to an .xlsx
    file, streaming its rows from the store; returns its absolute path."""
    from kpudesk.export import write_register

    kind = register_kind(kind)
    period = _day_period(year, start, end, day) if day else resolve_period(desk, year, start, end)
    if day and kind in BUILDERS:
        raise InvalidInput(f"--day (daftar hadir) hanya untuk register yang memilikinya, bukan '{kind}'.")
    path = resolve_output(output, f"{kind}-hadir" if day else kind, period)
    if kind in BUILDERS:
        register = BUILDERS[kind](desk, period, unmask=unmask)
    elif kind in ("dip", "dik"):
        from kpudesk.services.dip_registers import dik_register, dip_register

        register = (dip_register if kind == "dip" else dik_register)(desk, period, unmask=unmask)
    else:
        register = _step_register(desk, kind, period, unmask=unmask, attendance=day is not None)
    progress.start(register.count or 0)
    try:
        write_register(register, path, progress.update)
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


def streamed(desk: Desk, query: Select) -> Iterator[Any]:
    """The query's rows, fetched from the store a batch at a time (never all at once)."""
    return iter(desk.session.exec(query.execution_options(yield_per=STREAM_BATCH)))


def counted(desk: Desk, query: Select) -> int:
    """How many rows `query` yields (for the progress bar)."""
    return desk.session.exec(select(func.count()).select_from(query.order_by(None).subquery())).one()


def rupiah(amount: int) -> str:
    """'Rp 15.000' (Indonesian thousands separator)."""
    return "Rp " + f"{amount:,}".replace(",", ".")


def joined(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


def closed_label(row: Any) -> str:
    """'Dibatalkan: …' or 'Dicabut pemohon' for a case that ended without a decision, else ''.

    Here and below `row` is a result row of a register query: the case's and its form's columns
    as attributes (selected as columns, so a million rows build no ORM objects)."""
    if row.status == "void":
        return f"Dibatalkan: {row.void_reason}" if row.void_reason else "Dibatalkan"
    if row.status == "withdrawn":
        return "Dicabut pemohon"
    return ""


# --- Register Permohonan Informasi Publik -------------------------------------------------------

# The form's columns a register row reads (selected as columns: no ORM object per row).
REQUEST_FIELDS = tuple(getattr(RequestDetail, name) for name in (
    "name", "id_number", "address", "phone", "email", "occupation", "info", "purpose", "obtain", "format",
    "notice_form", "decision", "exemptions", "provide_within", "decision_reason", "holder", "decided_at",
    "delivered_at", "cost_per_page", "pages", "cost_delivery", "cost_other", "payment"))

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
    """Register Permohonan Informasi Publik: one row per request received in the period, streamed."""
    first, after = utc_bounds(desk, period)
    query = (
        select(Case.number, Case.status, Case.received_at, Case.void_reason, *REQUEST_FIELDS)
        .join(RequestDetail, col(RequestDetail.case_id) == col(Case.id))
        .where(Case.kind == "request", Case.received_at >= first, Case.received_at < after)
        .order_by(col(Case.received_at), col(Case.id))
    )
    rows = (request_row(desk, number, row, unmask=unmask) for number, row in enumerate(streamed(desk, query), start=1))
    name = "REGISTER PERMOHONAN INFORMASI PUBLIK"
    return Register("Register Permohonan", titles(desk, name, period), REQUEST_COLUMNS, rows, counted(desk, query))


def request_row(desk: Desk, number: int, row: Any, *, unmask: bool) -> list[Value]:
    """The 15 register columns (spread over their sub-columns) of one request, plus its number.
    `row` has the case's and the form's columns as attributes (a Case joined to its RequestDetail)."""
    return [
        number, desk.to_local(row.received_at).date(),
        row.name, personal(row.id_number, unmask), row.address, personal(row.phone, unmask), row.email,
        row.occupation, row.info, row.purpose,
        *information_status(row),
        *information_form(row),
        row.obtain == "melihat", row.obtain == "salinan",
        request_decision(row), refusal_reason(row),
        local(desk, row.decided_at), local(desk, row.delivered_at),
        cost_text(row), row.number,
    ]


def personal(value: str, unmask: bool) -> str:
    """A NIK or phone number: masked unless the officer asked for it in full (UU 27/2022 PDP)."""
    return value if unmask else mask(value)


def information_status(row: Any) -> tuple[bool, bool, bool]:
    """Ticks for (held: yes, held: no, not yet documented); none for a voided entry."""
    if row.status == "void":
        return False, False, False
    if row.decision == "not-held":
        return False, True, False
    if row.decision == "not-documented":
        return False, False, True
    return True, False, False


def information_form(row: Any) -> tuple[bool, bool]:
    """Ticks for (softcopy, hardcopy): the form in the notice once decided, else the form asked for."""
    form = row.notice_form or row.format
    return form == "softcopy", form == "hardcopy"


def request_decision(row: Any) -> str:
    """'Ditolak (Pasal 17 huruf a, h)', 'Dipenuhi seluruhnya', 'Dibatalkan: …', or '' while pending."""
    if ended := closed_label(row):
        return ended
    label = REQUEST_DECISIONS.get(row.decision or "", row.decision or "")
    if row.exemptions and row.decision in ("refused", "partial"):
        letters = ", ".join(part.strip() for part in row.exemptions.split(",") if part.strip())
        label = f"{label} (Pasal 17 huruf {letters})"
    if row.decision == "not-documented" and row.provide_within:
        label = f"{label} (disediakan dalam {row.provide_within} hari kerja)"
    return label


def refusal_reason(row: Any) -> str:
    """Why the information is not (fully) given: the stated reason and, if not held, who holds it."""
    if row.decision in (None, "granted"):
        return ""
    holder = f"Dikuasai oleh {row.holder}" if row.decision == "not-held" and row.holder else ""
    return joined(row.decision_reason, holder)


def cost_text(row: Any) -> str:
    """'Rp 15.000 (penggandaan 10 hlm × Rp 500; pengiriman Rp 10.000); tunai', or 'Tanpa biaya'."""
    if row.decision not in ("granted", "partial"):
        return ""
    copying = row.cost_per_page * row.pages
    parts = (
        f"penggandaan {row.pages} hlm × {rupiah(row.cost_per_page)}" if copying else "",
        f"pengiriman {rupiah(row.cost_delivery)}" if row.cost_delivery else "",
        f"lain-lain {rupiah(row.cost_other)}" if row.cost_other else "",
    )
    total = copying + row.cost_delivery + row.cost_other
    cost = f"{rupiah(total)} ({joined(*parts)})" if total else "Tanpa biaya"
    return joined(cost, row.payment)


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
    """Register Keberatan: one row per objection received in the period, with the requester and the
    information taken from the request it contests (joined in the same query), streamed."""
    first, after = utc_bounds(desk, period)
    request, form = aliased(Case), aliased(RequestDetail)
    query = (
        select(Case.number, Case.status, Case.received_at, Case.void_reason, ObjectionDetail.grounds,
               ObjectionDetail.proxy, ObjectionDetail.decision, ObjectionDetail.reasons, ObjectionDetail.superior,
               ObjectionDetail.answered_at, ObjectionDetail.reaction, request.number.label("request_number"),
               form.name, form.info, form.purpose)
        .join(ObjectionDetail, col(ObjectionDetail.case_id) == col(Case.id))
        .outerjoin(request, request.id == func.coalesce(ObjectionDetail.request_case_id, Case.parent_id))
        .outerjoin(form, form.case_id == request.id)
        .where(Case.kind == "objection", Case.received_at >= first, Case.received_at < after)
        .order_by(col(Case.received_at), col(Case.id))
    )
    rows = (objection_row(desk, number, row) for number, row in enumerate(streamed(desk, query), start=1))
    return Register("Register Keberatan", titles(desk, "REGISTER KEBERATAN", period), OBJECTION_COLUMNS, rows,
                    counted(desk, query))


def objection_row(desk: Desk, number: int, row: Any) -> list[Value]:
    """One objection: its own columns and its request's number, requester and information."""
    grounds = {part.strip() for part in row.grounds.split(",")}
    return [
        number, row.number, desk.to_local(row.received_at).date(),
        row.name or "", row.proxy, row.request_number or "", row.info or "", row.purpose or "",
        *(letter in grounds for letter in OBJECTION_GROUNDS),
        closed_label(row) or objection_decision(row),
        local(desk, row.answered_at),
        row.superior if row.decision else "",
        REACTIONS.get(row.reaction or "", row.reaction or ""),
    ]


def objection_decision(row: Any) -> str:
    """The Atasan PPID's decision in words, followed by the written reasons."""
    label = OBJECTION_DECISIONS.get(row.decision or "", row.decision or "")
    return f"{label}. Alasan: {row.reasons}" if label and row.reasons else label


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
    """Buku Ekspedisi: one row per document sent in the period (no personal identity numbers), streamed."""
    first, after = utc_bounds(desk, period)
    query = (
        select(Expedition.number, Expedition.sent_at, Expedition.document, Expedition.addressee, Expedition.courier,
               Case.number.label("case_number"), Expedition.received_by, Expedition.received_at)
        .join(Case, col(Expedition.case_id) == col(Case.id), isouter=True)
        .where(Expedition.sent_at >= first, Expedition.sent_at < after)
        .order_by(col(Expedition.sent_at), col(Expedition.id))
    )
    rows = ([number, row.number, desk.to_local(row.sent_at), row.document, row.addressee, row.courier,
             row.case_number or "", row.received_by, local(desk, row.received_at)]
            for number, row in enumerate(streamed(desk, query), start=1))
    return Register("Buku Ekspedisi", titles(desk, "BUKU EKSPEDISI", period), EXPEDITION_COLUMNS, rows,
                    counted(desk, query))


BUILDERS: dict[str, Callable[..., Register]] = {
    "request": request_register,
    "objection": objection_register,
    "expedition": expedition_register,
}
