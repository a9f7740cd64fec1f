"""suggestion dismissals shared by the desk

Dismissed claim suggestions were kept in each editor's session; they are now
one table per desk: which suggestion of which article, its text, who set it
aside and when. Goes with its article (ON DELETE CASCADE).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 14:15:57

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'suggestion_dismissals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('article_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('quote', sa.Text(), nullable=False),
        sa.Column('dismissed_by_id', sa.Integer(), nullable=False),
        sa.Column('dismissed_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['article_id'], ['articles.id'],
            name=op.f('fk_suggestion_dismissals_article_id_articles'), ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['dismissed_by_id'], ['users.id'],
            name=op.f('fk_suggestion_dismissals_dismissed_by_id_users'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_suggestion_dismissals')),
        # Also the index for "this article's dismissals" (article_id leads).
        sa.UniqueConstraint('article_id', 'key', name='uq_suggestion_dismissals_article_key'),
    )


def downgrade():
    op.drop_table('suggestion_dismissals')
