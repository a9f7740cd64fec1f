"""The JSON API: bearer tokens, the same services and rules as the pages."""

import pytest

from factcheck.extensions import db
from factcheck.models import ClaimStatus
from factcheck.services import users
from factcheck.services.tokens import issue_token
from tests.conftest import login
from tests.factories import Factory


def bearer(user) -> dict:
    db.session.commit()
    return {"Authorization": f"Bearer {issue_token(user)}"}


def test_token_from_email_and_password(client, editor):
    db.session.commit()
    response = client.post(
        "/api/v1/token", json={"email": editor.email, "password": Factory.PASSWORD}
    )
    assert response.status_code == 201
    token = response.get_json()["token"]
    listing = client.get("/api/v1/articles", headers={"Authorization": f"Bearer {token}"})
    assert listing.status_code == 200
    wrong = client.post("/api/v1/token", json={"email": editor.email, "password": "nope"})
    assert wrong.status_code == 401


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer forged.token.value"}, {"Authorization": "Basic abc"}]
)
def test_without_a_valid_token_the_api_answers_401_json(client, headers):
    response = client.get("/api/v1/articles", headers=headers)
    assert response.status_code == 401
    assert response.get_json()["error"] == "Unauthorized"


def test_a_browser_session_does_not_authenticate_the_api(app, editor):
    browser = login(app, editor)
    assert browser.get("/api/v1/articles").status_code == 401


def test_editor_imports_and_marks_a_claim(client, editor):
    headers = bearer(editor)
    response = client.post(
        "/api/v1/articles",
        headers=headers,
        json={"title": "Budget", "body": "The deficit reached 4.2% of GDP, the ministry said."},
    )
    assert response.status_code == 201
    article = response.get_json()
    response = client.post(
        f"/api/v1/articles/{article['id']}/claims",
        headers=headers,
        json={
            "quote": "The deficit reached 4.2% of GDP",
            "kind": "statistic",
            "sources": ["Finance ministry"],
            "new_source_kind": "government",
        },
    )
    assert response.status_code == 201
    claim = response.get_json()
    assert claim["text"] == "The deficit reached 4.2% of GDP"
    assert claim["sources"][0]["name"] == "Finance ministry"


def test_checker_cannot_import(client, checker):
    response = client.post("/api/v1/articles", headers=bearer(checker), json={"body": "x"})
    assert response.status_code == 403


def test_bad_input_names_the_field(client, editor):
    headers = bearer(editor)
    article = client.post(
        "/api/v1/articles", headers=headers, json={"body": "Some text here."}
    ).get_json()
    response = client.post(
        f"/api/v1/articles/{article['id']}/claims",
        headers=headers,
        json={"quote": "Some text", "kind": "rumour"},
    )
    assert response.status_code == 400
    assert response.get_json()["field"] == "kind"


def test_claim_workflow_over_the_api_with_four_eyes(client, make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.RESEARCHING, assignee=checker)
    checker_headers, editor_headers = bearer(checker), bearer(editor)
    response = client.post(
        f"/api/v1/claims/{claim.id}/evidence",
        headers=checker_headers,
        json={"title": "Map", "stance": "supports", "url": "https://maps.example.org"},
    )
    assert response.status_code == 201
    response = client.post(
        f"/api/v1/claims/{claim.id}/actions/propose",
        headers=checker_headers,
        json={"rating": "accurate", "rationale": "Measured on the map."},
    )
    assert response.get_json()["status"] == "in_review"
    version = response.get_json()["version"]
    # the checker cannot approve their own verdict
    assert (
        client.post(
            f"/api/v1/claims/{claim.id}/actions/approve",
            headers=checker_headers,
            json={"version": version},
        ).status_code
        == 403
    )
    # a stale version is refused
    assert (
        client.post(
            f"/api/v1/claims/{claim.id}/actions/approve",
            headers=editor_headers,
            json={"version": version - 1},
        ).status_code
        == 409
    )
    response = client.post(
        f"/api/v1/claims/{claim.id}/actions/approve",
        headers=editor_headers,
        json={"version": version},
    )
    assert response.status_code == 200
    assert response.get_json()["status"] == "approved"


def test_password_change_or_deactivation_ends_api_tokens(client, editor, manager):
    headers = bearer(editor)
    assert client.get("/api/v1/articles", headers=headers).status_code == 200
    users.set_active(editor, False, manager)
    db.session.commit()
    assert client.get("/api/v1/articles", headers=headers).status_code == 401


def test_openapi_describes_the_paths(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert "/claims/{claim_id}/actions/{action}" in spec["paths"]
    assert "/articles/{article_id}/suggestions/{action}" in spec["paths"]


def test_suggestions_over_the_api(client, make, editor, checker, example_text):
    from factcheck.services import importing

    article = make.article(editor, body=importing.extract(example_text).body)
    headers = bearer(editor)
    url = f"/api/v1/articles/{article.id}/suggestions"
    listing = client.get(url, headers=headers).get_json()
    items = listing["items"]
    assert items and listing["dismissed"] == []
    first, second = items[0], items[1]
    assert article.body[first["start"] : first["end"]] == first["text"]
    assert set(first) >= {"key", "text", "start", "end", "kind", "sources", "priority"}

    accepted = client.post(f"{url}/accept", headers=headers, json={"key": first["key"]})
    assert accepted.status_code == 201
    assert accepted.get_json()["text"] == first["text"]
    dismissed = client.post(f"{url}/dismiss", headers=headers, json={"key": second["key"]})
    assert dismissed.status_code == 200
    after = dismissed.get_json()
    keys = {s["key"] for s in after["items"]}
    assert first["key"] not in keys and second["key"] not in keys
    assert [d["key"] for d in after["dismissed"]] == [second["key"]]
    restored = client.post(f"{url}/restore", headers=headers, json={"key": second["key"]})
    assert second["key"] in {s["key"] for s in restored.get_json()["items"]}

    assert client.post(f"{url}/dismiss", headers=headers, json={}).status_code == 400
    assert client.post(f"{url}/shred", headers=headers, json={"key": "x"}).status_code == 404
    refused = client.post(f"{url}/dismiss", headers=bearer(checker), json={"key": first["key"]})
    assert refused.status_code == 403
