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
from playwright.sync_api import sync_playwright
from werkzeug.serving import WSGIRequestHandler, make_server

from factcheck import create_app
from factcheck.demo import DEMO_SOURCES, DEMO_USERS
from factcheck.extensions import db
from tests.conftest import make_config
from tests.e2e.browsing import CHROMIUM, CHROMIUM_ARGS, Browse
from tests.factories import Factory


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
        return self[name]


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
