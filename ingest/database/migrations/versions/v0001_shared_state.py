"""Shared state: source state, refresh history, feedback, sign-in throttle, legacy imports.

A table an older version created (``state.sqlite`` used as the database) is adopted as it is.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _text(name: str, default: str | None = None) -> sa.Column[Any]:
    return sa.Column(name, sa.Text(), nullable=False, server_default=default)


def _int(name: str, default: str | None = None) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer(), nullable=False, server_default=default)


def _serial() -> sa.Column[Any]:
    return sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True)


def _columns(name: str) -> list[sa.Column[Any]]:
    tables: dict[str, list[sa.Column[Any]]] = {
        "source_state": [
            sa.Column("source_id", sa.Text(), primary_key=True),
            _text("location"),
            _text("status"),
            _text("reason", ""),
            _int("chunks", "0"),
            _text("last_fetch", ""),
        ],
        "refresh_runs": [
            _serial(),
            _text("started"),
            _text("trigger"),
            _text("outcome"),
            _text("summary"),
            _text("changes", ""),
        ],
        "feedback": [
            _serial(),
            _text("created_at"),
            _text("updated_at", ""),
            _int("rating"),
            _text("question"),
            _text("answer"),
            _text("sources"),
            _text("comment", ""),
            _text("answer_id", ""),
            _text("user_id", ""),
            _text("owner", ""),
        ],
        "login_throttle": [
            sa.Column("client", sa.String(200), primary_key=True),
            _int("failures", "0"),
            sa.Column("not_before", sa.Float(), nullable=False, server_default="0"),
            _int("locked", "0"),
        ],
        "legacy_imports": [
            sa.Column("key", sa.String(200), primary_key=True),
            _text("imported_at"),
        ],
    }
    return tables[name]


TABLES = ("source_state", "refresh_runs", "feedback", "login_throttle", "legacy_imports")


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    for name in TABLES:
        if name not in existing:
            op.create_table(name, *_columns(name))
    indexes = {i["name"] for i in sa.inspect(op.get_bind()).get_indexes("feedback")}
    if "feedback_user" not in indexes:
        op.create_index("feedback_user", "feedback", ["user_id", "answer_id"])


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)
