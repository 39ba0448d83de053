"""The office's list of political parties, so a consultation names a party one way only.

A party is matched loosely: case, spaces and punctuation do not matter, and its abbreviation or
a part of its name that fits one party only will do ('pkb', 'Kebangkitan Bangsa').
"""

import re
import unicodedata

from sqlmodel import col, select

from kpudesk.errors import InvalidInput, Refused
from kpudesk.models import Party
from kpudesk.services.desk import Desk
from kpudesk.services.events import record_event
from kpudesk.services.validation import clean_text

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def party_key(text: str) -> str:
    """The name folded for matching: lower case ASCII letters and digits only."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _NOT_WORD.sub("", folded)


def add_party(desk: Desk, name: str, short: str | None) -> dict[str, object]:
    """Add a party to the list; refused when its name or abbreviation is already there."""
    clean = clean_text(name, "Nama partai", required=True)
    abbr = clean_text(short, "Singkatan (--short)")
    if len(abbr) > 30 or len(clean) > 120:
        raise InvalidInput("Nama partai paling banyak 120 karakter dan singkatannya 30.")
    key = party_key(clean)
    if not key:
        raise InvalidInput(f"Nama partai '{name}' tidak memuat huruf atau angka.")
    for party in _parties(desk):
        if key in (party.key, party_key(party.short)) or (abbr and party_key(abbr) in (party.key, party_key(party.short))):
            raise Refused(f"Partai '{party.name}' sudah ada dalam daftar.")
    party = Party(name=clean, short=abbr, key=key, created_at=desk.stored_now(), officer=desk.officer)
    desk.session.add(party)
    desk.session.flush()
    record_event(desk, "party_added", name=clean, short=abbr)
    return party_dict(party)


def _parties(desk: Desk) -> list[Party]:
    return list(desk.session.exec(select(Party).order_by(col(Party.name))))


def party_dict(party: Party) -> dict[str, object]:
    return {"name": party.name, "short": party.short}


def list_parties(desk: Desk) -> list[dict[str, object]]:
    """Every party on the list, by name."""
    return [party_dict(p) for p in _parties(desk)]


def resolve_party(desk: Desk, text: str, option: str = "--party") -> str:
    """The listed name of the party `text` names (exactly, by abbreviation, or by a unique part)."""
    parties = _parties(desk)
    if not parties:
        raise InvalidInput("Daftar partai masih kosong; tambahkan dahulu: kpudesk party add NAMA --short SINGKATAN.")
    key = party_key(text)
    exact = [p for p in parties if key and key in (p.key, party_key(p.short))]
    found = exact or [p for p in parties if key and key in p.key]
    if len(found) == 1:
        return found[0].name
    names = ", ".join(f"{p.name} ({p.short})" if p.short else p.name for p in (found or parties))
    what = "cocok dengan lebih dari satu partai" if found else "tidak ada dalam daftar partai"
    raise InvalidInput(f"Partai '{text}' ({option}) {what}; pilih salah satu: {names}.")
