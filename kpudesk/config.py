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

from kpudesk.errors import InvalidInput
from kpudesk.rules import DEFAULT_ROLES

APP_NAME = "kpudesk"
TIME_ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
ZONE_LABELS = {zone: label for label, zone in TIME_ZONES.items()}
NUMBERED_KINDS = ("request", "objection", "exemption", "expedition")
TEMPLATE_FIELDS = {"seq", "office", "month_roman", "month", "year", "kind"}

DEFAULT_TEMPLATES = {
    "request": "{seq:03d}/PPID/{office}/{month_roman}/{year}",
    "objection": "{seq:03d}/KEB/{office}/{month_roman}/{year}",
    "exemption": "{seq:03d}/UK/{office}/{month_roman}/{year}",
    "expedition": "{seq:03d}/EKS/{office}/{month_roman}/{year}",
}

# Every office setting with its default; `kpudesk config` lists them in this order.
OFFICE_DEFAULTS: dict[str, str] = {
    "office.name": "",
    "office.code": "",
    "office.tz": "Asia/Jakarta",
    "office.hours": "08:00-16:00",
    "office.weekend": "sat,sun",
    "office.cuti_bersama": "non-working",
    "office.officer": "",
    **{f"template.{kind}": tpl for kind, tpl in DEFAULT_TEMPLATES.items()},
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
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise InvalidInput(f"Berkas konfigurasi {path} tidak valid: {exc}.") from exc


def resolve_db_path(flag: str | None) -> Resolved:
    """--db > KPUDESK_DB > `db` in the config file > the platform's user data directory."""
    if flag:
        return Resolved(str(Path(flag).expanduser()), "flag")
    if env := os.environ.get("KPUDESK_DB"):
        return Resolved(str(Path(env).expanduser()), "env")
    file_value = read_config_file(config_file_path()).get("db")
    if file_value:
        return Resolved(str(Path(str(file_value)).expanduser()), "file")
    from platformdirs import user_data_dir

    return Resolved(str(Path(user_data_dir(APP_NAME)) / "kpudesk.sqlite3"), "default")


def resolve_officer(flag: str | None, stored: str = "") -> Resolved:
    """--officer > KPUDESK_OFFICER > `officer` in the config file > the office's stored default."""
    if flag and flag.strip():
        return Resolved(flag.strip(), "flag")
    if env := os.environ.get("KPUDESK_OFFICER", "").strip():
        return Resolved(env, "env")
    file_value = str(read_config_file(config_file_path()).get("officer", "")).strip()
    if file_value:
        return Resolved(file_value, "file")
    return Resolved(stored, "database" if stored else "default")


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


def validate_template(kind: str, template: str) -> str:
    """Check a numbering template: known fields only, and {seq} and {year} must be there."""
    if kind not in NUMBERED_KINDS:
        raise InvalidInput(f"Jenis '{kind}' tidak dikenal untuk templat; gunakan {', '.join(NUMBERED_KINDS)}.")
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as exc:
        raise InvalidInput(f"Templat '{template}' tidak valid: {exc}.") from exc
    unknown = fields - TEMPLATE_FIELDS
    if unknown or not {"seq", "year"} <= fields:
        # {year} is required because sequences restart each year: without it numbers would repeat.
        raise InvalidInput(
            f"Templat '{template}' harus memuat {{seq}} dan {{year}}, dan hanya kolom {', '.join(sorted(TEMPLATE_FIELDS))}."
        )
    try:
        template.format(seq=1, office="X", month_roman="I", month=1, year=2026, kind=kind)
    except (ValueError, KeyError, IndexError) as exc:
        raise InvalidInput(f"Templat '{template}' tidak valid: {exc}.") from exc
    return template


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
    def weekend(self) -> frozenset[int]:
        from kpudesk.calendar import parse_weekend

        return parse_weekend(self.get("office.weekend"))

    @property
    def collective_leave_is_working(self) -> bool:
        return self.get("office.cuti_bersama") == "working"

    def template(self, kind: str) -> str:
        return self.get(f"template.{kind}")

    def role(self, key: str) -> str:
        return self.get(f"role.{key}") or key

    @property
    def rule_overrides(self) -> dict[str, str]:
        return {k: v for k, v in self.values.items() if k.startswith("rule.")}
