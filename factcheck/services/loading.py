"""What a page shows of an article, loaded in a fixed number of queries.

An article page, its report and its exports read every claim with its
verdicts, resolutions, evidence, contacts and the people named on them;
loaded lazily that is a query or more per claim. Here each kind of row
comes in one batch, whatever the number of claims.
"""

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from factcheck.extensions import db
from factcheck.models import Article, AuditEvent, Claim, User, Verdict


def _claims_with(*related) -> list:
    """The people named on claims and verdicts come joined to their rows,
    without their roles (nothing here asks): each round trip counts."""
    claims = selectinload(Article.claims)
    verdicts = claims.selectinload(Claim.verdicts)
    return [
        claims.joinedload(Claim.assignee).lazyload(User.role_rows),
        verdicts.joinedload(Verdict.proposer).lazyload(User.role_rows),
        verdicts.joinedload(Verdict.reviewer).lazyload(User.role_rows),
        claims.selectinload(Claim.resolutions),
        *(claims.selectinload(r) for r in related),
    ]


def article_for_page(article_id: int) -> Article | None:
    """The article with its claims, their verdicts, resolutions and
    checkers (the article page, ClaimReview)."""
    return db.session.scalar(
        sa.select(Article).where(Article.id == article_id).options(*_claims_with())
    )


def article_for_show(article_id: int) -> Article | None:
    """The article with its claims and their checkers, for the article page:
    every claim is marked in the text, but only a page of them is listed,
    so what a listed claim shows comes with ``listed_claims``."""
    claims = selectinload(Article.claims)
    return db.session.scalar(
        sa.select(Article)
        .where(Article.id == article_id)
        .options(
            claims.joinedload(Claim.assignee).lazyload(User.role_rows),
            claims.lazyload(Claim.source_links),
        )
    )


def listed_claims(claims: list[Claim]) -> list[Claim]:
    """Load what a claim's row on the article page shows (its verdicts with
    who proposed and reviewed them, resolutions, sources) for these claims,
    in a fixed number of queries."""
    if claims:
        db.session.scalars(
            sa.select(Claim)
            .where(Claim.id.in_([c.id for c in claims]))
            .options(
                # Everything the row shows: reloading a claim resets what it
                # does not name (its checker would be fetched again).
                joinedload(Claim.assignee).lazyload(User.role_rows),
                selectinload(Claim.verdicts).joinedload(Verdict.proposer).lazyload(User.role_rows),
                selectinload(Claim.verdicts).joinedload(Verdict.reviewer).lazyload(User.role_rows),
                selectinload(Claim.resolutions),
                selectinload(Claim.source_links),
            )
            .execution_options(populate_existing=True)
        ).all()
    return claims


def article_for_report(article_id: int) -> Article | None:
    """As ``article_for_page``, with each claim's evidence and contacts too
    (the report, the CSV)."""
    return db.session.scalar(
        sa.select(Article)
        .where(Article.id == article_id)
        .options(
            selectinload(Article.signed_off_by).lazyload(User.role_rows),
            *_claims_with(Claim.evidence, Claim.contacts),
        )
    )


def history(article: Article, limit: int | None = None) -> list[AuditEvent]:
    """The article's audit trail, newest first, with who did each thing;
    the newest ``limit`` events when given."""
    query = (
        sa.select(AuditEvent)
        .where(AuditEvent.article_id == article.id)
        .options(joinedload(AuditEvent.actor).lazyload(User.role_rows))
        .order_by(AuditEvent.id.desc())
    )
    if limit:
        query = query.limit(limit)
    return list(db.session.scalars(query))
