"""Dispositions (disposisi, seeds 000 and 002): instructions about a case from one position to another.

A disposition is oral or written, may carry its own clock (N working days from the day it was
given) and may be passed on: a Kasubag who received one from the Sekretaris disposes it further,
and the new disposition points to the one it came from (parent_id).
"""

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlmodel import col, select

from kpudesk.choices import ROLES
from kpudesk.errors import InvalidInput, NotFound, Refused
from kpudesk.labels import STATUS_LABELS, label
from kpudesk.models import Case, Deadline, Disposition
from kpudesk.rules import DEFAULT_ROLES, Rule
from kpudesk.services.cases import find_case
from kpudesk.services.deadlines import close_deadline, open_deadline
from kpudesk.services.desk import Desk, action_moment
from kpudesk.services.events import record_event
from kpudesk.services.validation import clean_text

# The officials who give and receive dispositions; the requester is not one of them.
POSITION_KEYS = tuple(key for key in DEFAULT_ROLES if key != "requester")
# The instructions printed on the disposition sheet (lembar disposisi, DOMAIN.md §9), with the
# English words also accepted.
SHEET_ACTIONS = {
    "tanggapi-dan-saran": ("Tanggapi dan saran", "respond"),
    "proses-lebih-lanjut": ("Proses lebih lanjut", "process"),
    "koordinasikan": ("Koordinasikan", "coordinate"),
    "pelajari": ("Pelajari", "study"),
    "wakili-hadiri": ("Wakili/hadiri", "attend"),
    "pantau": ("Pantau", "monitor"),
    "arsip": ("Arsip", "archive"),
}


def sheet_actions(values: Sequence[str]) -> list[str]:
    """The sheet's instructions typed in Indonesian or English → their codes; InvalidInput naming the list."""
    codes = []
    for value in values:
        key = value.strip().lower().replace(" ", "-").replace("/", "-").replace("_", "-")
        code = next((c for c, (text, english) in SHEET_ACTIONS.items()
                     if key in (c, english, text.lower().replace(" ", "-").replace("/", "-"))), None)
        if code is None:
            raise InvalidInput(f"Arahan '{value}' (--action) tidak dikenal; pilih: {', '.join(SHEET_ACTIONS)}.")
        codes.append(code)
    return list(dict.fromkeys(codes))


# A case in one of these states takes no new disposition.
FINISHED_STATUSES = ("closed", "void", "withdrawn")
MAX_WITHIN = 366


def _normal(text: str) -> str:
    return " ".join(text.split()).lower()


def position_titles(desk: Desk) -> dict[str, str]:
    """Role key → the office's title for it, for every position a disposition may name."""
    return {key: desk.profile.role(key) for key in POSITION_KEYS}


def resolve_position(desk: Desk, text: str | None, option: str = "--to") -> str:
    """The office's title for a position typed as a title (any case) or a role key."""
    titles = position_titles(desk)
    wanted, key_typed = _normal(text or ""), ROLES.find(text)
    for key, title in titles.items():
        if wanted == _normal(title) or key == key_typed:
            return title
    raise InvalidInput(
        f"Jabatan '{text}' ({option}) tidak dikenal; gunakan salah satu: {', '.join(titles.values())} "
        f"(atau perannya, mis. ppid, kasubag-teknis)."
    )


def role_key(desk: Desk, title: str) -> str:
    """The role key of a title (the title itself when the office renamed it since)."""
    return next((key for key, t in position_titles(desk).items() if t == title), title)


def _stamp(desk: Desk, moment: datetime | None) -> str | None:
    return desk.to_local(moment).isoformat(timespec="minutes") if moment else None


def _said(desk: Desk, moment: datetime | None) -> str:
    """A stored moment for a message: 'Senin, 16 Maret 2026 10.00 WITA'."""
    return desk.said(desk.to_local(moment)) if moment else ""


def _deadlines_of(desk: Desk, ids: Iterable[int]) -> dict[int, Deadline]:
    """The clock of each disposition (the latest, should one have several)."""
    query = select(Deadline).where(col(Deadline.disposition_id).in_(list(ids))).order_by(Deadline.id)
    return {d.disposition_id: d for d in desk.session.exec(query) if d.disposition_id is not None}


def disposition_dict(desk: Desk, row: Disposition, number: str, deadline: Deadline | None) -> dict[str, object]:
    """A disposition as plain data for JSON and tables (moments in office time)."""
    return {
        "id": row.id, "case": number, "parent_id": row.parent_id,
        "from": row.from_position, "to": row.to_position, "instruction": row.instruction,
        "oral": row.oral, "form": "lisan" if row.oral else "tertulis", "copy": row.for_information,
        "actions": [SHEET_ACTIONS[a][0] for a in row.actions.split(",") if a in SHEET_ACTIONS],
        "created_at": _stamp(desk, row.created_at), "accepted_at": _stamp(desk, row.accepted_at),
        "done_at": _stamp(desk, row.done_at), "note": row.note, "officer": row.officer,
        "open": row.done_at is None,
        "due": deadline.due.isoformat() if deadline else None,
        "deadline_status": deadline.status if deadline else None,
        "late_days": deadline.late_days if deadline else None,
    }


def _dispositions_to(desk: Desk, case_id: int, position: str) -> list[Disposition]:
    """The case's dispositions to a position, latest first."""
    query = (select(Disposition).where(Disposition.case_id == case_id, Disposition.to_position == position)
             .order_by(col(Disposition.created_at).desc(), col(Disposition.id).desc()))
    return list(desk.session.exec(query))


def _receivers(desk: Desk, to: Sequence[str], sender: str) -> list[str]:
    """The --to titles, once each, none of them the sender."""
    if not to:
        raise InvalidInput("Tujuan disposisi belum diisi: berikan --to JABATAN (boleh berulang).")
    receivers = list(dict.fromkeys(resolve_position(desk, text, "--to") for text in to))
    if sender in receivers:
        raise InvalidInput(f"Disposisi dari {sender} kepada {sender} sendiri tidak dapat dicatat; periksa --by dan --to.")
    return receivers


def add_dispositions(desk: Desk, number: str, *, to: Sequence[str], by: str, instruction: str | None,
                     oral: bool = False, within: int | None = None, at: datetime | None = None,
                     copies: Sequence[str] = (), actions: Sequence[str] = ()) -> list[dict[str, object]]:
    """Dispose a case from `by` to each position in `to` (one row each), with a clock when `within` is
    given; `copies` receive it for information only (no clock), as on the disposition sheet."""
    case = find_case(desk, number)
    sender = resolve_position(desk, by, "--by")
    receivers = _receivers(desk, to, sender)
    copied = [p for p in dict.fromkeys(resolve_position(desk, text, "--copy") for text in copies) if p not in receivers]
    ticked = sheet_actions(actions)
    text = clean_text(instruction, "Isi disposisi (--instruction)", long=True, required=not ticked)
    text = text or ", ".join(SHEET_ACTIONS[a][0] for a in ticked)
    if within is not None and not 0 <= within <= MAX_WITHIN:
        raise InvalidInput(f"--within {within} di luar jangkauan; gunakan 0–{MAX_WITHIN} hari kerja.")
    if case.status in FINISHED_STATUSES:
        raise Refused(f"Perkara {case.number} berstatus {label(STATUS_LABELS, case.status).lower()}; "
                      "disposisi hanya dapat diberikan pada perkara yang masih berjalan.")
    # has_time True throughout this module: a bare --at date reads as midnight here, as it always has.
    moment = action_moment(desk, at, True, (desk.to_local(case.received_at), "waktu perkara diterima"),
                           "Waktu disposisi")
    # The chain: the sender passes on the latest open disposition it had received by then.
    parent = next((d for d in _dispositions_to(desk, case.id, sender)
                   if d.done_at is None and desk.to_local(d.created_at) <= moment), None)
    if parent is not None and parent.accepted_at is None:
        # Passing a disposition on is receiving it: the chain would otherwise show it as never accepted.
        parent.accepted_at = desk.to_utc(moment)
        desk.session.add(parent)
        record_event(desk, "disposition_accepted", case_id=case.id, disposition_id=parent.id, to_position=sender,
                     at=moment.isoformat(timespec="minutes"), passed_on=True)
    rows = [_add_one(desk, case, parent, sender, receiver, text, oral, within, moment, ticked) for receiver in receivers]
    return rows + [_add_one(desk, case, parent, sender, p, text, oral, None, moment, ticked, copy=True) for p in copied]


def _add_one(desk: Desk, case: Case, parent: Disposition | None, sender: str, receiver: str, text: str,
             oral: bool, within: int | None, moment: datetime, actions: list[str], *, copy: bool = False) -> dict[str, object]:
    row = Disposition(case_id=case.id, parent_id=parent.id if parent else None, from_position=sender,
                      to_position=receiver, instruction=text, oral=oral, created_at=desk.to_utc(moment),
                      officer=desk.officer, for_information=copy, actions=",".join(actions))
    desk.session.add(row)
    desk.session.flush()
    deadline = None
    if within is not None:
        start = desk.calendar.day_zero(moment, desk.profile.closing)
        rule = Rule(within, True, f"Disposisi {sender}", role_key(desk, receiver))
        deadline = open_deadline(desk, case, "disposition", start, rule, responsible=receiver, disposition_id=row.id)
    record_event(desk, "disposition_added", case_id=case.id, disposition_id=row.id, parent_id=row.parent_id,
                 from_position=sender, to_position=receiver, instruction=text, oral=oral, copy=copy, actions=actions,
                 at=moment.isoformat(timespec="minutes"), due=deadline.due if deadline else None)
    return disposition_dict(desk, row, case.number, deadline)


def _open_to(desk: Desk, case: Case, position: str) -> list[Disposition]:
    """The case's open dispositions to a position, latest first; NotFound / Refused when there are none."""
    rows = _dispositions_to(desk, case.id, position)
    if not rows:
        raise NotFound(f"Tidak ada disposisi kepada {position} pada perkara {case.number}; "
                       f"lihat: kpudesk disposition list --position \"{position}\".")
    still_open = [d for d in rows if d.done_at is None]
    if not still_open:
        raise Refused(f"Disposisi kepada {position} pada perkara {case.number} sudah selesai "
                      f"({_said(desk, rows[0].done_at)}); tidak ada yang masih terbuka.")
    return still_open


def accept_disposition(desk: Desk, number: str, *, position: str, at: datetime | None = None) -> dict[str, object]:
    """Stamp the latest open, not yet accepted disposition to `position` as received."""
    case = find_case(desk, number)
    receiver = resolve_position(desk, position, "--position")
    still_open = _open_to(desk, case, receiver)
    row = next((d for d in still_open if d.accepted_at is None), None)
    if row is None:
        raise Refused(f"Disposisi kepada {receiver} pada perkara {case.number} sudah diterima "
                      f"({_said(desk, still_open[0].accepted_at)}).")
    moment = action_moment(desk, at, True, (desk.to_local(row.created_at), "waktu disposisi"), "Waktu diterima")
    row.accepted_at = desk.to_utc(moment)
    desk.session.add(row)
    record_event(desk, "disposition_accepted", case_id=case.id, disposition_id=row.id, to_position=receiver,
                 at=moment.isoformat(timespec="minutes"))
    return disposition_dict(desk, row, case.number, _deadlines_of(desk, [row.id]).get(row.id))


def complete_disposition(desk: Desk, number: str, *, position: str, note: str,
                         at: datetime | None = None) -> dict[str, object]:
    """Mark the latest open disposition to `position` done; its clock closes as met, with days late."""
    case = find_case(desk, number)
    receiver = resolve_position(desk, position, "--position")
    text = clean_text(note, "Catatan tindak lanjut (--note)", long=True, required=True)
    row = _open_to(desk, case, receiver)[0]
    after = (desk.to_local(row.accepted_at or row.created_at),
             "waktu disposisi diterima" if row.accepted_at else "waktu disposisi")
    moment = action_moment(desk, at, True, after, "Waktu selesai")
    row.done_at, row.note = desk.to_utc(moment), text
    desk.session.add(row)
    deadline = _deadlines_of(desk, [row.id]).get(row.id)
    late = close_deadline(desk, deadline, moment.date()) if deadline and deadline.status == "open" else None
    record_event(desk, "disposition_done", case_id=case.id, disposition_id=row.id, to_position=receiver,
                 note=text, at=moment.isoformat(timespec="minutes"), late_days=late)
    return disposition_dict(desk, row, case.number, deadline)


def list_dispositions(desk: Desk, *, position: str | None = None, open_only: bool = False,
                      case_number: str | None = None) -> list[dict[str, object]]:
    """Dispositions (to `position` when given; of one case with `case_number`; not yet done with
    `open_only`), oldest first."""
    query = select(Disposition, Case.number).join(Case, Case.id == Disposition.case_id)
    if case_number is not None:
        query = query.where(Disposition.case_id == find_case(desk, case_number).id)
    if position:
        query = query.where(Disposition.to_position == resolve_position(desk, position, "--position"))
    if open_only:
        query = query.where(col(Disposition.done_at).is_(None))
    rows = list(desk.session.exec(query.order_by(Disposition.created_at, Disposition.id)))
    deadlines = _deadlines_of(desk, [row.id for row, _ in rows])
    return [disposition_dict(desk, row, number, deadlines.get(row.id)) for row, number in rows]


def story_section(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """The case's dispositions for `kpudesk show` ({} when it has none)."""
    query = select(Disposition).where(Disposition.case_id == case.id).order_by(Disposition.created_at, Disposition.id)
    rows = list(desk.session.exec(query))
    if not rows:
        return {}
    deadlines = _deadlines_of(desk, [row.id for row in rows])
    return {"dispositions": [disposition_dict(desk, row, case.number, deadlines.get(row.id)) for row in rows]}
