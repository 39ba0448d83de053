"""Stored data as an officer reads it: Indonesian labels for every field, codes turned into words,
dates as 'Senin, 7 Desember 2026' and times as '08.30 WITA'. Pure: plain data in, plain strings out.

`case_sheet` turns the data of `kpudesk show` (the same dict `--json` prints) into a `Sheet`: a few
heading lines and sections, each a title with rows of (label, value) or a table. The renderer in the
CLI draws any sheet the same way, so a new kind of case adds its sections as data and a few entries in
FIELDS and SECTION_TITLES, and nothing else.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from kpudesk.choices import (ANSWER_DECISIONS, CASE_STATUSES, CHANNELS, DEADLINE_STATUSES, DELIVERY,
                             DISPUTE_STAGES, EXEMPTION_RESULTS, FILING_WINDOW_FROM, FORMATS, ID_TYPES,
                             NOTICE_DECISIONS, OBTAIN, PASAL_17, PASAL_35, REACTIONS, Choices)
from kpudesk.labels import EVENT_LABELS, kind_label
from kpudesk.rules import PROFILE_LABELS
from kpudesk.textfmt import grouped, long_date, long_datetime


@dataclass
class Section:
    """A titled part of a sheet: rows of (label, value), or a table (headers and rows), or both."""

    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)


@dataclass
class Sheet:
    """What a person reads about one record: heading lines, then sections."""

    heading: list[str]
    sections: list[Section]


Format = Callable[[Any, str], str]  # (stored value, office zone label) → text


def text(value: Any, _zone: str = "") -> str:
    return str(value)


def day(value: Any, _zone: str = "") -> str:
    """'2026-12-07' → 'Senin, 7 Desember 2026'."""
    return long_date(value if isinstance(value, date) else date.fromisoformat(str(value)[:10]))


def moment(value: Any, zone: str = "") -> str:
    """'2026-12-07T08:30' (office time) → 'Senin, 7 Desember 2026 08.30 WITA'."""
    return long_datetime(value if isinstance(value, datetime) else datetime.fromisoformat(str(value)), zone)


def yes_no(value: Any, _zone: str = "") -> str:
    return "ya" if value else "tidak"


def rupiah(value: Any, _zone: str = "") -> str:
    return f"Rp{grouped(int(value))}"


def working_days(value: Any, _zone: str = "") -> str:
    return f"{value} hari kerja"


def days_late(value: Any, _zone: str = "") -> str:
    return f"{value} hari kerja" if value else "tidak terlambat"


def chosen(choices: Choices) -> Format:
    """A stored code shown as its label in the choice table."""
    return lambda value, _zone="": choices.label(str(value))


def mapped(labels: dict[str, str]) -> Format:
    return lambda value, _zone="": labels.get(str(value), str(value))


def letters(meanings: dict[str, str], article: str) -> Format:
    """'a,h', ['a', 'h'] or [{'letter': 'h', …}] → 'Pasal 17 huruf h (mengungkap rahasia pribadi)'."""
    def render(value: Any, _zone: str = "") -> str:
        items = value.split(",") if isinstance(value, str) else value
        picked = [item["letter"] if isinstance(item, dict) else str(item) for item in items]
        return "; ".join(f"{article} huruf {x} ({meanings[x]})" if x in meanings else f"{article} huruf {x}"
                         for x in picked if x)
    return render


def deadline_kinds(value: Any, _zone: str = "") -> str:
    kinds = value if isinstance(value, list) else [value]
    from kpudesk.kinds import clock_specs

    labels = {code: spec.label for code, spec in clock_specs().items()}
    return ", ".join(labels.get(k, k) for k in kinds)


# Every field a person may read: key → (label, format). A key is looked up as 'container.key' first
# (the section, list or event it sits in), then alone, so one word can mean two things.
FIELDS: dict[str, tuple[str, Format]] = {
    "number": ("Nomor", text), "kind": ("Jenis", lambda value, _zone="": kind_label(str(value))), "status": ("Status", chosen(CASE_STATUSES)),
    "previous_status": ("Status sebelumnya", chosen(CASE_STATUSES)), "profile": ("Profil", mapped(PROFILE_LABELS)),
    "officer": ("Petugas", text), "request": ("Permohonan", text), "reason": ("Alasan", text),
    "at": ("Waktu", moment), "received_at": ("Diterima", moment), "sent_at": ("Dikirim", moment),
    "created_at": ("Diberikan", moment), "accepted_at": ("Diterima", moment), "done_at": ("Selesai", moment),
    "decided_at": ("Diputuskan", moment), "answered_at": ("Ditanggapi", moment),
    "due": ("Jatuh tempo", day), "deadline": ("Batas", day), "notice_due": ("Batas pemberitahuan", day),
    "filing_deadline": ("Batas pengajuan keberatan", day), "dispute_due": ("Batas pengajuan sengketa", day),
    "window_due": ("Batas pengajuan sengketa", day), "provision_due": ("Batas penyediaan informasi", day),
    "old_due": ("Semula", day), "new_due": ("Menjadi", day),
    "late": ("Terlambat", yes_no), "late_days": ("Keterlambatan", days_late), "days_late": ("Keterlambatan", days_late),
    "provision_late_days": ("Keterlambatan penyediaan", days_late), "within_window": ("Dalam tenggang waktu", yes_no),
    "filing_late": ("Keberatan terlambat", yes_no), "oral": ("Lisan", yes_no),
    # the request form
    "name": ("Nama", text), "address": ("Alamat", text), "phone": ("Telepon", text), "email": ("E-mail", text),
    "occupation": ("Pekerjaan", text), "id_type": ("Jenis identitas", chosen(ID_TYPES)),
    "id_number": ("Nomor identitas", text), "channel": ("Cara permohonan", chosen(CHANNELS)),
    "info": ("Informasi yang diminta", text), "purpose": ("Tujuan", text), "obtain": ("Cara memperoleh", chosen(OBTAIN)),
    "format": ("Bentuk salinan", chosen(FORMATS)), "delivery": ("Cara mendapatkan salinan", chosen(DELIVERY)),
    # the written notice and the handover
    "decision": ("Keputusan", chosen(NOTICE_DECISIONS)), "exemptions": ("Pengecualian", letters(PASAL_17, "Pasal 17")),
    "exemption_test": ("Uji konsekuensi", text), "holder": ("Badan publik yang menguasai", text),
    "provide_within": ("Disediakan dalam", working_days), "form": ("Bentuk informasi", chosen(FORMATS)),
    "via": ("Cara penyampaian", chosen(DELIVERY)), "payment": ("Cara pembayaran", text),
    "costs.per_page": ("Biaya per halaman", rupiah), "costs.pages": ("Jumlah halaman", text),
    "costs.delivery": ("Biaya pengiriman", rupiah), "costs.other": ("Biaya lain", rupiah),
    "costs.total": ("Jumlah biaya", rupiah), "total_cost": ("Jumlah biaya", rupiah),
    "received_by": ("Diterima oleh", text), "expedition": ("Nomor ekspedisi", text),
    # objections and the dispute
    "grounds": ("Alasan keberatan", letters(PASAL_35, "Pasal 35 ayat (1)")), "case_position": ("Kasus posisi", text),
    "proxy": ("Kuasa", text), "filing.deadline": ("Batas pengajuan keberatan", day),
    "filing.late": ("Diajukan terlambat", yes_no), "filing_window_from": ("Masa keberatan dihitung", chosen(FILING_WINDOW_FROM)),
    "answer.decision": ("Keputusan Atasan PPID", chosen(ANSWER_DECISIONS)), "reasons": ("Alasan tertulis", text),
    "superior": ("Atasan PPID", text), "objections.decision": ("Keputusan Atasan PPID", chosen(ANSWER_DECISIONS)),
    "answered.decision": ("Keputusan Atasan PPID", chosen(ANSWER_DECISIONS)),
    "reaction": ("Tanggapan pemohon", chosen(REACTIONS)), "stage": ("Tahap sengketa", chosen(DISPUTE_STAGES)),
    "dispute_stage": ("Tahap sengketa", chosen(DISPUTE_STAGES)), "stages": ("Riwayat tahap", text),
    "outcome": ("Putusan", text), "objection": ("Keberatan", text),
    # consequence tests
    "result": ("Hasil", chosen(EXEMPTION_RESULTS)), "basis": ("Dasar", text), "exemption": ("Uji konsekuensi", text),
    # dispositions, expedition
    "from": ("Dari", text), "to": ("Kepada", text), "from_position": ("Dari", text), "to_position": ("Kepada", text),
    "instruction": ("Arahan", text), "dispositions.form": ("Bentuk", text), "note": ("Catatan", text),
    "deadline_status": ("Tenggat", chosen(DEADLINE_STATUSES)), "document": ("Dokumen", text),
    "addressee": ("Penerima", text), "courier": ("Kurir", text), "case": ("Perkara", text),
    # calendar and settings changes
    "deadline_moved.deadline": ("Tenggat", deadline_kinds), "cancelled": ("Tenggat dihentikan", deadline_kinds),
    "day": ("Tanggal", day),
    # the same word in a particular place
    "extension.at": ("Waktu perpanjangan", moment), "notice.at": ("Waktu pemberitahuan", moment),
    "delivery.at": ("Waktu penyerahan", moment), "reaction.at": ("Waktu tanggapan pemohon", moment),
    "extension.late": ("Setelah batas pemberitahuan lewat", yes_no), "answer.late_days": ("Keterlambatan tanggapan", days_late),
    "notice.late_days": ("Keterlambatan pemberitahuan", days_late),
}

# The details of an SOP step as the history shows them.
FIELDS.update({
    "step_done.step": ("Kode langkah", text), "step_done.no": ("Langkah ke", text), "step_done.label": ("Langkah", text),
    "step_done.by": ("Oleh", text), "step_done.note": ("Catatan", text), "step_done.document": ("Dokumen", text),
    "step_done.late_minutes": ("Terlambat (menit)", text), "step_done.late_days": ("Terlambat (hari kerja)", text),
    "step_done.sop_version": ("Versi SOP", text), "step_done.expedition": ("Nomor ekspedisi", text),
    "registered.kind": ("Jenis", lambda value, _zone="": kind_label(str(value))),
    "registered.sop_version": ("Versi SOP", text),
    # a consultation's problems and a meeting's participants
    "problems.no": ("No", text), "problems.text": ("Permasalahan", text), "problems.noted_at": ("Dicatat", moment),
    "problems.answer": ("Jawaban", text), "problems.answered_at": ("Dijawab", moment), "problems.by": ("Oleh", text),
    "problems.escalated": ("Dieskalasi", yes_no), "problems.escalated_at": ("Waktu eskalasi", moment),
    "problems.provincial_answer": ("Jawaban Helpdesk KPU Provinsi", text), "problems.provincial_at": ("Dijawab provinsi", moment),
    "participants.name": ("Nama", text), "participants.institution": ("Instansi", text),
    "participants.invited_at": ("Diundang", moment), "participants.attended_at": ("Hadir", moment),
    "participants.attended": ("Hadir", yes_no),
})

# Internal keys never shown to a person (ids, flags already said in words, codes repeated as labels),
# and fields that repeat what their place says ('container.key': a disposition's own case, …).
HIDDEN = {"id", "parent_id", "disposition_id", "open", "decision_label", "case_id",
          "dispositions.case", "dispositions.oral", "expedition.case"}

SECTION_TITLES = {
    "form": "Isian", "steps": "Langkah SOP", "next_steps": "Langkah berikutnya",
    "problems": "Permasalahan dan jawaban", "participants": "Peserta rapat",
    "request": "Isian permohonan", "extension": "Perpanjangan", "notice": "Pemberitahuan tertulis",
    "delivery": "Penyerahan informasi", "objection": "Keberatan", "exemption": "Uji konsekuensi",
    "objections": "Keberatan atas permohonan ini", "exemptions": "Uji konsekuensi atas permohonan ini",
    "dispositions": "Disposisi", "expedition": "Buku ekspedisi", "parent": "Perkara induk", "related": "Perkara terkait",
}
TABLE_AT_MOST = 5  # a list whose records have this many fields or fewer is a table; longer ones are blocks


def label_of(key: str, container: str = "") -> str:
    """The Indonesian label of a field (its key, as a last resort, for a field nobody labelled yet)."""
    entry = FIELDS.get(f"{container}.{key}") or FIELDS.get(key)
    return entry[0] if entry else key


def value_of(key: str, value: Any, container: str = "", zone: str = "") -> str:
    """A stored value as text for people; nested records are flattened to 'label: value; …'."""
    if isinstance(value, dict):
        return "; ".join(f"{label_of(k, key)}: {value_of(k, v, key, zone)}" for k, v in _shown(value))
    if isinstance(value, list) and value and isinstance(value[0], dict) and key not in ("grounds", "exemptions"):
        return "; ".join(" · ".join(value_of(k, v, key, zone) for k, v in _shown(item)) for item in value)
    entry = FIELDS.get(f"{container}.{key}") or FIELDS.get(key)
    if isinstance(value, bool) and entry is None:
        return yes_no(value)
    return entry[1](value, zone) if entry else str(value)


def _shown(record: dict[str, Any], container: str = "") -> list[tuple[str, Any]]:
    """The fields of a record worth showing: not hidden (anywhere, or in this container), not empty."""
    return [(k, v) for k, v in record.items()
            if k not in HIDDEN and f"{container}.{k}" not in HIDDEN and v not in ("", None, [], {})]


def record_rows(record: dict[str, Any], container: str, zone: str) -> list[tuple[str, str]]:
    """A record as (label, value) rows; a nested record's fields become rows of their own."""
    rows: list[tuple[str, str]] = []
    for key, value in _shown(record, container):
        if isinstance(value, dict):
            rows += record_rows(value, key, zone)
        elif isinstance(value, list) and value and isinstance(value[0], dict) and key not in ("grounds", "exemptions"):
            items = [" · ".join(value_of(k, v, key, zone) for k, v in _shown(item)) for item in value]
            rows += [(label_of(key, container) if i == 0 else "", item) for i, item in enumerate(items)]
        else:
            rows.append((label_of(key, container), value_of(key, value, container, zone)))
    return rows


def data_section(key: str, value: Any, zone: str) -> Section:
    """One part of `show` data as a section: a record → rows, a list of short records → a table,
    a list of longer records → rows, one block per record."""
    section = Section(SECTION_TITLES.get(key, key))
    if isinstance(value, dict):
        section.rows = record_rows(value, key, zone)
    elif value and all(isinstance(item, dict) for item in value):
        keys = [k for k in value[0] if k not in HIDDEN and f"{key}.{k}" not in HIDDEN]
        if len(keys) <= TABLE_AT_MOST:
            section.headers = [label_of(k, key) for k in keys]
            section.table = [[value_of(k, item.get(k), key, zone) if item.get(k) not in ("", None) else ""
                              for k in keys] for item in value]
        else:
            for i, item in enumerate(value):
                section.rows += ([("", "")] if i else []) + record_rows(item, key, zone)
    else:
        section.rows = [("", value_of(key, value, "", zone))]
    return section


FRAME_KEYS = {"number", "kind", "status", "profile", "received_at", "day0", "officer", "void_reason", "zone",
              "deadlines", "events"}


def case_sheet(story: dict[str, Any]) -> Sheet:
    """The whole of `kpudesk show` for a person: heading, the case's sections, deadlines, history."""
    zone = str(story.get("zone") or "")
    heading = [f"{story['number']} — {kind_label(story['kind'])}, {CASE_STATUSES.label(story['status'])}",
               f"Diterima {moment(story['received_at'], zone)} · hari ke-0 {day(story['day0'])} · "
               f"{PROFILE_LABELS.get(story['profile'], story['profile'])}"
               + (f" · dicatat oleh {story['officer']}" if story.get("officer") else "")]
    if story.get("void_reason"):
        heading.append(f"Alasan pembatalan: {story['void_reason']}")
    ordered = [k for k in SECTION_TITLES if story.get(k)] + [
        k for k in story if k not in SECTION_TITLES and k not in FRAME_KEYS and story.get(k)]
    special = {"form": lambda: form_section(story["kind"], story["form"], zone),
               "steps": lambda: steps_section(story["steps"], zone),
               "next_steps": lambda: next_steps_section(story["next_steps"])}
    sections = [special[key]() if key in special else data_section(key, story[key], zone) for key in ordered]
    sections += [deadline_section(story["deadlines"]), history_section(story["events"], zone)]
    return Sheet(heading, sections)


def form_section(kind: str, form: dict[str, Any], zone: str) -> Section:
    """The form of a registry-declared kind, labelled by the kind's own field declarations."""
    from kpudesk import kinds

    spec = kinds.find_kind(kind)
    fields = {f.name: f for f in spec.fields} if spec else {}
    rows = []
    for key, value in form.items():
        if value in ("", None, [], {}, 0) and not isinstance(value, bool) or value is False:
            continue
        field_ = fields.get(key)
        shown = day(value) if field_ is not None and field_.type == "date" else yes_no(value) if isinstance(value, bool) else str(value)
        rows.append((field_.label if field_ else key, shown))
    return Section("Isian", rows=rows)


def late_text(record: dict[str, Any]) -> str:
    """'terlambat 45 menit', 'terlambat 2 hari kerja', 'sisa 10 menit', 'tepat waktu' for a step or a clock."""
    if record.get("late_minutes"):
        return f"terlambat {record['late_minutes']} menit"
    if record.get("late_days"):
        return f"terlambat {record['late_days']} hari kerja"
    if record.get("minutes_left") is not None:
        return f"sisa {record['minutes_left']} menit"
    if record.get("days_left") is not None:
        return f"sisa {record['days_left']} hari kerja"
    return "tepat waktu" if record.get("due") or record.get("due_at") else ""


def steps_section(steps: list[dict[str, Any]], zone: str) -> Section:
    """The SOP steps done: when, by whom, the standard, the limit and how late, the SOP version."""
    rows = [[str(s["no"]), s["label"], moment(s["done_at"], zone), s["by"], s["standard"],
             moment(s["due_at"], zone) if s.get("due_at") else day(s["due"]) if s.get("due") else "",
             late_text(s), str(s["sop_version"])] for s in steps]
    return Section("Langkah SOP", headers=["No", "Langkah", "Selesai", "Oleh", "Mutu baku", "Batas", "Keadaan",
                                           "Versi SOP"], table=rows)


def next_steps_section(steps: list[dict[str, Any]]) -> Section:
    rows = [[str(s["no"]), s["step"], s["label"] + (" (bila perlu)" if s["optional"] else ""), s["responsible"],
             s["standard"]] for s in steps]
    return Section("Langkah berikutnya", headers=["No", "Kode", "Langkah", "Pelaksana", "Mutu baku"], table=rows)


def _clock_length(d: dict[str, Any]) -> str:
    """'10 hari kerja', '7 hari kalender', '30 menit', 'hari ke-3' (an SOP's day N of the flow)."""
    if d["unit"] == "minutes":
        return f"{d['amount']} menit"
    if d["kind"] == "step_day":
        return f"hari ke-{d['amount'] + 1}"
    return f"{d['amount']} {'hari kerja' if d['unit'] == 'working_days' else 'hari kalender'}"


def deadline_section(deadlines: list[dict[str, Any]]) -> Section:
    """The case's clocks: what, when due, how long, where it stands, who answers for it, on what basis."""
    rows = []
    for d in deadlines:
        standing = late_text(d) if d["status"] == "open" or d.get("late_minutes") or d.get("late_days") else ""
        length = _clock_length(d)
        due = f"{day(d['due'])} {d['due_at'][11:16].replace(':', '.')}" if d.get("due_at") else day(d["due"])
        rows.append([d["label"], due, length, DEADLINE_STATUSES.label(d["status"]), standing,
                     d["responsible"], d["basis"]])
    return Section("Tenggat", headers=["Tenggat", "Jatuh tempo", "Lama", "Status", "Keadaan", "Penanggung jawab",
                                       "Dasar"], table=rows)


# Fields of an event that its other columns already say (the moment, the case's own number).
EVENT_FRAME = {"at", "received_at", "number"}


def event_detail(action: str, detail: dict[str, Any], zone: str) -> str:
    """An event's details as 'Label: value; …' in words."""
    shown = [(k, v) for k, v in _shown(detail) if k not in EVENT_FRAME]
    return "; ".join(f"{label_of(k, action)}: {value_of(k, v, action, zone)}" for k, v in shown)


def history_section(events: list[dict[str, Any]], zone: str) -> Section:
    """The timeline: when it happened, when it was recorded and by whom, what, and its details."""
    rows = [[moment(e["at"], zone), moment(e["recorded_at"], zone), e["officer"] or "",
             EVENT_LABELS.get(e["action"], e["action"]), event_detail(e["action"], e["detail"], zone)] for e in events]
    return Section("Riwayat", headers=["Waktu", "Dicatat", "Petugas", "Peristiwa", "Rincian"], table=rows)
