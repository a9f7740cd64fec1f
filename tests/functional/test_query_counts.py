"""Every busy page issues the same number of queries at a small newsroom and
at one ten times its size (issue 11): nothing is loaded one row at a time.

The newsroom is ``flask bench-seed``'s (claims in every state, verdicts,
resolutions, evidence, contacts, comments and the audit trail), built
twice over in one database: 6 articles of 8 claims, then 54 more of 12.
"""

import pytest
import sqlalchemy as sa

from factcheck.demo import scale
from factcheck.extensions import db
from factcheck.models import Article, ArticleStatus, Claim, ClaimSource, Role, User, UserRole
from factcheck.services import users

PASSWORD = "bench-password-for-tests"
STATEMENTS: dict[str, list[str]] = {}  # the last count, per page, for the failure message


def biggest_article(*statuses: ArticleStatus) -> int:
    return db.session.scalar(
        sa.select(Article.id)
        .join(Claim)
        .where(Article.status.in_(statuses))
        .group_by(Article.id)
        .order_by(sa.func.count().desc(), Article.id)
        .limit(1)
    )


def pages() -> dict[str, str]:
    """The pages of issue 11, at the newsroom's biggest article and source."""
    working = biggest_article(ArticleStatus.CHECKING)
    published = biggest_article(ArticleStatus.PUBLISHED)
    source = db.session.scalar(
        sa.select(ClaimSource.source_id)
        .group_by(ClaimSource.source_id)
        .order_by(sa.func.count().desc(), ClaimSource.source_id)
        .limit(1)
    )
    return {
        "board": "/board",
        "waiting for me": "/waiting",
        "articles list": "/articles/",
        "article page": f"/articles/{working}",
        "source page": f"/sources/{source}",
        "search": "/search?q=reservoir",
        "activity": "/activity",
        "API articles": "/api/v1/articles",
        "report": f"/articles/{published}/report",
        "claims.csv": f"/articles/{published}/claims.csv",
        "ClaimReview": f"/articles/{published}/claimreview.json",
    }


def count_queries(app, manager_email: str) -> dict[str, int]:
    client = app.test_client()
    response = client.post("/login", data={"email": manager_email, "password": PASSWORD})
    assert response.status_code == 302
    token = client.post("/api/v1/token", json={"email": manager_email, "password": PASSWORD})
    bearer = {"Authorization": f"Bearer {token.get_json()['token']}"}
    counts = {}
    for name, path in pages().items():
        db.session.commit()
        db.session.expunge_all()  # nothing cached from the last request
        seen: list[str] = []

        def record(_conn, _cursor, statement, *_args, seen=seen):
            seen.append(statement)

        sa.event.listen(db.engine, "before_cursor_execute", record)
        try:
            headers = bearer if path.startswith("/api/") else {}
            response = client.get(path, headers=headers)
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", record)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(seen)
        STATEMENTS[name] = seen
    return counts


@pytest.mark.parametrize("size", [(6, 8, 54, 12)])
def test_every_page_takes_the_same_queries_at_ten_times_the_data(app, size):
    small_articles, small_claims, more_articles, more_claims = size
    password_hash = users.hash_password(PASSWORD)
    scale.seed(small_articles, small_claims, password_hash, unpublished_share=0.6)
    db.session.commit()
    manager = db.session.scalar(
        sa.select(User.email).join(UserRole).where(UserRole.role == Role.MANAGER).limit(1)
    )
    small = count_queries(app, manager)
    small_statements = dict(STATEMENTS)
    claims_before = db.session.scalar(sa.select(sa.func.count()).select_from(Claim))

    scale.seed(more_articles, more_claims, password_hash, seed=12, unpublished_share=0.6)
    db.session.commit()
    claims_after = db.session.scalar(sa.select(sa.func.count()).select_from(Claim))
    assert claims_after >= 10 * claims_before
    large = count_queries(app, manager)

    grew = {name: (small[name], large[name]) for name in small if large[name] != small[name]}
    detail = "\n\n".join(
        f"{name}, {size}:\n" + "\n".join(s.split("\n")[0][:150] for s in statements[name])
        for name in grew
        for size, statements in (("small", small_statements), ("large", STATEMENTS))
    )
    assert grew == {}, f"queries (small, large) per page that grew: {grew}\n{detail}"
