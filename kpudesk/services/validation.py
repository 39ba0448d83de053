"""Checks on what officers type: text fields, identity numbers, contacts, choices. Pure."""

import re
import unicodedata
from collections.abc import Iterable

from kpudesk.choices import Choices

from kpudesk.errors import InvalidInput
from kpudesk.textfmt import CONTROL_CHARS

MAX_SHORT = 200
MAX_LONG = 4000

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CONTROL = CONTROL_CHARS


def clean_text(value: str | None, label: str, *, long: bool = False, required: bool = False) -> str:
    """NFC-normalised, trimmed text without control characters, within the length limit."""
    text = unicodedata.normalize("NFC", value or "").strip()
    if _CONTROL.search(text):
        raise InvalidInput(f"{label} memuat karakter kendali atau karakter tak terlihat yang tidak diizinkan; ketik ulang teksnya.")
    limit = MAX_LONG if long else MAX_SHORT
    if len(text) > limit:
        raise InvalidInput(f"{label} terlalu panjang ({len(text)} karakter); paling banyak {limit} karakter.")
    if not long and "\n" in text:
        raise InvalidInput(f"{label} harus satu baris.")
    if required and not text:
        raise InvalidInput(f"{label} wajib diisi.")
    return text


def choice(value: str | None, label: str, allowed: Choices | Iterable[str]) -> str:
    """The stored code for a typed choice: a choice table accepts its Indonesian words and English codes."""
    if isinstance(allowed, Choices):
        return allowed.parse(value, label)
    options = tuple(allowed)
    key = (value or "").strip().lower()
    if key not in options:
        raise InvalidInput(f"{label} '{value}' tidak dikenal; pilih salah satu: {', '.join(options)}.")
    return key


def letters(values: Iterable[str], label: str, allowed: str) -> str:
    """Sorted, unique letters such as Pasal 17 a–j: ['h', 'A'] → 'a,h'."""
    picked: set[str] = set()
    for value in values:
        for part in value.replace(" ", "").lower().split(","):
            if not part:
                continue
            if len(part) != 1 or part not in allowed:
                raise InvalidInput(f"{label} '{part}' tidak dikenal; gunakan huruf {allowed[0]}–{allowed[-1]}.")
            picked.add(part)
    return ",".join(sorted(picked))


def email(value: str | None) -> str:
    text = clean_text(value, "E-mail")
    if text and not _EMAIL.match(text):
        raise InvalidInput(f"E-mail '{text}' tidak valid; contoh: nama@contoh.id.")
    return text


def phone(value: str | None) -> str:
    """Digits with an optional leading +; spaces, dots and dashes are dropped."""
    text = clean_text(value, "Nomor telepon")
    compact = re.sub(r"[\s.\-()]", "", text)
    if compact and not re.fullmatch(r"\+?\d{8,15}", compact):
        raise InvalidInput(f"Nomor telepon '{text}' tidak valid; gunakan 8–15 angka, misalnya 081234567890 atau +6281234567890.")
    return compact


ID_PATTERNS = {
    "ktp": (r"\d{16}", "NIK harus 16 angka"),
    "sim": (r"\d{12,14}", "nomor SIM harus 12–14 angka"),
    "paspor": (r"[A-Z0-9]{7,9}", "nomor paspor harus 7–9 huruf/angka"),
    "akta": (r".{3,200}", "nomor akta notaris paling sedikit 3 karakter"),
}


def identity(id_type: str, id_number: str | None) -> str:
    """An identity number checked against its document type (NIK: exactly 16 digits)."""
    text = clean_text(id_number, "Nomor identitas").upper() if id_type != "akta" else clean_text(id_number, "Nomor akta")
    if id_type != "akta":  # separators are allowed between characters only: '-5301…' is not a NIK
        text = re.sub(r"(?<=[A-Z0-9])[\s.\-](?=[A-Z0-9])", "", text)
    pattern, rule = ID_PATTERNS[id_type]
    if text and not re.fullmatch(pattern, text):
        raise InvalidInput(f"Nomor identitas '{text}' tidak valid: {rule}.")
    return text
