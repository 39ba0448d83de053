"""Parsing the dates and times officers type; strict, with messages that show the accepted form."""

from datetime import date, datetime

from kpudesk.errors import InvalidInput

# Dates an officer may type. The law dates from 2008 and the holiday data is computed to 2100;
# a wider span would only let calendar arithmetic run off the end of Python's dates (year 1 or 9999).
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


def _first_upper(text: str) -> str:
    """'waktu diterima' → 'Waktu diterima'; '--at' stays '--at' (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


def parse_date(value: str, what: str = "tanggal") -> date:
    """'2026-11-23' → date; raises InvalidInput naming the accepted form."""
    try:  # strptime, like parse_local_datetime, so '2026-3-16' is read the same everywhere
        day = datetime.strptime(value.strip(), "%Y-%m-%d").date()
    except (ValueError, AttributeError):
        raise InvalidInput(f"{_first_upper(what)} '{value}' tidak valid; gunakan YYYY-MM-DD, misalnya 2026-11-23.") from None
    return within_range(day, value, what)


def within_range(day: date, value: str, what: str) -> date:
    """`day` when it lies in EARLIEST..LATEST; raises InvalidInput naming the accepted span."""
    if not EARLIEST <= day <= LATEST:
        raise InvalidInput(f"{_first_upper(what)} '{value}' di luar jangkauan; gunakan tanggal "
                           f"{EARLIEST.isoformat()} s.d. {LATEST.isoformat()}.")
    return day


def parse_local_datetime(value: str, what: str = "waktu") -> tuple[datetime, bool]:
    """'2026-11-23 14:05' or '2026-11-23' (office time) → (naive datetime, whether a time was given)."""
    text = value.strip().replace("T", " ")
    formats = (("%Y-%m-%d %H:%M", True), ("%Y-%m-%d %H.%M", True), ("%Y-%m-%d %H:%M:%S", True), ("%Y-%m-%d", False))
    for fmt, has_time in formats:
        try:
            moment = datetime.strptime(text, fmt)
        except ValueError:
            continue
        within_range(moment.date(), value, what)
        return moment, has_time
    raise InvalidInput(
        f"{_first_upper(what)} '{value}' tidak valid; gunakan 'YYYY-MM-DD HH:MM' (waktu kantor) atau YYYY-MM-DD."
    )
