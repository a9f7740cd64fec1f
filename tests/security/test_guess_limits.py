"""Password guesses are limited per account and per address on every
password check, in storage shared by every worker and server (Redis), and
a proxy in front does not put the whole newsroom in one bucket.

The Redis tests need a Redis server (TEST_REDIS_URL, by default the local
one); a missing Redis fails them in CI (CI=true) and skips them, saying
so, on a laptop."""

import pytest

from factcheck import create_app
from factcheck.extensions import db
from tests.conftest import REDIS_URL, login, make_config
from tests.factories import Factory

LIMIT = 10  # the figure: 10 a minute


def limited(**overrides) -> dict:
    return {"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": f"{LIMIT} per minute", **overrides}


@pytest.fixture
def config_overrides(request):
    if "redis_prefix" in request.fixturenames:
        prefix = request.getfixturevalue("redis_prefix")
        return limited(RATELIMIT_STORAGE_URI=REDIS_URL, RATELIMIT_KEY_PREFIX=prefix)
    return limited()


def guess(client, how: str, email: str, address: str, password: str = "wrong guess") -> int:
    environ = {"REMOTE_ADDR": address}
    if how == "token":
        response = client.post(
            "/api/v1/token", json={"email": email, "password": password}, environ_base=environ
        )
    else:
        response = client.post(
            "/login", data={"email": email, "password": password}, environ_base=environ
        )
    return response.status_code


def test_thirty_guesses_at_one_account_from_several_addresses_stop_at_the_limit(
    app, checker, redis_prefix
):
    db.session.commit()
    addresses = [f"198.51.100.{i}" for i in range(1, 4)]
    codes = [
        guess(app.test_client(), ("token", "login")[i % 2], checker.email, addresses[i % 3])
        for i in range(30)
    ]
    assert sorted(codes[:LIMIT]) == sorted([401, 400] * (LIMIT // 2))  # evaluated, wrong
    assert codes[LIMIT:] == [429] * (30 - LIMIT)
    # even the right password waits, from a fresh address
    assert guess(app.test_client(), "login", checker.email, "198.51.100.9", Factory.PASSWORD) == 429


def test_two_app_servers_sharing_redis_share_the_count(
    app, database_url, tmp_path, checker, redis_prefix
):
    db.session.commit()
    settings = limited(
        RATELIMIT_STORAGE_URI=REDIS_URL,
        RATELIMIT_KEY_PREFIX=redis_prefix,
        UPLOAD_FOLDER=str(tmp_path / "uploads"),
    )
    other = create_app(make_config(database_url, **settings))
    servers = [app.test_client(), other.test_client()]
    codes = [guess(servers[i % 2], "token", checker.email, f"203.0.113.{i}") for i in range(30)]
    assert codes == [401] * LIMIT + [429] * (30 - LIMIT)
    with other.app_context():
        db.engine.dispose()


def test_memory_storage_counts_per_process_only(app, database_url, tmp_path, checker):
    """Why production needs Redis: two processes on memory:// each allow the
    whole budget (the README says so)."""
    db.session.commit()
    other = create_app(
        make_config(database_url, **limited(UPLOAD_FOLDER=str(tmp_path / "uploads")))
    )
    servers = [app.test_client(), other.test_client()]
    codes = [guess(servers[i % 2], "token", checker.email, f"203.0.113.{i}") for i in range(30)]
    assert codes.count(401) == 2 * LIMIT
    with other.app_context():
        db.engine.dispose()


def test_token_endpoint_is_limited_per_account(app, checker):
    db.session.commit()
    codes = [guess(app.test_client(), "token", checker.email, f"192.0.2.{i}") for i in range(12)]
    assert codes == [401] * LIMIT + [429] * 2
    response = app.test_client().post(
        "/api/v1/token", json={"email": checker.email, "password": Factory.PASSWORD}
    )
    assert response.status_code == 429
    assert response.get_json()["error"] == "Too many attempts"
    assert int(response.headers["Retry-After"]) > 0


def test_guesses_at_the_current_password_are_limited(app, checker):
    browser = login(app, checker)  # one guess spent, the right one
    codes = [
        browser.post(
            "/account/password", data={"current": f"guess {i}", "password": "a brand new one"}
        ).status_code
        for i in range(LIMIT)
    ]
    assert codes == [400] * (LIMIT - 1) + [429]  # the form shows "not your current password"
    right = browser.post(
        "/account/password", data={"current": Factory.PASSWORD, "password": "a brand new one"}
    )
    assert right.status_code == 429
    assert browser.get("/inbox/").status_code == 200  # still logged in, password unchanged


def test_each_client_behind_a_trusted_proxy_has_its_own_bucket(app, editor):
    proxied = create_app(
        make_config(app.config["SQLALCHEMY_DATABASE_URI"], **limited(TRUSTED_PROXIES=1))
    )
    db.session.commit()
    client = proxied.test_client()

    def via_proxy(email: str, client_address: str, password: str = "wrong guess") -> int:
        return client.post(
            "/login",
            data={"email": email, "password": password},
            environ_base={"REMOTE_ADDR": "10.0.0.1"},  # the proxy
            headers={"X-Forwarded-For": client_address},
        ).status_code

    spent = [via_proxy(f"guess{i}@example.org", "192.0.2.10") for i in range(LIMIT + 1)]
    assert spent == [400] * LIMIT + [429]
    # another reporter behind the same proxy still logs in
    assert via_proxy(editor.email, "192.0.2.20", Factory.PASSWORD) == 302
    with proxied.app_context():
        db.engine.dispose()


def test_without_trusted_proxies_a_forged_forwarded_for_changes_nothing(app):
    client = app.test_client()
    codes = [
        client.post(
            "/login",
            data={"email": f"guess{i}@example.org", "password": "wrong guess"},
            environ_base={"REMOTE_ADDR": "10.0.0.1"},
            headers={"X-Forwarded-For": f"192.0.2.{i}"},
        ).status_code
        for i in range(LIMIT + 1)
    ]
    assert codes == [400] * LIMIT + [429]


def test_an_unreachable_limit_store_refuses_sign_in_without_a_500(database_url, tmp_path):
    unreachable = create_app(
        make_config(
            database_url,
            **limited(
                RATELIMIT_STORAGE_URI="redis://127.0.0.1:9/0",
                UPLOAD_FOLDER=str(tmp_path / "uploads"),
            ),
        )
    )
    with unreachable.app_context():
        response = unreachable.test_client().post(
            "/api/v1/token", json={"email": "a@example.org", "password": "whatever1"}
        )
        assert response.status_code == 503
        db.engine.dispose()
