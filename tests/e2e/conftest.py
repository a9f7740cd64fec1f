"""Browser fixtures: the app served on loopback against the test's database,
Debian's headless Chromium driven by Playwright, and a demo-like newsroom.
Helpers (log in, screenshots, axe-core) are in ``browsing.py``.

Never a downloaded browser: Chromium is the Debian package at
/usr/bin/chromium (``.ci/run`` installs it). axe-core comes from the npm
registry into tests/e2e/node_modules (``make test`` installs it).
"""

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import sync_playwright
from werkzeug.serving import WSGIRequestHandler, make_server

from factcheck import create_app
from factcheck.database import _sqlite_begin
from factcheck.demo import DEMO_SOURCES, DEMO_USERS
from factcheck.extensions import db
from factcheck.extraction.cleaning import clean_text
from factcheck.models import Article, Claim, ClaimKind, ClaimStatus
from tests.conftest import make_config
from tests.e2e.browsing import ARMY, CHROMIUM, CHROMIUM_ARGS, Browse
from tests.factories import Factory


@pytest.fixture(autouse=True)
def reads_see_what_the_server_committed(app):
    """The test reads the database after the browser's clicks, which the live
    server commits on its own connections. On SQLite the app begins every
    transaction explicitly, so a test session's open transaction would keep
    reading its first snapshot; the test's side (only) runs without that
    BEGIN, so each read sees the latest commit, as PostgreSQL's READ
    COMMITTED does."""
    engine = db.engine
    if engine.dialect.name == "sqlite" and sa.event.contains(engine, "begin", _sqlite_begin):
        sa.event.remove(engine, "begin", _sqlite_begin)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium chromium-driver")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(app, database_url, tmp_path):
    """The app on 127.0.0.1 in a background thread, on the test's database.

    A separate app object from the ``app`` fixture, so the server's requests
    have their own sessions and never share the test's; CSRF is on, as in
    production.
    """
    server_app = create_app(
        make_config(database_url, UPLOAD_FOLDER=str(tmp_path / "uploads"), WTF_CSRF_ENABLED=True)
    )
    server = make_server("127.0.0.1", 0, server_app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()
    with server_app.app_context():
        db.engine.dispose()


class QuietHandler(WSGIRequestHandler):
    """No access log: a failing test's output shows the test, not the server."""

    def log_request(self, *args, **kwargs) -> None:
        pass


class Newsroom(dict):
    """The demo people by short name: editor, manager, sam, lee."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


@pytest.fixture
def newsroom(make: Factory) -> Newsroom:
    """Demo-like people and the demo source registry, committed so the
    server sees them."""
    people = Newsroom()
    for email, name, roles in DEMO_USERS:
        people[email.split("@")[0]] = make.user(name, roles, email=email)
    for name, kind, aliases, affiliation in DEMO_SOURCES:
        make.source(name, kind, aliases=aliases, affiliation=affiliation)
    db.session.commit()
    return people


@pytest.fixture
def browse(browser, live_server):
    session = Browse(browser, live_server)
    yield session
    session.close()


@pytest.fixture
def example_article(make, newsroom, example_text) -> Article:
    """The example article, imported by Dana Editor for the World desk."""
    imported = clean_text(example_text)
    article = make.article(
        newsroom.editor,
        body=imported.body,
        title=imported.title,
        byline=imported.byline,
        desk="World",
    )
    db.session.commit()
    return article


@pytest.fixture
def claim_in(make, newsroom):
    """``claim_in(article, status, quote=...)``: a claim walked to ``status``
    by Dana Editor with Sam Checker as the checker, committed."""

    def build(article: Article, status: ClaimStatus, quote: str = ARMY, **kw) -> Claim:
        kw.setdefault("kind", ClaimKind.ATTRIBUTION)
        claim = make.claim(
            article, quote=quote, status=status, assignee=newsroom.sam, editor=newsroom.editor, **kw
        )
        db.session.commit()
        return claim

    return build
