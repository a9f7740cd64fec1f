"""One way to make a claim: a span or a typed quote, and a chain of sources
given by name or already resolved; the page and the API both use it."""

import pytest

from factcheck.extensions import db
from factcheck.models import ClaimKind, Priority, SourceKind
from factcheck.services import claims
from factcheck.services.errors import ValidationFailed
from tests.conftest import login
from tests.functional.test_api import bearer

QUOTE = "about 40 kilometers south of Hama"


def test_a_span_and_a_typed_quote_mark_the_same_words(make, editor):
    article = make.article(editor)
    start = article.body.index(QUOTE)
    selected = claims.create_claim(
        article, editor, kind=ClaimKind.STATISTIC, start=start, end=start + len(QUOTE)
    )
    typed = claims.create_claim(
        article, editor, kind=ClaimKind.STATISTIC, quote="about 40  kilometers south of Hama"
    )
    assert (selected.start, selected.end) == (typed.start, typed.end) == (start, start + len(QUOTE))


def test_a_span_that_no_longer_holds_the_typed_words_yields_to_them(make, editor):
    article = make.article(editor)
    claim = claims.create_claim(
        article, editor, kind=ClaimKind.STATISTIC, start=0, end=4, quote=QUOTE
    )
    assert claim.exact == QUOTE


@pytest.mark.parametrize(
    "where", [{}, {"quote": "words the article never had"}, {"start": 5, "end": 5}]
)
def test_no_words_of_the_article_is_refused_beside_the_quote(make, editor, where):
    article = make.article(editor)
    with pytest.raises(ValidationFailed) as refused:
        claims.create_claim(article, editor, kind=ClaimKind.STATISTIC, **where)
    assert refused.value.field == "quote"


def test_the_chain_takes_names_aliases_and_resolved_sources_in_order(make, editor):
    article = make.article(editor)
    observatory = make.source("Syrian Observatory for Human Rights", aliases=["SOHR"])
    ap = make.source("The Associated Press", SourceKind.AGENCY)
    claim = claims.create_claim(
        article,
        editor,
        kind=ClaimKind.ATTRIBUTION,
        quote=QUOTE,
        sources=["Rami Abdurrahman", "SOHR", ap],
        new_source_kind=SourceKind.PERSON,
    )
    names = [s.name for s in claim.sources]
    assert names == ["Rami Abdurrahman", observatory.name, ap.name]
    assert claim.sources[0].kind is SourceKind.PERSON


def test_page_and_api_make_the_same_claim(app, make, editor):
    article = make.article(editor)
    db.session.commit()
    page = login(app, editor).post(
        f"/articles/{article.id}/claims",
        data={
            "quote": QUOTE,
            "kind": "statistic",
            "priority": "high",
            "sources": "Rami Abdurrahman → AP",
            "new_source_kind": "person",
        },
    )
    assert page.status_code == 302
    api = app.test_client().post(
        f"/api/v1/articles/{article.id}/claims",
        json={
            "quote": QUOTE,
            "kind": "statistic",
            "priority": "high",
            "sources": ["Rami Abdurrahman", "AP"],
            "new_source_kind": "person",
        },
        headers=bearer(editor),
    )
    assert api.status_code == 201
    db.session.expire_all()
    made = article.claims
    assert len(made) == 2
    assert [(c.exact, c.priority, c.source_chain) for c in made] == [
        (QUOTE, Priority.HIGH, "Rami Abdurrahman → AP")
    ] * 2


def test_the_api_names_a_malformed_span_field(app, make, editor):
    article = make.article(editor)
    response = app.test_client().post(
        f"/api/v1/articles/{article.id}/claims",
        json={"start": "3", "end": 9, "kind": "statistic"},
        headers=bearer(editor),
    )
    assert response.status_code == 400
    assert response.get_json()["field"] == "start"
