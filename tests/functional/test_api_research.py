"""The API covers the whole flow: a claim rated misleading is finished
through it (resolution, then the article marked ready), and comments and
contact attempts (logged, then answered) are read and written there too."""

import pytest

from factcheck.extensions import db
from factcheck.models import (
    ArticleStatus,
    ClaimStatus,
    ContactOutcome,
    Notification,
    NotificationKind,
)
from factcheck.services.tokens import issue_token


def bearer(user) -> dict:
    token = issue_token(user)
    db.session.commit()
    return {"Authorization": f"Bearer {token}"}


def test_a_misleading_claim_is_finished_through_the_api(client, make, editor, checker):
    article = make.article(editor)
    claim = make.claim(
        article, editor=editor, status=ClaimStatus.APPROVED, assignee=checker, rating="misleading"
    )
    db.session.commit()
    headers = bearer(editor)
    blocked = client.post(
        f"/api/v1/articles/{article.id}/actions/mark_ready", json={}, headers=headers
    )
    assert blocked.status_code == 409  # the resolution is missing

    made = client.post(
        f"/api/v1/claims/{claim.id}/resolutions",
        json={"kind": "context_added", "note": "Added the ministry's caveat."},
        headers=headers,
    )
    assert made.status_code == 201
    ready = client.post(
        f"/api/v1/articles/{article.id}/actions/mark_ready", json={}, headers=headers
    )
    assert ready.status_code == 200
    db.session.expire_all()
    assert article.status is ArticleStatus.READY
    assert claim.current_resolution.note == "Added the ministry's caveat."


def test_a_resolution_of_an_unknown_kind_is_a_400_naming_the_field(client, make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.APPROVED, rating="misleading")
    db.session.commit()
    response = client.post(
        f"/api/v1/claims/{claim.id}/resolutions", json={"kind": "ignored"}, headers=bearer(editor)
    )
    assert response.status_code == 400 and response.get_json()["field"] == "kind"


def test_comments_are_written_and_read_with_mentions(client, make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.ASSIGNED, assignee=checker)
    db.session.commit()
    headers = bearer(editor)
    made = client.post(
        f"/api/v1/claims/{claim.id}/comments",
        json={"body": "@Sam Checker the ministry answers by email only."},
        headers=headers,
    )
    assert made.status_code == 201 and made.get_json()["author_id"] == editor.id
    listed = client.get(f"/api/v1/claims/{claim.id}/comments", headers=headers).get_json()
    assert [c["body"] for c in listed["items"]] == [
        "@Sam Checker the ministry answers by email only."
    ]
    told = db.session.scalars(
        db.select(Notification).where(Notification.kind == NotificationKind.MENTIONED)
    ).all()
    assert [n.recipient_id for n in told] == [checker.id]


@pytest.mark.parametrize("body", [{"body": ""}, {"body": ["a list"]}, {}])
def test_an_empty_or_mistyped_comment_is_a_400(client, make, editor, body):
    claim = make.claim(editor=editor)
    db.session.commit()
    response = client.post(f"/api/v1/claims/{claim.id}/comments", json=body, headers=bearer(editor))
    assert response.status_code == 400 and response.get_json()["field"] == "body"


def test_a_contact_is_logged_then_its_answer_recorded(client, make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.RESEARCHING, assignee=checker)
    db.session.commit()
    headers = bearer(checker)
    logged = client.post(
        f"/api/v1/claims/{claim.id}/contacts",
        json={
            "contact": "Ministry press office",
            "method": "phone",
            "contacted_at": "2030-01-02T09:00:00+00:00",
        },
        headers=headers,
    )
    assert logged.status_code == 201
    contact = logged.get_json()
    assert contact["outcome"] == "awaiting"
    answered = client.post(
        f"/api/v1/contacts/{contact['id']}/answer",
        json={"outcome": "answered", "answer": "The figure is from the 2023 census."},
        headers=headers,
    )
    assert answered.status_code == 200
    assert answered.get_json()["outcome"] == ContactOutcome.ANSWERED.value
    listed = client.get(f"/api/v1/claims/{claim.id}/contacts", headers=headers).get_json()
    assert listed["items"][0]["answer"] == "The figure is from the 2023 census."


def test_a_contact_by_an_unknown_method_is_a_400_naming_the_field(client, make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.RESEARCHING, assignee=checker)
    db.session.commit()
    response = client.post(
        f"/api/v1/claims/{claim.id}/contacts",
        json={
            "contact": "Mayor",
            "method": "carrier pigeon",
            "contacted_at": "2030-01-02T09:00:00+00:00",
        },
        headers=bearer(checker),
    )
    assert response.status_code == 400 and response.get_json()["field"] == "method"


def test_the_new_endpoints_are_in_the_openapi_description(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in (
        "/api/v1/claims/{claim_id}/resolutions",
        "/api/v1/claims/{claim_id}/comments",
        "/api/v1/claims/{claim_id}/contacts",
        "/api/v1/contacts/{contact_id}/answer",
    ):
        assert path in paths or path.removeprefix("/api/v1") in paths
