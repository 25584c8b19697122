"""roster in the database; audit subject

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 15:40:00
"""

import sqlalchemy as sa
from alembic import op

from storage.tables import UTCDateTime

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'roster_members',
        sa.Column('listener_id', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=128), nullable=False),
        sa.Column('teams', sa.String(length=2000), nullable=False),
        sa.Column('addresses', sa.String(length=2000), nullable=False),
        sa.Column('coordinator', sa.Boolean(), nullable=False),
        sa.Column('listens', sa.Boolean(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('removed', sa.Boolean(), nullable=False),
        sa.Column('origin', sa.String(length=8), nullable=False),
        sa.Column('edited', sa.Boolean(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('listener_id'),
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject', sa.String(length=80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_column('subject')
    op.drop_table('roster_members')
