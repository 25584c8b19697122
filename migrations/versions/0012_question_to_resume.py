"""the question the safety question interrupted, asked again once it is answered

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27 19:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('resume_dialog', sa.String(length=16), nullable=False, server_default='')
        )


def downgrade() -> None:
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_column('resume_dialog')
