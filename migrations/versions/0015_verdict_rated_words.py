"""a verdict keeps the words it rated

verdicts.rated_text holds the claim's exact words when the verdict was
proposed (existing verdicts get their claim's current words);
verdicts.superseded_at marks a verdict whose claim's words changed since, so
it is kept in the history but no longer rates the claim. Notifications gain
the kind "words_changed".

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-26 00:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

OLD_KINDS = (
    'assigned', 'returned', 'approved', 'review_waiting', 'due_soon', 'overdue', 'signed_off',
    'signoff_voided', 'mentioned',
)
NEW_KINDS = (*OLD_KINDS, 'words_changed')


def _kind_check(kinds):
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def _set_kinds(kinds):
    name = op.f('ck_notifications_notificationkind')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_constraint(name, type_='check')
        batch_op.create_check_constraint(name, _kind_check(kinds))


def upgrade():
    with op.batch_alter_table('verdicts') as batch_op:
        batch_op.add_column(sa.Column('rated_text', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True))
    op.execute(
        'UPDATE verdicts SET rated_text = '
        '(SELECT claims.exact FROM claims WHERE claims.id = verdicts.claim_id)'
    )
    _set_kinds(NEW_KINDS)


def downgrade():
    op.execute("DELETE FROM notifications WHERE kind = 'words_changed'")
    _set_kinds(OLD_KINDS)
    with op.batch_alter_table('verdicts') as batch_op:
        batch_op.drop_column('superseded_at')
        batch_op.drop_column('rated_text')
