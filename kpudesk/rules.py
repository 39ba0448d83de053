"""Deadline rules as data: each profile maps a deadline kind to its length and legal basis.

The defaults are DOMAIN.md §1; an office may override any length with a setting
`rule.<profile>.<kind>` (a whole number). Pure: no database, no clock.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Rule:
    """A deadline length and how it is counted, with the legal basis shown to the officer."""

    amount: int
    working_days: bool  # False: calendar days
    basis: str
    responsible: str  # role key of who must act (see DEFAULT_ROLES)

    @property
    def unit_label(self) -> str:
        return "hari kerja" if self.working_days else "hari kalender"

    def describe(self) -> str:
        """'10 hari kerja (UU 14/2008 Pasal 22 ayat (7))'."""
        return f"{self.amount} {self.unit_label} ({self.basis})"


DEFAULT_ROLES: dict[str, str] = {
    "chair": "Ketua",
    "secretary": "Sekretaris",
    "ppid": "PPID",
    "ppid_superior": "Atasan PPID",
    "consideration_team": "Tim Pertimbangan",
    "desk": "Petugas Desk Layanan",
    "head_technical": "Kasubag Teknis dan Hupmas",
    "head_legal": "Kasubag Hukum dan SDM",
    "head_general": "Kasubag Umum dan Logistik",
    "head_section": "Kasubag",
    "leadership": "Sekretaris dan Ketua",
    "dumas_unit": "Unit Dumas",
    "plenary": "Pleno KPU",
    "requester": "Pemohon",
    "helpdesk": "Petugas Helpdesk",
    "provincial_helpdesk": "Helpdesk KPU Provinsi",
    "participants": "Peserta",
    "committee": "Panitia",
    "head_bureau": "Kabag dan Sekretaris",
    "all": "Seluruh pihak",
}

_UU_KIP = "UU 14/2008"
_PERKI_PEMILU = "Perki 1/2019"

PROFILES: dict[str, dict[str, Rule]] = {
    "publik": {
        "notice": Rule(10, True, f"{_UU_KIP} Pasal 22 ayat (7)", "ppid"),
        "extension": Rule(7, True, f"{_UU_KIP} Pasal 22 ayat (8)", "ppid"),
        "objection_window": Rule(30, True, f"{_UU_KIP} Pasal 36 ayat (1)", "requester"),
        "objection_answer": Rule(30, True, f"{_UU_KIP} Pasal 36 ayat (2)", "ppid_superior"),
        "dispute_window": Rule(14, True, f"{_UU_KIP} Pasal 37 ayat (2)", "requester"),
        "consequence_test": Rule(7, False, "SOP PPID Lampiran III (Keputusan KPU Kab. Kupang 32/2023)", "consideration_team"),
    },
    "pemilu": {
        "notice": Rule(3, True, f"{_PERKI_PEMILU} (informasi pemilu)", "ppid"),
        "extension": Rule(2, True, f"{_PERKI_PEMILU} (informasi pemilu)", "ppid"),
        # The window to object to election information is open in DOMAIN.md: a setting.
        "objection_window": Rule(30, True, f"{_UU_KIP} Pasal 36 ayat (1) (pengaturan kantor)", "requester"),
        "objection_answer": Rule(3, True, f"{_PERKI_PEMILU} (informasi pemilu)", "ppid_superior"),
        "dispute_window": Rule(14, True, f"{_UU_KIP} Pasal 37 ayat (2)", "requester"),
        "consequence_test": Rule(7, False, "SOP PPID Lampiran III (Keputusan KPU Kab. Kupang 32/2023)", "consideration_team"),
    },
}

PROFILE_LABELS = {"publik": "Informasi publik", "pemilu": "Informasi pemilu (Perki 1/2019)"}


def rule_for(profile: str, kind: str, overrides: Mapping[str, str] | None = None) -> Rule:
    """The rule of a profile, with the office's override of its length if one is set."""
    try:
        rule = PROFILES[profile][kind]
    except KeyError:
        raise KeyError(f"no deadline rule {kind!r} in profile {profile!r}") from None
    override = (overrides or {}).get(f"rule.{profile}.{kind}")
    if override is not None:
        rule = replace(rule, amount=int(override), basis=f"{rule.basis}; diubah kantor")
    return rule
