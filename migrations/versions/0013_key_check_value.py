"""a key check value: a wrong secret key is refused at start-up

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-28 10:00:00
"""

import sqlalchemy as sa
from alembic import op

import storage.tables

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value_enc", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", storage.tables.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("key_check")
