"""The newsroom board: where every unpublished article stands, what blocks
its sign-off, who carries how much work, and how fast claims get approved.

Read-only: nothing here changes data. What blocks sign-off is
``services.blockers``; deadlines are ``services.deadlines``; the drawing is
``web.charts``; the activity trail is ``services.activity``.
"""

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import (
    Article,
    ArticleStatus,
    AuditEvent,
    Claim,
    Role,
    User,
    UserRole,
    Verdict,
)
from factcheck.models.base import utcnow
from factcheck.models.verdict import VerdictDecision
from factcheck.services import whole_number
from factcheck.services.blockers import NO_CLAIMS, Blocker, blockers_for, tallies
from factcheck.services.common import CountedPage, page_count
from factcheck.services.deadlines import OPEN_WORK, due_soon, past_due, urgency

UNPUBLISHED = tuple(s for s in ArticleStatus if s is not ArticleStatus.PUBLISHED)

# Deadline windows offered as a filter.
WINDOWS = {
    "overdue": "Past deadline",
    "24h": "Due within 24 hours",
    "72h": "Due within 3 days",
    "week": "Due within a week",
    "none": "No deadline",
}
SORTS = {"deadline": "Deadline, soonest first", "newest": "Newest first"}


# --- the board -------------------------------------------------------------------


@dataclass
class BoardFilters:
    desk: str = ""
    status: ArticleStatus | None = None
    window: str = ""
    checker_id: int | None = None
    sort: str = "deadline"

    @classmethod
    def from_args(cls, args) -> "BoardFilters":
        status = args.get("status", "")
        checker = args.get("checker", "")
        window = args.get("window", "")
        sort = args.get("sort", "deadline")
        return cls(
            desk=args.get("desk", "").strip(),
            status=ArticleStatus(status) if status in {s.value for s in UNPUBLISHED} else None,
            window=window if window in WINDOWS else "",
            checker_id=whole_number(checker),
            sort=sort if sort in SORTS else "deadline",
        )

    def as_args(self) -> dict[str, str | int]:
        """The filters as query arguments (for links to other pages)."""
        args = {
            "desk": self.desk,
            "status": self.status.value if self.status else "",
            "window": self.window,
            "checker": self.checker_id or "",
            "sort": "" if self.sort == "deadline" else self.sort,
        }
        return {key: value for key, value in args.items() if value}


@dataclass
class BoardRow:
    article: "Article | sa.Row"  # a row of ROW_COLUMNS on the board
    counts: Counter
    blockers: list[Blocker]
    urgency: str | None
    checkers: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


# What a board row shows of an article: read as plain rows (row.id,
# row.title, ...), never as Article objects, so the body stays in the database.
ROW_COLUMNS = (Article.id, Article.title, Article.desk, Article.status, Article.deadline)
PER_PAGE = 100


def filtered_articles(filters: BoardFilters, now: datetime) -> sa.Select:
    """The unpublished articles the filters let through, in board order,
    as rows of ROW_COLUMNS."""
    query = sa.select(*ROW_COLUMNS).where(Article.status.in_(UNPUBLISHED))
    if filters.desk:
        query = query.where(Article.desk == filters.desk)
    if filters.status:
        query = query.where(Article.status == filters.status)
    if filters.window == "overdue":
        query = query.where(past_due(Article.deadline, now))
    elif filters.window == "none":
        query = query.where(Article.deadline.is_(None))
    elif filters.window:
        horizon = {"24h": timedelta(hours=24), "72h": timedelta(days=3), "week": timedelta(7)}
        query = query.where(
            Article.deadline >= now, Article.deadline < now + horizon[filters.window]
        )
    if filters.checker_id:
        query = query.where(
            Article.id.in_(
                sa.select(Claim.article_id).where(
                    Claim.assignee_id == filters.checker_id, Claim.is_active
                )
            )
        )
    if filters.sort == "newest":
        return query.order_by(Article.id.desc())
    return query.order_by(Article.deadline.is_(None), Article.deadline, Article.id)


def _checker_names(article_ids: Iterable[int] | sa.Select) -> dict[int, list[str]]:
    """Who is assigned to each article's active claims, by name."""
    names: dict[int, set[str]] = defaultdict(set)
    rows = db.session.execute(
        sa.select(Claim.article_id, User.name)
        .join(User, User.id == Claim.assignee_id)
        .where(Claim.is_active, Claim.article_id.in_(article_ids))
        .distinct()
    )
    for article_id, name in rows:
        names[article_id].add(name)
    return {article_id: sorted(found) for article_id, found in names.items()}


def rows_for(
    articles: Sequence[Any],
    now: datetime | None = None,
    article_ids: Sequence[int] | sa.Select | None = None,
) -> list[BoardRow]:
    """Board rows for these articles (rows of ROW_COLUMNS or Article
    objects), in their order, counted by the database in a fixed number of
    queries. ``article_ids`` may name them as a select, which is cheaper
    than a long list for a whole board."""
    now = now or utcnow()
    ids = [a.id for a in articles] if article_ids is None else article_ids
    counted = tallies(ids, now)
    names = _checker_names(ids)
    blockers = blockers_for([a.id for a in articles], now, counted)
    return [
        BoardRow(
            article=article,
            counts=Counter(counted.get(article.id, NO_CLAIMS).counts),
            blockers=blockers[article.id],
            urgency=urgency(article.deadline, now),
            checkers=names.get(article.id, []),
        )
        for article in articles
    ]


@dataclass
class BoardPage(CountedPage):
    rows: list[BoardRow]
    page: int
    per_page: int
    total: int

    @property
    def first(self) -> int:
        """Position of the first row shown, counting from 1 (0 when none)."""
        return (self.page - 1) * self.per_page + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return (self.page - 1) * self.per_page + len(self.rows)


def board_page(
    filters: BoardFilters, page: int = 1, now: datetime | None = None, per_page: int = 0
) -> BoardPage:
    """One page of the board, in board order; a page past the end shows the last."""
    now = now or utcnow()
    per_page = per_page or PER_PAGE
    query = filtered_articles(filters, now)
    total = db.session.scalar(
        sa.select(sa.func.count()).select_from(query.order_by(None).subquery())
    )
    page = min(max(page, 1), page_count(total, per_page))
    articles = db.session.execute(query.limit(per_page).offset((page - 1) * per_page)).all()
    return BoardPage(rows_for(articles, now), page, per_page, total)


def desks() -> list[str]:
    return list(
        db.session.scalars(
            sa.select(Article.desk)
            .where(Article.desk != "", Article.status.in_(UNPUBLISHED))
            .distinct()
            .order_by(Article.desk)
        )
    )


def checkers() -> list[User]:
    return list(
        db.session.scalars(
            sa.select(User)
            .join(UserRole)
            .where(UserRole.role == Role.CHECKER, User.active.is_(True))
            .order_by(User.name)
        )
    )


# --- workload ---------------------------------------------------------------------


@dataclass(frozen=True)
class Workload:
    checker: User
    open: int
    overdue: int
    due_soon: int


def workload(now: datetime | None = None) -> list[Workload]:
    """Open claims per active checker, and how many are overdue or due soon."""
    now = now or utcnow()
    due = sa.case((past_due(Claim.due_at, now), 1), else_=0)
    soon = sa.case((due_soon(Claim.due_at, now), 1), else_=0)
    counts = {
        row.assignee_id: row
        for row in db.session.execute(
            sa.select(
                Claim.assignee_id,
                sa.func.count().label("open"),
                sa.func.sum(due).label("overdue"),
                sa.func.sum(soon).label("due_soon"),
            )
            .join(Article)
            .where(Claim.status.in_(OPEN_WORK), Article.status != ArticleStatus.PUBLISHED)
            .group_by(Claim.assignee_id)
        )
    }
    result = []
    for user in checkers():
        row = counts.get(user.id)
        result.append(
            Workload(
                user,
                row.open if row else 0,
                int(row.overdue or 0) if row else 0,
                int(row.due_soon or 0) if row else 0,
            )
        )
    return sorted(result, key=lambda w: (-w.overdue, -w.open, w.checker.name))


# --- throughput -------------------------------------------------------------------


@dataclass(frozen=True)
class DayCount:
    day: date
    count: int


def _utc_date(column: sa.ColumnElement) -> sa.ColumnElement:
    """The UTC calendar day of a stored moment, in SQL (SQLite stores UTC
    text; PostgreSQL is asked for the day in UTC, whatever its zone)."""
    if db.session.get_bind().dialect.name == "postgresql":
        return sa.func.date(sa.func.timezone("UTC", column))
    return sa.func.date(column)


def approvals_per_day(days: int = 30, now: datetime | None = None) -> list[DayCount]:
    """Claims approved on each of the last ``days`` days (UTC), oldest first."""
    now = now or utcnow()
    first = (now - timedelta(days=days - 1)).date()
    since = datetime(first.year, first.month, first.day, tzinfo=UTC)
    day = _utc_date(AuditEvent.created_at)
    rows = db.session.execute(
        sa.select(day, sa.func.count())
        .where(AuditEvent.action == "verdict.approve", AuditEvent.created_at >= since)
        .group_by(day)
    )
    per_day = {date.fromisoformat(str(d)): n for d, n in rows}
    return [
        DayCount(first + timedelta(d), per_day.get(first + timedelta(d), 0)) for d in range(days)
    ]


def assignment_to_approval(days: int = 30, now: datetime | None = None) -> list[timedelta]:
    """For each approval in the window, the time since the claim was first
    assigned in that round (a re-opened claim starts a new round): kept on
    the verdict when it is approved."""
    now = now or utcnow()
    rows = db.session.execute(
        sa.select(Verdict.reviewed_at, Verdict.round_started_at).where(
            Verdict.decision == VerdictDecision.APPROVED,
            Verdict.reviewed_at >= now - timedelta(days=days),
            Verdict.round_started_at.is_not(None),
        )
    )
    return [approved - started for approved, started in rows]


def median_assignment_to_approval(days: int = 30, now: datetime | None = None) -> timedelta | None:
    """The median of ``assignment_to_approval``: worked out by PostgreSQL
    (thousands of approvals a month), in Python on SQLite."""
    if db.session.get_bind().dialect.name != "postgresql":
        durations = assignment_to_approval(days, now)
        return statistics.median(durations) if durations else None
    now = now or utcnow()
    waited = Verdict.reviewed_at - Verdict.round_started_at
    return db.session.scalar(
        sa.select(sa.func.percentile_cont(0.5).within_group(waited)).where(
            Verdict.decision == VerdictDecision.APPROVED,
            Verdict.reviewed_at >= now - timedelta(days=days),
            Verdict.round_started_at.is_not(None),
        )
    )
