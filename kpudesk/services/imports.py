"""`kpudesk import request`: an office's existing Register Permohonan brought into the store.

Every row is read and checked first; nothing is stored unless every row is good (or the officer
chose to skip the bad ones, which are written to a file to fix). Numbers are kept as the register
has them, the number sequence moves past them, and deadlines are recomputed with the office's
calendar, as if each request had been registered at the desk on the register's date.
"""

import os
import re
import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import select

from kpudesk.errors import InvalidInput
from kpudesk.models import Case, NumberSequence
from kpudesk.rules import Rule
from kpudesk.services.deadlines import close_deadline, open_deadline, rule_of
from kpudesk.services.desk import Desk
from kpudesk.services.events import record_event
from kpudesk.services.import_rows import FIELDS, REQUIRED, ImportedRequest, RowProblem, field_of, parse_row, words
from kpudesk.services.lifecycle import PROVISION_BASIS
from kpudesk.services.numbering import issue_number
from kpudesk.services.progress import NO_PROGRESS, Progress

# A good row and, when it keeps its register number, that number's (seq, year).
Good = tuple[ImportedRequest, tuple[int, int] | None]


@dataclass(frozen=True)
class BadRow:
    """A row that cannot be imported: its number in the sheet, why, and its cells as read."""

    row: int
    reason: str
    values: list[Any] = field(default_factory=list)


@dataclass
class ImportResult:
    """What an import found and did: rows read, the bad ones, and the numbers stored."""

    sheet: str
    rows: int
    bad: list[BadRow]
    stored: list[str]
    dry_run: bool
    headers: list[str] = field(default_factory=list)


def parse_mappings(pairs: Iterable[str]) -> dict[str, str]:
    """--map 'COLUMN=FIELD' options as {column: field}; raises InvalidInput naming what is accepted."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        column, sep, name = pair.partition("=")
        if not sep or not column.strip() or not name.strip():
            raise InvalidInput(f"--map '{pair}' tidak valid; gunakan KOLOM=BIDANG, misalnya --map \"Nama Lengkap=nama\".")
        name = name.strip().lower().replace("-", "_")
        if name not in FIELDS:
            raise InvalidInput(f"Bidang '{name}' di --map tidak dikenal; pilih salah satu: {', '.join(FIELDS)}.")
        mapping[column.strip()] = name
    return mapping


def assign_fields(columns: list[Any], mapping: dict[str, str]) -> dict[int, str]:
    """Column index → field: the --map choices first, then each header matched loosely; a field
    goes to the first column that names it. Raises InvalidInput for an unknown --map column or a
    required field that no column holds."""
    chosen: dict[int, str] = {}
    for wanted, name in mapping.items():
        column = next((c for c in columns if words(wanted) in (words(c.title), words(c.header))), None)
        column = column or next((c for c in columns if c.letter == wanted.upper()), None)
        if column is None:
            raise InvalidInput(f"Kolom '{wanted}' di --map tidak ada; kolom lembar ini: "
                               f"{', '.join(c.title for c in columns)} (atau huruf kolom A, B, …).")
        chosen[column.index] = name
    taken = set(chosen.values())
    for column in columns:
        name = field_of(column.title)
        if column.index not in chosen and name and name not in taken:
            chosen[column.index] = name
            taken.add(name)
    missing = [name for name in REQUIRED if name not in taken]
    if missing:
        raise InvalidInput(f"Kolom untuk {', '.join(missing)} tidak ditemukan di antara: "
                           f"{', '.join(c.title for c in columns)}; tunjukkan dengan --map KOLOM=BIDANG.")
    return {index: name for index, name in chosen.items() if name != "abaikan"}


def number_pattern(desk: Desk) -> re.Pattern[str]:
    """The office's request-number template as a regular expression with `seq` and `year` groups."""
    parts = {"seq": r"(?P<seq>\d+)", "year": r"(?P<year>\d{4})", "office": re.escape(desk.profile.code),
             "month_roman": r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)", "month": r"\d{1,2}", "kind": r"\w+"}
    pattern = "".join(re.escape(literal) + (parts.get(name, ".+?") if name is not None else "")
                      for literal, name, _, _ in string.Formatter().parse(desk.profile.template("request")))
    return re.compile(pattern, re.IGNORECASE)


@dataclass
class Numbering:
    """The numbers already used (store and earlier rows), and how a kept number splits into seq/year."""

    pattern: re.Pattern[str]
    numbers: set[str]
    seqs: set[tuple[int, int]]

    def claim(self, number: str) -> tuple[int, int]:
        """(seq, year) of a kept number, marked as used; raises RowProblem when it cannot be kept."""
        match = self.pattern.fullmatch(number)
        if match is None:
            raise RowProblem(f"Nomor pendaftaran '{number}' tidak mengikuti pola nomor kantor ini; kosongkan "
                             "kolomnya agar nomor baru diberikan, atau sesuaikan templat nomor kantor.")
        key = (int(match["seq"]), int(match["year"]))
        if number in self.numbers or key in self.seqs:
            raise RowProblem(f"Nomor pendaftaran '{number}' sudah dipakai (di basis data atau di baris sebelumnya).")
        self.numbers.add(number)
        self.seqs.add(key)
        return key


def used_numbers(desk: Desk) -> Numbering:
    """Every request number and (seq, year) already in the store."""
    rows = desk.session.exec(select(Case.number, Case.seq, Case.year).where(Case.kind == "request"))
    numbers, seqs = set(), set()
    for number, seq, year in rows:
        numbers.add(number)
        seqs.add((seq, year))
    return Numbering(number_pattern(desk), numbers, seqs)


def check_rows(desk: Desk, rows: Iterable[tuple[int, list[Any]]], fields: dict[int, str],
               progress: Progress) -> tuple[list[Good], list[BadRow], int]:
    """Every row read and checked: (good rows with their kept (seq, year), bad rows, rows read)."""
    today, opening = desk.today(), desk.profile.hours[0]
    numbering = used_numbers(desk)
    good: list[Good] = []
    bad: list[BadRow] = []
    count = 0
    for count, (number, cells) in enumerate(rows, start=1):
        values = {name: cells[index - 1] for index, name in fields.items() if index <= len(cells)}
        try:
            item = parse_row(number, values, today, opening)
            good.append((item, numbering.claim(item.number) if item.number else None))
        except RowProblem as exc:
            bad.append(BadRow(number, str(exc), cells))
        progress.update(count)
    return good, bad, count


def store_rows(desk: Desk, good: list[Good], source: str, progress: Progress) -> list[str]:
    """Store the good rows in sheet order; returns their registration numbers."""
    bump_sequences(desk, [kept for _, kept in good if kept])
    progress.start(len(good))
    stored = []
    for done, (item, kept) in enumerate(good, start=1):
        stored.append(store_request(desk, item, kept, source).number)
        progress.update(done)
    return stored


def bump_sequences(desk: Desk, kept: list[tuple[int, int]]) -> None:
    """Move each year's request sequence past the kept numbers, so new numbers never collide."""
    highest: dict[int, int] = {}
    for seq, year in kept:
        highest[year] = max(seq, highest.get(year, 0))
    for year, seq in highest.items():
        row = desk.session.get(NumberSequence, ("request", year)) or NumberSequence(kind="request", year=year, last=0)
        row.last = max(row.last, seq)
        desk.session.add(row)
    desk.session.flush()


def store_request(desk: Desk, item: ImportedRequest, kept: tuple[int, int] | None, source: str) -> Case:
    """One request as if registered at the desk on the register's date (at opening time): its case,
    form and notice clock, then the notice, handover or ending the register records."""
    received = datetime.combine(item.received, desk.profile.hours[0])
    seq, year, number = (*kept, item.number) if kept else (*_issued(desk, item.received),)
    case = Case(kind="request", number=number, seq=seq, year=year, status=item.status, profile="publik",
                received_at=desk.to_utc(received), day0=desk.calendar.day_zero(received, desk.profile.closing),
                officer=desk.officer, created_at=desk.stored_now(), void_reason=item.void_reason)
    desk.session.add(case)
    desk.session.flush()
    detail = item.detail
    detail.case_id = case.id
    notice = open_deadline(desk, case, "notice", case.day0, rule_of(desk, "publik", "notice"))
    if detail.decided_at:
        detail.notice_late_days = close_deadline(desk, notice, detail.decided_at.date())
        provision = _provision(desk, case, detail.decided_at, detail.provide_within)
        if provision and detail.delivered_at:
            close_deadline(desk, provision, detail.delivered_at.date())
        detail.decided_at = desk.to_utc(detail.decided_at)
    elif item.status in ("void", "withdrawn"):
        close_deadline(desk, notice, item.received, status="cancelled")
    if detail.delivered_at:
        detail.delivered_at = case.closed_at = desk.to_utc(detail.delivered_at)
    desk.session.add_all([detail, case])
    record_event(desk, "imported", case_id=case.id, number=number, source=source, row=item.row, status=item.status)
    return case


def _issued(desk: Desk, received: date) -> tuple[int, int, str]:
    seq, number = issue_number(desk, "request", received)
    return seq, received.year, number


def _provision(desk: Desk, case: Case, decided: datetime, days: int | None) -> Any:
    """The clock to provide information not yet documented (day 0: the notice day)."""
    if days is None:
        return None
    start = desk.calendar.day_zero(decided, desk.profile.closing)
    return open_deadline(desk, case, "provision", start, Rule(days, True, PROVISION_BASIS, "ppid"))


def import_requests(desk: Desk, path: str, *, sheet: str | None, maps: Iterable[str], dry_run: bool,
                    bad_file: str | None, progress: Progress = NO_PROGRESS) -> ImportResult:
    """Read and check every row of the register at `path` and, unless it is a dry run or a row is
    bad (without `bad_file`), store them all; with `bad_file`, the bad rows are written there before
    the good ones are stored. Raises InvalidInput for a bad file, sheet, --map or --skip-bad."""
    from kpudesk.export import open_sheet, write_table
    from kpudesk.export.reader import UnreadableSheet

    mapping = parse_mappings(maps)
    target = check_bad_file(bad_file) if bad_file else None
    if not Path(path).is_file():
        raise InvalidInput(f"Berkas '{path}' tidak ada; beri path berkas register .xlsx.")
    try:
        register = open_sheet(path, sheet, lambda text: field_of(text) is not None)
    except UnreadableSheet as exc:
        raise InvalidInput(str(exc)) from None
    try:
        fields = assign_fields(register.columns, mapping)
        progress.start(register.row_estimate)
        good, bad, count = check_rows(desk, register.rows(), fields, progress)
    finally:
        register.close()
    result = ImportResult(register.name, count, bad, [], dry_run, register.titles())
    if dry_run or (bad and not target):
        return result
    if bad and target:
        _write_bad(write_table, target, result)
    result.stored = store_rows(desk, good, Path(path).name, progress)
    return result


def _write_bad(write_table: Callable[..., None], target: Path, result: ImportResult) -> None:
    try:
        write_table(target, "Baris bermasalah", bad_rows_table(result.headers, result.bad))
    except OSError as exc:
        raise InvalidInput(f"Tidak dapat menulis {target}: {exc.strerror or exc}; pilih berkas lain untuk --skip-bad.") from exc


def check_bad_file(path: str) -> Path:
    """Where --skip-bad writes the bad rows: an .xlsx in a folder that exists and can be written."""
    target = Path(path).expanduser()
    if target.suffix.lower() != ".xlsx":
        raise InvalidInput(f"Berkas --skip-bad '{path}' harus berakhiran .xlsx, misalnya baris-bermasalah.xlsx.")
    folder = target.parent.resolve()
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise InvalidInput(f"Folder '{folder}' untuk --skip-bad tidak ada atau tidak dapat ditulisi.")
    if target.is_dir():
        raise InvalidInput(f"'{target}' adalah folder; beri nama berkas .xlsx untuk --skip-bad.")
    return target.resolve()


def bad_rows_table(headers: list[str], bad: list[BadRow]) -> Iterator[list[Any]]:
    """The bad rows as a table to fix and import again: sheet row, its cells, and the reason."""
    yield ["Baris", *headers, "Masalah"]
    for row in bad:
        yield [row.row, *row.values, row.reason]


