"""transactional outbox: claims of handled events, outbox rows, dead letters

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 15:40:00
"""

import sqlalchemy as sa
from alembic import op

from storage.tables import UTCDateTime

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'claims',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('key_hash'),
    )
    op.create_index('ix_claims_created_at', 'claims', ['created_at'])
    op.create_table(
        'outbox',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('platform', sa.String(length=32), nullable=False),
        sa.Column('conversation', sa.String(length=64), nullable=False),
        sa.Column('key', sa.String(length=32), nullable=False),
        sa.Column('message_enc', sa.LargeBinary(), nullable=False),
        sa.Column('tries', sa.Integer(), nullable=False),
        sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('key'),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_outbox_platform', 'outbox', ['platform'])
    op.create_table(
        'dead_letters',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('ref', sa.String(length=16), nullable=False),
        sa.Column('source', sa.String(length=32), nullable=False),
        sa.Column('reason', sa.String(length=64), nullable=False),
        sa.Column('tries', sa.Integer(), nullable=False),
        sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('ref'),
    )


def downgrade() -> None:
    op.drop_table('dead_letters')
    op.drop_index('ix_outbox_platform', table_name='outbox')
    op.drop_table('outbox')
    op.drop_index('ix_claims_created_at', table_name='claims')
    op.drop_table('claims')
