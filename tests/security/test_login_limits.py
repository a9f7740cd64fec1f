"""Login is rate-limited per address and per account (Flask-Limiter)."""

import pytest

from factcheck.extensions import db
from tests.factories import Factory

LIMIT = 3


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": f"{LIMIT} per minute"}


def attempt(client, email, password="wrong password", address="10.0.0.1"):
    return client.post(
        "/login",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_too_many_attempts_from_one_address_get_429(app, checker, editor):
    db.session.commit()
    client = app.test_client()
    emails = [f"guess{i}@example.org" for i in range(LIMIT)]
    assert [attempt(client, e).status_code for e in emails] == [400] * LIMIT
    refused = attempt(client, checker.email, Factory.PASSWORD)  # even the right password
    assert refused.status_code == 429
    page = refused.get_data(as_text=True)
    assert "Too many attempts" in page and "per 1 minute" in page
    assert client.get("/my-claims").status_code == 302  # not logged in
    # another address is not affected
    assert attempt(client, editor.email, Factory.PASSWORD, "10.0.0.2").status_code == 302


def test_too_many_attempts_on_one_account_get_429_from_any_address(app, checker):
    db.session.commit()
    client = app.test_client()
    addresses = [f"192.0.2.{i}" for i in range(1, LIMIT + 2)]
    codes = [attempt(app.test_client(), checker.email, address=a).status_code for a in addresses]
    assert codes == [400] * LIMIT + [429]
    # the account's limit counts case-insensitively
    assert attempt(client, checker.email.upper(), Factory.PASSWORD, "192.0.2.99").status_code == 429


def test_viewing_the_login_page_is_not_limited(app):
    client = app.test_client()
    assert {client.get("/login").status_code for _ in range(LIMIT * 2)} == {200}
