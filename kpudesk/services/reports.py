"""The Laporan Layanan Informasi Publik (annual) and the six-monthly summary, in the order of
DOMAIN.md §10: (a) policy, (b) services, (c) objections and disputes, (d) constraints,
(e) recommendations. Numbers come from `report_figures`; the office's own text from `report_text`.
"""

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kpudesk.errors import InvalidInput
from kpudesk.export.report_spec import Block, Cell, ReportDocument, Section, Table
from kpudesk.services.desk import Desk
from kpudesk.services.exemptions import EXEMPTIONS
from kpudesk.services.objections import GROUNDS
from kpudesk.services.registers import Period, day_text
from kpudesk.services.report_figures import (
    CHANNELS, DISPUTE_STAGES, OBJECTION_GROUNDS, OBJECTION_OUTCOMES, OUTCOMES, PASAL_17, ReportFigures,
    TimeNeeded, count_figures,
)
from kpudesk.services.report_text import NARRATIVE, read_narrative
from kpudesk.textfmt import MONTH_NAMES

CHANNEL_LABELS = {"langsung": "Langsung", "surat": "Surat", "email": "Surel", "telepon": "Telepon", "faks": "Faks",
                  "website": "Laman/e-PPID", "whatsapp": "WhatsApp"}
OUTCOME_LABELS = {
    "granted": "Dipenuhi seluruhnya", "partial": "Dipenuhi sebagian", "refused": "Ditolak (dikecualikan)",
    "not-held": "Tidak dikuasai", "not-documented": "Belum didokumentasikan", "withdrawn": "Dicabut pemohon",
    "pending": "Masih diproses",
}
OBJECTION_OUTCOME_LABELS = {
    "upheld": "Menguatkan keputusan PPID", "overturned": "Membatalkan keputusan PPID",
    "partly": "Diterima sebagian", "withdrawn": "Dicabut", "pending": "Belum ditanggapi",
}
STAGE_LABELS = {"filed": "Diajukan", "registered": "Teregistrasi", "mediation": "Mediasi",
                "adjudication": "Ajudikasi", "decided": "Diputus"}
TRACK_LABELS = {"publik": "Informasi publik", "pemilu": "Informasi pemilu (Perki 1/2019)"}
REPORT_DUE = (3, 31)  # 31 March of the following year (Perki 1/2021 Pasal 56)


def annual_period(desk: Desk, year: int | None) -> Period:
    """The calendar year reported on: the one given, or last year (the report is written in Q1)."""
    year = desk.today().year - 1 if year is None else year
    if not 2000 <= year <= 9998:
        raise InvalidInput(f"Tahun {year} tidak valid; gunakan tahun empat angka, misalnya {desk.today().year - 1}.")
    return Period(date(year, 1, 1), date(year, 12, 31), year)


def half_period(desk: Desk, year: int | None, half: int) -> Period:
    """January–June (half 1) or July–December (half 2) of the year (default this year)."""
    if half not in (1, 2):
        raise InvalidInput(f"--half {half} tidak valid; gunakan 1 (Januari–Juni) atau 2 (Juli–Desember).")
    whole = annual_period(desk, desk.today().year if year is None else year)
    start, end = (date(whole.start.year, 1, 1), date(whole.start.year, 6, 30)) if half == 1 else \
        (date(whole.start.year, 7, 1), date(whole.start.year, 12, 31))
    return Period(start, end)


# --- the document -------------------------------------------------------------------------------


def annual_document(desk: Desk, figures: ReportFigures, narrative: dict[str, list[str]]) -> ReportDocument:
    """The whole annual report as a document of sections and tables."""
    office = desk.profile.name or desk.profile.code
    year = figures.period.start.year
    titles = ("LAPORAN LAYANAN INFORMASI PUBLIK", office.upper(), f"TAHUN {year}")
    sections = [
        Section("A. Gambaran Umum Kebijakan Pelayanan Informasi Publik",
                subsections=[office_section(key, narrative) for key in ("sarana", "sdm", "anggaran")]),
        services_section(desk, figures),
        objections_section(figures, narrative),
        Section("D. Kendala Eksternal dan Internal", office_blocks("kendala", narrative)),
        Section("E. Rekomendasi dan Rencana Tindak Lanjut", office_blocks("rekomendasi", narrative)),
    ]
    return ReportDocument(titles, sections, signature_lines(desk, narrative))


def office_section(key: str, narrative: dict[str, list[str]]) -> Section:
    return Section(NARRATIVE[key][0], office_blocks(key, narrative))


def office_blocks(key: str, narrative: dict[str, list[str]]) -> list[Block]:
    """The office's paragraphs for a section, or one marked blank saying what belongs there."""
    paragraphs = narrative.get(key) or []
    if paragraphs:
        return [Block(text) for text in paragraphs]
    return [Block(f"[Diisi kantor: {NARRATIVE[key][1]}.]", blank=True)]


def signature_lines(desk: Desk, narrative: dict[str, list[str]]) -> tuple[str, ...]:
    """Place and date, position, (space to sign), name: from [penandatangan] or marked blanks."""
    given = (narrative.get("penandatangan") or [""])[0]
    lines = [part.strip() for part in given.split(";")] if ";" in given else ([given] if given else [])
    defaults = ["[tempat, tanggal]", f"PPID {desk.profile.name}".strip(), "[nama]"]
    lines += defaults[len(lines):]
    return lines[0], lines[1], "", "", lines[2]


def services_section(desk: Desk, figures: ReportFigures) -> Section:
    """B: requests received, time needed, decisions, refusal reasons, late notices."""
    requests = figures.requests
    tables = [numbered(table, number) for number, table in enumerate((
        monthly_table(figures), track_table(figures), time_table(figures), outcome_table(figures),
        refusal_table(figures), late_notice_table(figures)), start=1)]
    summary = (f"Selama {figures.period.label.lower()} {desk.profile.name or desk.profile.code} menerima "
               f"{requests.received} permohonan informasi publik: {requests.by_profile['publik']} informasi publik "
               f"dan {requests.by_profile['pemilu']} informasi pemilu. {requests.served_from_dip} permohonan "
               "dilayani seketika dari Daftar Informasi Publik (dihitung 0 hari kerja).")
    return Section("B. Pelaksanaan Layanan Informasi Publik", [Block(summary)], tables)


def numbered(table: Table, number: int) -> Table:
    return Table(f"Tabel {number}. {table.caption}", table.headers, table.rows, table.note, table.sheet)


def monthly_table(figures: ReportFigures) -> Table:
    """Requests per month (rows) and channel (columns), with totals."""
    requests = figures.requests
    months = range(figures.period.start.month, figures.period.end.month + 1)
    rows: list[tuple[Cell, ...]] = []
    for month in months:
        counts = [requests.by_month_channel[(month, channel)] for channel in CHANNELS]
        rows.append((MONTH_NAMES[month - 1], *counts, requests.by_month[month]))
    rows.append(("Jumlah", *(requests.by_channel[channel] for channel in CHANNELS), requests.received))
    headers = ("Bulan", *(CHANNEL_LABELS[channel] for channel in CHANNELS), "Jumlah")
    return Table("Permohonan informasi per bulan dan cara permohonan", headers, rows, sheet="Per bulan")


def track_table(figures: ReportFigures) -> Table:
    requests = figures.requests
    rows: list[tuple[Cell, ...]] = [(TRACK_LABELS[p], requests.by_profile[p], percent(requests.by_profile[p], requests.received))
                                    for p in TRACK_LABELS]
    rows.append(("Jumlah", requests.received, percent(requests.received, requests.received)))
    return Table("Permohonan menurut jenis informasi", ("Jenis informasi", "Jumlah", "Persentase"), rows,
                 sheet="Jenis informasi")


def time_table(figures: ReportFigures) -> Table:
    """Working days from day 0 to the notice and to the handover, per track."""
    rows: list[tuple[Cell, ...]] = []
    for profile, track in TRACK_LABELS.items():
        for stage, times in (("Pemberitahuan tertulis", figures.notice_time), ("Penyerahan informasi", figures.handover_time)):
            time = times[profile]
            rows.append(time_row(f"{stage} — {track} (batas {time.limit}/{time.extended_limit} HK)", time))
    headers = ("Tahap dan jenis informasi", "Jumlah diukur", "Median (HK)", "Rata-rata (HK)", "Dalam batas",
               "Dalam batas + perpanjangan")
    note = ("Hari kerja (HK) dihitung dari hari ke-0 (hari diterimanya permohonan) sampai hari pemberitahuan tertulis "
            "atau penyerahan informasi; batas: UU 14/2008 Pasal 22 ayat (7) dan (8), informasi pemilu: Perki 1/2019.")
    return Table("Waktu yang diperlukan untuk memenuhi permohonan", headers, rows, note, sheet="Waktu")


def time_row(label: str, time: TimeNeeded) -> tuple[Cell, ...]:
    return (label, time.count, rounded(time.median), rounded(time.average),
            share_text(time.within_limit, time), share_text(time.within_extended, time))


def outcome_table(figures: ReportFigures) -> Table:
    requests = figures.requests
    rows: list[tuple[Cell, ...]] = [(OUTCOME_LABELS[o], requests.outcomes[o], percent(requests.outcomes[o], requests.received))
                                    for o in OUTCOMES]
    rows.append(("Jumlah", requests.received, percent(requests.received, requests.received)))
    return Table("Keputusan atas permohonan", ("Keputusan", "Jumlah", "Persentase"), rows, sheet="Keputusan")


def refusal_table(figures: ReportFigures) -> Table:
    letters = figures.requests.refusal_letters
    rows: list[tuple[Cell, ...]] = [(f"Pasal 17 huruf {letter}", EXEMPTIONS[letter], letters[letter]) for letter in PASAL_17]
    note = ("Satu penolakan dapat menyebut lebih dari satu huruf; termasuk bagian yang dihitamkan pada permohonan "
            "yang dipenuhi sebagian.")
    return Table("Alasan penolakan (pengecualian UU 14/2008 Pasal 17)", ("Dasar", "Alasan", "Jumlah"), rows, note,
                 sheet="Alasan penolakan")


def late_notice_table(figures: ReportFigures) -> Table:
    rows: list[tuple[Cell, ...]] = [
        (notice.number, day_text(notice.received), day_text(notice.noticed), notice.late_days,
         TRACK_LABELS["pemilu" if notice.election else "publik"])
        for notice in figures.requests.late_notices
    ]
    note = "" if rows else "Tidak ada pemberitahuan tertulis yang terlambat."
    return Table("Pemberitahuan tertulis yang melewati batas waktu",
                 ("Nomor pendaftaran", "Diterima", "Pemberitahuan", "Terlambat (HK)", "Jenis informasi"), rows, note,
                 sheet="Terlambat")


def objections_section(figures: ReportFigures, narrative: dict[str, list[str]]) -> Section:
    """C: objections by ground and outcome, disputes at the Komisi Informasi, court cases."""
    objections = figures.objections
    tables = [numbered(table, number) for number, table in  # section B holds tables 1–6
              enumerate((ground_table(figures), answer_table(figures), dispute_table(figures)), start=7)]
    summary = (f"Keberatan yang diterima: {objections.received}; ditanggapi tepat waktu: {objections.answered_on_time}; "
               f"ditanggapi terlambat: {objections.answered_late}; diajukan sebagai sengketa ke Komisi Informasi: "
               f"{len(objections.disputes)}.")
    return Section("C. Penyelesaian Keberatan dan Sengketa Informasi", [Block(summary)], tables[:2], [
        office_section("keberatan", narrative),
        Section("Sengketa informasi di Komisi Informasi", [], tables[2:]),
        office_section("pengadilan", narrative),
    ])


def ground_table(figures: ReportFigures) -> Table:
    grounds = figures.objections.by_ground
    rows: list[tuple[Cell, ...]] = [(f"Pasal 35 ayat (1) huruf {g}", GROUNDS[g], grounds[g]) for g in OBJECTION_GROUNDS]
    return Table("Keberatan menurut alasan", ("Dasar", "Alasan keberatan", "Jumlah"), rows,
                 "Satu keberatan dapat mengajukan lebih dari satu alasan.", sheet="Alasan keberatan")


def answer_table(figures: ReportFigures) -> Table:
    objections = figures.objections
    rows: list[tuple[Cell, ...]] = [(OBJECTION_OUTCOME_LABELS[o], objections.outcomes[o]) for o in OBJECTION_OUTCOMES]
    rows += [("Jumlah keberatan", objections.received), ("Ditanggapi tepat waktu", objections.answered_on_time),
             ("Ditanggapi terlambat", objections.answered_late)]
    return Table("Tanggapan Atasan PPID atas keberatan", ("Tanggapan", "Jumlah"), rows, sheet="Tanggapan keberatan")


def dispute_table(figures: ReportFigures) -> Table:
    """Each dispute with its stage and outcome; the note counts them per stage."""
    disputes = figures.objections.disputes
    rows: list[tuple[Cell, ...]] = [
        (d.objection, d.request, day_text(d.filed) if d.filed else "", STAGE_LABELS.get(d.stage, d.stage), d.outcome)
        for d in disputes
    ]
    by_stage = figures.objections.disputes_by_stage
    counts = "; ".join(f"{STAGE_LABELS[s].lower()} {by_stage[s]}" for s in DISPUTE_STAGES)
    note = f"Jumlah sengketa: {len(disputes)} ({counts})." if disputes else "Tidak ada sengketa informasi."
    return Table("Sengketa informasi di Komisi Informasi",
                 ("Nomor keberatan", "Nomor permohonan", "Diajukan", "Tahap", "Putusan/hasil"), rows, note,
                 sheet="Sengketa")


# --- formatting -------------------------------------------------------------------------------------


def percent(count: int, total: int) -> str:
    """'12,5%' (Indonesian decimal comma); '-' when there is nothing to divide by."""
    return f"{100 * count / total:.1f}%".replace(".", ",") if total else "-"


def rounded(value: float | None) -> str:
    """'4,5' or '4' (Indonesian decimal comma); '-' when nothing was measured."""
    if value is None:
        return "-"
    text = f"{value:.1f}".replace(".", ",")
    return text[:-2] if text.endswith(",0") else text


def share_text(count: int, time: TimeNeeded) -> str:
    """'45 (90,0%)'."""
    return f"{count} ({percent(count, time.count)})" if time.count else "-"


# --- outputs --------------------------------------------------------------------------------------


def annual_report(desk: Desk, year: int | None, *, output: str | None, xlsx: str | None,
                  text: str | None, letterhead: str | None = None) -> tuple[ReportFigures, list[Path]]:
    """Count the year's figures and write the .docx (and the .xlsx of its tables); returns the paths."""
    from kpudesk.export.report_docx import write_document
    from kpudesk.export.report_xlsx import write_tables

    period = annual_period(desk, year)
    narrative = read_narrative(text)
    docx_path = resolve_report_path(output, "laporan-layanan-informasi", period, ".docx")
    xlsx_path = resolve_report_path(xlsx, "laporan-layanan-informasi", period, ".xlsx") if xlsx else None
    figures = count_figures(desk, period)
    document = annual_document(desk, figures, narrative)
    head = checked_letterhead(letterhead)
    written = [write_or_fail(lambda doc, path: write_document(doc, path, head), document, docx_path)]
    if xlsx_path:
        written.append(write_or_fail(write_tables, document, xlsx_path))
    return figures, written


def resolve_report_path(given: str | None, stem: str, period: Period, suffix: str) -> Path:
    """The path to write: the given one (it must end in `suffix`) or the report's name in this folder."""
    example = f"{stem}-{period.slug}{suffix}"
    path = Path(given).expanduser() if given else Path(example)
    if path.suffix.lower() != suffix:
        raise InvalidInput(f"Berkas keluaran '{path}' harus berakhiran {suffix}, misalnya {example}.")
    if path.is_dir():
        raise InvalidInput(f"'{path}' adalah folder; beri nama berkas {suffix} di dalamnya.")
    folder = path.parent.resolve()
    if not folder.is_dir():
        raise InvalidInput(f"Folder '{folder}' tidak ada (atau bukan folder); buat dahulu atau pilih folder lain.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InvalidInput(f"Folder '{folder}' tidak dapat ditulisi; pilih folder lain.")
    return path.resolve()


def checked_letterhead(letterhead: str | None) -> Path | None:
    """The letterhead file, which must be an existing .docx; None when none is given."""
    if letterhead is None:
        return None
    path = Path(letterhead).expanduser()
    if path.suffix.lower() != ".docx" or not path.is_file():
        raise InvalidInput(f"Kop surat '{path}' harus berkas Word .docx yang ada.")
    return path


def write_or_fail(writer: Callable[[ReportDocument, Path], object], document: ReportDocument, path: Path) -> Path:
    """Run a writer; an OSError (full disk, no permission) or an unreadable letterhead becomes InvalidInput."""
    try:
        writer(document, path)
    except OSError as exc:
        raise InvalidInput(f"Tidak dapat menulis {path}: {exc.strerror or exc}; pilih folder lain.") from exc
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc
    return path


def summary_figures(desk: Desk, year: int | None, half: int) -> dict[str, object]:
    """The six-monthly summary's four numbers: requests, time needed, granted/refused, refusal reasons."""
    period = half_period(desk, year, half)
    figures = count_figures(desk, period)
    outcomes = figures.requests.outcomes
    notice = TimeNeeded(tuple(day for track in figures.notice_time.values() for day in track.days), 0, 0)
    return {
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
        "requests": figures.requests.received,
        "time_needed": {"measured": notice.count, "median_working_days": notice.median,
                        "average_working_days": round(notice.average, 1) if notice.average is not None else None},
        "granted": outcomes["granted"] + outcomes["partial"], "granted_in_full": outcomes["granted"],
        "granted_in_part": outcomes["partial"], "refused": outcomes["refused"],
        "refusal_reasons": {letter: count for letter, count in sorted(figures.requests.refusal_letters.items())},
    }


def figures_as_dict(figures: ReportFigures) -> dict[str, object]:
    """Every number of the annual report, for scripts (`report annual --json`)."""
    requests, objections = figures.requests, figures.objections
    return {
        "period": {"from": figures.period.start.isoformat(), "to": figures.period.end.isoformat()},
        "requests": {
            "received": requests.received, "by_channel": {c: requests.by_channel[c] for c in CHANNELS},
            "by_month": {m: requests.by_month[m] for m in range(1, 13)},
            "by_track": {p: requests.by_profile[p] for p in TRACK_LABELS},
            "outcomes": {o: requests.outcomes[o] for o in OUTCOMES},
            "refusal_letters": {letter: requests.refusal_letters[letter] for letter in PASAL_17},
            "served_from_dip": requests.served_from_dip,
            "late_notices": [{"number": n.number, "received": n.received.isoformat(), "noticed": n.noticed.isoformat(),
                              "late_days": n.late_days} for n in requests.late_notices],
        },
        "time_needed": {stage: {p: time_dict(times[p]) for p in TRACK_LABELS}
                        for stage, times in (("notice", figures.notice_time), ("handover", figures.handover_time))},
        "objections": {
            "received": objections.received, "by_ground": {g: objections.by_ground[g] for g in OBJECTION_GROUNDS},
            "outcomes": {o: objections.outcomes[o] for o in OBJECTION_OUTCOMES},
            "answered_on_time": objections.answered_on_time, "answered_late": objections.answered_late,
            "disputes": [{"objection": d.objection, "request": d.request, "stage": d.stage, "outcome": d.outcome}
                         for d in objections.disputes],
        },
    }


def time_dict(time: TimeNeeded) -> dict[str, object]:
    return {"measured": time.count, "median": time.median, "average": round(time.average, 2) if time.average is not None else None,
            "limit": time.limit, "within_limit": time.within_limit, "extended_limit": time.extended_limit,
            "within_extended": time.within_extended}
