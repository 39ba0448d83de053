"""The office's own yearly clocks, watched by `overdue` beside the case deadlines: the annual
information-service report (due 31 March for the year before, Perki 1/2021 Pasal 56) and the
renewal of the Daftar Informasi Publik (seed 001, Lampiran IV; date an office setting).

Both are recorded as events (`report_published`, `dip_renewed`), so nothing here needs a table.
"""

import json
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import col, select

from kpudesk.errors import InvalidInput
from kpudesk.models import Case, DipEntry, Event, Setting
from kpudesk.services.deadlines import DueItem
from kpudesk.services.desk import Desk
from kpudesk.services.events import record_event

RENEWAL_SETTING = "dip.renewal"
DEFAULT_RENEWAL = "12-31"
REPORT_BASIS = "Perki 1/2021 Pasal 56: laporan tahunan paling lambat 3 bulan setelah tahun berakhir"
RENEWAL_BASIS = "SOP seed 001 Lampiran IV: DIP dimutakhirkan setiap tahun"


def duty_items(desk: Desk, as_of: date, within: int | None = None) -> tuple[list[DueItem], list[DueItem]]:
    """The office clocks late on `as_of` and, with `within`, those due up to N working days after it."""
    horizon = desk.calendar.add_working_days(as_of, within) if within is not None else None
    late, upcoming = [], []
    for item in (report_item(desk, as_of), renewal_item(desk, as_of)):
        if item is None:
            continue
        if item.due < as_of:
            late.append(item)
        elif horizon is not None and item.due <= horizon:
            upcoming.append(item)
    return late, upcoming


def report_item(desk: Desk, as_of: date) -> DueItem | None:
    """Last year's annual report from 1 January until it is recorded as published."""
    year = as_of.year - 1
    first = desk.to_utc(datetime(year + 1, 1, 1))
    has_cases = desk.session.exec(select(func.count()).select_from(Case).where(
        Case.kind == "request", Case.status != "void", Case.received_at < first)).one()
    if not has_cases or year in published_years(desk):
        return None
    due = date(year + 1, 3, 31)
    return DueItem(f"LAPORAN-{year}", "office", "annual_report", f"Laporan layanan informasi publik {year}", due,
                   abs((as_of - due).days), False, desk.profile.role("ppid"),
                   f"kpudesk report annual --year {year}; lalu: kpudesk report publish --year {year}", REPORT_BASIS)


def renewal_item(desk: Desk, as_of: date) -> DueItem | None:
    """The earliest renewal of the DIP still owed (last year's or this year's); None without a DIP.

    A renewal counts for the calendar year it was made in; a year whose renewal date came before
    the DIP's first entry owes none.
    """
    first_entry = desk.session.exec(select(func.min(DipEntry.created_at))).one()
    if first_entry is None:
        return None
    first = desk.to_local(first_entry).date()
    renewed = renewal_years(desk)
    month_day = renewal_date(desk)
    for year in (as_of.year - 1, as_of.year):
        due = on_month_day(year, month_day)
        if due >= first and year not in renewed:
            return DueItem("DIP", "office", "dip_renewal", f"Pemutakhiran Daftar Informasi Publik {year}", due,
                           abs((as_of - due).days), False, desk.profile.role("ppid"),
                           "kpudesk dip list; lalu: kpudesk dip renew", RENEWAL_BASIS)
    return None


def on_month_day(year: int, month_day: tuple[int, int]) -> date:
    month, day = month_day
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, day - 1)


def renewal_date(desk: Desk) -> tuple[int, int]:
    """The office's yearly DIP renewal date as (month, day); default 31 December."""
    return parse_month_day(desk.profile.get(RENEWAL_SETTING) or DEFAULT_RENEWAL)


def parse_month_day(text: str) -> tuple[int, int]:
    """'12-31' → (12, 31); InvalidInput for anything else."""
    try:
        month, day = (int(part) for part in text.strip().split("-"))
        date(2024, month, day)  # a leap year: 02-29 is a valid renewal date
    except ValueError:
        raise InvalidInput(f"Tanggal pemutakhiran DIP '{text}' tidak valid; gunakan BB-HH, misalnya 12-31.") from None
    return month, day


def set_renewal_date(desk: Desk, text: str) -> tuple[int, int]:
    """Store the office's DIP renewal date (BB-HH); returns it."""
    month, day = parse_month_day(text)
    value = f"{month:02d}-{day:02d}"
    desk.session.merge(Setting(key=RENEWAL_SETTING, value=value, updated_at=desk.stored_now()))
    record_event(desk, "office_settings", **{RENEWAL_SETTING: value})
    return month, day


def events_of(desk: Desk, action: str) -> list[dict[str, object]]:
    rows = desk.session.exec(select(Event.detail).where(Event.action == action).order_by(col(Event.id)))
    return [json.loads(detail) for detail in rows]


def published_years(desk: Desk) -> set[int]:
    return {int(str(event["year"])) for event in events_of(desk, "report_published")}


def renewal_years(desk: Desk) -> set[int]:
    return {date.fromisoformat(str(event["on"])).year for event in events_of(desk, "dip_renewed")}


def record_renewal(desk: Desk, on: date | None) -> tuple[date, date]:
    """Record that the DIP was renewed (reviewed and re-issued) on a day; returns it and the next due date."""
    day = on or desk.today()
    if day > desk.today():
        raise InvalidInput(f"Tanggal pemutakhiran {day.isoformat()} ada di masa depan.")
    record_event(desk, "dip_renewed", on=day.isoformat())
    return day, on_month_day(day.year + 1, renewal_date(desk))


def record_publication(desk: Desk, year: int, on: date | None) -> date:
    """Record that the annual report of `year` was published; returns the day."""
    day = on or desk.today()
    if year < 2000 or day.year <= year:
        raise InvalidInput(f"Laporan tahun {year} tidak dapat diterbitkan pada {day.isoformat()}; "
                           "laporan terbit setelah tahunnya berakhir.")
    if day > desk.today():
        raise InvalidInput(f"Tanggal terbit {day.isoformat()} ada di masa depan.")
    record_event(desk, "report_published", year=year, on=day.isoformat())
    return day
