"""superseded verdicts: a partial index

The sign-off blockers count claims reworded since their verdict ("a
superseded verdict and no current one"). Superseded verdicts are few; this
index lets the count start from them instead of scanning every verdict.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-26 03:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        'ix_verdicts_superseded_claim_id', 'verdicts', ['claim_id'],
        postgresql_where=sa.text('superseded_at IS NOT NULL'),
        sqlite_where=sa.text('superseded_at IS NOT NULL'),
    )


def downgrade():
    op.drop_index('ix_verdicts_superseded_claim_id', table_name='verdicts')
