"""The schema comes from migrations only; they must match the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app

from factcheck.database import autogenerate_includes
from factcheck.extensions import db


def test_migrations_have_a_single_head(app):
    config = current_app.extensions["migrate"].migrate.get_config()
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_migrated_schema_matches_the_models(app):
    """What `flask db migrate` would write: nothing."""
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": autogenerate_includes}
        )
        assert compare_metadata(context, db.metadata) == []


def test_the_search_tables_are_there_but_left_out_of_the_comparison(app):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        unfiltered = compare_metadata(context, db.metadata)
    assert unfiltered, "the migrations' full-text search objects should show unfiltered"
