"""board counters: claims.resolution_due, verdicts.round_started_at; audit events by actor

Lists count the claims whose verdict in force needs a resolution and has
none over thousands of claims; worked out from the verdicts each time, the
database joins every approved verdict of the newsroom. The answer is kept on
the claim, refreshed in the flush of every change that can move it, and
filled in here for the claims there are. The activity page lists who acted
and filters by person: an index on audit_events.actor_id serves both. The
board's median time from assignment to approval read the audit trail of
every claim approved in 30 days; each approved verdict now keeps when its
round began (filled in here from the trail).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 01:10:00

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

# The rule as it stands at this revision (Claim.resolution_rule()).
RULE = """
EXISTS (
    SELECT 1 FROM verdicts AS in_force
    WHERE in_force.claim_id = claims.id
      AND in_force.decision = 'approved'
      AND NOT EXISTS (
          SELECT 1 FROM verdicts AS later
          WHERE later.claim_id = in_force.claim_id
            AND later.decision = 'approved'
            AND later.id > in_force.id)
      AND EXISTS (
          SELECT 1 FROM rating_levels
          WHERE rating_levels.slug = in_force.rating AND rating_levels.needs_resolution)
      AND NOT EXISTS (
          SELECT 1 FROM resolutions
          WHERE resolutions.claim_id = in_force.claim_id
            AND resolutions.verdict_id = in_force.id)
)
"""


# An approved verdict's round began at the claim's first assignment after
# the approval before it (by the trail's order), up to its own review.
ROUND_STARTED = """
UPDATE verdicts SET round_started_at = (
    SELECT min(assign.created_at) FROM audit_events AS assign
    WHERE assign.claim_id = verdicts.claim_id
      AND assign.action = 'claim.assign'
      AND assign.created_at <= verdicts.reviewed_at
      AND assign.id > coalesce((
          SELECT max(earlier.id) FROM audit_events AS earlier
          WHERE earlier.claim_id = verdicts.claim_id
            AND earlier.action = 'verdict.approve'
            AND earlier.created_at < verdicts.reviewed_at), 0)
)
WHERE decision = 'approved'
"""


def upgrade():
    op.add_column(
        'claims',
        sa.Column('resolution_due', sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.execute(f"UPDATE claims SET resolution_due = {RULE}")
    # Few claims wait for a resolution: a partial index finds them at once.
    op.create_index(
        'ix_claims_resolution_due', 'claims', ['article_id'], unique=False,
        postgresql_where=sa.text('resolution_due'), sqlite_where=sa.text('resolution_due'),
    )
    op.add_column('verdicts', sa.Column('round_started_at', sa.DateTime(timezone=True)))
    op.execute(ROUND_STARTED)
    op.create_index('ix_verdicts_reviewed_at', 'verdicts', ['reviewed_at'], unique=False)
    # Plain CREATE INDEX (no batch copy: audit_events keeps its triggers).
    op.create_index('ix_audit_events_actor_id', 'audit_events', ['actor_id'], unique=False)


def downgrade():
    op.drop_index('ix_verdicts_reviewed_at', table_name='verdicts')
    with op.batch_alter_table('verdicts') as batch:
        batch.drop_column('round_started_at')
    op.drop_index('ix_audit_events_actor_id', table_name='audit_events')
    op.drop_index('ix_claims_resolution_due', table_name='claims')
    with op.batch_alter_table('claims') as batch:
        batch.drop_column('resolution_due')
