"""source tallies: what the source page counts, kept on claim_sources

The source page counts, over every claim citing the source (5,000 for a
much-cited one at a year of data), the active claims, their articles, and the
rating and attribution finding of each claim's verdict in force. Worked out
from claims and verdicts each time, that joined thousands of rows (70 ms).
Each source link now keeps a copy of those four facts about its claim,
refreshed in the flush of every change that can move them, and a covering
index answers the page in one index-only scan. Filled in here for the links
there are.

Plain ADD COLUMN and CREATE INDEX (no batch copy on SQLite).

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-26 03:50:00

"""

from alembic import op
import sqlalchemy as sa


revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# The values as they stand at this revision (source_tally_values()).
FILL = """
UPDATE claim_sources SET
    article_id = (SELECT claims.article_id FROM claims
                  WHERE claims.id = claim_sources.claim_id),
    claim_active = (SELECT claims.status != 'withdrawn' FROM claims
                    WHERE claims.id = claim_sources.claim_id),
    rating_in_force = (SELECT verdicts.rating FROM verdicts
                       WHERE verdicts.claim_id = claim_sources.claim_id
                         AND verdicts.decision = 'approved'
                         AND verdicts.superseded_at IS NULL
                       ORDER BY verdicts.id DESC LIMIT 1),
    attribution_in_force = (SELECT verdicts.attribution FROM verdicts
                            WHERE verdicts.claim_id = claim_sources.claim_id
                              AND verdicts.decision = 'approved'
                              AND verdicts.superseded_at IS NULL
                            ORDER BY verdicts.id DESC LIMIT 1)
"""


def upgrade():
    op.add_column("claim_sources", sa.Column("article_id", sa.Integer(), nullable=True))
    op.add_column(
        "claim_sources",
        sa.Column("claim_active", sa.Boolean(), server_default=sa.true(), nullable=False),
    )
    op.add_column(
        "claim_sources", sa.Column("rating_in_force", sa.String(length=32), nullable=True)
    )
    op.add_column(
        "claim_sources", sa.Column("attribution_in_force", sa.String(length=32), nullable=True)
    )
    op.execute(FILL)
    op.create_index(
        "ix_claim_sources_tally",
        "claim_sources",
        ["source_id", "claim_active", "rating_in_force", "attribution_in_force", "article_id"],
    )


def downgrade():
    op.drop_index("ix_claim_sources_tally", table_name="claim_sources")
    op.drop_column("claim_sources", "attribution_in_force")
    op.drop_column("claim_sources", "rating_in_force")
    op.drop_column("claim_sources", "claim_active")
    op.drop_column("claim_sources", "article_id")
