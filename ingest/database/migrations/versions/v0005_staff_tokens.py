"""Staff tokens valid on every replica: the secret that signs them (one random value, created by
the first process that needs it) and the tokens signed out before they expire.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_secrets",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "revoked_tokens",
        sa.Column("nonce", sa.String(64), primary_key=True),
        sa.Column("expires", sa.Float(), nullable=False),  # wall-clock seconds
    )
    op.create_index("revoked_tokens_expires", "revoked_tokens", ["expires"])


def downgrade() -> None:
    op.drop_table("revoked_tokens")
    op.drop_table("app_secrets")
