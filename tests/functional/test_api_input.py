"""Every API request body is checked against its schema: wrong types are a
400 naming the field, never a 500 and never stored as Python text."""

import json

import pytest
import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import Article, AuditEvent, Claim, ClaimStatus, Evidence, Source
from factcheck.services.tokens import issue_token


def bearer(user) -> dict:
    token = issue_token(user)
    db.session.commit()
    return {"Authorization": f"Bearer {token}"}


def count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
def desk(make, editor, checker):
    article = make.article(editor)
    open_claim = make.claim(article)
    researching = make.claim(
        article, quote="Salaries rose by 50%", status=ClaimStatus.RESEARCHING, assignee=checker
    )
    db.session.commit()
    return {"article": article.id, "claim": open_claim.id, "researching": researching.id}


NESTED = "[" * 100_000 + "]" * 100_000
CLAIMS, ASSIGN, EVIDENCE = (
    "/articles/{article}/claims",
    "/claims/{claim}/actions/assign",
    "/claims/{researching}/evidence",
)
QUOTE = {"quote": "Homs", "kind": "statistic"}
TO_CHECKER = {"assignee_id": "{checker_id}"}
ARTICLE = {"title": "T", "body": "Some text."}
FOUND = {"title": "T", "stance": "supports"}
# (who, path, body, the field the answer names)
CASES = [
    ("editor", CLAIMS, {**QUOTE, "sources": "military"}, "sources"),
    ("editor", CLAIMS, {**QUOTE, "sources": [["AP"]]}, "sources.0"),
    ("editor", CLAIMS, {**QUOTE, "sources": [""]}, "sources.0"),
    ("editor", CLAIMS, {"start": "0", "end": 4, "kind": "statistic"}, "start"),
    ("editor", CLAIMS, {"start": 0, "end": 2**63, "kind": "statistic"}, "end"),
    ("editor", CLAIMS, {"quote": ["Homs"], "kind": "statistic"}, "quote"),
    ("editor", CLAIMS, {"kind": "statistic"}, "quote"),
    ("editor", CLAIMS, {**QUOTE, "kind": "rumour"}, "kind"),
    ("editor", CLAIMS, {**QUOTE, "note": {"a": 1}}, "note"),
    ("editor", CLAIMS, {**QUOTE, "owner_id": 1}, "owner_id"),
    ("editor", ASSIGN, {**TO_CHECKER, "due_at": 1767225600}, "due_at"),
    ("editor", ASSIGN, {**TO_CHECKER, "due_at": "9999-12-31T23:59:59-05:00"}, "due_at"),
    ("editor", ASSIGN, {"assignee_id": 2**63}, "assignee_id"),
    ("editor", ASSIGN, {**TO_CHECKER, "version": "1"}, "version"),
    ("editor", ASSIGN, {"assignee_id": True}, "assignee_id"),
    ("editor", "/claims/{claim}/actions/withdraw", {"reason": ["why"]}, "reason"),
    ("editor", "/articles", {**ARTICLE, "title": ["a", "list"]}, "title"),
    ("editor", "/articles", {**ARTICLE, "body": {"a": "dict"}}, "body"),
    ("editor", "/articles", {**ARTICLE, "deadline": "9999-01-01T00:00:00"}, "deadline"),
    ("editor", "/articles", {**ARTICLE, "deadline": 20250101}, "deadline"),
    ("editor", "/articles", {**ARTICLE, "body": "   "}, "body"),
    ("editor", "/articles/{article}/actions/start_checking", {"version": 2**63}, "version"),
    ("editor", "/articles/{article}/suggestions/dismiss", {"key": 12}, "key"),
    ("checker", EVIDENCE, {**FOUND, "url": ["https://a.example"]}, "url"),
    ("checker", EVIDENCE, {**FOUND, "title": 5, "note": "n"}, "title"),
    (
        "checker",
        "/claims/{researching}/actions/propose",
        {"rating": "accurate", "rationale": {}},
        "rationale",
    ),
    ("anonymous", "/token", {"email": ["a@example.org"], "password": "x"}, "email"),
    ("editor", "/articles/import", {"text": ["<p>a list</p>"]}, "text"),
    ("editor", "/articles/import", {"text": "Some text.", "preview": "yes"}, "preview"),
]
PATCHES = [
    ("/claims/{claim}", {"sources": "military"}, "sources"),
    ("/claims/{claim}", {"kind": "rumour"}, "kind"),
    ("/claims/{claim}", {"start": -1, "end": 4}, "start"),
    ("/articles/{article}", {"deadline": 1767225600}, "deadline"),
    ("/articles/{article}", {"title": "  "}, "title"),
    ("/articles/{article}", {"body": ["x"]}, "body"),
    ("/articles/{article}", {"version": 2**63}, "version"),
]


def _fill(value, ids):
    if isinstance(value, str) and value.startswith("{") and value.endswith("_id}"):
        return ids[value[1:-1]]
    return value


@pytest.mark.parametrize(("who", "path", "body", "field"), CASES)
def test_wrong_types_are_a_400_naming_the_field(
    client, editor, checker, desk, who, path, body, field
):
    ids = {**desk, "checker_id": checker.id}
    headers = {"editor": bearer(editor), "checker": bearer(checker), "anonymous": {}}[who]
    before = {m: count(m) for m in (Article, Claim, Evidence, Source, AuditEvent)}
    body = {k: _fill(v, ids) for k, v in body.items()}
    response = client.post("/api/v1" + path.format(**ids), headers=headers, json=body)
    assert response.status_code == 400, response.get_data(as_text=True)
    answer = response.get_json()
    assert answer["field"] == field
    assert field.split(".")[0] in answer["message"]
    after = {m: count(m) for m in before}
    assert after == before  # nothing stored


@pytest.mark.parametrize(("path", "body", "field"), PATCHES)
def test_wrong_types_in_edits_are_a_400_naming_the_field(client, editor, desk, path, body, field):
    headers = bearer(editor)
    before = {m: count(m) for m in (Source, AuditEvent)}
    response = client.patch("/api/v1" + path.format(**desk), headers=headers, json=body)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.get_json()["field"] == field
    assert {m: count(m) for m in before} == before


def test_a_string_of_sources_makes_no_single_letter_sources(client, editor, desk):
    response = client.post(
        f"/api/v1/articles/{desk['article']}/claims",
        headers=bearer(editor),
        json={"quote": "Homs", "kind": "statistic", "sources": "military"},
    )
    assert response.status_code == 400
    names = set(db.session.scalars(sa.select(Source.name)))
    assert not names & set("military")


@pytest.mark.parametrize(
    "raw",
    [NESTED, '{"title": ' + NESTED + ', "body": "x"}', "[1, 2]", '"text"', "{", "nan"],
)
def test_bodies_that_are_not_a_json_object_are_a_400(client, editor, raw):
    before = count(Article)
    response = client.post(
        "/api/v1/articles", headers=bearer(editor), data=raw, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.get_json()["error"] == "Not saved"
    assert count(Article) == before


def test_a_body_sent_as_a_form_is_refused(client, editor):
    response = client.post("/api/v1/articles", headers=bearer(editor), data={"body": "Form text"})
    assert response.status_code == 400
    assert "application/json" in response.get_json()["message"]


def test_right_types_still_work_and_times_are_utc(client, editor, checker, desk):
    headers = bearer(editor)
    made = client.post(
        f"/api/v1/articles/{desk['article']}/claims",
        headers=headers,
        json={"quote": "Homs", "kind": "statistic", "sources": ["AP", "Reuters"]},
    )
    assert made.status_code == 201, made.get_data(as_text=True)
    assert [s["name"] for s in made.get_json()["sources"]] == ["AP", "Reuters"]
    assigned = client.post(
        f"/api/v1/claims/{desk['claim']}/actions/assign",
        headers=headers,
        json={"assignee_id": checker.id, "due_at": "2030-01-02T12:00:00+02:00"},
    )
    assert assigned.status_code == 200, assigned.get_data(as_text=True)
    assert assigned.get_json()["due_at"].startswith("2030-01-02T10:00:00")


def test_the_openapi_request_bodies_are_the_validation_schemas(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    create = spec["paths"]["/articles/{article_id}/claims"]["post"]["requestBody"]
    ref = create["content"]["application/json"]["schema"]["$ref"]
    claim_body = schemas[ref.rsplit("/", 1)[1]]
    assert claim_body["properties"]["sources"]["type"] == "array"
    assert claim_body["additionalProperties"] is False
    assert claim_body["required"] == ["kind"]
    assign = schemas["AssignAction"]["properties"]
    assert assign["assignee_id"]["maximum"] == 2**31 - 1
    assert "accurate" in schemas["ProposeAction"]["properties"]["rating"]["enum"]
    # every $ref in the document resolves
    text = json.dumps(spec)
    for name in {part.split('"')[0] for part in text.split("#/components/schemas/")[1:]}:
        assert name in schemas, name
