"""The catalog's run-time layer: sources added at run time and seed sources removed (formerly
``DATA_DIR/sources.yaml``), so that every replica lists the same sources.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalog_sources",
        sa.Column("source_id", sa.Text(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),  # the manifest entry, as JSON
    )
    op.create_table("catalog_removed", sa.Column("source_id", sa.Text(), primary_key=True))


def downgrade() -> None:
    op.drop_table("catalog_removed")
    op.drop_table("catalog_sources")
