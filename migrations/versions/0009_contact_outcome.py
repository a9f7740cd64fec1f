"""contact attempts: how they ended (answered, declined, no reply) and when

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 01:05:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('contact_attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'outcome',
            sa.Enum('awaiting', 'answered', 'declined', 'no_reply', name='contactoutcome',
                    native_enum=False, create_constraint=True, length=32),
            server_default='awaiting', nullable=False))
        batch_op.add_column(sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True))
    # Attempts logged with an answer were answered.
    op.execute("UPDATE contact_attempts SET outcome = 'answered', answered_at = created_at "
               "WHERE answer <> ''")


def downgrade():
    with op.batch_alter_table('contact_attempts', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_contact_attempts_contactoutcome'), type_='check')
        batch_op.drop_column('answered_at')
        batch_op.drop_column('outcome')
