"""Configuration, resolved in one place: flag > environment (KPUDESK_*) > config file > default.

The office profile (name, code, time zone, hours, templates, role titles) lives in the
database so every desk sharing one file shares it; this module knows its keys, defaults and
validation, and builds the typed `OfficeProfile` from stored values. Pure: no database.
"""

import os
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING

from kpudesk.errors import InvalidInput
from kpudesk.rules import DEFAULT_ROLES

if TYPE_CHECKING:
    from kpudesk.calendar import OfficeHours

APP_NAME = "kpudesk"
TIME_ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
ZONE_LABELS = {zone: label for label, zone in TIME_ZONES.items()}
TEMPLATE_FIELDS = {"seq", "office", "month_roman", "month", "year", "kind"}
EXPEDITION_TEMPLATE = "{seq:03d}/EKS/{office}/{month_roman}/{year}"


def default_templates() -> dict[str, str]:
    """The numbering template of every registered kind, and of the expedition book."""
    from kpudesk import kinds

    return {**{s.code: s.template for s in kinds.kinds() if s.numbered}, "expedition": EXPEDITION_TEMPLATE}


# Every office setting with its default; `kpudesk config` lists them in this order.
OFFICE_DEFAULTS: dict[str, str] = {
    "office.name": "",
    "office.code": "",
    "office.tz": "Asia/Jakarta",
    "office.hours": "08:00-16:00",
    "office.break": "12:00-13:00",  # DOMAIN.md §2: seed 001 breaks 12.00–13.00; "none" for no break
    "office.weekend": "sat,sun",
    "office.cuti_bersama": "non-working",
    "office.officer": "",
    "dip.renewal": "12-31",  # yearly renewal of the Daftar Informasi Publik (month-day)
    **{f"template.{kind}": tpl for kind, tpl in default_templates().items()},
    **{f"role.{key}": title for key, title in DEFAULT_ROLES.items()},
}


@dataclass(frozen=True)
class Resolved:
    """A configuration value and where it came from."""

    value: str
    source: str  # flag | env | file | database | default


def config_file_path() -> Path:
    """KPUDESK_CONFIG, else config.toml in the platform's user config directory."""
    if env := os.environ.get("KPUDESK_CONFIG"):
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / "config.toml"


def cache_dir() -> Path:
    """KPUDESK_CACHE, else the platform's user cache directory (what can be rebuilt at any time)."""
    if env := os.environ.get("KPUDESK_CACHE"):
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME))


def read_config_file(path: Path) -> dict[str, object]:
    """The config file's table, or {} when it does not exist."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise InvalidInput(f"Berkas konfigurasi {path} tidak valid: {exc}.") from exc


def normalize_location(value: str) -> str:
    """A PostgreSQL URL as given; a file path with ~ expanded (and nothing else interpreted).

    Another scheme (sqlite://, mysql://) is refused rather than taken for a folder name.
    """
    from kpudesk.location import SERVER_SCHEMES, is_server_url

    if is_server_url(value):
        return value
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value):
        raise InvalidInput(f"Alamat basis data '{value.split('://')[0]}://…' tidak dikenal; gunakan path berkas SQLite "
                           f"atau URL {SERVER_SCHEMES[0]}://pengguna@host:5432/nama.")
    return str(Path(value).expanduser())


def resolve_db_path(flag: str | None) -> Resolved:
    """--db > KPUDESK_DB > `db` in the config file > the platform's user data directory.

    The value is a SQLite file path or a PostgreSQL URL (postgresql://user@host:5432/name).
    """
    if flag:
        return Resolved(normalize_location(flag), "flag")
    if env := os.environ.get("KPUDESK_DB"):
        return Resolved(normalize_location(env), "env")
    file_value = read_config_file(config_file_path()).get("db")
    if file_value:
        return Resolved(normalize_location(str(file_value)), "file")
    from platformdirs import user_data_dir

    return Resolved(str(Path(user_data_dir(APP_NAME)) / "kpudesk.sqlite3"), "default")


OFFICER_SOURCES = {"flag": "--officer", "env": "KPUDESK_OFFICER", "file": "officer di berkas konfigurasi"}


def resolve_officer(flag: str | None, stored: str = "") -> Resolved:
    """--officer > KPUDESK_OFFICER > `officer` in the config file > the office's stored default,
    checked like a form field (it is written to the audit trail and printed by `show`)."""
    if flag and flag.strip():
        return _checked_officer(flag, "flag")
    if env := os.environ.get("KPUDESK_OFFICER", "").strip():
        return _checked_officer(env, "env")
    file_value = str(read_config_file(config_file_path()).get("officer", "")).strip()
    if file_value:
        return _checked_officer(file_value, "file")
    return Resolved(stored, "database" if stored else "default")


def _checked_officer(value: str, source: str) -> Resolved:
    """The officer's name through the form-field validation; raises InvalidInput naming the source."""
    from kpudesk.services.validation import clean_text

    return Resolved(clean_text(value, f"Nama petugas ({OFFICER_SOURCES[source]})", required=True), source)


def normalize_tz(value: str) -> str:
    """'WITA' or 'Asia/Makassar' → 'Asia/Makassar'; raises InvalidInput otherwise."""
    key = value.strip()
    if key.upper() in TIME_ZONES:
        return TIME_ZONES[key.upper()]
    if key in ZONE_LABELS:
        return key
    raise InvalidInput(
        f"Zona waktu '{value}' tidak dikenal; gunakan WIB, WITA, WIT atau {', '.join(ZONE_LABELS)}."
    )


_HOURS = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)-([01]?\d|2[0-3])[:.]([0-5]\d)$")


def parse_hours(value: str) -> tuple[time, time]:
    """'08:00-16:00' → (08:00, 16:00); raises InvalidInput when malformed or reversed."""
    match = _HOURS.match(value.strip())
    if not match:
        raise InvalidInput(f"Jam kerja '{value}' tidak valid; gunakan HH:MM-HH:MM, misalnya 08:00-16:00.")
    h1, m1, h2, m2 = map(int, match.groups())
    opening, closing = time(h1, m1), time(h2, m2)
    if closing <= opening:
        raise InvalidInput(f"Jam tutup harus setelah jam buka: '{value}'.")
    return opening, closing


NO_BREAK = "none"


def parse_break(value: str) -> tuple[time, time] | None:
    """'12:00-13:00' → (12:00, 13:00); 'none' → None (no break); raises InvalidInput when malformed."""
    text = value.strip()
    if text.lower() == NO_BREAK:
        return None
    match = _HOURS.match(text)
    if not match:
        raise InvalidInput(f"Jam istirahat '{value}' tidak valid; gunakan HH:MM-HH:MM, misalnya 12:00-13:00, atau none.")
    h1, m1, h2, m2 = map(int, match.groups())
    return time(h1, m1), time(h2, m2)


def office_hours_of(hours: str, break_hours: str) -> "OfficeHours":
    """The office hours with their break, from the two settings; raises InvalidInput when the break
    is not inside the hours (the officer is told how to fix it)."""
    from kpudesk.calendar import OfficeHours

    opening, closing = parse_hours(hours)
    pause = parse_break(break_hours)
    try:
        return OfficeHours(opening, closing, *(pause or (None, None)))
    except ValueError as exc:
        raise InvalidInput(f"Jam kantor tidak cocok: {exc}; ubah dengan: kpudesk init --break HH:MM-HH:MM (atau --break none).") from None


# The format each field may carry: zero padding only, so every variable part of a number is digits
# (or Roman-numeral letters); that is what makes the distinctness check in `check_numbering` sound.
FIELD_SPECS = {
    "seq": re.compile(r"(0[1-6])?d?"),  # {seq}, {seq:03d} … {seq:06d}: at most 6 wide
    "month": re.compile(r"(02)?d?"),
    "year": re.compile(r"d?"),
    "office": re.compile(r""),
    "month_roman": re.compile(r""),
    "kind": re.compile(r""),
}
MAX_NUMBER_LENGTH = 120  # the width of the number columns (case.number, expedition.number)


def validate_template(kind: str, template: str) -> str:
    """Check a numbering template: known fields only, zero padding only, {seq} and {year} present;
    returns the template."""
    from kpudesk.kinds import numbered_kinds

    if kind not in numbered_kinds():
        raise InvalidInput(f"Jenis '{kind}' tidak dikenal untuk templat; gunakan {', '.join(numbered_kinds())}.")
    fields = template_fields(template)
    unknown = {name for name, _, _ in fields} - TEMPLATE_FIELDS
    if unknown or not {"seq", "year"} <= {name for name, _, _ in fields}:
        # {year} is required because sequences restart each year: without it numbers would repeat.
        raise InvalidInput(
            f"Templat '{template}' harus memuat {{seq}} dan {{year}}, dan hanya kolom {', '.join(sorted(TEMPLATE_FIELDS))}."
        )
    for name, spec, conversion in fields:
        if conversion or not FIELD_SPECS[name].fullmatch(spec):
            raise InvalidInput(f"Format {{{name}:{spec}}} pada templat '{template}' tidak diizinkan; gunakan "
                               "{seq} atau {seq:03d} (paling lebar 06d), {month:02d}, dan kolom lain tanpa format.")
    return template


def template_fields(template: str) -> list[tuple[str, str, str]]:
    """(name, format spec, conversion) of each field of a template; raises InvalidInput when malformed."""
    try:
        return [(name, spec or "", conversion or "") for _, name, spec, conversion
                in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise InvalidInput(f"Templat '{template}' tidak valid: {exc}.") from exc


def render_number(template: str, *, kind: str, seq: int, office: str, year: int, month: int) -> str:
    """A registration number from a template already checked by `validate_template`."""
    from kpudesk.textfmt import roman_month

    return template.format(seq=seq, office=office, month_roman=roman_month(month), month=month, year=year, kind=kind)


def check_numbering(templates: Mapping[str, str], office: str) -> None:
    """Refuse (InvalidInput) templates that make numbers longer than the column, or two kinds whose
    numbers could ever be equal. Generic over whatever kinds the office numbers."""
    for kind, template in templates.items():
        longest = render_number(template, kind=kind, seq=999_999, office=office, year=2026, month=8)  # VIII
        if len(longest) > MAX_NUMBER_LENGTH:
            raise InvalidInput(f"Templat {kind} '{template}' menghasilkan nomor {len(longest)} karakter; "
                               f"paling panjang {MAX_NUMBER_LENGTH}.")
    kinds = sorted(templates)
    for i, first in enumerate(kinds):
        for second in kinds[i + 1:]:
            if _skeleton(templates, first, second, office) == _skeleton(templates, second, first, office):
                raise InvalidInput(
                    f"Templat {first} '{templates[first]}' dan {second} '{templates[second]}' dapat menghasilkan "
                    "nomor yang sama; bedakan dengan kode tetap, mis. /PPID/ dan /UK/.")


def _skeleton(templates: Mapping[str, str], kind: str, other: str, office: str) -> str:
    """The fixed text of `kind`'s numbers with every character a field could produce removed.

    Variable fields yield only digits (seq, month, year) or I/V/X ({month_roman}); the office code and
    the kind are fixed. Two numbers that are equal therefore have equal skeletons, so templates with
    different skeletons can never make the same number."""
    uses_roman = any("{month_roman" in templates[k] for k in (kind, other))
    fixed = render_number(templates[kind], kind=kind, seq=0, office=office, year=0, month=1)
    removed = "0123456789" + ("IVX" if uses_roman else "")
    return fixed.translate({ord(ch): None for ch in removed})


@dataclass(frozen=True)
class OfficeProfile:
    """The office's settings, typed. Built from the stored key/value pairs over the defaults."""

    values: Mapping[str, str]

    @classmethod
    def from_settings(cls, stored: Mapping[str, str]) -> "OfficeProfile":
        return cls({**OFFICE_DEFAULTS, **stored})

    def get(self, key: str) -> str:
        return self.values.get(key, OFFICE_DEFAULTS.get(key, ""))

    @property
    def is_initialized(self) -> bool:
        return bool(self.get("office.code"))

    @property
    def name(self) -> str:
        return self.get("office.name")

    @property
    def code(self) -> str:
        return self.get("office.code")

    @property
    def tz_name(self) -> str:
        return self.get("office.tz")

    @property
    def zone_label(self) -> str:
        return ZONE_LABELS.get(self.tz_name, self.tz_name)

    @property
    def hours(self) -> tuple[time, time]:
        return parse_hours(self.get("office.hours"))

    @property
    def closing(self) -> time:
        return self.hours[1]

    @property
    def office_hours(self) -> "OfficeHours":
        """Opening, closing and the break, for counting office time (SOP steps in minutes)."""
        return office_hours_of(self.get("office.hours"), self.get("office.break"))

    @property
    def weekend(self) -> frozenset[int]:
        from kpudesk.calendar import parse_weekend

        return parse_weekend(self.get("office.weekend"))

    @property
    def collective_leave_is_working(self) -> bool:
        return self.get("office.cuti_bersama") == "working"

    def template(self, kind: str) -> str:
        return self.get(f"template.{kind}") or default_templates().get(kind, "")

    def role(self, key: str) -> str:
        return self.get(f"role.{key}") or key

    @property
    def templates(self) -> dict[str, str]:
        """The numbering template of every kind the office numbers."""
        return {key.removeprefix("template."): value for key, value in self.values.items() if key.startswith("template.")}

    @property
    def rule_overrides(self) -> dict[str, str]:
        return {k: v for k, v in self.values.items() if k.startswith("rule.")}
