"""The newsroom's audit trail read as activity: filtered, paged, exported.

Read-only; the trail itself is written by ``services.audit``.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from factcheck.extensions import db
from factcheck.models import Article, AuditEvent, User
from factcheck.services.common import PageNumbers


def activity_query(actor_id: int | None = None, action: str = "") -> sa.Select:
    """Audit events newest first; ``action`` is exact ("claim.assign") or a
    family ("claim")."""
    return _filtered(sa.select(AuditEvent).order_by(AuditEvent.id.desc()), actor_id, action)


def _filtered(query: sa.Select, actor_id: int | None, action: str) -> sa.Select:
    if actor_id:
        query = query.where(AuditEvent.actor_id == actor_id)
    if action:
        if "." in action:
            query = query.where(AuditEvent.action == action)
        else:
            query = query.where(AuditEvent.action.startswith(action + ".", autoescape=True))
    return query


def last_event_id() -> int:
    """Where an export of the trail stops: what is added meanwhile is not in it."""
    return db.session.scalar(sa.select(sa.func.max(AuditEvent.id))) or 0


def count_events(actor_id: int | None = None, action: str = "", upto: int | None = None) -> int:
    """How many events the filters let through (up to id ``upto``)."""
    query = _filtered(sa.select(sa.func.count()).select_from(AuditEvent), actor_id, action)
    if upto is not None:
        query = query.where(AuditEvent.id <= upto)
    return db.session.scalar(query)


def activity_oldest_first(
    actor_id: int | None = None, action: str = "", chunk: int = 5000, upto: int | None = None
) -> Iterator[sa.Row]:
    """Every event for these filters (up to id ``upto``), oldest first, as
    plain rows with the actor's name, read ``chunk`` rows at a time by id:
    no ORM objects for a million events, and no server-side cursor to leave
    open if the reader stops."""
    columns = (
        AuditEvent.id,
        AuditEvent.created_at,
        sa.func.coalesce(User.name, "system").label("actor_name"),
        AuditEvent.action,
        AuditEvent.article_id,
        AuditEvent.claim_id,
        AuditEvent.summary,
        AuditEvent.before,
        AuditEvent.after,
    )
    query = _filtered(
        sa.select(*columns).outerjoin(User, User.id == AuditEvent.actor_id), actor_id, action
    )
    if upto is not None:
        query = query.where(AuditEvent.id <= upto)
    query = query.order_by(AuditEvent.id).limit(chunk)
    last_id = 0
    while rows := db.session.execute(query.where(AuditEvent.id > last_id)).all():
        yield from rows
        last_id = rows[-1].id


def article_titles(article_ids: set[int | None]) -> dict[int, str]:
    """Titles by id, in one query, for naming the articles events belong to."""
    ids = {i for i in article_ids if i is not None}
    if not ids:
        return {}
    rows = db.session.execute(sa.select(Article.id, Article.title).where(Article.id.in_(ids)))
    return {article_id: title for article_id, title in rows}


@dataclass
class ActivityPage(PageNumbers):
    """A page of events, newest first, told apart from the next without
    counting the whole trail (a year of it is a million rows)."""

    items: list[AuditEvent]
    page: int
    has_next: bool


def activity_page(query: sa.Select, page: int, per_page: int = 50) -> ActivityPage:
    page = max(page, 1)
    rows = db.session.scalars(
        query.options(selectinload(AuditEvent.actor))
        .limit(per_page + 1)
        .offset((page - 1) * per_page)
    ).all()
    return ActivityPage(list(rows[:per_page]), page, len(rows) > per_page)


def _distinct(column: sa.ColumnElement) -> list:
    """The distinct values of an indexed audit column, one index probe per
    value (a loose index scan) instead of reading every event."""
    seen = sa.select(sa.func.min(column).label("value")).cte("seen", recursive=True)
    following = sa.select(sa.func.min(column)).where(column > seen.c.value).scalar_subquery()
    seen = seen.union_all(sa.select(following).where(seen.c.value.is_not(None)))
    return list(db.session.scalars(sa.select(seen.c.value).where(seen.c.value.is_not(None))))


def activity_actions() -> list[str]:
    return sorted(_distinct(AuditEvent.action))


def activity_people() -> list[User]:
    ids = _distinct(AuditEvent.actor_id)
    if not ids:
        return []
    return list(db.session.scalars(sa.select(User).where(User.id.in_(ids)).order_by(User.name)))
