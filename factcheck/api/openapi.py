"""OpenAPI 3.1 description of the JSON API. Request bodies come from the
schemas the API validates with (factcheck/api/schemas.py), so the two
cannot drift apart."""

from typing import Any

from pydantic.json_schema import models_json_schema

from factcheck.api import schemas
from factcheck.services import ratings

REF = "#/components/schemas/{model}"


def _body_schemas() -> dict[str, Any]:
    bodies = [
        schemas.TokenRequest,
        schemas.ArticleCreate,
        schemas.ArticleImport,
        schemas.ArticleEdit,
        schemas.ClaimEdit,
        schemas.VersionOnly,
        schemas.SuggestionDecision,
        schemas.ClaimCreate,
        schemas.EvidenceCreate,
        schemas.ResolutionCreate,
        schemas.CommentCreate,
        schemas.ContactCreate,
        schemas.ContactAnswer,
        schemas.MoveAction,
        *schemas.CLAIM_ACTION_BODIES.values(),
    ]
    _, found = models_json_schema([(b, "validation") for b in bodies], ref_template=REF)
    defs = found["$defs"]
    # The rating scale is data the managers keep; name today's ratings.
    defs["ProposeAction"]["properties"]["rating"]["enum"] = [r.slug for r in ratings.scale()]
    return defs


def _ref(model: type[schemas.Body]) -> dict[str, str]:
    return {"$ref": REF.format(model=model.__name__)}


def _op(summary: str, body: dict | None = None, ok: int = 200) -> dict[str, Any]:
    op: dict[str, Any] = {
        "summary": summary,
        "responses": {
            str(ok): {"description": "OK"},
            "400": {"$ref": "#/components/responses/Error"},
            "401": {"$ref": "#/components/responses/Error"},
            "403": {"$ref": "#/components/responses/Error"},
            "404": {"$ref": "#/components/responses/Error"},
            "409": {"$ref": "#/components/responses/Error"},
        },
    }
    if body:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return op


def _id(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "integer"}}


def _action(name: str, values: list[str]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "string", "enum": values},
    }


CLAIM_ACTIONS = ["assign", "start", "propose", "approve", "return", "withdraw", "restore", "reopen"]


def spec() -> dict[str, Any]:
    string = {"type": "string"}
    claim_action_bodies = [_ref(m) for m in schemas.CLAIM_ACTION_BODIES.values()]
    return {
        "openapi": "3.1.0",
        "info": {"title": "Factcheck desk API", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": _body_schemas(),
            "responses": {
                "Error": {
                    "description": "An error with a message for people; 'field' names "
                    "the request field that is wrong",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"error": string, "message": string, "field": string},
                            }
                        }
                    },
                }
            },
        },
        "paths": {
            "/token": {
                "post": {
                    **_op(
                        "Exchange email and password for a bearer token (shown once; "
                        "password checks are limited per account and per address: 429)",
                        _ref(schemas.TokenRequest),
                        201,
                    ),
                    "security": [],
                }
            },
            "/articles/import": {
                "post": _op(
                    "Import a page as it came (pasted text or a link) through the same "
                    "cleaning as the import form: with preview true, what it finds (title, "
                    "byline, dateline, paragraphs, set_aside) and nothing saved; otherwise "
                    "the new article (201) (editor)",
                    _ref(schemas.ArticleImport),
                    201,
                ),
            },
            "/articles": {
                "get": _op("List articles, newest first (50 a page)"),
                "post": _op("Import an article (editor)", _ref(schemas.ArticleCreate), 201),
            },
            "/articles/{article_id}": {
                "parameters": [_id("article_id")],
                "get": _op("An article with its body and claims"),
                "patch": _op(
                    "Edit an article (editor): a new body re-places every claim's words; "
                    "claims whose words changed are re-opened (reworded_claims), claims "
                    "whose words are gone are flagged (lost_claims)",
                    _ref(schemas.ArticleEdit),
                ),
            },
            "/articles/{article_id}/actions/{action}": {
                "parameters": [
                    _id("article_id"),
                    _action(
                        "action", ["start_checking", "mark_ready", "sign_off", "publish", "reopen"]
                    ),
                ],
                "post": _op("Move the article through its workflow", _ref(schemas.VersionOnly)),
            },
            "/articles/{article_id}/claims": {
                "parameters": [_id("article_id")],
                "post": _op(
                    "Mark a claim by offsets or by quote (editor)",
                    _ref(schemas.ClaimCreate),
                    201,
                ),
            },
            "/articles/{article_id}/suggestions": {
                "parameters": [_id("article_id")],
                "get": _op("Suggested claims still to review, and the dismissed ones (editor)"),
            },
            "/articles/{article_id}/suggestions/{action}": {
                "parameters": [
                    _id("article_id"),
                    _action("action", ["accept", "accept-all", "dismiss", "restore"]),
                ],
                "post": _op(
                    "Accept a suggestion as a claim (201, the claim), accept every pending "
                    "one (201, the claims), dismiss one for the whole desk, or bring it back "
                    "(the suggestions); every action but accept-all (no body) takes the key "
                    "(editor)",
                    _ref(schemas.SuggestionDecision),
                ),
            },
            "/claims/{claim_id}": {
                "parameters": [_id("claim_id")],
                "get": _op("A claim"),
                "patch": _op(
                    "Edit a claim (editor); new offsets or quote that change its words or "
                    "place re-open its check",
                    _ref(schemas.ClaimEdit),
                ),
            },
            "/claims/{claim_id}/evidence": {
                "parameters": [_id("claim_id")],
                "post": _op(
                    "Add evidence (the assigned checker)", _ref(schemas.EvidenceCreate), 201
                ),
            },
            "/claims/{claim_id}/resolutions": {
                "parameters": [_id("claim_id")],
                "post": _op(
                    "Record what the copy does about a verdict that needs it (editor; "
                    "kept_with_note: a manager, with a note)",
                    _ref(schemas.ResolutionCreate),
                    201,
                ),
            },
            "/claims/{claim_id}/comments": {
                "parameters": [_id("claim_id")],
                "get": _op("The claim's comments, oldest first"),
                "post": _op(
                    "Comment (@Full Name or @handle tells that person)",
                    _ref(schemas.CommentCreate),
                    201,
                ),
            },
            "/claims/{claim_id}/contacts": {
                "parameters": [_id("claim_id")],
                "get": _op("The claim's contact log"),
                "post": _op(
                    "Log a contact attempt (the assigned checker)", _ref(schemas.ContactCreate), 201
                ),
            },
            "/contacts/{contact_id}/answer": {
                "parameters": [_id("contact_id")],
                "post": _op(
                    "Record how a contact attempt ended, and what they said",
                    _ref(schemas.ContactAnswer),
                ),
            },
            "/claims/{claim_id}/actions/{action}": {
                "parameters": [_id("claim_id"), _action("action", CLAIM_ACTIONS)],
                "post": _op(
                    "Move the claim through its workflow. The body depends on the action: "
                    "AssignAction, ProposeAction, ApproveAction, ReturnAction, and "
                    "MoveAction for start, withdraw, restore and reopen",
                    {"anyOf": [*claim_action_bodies, _ref(schemas.MoveAction)]},
                ),
            },
        },
    }
