"""Full-text search and board timings on a synthetic newsroom (SQLite, or
PostgreSQL with BENCH_DATABASE_URL). Prints figures; asserts nothing.

The newsroom has claims in every state (assigned, overdue, in review,
approved with and without the resolution their rating needs, withdrawn,
quote lost), so the board has every kind of blocker to count.
"""

import gc
import os
import random
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from flask_migrate import upgrade

from config import TestConfig, normalise_database_url
from factcheck import create_app
from factcheck.extensions import db
from factcheck.models import (
    Article,
    AuditEvent,
    Claim,
    ClaimStatus,
    Resolution,
    ResolutionKind,
    Role,
    User,
    Verdict,
)
from factcheck.models.base import utcnow
from factcheck.models.rating import DEFAULT_SCALE
from factcheck.models.verdict import VerdictDecision
from factcheck.services import users

WORDS = [
    *[
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
    ],
    *[
        "reservoir",
        "council",
        "turnout",
        "jobs",
        "leaks",
        "quay",
        "birds",
        "survey",
        "figures",
        "report",
    ],
]
N_ARTICLES = int(os.environ.get("BENCH_ARTICLES", "3000"))
DESKS = ["World", "Metro", "Business", ""]
# Claim states and how often they occur; the board counts each one.
STATES = [
    (ClaimStatus.OPEN, 3),
    (ClaimStatus.ASSIGNED, 2),
    (ClaimStatus.RESEARCHING, 2),
    (ClaimStatus.RETURNED, 1),
    (ClaimStatus.IN_REVIEW, 2),
    (ClaimStatus.APPROVED, 4),
    (ClaimStatus.WITHDRAWN, 1),
]
VERDICT_STATES = (ClaimStatus.IN_REVIEW, ClaimStatus.RETURNED, ClaimStatus.APPROVED)


def work_on(claim: Claim, rng: random.Random, checkers: list[User], now) -> list:
    """Walk a claim to a random state by writing its rows directly (the
    services would be truer but far slower); returns the verdict rows."""
    status = rng.choices([s for s, _ in STATES], [w for _, w in STATES])[0]
    claim.status = status
    claim.anchor_lost = rng.random() < 0.02
    if status in (ClaimStatus.OPEN, ClaimStatus.WITHDRAWN):
        return []
    claim.assignee_id = rng.choice(checkers).id
    if rng.random() < 0.7:
        claim.due_at = now + timedelta(hours=rng.randint(-72, 240))
    if status not in VERDICT_STATES:
        return []
    decision = {
        ClaimStatus.APPROVED: VerdictDecision.APPROVED,
        ClaimStatus.RETURNED: VerdictDecision.RETURNED,
    }.get(status)
    return [(claim, rng.choice(DEFAULT_SCALE)[0], decision)]


def history(claim: Claim, rng: random.Random, now) -> list[AuditEvent]:
    """Audit events as the services would have written them: created, then
    assigned and, for an approved claim, approved some hours later (what the
    approvals chart and the median read)."""

    def event(action: str, at) -> AuditEvent:
        return AuditEvent(
            actor_id=claim.created_by_id,
            action=action,
            target_type="claim",
            target_id=claim.id,
            article_id=claim.article_id,
            claim_id=claim.id,
            created_at=at,
        )

    assigned = now - timedelta(hours=rng.randint(2, 24 * 45))
    events = [event("claim.create", assigned - timedelta(hours=1))]
    if claim.assignee_id:
        events.append(event("claim.assign", assigned))
    if claim.status is ClaimStatus.APPROVED:
        approved = min(now, assigned + timedelta(hours=rng.randint(1, 96)))
        events.append(event("verdict.approve", approved))
    return events


def main() -> None:
    url = os.environ.get("BENCH_DATABASE_URL")
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.sqlite"
    url = normalise_database_url(url) if url else f"sqlite:///{path}"
    app = create_app(type("C", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": url}))
    rng = random.Random(4)
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade()
        user = User(email="b@example.org", name="B", password_hash="x", session_token="t")
        db.session.add(user)
        manager = users.create_user("m@example.org", "M", "bench-password", [Role.MANAGER])
        checkers = [
            users.create_user(f"c{n}@example.org", f"Checker {n}", "x" * 12, [Role.CHECKER])
            for n in range(8)
        ]
        db.session.flush()
        # A separate generator for states, so the searched text stays as it was.
        state_rng, now = random.Random(7), utcnow()
        start = time.perf_counter()
        for i in range(N_ARTICLES):
            body = " ".join(rng.choice(WORDS) for _ in range(300)) + f" marker{i}"
            article = Article(
                title=f"Story {i} {rng.choice(WORDS)}",
                body=body,
                created_by_id=user.id,
                desk=state_rng.choice(DESKS),
                deadline=(
                    now + timedelta(hours=state_rng.randint(-48, 24 * 14))
                    if state_rng.random() < 0.8
                    else None
                ),
            )
            db.session.add(article)
            db.session.flush()
            to_judge, made = [], []
            for j in range(3):
                claim = Claim(
                    article_id=article.id,
                    exact=f"{rng.choice(WORDS)} {j}",
                    start=0,
                    end=5,
                    kind="statistic",
                    created_by_id=user.id,
                )
                to_judge += work_on(claim, state_rng, checkers, now)
                db.session.add(claim)
                made.append(claim)
            db.session.flush()
            db.session.add_all(e for c in made for e in history(c, state_rng, now))
            for claim, rating, decision in to_judge:
                verdict = Verdict(
                    claim_id=claim.id,
                    rating=rating,
                    rationale="Checked.",
                    proposer_id=claim.assignee_id,
                    decision=decision,
                    reviewer_id=manager.id if decision else None,
                )
                db.session.add(verdict)
                if decision is VerdictDecision.APPROVED and state_rng.random() < 0.5:
                    db.session.flush()
                    db.session.add(
                        Resolution(
                            claim_id=claim.id,
                            verdict_id=verdict.id,
                            kind=ResolutionKind.CORRECTED,
                            resolved_by_id=manager.id,
                        )
                    )
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text("ANALYZE"))
        print(
            f"{db.engine.dialect.name}: inserted {N_ARTICLES} articles, "
            f"{3 * N_ARTICLES} claims (indexed on write) in {time.perf_counter() - start:.1f} s"
        )
        # Measure from a heap like a web process's, not one full of the rows just written.
        db.session.expunge_all()
        gc.collect()
        from factcheck.services import board, search

        for q in ("marker1234", "reservoir harvest", "bird"):
            runs = []
            for _ in range(5):
                t = time.perf_counter()
                results = search.search(q)
                runs.append(time.perf_counter() - t)
            print(f"  search {q!r}: {results.total} results, best of 5 {min(runs) * 1000:.1f} ms")
        runs = []
        for _ in range(5):
            db.session.expunge_all()
            t = time.perf_counter()
            rows = board.board_page(board.BoardFilters(), per_page=N_ARTICLES).rows
            runs.append(time.perf_counter() - t)
        print(
            f"  board, {len(rows)} articles: first {runs[0] * 1000:.0f} ms,"
            f" best of 5 {min(runs) * 1000:.0f} ms"
        )
        for name, part in (
            ("workload", board.workload),
            ("approvals per day", board.approvals_per_day),
            ("median assignment to approval", board.median_assignment_to_approval),
        ):
            runs = []
            for _ in range(5):
                t = time.perf_counter()
                part()
                runs.append(time.perf_counter() - t)
            print(f"  board {name}: best of 5 {min(runs) * 1000:.1f} ms")
        client = app.test_client()
        client.post("/login", data={"email": "m@example.org", "password": "bench-password"})
        runs = []
        for _ in range(5):
            t = time.perf_counter()
            response = client.get("/board")
            runs.append(time.perf_counter() - t)
        print(
            f"  GET /board ({response.status_code}, {len(response.data) // 1024} KiB):"
            f" first {runs[0] * 1000:.0f} ms, best of 5 {min(runs) * 1000:.0f} ms"
        )
        db.session.remove()
        db.engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
