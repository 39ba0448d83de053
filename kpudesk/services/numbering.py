"""Registration numbers: issued inside the case's own transaction, unique and gapless per kind and year."""

from datetime import date

from sqlalchemy.dialects import postgresql, sqlite

from kpudesk.config import MAX_NUMBER_LENGTH, render_number
from kpudesk.errors import Refused
from kpudesk.models import NumberSequence
from kpudesk.services.desk import Desk

_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def next_sequence(desk: Desk, kind: str, year: int) -> int:
    """Bump the (kind, year) counter row and return its new value, in the case's transaction.

    One atomic INSERT … ON CONFLICT DO UPDATE … RETURNING: on PostgreSQL (READ COMMITTED) the row
    stays locked until the case commits, so a second desk waits and then reads the bumped value;
    on SQLite the writer already holds the file's write lock (BEGIN IMMEDIATE). A rolled-back
    case gives its number back, which a database sequence would not.
    """
    insert = _INSERT[desk.session.get_bind().dialect.name]
    statement = insert(NumberSequence).values(kind=kind, year=year, last=1)
    statement = statement.on_conflict_do_update(
        index_elements=["kind", "year"], set_={"last": NumberSequence.last + 1}
    ).returning(NumberSequence.last)
    return int(desk.session.execute(statement).scalar_one())


def issue_number(desk: Desk, kind: str, day: date) -> tuple[int, str]:
    """Take the next sequence number of `kind` for `day`'s year; returns it with the rendered office template."""
    seq = next_sequence(desk, kind, day.year)
    number = render_number(desk.profile.template(kind), kind=kind, seq=seq, office=desk.profile.code,
                           year=day.year, month=day.month)
    if len(number) > MAX_NUMBER_LENGTH:  # a template stored before templates were checked
        raise Refused(f"Nomor {kind} '{number[:40]}…' melebihi {MAX_NUMBER_LENGTH} karakter; perbaiki templatnya "
                      "dengan: kpudesk init --template.")
    return seq, number
