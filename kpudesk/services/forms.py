"""The forms of registry-declared kinds: each field checked by its declared type. Pure checks
plus the one service that registers such a case."""

from collections.abc import Mapping
from datetime import datetime

from kpudesk import kinds
from kpudesk.dates import parse_date, parse_local_datetime
from kpudesk.errors import InvalidInput
from kpudesk.kinds import FieldSpec
from kpudesk.services import validation as check
from kpudesk.services.desk import Desk
from kpudesk.services.requests import ID_TYPES, resolve_received
from kpudesk.services.steps import StepCaseRegistered, register_step_case

MAX_COUNT = 10_000


def missing_fields(spec: kinds.KindSpec, values: Mapping[str, object]) -> list[FieldSpec]:
    """Required fields left empty."""
    return [f for f in spec.fields if f.required and f.type != "flag" and not str(values.get(f.name) or "").strip()]


def _choice(field: FieldSpec, value: str) -> str:
    key = value.strip().lower().replace(" ", "-").replace("_", "-")
    return check.choice(key, f"{field.label} ({field.option})", field.choices)


def _count(field: FieldSpec, value: str) -> int:
    text = value.strip()
    if not text.isdigit() or int(text) > MAX_COUNT:
        raise InvalidInput(f"{field.label} ({field.option}) harus bilangan bulat 0–{MAX_COUNT}, bukan '{value}'.")
    return int(text)


def _moment(text: str, named: str) -> str:
    """'YYYY-MM-DD HH:MM' (office time) within 2000–2100, as ISO text to the minute."""
    moment, has_time = parse_local_datetime(text, named)
    if not has_time:
        raise InvalidInput(f"{named} '{text}' perlu jam: gunakan 'YYYY-MM-DD HH:MM' (waktu kantor).")
    if not 2000 <= moment.year <= 2100:
        raise InvalidInput(f"{named} '{text}' di luar tahun 2000–2100.")
    return moment.isoformat(timespec="minutes")


def check_field(desk: Desk, field: FieldSpec, value: object, values: Mapping[str, object]) -> object:
    """One field checked and normalised by its declared type; InvalidInput naming the option."""
    if field.type == "flag":
        return bool(value)
    text = str(value) if value is not None else (field.default or "")
    named = f"{field.label} ({field.option})"
    if field.type == "phone":
        return check.phone(text)
    if field.type == "email":
        return check.email(text)
    if field.type == "id_type":
        return check.choice(text or "ktp", named, ID_TYPES)
    if field.type == "identity":
        return check.identity(str(values.get("id_type") or "ktp"), text)
    if not text.strip():
        return "" if field.type != "int" else 0
    if field.type == "date":
        return parse_date(text, named).isoformat()
    if field.type == "int":
        return _count(field, text)
    if field.type == "choice":
        return _choice(field, text)
    if field.type == "datetime":
        return _moment(text, named)
    if field.type == "party":
        from kpudesk.services.parties import resolve_party

        return resolve_party(desk, text, field.option)
    if field.type == "position":
        from kpudesk.services.dispositions import resolve_position

        return resolve_position(desk, text, field.option)
    return check.clean_text(text, named, long=field.type == "long", required=field.required)


def validated_form(desk: Desk, spec: kinds.KindSpec, values: Mapping[str, object]) -> dict[str, object]:
    """The whole form checked: missing required fields named together, then each field in order."""
    missing = missing_fields(spec, values)
    if missing:
        raise InvalidInput(f"Kolom wajib belum diisi: {', '.join(f.option for f in missing)}.")
    checked = {f.name: check_field(desk, f, values.get(f.name), values) for f in spec.fields}
    if checked.get("end") and checked.get("start") and str(checked["end"]) < str(checked["start"]):
        raise InvalidInput(f"Waktu selesai (--end) {checked['end']} jatuh sebelum waktu mulai (--start) {checked['start']}.")
    if "id_type" in checked and not checked.get("id_number"):
        checked.pop("id_type")
    return checked


def register_form(desk: Desk, kind: str, values: Mapping[str, object], received: datetime | None) -> StepCaseRegistered:
    """Register a case of a registry-declared kind from its form, in one transaction."""
    spec = kinds.find_kind(kind)
    if spec is None or not spec.fields:
        raise InvalidInput(f"Jenis '{kind}' tidak dapat didaftarkan dengan formulir umum.")
    form = validated_form(desk, spec, values)
    return register_step_case(desk, spec.code, form, resolve_received(desk, received))
