"""schema.org ClaimReview items for an article's approved verdicts, the
markup search engines and fact-check aggregators read."""

from typing import Any

from factcheck.models import Article, Claim, ClaimStatus, RatingLevel, SourceKind
from factcheck.services.common import is_web_link

PERSON_KINDS = {SourceKind.PERSON, SourceKind.ANALYST, SourceKind.OFFICIAL}


def _rating(slug: str, label: str, scale: list[RatingLevel]) -> dict[str, Any]:
    """The scale runs best first; a level that is not scored (unverifiable)
    has no number, only its name."""
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": label}
    scored = [level.slug for level in scale if level.scored]
    if slug in scored:
        rating.update(
            ratingValue=len(scored) - scored.index(slug), bestRating=len(scored), worstRating=1
        )
    return rating


def _claim_author(claim: Claim) -> dict[str, Any] | None:
    if not claim.sources:
        return None
    first = claim.sources[0]
    kind = "Person" if first.kind in PERSON_KINDS else "Organization"
    return {"@type": kind, "name": first.name}


def is_reviewed(claim: Claim) -> bool:
    """Approved, and its approved verdict rated the words the claim has now."""
    verdict = claim.approved_verdict
    return (
        claim.status is ClaimStatus.APPROVED
        and not claim.anchor_lost
        and verdict is not None
        and verdict.rated_text == claim.exact
    )


def claimreview_items(
    article: Article, newsroom: str, article_url: str, scale: list[RatingLevel]
) -> list[dict]:
    items = []
    for claim in article.active_claims:
        verdict = claim.approved_verdict
        if verdict is None or not is_reviewed(claim):
            continue
        reviewed: dict[str, Any] = {"@type": "Claim"}
        author = _claim_author(claim)
        if author:
            reviewed["author"] = author
        if is_web_link(article.source_url):
            reviewed["appearance"] = {"@type": "CreativeWork", "url": article.source_url}
        items.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"{article_url}#claim-{claim.id}",
                "datePublished": (verdict.reviewed_at or verdict.proposed_at).date().isoformat(),
                "author": {"@type": "Organization", "name": newsroom},
                "claimReviewed": verdict.rated_text,
                "itemReviewed": reviewed,
                "reviewRating": _rating(verdict.rating, verdict.rating_label, scale),
                "reviewBody": verdict.rationale,
            }
        )
    return items
