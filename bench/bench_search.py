"""Full-text search and board timings on a synthetic newsroom (SQLite, or
PostgreSQL with BENCH_DATABASE_URL). Prints figures; asserts nothing."""

import os
import random
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from flask_migrate import upgrade

from config import TestConfig, normalise_database_url
from factcheck import create_app
from factcheck.extensions import db
from factcheck.models import Article, Claim, User

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


def main() -> None:
    url = os.environ.get("BENCH_DATABASE_URL")
    path = Path(tempfile.mkdtemp()) / "bench.sqlite"
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
        db.session.flush()
        start = time.perf_counter()
        for i in range(N_ARTICLES):
            body = " ".join(rng.choice(WORDS) for _ in range(300)) + f" marker{i}"
            article = Article(
                title=f"Story {i} {rng.choice(WORDS)}", body=body, created_by_id=user.id
            )
            db.session.add(article)
            db.session.flush()
            for j in range(3):
                db.session.add(
                    Claim(
                        article_id=article.id,
                        exact=f"{rng.choice(WORDS)} {j}",
                        start=0,
                        end=5,
                        kind="statistic",
                        created_by_id=user.id,
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
        from factcheck.services import board, search

        for q in ("marker1234", "reservoir harvest", "bird"):
            runs = []
            for _ in range(5):
                t = time.perf_counter()
                results = search.search(q)
                runs.append(time.perf_counter() - t)
            print(f"  search {q!r}: {results.total} results, best of 5 {min(runs) * 1000:.1f} ms")
        t = time.perf_counter()
        rows = board.board_rows(board.BoardFilters(window="none"))
        print(f"  board, {len(rows)} articles: {(time.perf_counter() - t) * 1000:.0f} ms")
        db.session.remove()
        db.engine.dispose()


if __name__ == "__main__":
    main()
