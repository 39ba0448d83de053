"""Registration numbers: issued inside the case's own transaction, unique and gapless per kind and year."""

from datetime import date

from kpudesk.models import NumberSequence
from kpudesk.services.desk import Desk
from kpudesk.textfmt import roman_month


def issue_number(desk: Desk, kind: str, day: date) -> tuple[int, str]:
    """Take the next sequence number of `kind` for `day`'s year and render the office template.

    The write transaction is BEGIN IMMEDIATE (see store), so two desks never read the same `last`.
    """
    row = desk.session.get(NumberSequence, (kind, day.year))
    if row is None:
        row = NumberSequence(kind=kind, year=day.year, last=0)
    row.last += 1
    desk.session.add(row)
    number = desk.profile.template(kind).format(
        seq=row.last, office=desk.profile.code, month_roman=roman_month(day.month),
        month=day.month, year=day.year, kind=kind,
    )
    return row.last, number
