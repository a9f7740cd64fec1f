"""CSRF on every state-changing request; security headers and a strict CSP
that the templates can live with (no inline script, style or handlers)."""

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import g

from factcheck import PACKAGE_DIR, _resource_dir
from factcheck.extensions import db
from factcheck.security import CHECKER, access_level
from tests.factories import Factory
from tests.security.walk import Objects, declared_rules, url_for_rule


@pytest.fixture
def config_overrides():
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture(autouse=True)
def _fresh_csrf_per_request(app):
    """Test requests share the test's app context, and so ``g``, where
    Flask-WTF caches the token; a real request starts without it."""

    @app.before_request
    def _forget_token():
        g.pop("csrf_token", None)


def row_counts() -> dict[str, int]:
    db.session.expire_all()
    return {
        table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


def page_token(client, url: str) -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def csrf_login(app, user):
    """Log in through the form with its token; return the client and the
    token of the new session (the login renews the session, and the token)."""
    client = app.test_client()
    token = page_token(client, "/login")
    response = client.post(
        "/login", data={"email": user.email, "password": Factory.PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302
    fresh = page_token(client, "/account/password")
    assert fresh != token
    return client, fresh


def test_every_post_without_a_token_is_refused_and_changes_nothing(
    app, make, editor, manager, checker
):
    db.session.commit()
    sessions = {"checker": csrf_login(app, checker)[0], "manager": csrf_login(app, manager)[0]}
    checked = []
    for rule, method in declared_rules(app):
        if method not in {"POST", "PUT", "PATCH", "DELETE"} or rule.endpoint.startswith("api."):
            continue  # the JSON API takes bearer tokens only (tested below)
        objects = Objects.create(make, editor, checker)
        who = "checker" if access_level(app, rule.endpoint) == CHECKER else "manager"
        before = row_counts()
        response = sessions[who].open(url_for_rule(rule, objects), method=method, data={})
        assert response.status_code == 400, (rule.rule, response.status_code)
        assert "CSRF" in response.get_data(as_text=True), rule.rule
        assert row_counts() == before, rule.rule
        checked.append(rule.endpoint)
    assert {"auth.login", "auth.logout", "claims.review", "articles.new"} <= set(checked)
    print(f"\ncsrf: {len(checked)} state-changing routes refused without a token")


def test_the_same_post_with_the_token_goes_through(app, make, editor, checker):
    objects = Objects.create(make, editor, checker)
    client, token = csrf_login(app, checker)
    url = f"/claims/{objects.claim_id}/comments"
    assert client.post(url, data={"body": "Checked."}).status_code == 400
    assert client.post(url, data={"body": "Checked.", "csrf_token": token}).status_code == 302


def test_the_api_ignores_the_session_cookie(app, make, editor):
    if "api.create_token" not in app.view_functions:
        pytest.skip("no JSON API in this build")
    client, _ = csrf_login(app, editor)
    before = row_counts()
    response = client.post("/api/v1/articles", json={"title": "x", "body": "Some text."})
    assert response.status_code == 401
    assert row_counts() == before


def test_security_headers_and_strict_csp(app, checker):
    client, _ = csrf_login(app, checker)
    for url in ("/login", "/my-claims", "/articles/"):
        response = client.get(url)
        headers = response.headers
        csp = headers["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"
        assert headers["Cache-Control"] == "no-store"
    https = app.test_client().get("/login", base_url="https://desk.example.org")
    assert https.headers["Strict-Transport-Security"].startswith("max-age=")


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
STYLE_ATTR = re.compile(r"\sstyle\s*=", re.I)
HANDLER_ATTR = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_TAG = re.compile(r"<style[\s>]", re.I)
JS_URL = re.compile(r"(href|src|action)\s*=\s*[\"']?\s*javascript:", re.I)


def test_templates_need_no_unsafe_inline():
    """What the CSP would block must not be in the templates at all."""
    templates = sorted(Path(_resource_dir("templates")).rglob("*.html"))
    assert len(templates) >= 10
    found = [
        f"{path.relative_to(PACKAGE_DIR.parent)}: {pattern.pattern}"
        for path in templates
        for pattern in (INLINE_SCRIPT, STYLE_ATTR, HANDLER_ATTR, STYLE_TAG, JS_URL)
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
