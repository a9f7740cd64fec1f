"""Fixtures: the app on a migrated database, clients per role, and a
factory for test data that goes through the services like real users do.

Tests run on SQLite by default and on PostgreSQL when TEST_DATABASE_URL is
set; an unreachable PostgreSQL fails the run, it never skips.
"""

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import g
from flask_migrate import upgrade

from config import TestConfig, normalise_database_url
from factcheck import create_app
from factcheck.extensions import db
from factcheck.models import RatingLevel, Role
from factcheck.models.rating import default_scale_rows
from tests.factories import Factory

PG_URL = os.environ.get("TEST_DATABASE_URL")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
IN_CI = os.environ.get("CI") == "true"


def service_missing(message: str):
    """A service a test needs is not there: in CI (or when the service was
    named explicitly) that fails the test; on a laptop it is skipped, saying
    what to start."""
    if IN_CI or os.environ.get("TEST_REDIS_URL"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def redis_prefix():
    """A key prefix of this test's own in the shared Redis (TEST_REDIS_URL),
    its keys removed after."""
    import uuid

    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as err:
        service_missing(f"this test needs Redis at {REDIS_URL} (TEST_REDIS_URL): {err}")
    prefix = f"test-{uuid.uuid4().hex}"
    yield prefix
    for key in client.scan_iter(f"*{prefix}*"):
        client.delete(key)
    client.close()


def make_config(database_url: str, **overrides) -> type:
    return type("Config", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": database_url, **overrides})


def _migrate(database_url: str) -> None:
    app = create_app(make_config(database_url))
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.execute(sa.text("DROP SCHEMA public CASCADE"))
                conn.execute(sa.text("CREATE SCHEMA public"))
        upgrade()
        if db.engine.dialect.name == "sqlite":
            with db.engine.connect() as conn:
                conn.execute(sa.text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.engine.dispose()


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory) -> str:
    """A database migrated once per run: a PostgreSQL URL, or a SQLite file
    that each test copies."""
    if PG_URL:
        url = normalise_database_url(PG_URL)
        _migrate(url)
        return url
    template = tmp_path_factory.mktemp("db") / "template.sqlite"
    _migrate(f"sqlite:///{template}")
    return str(template)


def _truncate_all(app) -> None:
    """Empty every table, then put back the data migrations ship with."""
    with app.app_context():
        tables = ", ".join(t.name for t in db.metadata.sorted_tables)
        with db.engine.begin() as conn:
            conn.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            conn.execute(sa.insert(RatingLevel.__table__), default_scale_rows())
        db.engine.dispose()


@pytest.fixture
def database_url(migrated_database, tmp_path) -> str:
    if PG_URL:
        return migrated_database
    copy = tmp_path / "test.sqlite"
    shutil.copyfile(migrated_database, copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def config_overrides() -> dict:
    """Override in a test module to change settings for its app."""
    return {}


@pytest.fixture
def app(database_url, tmp_path, config_overrides):
    app = create_app(
        make_config(database_url, UPLOAD_FOLDER=str(tmp_path / "uploads"), **config_overrides)
    )

    # Requests reuse the test's app context (and so its session, which lets a
    # test see what a view changed); forget the last request's user (and CSRF
    # token) so each client is who its own cookie says.
    @app.before_request
    def _forget_cached_user():
        g.pop("_login_user", None)
        g.pop("csrf_token", None)  # each request signs its own, as in production

    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()
    if PG_URL:
        _truncate_all(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make(app) -> Factory:
    return Factory()


@pytest.fixture
def editor(make):
    return make.user("Dana Editor", [Role.EDITOR])


@pytest.fixture
def manager(make):
    return make.user("Morgan Manager", [Role.MANAGER, Role.EDITOR])


@pytest.fixture
def checker(make):
    return make.user("Sam Checker", [Role.CHECKER])


@pytest.fixture
def other_checker(make):
    return make.user("Lee Checker", [Role.CHECKER])


def login(app, user):
    """A test client logged in as user through the real login form."""
    client = app.test_client()
    db.session.commit()
    response = client.post("/login", data={"email": user.email, "password": Factory.PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


@pytest.fixture
def editor_client(app, editor):
    return login(app, editor)


@pytest.fixture
def manager_client(app, manager):
    return login(app, manager)


@pytest.fixture
def checker_client(app, checker):
    return login(app, checker)


EXAMPLE_ARTICLE = Path(__file__).parent.parent / "factcheck" / "demo" / "hama-scraped.txt"


@pytest.fixture
def example_text() -> str:
    return EXAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def soon():
    from factcheck.models.base import utcnow

    return (utcnow() + timedelta(hours=4)).replace(second=0, microsecond=0)
