"""articles: the import form's one-time key, so a resubmitted form makes one article

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 01:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('import_key', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_articles_import_key'), ['import_key'])


def downgrade():
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_articles_import_key'), type_='unique')
        batch_op.drop_column('import_key')
