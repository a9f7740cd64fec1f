"""One commit per request, after the view returns; a rollback on any error;
refusals answered by their type."""

import sqlalchemy as sa
from sqlalchemy.orm.exc import StaleDataError

from factcheck.extensions import db
from factcheck.models import Claim, Source
from factcheck.services import claims as claim_service
from factcheck.services.errors import StaleEdit, ValidationFailed
from tests.conftest import login


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_a_failed_commit_shows_no_success_and_stores_nothing(app, make, editor, monkeypatch):
    article = make.article(editor, title="Before")
    db.session.commit()
    client = login(app, editor)
    form = client.get(f"/articles/{article.id}/edit")
    assert form.status_code == 200

    real_commit = db.session.commit

    def commit_refused_by_the_database():
        db.session.flush()
        raise StaleDataError("row changed meanwhile")

    monkeypatch.setattr(db.session, "commit", commit_refused_by_the_database)
    response = client.post(
        f"/articles/{article.id}/edit",
        data={"title": "After", "body": article.body, "version": article.version},
    )
    monkeypatch.setattr(db.session, "commit", real_commit)

    assert response.status_code == 409  # not the redirect a success answers with
    assert "Article saved." not in response.get_data(as_text=True)
    db.session.expire_all()
    assert article.title == "Before"
    page = client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert "Article saved." not in page  # the view's flash went with the failed commit


def test_a_refused_service_call_rolls_back_what_it_flushed(app, make, editor, monkeypatch):
    article = make.article(editor)
    db.session.commit()
    client = login(app, editor)
    real_create = claim_service.create_claim

    def create_then_refuse(*args, **kwargs):
        real_create(*args, **kwargs)  # flushes the claim, its new source, the audit event
        raise ValidationFailed("Refused after the flush.", field="note")

    monkeypatch.setattr(claim_service, "create_claim", create_then_refuse)
    response = client.post(
        f"/articles/{article.id}/claims",
        data={
            "quote": "about 40 kilometers south of Hama",
            "kind": "statistic",
            "priority": "normal",
            "sources": "A Source Nobody Named Before",
            "new_source_kind": "organisation",
        },
    )
    assert response.status_code == 400
    assert "Refused after the flush." in response.get_data(as_text=True)
    db.session.expire_all()
    assert count(Claim) == 0
    assert count(Source) == 0


def test_a_stale_edit_answers_409_whatever_its_wording(app, make, editor, monkeypatch):
    article = make.article(editor)
    db.session.commit()
    client = login(app, editor)

    def stale(*args, **kwargs):
        err = StaleEdit("article")
        err.args = ("Reworded: another save came first.",)
        raise err

    monkeypatch.setattr("factcheck.services.articles.edit_article", stale)
    response = client.post(
        f"/articles/{article.id}/edit",
        data={"title": "New", "body": article.body, "version": article.version},
    )
    assert response.status_code == 409
    assert "Reworded: another save came first." in response.get_data(as_text=True)


def test_an_api_refusal_rolls_back_and_names_the_field(app, make, editor, monkeypatch):
    article = make.article(editor)
    db.session.commit()
    real_create = claim_service.create_claim

    def create_then_refuse(*args, **kwargs):
        real_create(*args, **kwargs)
        raise ValidationFailed("Refused after the flush.", field="note")

    monkeypatch.setattr(claim_service, "create_claim", create_then_refuse)
    client = app.test_client()
    token = client.post(
        "/api/v1/token", json={"email": editor.email, "password": make.PASSWORD}
    ).get_json()["token"]
    response = client.post(
        f"/api/v1/articles/{article.id}/claims",
        json={
            "quote": "about 40 kilometers south of Hama",
            "kind": "statistic",
            "sources": ["A Source Nobody Named Before"],
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400
    assert response.get_json()["field"] == "note"
    db.session.expire_all()
    assert count(Claim) == 0
    assert count(Source) == 0
