"""indexes for the newsroom board

The board lists unpublished articles and counts their claims; an index on
articles.status lets the database find them without reading every article
body (SQLite scans it as a covering index). The approvals chart and the
median time to approval read audit events by action and time.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 14:40:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    # Plain CREATE INDEX (no batch copy of the table: audit_events keeps its
    # append-only triggers).
    op.create_index(op.f('ix_articles_status'), 'articles', ['status'], unique=False)
    op.create_index(
        'ix_audit_events_action_created_at', 'audit_events', ['action', 'created_at'],
        unique=False,
    )


def downgrade():
    op.drop_index('ix_audit_events_action_created_at', table_name='audit_events')
    op.drop_index(op.f('ix_articles_status'), table_name='articles')
