"""OpenAPI 3.1 description of the JSON API."""

from typing import Any

from factcheck.models import ClaimKind, Priority, SourceKind, Stance
from factcheck.services import ratings


def _values(enum_cls) -> list[str]:
    return [m.value for m in enum_cls]


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
        op["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object", **body}}},
        }
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


def spec() -> dict[str, Any]:
    string = {"type": "string"}
    version = {"type": "integer", "description": "The version you read; a stale one is 409."}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Factcheck desk API", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "responses": {
                "Error": {
                    "description": "An error with a message for people",
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
                        "Exchange email and password for a bearer token",
                        {
                            "required": ["email", "password"],
                            "properties": {"email": string, "password": string},
                        },
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
                    {
                        "properties": {
                            "text": string,
                            "url": string,
                            "preview": {"type": "boolean"},
                            "title": string,
                            "byline": string,
                            "desk": string,
                            "deadline": {"type": "string", "format": "date-time"},
                        },
                    },
                    201,
                ),
            },
            "/articles": {
                "get": _op("List articles, newest first (50 a page)"),
                "post": _op(
                    "Import an article (editor)",
                    {
                        "required": ["body"],
                        "properties": {
                            "title": string,
                            "body": string,
                            "byline": string,
                            "desk": string,
                            "source_url": string,
                            "deadline": {"type": "string", "format": "date-time"},
                        },
                    },
                    201,
                ),
            },
            "/articles/{article_id}": {
                "parameters": [_id("article_id")],
                "get": _op("An article with its body and claims"),
                "patch": _op(
                    "Edit an article (editor): a new body re-places every claim's words; "
                    "claims whose words changed are re-opened (reworded_claims), claims "
                    "whose words are gone are flagged (lost_claims)",
                    {
                        "properties": {
                            "version": version,
                            "title": string,
                            "body": string,
                            "byline": string,
                            "desk": string,
                            "source_url": string,
                            "deadline": {"type": ["string", "null"], "format": "date-time"},
                        }
                    },
                ),
            },
            "/articles/{article_id}/actions/{action}": {
                "parameters": [
                    _id("article_id"),
                    _action(
                        "action", ["start_checking", "mark_ready", "sign_off", "publish", "reopen"]
                    ),
                ],
                "post": _op(
                    "Move the article through its workflow", {"properties": {"version": version}}
                ),
            },
            "/articles/{article_id}/claims": {
                "parameters": [_id("article_id")],
                "post": _op(
                    "Mark a claim by offsets or by quote (editor)",
                    {
                        "required": ["kind"],
                        "properties": {
                            "start": {"type": "integer"},
                            "end": {"type": "integer"},
                            "quote": string,
                            "kind": {"type": "string", "enum": _values(ClaimKind)},
                            "priority": {"type": "string", "enum": _values(Priority)},
                            "sources": {
                                "type": "array",
                                "items": string,
                                "description": "Attribution chain, first teller first",
                            },
                            "new_source_kind": {"type": "string", "enum": _values(SourceKind)},
                            "note": string,
                        },
                    },
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
                    "(the suggestions); every action but accept-all takes the key (editor)",
                    {"properties": {"key": string}},
                ),
            },
            "/claims/{claim_id}": {
                "parameters": [_id("claim_id")],
                "get": _op("A claim"),
                "patch": _op(
                    "Edit a claim (editor); new offsets or quote that change its words or "
                    "place re-open its check",
                    {
                        "properties": {
                            "version": version,
                            "start": {"type": "integer"},
                            "end": {"type": "integer"},
                            "quote": string,
                            "kind": {"type": "string", "enum": _values(ClaimKind)},
                            "priority": {"type": "string", "enum": _values(Priority)},
                            "sources": {"type": "array", "items": string},
                            "new_source_kind": {"type": "string", "enum": _values(SourceKind)},
                            "note": string,
                        }
                    },
                ),
            },
            "/claims/{claim_id}/evidence": {
                "parameters": [_id("claim_id")],
                "post": _op(
                    "Add evidence (the assigned checker)",
                    {
                        "required": ["title", "stance"],
                        "properties": {
                            "title": string,
                            "url": string,
                            "excerpt": string,
                            "note": string,
                            "stance": {"type": "string", "enum": _values(Stance)},
                        },
                    },
                    201,
                ),
            },
            "/claims/{claim_id}/actions/{action}": {
                "parameters": [
                    _id("claim_id"),
                    _action(
                        "action",
                        [
                            "assign",
                            "start",
                            "propose",
                            "approve",
                            "return",
                            "withdraw",
                            "restore",
                            "reopen",
                        ],
                    ),
                ],
                "post": _op(
                    "Move the claim through its workflow",
                    {
                        "properties": {
                            "version": version,
                            "assignee_id": {"type": "integer"},
                            "due_at": {"type": "string", "format": "date-time"},
                            "rating": {"type": "string", "enum": [r.slug for r in ratings.scale()]},
                            "attribution": {
                                "type": "string",
                                "enum": ["confirmed", "not_found", "misquoted"],
                            },
                            "rationale": string,
                            "reason": string,
                            "note": string,
                        }
                    },
                ),
            },
        },
    }
