"""The newsroom board: where every unpublished article stands, what blocks
its sign-off, who carries how much work, and how fast claims get approved.

Read-only: nothing here changes data.
"""

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from factcheck import workflow
from factcheck.extensions import db
from factcheck.models import (
    Article,
    ArticleStatus,
    AuditEvent,
    Claim,
    ClaimStatus,
    Role,
    User,
    UserRole,
)
from factcheck.models.base import utcnow

# Claims a checker still holds (in review counts: the claim is not done).
OPEN_WORK = (
    ClaimStatus.ASSIGNED,
    ClaimStatus.RESEARCHING,
    ClaimStatus.RETURNED,
    ClaimStatus.IN_REVIEW,
)
# Claims still in the checker's hands (reminders go to them).
IN_HAND = (ClaimStatus.ASSIGNED, ClaimStatus.RESEARCHING, ClaimStatus.RETURNED)
DUE_SOON = timedelta(hours=24)
UNPUBLISHED = tuple(s for s in ArticleStatus if s is not ArticleStatus.PUBLISHED)

# Deadline windows offered as a filter: name -> (label, test(deadline, now)).
WINDOWS = {
    "overdue": "Past deadline",
    "24h": "Due within 24 hours",
    "72h": "Due within 3 days",
    "week": "Due within a week",
    "none": "No deadline",
}
SORTS = {"deadline": "Deadline, soonest first", "newest": "Newest first"}

# Bar order and colours (also the legend); fill attributes, not style, for the CSP.
BAR_COLOURS = {
    ClaimStatus.APPROVED: "#1d6b35",
    ClaimStatus.IN_REVIEW: "#9c5a00",
    ClaimStatus.RESEARCHING: "#6a3fb0",
    ClaimStatus.ASSIGNED: "#2f5aa8",
    ClaimStatus.RETURNED: "#a3211a",
    ClaimStatus.OPEN: "#8a949e",
}


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything here is stored in UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def urgency(due: datetime | None, now: datetime) -> str | None:
    """'overdue', 'due_soon' (within 24 h) or None."""
    due = as_utc(due)
    if due is None:
        return None
    if due < now:
        return "overdue"
    if due < now + DUE_SOON:
        return "due_soon"
    return None


def past_due(column: sa.ColumnElement, now: datetime) -> sa.ColumnElement[bool]:
    """In SQL, what ``urgency`` calls 'overdue' (NULL, no date, is not)."""
    return column < now


def due_soon(column: sa.ColumnElement, now: datetime) -> sa.ColumnElement[bool]:
    """In SQL, what ``urgency`` calls 'due_soon'."""
    return (column >= now) & (column < now + DUE_SOON)


# --- blocking reasons ----------------------------------------------------------


@dataclass(frozen=True)
class Blocker:
    kind: str  # unassigned, overdue, in_research, awaiting_review, missing_resolution, ...
    text: str


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


# The statuses an active (not withdrawn) claim can have, counted one by one.
ACTIVE_STATUSES = tuple(s for s in ClaimStatus if s is not ClaimStatus.WITHDRAWN)


@dataclass(frozen=True, slots=True)
class Tally:
    """An article's active claims as the board counts them."""

    counts: dict[ClaimStatus, int]  # per status, statuses with none left out
    overdue: int  # open work (with the checker or the reviewer) past its due date
    overdue_in_hand: int  # of those, the ones still with the checker
    unresolved: int  # the verdict in force needs a resolution and has none
    lost: int  # the quote is no longer in the text

    def __getitem__(self, status: ClaimStatus) -> int:
        return self.counts.get(status, 0)

    def of(self, statuses: Iterable[ClaimStatus]) -> int:
        return sum(self.counts.get(s, 0) for s in statuses)


NO_CLAIMS = Tally({}, 0, 0, 0, 0)


def claim_tallies(article_ids: Iterable[int] | sa.Select, now: datetime) -> dict[int, Tally]:
    """Active claims counted per article by the database, one row per
    article, for any number of articles (a list of ids or a select of
    them). Articles without active claims are left out."""

    def number(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
        return sa.func.sum(sa.case((condition, 1), else_=0))

    overdue = past_due(Claim.due_at, now)
    active = (Claim.is_active, Claim.article_id.in_(article_ids))
    counts = (
        sa.select(
            Claim.article_id,
            *(number(Claim.status == status) for status in ACTIVE_STATUSES),
            number(Claim.status.in_(OPEN_WORK) & overdue),
            number(Claim.status.in_(IN_HAND) & overdue),
            number(Claim.anchor_lost),
        )
        .where(*active)
        .group_by(Claim.article_id)
    )
    # Apart, in the WHERE clause, where both engines turn the rule into a
    # join over the few approved verdicts rather than a probe per claim.
    unresolved = dict(
        db.session.execute(
            sa.select(Claim.article_id, sa.func.count())
            .where(*active, Claim.needs_resolution)
            .group_by(Claim.article_id)
        ).all()
    )
    tallies = {}
    for article_id, *per_status, late, late_in_hand, lost in db.session.execute(counts):
        tallies[article_id] = Tally(
            {s: n for s, n in zip(ACTIVE_STATUSES, per_status, strict=True) if n},
            late,
            late_in_hand,
            unresolved.get(article_id, 0),
            lost,
        )
    return tallies


def reasons_from_tally(tally: Tally) -> list[Blocker]:
    """The board's blocking reasons, most actionable first: whether claims
    wait for a checker, a reviewer or an editor."""
    reasons: list[Blocker] = []
    if not tally.counts:
        reasons.append(Blocker("no_claims", "No claims marked yet"))
    if unassigned := tally[ClaimStatus.OPEN]:
        reasons.append(Blocker("unassigned", _n(unassigned, "claim") + " unassigned"))
    if tally.overdue:
        reasons.append(Blocker("overdue", _n(tally.overdue, "claim") + " overdue"))
    # With the checker and not overdue (those are counted as overdue).
    if researching := tally.of(IN_HAND) - tally.overdue_in_hand:
        reasons.append(Blocker("in_research", _n(researching, "claim") + " in research"))
    if in_review := tally[ClaimStatus.IN_REVIEW]:
        reasons.append(Blocker("awaiting_review", _n(in_review, "verdict") + " awaiting review"))
    if tally.unresolved:
        reasons.append(
            Blocker("missing_resolution", _n(tally.unresolved, "resolution") + " missing")
        )
    if tally.lost:
        reasons.append(Blocker("anchor_lost", _n(tally.lost, "quote") + " no longer in the text"))
    return reasons


def blockers_for(
    articles: Sequence[Any],
    now: datetime | None = None,
    tallies: dict[int, Tally] | None = None,
) -> dict[int, list[Blocker]]:
    """What stands between each article (an Article or a board row: anything
    with an ``id``) and sign-off, by article id, most actionable first.

    Finer than ``workflow.signoff_blockers`` (which says "3 claims not
    approved"): it says whether they wait for a checker, a reviewer or an
    editor. Where the board sees nothing, the workflow is asked, so a new
    rule there still shows on the board; only those articles have their
    claims loaded.
    """
    now = now or utcnow()
    if tallies is None:
        tallies = claim_tallies([a.id for a in articles], now)
    reasons = {a.id: reasons_from_tally(tallies.get(a.id, NO_CLAIMS)) for a in articles}
    quiet = [a.id for a in articles if not reasons[a.id]]
    if quiet:
        loaded = db.session.scalars(
            sa.select(Article)
            .where(Article.id.in_(quiet))
            .options(
                selectinload(Article.claims).selectinload(Claim.verdicts),
                selectinload(Article.claims).selectinload(Claim.resolutions),
                # Loaded only if a workflow rule reads it.
                selectinload(Article.claims).lazyload(Claim.source_links),
            )
        )
        for article in loaded:
            reasons[article.id] = [
                Blocker("other", text) for text in workflow.signoff_blockers(article)
            ]
    return reasons


def blocking_reasons(article: Article, now: datetime | None = None) -> list[Blocker]:
    """What stands between one article and sign-off, most actionable first."""
    return blockers_for([article], now)[article.id]


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
            checker_id=int(checker) if checker.isdigit() else None,
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


@dataclass(frozen=True)
class BarSegment:
    status: ClaimStatus
    count: int
    x: float
    width: float
    colour: str


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

    @property
    def bar(self) -> list[BarSegment]:
        """Segments of a 100-unit wide bar, one per claim status present."""
        segments, x = [], 0.0
        for status, colour in BAR_COLOURS.items():
            count = self.counts.get(status, 0)
            if count:
                width = 100 * count / self.total
                segments.append(BarSegment(status, count, round(x, 2), round(width, 2), colour))
                x += width
        return segments

    @property
    def bar_label(self) -> str:
        if not self.total:
            return "No claims"
        return ", ".join(f"{s.count} {s.status.label}" for s in self.bar)


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
    tallies = claim_tallies(ids, now)
    names = _checker_names(ids)
    blockers = blockers_for(articles, now, tallies)
    return [
        BoardRow(
            article=article,
            counts=Counter(tallies.get(article.id, NO_CLAIMS).counts),
            blockers=blockers[article.id],
            urgency=urgency(article.deadline, now),
            checkers=names.get(article.id, []),
        )
        for article in articles
    ]


def board_rows(filters: BoardFilters, now: datetime | None = None) -> list[BoardRow]:
    """Every row the filters let through; the page shows them a page at a time."""
    now = now or utcnow()
    query = filtered_articles(filters, now)
    articles = db.session.execute(query).all()
    return rows_for(articles, now, query.with_only_columns(Article.id).order_by(None))


def page_count(total: int, per_page: int) -> int:
    """Pages needed for ``total`` rows; an empty board is still one page."""
    return max(1, -(-total // per_page))


@dataclass
class BoardPage:
    rows: list[BoardRow]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

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


def approvals_per_day(days: int = 30, now: datetime | None = None) -> list[DayCount]:
    """Claims approved on each of the last ``days`` days (UTC), oldest first."""
    now = now or utcnow()
    first = (now - timedelta(days=days - 1)).date()
    since = datetime(first.year, first.month, first.day, tzinfo=UTC)
    stamps = db.session.scalars(
        sa.select(AuditEvent.created_at).where(
            AuditEvent.action == "verdict.approve", AuditEvent.created_at >= since
        )
    )
    per_day = Counter(as_utc(t).date() for t in stamps)
    return [
        DayCount(first + timedelta(d), per_day.get(first + timedelta(d), 0)) for d in range(days)
    ]


def assignment_to_approval(days: int = 30, now: datetime | None = None) -> list[timedelta]:
    """For each approval in the window, the time since the claim was first
    assigned in that round (a re-opened claim starts a new round)."""
    now = now or utcnow()
    since = now - timedelta(days=days)
    approved_claims = (
        sa.select(AuditEvent.claim_id)
        .where(AuditEvent.action == "verdict.approve", AuditEvent.created_at >= since)
        .scalar_subquery()
    )
    events = db.session.execute(
        sa.select(AuditEvent.claim_id, AuditEvent.action, AuditEvent.created_at)
        .where(
            AuditEvent.claim_id.in_(approved_claims),
            AuditEvent.action.in_(("claim.assign", "verdict.approve")),
        )
        .order_by(AuditEvent.claim_id, AuditEvent.id)
    )
    started: dict[int, datetime | None] = defaultdict(lambda: None)
    durations = []
    for claim_id, action, created_at in events:
        at = as_utc(created_at)
        if action == "claim.assign":
            if started[claim_id] is None:
                started[claim_id] = at
        elif started[claim_id] is not None:
            if at >= since:
                durations.append(at - started[claim_id])
            started[claim_id] = None
    return durations


def median_assignment_to_approval(days: int = 30, now: datetime | None = None) -> timedelta | None:
    durations = assignment_to_approval(days, now)
    return statistics.median(durations) if durations else None


def format_duration(value: timedelta | None) -> str:
    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    d, rest = divmod(minutes, 24 * 60)
    h, m = divmod(rest, 60)
    if d:
        return f"{d} d {h} h"
    if h:
        return f"{h} h {m} min"
    return f"{m} min"


@dataclass(frozen=True)
class ChartBar:
    day: date
    count: int
    x: float
    y: float
    height: float


@dataclass(frozen=True)
class Chart:
    bars: list[ChartBar]
    width: int
    height: int
    peak: int
    total: int


def approvals_chart(per_day: list[DayCount], width: int = 600, height: int = 120) -> Chart:
    """Geometry of a bar chart, drawn as SVG by the template."""
    peak = max((d.count for d in per_day), default=0)
    step = width / max(len(per_day), 1)
    bars = []
    for i, d in enumerate(per_day):
        h = (height - 14) * d.count / peak if peak else 0
        bars.append(
            ChartBar(d.day, d.count, round(i * step + 1, 1), round(height - h, 1), round(h, 1))
        )
    return Chart(bars, width, height, peak, sum(d.count for d in per_day))


# --- newsroom-wide activity ------------------------------------------------------


def activity_query(actor_id: int | None = None, action: str = "") -> sa.Select:
    """Audit events newest first; ``action`` is exact ("claim.assign") or a
    family ("claim")."""
    query = sa.select(AuditEvent).order_by(AuditEvent.id.desc())
    if actor_id:
        query = query.where(AuditEvent.actor_id == actor_id)
    if action:
        if "." in action:
            query = query.where(AuditEvent.action == action)
        else:
            query = query.where(AuditEvent.action.startswith(action + ".", autoescape=True))
    return query


def activity_oldest_first(
    actor_id: int | None = None, action: str = "", chunk: int = 500
) -> Iterator[AuditEvent]:
    """Every event for these filters, oldest first, read ``chunk`` rows at a
    time by id (no server-side cursor to leave open if the reader stops)."""
    query = (
        activity_query(actor_id, action)
        .order_by(None)
        .order_by(AuditEvent.id)
        .options(selectinload(AuditEvent.actor))
        .limit(chunk)
    )
    last_id = 0
    while events := db.session.scalars(query.where(AuditEvent.id > last_id)).all():
        yield from events
        last_id = events[-1].id


def article_titles(article_ids: set[int | None]) -> dict[int, str]:
    """Titles by id, in one query, for naming the articles events belong to."""
    ids = {i for i in article_ids if i is not None}
    if not ids:
        return {}
    rows = db.session.execute(sa.select(Article.id, Article.title).where(Article.id.in_(ids)))
    return {article_id: title for article_id, title in rows}


def activity_actions() -> list[str]:
    return list(
        db.session.scalars(sa.select(AuditEvent.action).distinct().order_by(AuditEvent.action))
    )


def activity_people() -> list[User]:
    return list(
        db.session.scalars(
            sa.select(User)
            .where(User.id.in_(sa.select(AuditEvent.actor_id).distinct()))
            .order_by(User.name)
        )
    )
