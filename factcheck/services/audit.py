"""The audit trail. Every service writes one event per change, in the
transaction of the change."""

from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import Article, AuditEvent, Claim, User


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(obj: Any, *fields: str) -> dict[str, Any]:
    return {f: _plain(getattr(obj, f)) for f in fields}


def record(
    actor: User | None,
    action: str,
    target: Any,
    summary: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    if target.id is None:
        db.session.flush()
    claim_id = target.id if isinstance(target, Claim) else getattr(target, "claim_id", None)
    if isinstance(target, Article):
        article_id = target.id
    elif isinstance(target, Claim):
        article_id = target.article_id
    else:
        article_id = getattr(getattr(target, "claim", None), "article_id", None)
    event = AuditEvent(
        actor_id=actor.id if actor else None,
        action=action,
        target_type=type(target).__name__.lower(),
        target_id=target.id,
        article_id=article_id,
        claim_id=claim_id,
        summary=summary,
        before={k: _plain(v) for k, v in (before or {}).items()} or None,
        after={k: _plain(v) for k, v in (after or {}).items()} or None,
    )
    db.session.add(event)
    return event


def history_for_article(article: Article) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.article_id == article.id)
            .order_by(AuditEvent.id.desc())
        )
    )


def round_started_at(claim: Claim) -> datetime | None:
    """When the claim's current round of checking began: its first
    assignment since it was last approved (a re-opened claim starts a new
    round). None if it was never assigned in this round."""
    db.session.flush()
    events = db.session.execute(
        sa.select(AuditEvent.action, AuditEvent.created_at)
        .where(
            AuditEvent.claim_id == claim.id,
            AuditEvent.action.in_(("claim.assign", "verdict.approve")),
        )
        .order_by(AuditEvent.id)
    )
    started = None
    for action, created_at in events:
        if action != "claim.assign":
            started = None
        elif started is None:
            started = created_at
    return started


def history_for_claim(claim: Claim) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.claim_id == claim.id)
            .order_by(AuditEvent.id.desc())
        )
    )
