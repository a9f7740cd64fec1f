"""The schema comes from migrations only; they must match the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app

from factcheck.extensions import db


def test_migrations_have_a_single_head(app):
    config = current_app.extensions["migrate"].migrate.get_config()
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_migrated_schema_matches_the_models(app):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = [d for d in compare_metadata(context, db.metadata)
                if not _is_fts_table(d)]
    assert diff == []


def _is_fts_table(diff) -> bool:
    """Full-text search tables live only in migrations, not in the models."""
    name = getattr(diff[1], "name", "") if isinstance(diff, tuple) and len(diff) > 1 else ""
    # PostgreSQL: the generated search_vector columns (0002 migration).
    if isinstance(diff, tuple) and diff[0] == "remove_column":
        return diff[3].name == "search_vector"
    return "fts" in str(name)
