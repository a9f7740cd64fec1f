"""Passwords, sessions and the users admin."""

import re

import sqlalchemy as sa
from argon2 import PasswordHasher

from config import ProductionConfig
from factcheck import create_app
from factcheck.extensions import db
from factcheck.models import AuditEvent, Role, User
from factcheck.services import users
from tests.conftest import login
from tests.factories import Factory
from tests.security.walk import bearer_headers


def test_password_hash_carries_the_configured_argon2_parameters(app, make):
    user = make.user("Hash Check", [Role.CHECKER])
    assert user.password_hash.startswith("$argon2id$v=19$m=8,t=1,p=1$")
    assert Factory.PASSWORD not in user.password_hash


def test_stronger_parameters_in_config_rehash_at_next_login(app, make):
    user = make.user("Old Hash", [Role.CHECKER])
    db.session.commit()
    app.config.update(ARGON2_TIME_COST=2, ARGON2_MEMORY_COST=16, ARGON2_PARALLELISM=2)
    assert users.hash_password("x" * 12).startswith("$argon2id$v=19$m=16,t=2,p=2$")
    response = app.test_client().post(
        "/login", data={"email": user.email, "password": Factory.PASSWORD}
    )
    assert response.status_code == 302
    db.session.expire_all()
    rehashed = db.session.get(User, user.id).password_hash
    assert rehashed.startswith("$argon2id$v=19$m=16,t=2,p=2$")
    assert PasswordHasher().verify(rehashed, Factory.PASSWORD)


def _set_cookie(response, name="session") -> str:
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith(name + "=")]
    assert cookies, response.headers
    return cookies[-1]


def test_session_cookie_is_httponly_and_samesite(app, checker):
    db.session.commit()
    response = app.test_client().post(
        "/login", data={"email": checker.email, "password": Factory.PASSWORD}
    )
    cookie = _set_cookie(response)
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http in development and tests


def test_session_cookie_is_secure_in_production(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "production-secret-for-the-test")
    monkeypatch.setenv("DATABASE_URL", database_url)
    config = ProductionConfig()
    config.SQLALCHEMY_DATABASE_URI = database_url
    config.UPLOAD_FOLDER = str(tmp_path / "uploads")
    app = create_app(config)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    with app.app_context():
        response = app.test_client().get("/login")  # the CSRF token starts a session
        cookie = _set_cookie(response)
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
        db.engine.dispose()


def test_production_refuses_to_start_without_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    try:
        ProductionConfig()
    except RuntimeError as err:
        assert "SECRET_KEY" in str(err)
    else:
        raise AssertionError("ProductionConfig started without SECRET_KEY")


def test_session_is_renewed_at_login(app, checker):
    db.session.commit()
    client = app.test_client()
    client.get("/login")
    with client.session_transaction() as sess:
        sess["planted"] = "by an attacker"
    planted_cookie = client.get_cookie("session").value
    response = client.post("/login", data={"email": checker.email, "password": Factory.PASSWORD})
    assert response.status_code == 302
    assert client.get_cookie("session").value != planted_cookie
    with client.session_transaction() as sess:
        assert "planted" not in sess
        assert sess["_user_id"].startswith(f"{checker.id}:")
    # the cookie from before login does not carry the login
    other = app.test_client()
    other.set_cookie("session", planted_cookie)
    assert "/login?next=" in other.get("/my-claims").headers["Location"]


def test_password_change_logs_out_every_other_session(app, checker):
    laptop, phone = login(app, checker), login(app, checker)
    assert phone.get("/my-claims").status_code == 200
    response = laptop.post(
        "/account/password",
        data={"current": Factory.PASSWORD, "password": "a brand new passphrase"},
    )
    assert response.status_code == 302
    assert laptop.get("/my-claims").status_code == 200  # this session stays
    response = phone.get("/my-claims")
    assert response.status_code == 302 and "/login?next=" in response.headers["Location"]
    # the old password no longer works, the new one does
    fresh = app.test_client()
    assert (
        fresh.post(
            "/login", data={"email": checker.email, "password": Factory.PASSWORD}
        ).status_code
        == 400
    )
    assert (
        fresh.post(
            "/login", data={"email": checker.email, "password": "a brand new passphrase"}
        ).status_code
        == 302
    )


def test_wrong_password_and_unknown_email_get_the_same_answer(app, checker):
    db.session.commit()
    client = app.test_client()
    wrong = client.post("/login", data={"email": checker.email, "password": "not the password"})
    unknown = client.post("/login", data={"email": "nobody@example.org", "password": "whatever1"})
    assert wrong.status_code == unknown.status_code == 400
    for response in (wrong, unknown):
        assert "Wrong email or password." in response.get_data(as_text=True)


# --- users admin --------------------------------------------------------------


def test_users_admin_lists_accounts_for_managers_only(app, manager, editor, checker):
    page = login(app, manager).get("/admin/users")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    for person in (manager, editor, checker):
        assert person.email in text
    assert login(app, editor).get("/admin/users").status_code == 403
    assert login(app, checker).get("/admin/users").status_code == 403


def test_manager_creates_an_account_with_roles(app, manager):
    client = login(app, manager)
    response = client.post(
        "/admin/users/new",
        data={
            "email": "New.Person@Example.org",
            "name": "New Person",
            "roles": ["checker", "editor"],
            "password": "first password here",
        },
    )
    assert response.status_code == 302
    user = users.get_by_email("new.person@example.org")
    assert user.roles == {Role.CHECKER, Role.EDITOR}
    event = db.session.scalar(
        sa.select(AuditEvent)
        .where(AuditEvent.action == "user.create")
        .order_by(AuditEvent.id.desc())
    )
    assert event.actor_id == manager.id and event.target_id == user.id
    newcomer = app.test_client()
    assert (
        newcomer.post(
            "/login", data={"email": user.email, "password": "first password here"}
        ).status_code
        == 302
    )
    assert newcomer.get("/waiting").status_code == 200  # editor role given


def test_account_form_refuses_missing_roles_duplicates_and_short_passwords(app, manager, checker):
    client = login(app, manager)
    count = db.session.scalar(sa.select(sa.func.count()).select_from(User))
    cases = [
        (
            {"email": "a@example.org", "name": "A", "password": "long enough pw"},
            "at least one role",
        ),
        (
            {"email": checker.email, "name": "B", "roles": ["checker"], "password": "long enough"},
            "An account with this email exists.",
        ),
        (
            {"email": "c@example.org", "name": "C", "roles": ["checker"], "password": "short"},
            "Use at least 10 characters.",
        ),
        (
            {"email": "d@example.org", "name": "D", "roles": ["root"], "password": "long enough"},
            "not a valid choice",
        ),
    ]
    for data, message in cases:
        response = client.post("/admin/users/new", data=data)
        assert response.status_code == 400, data
        assert message in response.get_data(as_text=True), data
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == count


def test_deactivating_a_user_ends_their_sessions_at_once(app, manager, checker):
    admin, victim = login(app, manager), login(app, checker)
    assert victim.get("/my-claims").status_code == 200
    api = bearer_headers(app, checker)  # and their API token, when the app has the API
    page = admin.get("/admin/users").get_data(as_text=True)
    assert f'action="/admin/users/{checker.id}/active"' in page
    response = admin.post(f"/admin/users/{checker.id}/active", data={"active": "0"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, checker.id).active is False
    response = victim.get("/my-claims")
    assert response.status_code == 302 and "/login?next=" in response.headers["Location"]
    if api:
        assert app.test_client().get("/api/v1/articles", headers=api).status_code == 401
    # and cannot log in again, nor be given work
    again = app.test_client().post(
        "/login", data={"email": checker.email, "password": Factory.PASSWORD}
    )
    assert again.status_code == 400
    assert checker not in users.users_with_role(Role.CHECKER)
    events = db.session.scalars(
        sa.select(AuditEvent.action).where(
            AuditEvent.target_type == "user", AuditEvent.target_id == checker.id
        )
    ).all()
    assert "user.deactivated" in events
    # reactivated, they log in again
    assert admin.post(f"/admin/users/{checker.id}/active", data={"active": "1"}).status_code == 302
    assert login(app, checker).get("/my-claims").status_code == 200


def test_manager_cannot_deactivate_themselves(app, manager):
    client = login(app, manager)
    response = client.post(
        f"/admin/users/{manager.id}/active", data={"active": "0"}, follow_redirects=True
    )
    assert "You cannot deactivate your own account." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, manager.id).active is True
    assert client.get("/admin/users").status_code == 200


def test_admin_page_escapes_names(app, manager, make):
    make.user('<script>alert("x")</script>', [Role.CHECKER], email="xss@example.org")
    db.session.commit()
    text = login(app, manager).get("/admin/users").get_data(as_text=True)
    assert '<script>alert("x")</script>' not in text
    assert re.search(r"&lt;script&gt;alert\(&#34;x&#34;\)&lt;/script&gt;", text)
