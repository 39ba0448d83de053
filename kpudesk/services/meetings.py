"""Coordination and working meetings, rakor/raker (seed 003, DOMAIN.md §8).

A meeting runs the step engine (kpudesk/sop/meeting.toml) from the pleno's order to the activity
report. The report is due 1 working day after the meeting ends: its clock is opened when the
meeting is registered (from --end, or --start), so `overdue` watches it even when the steps
before it were never recorded. Invitations are expedition-book entries; attendance is a list.
"""

import json
from datetime import datetime, time

from sqlalchemy import func
from sqlmodel import col, select

from kpudesk.errors import InvalidInput, Refused
from kpudesk.models import Case, MeetingParticipant
from kpudesk.services.cases import find_case, is_finished
from kpudesk.services.desk import Desk, action_moment
from kpudesk.services.events import record_event
from kpudesk.services.validation import clean_text
from kpudesk.sop import StepPolicy

MAX_PARTICIPANTS = 2000


def meeting_end(case: Case) -> datetime:
    """When the meeting ends (office time): its --end, else its --start."""
    form = json.loads(case.form or "{}")
    return datetime.fromisoformat(str(form.get("end") or form["start"]))


def step_policy(desk: Desk, case: Case, done: list[str]) -> StepPolicy:
    """The report's clock runs from the day the meeting ends (the next working day when it ends on
    a day off), from registration on."""
    ended = desk.calendar.day_zero(meeting_end(case).date())
    return StepPolicy(starts={"report": datetime.combine(ended, time.min)})


def _meeting(desk: Desk, number: str) -> Case:
    case = find_case(desk, number, "meeting")
    if is_finished(case):
        raise Refused(f"Rapat {case.number} sudah selesai; undangan dan daftar hadir tidak dapat diubah lagi.")
    return case


def _participants(desk: Desk, case_id: int) -> list[MeetingParticipant]:
    query = select(MeetingParticipant).where(MeetingParticipant.case_id == case_id)
    return list(desk.session.exec(query.order_by(col(MeetingParticipant.id))))


def _find_participant(desk: Desk, case_id: int, name: str) -> MeetingParticipant | None:
    query = select(MeetingParticipant).where(MeetingParticipant.case_id == case_id,
                                             func.lower(MeetingParticipant.name) == name.lower())
    return desk.session.exec(query).first()


def invite(desk: Desk, number: str, *, to: str, institution: str | None, via: str | None,
           at: datetime | None = None) -> dict[str, object]:
    """Send an invitation: an expedition-book entry to the invitee, and the invitee on the list."""
    from kpudesk.services.expedition import add_entry

    case = _meeting(desk, number)
    name = clean_text(to, "Nama undangan (--to)", required=True)
    where = clean_text(institution, "Instansi (--institution)")
    if _find_participant(desk, case.id, name) is not None:  # type: ignore[arg-type]
        raise Refused(f"{name} sudah diundang ke rapat {case.number}.")
    if len(_participants(desk, case.id)) >= MAX_PARTICIPANTS:  # type: ignore[arg-type]
        raise Refused(f"Rapat {case.number} sudah memiliki {MAX_PARTICIPANTS} peserta.")
    moment = action_moment(desk, at, True, (desk.to_local(case.received_at), "rapat didaftarkan"), "Waktu kirim undangan")
    form = json.loads(case.form or "{}")
    entry = add_entry(desk, document=f"Undangan {str(form.get('type', 'rapat')).capitalize()}: {case.subject}",
                      addressee=f"{name}, {where}" if where else name, sent_local=moment, case=case, courier=via or "")
    person = MeetingParticipant(case_id=case.id, name=name, institution=where, expedition_id=entry.id,  # type: ignore[arg-type]
                                invited_at=desk.to_utc(moment), officer=desk.officer)
    desk.session.add(person)
    desk.session.flush()
    return {**participant_dict(desk, person), "number": case.number, "expedition": entry.number}


def attend(desk: Desk, number: str, name: str, *, institution: str | None = None,
           at: datetime | None = None) -> dict[str, object]:
    """Mark a participant present (one not invited is added to the list); once only."""
    case = _meeting(desk, number)
    clean = clean_text(name, "Nama peserta", required=True)
    person = _find_participant(desk, case.id, clean)  # type: ignore[arg-type]
    if person is not None and person.attended_at is not None:
        raise Refused(f"{person.name} sudah tercatat hadir di rapat {case.number}.")
    start = datetime.fromisoformat(str(json.loads(case.form or "{}")["start"]))
    moment = action_moment(desk, at, True, None, "Waktu hadir")
    if moment.date() < start.date():
        raise InvalidInput(f"Waktu hadir {moment:%Y-%m-%d %H:%M} sebelum hari rapat ({start:%Y-%m-%d}).")
    if person is None:
        person = MeetingParticipant(case_id=case.id, name=clean, officer=desk.officer,  # type: ignore[arg-type]
                                    institution=clean_text(institution, "Instansi (--institution)"))
    person.attended_at = desk.to_utc(moment)
    desk.session.add(person)
    desk.session.flush()
    record_event(desk, "attended", case_id=case.id, name=person.name, at=moment.isoformat(timespec="minutes"))
    return {**participant_dict(desk, person), "number": case.number}


def participant_dict(desk: Desk, person: MeetingParticipant) -> dict[str, object]:
    def stamp(moment: datetime | None) -> str | None:
        return desk.to_local(moment).isoformat(timespec="minutes") if moment else None

    return {"name": person.name, "institution": person.institution, "invited_at": stamp(person.invited_at),
            "attended_at": stamp(person.attended_at), "attended": person.attended_at is not None}


def story_section(desk: Desk, case: Case, *, unmask: bool) -> dict[str, object]:
    """The meeting's participants (invited, present), for `show`."""
    return {"participants": [participant_dict(desk, p) for p in _participants(desk, case.id)]}  # type: ignore[arg-type]
