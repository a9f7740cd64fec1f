"""Claims follow the article's words, and a verdict rates words.

When the body is edited each claim's words are placed again
(``extraction.anchoring``). Words that stay the same follow the text. Words
that changed re-open the check through the workflow's "words_changed" rule:
the verdicts proposed for the old words are superseded (kept in the
history, no longer in force), a claim in review goes back to its checker,
an approved claim is re-opened, and the checker and reviewer are told.
Words that cannot be placed exactly are flagged for an editor to re-mark.
Each change writes its audit event with the old and new words.
"""

from dataclasses import dataclass, field

from factcheck import workflow
from factcheck.extensions import db
from factcheck.extraction.anchoring import Anchor, BodyEdit, anchor_span, locate
from factcheck.models import Article, Claim, ClaimStatus, User, Verdict
from factcheck.models.base import utcnow
from factcheck.services import audit, notifications
from factcheck.services.common import shorten


@dataclass
class Reanchored:
    """What a body edit did to the article's claims."""

    reworded: list[Claim] = field(default_factory=list)  # words changed, check re-opened
    lost: list[Claim] = field(default_factory=list)  # flagged for an editor to re-mark


def reanchor_claims(article: Article, actor: User, old_body: str) -> Reanchored:
    """Place every claim of the article in its new body."""
    edit = BodyEdit(old_body, article.body)
    report = Reanchored()
    for claim in article.active_claims:
        # A flagged claim's offsets point into an older text: only its
        # stored words and context can find it again.
        span = (
            locate(article.body, claim.anchor) if claim.anchor_lost else edit.relocate(claim.anchor)
        )
        if span is None:
            if not claim.anchor_lost:
                flag_lost(claim, actor)
            report.lost.append(claim)
            continue
        anchor = anchor_span(article.body, *span)
        if anchor.exact != claim.exact:
            change_words(claim, actor, anchor)
            report.reworded.append(claim)
        elif claim.anchor_lost:
            claim.set_anchor(anchor)
            audit.record(
                actor,
                "claim.anchor_found",
                claim,
                f"{actor.name}'s edit put the quote back in the text",
                after={"exact": claim.exact},
            )
        else:
            claim.set_anchor(anchor)
    return report


def supersede_verdicts(claim: Claim) -> list[Verdict]:
    """Take the claim's verdicts out of force; they stay in its history."""
    now = utcnow()
    current = [v for v in claim.verdicts if v.superseded_at is None]
    for verdict in current:
        verdict.superseded_at = now
    return current


_CONSEQUENCE = {
    ClaimStatus.RETURNED: "back to the checker",
    ClaimStatus.RESEARCHING: "approval withdrawn, re-opened",
    ClaimStatus.OPEN: "approval withdrawn, re-opened",
}


def change_words(claim: Claim, actor: User, anchor: Anchor) -> None:
    """The claim now stands on other words (or at another place): the check
    of the old words no longer holds."""
    old, new = claim.exact, anchor.exact
    before, after = workflow.apply(claim, "words_changed", actor, by_system=True)
    claim.set_anchor(anchor)
    superseded = supersede_verdicts(claim)
    if old == new:
        what = f"{actor.name} moved the claim to the same words elsewhere in the text"
    else:
        what = (
            f"{actor.name} changed the claim's words: “{shorten(old, 80)}” → “{shorten(new, 80)}”"
        )
    if after is ClaimStatus.RETURNED:
        claim.return_reason = f"The words changed from “{old}” to “{new}”; check them again."
    consequence = _CONSEQUENCE.get(after) if after is not before else None
    event = audit.record(
        actor,
        "claim.words_changed",
        claim,
        what + (f"; {consequence}" if consequence else ""),
        before={"exact": old, "status": before},
        after={
            "exact": new,
            "status": after,
            "superseded_verdicts": [v.id for v in superseded],
        },
    )
    db.session.flush()
    notifications.words_changed(claim, superseded, actor, old, event.id)


def flag_lost(claim: Claim, actor: User) -> None:
    """The claim's words are gone, or the context cannot tell where they
    went: re-open it for an editor to re-mark."""
    before, after = workflow.apply(claim, "anchor_lost", actor, by_system=True)
    claim.anchor_lost = True
    superseded = supersede_verdicts(claim)
    event = audit.record(
        actor,
        "claim.anchor_lost",
        claim,
        f"Quote no longer in the text; claim re-opened ({after.label})",
        before={"exact": claim.exact, "status": before},
        after={"status": after, "superseded_verdicts": [v.id for v in superseded]},
    )
    db.session.flush()
    notifications.words_changed(claim, superseded, actor, claim.exact, event.id)
