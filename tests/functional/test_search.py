"""Full-text search over articles, claims, evidence and sources, on SQLite
(FTS5) and PostgreSQL (tsvector)."""

import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import ClaimStatus, SourceKind
from factcheck.services import articles, claims, search, sources


def ids(objs):
    return [o.id for o in objs]


def test_terms_drop_query_syntax():
    assert search.terms('Hama "army" OR -NEAR(x) army*') == ["hama", "army", "or", "near", "x"]
    assert search.terms("'; DROP TABLE articles; --") == ["drop", "table", "articles"]
    assert search.terms("  ") == []


def test_search_finds_each_kind_and_groups_them(make, editor, checker, checker_client):
    article = make.article(editor, title="Fuel depot fire in Latakia")
    other = make.article(editor, title="Budget vote", body="The budget passed on Tuesday.")
    claim = make.claim(
        article,
        quote="Salaries rose by 50% last week",
        editor=editor,
        status=ClaimStatus.IN_REVIEW,
        assignee=checker,
    )
    source = make.source("Latakia Port Authority", SourceKind.GOVERNMENT, aliases=["LPA"])
    db.session.commit()

    found = search.search("latakia")
    assert ids(found.articles) == [article.id]
    assert ids(found.sources) == [source.id]
    assert found.claims == [] and found.evidence == []

    assert ids(search.search("salaries").claims) == [claim.id]
    assert ids(search.search("ministry statement").evidence) == ids(claim.evidence)
    assert ids(search.search("LPA").sources) == [source.id]  # aliases are searched
    assert ids(search.search("budg").articles) == [other.id]  # prefixes match
    assert search.search("budget latakia").total == 0  # every word must match

    page = checker_client.get("/search", query_string={"q": "Latakia"}).get_data(as_text=True)
    assert 'id="results-articles"' in page and 'id="results-sources"' in page
    assert 'id="results-claims"' not in page
    assert "<mark>Latakia</mark>" in page


def test_search_follows_edits_and_new_aliases(make, editor):
    article = make.article(editor, title="Original headline")
    db.session.commit()
    assert ids(search.search("original").articles) == [article.id]
    articles.edit_article(article, editor, None, title="Rewritten headline")
    db.session.commit()
    assert search.search("original").articles == []
    assert ids(search.search("rewritten").articles) == [article.id]

    claim = make.claim(article, quote="about 40 kilometers south of Hama", editor=editor)
    claims.edit_claim(
        claim,
        editor,
        None,
        kind=claim.kind,
        priority=claim.priority,
        sources=[],
        note="Check the road distance",
    )
    db.session.commit()
    assert ids(search.search("road distance").claims) == [claim.id]

    source = sources.create_source("Middle East Institute", SourceKind.ORGANISATION, editor)
    db.session.commit()
    assert ids(search.search("institute").sources) == [source.id]
    source.aliases.append(sources.SourceAlias(alias="MEI"))
    db.session.commit()
    assert ids(search.search("mei").sources) == [source.id]


def test_search_escapes_input_and_output(make, editor, editor_client):
    make.article(editor, title="<b>Bold</b> claims")
    db.session.commit()
    for q in ('"', "*", "(", "AND", "'", "a:b", "NEAR(", "-"):
        assert editor_client.get("/search", query_string={"q": q}).status_code == 200
    page = editor_client.get("/search", query_string={"q": "bold"}).get_data(as_text=True)
    assert "<b>Bold</b>" not in page
    assert "&lt;b&gt;<mark>Bold</mark>&lt;/b&gt;" in page


def test_search_uses_the_full_text_index(app, make, editor):
    """Not LIKE over every row: the FTS table (SQLite) or the GIN index
    (PostgreSQL) answers the query."""
    make.article(editor, title="Index check")
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(sa.text("SET LOCAL enable_seqscan = off"))
        plan = (
            db.session.execute(
                sa.text(
                    "EXPLAIN SELECT id FROM articles WHERE search_vector "
                    "@@ to_tsquery('simple', 'index:*')"
                )
            )
            .scalars()
            .all()
        )
        assert any("ix_articles_fts" in line for line in plan), plan
        db.session.rollback()
    else:
        count = db.session.execute(
            sa.text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"index\"*'")
        ).scalar()
        assert count == 1
    assert len(search.search("index check").articles) == 1


def test_search_page_needs_login(client):
    assert client.get("/search?q=hama").status_code == 302


def test_every_search_trigger_survives_the_migrations(app):
    """SQLite rebuilds a table to alter it (batch migrations), which drops
    the triggers that keep its FTS table in step; the head must have them."""
    if db.engine.dialect.name != "sqlite":
        return
    triggers = set(
        db.session.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        .scalars()
        .all()
    )
    expected = {
        f"{table}_fts_{suffix}"
        for table in ("articles", "claims", "evidence", "sources", "source_aliases")
        for suffix in ("ai", "ad", "au")
    }
    assert expected <= triggers, sorted(expected - triggers)


def test_search_lists_newest_first_with_older_matches_behind_a_link(
    make, editor, checker_client, monkeypatch
):
    """Articles, claims and evidence come newest first, a page at a time.
    On PostgreSQL the newest rows are read first and the GIN index only
    when they hold too few matches: both ways give the same lists."""
    made = [
        make.article(editor, title=f"Reservoir level {n}" if n % 3 else f"Budget {n}")
        for n in range(12)
    ]
    db.session.commit()
    matching = [a.id for a in reversed(made) if a.title.startswith("Reservoir")]  # 8, newest first
    for window in (2000, 6, 2):  # enough, too few, none
        monkeypatch.setitem(search.RECENT_WINDOW, "articles", window)
        assert ids(search.search("reservoir", limit=3).articles) == matching[:3], window
        older = search.search("reservoir", limit=3, kind="articles", before=matching[2])
        assert ids(older.articles) == matching[3:6], window
        assert older.claims == [] and older.sources == []
        assert ids(search.search("reservoir", limit=20).articles) == matching, window
    assert search.search("reservoir", limit=3).more == {"articles"}
    assert search.search("reservoir", limit=20).more == set()

    page = checker_client.get("/search", query_string={"q": "reservoir"}).get_data(as_text=True)
    assert "Older articles" not in page  # eight matches: one page
    monkeypatch.setattr("factcheck.web.search.search_service.search", _limited(search.search, 3))
    page = checker_client.get("/search", query_string={"q": "reservoir"}).get_data(as_text=True)
    assert f"kind=articles&amp;before={matching[2]}" in page
    older = checker_client.get(
        "/search", query_string={"q": "reservoir", "kind": "articles", "before": matching[2]}
    ).get_data(as_text=True)
    assert f"/articles/{matching[3]}" in older and f'/articles/{matching[2]}"' not in older


def _limited(function, limit):
    return lambda query, **kw: function(query, limit=limit, **kw)


def test_search_refuses_a_bad_kind_or_start(checker_client):
    for args, field in (
        ({"kind": "users"}, "kind"),
        ({"kind": "claims", "before": "x"}, "before"),
        ({"kind": "claims", "before": "-1"}, "before"),
        ({"kind": "claims", "before": "99999999999999999999"}, "before"),
    ):
        response = checker_client.get("/search", query_string={"q": "hama", **args})
        assert response.status_code == 400, args
        assert field in response.get_data(as_text=True), args
