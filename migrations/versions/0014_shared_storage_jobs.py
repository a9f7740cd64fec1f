"""uploads in the database, emails sent by a job

stored_files holds uploaded evidence on PostgreSQL (shared by every app
server, written in the transaction of its evidence row, in every backup).
notifications.emailed_at is set by the email job, so a retried job does not
send a message twice.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26 00:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'stored_files',
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_stored_files')),
    )
    # Plain ADD COLUMN (no batch copy): the table keeps its indexes as they are.
    op.add_column(
        'notifications', sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True)
    )


def downgrade():
    with op.batch_alter_table('notifications') as batch_op:
        batch_op.drop_column('emailed_at')
    op.drop_table('stored_files')
