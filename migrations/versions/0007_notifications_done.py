"""notifications: done for everyone once their task is done; two new kinds

A notification of a task (a review waiting, a claim assigned) is marked done
with a note ("approved by …") for every recipient when someone does the
task. New kinds: a voided sign-off, and an @mention in a comment.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 00:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

OLD_KINDS = ('assigned', 'returned', 'approved', 'review_waiting', 'due_soon', 'overdue', 'signed_off')
NEW_KINDS = OLD_KINDS + ('signoff_voided', 'mentioned')


def _allowed(kinds):
    return 'kind IN (%s)' % ', '.join("'%s'" % k for k in kinds)


def upgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('done_note', sa.Text(), server_default='', nullable=False))
        batch_op.drop_constraint(op.f('ck_notifications_notificationkind'), type_='check')
        batch_op.create_check_constraint(op.f('ck_notifications_notificationkind'), _allowed(NEW_KINDS))


def downgrade():
    op.execute("DELETE FROM notifications WHERE kind IN ('signoff_voided', 'mentioned')")
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_notifications_notificationkind'), type_='check')
        batch_op.create_check_constraint(op.f('ck_notifications_notificationkind'), _allowed(OLD_KINDS))
        batch_op.drop_column('done_note')
