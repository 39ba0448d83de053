"""The office profile: `kpudesk init` stores it, `kpudesk config` lists it with sources."""

from dataclasses import dataclass, field

from sqlmodel import Session

from kpudesk import config
from kpudesk.calendar import WEEKDAY_CODES, parse_weekend
from kpudesk.choices import CUTI_BERSAMA, ROLES
from kpudesk.errors import InvalidInput
from kpudesk.models import Setting
from kpudesk.rules import DEFAULT_ROLES, PROFILES
from kpudesk.services.deadlines import MovedDeadline, recompute_open_deadlines
from kpudesk.services.desk import Desk, load_settings
from kpudesk.services.events import record_event
from kpudesk.services.validation import clean_text


# Settings that change how days are counted: open deadlines are recomputed when they change.
# (A changed rule length applies to new clocks only: a running clock keeps the length it began with.)
# Hours, break and time zone apply to receipts from now on: they never move a day 0 already fixed.
CALENDAR_KEYS = {"office.weekend", "office.cuti_bersama"}


@dataclass
class OfficeInput:
    """What `init` was given; None means: keep the stored value (or the default)."""

    name: str | None = None
    code: str | None = None
    tz: str | None = None
    hours: str | None = None
    weekend: str | None = None
    cuti_bersama: str | None = None
    officer: str | None = None
    templates: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=dict)
    break_hours: str | None = None  # "12:00-13:00" or "none"
    place: str | None = None  # the city on the date line of papers: "Kupang, 23 November 2026"
    signers: dict[str, str] = field(default_factory=dict)  # role key → the holder's full name
    nips: dict[str, str] = field(default_factory=dict)  # role key → the holder's NIP


def _validated(given: OfficeInput) -> dict[str, str]:
    """Every given value checked and keyed by setting name."""
    out: dict[str, str] = {}
    if given.name is not None:
        out["office.name"] = clean_text(given.name, "Nama kantor", required=True)
    if given.code is not None:
        code = clean_text(given.code, "Kode kantor", required=True)
        if "/" in code or " " in code:
            raise InvalidInput(f"Kode kantor '{code}' tidak boleh memuat spasi atau '/'; contoh: KPU-KAB.KPG.")
        out["office.code"] = code
    if given.tz is not None:
        out["office.tz"] = config.normalize_tz(given.tz)
    if given.hours is not None:
        opening, closing = config.parse_hours(given.hours)
        out["office.hours"] = f"{opening:%H:%M}-{closing:%H:%M}"
    if given.break_hours is not None:
        pause = config.parse_break(given.break_hours)
        out["office.break"] = f"{pause[0]:%H:%M}-{pause[1]:%H:%M}" if pause else config.NO_BREAK
    if given.weekend is not None:
        try:
            days = parse_weekend(given.weekend)
        except ValueError as exc:
            raise InvalidInput(f"Hari libur akhir pekan tidak valid: {exc}.") from None
        out["office.weekend"] = ",".join(c for i, c in enumerate(WEEKDAY_CODES) if i in days)
    if given.cuti_bersama is not None:
        out["office.cuti_bersama"] = CUTI_BERSAMA.parse(given.cuti_bersama, "--cuti-bersama")
    if given.officer is not None:
        out["office.officer"] = clean_text(given.officer, "Nama petugas")
    for kind, template in given.templates.items():
        out[f"template.{kind}"] = config.validate_template(kind, template)
    for typed, title in given.roles.items():
        key = _role_key(typed, "--role")
        out[f"role.{key}"] = clean_text(title, f"Jabatan {key}", required=True)
    out.update(_signatories(given))
    for key, amount in given.rules.items():
        profile, _, kind = key.partition(".")
        if kind not in PROFILES.get(profile, {}):
            raise InvalidInput(f"Aturan '{key}' tidak dikenal; bentuknya PROFIL.JENIS, misalnya publik.notice.")
        if not (amount.isascii() and amount.isdigit()) or not 0 < int(amount) <= 365:  # '²' is a digit too
            raise InvalidInput(f"Lama tenggat '{amount}' untuk {key} harus bilangan bulat 1–365.")
        out[f"rule.{key}"] = amount
    return out


def _role_key(typed: str, flag: str) -> str:
    """The role key a --role/--signer/--nip names; InvalidInput listing the roles there are."""
    key = ROLES.find(typed)
    if key is None or key not in DEFAULT_ROLES:
        raise InvalidInput(f"Peran '{typed}' tidak dikenal ({flag}); pilih dari: {ROLES.words()}.")
    return key


def _signatories(given: OfficeInput) -> dict[str, str]:
    """The place and the signing officials' names and NIPs, checked, keyed by setting name."""
    out: dict[str, str] = {}
    if given.place is not None:
        out["office.place"] = clean_text(given.place, "Tempat (kota) kantor", required=True)
    for typed, name in given.signers.items():
        out[f"signer.{_role_key(typed, '--signer')}"] = clean_text(name, "Nama pejabat", required=True)
    for typed, nip in given.nips.items():
        digits = nip.replace(" ", "")
        if not (digits.isascii() and digits.isdigit() and len(digits) == 18) and digits != "-":
            raise InvalidInput(f"NIP '{nip}' tidak valid; NIP terdiri atas 18 angka, mis. 198001012005011001 "
                               "(atau '-' untuk menghapusnya).")
        out[f"nip.{_role_key(typed, '--nip')}"] = "" if digits == "-" else digits
    return out


def save_office(desk: Desk, given: OfficeInput) -> tuple[dict[str, str], list["MovedDeadline"]]:
    """Store the given settings (the office needs a name and a code once); returns what changed
    and the open deadlines that moved because of it."""
    values = _validated(given)
    stored = load_settings(desk.session)
    merged = {**stored, **values}
    missing = [flag for key, flag in (("office.name", "--office"), ("office.code", "--code")) if not merged.get(key)]
    if missing:
        raise InvalidInput(f"Kantor belum punya {' dan '.join(missing)}; contoh: kpudesk init --office 'KPU Kabupaten Kupang' --code KPU-KAB.KPG --tz WITA.")
    if {"office.hours", "office.break"} & values.keys():  # the break must lie inside the hours
        profile = config.OfficeProfile.from_settings(merged)
        config.office_hours_of(profile.get("office.hours"), profile.get("office.break"))
    changed = {k: v for k, v in values.items() if stored.get(k) != v}
    if any(key.startswith("template.") or key == "office.code" for key in changed):
        profile = config.OfficeProfile.from_settings(merged)
        config.check_numbering(profile.templates, profile.code)
    for key, value in changed.items():
        desk.session.merge(Setting(key=key, value=value, updated_at=desk.stored_now()))
    moved: list[MovedDeadline] = []
    if changed:
        record_event(desk, "office_settings", **changed)
        before = desk.reload()
        if CALENDAR_KEYS & changed.keys():
            moved = recompute_open_deadlines(desk, "pengaturan kantor diubah", before)
    return changed, moved


def settings_with_sources(session: Session) -> list[tuple[str, str, str]]:
    """(key, value, source) for every office setting: 'database' when stored, else 'default'."""
    stored = load_settings(session)
    keys = list(config.OFFICE_DEFAULTS) + sorted(k for k in stored if k not in config.OFFICE_DEFAULTS)
    return [(k, stored.get(k, config.OFFICE_DEFAULTS.get(k, "")), "database" if k in stored else "default") for k in keys]
