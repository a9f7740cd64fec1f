"""Helpers that shape model data for templates."""

import itertools
from dataclasses import dataclass, field
from datetime import datetime

from flask import flash
from wtforms import SelectChoice

from factcheck.localtime import format_local
from factcheck.models import Article, Claim, Role
from factcheck.models.base import utcnow
from factcheck.services import users


def checker_choices() -> list[SelectChoice]:
    """The active checkers, for the forms that assign claims."""
    return [SelectChoice(u.id, u.name) for u in users.users_with_role(Role.CHECKER)]


@dataclass
class Segment:
    start: int
    text: str
    claims: list[Claim] = field(default_factory=list)


@dataclass
class Paragraph:
    start: int
    segments: list[Segment]


def article_paragraphs(article: Article, claims: list[Claim]) -> list[Paragraph]:
    """Split the body into paragraphs and those into runs of text covered by
    the same claims, so the template can highlight them without markup in
    the stored text. Each run keeps its offset into the body."""
    paragraphs, offset = [], 0
    # Plain numbers, read once: a long article has hundreds of claims.
    spans = [(c.start, c.end, c) for c in claims if not c.anchor_lost]
    for text in article.paragraphs:
        p_start, p_end = offset, offset + len(text)
        inside = [span for span in spans if span[0] < p_end and span[1] > p_start]
        cuts = {p_start, p_end}
        for start, end, _claim in inside:
            cuts.update((max(start, p_start), min(end, p_end)))
        bounds = sorted(cuts)
        segments = [
            Segment(
                a, article.body[a:b], [c for start, end, c in inside if start <= a and end >= b]
            )
            for a, b in itertools.pairwise(bounds)
            if b > a
        ]
        paragraphs.append(Paragraph(p_start, segments))
        offset = p_end + 2  # the blank line between paragraphs
    return paragraphs


def quote_context(claim: Claim, width: int = 100) -> tuple[str, str]:
    """Words around a claim's quote in the article, cut at word boundaries,
    with "…" where the text goes on; the anchor's own prefix and suffix when
    the quote is no longer there."""
    body = claim.article.body
    if claim.anchor_lost or body[claim.start : claim.end] != claim.exact:
        return f"…{claim.prefix}", f"{claim.suffix}…"
    before = body[max(0, claim.start - width) : claim.start]
    after = body[claim.end : claim.end + width]
    if claim.start > width:
        before = "…" + before[before.find(" ") + 1 :]
    if claim.end + width < len(body):
        after = after[: after.rfind(" ")] + "…" if " " in after else after + "…"
    return before, after


def status_class(status) -> str:
    return f"status-{status.value.replace('_', '-')}"


_OPENING_QUOTES = "\"'“‘«„"


def quoted(text: str) -> str:
    """Words in curly quotes, unless they already open with a quote mark (a
    claim on a quotation would otherwise read “"a decade behind"”)."""
    text = text.strip()
    return text if text[:1] in _OPENING_QUOTES else f"“{text}”"


def warn_if_past_due(due: datetime | None) -> None:
    """A due date already gone is taken (a late assignment is still an
    assignment), but not without a word."""
    if due is not None and due < utcnow():
        flash(
            f"The due date {format_local(due)} has already passed: the claim shows as overdue.",
            "warning",
        )
