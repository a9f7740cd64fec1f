"""Claims: marking, editing, assigning and moving them through the desk."""

from collections.abc import Sequence
from datetime import datetime

from factcheck import workflow
from factcheck.extensions import db
from factcheck.extraction.anchoring import anchor_span, find_quote, word_span
from factcheck.models import (
    Article,
    Claim,
    ClaimKind,
    ClaimSource,
    ClaimStatus,
    Comment,
    Priority,
    Role,
    Source,
    SourceKind,
    User,
)
from factcheck.services import audit, notifications
from factcheck.services import sources as registry
from factcheck.services.anchors import change_words
from factcheck.services.articles import transition, void_if_checked
from factcheck.services.common import ensure_version, shorten
from factcheck.services.errors import ValidationFailed


def _set_sources(claim: Claim, sources: list[Source]) -> None:
    unique = list(dict.fromkeys(sources))
    claim.source_links = [ClaimSource(source=s, position=i) for i, s in enumerate(unique)]


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def span_for_quote(article: Article, quote: str) -> tuple[int, int]:
    span = find_quote(article.body, quote)
    if span is None:
        raise ValidationFailed("This quote is not in the article text.", field="quote")
    return span


def locate_span(
    article: Article, start: int | None = None, end: int | None = None, quote: str | None = None
) -> tuple[int, int]:
    """Where the claim stands: the selected span, unless a typed quote says
    otherwise (no span, or the span no longer holds those words), then where
    the quote stands in the text (curly quotes and spacing forgiven)."""
    body = article.body
    selected = start is not None and end is not None
    if selected and (quote is None or body[start:end] == quote):
        return _whole_words(article, start, end)
    if not (quote or "").strip():
        raise ValidationFailed("Select some text of the article or type the quote.", field="quote")
    return span_for_quote(article, quote)


def source_chain(
    chain: Sequence[Source | str], new_kind: SourceKind, actor: User | None
) -> list[Source]:
    """The attribution chain as registry sources, first teller first: a name
    is looked up (aliases too) and entered as ``new_kind`` when unknown; a
    source already resolved (an accepted suggestion's) is taken as it is."""
    return [
        link if isinstance(link, Source) else registry.find_or_create(link, new_kind, actor)
        for link in chain
        if isinstance(link, Source) or link.strip()
    ]


def _whole_words(article: Article, start: int, end: int) -> tuple[int, int]:
    """The selection widened to whole words, without white space at its ends."""
    span = None
    if 0 <= start < end <= len(article.body):
        span = word_span(article.body, start, end)
    if span is None:
        raise ValidationFailed("Select some text of the article.", field="quote")
    return span


def create_claim(
    article: Article,
    actor: User,
    *,
    kind: ClaimKind,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
    priority: Priority = Priority.NORMAL,
    sources: Sequence[Source | str] = (),
    new_source_kind: SourceKind = SourceKind.ORGANISATION,
    note: str = "",
    suggestion_key: str | None = None,
) -> Claim:
    """Mark a claim to check: the span selected (``start``, ``end``) or the
    words typed (``quote``), resting on ``sources``, an attribution chain of
    registry sources or names (see ``source_chain``). The one way a claim is
    made, from the page, the API, an accepted suggestion (``suggestion_key``
    names it) or the CLI."""
    rule = workflow.check(article, "add_claim", actor)
    start, end = locate_span(article, start, end, quote)
    chain = source_chain(sources, new_source_kind, actor)
    if rule.voids_signoff:
        void_if_checked(article, actor, f"{rule.describe(actor)}.")
    claim = Claim(
        article=article,
        kind=kind,
        priority=priority,
        note=note.strip(),
        created_by=actor,
        suggestion_key=suggestion_key,
    )
    claim.set_anchor(anchor_span(article.body, start, end))
    _set_sources(claim, chain)
    db.session.add(claim)
    db.session.flush()
    audit.record(
        actor,
        "claim.create",
        claim,
        f"{actor.name} marked {_a(kind.value)} claim: “{shorten(claim.exact, 60)}”",
        after={
            "exact": claim.exact,
            "kind": kind,
            "priority": priority,
            "sources": [s.name for s in claim.sources],
        },
    )
    return claim


def edit_claim(
    claim: Claim,
    actor: User,
    expected_version: int | None,
    *,
    kind: ClaimKind,
    priority: Priority,
    sources: list[Source],
    note: str,
    span: tuple[int, int] | None = None,
) -> None:
    ensure_version(claim, expected_version, "claim")
    rule = workflow.check(claim, "edit", actor)
    before = {
        **audit.snapshot(claim, "kind", "priority", "note", "exact", "start", "end"),
        "sources": [s.name for s in claim.sources],
    }
    claim.kind, claim.priority, claim.note = kind, priority, note.strip()
    _set_sources(claim, sources)
    if span:
        span = _whole_words(claim.article, *span)
        if span != (claim.start, claim.end) or claim.anchor_lost:
            # Other words, or the same words elsewhere: what was checked no longer holds.
            change_words(claim, actor, anchor_span(claim.article.body, *span))
    after = {
        **audit.snapshot(claim, "kind", "priority", "note", "exact", "start", "end"),
        "sources": [s.name for s in claim.sources],
    }
    if after == before:
        return
    if rule.voids_signoff:
        void_if_checked(claim.article, actor, f"{actor.name} edited claim #{claim.id}.")
    audit.record(actor, "claim.edit", claim, rule.describe(actor), before=before, after=after)
    db.session.flush()


def assign_claim(
    claim: Claim,
    actor: User,
    assignee: User,
    due_at: datetime | None,
    expected_version: int | None = None,
    *,
    notify: bool = True,
) -> None:
    """Give the claim to a checker; ``notify=False`` when the caller tells
    them about several claims at once."""
    ensure_version(claim, expected_version, "claim")
    if not (assignee.active and Role.CHECKER in assignee.roles):
        raise ValidationFailed(f"{assignee.name} is not an active checker.", field="assignee")
    before = audit.snapshot(claim, "status", "assignee_id", "due_at")
    workflow.apply(claim, "assign", actor)
    if claim.assignee_id not in (None, assignee.id):
        notifications.mark_done(
            claim, notifications.CHECKER_TASKS, f"reassigned to {assignee.name}"
        )
    # the id too, not only the relationship: the snapshot below reads it before any flush
    claim.assignee, claim.assignee_id, claim.due_at = assignee, assignee.id, due_at
    due = f", due {due_at:%d %b %H:%M}" if due_at else ""
    audit.record(
        actor,
        "claim.assign",
        claim,
        f"{actor.name} assigned to {assignee.name}{due}",
        before=before,
        after=audit.snapshot(claim, "status", "assignee_id", "due_at"),
    )
    if workflow.can(actor, "start_checking", claim.article):
        transition(claim.article, "start_checking", actor)
    if notify:
        notifications.claim_assigned(claim, actor)
    db.session.flush()


def assign_claims(
    picked: dict[Claim, int | None], actor: User, assignee: User, due_at: datetime | None
) -> None:
    """Assign several claims at once, each as ``assign_claim`` would (with its
    own audit event), and tell the checker once; one refused claim refuses
    them all."""
    for claim, expected_version in picked.items():
        assign_claim(claim, actor, assignee, due_at, expected_version, notify=False)
    notifications.claims_assigned(list(picked), actor)


def move_claim(
    claim: Claim,
    action: str,
    actor: User,
    expected_version: int | None = None,
    reason: str = "",
) -> None:
    """The claim's plain buttons (the workflow says which)."""
    rule = workflow.button_rule(claim, action)
    ensure_version(claim, expected_version, "claim")
    before, after = workflow.apply(claim, action, actor)
    summary = rule.describe(actor)
    if rule.voids_signoff:
        void_if_checked(claim.article, actor, f"{summary} (claim #{claim.id}).")
    if after is ClaimStatus.WITHDRAWN:
        notifications.mark_done(
            claim,
            notifications.CHECKER_TASKS + notifications.REVIEWER_TASKS,
            f"claim withdrawn by {actor.name}",
        )
    if reason.strip():
        summary += f": {reason.strip()}"
    audit.record(
        actor, f"claim.{action}", claim, summary, before={"status": before}, after={"status": after}
    )
    db.session.flush()


def add_comment(claim: Claim, actor: User, body: str) -> Comment:
    body = body.strip()
    if not body:
        raise ValidationFailed("Write something first.", field="body")
    workflow.check(claim, "comment", actor)
    comment = Comment(claim=claim, author=actor, body=body)
    db.session.add(comment)
    db.session.flush()
    notifications.mentioned(claim, actor, body)
    audit.record(actor, "claim.comment", comment, f"{actor.name} commented: {shorten(body, 60)}")
    return comment
