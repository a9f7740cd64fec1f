"""flask backup / restore: a round trip into a fresh, migrated database
gives back every row of every table, on SQLite and on PostgreSQL."""

import shutil
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from factcheck import create_app
from factcheck.extensions import db
from factcheck.models import ClaimKind, ClaimStatus, Role, SourceKind
from factcheck.services import articles, claims, users
from tests.conftest import PG_URL, _migrate, make_config


def table_rows(engine: sa.Engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {
            t.name: [
                tuple(row) for row in conn.execute(sa.select(t).order_by(*t.primary_key.columns))
            ]
            for t in db.metadata.sorted_tables
        }


@pytest.fixture
def fresh_database(migrated_database, tmp_path):
    """A second database, migrated and empty."""
    if not PG_URL:
        copy = tmp_path / "restored.sqlite"
        shutil.copyfile(migrated_database, copy)
        yield f"sqlite:///{copy}"
        return
    name = f"factcheck_restore_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(migrated_database, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = make_url(migrated_database).set(database=name).render_as_string(hide_password=False)
    try:
        _migrate(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def newsroom(make, editor, manager, checker):
    """Some of everything: claims in every state, verdicts, evidence,
    sources with aliases, comments, a deactivated account, odd text."""
    article = make.article(editor, title="Ḥamā — “quotes”, عربي, emoji 📰")
    make.claim(article, status=ClaimStatus.APPROVED, kind=ClaimKind.STATISTIC)
    make.claim(article, quote="The army said", status=ClaimStatus.RETURNED)
    claim = make.claim(article, quote="Salaries rose by 50%", status=ClaimStatus.OPEN)
    claims.add_comment(claim, editor, "Null-free, but <b>markup</b> & “quotes”")
    make.source("The Associated Press", SourceKind.AGENCY, aliases=["AP"])
    gone = make.user("Gone Person", [Role.CHECKER])
    users.set_active(gone, False, manager)
    articles.create_article(editor, title="Second", body="Another text.\n\nTwo paragraphs.")
    db.session.commit()


def test_backup_and_restore_round_trip(app, runner, newsroom, fresh_database, tmp_path):
    path = tmp_path / ("desk.backup" + (".json" if PG_URL else ".sqlite"))
    result = runner.invoke(args=["backup", str(path)])
    assert result.exit_code == 0, result.output
    assert path.stat().st_size > 0
    original = table_rows(db.engine)
    assert sum(len(rows) for rows in original.values()) > 30

    target = create_app(make_config(fresh_database, UPLOAD_FOLDER=str(tmp_path / "up")))
    with target.app_context():
        result = target.test_cli_runner().invoke(args=["restore", str(path)])
        assert result.exit_code == 0, (result.output, result.exception)
        restored = table_rows(db.engine)
        for table, rows in original.items():
            assert restored[table] == rows, table
        # the restored desk keeps working: new rows get new ids
        editor = users.users_with_role(Role.EDITOR)[0]
        article = articles.create_article(editor, title="After restore", body="New text.")
        db.session.commit()
        assert article.id > max(row[0] for row in original["articles"])
        # a second restore into a database with data is refused, nothing changed
        again = target.test_cli_runner().invoke(args=["restore", str(path)])
        assert again.exit_code != 0 and "fresh, migrated database" in again.output
        db.session.remove()
        db.engine.dispose()


def test_backup_refuses_to_overwrite_and_restore_refuses_junk(app, runner, tmp_path):
    existing = tmp_path / "exists"
    existing.write_text("keep me")
    result = runner.invoke(args=["backup", str(existing)])
    assert result.exit_code != 0 and "exists" in result.output
    assert existing.read_text() == "keep me"
    junk = tmp_path / "junk"
    junk.write_bytes(b"\x00not a backup\xff")
    result = runner.invoke(args=["restore", str(junk)])
    assert result.exit_code != 0 and "not a Factcheck desk" in result.output
    result = runner.invoke(args=["restore", str(tmp_path / "missing")])
    assert result.exit_code != 0 and "No backup at" in result.output
