"""schema.org ClaimReview items for an article's approved verdicts, the
markup search engines and fact-check aggregators read."""

from typing import Any

from factcheck.models import RATINGS, Article, Claim, SourceKind

# Position on the scale: accurate is best. Ratings with no place on a
# true/false scale (unverifiable) carry only their name.
SCALE = ["inaccurate", "misleading", "needs_context", "mostly_accurate", "accurate"]
PERSON_KINDS = {SourceKind.PERSON, SourceKind.ANALYST, SourceKind.OFFICIAL}


def _rating(slug: str) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": RATINGS[slug].label}
    if slug in SCALE:
        rating.update(ratingValue=SCALE.index(slug) + 1, bestRating=len(SCALE), worstRating=1)
    return rating


def _claim_author(claim: Claim) -> dict[str, Any] | None:
    if not claim.sources:
        return None
    first = claim.sources[0]
    kind = "Person" if first.kind in PERSON_KINDS else "Organization"
    return {"@type": kind, "name": first.name}


def claimreview_items(article: Article, newsroom: str, article_url: str) -> list[dict]:
    items = []
    for claim in article.active_claims:
        verdict = claim.approved_verdict
        if verdict is None or claim.status.value != "approved":
            continue
        reviewed: dict[str, Any] = {"@type": "Claim"}
        author = _claim_author(claim)
        if author:
            reviewed["author"] = author
        if article.source_url:
            reviewed["appearance"] = {"@type": "CreativeWork", "url": article.source_url}
        items.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"{article_url}#claim-{claim.id}",
                "datePublished": (verdict.reviewed_at or verdict.proposed_at).date().isoformat(),
                "author": {"@type": "Organization", "name": newsroom},
                "claimReviewed": claim.exact,
                "itemReviewed": reviewed,
                "reviewRating": _rating(verdict.rating),
                "reviewBody": verdict.rationale,
            }
        )
    return items
