"""The Daftar Informasi Publik and the Daftar Informasi yang Dikecualikan as registers (plain rows
for `kpudesk.export`), for `kpudesk export-register --kind dip|dik`.
"""

from sqlalchemy import or_
from sqlmodel import col, select

from kpudesk.export import Column, Register, Value
from kpudesk.models import Case, DipEntry, ExemptionDetail, RequestDetail
from kpudesk.services.desk import Desk
from kpudesk.services.dip import CATEGORIES
from kpudesk.services.exemptions import EXEMPTIONS
from kpudesk.services.registers import Period, titles, utc_bounds

DIP_COLUMNS = (
    Column("No", kind="int", width=5),
    Column("Ringkasan Isi Informasi", width=40, wrap=True),
    Column("Pejabat/Unit yang Menguasai Informasi", width=24, wrap=True),
    Column("Penanggung Jawab Pembuatan atau Penerbitan Informasi", width=24, wrap=True),
    Column("Waktu dan Tempat Pembuatan Informasi", width=20, wrap=True),
    Column("Softcopy", group="Bentuk Informasi yang Tersedia", kind="tick", width=10),
    Column("Hardcopy", group="Bentuk Informasi yang Tersedia", kind="tick", width=10),
    Column("Jangka Waktu Penyimpanan", width=18, wrap=True),
)


def dip_register(desk: Desk, period: Period, *, unmask: bool) -> Register:
    """The DIP as it stood at the end of the period, grouped by category (A berkala, B serta merta, C setiap saat)."""
    _, after = utc_bounds(desk, period)
    query = (
        select(DipEntry).where(DipEntry.created_at < after,
                               or_(col(DipEntry.retired_at).is_(None), col(DipEntry.retired_at) >= after))
        .order_by(col(DipEntry.seq))
    )
    entries = list(desk.session.exec(query))
    rows: list[list[Value]] = []
    for letter, (category, label) in zip("ABC", CATEGORIES.items(), strict=True):
        rows.append([None, f"{letter}. {label.upper()}", "", "", "", False, False, ""])
        rows += [dip_row(entry) for entry in entries if entry.category == category]
    return Register("DIP", titles(desk, "DAFTAR INFORMASI PUBLIK", period), DIP_COLUMNS, rows)


def dip_row(entry: DipEntry) -> list[Value]:
    return [entry.seq, entry.summary, entry.holder, entry.responsible, entry.made,
            entry.form in ("softcopy", "both"), entry.form in ("hardcopy", "both"), entry.retention]


DIK_COLUMNS = (
    Column("No", kind="int", width=5),
    Column("Informasi yang Dikecualikan", width=40, wrap=True),
    Column("Pasal 17 UU 14/2008", width=34, wrap=True),
    Column("Dasar Penetapan", width=30, wrap=True),
    Column("Tanggal Penetapan", kind="date", width=13),
    Column("Nomor Uji Konsekuensi", width=26),
    Column("Nomor Permohonan", width=26),
)


def dik_register(desk: Desk, period: Period, *, unmask: bool) -> Register:
    """Daftar Informasi yang Dikecualikan: consequence tests decided 'exempt' in the period."""
    first, after = utc_bounds(desk, period)
    query = (
        select(Case, ExemptionDetail, RequestDetail.info, Case.number)
        .join(ExemptionDetail, col(ExemptionDetail.case_id) == col(Case.id))
        .outerjoin(RequestDetail, col(RequestDetail.case_id) == col(ExemptionDetail.request_case_id))
        .where(Case.status != "void", ExemptionDetail.result == "exempt",
               col(ExemptionDetail.decided_at) >= first, col(ExemptionDetail.decided_at) < after)
        .order_by(col(ExemptionDetail.decided_at), col(Case.id))
    )
    rows = [dik_row(desk, number, test, detail, info)
            for number, (test, detail, info, _) in enumerate(desk.session.exec(query), start=1)]
    return Register("DIK", titles(desk, "DAFTAR INFORMASI YANG DIKECUALIKAN", period), DIK_COLUMNS, rows)


def dik_row(desk: Desk, number: int, test: Case, detail: ExemptionDetail, info: str | None) -> list[Value]:
    """One exempt finding: the information, the letters with their meaning, basis, date, numbers."""
    request = desk.session.get(Case, detail.request_case_id)
    letters = [letter for letter in detail.exemptions.split(",") if letter]
    grounds = "; ".join(f"huruf {letter}: {EXEMPTIONS.get(letter, '')}" for letter in letters)
    decided = desk.to_local(detail.decided_at).date() if detail.decided_at else None
    return [number, info or test.subject, grounds, detail.basis, decided, test.number, request.number if request else ""]
