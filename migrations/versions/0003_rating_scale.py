"""the rating scale as data, kept by managers

Revision ID: 0003
Revises: 53c8cc73a159
Create Date: 2026-11-25 11:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '53c8cc73a159'
branch_labels = None
depends_on = None

# Frozen copy of the default scale at the time of this migration.
DEFAULT_SCALE = [
    ("accurate", "Accurate", False, True),
    ("mostly_accurate", "Mostly accurate", False, True),
    ("needs_context", "Needs context", False, True),
    ("misleading", "Misleading", True, True),
    ("inaccurate", "Inaccurate", True, True),
    ("unverifiable", "Unverifiable", True, False),
]


def upgrade():
    table = op.create_table(
        'rating_levels',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=32), nullable=False),
        sa.Column('label', sa.String(length=60), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('needs_resolution', sa.Boolean(), nullable=False),
        sa.Column('scored', sa.Boolean(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_levels')),
        sa.UniqueConstraint('slug', name=op.f('uq_rating_levels_slug')),
    )
    op.bulk_insert(table, [
        {"slug": slug, "label": label, "description": "", "needs_resolution": needs,
         "scored": scored, "position": position, "active": True}
        for position, (slug, label, needs, scored) in enumerate(DEFAULT_SCALE, start=1)
    ])


def downgrade():
    op.drop_table('rating_levels')
