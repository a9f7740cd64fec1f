"""search vectors over a bounded prefix of the text

PostgreSQL refuses a tsvector over 1 MB, so a very long article (480,000
characters of Cyrillic did it) could not be saved at all. Each table's
search_vector is now made from the first 100,000 characters of its text:
under PostgreSQL's limit whatever the script (at most a few bytes per
character), and far longer than any real article. SQLite's FTS5 has no
such limit; there this revision puts back the triggers that keep
articles_fts in step with articles, which 0010's rebuild of the articles
table (SQLite's way to add a unique constraint) dropped, and re-indexes the
articles.

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


# SQLite: the articles_fts triggers, as 0002 made them.
ARTICLE_COLUMNS = ("title", "byline", "desk", "body")


def _sqlite_article_triggers() -> None:
    cols = ", ".join(ARTICLE_COLUMNS)
    new = ", ".join(f"new.{c}" for c in ARTICLE_COLUMNS)
    old = ", ".join(f"old.{c}" for c in ARTICLE_COLUMNS)
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS articles_fts_{suffix}")
    op.execute(
        "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
        f"INSERT INTO articles_fts(rowid, {cols}) VALUES (new.id, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
        f"INSERT INTO articles_fts(articles_fts, rowid, {cols}) "
        f"VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER articles_fts_au AFTER UPDATE OF {cols} ON articles BEGIN "
        f"INSERT INTO articles_fts(articles_fts, rowid, {cols}) "
        f"VALUES ('delete', old.id, {old}); "
        f"INSERT INTO articles_fts(rowid, {cols}) VALUES (new.id, {new}); END"
    )
    op.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def upgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        _rebuild(f"to_tsvector('simple', left({{expression}}, {INDEXED_CHARS}))")
    elif dialect == "sqlite":
        _sqlite_article_triggers()


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        _rebuild("to_tsvector('simple', {expression})")
