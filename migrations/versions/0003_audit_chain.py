"""audit chain: event.hash and event.prev_hash, the audit_head row, and the chain of existing stores

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-23 17:00:00

Existing events are chained in id order; then one `state` event per case records what the case and
its deadlines hold now, so `kpudesk verify` has something to compare them with. Plain SQLAlchemy
Core over reflected tables: runs the same on SQLite and PostgreSQL.
"""
import json
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

from kpudesk.chain import GENESIS, STATE_ACTION, case_state, event_hash

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

PAGE = 5000


def upgrade() -> None:
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False,
                                      server_default=''))
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    bind = op.get_bind()
    tables = sa.MetaData()
    for name in ('event', 'case', 'deadline', 'audit_head'):
        sa.Table(name, tables, autoload_with=bind)
    record_case_states(bind, tables)
    chain_events(bind, tables)


def record_case_states(bind: sa.Connection, tables: sa.MetaData) -> None:
    """One `state` event per existing case: its row and its deadlines as they are now."""
    case, deadline, event = tables.tables['case'], tables.tables['deadline'], tables.tables['event']
    now = datetime.now(UTC)
    last = 0
    while True:
        rows = bind.execute(sa.select(case).where(case.c.id > last).order_by(case.c.id).limit(PAGE)).mappings().all()
        if not rows:
            return
        last = rows[-1]['id']
        children: dict[int, list[dict]] = {}
        for row in bind.execute(sa.select(deadline).where(deadline.c.case_id.between(rows[0]['id'], last))
                                .order_by(deadline.c.id)).mappings():
            children.setdefault(row['case_id'], []).append(dict(row))
        bind.execute(event.insert(), [
            {'case_id': row['id'], 'expedition_id': None, 'at': now, 'officer': '', 'action': STATE_ACTION,
             'detail': json.dumps(case_state(dict(row), {'deadlines': children.get(row['id'], [])}),
                                  ensure_ascii=False, sort_keys=True), 'prev_hash': '', 'hash': ''}
            for row in rows])


def chain_events(bind: sa.Connection, tables: sa.MetaData) -> None:
    """Hash every event in id order, each over the one before; the head points at the last."""
    event, head = tables.tables['event'], tables.tables['audit_head']
    previous, last, count = GENESIS, 0, 0
    while True:
        rows = bind.execute(sa.select(event).where(event.c.id > last).order_by(event.c.id).limit(PAGE)).mappings().all()
        if not rows:
            break
        links = []
        for row in rows:
            link = {'link_id': row['id'], 'link_prev': previous}
            previous = event_hash({**row, 'prev_hash': previous})
            links.append({**link, 'link_hash': previous})
        bind.execute(event.update().where(event.c.id == sa.bindparam('link_id'))
                     .values(prev_hash=sa.bindparam('link_prev'), hash=sa.bindparam('link_hash')), links)
        last, count = rows[-1]['id'], count + len(rows)
    bind.execute(head.insert().values(id=1, event_id=last, hash=previous, events=count))


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM event WHERE action = 'state'"))
    op.drop_table('audit_head')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
