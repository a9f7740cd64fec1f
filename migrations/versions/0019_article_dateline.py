"""article dateline: where and for whom the story was filed

Import already found the dateline ("ACCRA, Ghana (Reuters)") beside the title
and byline but threw it away on saving. Articles keep it now (empty for the
articles there are).

Plain ADD COLUMN with a server default and plain DROP COLUMN back (no batch copy
of the articles table, which the search triggers read).

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-26 04:00:00

"""

from alembic import op
import sqlalchemy as sa


revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "articles",
        sa.Column("dateline", sa.String(length=120), nullable=False, server_default=""),
    )


def downgrade():
    op.drop_column("articles", "dateline")  # plain DROP COLUMN: the search triggers stay
