"""`kpudesk dip import`: an office's existing DIP sheet into the store, all rows or none.

The sheet is the usual 7-column DIP (No, ringkasan, penguasa, penanggung jawab, waktu dan tempat,
bentuk, jangka waktu penyimpanan) with the category either in its own column or as a section row
('A. Informasi yang wajib disediakan dan diumumkan secara berkala'). The form may be one column
(softcopy/hardcopy/keduanya) or two tick columns under 'Bentuk'. Columns are found by their
headers, so their order does not matter.
"""

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, select

from kpudesk.errors import InvalidInput
from kpudesk.models import DipEntry
from kpudesk.services.desk import Desk
from kpudesk.services.dip import CATEGORIES, DipForm, add_entries, checked, folded

# header words → field; the first match wins, so the more specific words come first
HEADER_WORDS = (
    ("ringkasan", "summary"), ("menguasai", "holder"), ("penguasa", "holder"),
    ("penanggung jawab", "responsible"), ("waktu dan tempat", "made"), ("tempat pembuatan", "made"),
    ("jangka waktu", "retention"), ("penyimpanan", "retention"), ("bentuk", "form"), ("kategori", "category"),
    ("softcopy", "soft"), ("hardcopy", "hard"),
)
SECTION_WORDS = (("berkala", "berkala"), ("serta merta", "serta-merta"), ("setiap saat", "setiap-saat"))
REQUIRED = ("summary", "holder", "responsible", "made", "retention")
TICKS = ("v", "✓", "✔", "x", "ya", "1", "ada", "√")
MAX_REPORTED = 30


@dataclass(frozen=True)
class ImportResult:
    """What an import found: the checked rows (row number, values) and whether they were stored."""

    rows: list[tuple[int, dict[str, str]]]
    stored: bool
    first_number: int | None = None

    def by_category(self) -> dict[str, int]:
        return {code: sum(1 for _, values in self.rows if values["category"] == code) for code in CATEGORIES}


def import_sheet(desk: Desk, path: str, *, dry_run: bool) -> ImportResult:
    """Check every row of the sheet; store them all (unless `dry_run`) only when none is bad."""
    from kpudesk.export.dip_sheet import read_rows

    file = Path(path).expanduser()
    if file.suffix.lower() != ".xlsx" or not file.is_file():
        raise InvalidInput(f"Berkas DIP '{file}' harus berkas Excel .xlsx yang ada.")
    try:
        rows = read_rows(file)
    except ValueError as exc:
        raise InvalidInput(f"{exc}.") from exc
    good, errors = checked_rows(desk, rows)
    if errors:
        shown = "; ".join(errors[:MAX_REPORTED]) + ("; …" if len(errors) > MAX_REPORTED else "")
        raise InvalidInput(f"{len(errors)} baris DIP tidak valid, tidak ada yang disimpan: {shown}")
    if not good:
        raise InvalidInput(f"{file} tidak memuat satu pun baris informasi di bawah judul kolom.")
    if dry_run:
        return ImportResult(good, stored=False)
    entries = add_entries(desk, [values for _, values in good])
    return ImportResult(good, stored=True, first_number=entries[0].seq)


def checked_rows(desk: Desk, rows: list[tuple[int, list[str]]]) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """The good rows with their checked values, and one message per bad row ('baris 7: …')."""
    header_at, columns = find_header(rows)
    existing = {folded(summary): seq for seq, summary in desk.session.exec(
        select(DipEntry.seq, DipEntry.summary).where(col(DipEntry.retired_at).is_(None)))}
    good, errors, category, seen = [], [], None, {}
    for number, cells in rows[header_at + 1:]:
        fields = {name: cells[index] if index < len(cells) else "" for name, index in columns.items()}
        if is_subheader(fields):
            continue
        if section := section_category(cells, fields):
            category = section
            continue
        try:
            values = row_values(fields, category)
        except InvalidInput as exc:
            errors.append(f"baris {number}: {exc.message.rstrip('.')}")
            continue
        key = folded(values["summary"])
        if key in existing or key in seen:
            where = f"DIP nomor {existing[key]}" if key in existing else f"baris {seen[key]}"
            errors.append(f"baris {number}: ringkasan sama dengan {where}")
            continue
        seen[key] = number
        good.append((number, values))
    return good, errors


def find_header(rows: list[tuple[int, list[str]]]) -> tuple[int, dict[str, int]]:
    """The index of the header row and the column of each field (sub-header ticks included)."""
    for index, (number, cells) in enumerate(rows):
        columns = header_columns(cells)
        if "summary" in columns:
            if index + 1 < len(rows):  # 'Softcopy' / 'Hardcopy' under a merged 'Bentuk'
                columns |= {k: v for k, v in header_columns(rows[index + 1][1]).items() if k in ("soft", "hard")}
            if "soft" in columns:
                columns.pop("form", None)  # the merged 'Bentuk' title over the two tick columns
            missing = [name for name in REQUIRED if name not in columns]
            if missing or not {"form", "soft"} & columns.keys():
                raise InvalidInput(f"Baris {number}: judul kolom DIP tidak lengkap; perlu kolom ringkasan, pejabat yang "
                                   "menguasai, penanggung jawab, waktu dan tempat, bentuk, jangka waktu penyimpanan.")
            return index, columns
    raise InvalidInput("Tidak ada baris judul kolom DIP (kolom 'Ringkasan Isi Informasi' tidak ditemukan).")


def header_columns(cells: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        text = folded(cell)
        field = next((name for word, name in HEADER_WORDS if word in text), None)
        if field and field not in columns:
            columns[field] = index
    return columns


def is_subheader(fields: dict[str, str]) -> bool:
    return folded(fields.get("soft", "")) == "softcopy" and not fields.get("summary")


def section_category(cells: list[str], fields: dict[str, str]) -> str | None:
    """The category a section row opens ('B. Informasi … serta merta'), or None for a data row."""
    filled = [cell for cell in cells if cell]
    if len(filled) != 1 or fields.get("holder") or fields.get("retention"):
        return None
    text = folded(filled[0]).replace("-", " ")
    return next((code for word, code in SECTION_WORDS if word in text), None)


def row_values(fields: dict[str, str], category: str | None) -> dict[str, str]:
    """One row's checked values; InvalidInput says what is wrong with it."""
    form = fields.get("form") or tick_form(fields)
    given = fields.get("category") or category
    if not given:
        raise InvalidInput("kategori tidak diketahui (tidak ada kolom kategori dan belum ada baris bagian "
                           "berkala/serta merta/setiap saat di atasnya)")
    for name in REQUIRED:
        if not fields.get(name):
            raise InvalidInput(f"kolom {name_label(name)} kosong")
    return checked(DipForm(fields["summary"], fields["holder"], fields["responsible"], fields["made"], form,
                           fields["retention"], given))


def tick_form(fields: dict[str, str]) -> str:
    soft = folded(fields.get("soft", "")) in TICKS
    hard = folded(fields.get("hard", "")) in TICKS
    return "both" if soft and hard else "softcopy" if soft else "hardcopy" if hard else ""


def name_label(name: str) -> str:
    return {"summary": "ringkasan", "holder": "pejabat/unit yang menguasai", "responsible": "penanggung jawab",
            "made": "waktu dan tempat pembuatan", "retention": "jangka waktu penyimpanan"}[name]
