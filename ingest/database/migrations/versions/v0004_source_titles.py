"""Each source's own title, as its last successful run read it (the staff desk lists sources by
title, an upload by its document's title rather than its file name).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("source_state", sa.Column("title", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("source_state", "title")
