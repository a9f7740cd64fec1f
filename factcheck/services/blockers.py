"""What blocks an article's sign-off: one definition, counted by the database.

Every page that says why an article cannot be signed off (the board, the
articles list, Waiting for me, the article page, the API) and the workflow's
sign-off precondition ask here, so the rule and its wording are written
once. An article is blocked while it has no active claim, or any active
claim is not approved, needs a resolution it lacks, lost its quote, or has
words that changed since its verdict. The
not-approved claims are told apart by who holds them (nobody, the checker
on time or late, the reviewer), most actionable first.

Counts come from three aggregate queries for any number of articles, never
from loading claims.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from factcheck.extensions import db
from factcheck.models import Article, Claim, ClaimStatus
from factcheck.models.base import utcnow
from factcheck.services.deadlines import IN_HAND, OPEN_WORK, past_due

# The statuses an active (not withdrawn) claim can have, counted one by one.
ACTIVE_STATUSES = tuple(s for s in ClaimStatus if s is not ClaimStatus.WITHDRAWN)


@dataclass(frozen=True)
class Blocker:
    kind: str  # no_claims, unassigned, overdue, in_research, awaiting_review, ...
    count: int
    text: str


@dataclass(frozen=True, slots=True)
class Tally:
    """An article's active claims, counted."""

    counts: dict[ClaimStatus, int]  # per status, statuses with none left out
    overdue: int  # open work (with the checker or the reviewer) past its due date
    overdue_in_hand: int  # of those, the ones still with the checker
    unresolved: int  # the verdict in force needs a resolution and has none
    lost: int  # the quote is no longer in the text
    reworded: int = 0  # words changed since the verdict, no verdict on the new ones yet

    def __getitem__(self, status: ClaimStatus) -> int:
        return self.counts.get(status, 0)

    def of(self, statuses: Iterable[ClaimStatus]) -> int:
        return sum(self.counts.get(s, 0) for s in statuses)


NO_CLAIMS = Tally({}, 0, 0, 0, 0)


def tallies(
    article_ids: Iterable[int] | sa.Select, now: datetime | None = None
) -> dict[int, Tally]:
    """Active claims counted per article by the database, for any number of
    articles (a list of ids or a select of them), in three queries. Articles
    without active claims are left out."""
    now = now or utcnow()
    if not isinstance(article_ids, sa.Select):
        article_ids = list(article_ids)
        if not article_ids:
            return {}

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

    # Apart, in the WHERE clause, where both engines turn each rule into a
    # join over the few claims it can concern (those with a resolution due,
    # those with a superseded verdict) rather than a probe per claim.
    def counted_where(condition: sa.ColumnElement[bool]) -> dict[int, int]:
        query = sa.select(Claim.article_id, sa.func.count()).where(*active, condition)
        return dict(db.session.execute(query.group_by(Claim.article_id)).all())

    unresolved = counted_where(Claim.needs_resolution)
    reworded = counted_where(Claim.words_changed_since_verdict & ~Claim.anchor_lost)
    found = {}
    for article_id, *per_status, late, late_in_hand, lost in db.session.execute(counts):
        found[article_id] = Tally(
            {s: n for s, n in zip(ACTIVE_STATUSES, per_status, strict=True) if n},
            late,
            late_in_hand,
            unresolved.get(article_id, 0),
            lost,
            reworded.get(article_id, 0),
        )
    return found


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def from_tally(tally: Tally) -> list[Blocker]:
    """The blockers these counts mean, most actionable first: whether claims
    wait for a checker, a reviewer or an editor. Empty: sign-off may go ahead."""
    found: list[Blocker] = []

    def add(kind: str, count: int, text: str) -> None:
        if count:
            found.append(Blocker(kind, count, text))

    if not tally.counts:
        found.append(Blocker("no_claims", 0, "No claims marked yet"))
    add("unassigned", tally[ClaimStatus.OPEN], _n(tally[ClaimStatus.OPEN], "claim") + " unassigned")
    add("overdue", tally.overdue, _n(tally.overdue, "claim") + " overdue")
    # With the checker and not overdue (those are counted as overdue).
    researching = tally.of(IN_HAND) - tally.overdue_in_hand
    add("in_research", researching, _n(researching, "claim") + " in research")
    in_review = tally[ClaimStatus.IN_REVIEW]
    add("awaiting_review", in_review, _n(in_review, "verdict") + " awaiting review")
    add("missing_resolution", tally.unresolved, _n(tally.unresolved, "resolution") + " missing")
    add("anchor_lost", tally.lost, _n(tally.lost, "quote") + " no longer in the text")
    add(
        "reworded",
        tally.reworded,
        _n(tally.reworded, "claim") + " reworded since the verdict, to check again",
    )
    return found


def blockers_for(
    article_ids: Iterable[int] | sa.Select,
    now: datetime | None = None,
    counted: dict[int, Tally] | None = None,
) -> dict[int, list[Blocker]]:
    """What blocks each article's sign-off, by article id (every id given
    is answered; pass ``counted`` when the tallies are already at hand)."""
    ids = (
        list(db.session.scalars(article_ids))
        if isinstance(article_ids, sa.Select)
        else list(article_ids)
    )
    if counted is None:
        counted = tallies(ids, now)
    return {i: from_tally(counted.get(i, NO_CLAIMS)) for i in ids}


_ANSWERED = "factcheck_signoff_blockers"  # in session.info, until the next flush


def blockers_of(article: Article) -> list[Blocker]:
    """What blocks this article's sign-off, most actionable first.

    A page asks several times (the box, each button's precondition); the
    answer is kept in the session until anything is written, and pending
    changes are written first, so it is never stale.
    """
    session = db.session()
    if session.new or session.dirty or session.deleted or article.id is None:
        session.flush()
    answered = session.info.setdefault(_ANSWERED, {})
    if article.id not in answered:
        answered[article.id] = blockers_for([article.id])[article.id]
    return answered[article.id]


@sa.event.listens_for(Session, "after_flush")
@sa.event.listens_for(Session, "after_commit")
@sa.event.listens_for(Session, "after_soft_rollback")
def _forget_answers(session: Session, *_args) -> None:
    session.info.pop(_ANSWERED, None)


def signoff_blocked(article: Article) -> str | None:
    """The workflow's precondition for getting an article ready, signed off
    or published: None when nothing blocks, else what does, in one line."""
    found = blockers_of(article)
    return "; ".join(b.text for b in found) + "." if found else None
