"""Alembic environment: wired to SQLModel's metadata; the engine comes from kpudesk.store."""

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import kpudesk.models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite alters tables by copying them
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("kpudesk migrations run online only")
run_migrations_online()
