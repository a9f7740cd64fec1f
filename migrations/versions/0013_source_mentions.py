"""sourcing that is not a registry source

A claim's unnamed sourcing ("officials said", "witnesses") and the new
names waiting for an editor's confirmation are kept on the claim, so
accepting a suggestion never adds to the shared registry by itself.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26 00:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'source_mentions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('claim_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('text', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.Enum('agency', 'monitor', 'analyst', 'official', 'government', 'organisation', 'publication', 'person', 'document', name='sourcekind', native_enum=False, create_constraint=True, length=32), nullable=False),
        sa.Column('status', sa.Enum('unnamed', 'proposed', name='mentionstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ['claim_id'], ['claims.id'], name=op.f('fk_source_mentions_claim_id_claims'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_source_mentions')),
    )
    op.create_index(op.f('ix_source_mentions_claim_id'), 'source_mentions', ['claim_id'])


def downgrade():
    op.drop_index(op.f('ix_source_mentions_claim_id'), table_name='source_mentions')
    op.drop_table('source_mentions')
