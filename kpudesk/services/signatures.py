"""Who signs a paper, and where: the signing positions' titles, names and NIPs, and the date line.

Titles come from the office's roles (`init --role`), names and NIPs from `init --signer` and
`init --nip`, the city from `init --place` (or, when unset, the office's name after its level:
"KPU Kabupaten Kupang" → "Kupang").
"""

import re
from dataclasses import dataclass
from datetime import date

from kpudesk.services.desk import Desk
from kpudesk.textfmt import MONTH_NAMES

# What comes before the place in an office's name ("KPU Kabupaten Kupang", "Komisi Pemilihan Umum Kota Kupang").
OFFICE_LEVEL = re.compile(r"^(komisi pemilihan umum|kpu)\s+((kabupaten|kab\.|kota|provinsi|prov\.)\s+)?", re.IGNORECASE)
HEADQUARTERS = "Jakarta"  # KPU RI


@dataclass(frozen=True)
class Signatory:
    """A signing position: its role key, the title from the settings, the holder's name and NIP
    ("" when the office has not set them)."""

    role: str
    title: str
    name: str
    nip: str


def signatory(desk: Desk, role: str) -> Signatory:
    """The position `role` (a key of rules.DEFAULT_ROLES) as the office has set it."""
    profile = desk.profile
    return Signatory(role, profile.role(role), profile.get(f"signer.{role}"), profile.get(f"nip.{role}"))


def place(desk: Desk) -> str:
    """The city on the date line: the `office.place` setting, else the office's name without its level."""
    if stored := desk.profile.get("office.place"):
        return stored
    name = " ".join((desk.profile.name or "").split())
    rest = OFFICE_LEVEL.sub("", name)
    if rest.upper() in ("RI", "REPUBLIK INDONESIA"):
        return HEADQUARTERS
    return rest or name or desk.profile.code


def place_and_date(desk: Desk, day: date) -> str:
    """'Kupang, 23 November 2026'."""
    return f"{place(desk)}, {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
