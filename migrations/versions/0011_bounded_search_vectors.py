"""search vectors over a bounded prefix of the text

PostgreSQL refuses a tsvector over 1 MB, so a very long article (480,000
characters of Cyrillic did it) could not be saved at all. Each table's
search_vector is now made from the first 100,000 characters of its text:
under PostgreSQL's limit whatever the script (at most a few bytes per
character), and far longer than any real article. SQLite's FTS5 has no
such limit and is unchanged.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 01:00:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

INDEXED_CHARS = 100_000

# index name -> (table, text the search_vector column is made from), as in 0002.
PG_INDEXES = {
    "ix_articles_fts": ("articles", "title || ' ' || byline || ' ' || desk || ' ' || body"),
    "ix_claims_fts": ("claims", "exact || ' ' || note"),
    "ix_evidence_fts": (
        "evidence",
        "title || ' ' || excerpt || ' ' || note || ' ' || url || ' ' || file_name",
    ),
    "ix_sources_fts": ("sources", "name || ' ' || affiliation || ' ' || reliability_notes"),
    "ix_source_aliases_fts": ("source_aliases", "alias"),
}


def _rebuild(vector: str) -> None:
    """Re-create each search_vector column (PostgreSQL before 17 cannot
    change a generated column's expression in place) and its GIN index."""
    for name, (table, expression) in PG_INDEXES.items():
        op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute(f"ALTER TABLE {table} DROP COLUMN search_vector")
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS ({vector.format(expression=expression)}) STORED"
        )
        op.execute(f"CREATE INDEX {name} ON {table} USING gin (search_vector)")


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        _rebuild(f"to_tsvector('simple', left({{expression}}, {INDEXED_CHARS}))")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        _rebuild("to_tsvector('simple', {expression})")
