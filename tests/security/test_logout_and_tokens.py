"""Logging out ends the session on the server; API tokens are stored as
hashes, listed with when they were made and last used, and revocable one by
one or all at once."""

import hashlib

import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import ApiToken, Comment
from tests.conftest import login
from tests.factories import Factory


def _copy_of_cookie(app, client):
    """A second browser holding a copy of client's session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def _comments(claim_id: int) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(Comment).where(Comment.claim_id == claim_id)
    )


def test_a_cookie_copied_before_logout_opens_nothing_afterwards(app, make, editor):
    claim = make.claim(make.article(editor))
    browser = login(app, editor)
    thief = _copy_of_cookie(app, browser)
    assert thief.get("/inbox/").status_code == 200  # the copy works while logged in

    assert browser.post("/logout").status_code == 302
    inbox = thief.get("/inbox/")
    assert inbox.status_code == 302 and "/login?next=" in inbox.headers["Location"]
    posted = thief.post(f"/claims/{claim.id}/comments", data={"body": "after logout"})
    assert posted.status_code == 302 and "/login?next=" in posted.headers["Location"]
    db.session.expire_all()
    assert _comments(claim.id) == 0


def test_logging_out_one_browser_keeps_the_others(app, checker):
    laptop, phone = login(app, checker), login(app, checker)
    laptop.post("/logout")
    assert phone.get("/inbox/").status_code == 200
    assert "/login?next=" in laptop.get("/inbox/").headers["Location"]


def _api_token(app, user, name="script") -> str:
    response = app.test_client().post(
        "/api/v1/token",
        json={"email": user.email, "password": Factory.PASSWORD, "name": name},
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()["token"]


def _api_status(app, token: str) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    return app.test_client().get("/api/v1/articles", headers=headers).status_code


def test_logout_everywhere_ends_every_session_and_api_token(app, checker):
    laptop, phone = login(app, checker), login(app, checker)
    token = _api_token(app, checker)
    stolen = _copy_of_cookie(app, phone)
    assert _api_status(app, token) == 200
    response = laptop.post("/logout/everywhere")
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")
    for browser in (laptop, phone, stolen):
        assert "/login?next=" in browser.get("/inbox/").headers["Location"]
    assert _api_status(app, token) == 401
    # a new login works as usual
    assert login(app, checker).get("/inbox/").status_code == 200


def test_api_tokens_are_stored_as_hashes_only(app, editor):
    db.session.commit()
    token = _api_token(app, editor)
    db.session.expire_all()
    with db.engine.connect() as conn:
        cells = [str(cell) for row in conn.execute(sa.select(ApiToken.__table__)) for cell in row]
    assert not any(token in cell or cell in token for cell in cells if len(cell) > 8)
    assert hashlib.sha256(token.encode()).hexdigest() in cells


def test_tokens_are_listed_and_revoked_one_by_one(app, editor, checker):
    first, second = _api_token(app, editor, "nightly export"), _api_token(app, editor, "CMS")
    someone_elses = _api_token(app, checker, "checker script")
    assert _api_status(app, first) == 200  # marks it used
    browser = login(app, editor)
    page = browser.get("/account").get_data(as_text=True)
    assert "nightly export" in page and "CMS" in page and "checker script" not in page
    assert first not in page and second not in page  # a token is shown only once
    assert page.count("never") == 1  # "CMS" was never used; the export was

    rows = {t.name: t for t in db.session.scalars(sa.select(ApiToken))}
    export = rows["nightly export"]
    assert export.created_at is not None and export.last_used_at is not None
    assert browser.post(f"/account/tokens/{export.id}/revoke").status_code == 302
    assert _api_status(app, first) == 401
    assert _api_status(app, second) == 200
    # nobody revokes another person's token
    response = browser.post(f"/account/tokens/{rows['checker script'].id}/revoke")
    assert response.status_code == 400
    assert _api_status(app, someone_elses) == 200
    assert "nightly export" not in browser.get("/account").get_data(as_text=True)


def test_a_token_made_on_the_account_page_is_shown_once(app, editor):
    browser = login(app, editor)
    made = browser.post("/account/tokens", data={"name": "newsroom bot"})
    assert made.status_code == 200
    shown = made.get_data(as_text=True).split('class="new-token">')[1].split("<")[0]
    assert _api_status(app, shown) == 200
    assert shown not in browser.get("/account").get_data(as_text=True)


def test_password_change_ends_api_tokens(app, checker):
    token = _api_token(app, checker)
    browser = login(app, checker)
    response = browser.post(
        "/account/password",
        data={"current": Factory.PASSWORD, "password": "a brand new passphrase"},
    )
    assert response.status_code == 302
    assert _api_status(app, token) == 401
    assert browser.get("/inbox/").status_code == 200  # this browser stays logged in
