"""kv keys kept encrypted (rotation) with their owner (erasure); one open case per requester

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 15:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OPEN_CASE = "state IN ('waiting', 'offered', 'accepted')"


def upgrade() -> None:
    with op.batch_alter_table("kv", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key_enc", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("owner_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_kv_owner_hash"), ["owner_hash"], unique=False)
    # Two open cases of one person (a race before this index) become one: the oldest stays.
    op.execute(
        f"UPDATE cases SET state = 'cancelled', ended_at = CURRENT_TIMESTAMP WHERE {OPEN_CASE} "
        f"AND id NOT IN (SELECT MIN(id) FROM cases WHERE {OPEN_CASE} GROUP BY requester_id)"
    )
    op.create_index(
        "one_open_case_per_requester",
        "cases",
        ["requester_id"],
        unique=True,
        sqlite_where=sa.text(OPEN_CASE),
        postgresql_where=sa.text(OPEN_CASE),
    )


def downgrade() -> None:
    op.drop_index("one_open_case_per_requester", table_name="cases")
    with op.batch_alter_table("kv", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kv_owner_hash"))
        batch_op.drop_column("owner_hash")
        batch_op.drop_column("key_enc")
