"""listener rest after heavy cases

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 16:00:00
"""

import sqlalchemy as sa
from alembic import op

from storage.tables import UTCDateTime

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('listener_states', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rest_until', UTCDateTime(), nullable=True))
        batch_op.add_column(
            sa.Column('heavy_streak', sa.Integer(), nullable=False, server_default='0')
        )


def downgrade() -> None:
    with op.batch_alter_table('listener_states', schema=None) as batch_op:
        batch_op.drop_column('heavy_streak')
        batch_op.drop_column('rest_until')
