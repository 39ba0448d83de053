"""Alembic environment: wired to SQLModel's metadata; the engine comes from kpudesk.store."""

from alembic import context
from sqlalchemy import create_engine, text
from sqlmodel import SQLModel

import kpudesk.models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata
MIGRATION_LOCK = 0x6B707564  # "kpud": an advisory lock key of our own


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        # `db copy`: the schema is created inside the caller's transaction, with the rows.
        _run_on(given)
        return
    engine = config.attributes.get("engine") or create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        _run_on(connection)


def _run_on(connection) -> None:  # type: ignore[no-untyped-def]
    is_sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=is_sqlite,  # SQLite alters tables by copying them; PostgreSQL alters them
        compare_type=True,
    )
    with context.begin_transaction():
        if not is_sqlite:
            # Two desks opening an old store at once: the second waits here, then finds it upgraded
            # (on SQLite, BEGIN IMMEDIATE does the same).
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("kpudesk migrations run online only")
run_migrations_online()
