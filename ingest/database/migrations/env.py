"""Alembic's environment: run on the connection :func:`ingest.database.core.migrate` passes in
(no alembic.ini; the URL comes from the settings)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
