"""One schema per JSON request body, checked before any service runs.

Types are strict: a string where a list belongs, a number where a date
belongs, an id past what the database stores or an unknown field is a 400
naming the field, never a 500 and never stored as Python text. The same
models generate the request bodies of the OpenAPI description.
"""

from datetime import UTC, datetime
from typing import Annotated, Any, Literal, TypeVar

from flask import request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from factcheck.models import (
    AttributionFinding,
    ClaimKind,
    ContactOutcome,
    Priority,
    ResolutionKind,
    SourceKind,
    Stance,
)
from factcheck.models.evidence import CONTACT_METHODS
from factcheck.services.errors import ValidationFailed

DB_INT_MAX = 2**31 - 1  # PostgreSQL integer columns
EARLIEST, LATEST = 1900, 2200  # years a deadline or a due date may fall in


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _utc_in_range(value: datetime) -> datetime:
    if not EARLIEST <= value.year <= LATEST:
        raise ValueError(f"must fall between the years {EARLIEST} and {LATEST}")
    # A time without a zone is taken as UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def free_text(max_length: int) -> Any:
    return Annotated[str, Field(max_length=max_length)]


def required_text(max_length: int) -> Any:
    return Annotated[str, Field(min_length=1, max_length=max_length), AfterValidator(_not_blank)]


Id = Annotated[int, Field(ge=1, le=DB_INT_MAX)]
Offset = Annotated[int, Field(ge=0, le=DB_INT_MAX)]
Version = Annotated[
    int | None,
    Field(ge=0, le=DB_INT_MAX, description="The version you read; a stale one is 409."),
]
Moment = Annotated[datetime, AfterValidator(_utc_in_range), Field(description="ISO 8601")]
LONG_TEXT = 2_000_000  # an article body, under the request size cap anyway
NOTE = 20_000


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class TokenRequest(Body):
    email: required_text(254)
    password: required_text(512)
    name: free_text(80) = "API"


class ArticleCreate(Body):
    title: free_text(300) = ""
    body: required_text(LONG_TEXT)
    byline: free_text(200) = ""
    dateline: free_text(120) = ""
    desk: free_text(80) = ""
    source_url: free_text(2000) = ""
    deadline: Moment | None = None


class ArticleImport(Body):
    """The page as it came (``text``) or a link to fetch (``url``)."""

    text: free_text(LONG_TEXT) | None = None
    url: free_text(2000) = ""
    preview: bool = False
    title: free_text(300) = ""
    byline: free_text(200) = ""
    dateline: free_text(120) = ""
    desk: free_text(80) = ""
    deadline: Moment | None = None


class ArticleEdit(Body):
    """Only the fields sent change; ``deadline: null`` clears it."""

    version: Version = None
    title: required_text(300) | None = None
    body: required_text(LONG_TEXT) | None = None
    byline: free_text(200) | None = None
    dateline: free_text(120) | None = None
    desk: free_text(80) | None = None
    source_url: free_text(2000) | None = None
    deadline: Moment | None = None


class VersionOnly(Body):
    version: Version = None


class SuggestionDecision(Body):
    key: required_text(64)


class ClaimCreate(Body):
    """A claim by offsets (start and end) or by quote."""

    start: Offset | None = None
    end: Offset | None = None
    quote: free_text(NOTE) | None = None
    kind: ClaimKind
    priority: Priority = Priority.NORMAL
    sources: Annotated[
        list[required_text(200)],
        Field(max_length=20, description="Attribution chain, first teller first"),
    ] = []
    new_source_kind: SourceKind = SourceKind.ORGANISATION
    note: free_text(NOTE) = ""

    @model_validator(mode="after")
    def _span_or_quote(self) -> "ClaimCreate":
        if (self.start is None or self.end is None) and not (self.quote or "").strip():
            raise ValidationFailed("Give 'start' and 'end', or a 'quote'.", field="quote")
        return self


class ClaimEdit(Body):
    """Only the fields sent change; new words by offsets or by quote."""

    version: Version = None
    start: Offset | None = None
    end: Offset | None = None
    quote: free_text(NOTE) | None = None
    kind: ClaimKind | None = None
    priority: Priority | None = None
    sources: Annotated[list[required_text(200)], Field(max_length=20)] | None = None
    new_source_kind: SourceKind = SourceKind.ORGANISATION
    note: free_text(NOTE) | None = None


class EvidenceCreate(Body):
    title: required_text(300)
    stance: Stance
    url: free_text(2000) = ""
    excerpt: free_text(NOTE) = ""
    note: free_text(NOTE) = ""


class ResolutionCreate(Body):
    kind: ResolutionKind
    note: free_text(NOTE) = ""


class CommentCreate(Body):
    body: required_text(10_000)


ContactMethod = Literal[tuple(CONTACT_METHODS)]  # type: ignore[valid-type]


class ContactCreate(Body):
    contact: required_text(200)
    method: ContactMethod
    contacted_at: Moment
    answer: free_text(NOTE) = ""


class ContactAnswer(Body):
    outcome: Literal["answered", "declined", "no_reply"]
    answer: free_text(NOTE) = ""

    @property
    def outcome_kind(self) -> ContactOutcome:
        return ContactOutcome(self.outcome)


class AssignAction(Body):
    version: Version = None
    assignee_id: Id
    due_at: Moment | None = None


class ProposeAction(Body):
    version: Version = None
    rating: required_text(32)
    rationale: required_text(NOTE)
    attribution: AttributionFinding | None = None


class ApproveAction(Body):
    version: Version = None
    note: free_text(NOTE) = ""


class ReturnAction(Body):
    version: Version = None
    reason: required_text(NOTE)


class MoveAction(Body):
    """start, withdraw, restore, reopen"""

    version: Version = None
    reason: free_text(NOTE) = ""


B = TypeVar("B", bound=Body)

CLAIM_ACTION_BODIES: dict[str, type[Body]] = {
    "assign": AssignAction,
    "propose": ProposeAction,
    "approve": ApproveAction,
    "return": ReturnAction,
}


def _field_name(location: tuple) -> str | None:
    return ".".join(str(part) for part in location) or None


def _message(error: dict, field: str | None) -> str:
    if error["type"] == "missing":
        return f"'{field}' is required."
    if error["type"] == "extra_forbidden":
        return f"'{field}' is not a field of this request."
    if error["type"] == "json_invalid":
        detail = error["msg"].removeprefix("Invalid JSON: ")
        return f"The body is not JSON this API reads: {detail}."
    reason = error["msg"].removeprefix("Value error, ")
    return f"'{field}': {reason[:1].lower()}{reason[1:]}." if field else f"{reason}."


def parse_body(schema: type[B]) -> B:
    """The request's JSON body as ``schema``, or ValidationFailed naming the
    first field that is wrong."""
    if not request.is_json:
        raise ValidationFailed("Send a JSON object (Content-Type: application/json).")
    raw = request.get_data(cache=True) or b"{}"
    try:
        return schema.model_validate_json(raw)
    except ValidationError as err:
        first = err.errors()[0]
        if first["type"] == "model_type":
            raise ValidationFailed("Send a JSON object.") from None
        field = _field_name(first["loc"])
        raise ValidationFailed(_message(first, field), field=field) from None
