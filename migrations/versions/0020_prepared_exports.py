"""prepared exports: CSVs written by a background job

data_exports names each prepared CSV (the activity trail, every claim): its
filters, who asked, its rows and size, and when it expires. On PostgreSQL
the file itself is in stored_files, its bytes in stored_file_parts, about a
megabyte a row, so it is written and read without being held whole in
memory.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-26 02:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'stored_file_parts',
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ['name'], ['stored_files.name'],
            name=op.f('fk_stored_file_parts_name_stored_files'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('name', 'seq', name=op.f('pk_stored_file_parts')),
    )
    op.create_table(
        'data_exports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('filters', sa.JSON(), nullable=False),
        sa.Column('requested_by_id', sa.Integer(), nullable=True),
        sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('filename', sa.String(length=100), nullable=False),
        sa.Column('rows', sa.Integer(), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ['requested_by_id'], ['users.id'],
            name=op.f('fk_data_exports_requested_by_id_users'), ondelete='SET NULL',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_data_exports')),
        sa.UniqueConstraint('token', name=op.f('uq_data_exports_token')),
    )
    op.create_index(
        op.f('ix_data_exports_expires_at'), 'data_exports', ['expires_at'], unique=False
    )


def downgrade():
    op.drop_index(op.f('ix_data_exports_expires_at'), table_name='data_exports')
    op.drop_table('data_exports')
    op.drop_table('stored_file_parts')
