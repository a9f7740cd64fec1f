"""A year of newsroom data for benchmarks: ``flask bench-seed``.

Rows are written in bulk (COPY on PostgreSQL, executemany on SQLite), not
through the services one by one: a hundred thousand claims walked through
the services would take hours. The rows are the ones the services would
have written: claims in every state with their verdicts, resolutions,
evidence, contacts and comments, and about ten audit events per claim
spread over the past year.
"""

import itertools
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from factcheck import caching
from factcheck.extensions import db
from factcheck.models import (
    Article,
    ArticleStatus,
    AuditEvent,
    Claim,
    ClaimSource,
    ClaimStatus,
    Comment,
    ContactAttempt,
    Evidence,
    RatingLevel,
    Resolution,
    Role,
    Source,
    SourceAlias,
    SourceKind,
    User,
    UserRole,
    Verdict,
)
from factcheck.models.base import utcnow
from factcheck.models.claim import refresh_resolution_due, refresh_source_tallies
from factcheck.models.verdict import VerdictDecision

CHECKERS = 20
EDITORS = 5
MANAGERS = 2
SOURCES = 500
UNPUBLISHED_SHARE = 0.05  # a year of work: most of it is published
DESKS = ("World", "Metro", "Business", "Politics", "Science", "")
WORDS = [
    "army",
    "city",
    "minister",
    "water",
    "harvest",
    "budget",
    "port",
    "election",
    "hospital",
    "rainfall",
    "reservoir",
    "council",
    "turnout",
    "jobs",
    "leaks",
    "quay",
    "survey",
    "figures",
    "report",
    "ceasefire",
    "border",
    "refugees",
    "inflation",
    "wages",
    "drought",
    "flood",
    "school",
    "clinic",
    "prices",
    "fuel",
    "bridge",
    "court",
    "ruling",
    "police",
]
VERBS = ("said", "told reporters", "announced", "reported", "estimated", "claimed")
# Claim states in a working (unpublished, checking) article, and how often.
WORKING_STATES = (
    (ClaimStatus.OPEN, 3),
    (ClaimStatus.ASSIGNED, 2),
    (ClaimStatus.RESEARCHING, 3),
    (ClaimStatus.RETURNED, 1),
    (ClaimStatus.IN_REVIEW, 2),
    (ClaimStatus.APPROVED, 6),
    (ClaimStatus.WITHDRAWN, 1),
)
# The first claims of a checking article; None: approved, resolution to write.
EVERY_STATE = (
    ClaimStatus.OPEN,
    ClaimStatus.ASSIGNED,
    ClaimStatus.RESEARCHING,
    ClaimStatus.RETURNED,
    ClaimStatus.IN_REVIEW,
    None,
    ClaimStatus.APPROVED,
    ClaimStatus.WITHDRAWN,
)


def seeded_tables() -> list[sa.Table]:
    """Every table the newsroom writes, parents before children."""
    return [
        m.__table__
        for m in (
            User,
            UserRole,
            Source,
            SourceAlias,
            Article,
            Claim,
            ClaimSource,
            Verdict,
            Resolution,
            Evidence,
            ContactAttempt,
            Comment,
            AuditEvent,
        )
    ]


@dataclass
class Rows:
    """Rows per table, in insert order, as dicts of column values."""

    tables: dict[sa.Table, list[dict[str, Any]]] = field(default_factory=dict)
    next_ids: dict[sa.Table, int] = field(default_factory=dict)

    def flush(self, written: dict[str, int]) -> None:
        """Write what has been built so far, parents first, and forget it."""
        for table in seeded_tables():
            rows = self.tables.pop(table, [])
            _write(table, rows)
            written[table.name] = written.get(table.name, 0) + len(rows)

    def add(self, table: sa.Table, **values: Any) -> int | None:
        if "id" in table.c and "id" not in values:
            values["id"] = self.next_ids[table]
            self.next_ids[table] += 1
        self.tables.setdefault(table, []).append(values)
        return values.get("id")


def _next_ids(tables: Iterable[sa.Table]) -> dict[sa.Table, int]:
    return {
        t: (db.session.scalar(sa.select(sa.func.max(t.c.id))) or 0) + 1
        for t in tables
        if "id" in t.c
    }


def _python_defaults(table: sa.Table) -> dict[str, Any]:
    """Column defaults SQLAlchemy would have filled in (plain values only)."""
    defaults = {}
    for column in table.columns:
        default = column.default
        if default is not None and default.is_scalar:
            defaults[column.name] = default.arg
    return defaults


def _complete(table: sa.Table, rows: list[dict[str, Any]]) -> tuple[list[str], Iterator[tuple]]:
    """Every row with the same columns, defaults filled in, as tuples."""
    defaults = _python_defaults(table)
    names = [c.name for c in table.columns if c.name in defaults or c.name in rows[0]]
    names = [n for n in names if not table.c[n].computed]

    def plain(value: Any) -> Any:
        return value.value if hasattr(value, "value") and not isinstance(value, bool) else value

    return names, (tuple(plain(row.get(n, defaults.get(n))) for n in names) for row in rows)


def _write(table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    names, tuples = _complete(table, rows)
    caching.note_written(db.session)  # past the ORM: the commit still bumps the pages
    connection = db.session.connection()
    raw = connection.connection.driver_connection
    if connection.dialect.name == "postgresql":
        with raw.cursor() as cursor:
            with cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
                for row in tuples:
                    copy.write_row(row)
            if "id" in names:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT max(id) FROM {table.name}))"
                )
        return
    # SQLite: the column types' own conversions (datetimes as SQLAlchemy
    # stores them), then one executemany.
    processors = [table.c[n].type._cached_bind_processor(connection.dialect) for n in names]
    converted = (
        tuple(p(v) if p and v is not None else v for p, v in zip(processors, row, strict=True))
        for row in tuples
    )
    marks = ", ".join("?" for _ in names)
    cursor = raw.cursor()
    cursor.executemany(f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})", converted)
    cursor.close()


class Newsroom:
    """Builds the rows; ``write`` sends them to the database."""

    def __init__(self, rng: random.Random, now: datetime, password_hash: str):
        self.rng = rng
        self.now = now
        self.rows = Rows(next_ids=_next_ids(seeded_tables()))
        self.password_hash = password_hash
        self.needs_resolution = set(
            db.session.scalars(
                sa.select(RatingLevel.slug).where(RatingLevel.needs_resolution.is_(True))
            )
        )
        self.ratings = list(db.session.scalars(sa.select(RatingLevel.slug)))
        self.quotes: dict[int, str] = {}

    # --- people and sources ------------------------------------------------

    def people(self) -> None:
        def person(kind: str, n: int, roles: Sequence[Role]) -> int:
            # Numbered by id: a second run adds people beside the first ones.
            number = self.rows.next_ids[User.__table__]
            user_id = self.rows.add(
                User.__table__,
                email=f"bench-{kind}{number}@example.org",
                name=f"{kind.title()} {number:02d}",
                password_hash=self.password_hash,
                active=True,
                session_token=f"bench-{kind}{n}",
            )
            for role in roles:
                self.rows.add(UserRole.__table__, user_id=user_id, role=role)
            return user_id

        self.checkers = [person("checker", n, [Role.CHECKER]) for n in range(CHECKERS)]
        self.editors = [person("editor", n, [Role.EDITOR]) for n in range(EDITORS)]
        self.managers = [person("manager", n, [Role.MANAGER, Role.EDITOR]) for n in range(MANAGERS)]

    def sources(self) -> None:
        kinds = list(SourceKind)
        self.source_ids = []
        for n in range(SOURCES):
            number = self.rows.next_ids[Source.__table__]
            name = (
                f"{self.rng.choice(WORDS).title()} {kinds[n % len(kinds)].label.title()} {number}"
            )
            source_id = self.rows.add(
                Source.__table__,
                name=name,
                kind=kinds[n % len(kinds)],
                affiliation="",
                reliability_notes="",
            )
            self.source_ids.append(source_id)
            for a in range(self.rng.randint(1, 2)):
                self.rows.add(SourceAlias.__table__, source_id=source_id, alias=f"{name} alias {a}")
        self.source_weights = list(itertools.accumulate(1 / (r + 10) for r in range(SOURCES - 1)))

    def cited_sources(self) -> list[int]:
        """One source is cited by about one claim in twenty; the rest unevenly
        (a few often, most now and then)."""
        if self.rng.random() < 0.05:
            first = self.source_ids[0]
        else:
            first = self.rng.choices(self.source_ids[1:], cum_weights=self.source_weights)[0]
        chain = [first]
        if self.rng.random() < 0.3:
            second = self.rng.choice(self.source_ids)
            if second != first:
                chain.append(second)
        return chain

    # --- articles and claims ------------------------------------------------

    def article(self, n: int, claims: int, status: ArticleStatus) -> None:
        rng = self.rng
        created = (
            self.now - timedelta(days=rng.uniform(0, 360))
            if status is ArticleStatus.PUBLISHED
            else self.now - timedelta(days=rng.uniform(0, 10))
        )
        sentences = [
            f"{rng.choice(WORDS).title()} {rng.choice(VERBS)} that {rng.randint(2, 900)} "
            f"{rng.choice(WORDS)} {rng.choice(WORDS)} in {rng.choice(WORDS)} {n}-{i}."
            for i in range(max(claims + claims // 2, 12))
        ]
        paragraphs = [sentences[i : i + 4] for i in range(0, len(sentences), 4)]
        body, spans = "", []
        for p, paragraph in enumerate(paragraphs):
            if p:
                body += "\n\n"
            for s, sentence in enumerate(paragraph):
                if s:
                    body += " "
                spans.append((len(body), sentence))
                body += sentence
        editor = rng.choice(self.editors)
        manager = rng.choice(self.managers)
        done = status in (ArticleStatus.READY, ArticleStatus.SIGNED_OFF, ArticleStatus.PUBLISHED)
        deadline = (
            self.now + timedelta(hours=rng.randint(-48, 24 * 10))
            if status is not ArticleStatus.PUBLISHED and rng.random() < 0.85
            else None
        )
        article_id = self.rows.add(
            Article.__table__,
            title=f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} story {n}",
            byline=f"By Reporter {n % 40}",
            source_url="",
            desk=rng.choice(DESKS),
            body=body,
            deadline=deadline,
            status=status,
            version=1,
            created_by_id=editor,
            created_at=created,
            updated_at=created,
            signed_off_by_id=manager
            if status in (ArticleStatus.SIGNED_OFF, ArticleStatus.PUBLISHED)
            else None,
            signed_off_at=created + timedelta(days=2)
            if status in (ArticleStatus.SIGNED_OFF, ArticleStatus.PUBLISHED)
            else None,
            signoff_voided_reason="",
            published_at=created + timedelta(days=2, hours=2)
            if status is ArticleStatus.PUBLISHED
            else None,
        )
        self.event(editor, "article.create", "article", article_id, article_id, None, created)
        if status is not ArticleStatus.DRAFT:
            self.event(
                editor,
                "article.start_checking",
                "article",
                article_id,
                article_id,
                None,
                created + timedelta(hours=1),
            )
        chosen = sorted(rng.sample(range(len(spans)), claims))
        for n, index in enumerate(chosen):
            start, sentence = spans[index]
            # A checking article starts with one claim in every state (one
            # approved with its resolution still to write), then varies.
            unresolved = status is ArticleStatus.CHECKING and n == EVERY_STATE.index(None)
            if status is ArticleStatus.CHECKING and n < len(EVERY_STATE):
                claim_status = EVERY_STATE[n] or ClaimStatus.APPROVED
            elif status is ArticleStatus.DRAFT:
                claim_status = ClaimStatus.OPEN
            elif done:
                claim_status = (
                    ClaimStatus.WITHDRAWN if rng.random() < 0.05 else ClaimStatus.APPROVED
                )
            else:
                claim_status = rng.choices(*zip(*WORKING_STATES, strict=True))[0]
            self.claim(
                article_id,
                body,
                start,
                sentence,
                claim_status,
                editor,
                created,
                resolved=done,
                unresolved=unresolved,
            )
        if status in (ArticleStatus.SIGNED_OFF, ArticleStatus.PUBLISHED):
            self.event(
                manager,
                "article.sign_off",
                "article",
                article_id,
                article_id,
                None,
                created + timedelta(days=2),
            )
        if status is ArticleStatus.PUBLISHED:
            self.event(
                editor,
                "article.publish",
                "article",
                article_id,
                article_id,
                None,
                created + timedelta(days=2, hours=2),
            )

    def claim(
        self,
        article_id: int,
        body: str,
        start: int,
        sentence: str,
        status: ClaimStatus,
        editor: int,
        created: datetime,
        resolved: bool,
        unresolved: bool = False,
    ) -> None:
        rng = self.rng
        end = start + len(sentence)
        at = created + timedelta(minutes=rng.randint(5, 120))
        checker = (
            rng.choice(self.checkers)
            if status not in (ClaimStatus.OPEN, ClaimStatus.WITHDRAWN)
            else None
        )
        due = at + timedelta(hours=rng.randint(-24, 96)) if checker and rng.random() < 0.8 else None
        if due and status is not ClaimStatus.APPROVED and self.now - created > timedelta(days=3):
            due = self.now + timedelta(hours=rng.randint(-48, 96))
        claim_id = self.rows.add(
            Claim.__table__,
            article_id=article_id,
            exact=sentence,
            prefix=body[max(0, start - 32) : start],
            suffix=body[end : end + 32],
            start_offset=start,
            end_offset=end,
            anchor_lost=rng.random() < 0.01 and status is not ClaimStatus.APPROVED,
            kind=rng.choice(("attribution", "statistic", "quote", "characterization", "event")),
            priority=rng.choice(("high", "normal", "normal", "low")),
            status=status,
            note="",
            assignee_id=checker,
            due_at=due,
            return_reason="Needs a second source." if status is ClaimStatus.RETURNED else "",
            version=1,
            created_by_id=editor,
            created_at=at,
        )
        self.quotes[claim_id] = sentence
        for position, source_id in enumerate(self.cited_sources()):
            self.rows.add(
                ClaimSource.__table__, claim_id=claim_id, source_id=source_id, position=position
            )

        def event(actor, action, minutes):
            self.event(
                actor,
                action,
                "claim",
                claim_id,
                article_id,
                claim_id,
                at + timedelta(minutes=minutes),
            )

        event(editor, "claim.create", 0)
        if checker is None:
            if status is ClaimStatus.WITHDRAWN:
                event(editor, "claim.withdraw", 30)
            return
        event(editor, "claim.assign", 10)
        if status is ClaimStatus.ASSIGNED:
            return
        event(checker, "claim.start", 60)
        for e in range(rng.randint(2, 5)):
            self.rows.add(
                Evidence.__table__,
                claim_id=claim_id,
                title=f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} record {e}",
                url=f"https://example.org/{rng.choice(WORDS)}/{claim_id}-{e}",
                excerpt=f"The {rng.choice(WORDS)} {rng.choice(WORDS)} figures for the period.",
                note="",
                stance=rng.choice(("supports", "supports", "contradicts", "context")),
                accessed_on=(at + timedelta(hours=2)).date(),
                added_by_id=checker,
                created_at=at + timedelta(minutes=70 + e),
            )
            event(checker, "evidence.add", 70 + e)
        self.rows.add(
            ContactAttempt.__table__,
            claim_id=claim_id,
            contact="Press office",
            method="phone",
            contacted_at=at + timedelta(minutes=90),
            answer="Confirmed the figure.",
            logged_by_id=checker,
            created_at=at + timedelta(minutes=90),
        )
        event(checker, "contact.log", 90)
        if rng.random() < 0.4:
            self.rows.add(
                Comment.__table__,
                claim_id=claim_id,
                body="Looks solid; one more source would help.",
                author_id=editor,
                created_at=at + timedelta(minutes=100),
            )
            event(editor, "claim.comment", 100)
        reviewer = rng.choice(self.editors + self.managers)
        if status is ClaimStatus.RESEARCHING:
            if rng.random() < 0.1:
                # Re-opened: its words changed after a verdict was approved,
                # which stays in the history, superseded (a sign-off blocker).
                self.verdict(
                    claim_id,
                    checker,
                    reviewer,
                    VerdictDecision.APPROVED,
                    at + timedelta(hours=2),
                    round_started_at=at + timedelta(minutes=10),
                    superseded_at=at + timedelta(hours=3),
                    rated_text="Earlier wording: " + self.quotes[claim_id],
                )
                event(checker, "verdict.propose", 120)
                event(reviewer, "verdict.approve", 140)
                event(editor, "claim.words_changed", 180)
            return
        if status is ClaimStatus.RETURNED or (
            status is ClaimStatus.APPROVED and rng.random() < 0.2
        ):
            self.verdict(
                claim_id, checker, reviewer, VerdictDecision.RETURNED, at + timedelta(hours=3)
            )
            event(checker, "verdict.propose", 180)
            event(reviewer, "verdict.return", 200)
        if status is ClaimStatus.RETURNED:
            return
        decision = VerdictDecision.APPROVED if status is ClaimStatus.APPROVED else None
        approved = rng.randint(320, 60 * 72)  # minutes after the claim was made
        verdict_id, rating = self.verdict(
            claim_id,
            checker,
            reviewer,
            decision,
            at + timedelta(hours=5),
            rating=rng.choice(sorted(self.needs_resolution)) if unresolved else None,
            reviewed_at=min(self.now, at + timedelta(minutes=approved)),
            round_started_at=at + timedelta(minutes=10),  # the claim.assign event
        )
        event(checker, "verdict.propose", 300)
        if decision is None:
            return
        event(reviewer, "verdict.approve", approved)
        if unresolved:
            return
        if rating in self.needs_resolution and (resolved or rng.random() < 0.5):
            self.rows.add(
                Resolution.__table__,
                claim_id=claim_id,
                verdict_id=verdict_id,
                kind="corrected",
                note="",
                resolved_by_id=editor,
                created_at=at + timedelta(hours=8),
            )
            event(editor, "claim.resolve", 480)

    def verdict(
        self,
        claim_id,
        checker,
        reviewer,
        decision,
        at,
        rating: str | None = None,
        reviewed_at: datetime | None = None,
        round_started_at: datetime | None = None,
        superseded_at: datetime | None = None,
        rated_text: str | None = None,
    ) -> tuple[int, str]:
        rating = rating or self.rng.choice(self.ratings)
        verdict_id = self.rows.add(
            Verdict.__table__,
            claim_id=claim_id,
            rated_text=rated_text or self.quotes[claim_id],  # the words it rated
            rating=rating,
            attribution=None,
            rationale="Matches the agency's published figures.",
            proposer_id=checker,
            proposed_at=at,
            decision=decision,
            reviewer_id=reviewer if decision else None,
            reviewed_at=(reviewed_at or at + timedelta(minutes=20)) if decision else None,
            round_started_at=round_started_at if decision is VerdictDecision.APPROVED else None,
            review_note="",
            superseded_at=superseded_at,
        )
        return verdict_id, rating

    def event(self, actor, action, target_type, target_id, article_id, claim_id, at) -> None:
        self.rows.add(
            AuditEvent.__table__,
            actor_id=actor,
            action=action,
            target_type=target_type,
            target_id=target_id,
            article_id=article_id,
            claim_id=claim_id,
            summary="",
            before=None,
            after=None,
            created_at=min(at, self.now),
        )


def _statuses(articles: int, rng: random.Random, share: float) -> list[ArticleStatus]:
    """Mostly published; the rest spread over the working states."""
    unpublished = max(1, round(articles * share)) if articles > 1 else articles
    working = [
        rng.choices(
            (
                ArticleStatus.DRAFT,
                ArticleStatus.CHECKING,
                ArticleStatus.READY,
                ArticleStatus.SIGNED_OFF,
            ),
            (1, 6, 1, 1),
        )[0]
        for _ in range(unpublished)
    ]
    return working + [ArticleStatus.PUBLISHED] * (articles - unpublished)


def seed(
    articles: int,
    claims_per_article: int,
    password_hash: str,
    seed: int = 11,
    unpublished_share: float = UNPUBLISHED_SHARE,
) -> dict[str, int]:
    """Add a newsroom of this size to the database; returns rows per table.
    The first unpublished article carries twice the claims (the page for a
    long article), the last published one correspondingly fewer."""
    rng = random.Random(seed)
    newsroom = Newsroom(rng, utcnow(), password_hash)
    newsroom.people()
    newsroom.sources()
    statuses = _statuses(articles, rng, unpublished_share)
    counts = [claims_per_article] * articles
    if articles > 1:
        counts[0] += claims_per_article
        counts[-1] = max(1, counts[-1] - claims_per_article)
    written: dict[str, int] = {}
    first_claim = newsroom.rows.next_ids[Claim.__table__]
    for n, (status, count) in enumerate(zip(statuses, counts, strict=True)):
        newsroom.article(n, count, status)
        if n % 25 == 24:  # bounded memory: a few thousand claims at a time
            newsroom.rows.flush(written)
    newsroom.rows.flush(written)
    # What the flush of each verdict and resolution would have stored.
    refresh_resolution_due(
        db.session.connection(), sa.select(Claim.id).where(Claim.id >= first_claim)
    )
    refresh_source_tallies(
        db.session.connection(), sa.select(Claim.id).where(Claim.id >= first_claim)
    )
    return written
