"""duplicates under retry and race: unique keys

- claims.suggestion_key: the suggestion a claim was accepted from; unique per
  article, so accepting the same suggestion twice (a retry, two editors at
  once) makes one claim.
- resolutions: one per verdict (two editors resolving at once made two).
  Where an old database has several, the last one stays (it is the one the
  pages showed); their audit events stay in the trail.
- sources.name_key: the name with case, letter width and spacing folded;
  unique, so two requests naming the same new source at once make one row.
  Existing names that fold to the same key keep their rows, the later ones
  keyed with their id, for a person to merge.

Plain ADD COLUMN and CREATE INDEX (no batch copy of claims or sources on
SQLite: their search triggers stay).

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-26 01:20:00

"""
import unicodedata

from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def upgrade():
    op.add_column('claims', sa.Column('suggestion_key', sa.String(length=64), nullable=True))
    op.create_index(
        'uq_claims_article_id_suggestion_key', 'claims', ['article_id', 'suggestion_key'],
        unique=True,
    )

    op.execute(
        "DELETE FROM resolutions WHERE id NOT IN "
        "(SELECT MAX(id) FROM resolutions GROUP BY verdict_id)"
    )
    op.create_index('uq_resolutions_verdict_id', 'resolutions', ['verdict_id'], unique=True)

    op.add_column('sources', sa.Column('name_key', sa.String(length=400), nullable=True))
    conn = op.get_bind()
    sources = sa.table('sources', sa.column('id', sa.Integer), sa.column('name', sa.String),
                       sa.column('name_key', sa.String))
    taken = set()
    for source_id, name in conn.execute(sa.select(sources.c.id, sources.c.name)
                                        .order_by(sources.c.id)).all():
        key = _name_key(name)
        if key in taken:
            key = f"{key}#{source_id}"
        taken.add(key)
        conn.execute(sa.update(sources).where(sources.c.id == source_id).values(name_key=key))
    op.create_index('uq_sources_name_key', 'sources', ['name_key'], unique=True)


def downgrade():
    op.drop_index('uq_sources_name_key', table_name='sources')
    op.drop_column('sources', 'name_key')
    op.drop_index('uq_resolutions_verdict_id', table_name='resolutions')
    op.drop_index('uq_claims_article_id_suggestion_key', table_name='claims')
    op.drop_column('claims', 'suggestion_key')
