"""Indonesian renderings of dates and numbers: pure helpers shared by CLI and exports."""

import re
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


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    """True when `value` is text a spreadsheet would run as a formula if it were not marked as text."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def csv_safe(value: object) -> object:
    """A CSV cell that never acts: formula-like text gets a leading apostrophe; anything else as is."""
    return f"'{value}" if is_formula_like(value) else value


# C0 controls (but tab and newline), DEL, C1 controls, the invisible format characters that can
# disguise text (bidi overrides/isolates, zero-width space, BOM), and lone surrogates (bytes that
# were not UTF-8). ZWJ/ZWNJ stay: emoji and scripts use them. Form fields refuse these characters;
# output shows them as visible escapes.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
                           "\u2066-\u2069\ufeff\ud800-\udfff]")


def _visible_escape(match: "re.Match[str]") -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every control or invisible character shown as an escape ('\\x1b'), so stored text
    (even text changed outside kpudesk) cannot move the cursor, retitle or clear a terminal."""
    return CONTROL_CHARS.sub(_visible_escape, text)
