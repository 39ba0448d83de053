"""Indonesian renderings of dates and numbers: pure helpers shared by CLI and exports."""

from datetime import date, datetime

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def long_date(day: date) -> str:
    """'Senin, 7 Desember 2026'."""
    return f"{DAY_NAMES[day.weekday()]}, {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def long_datetime(moment: datetime, zone_label: str = "") -> str:
    """'Senin, 7 Desember 2026 14.05 WITA' (Indonesian uses a dot between hours and minutes)."""
    suffix = f" {zone_label}" if zone_label else ""
    return f"{long_date(moment.date())} {moment:%H.%M}{suffix}"


def grouped(number: int) -> str:
    """'20.000': thousands grouped with dots, as Indonesian writes numbers."""
    return f"{number:,}".replace(",", ".")


def roman_month(month: int) -> str:
    return ROMAN_MONTHS[month - 1]


def mask(value: str | None, keep: int = 4) -> str:
    """Hide all but the last `keep` characters: '5301********1234' style for NIK and phone."""
    if not value:
        return ""
    if len(value) <= keep:
        return "*" * len(value)
    head = value[:4] if len(value) >= 12 else ""
    hidden = len(value) - len(head) - keep
    return f"{head}{'*' * hidden}{value[-keep:]}"
