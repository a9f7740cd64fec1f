"""The newsroom board: where every unpublished article stands, what blocks
its sign-off, who carries how much work, and how fast claims get approved.

Read-only: nothing here changes data.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

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


# --- blocking reasons ----------------------------------------------------------


@dataclass(frozen=True)
class Blocker:
    kind: str  # unassigned, overdue, in_research, awaiting_review, missing_resolution, ...
    text: str


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def blocking_reasons(article: Article, now: datetime | None = None) -> list[Blocker]:
    """What stands between the article and sign-off, most actionable first.

    Finer than ``workflow.signoff_blockers`` (which says "3 claims not
    approved"): it says whether they wait for a checker, a reviewer or an
    editor. Anything the workflow reports that is not covered here is added
    as it stands, so a new rule there still shows on the board.
    """
    now = now or utcnow()
    active = article.active_claims
    reasons: list[Blocker] = []
    if not active:
        reasons.append(Blocker("no_claims", "No claims marked yet"))
    unassigned = [c for c in active if c.status is ClaimStatus.OPEN]
    overdue = [c for c in active if c.status in OPEN_WORK and urgency(c.due_at, now) == "overdue"]
    researching = [c for c in active if c.status in IN_HAND and c not in overdue]
    in_review = [c for c in active if c.status is ClaimStatus.IN_REVIEW]
    unresolved = [c for c in active if c.needs_resolution]
    lost = [c for c in active if c.anchor_lost]
    if unassigned:
        reasons.append(Blocker("unassigned", _n(len(unassigned), "claim") + " unassigned"))
    if overdue:
        reasons.append(Blocker("overdue", _n(len(overdue), "claim") + " overdue"))
    if researching:
        reasons.append(Blocker("in_research", _n(len(researching), "claim") + " in research"))
    if in_review:
        reasons.append(
            Blocker("awaiting_review", _n(len(in_review), "verdict") + " awaiting review")
        )
    if unresolved:
        reasons.append(
            Blocker("missing_resolution", _n(len(unresolved), "resolution") + " missing")
        )
    if lost:
        reasons.append(Blocker("anchor_lost", _n(len(lost), "quote") + " no longer in the text"))
    if not reasons:
        # Whatever the workflow knows that the board does not spell out.
        reasons = [Blocker("other", text) for text in workflow.signoff_blockers(article)]
    return reasons


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


@dataclass(frozen=True)
class BarSegment:
    status: ClaimStatus
    count: int
    x: float
    width: float
    colour: str


@dataclass
class BoardRow:
    article: Article
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


def _filtered_articles(filters: BoardFilters, now: datetime) -> sa.Select:
    query = sa.select(Article).where(Article.status.in_(UNPUBLISHED))
    if filters.desk:
        query = query.where(Article.desk == filters.desk)
    if filters.status:
        query = query.where(Article.status == filters.status)
    if filters.window == "overdue":
        query = query.where(Article.deadline < now)
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
                    Claim.assignee_id == filters.checker_id,
                    Claim.status != ClaimStatus.WITHDRAWN,
                )
            )
        )
    if filters.sort == "newest":
        return query.order_by(Article.id.desc())
    return query.order_by(Article.deadline.is_(None), Article.deadline, Article.id)


def board_rows(filters: BoardFilters, now: datetime | None = None) -> list[BoardRow]:
    now = now or utcnow()
    query = _filtered_articles(filters, now).options(
        selectinload(Article.claims).selectinload(Claim.verdicts),
        selectinload(Article.claims).selectinload(Claim.resolutions),
        selectinload(Article.claims).selectinload(Claim.assignee),
    )
    rows = []
    for article in db.session.scalars(query):
        active = article.active_claims
        checkers = sorted({c.assignee.name for c in active if c.assignee})
        rows.append(
            BoardRow(
                article=article,
                counts=Counter(c.status for c in active),
                blockers=blocking_reasons(article, now),
                urgency=urgency(article.deadline, now),
                checkers=checkers,
            )
        )
    return rows


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
    due = sa.case((Claim.due_at < now, 1), else_=0)
    soon = sa.case(((Claim.due_at >= now) & (Claim.due_at < now + DUE_SOON), 1), else_=0)
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
