"""Registration numbers: issued inside the case's own transaction, unique and gapless per kind and year."""

from datetime import date

from kpudesk.config import MAX_NUMBER_LENGTH, render_number
from kpudesk.errors import Refused
from kpudesk.models import NumberSequence
from kpudesk.services.desk import Desk


def issue_number(desk: Desk, kind: str, day: date) -> tuple[int, str]:
    """Take the next sequence number of `kind` for `day`'s year and render the office template.

    The write transaction is BEGIN IMMEDIATE (see store), so two desks never read the same `last`.
    """
    row = desk.session.get(NumberSequence, (kind, day.year))
    if row is None:
        row = NumberSequence(kind=kind, year=day.year, last=0)
    row.last += 1
    desk.session.add(row)
    number = render_number(desk.profile.template(kind), kind=kind, seq=row.last, office=desk.profile.code,
                           year=day.year, month=day.month)
    if len(number) > MAX_NUMBER_LENGTH:  # a template stored before templates were checked
        raise Refused(f"Nomor {kind} '{number[:40]}…' melebihi {MAX_NUMBER_LENGTH} karakter; perbaiki templatnya "
                      "dengan: kpudesk init --template.")
    return row.last, number
