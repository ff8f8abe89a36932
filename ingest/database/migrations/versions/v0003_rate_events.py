"""Rate-limit events shared by every replica (the feedback votes of a session or an address).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),  # wall-clock seconds
    )
    op.create_index("rate_events_key", "rate_events", ["key", "at"])
    op.create_index("rate_events_at", "rate_events", ["at"])


def downgrade() -> None:
    op.drop_table("rate_events")
