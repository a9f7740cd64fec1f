"""The suggestions service: the finder runs once for a text and a registry,
accepting links the sources the finder resolved (by id), the page lists a
page of suggestions at a time, and the page's script gets JSON."""

import pytest
import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import Claim, SourceKind
from factcheck.services import importing, sources, suggestions

SOHR = "Syrian Observatory for Human Rights"


@pytest.fixture
def finder_runs(monkeypatch):
    """How many times the finder read a whole text."""
    calls = []
    real = suggestions.suggest_claims

    def counting(body, registry=None, **context):
        calls.append(len(body))
        return real(body, registry, **context)

    monkeypatch.setattr(suggestions, "suggest_claims", counting)
    suggestions._cache.clear()
    return calls


@pytest.fixture
def article(make, editor, example_text):
    article = make.article(editor, body=importing.extract(example_text).body, title="Hama")
    db.session.commit()
    return article


def test_listing_accepting_and_dismissing_read_the_text_once(editor_client, article, finder_runs):
    page = editor_client.get(f"/articles/{article.id}/suggestions")
    assert page.status_code == 200
    first, second = suggestions.pending_suggestions(article)[:2]
    editor_client.post(
        f"/articles/{article.id}/suggestions/accept",
        data={"key": suggestions.suggestion_key(first)},
    )
    editor_client.post(
        f"/articles/{article.id}/suggestions/dismiss",
        data={"key": suggestions.suggestion_key(second)},
    )
    editor_client.get(f"/articles/{article.id}/suggestions")
    assert len(finder_runs) == 1


def test_a_new_registry_entry_means_a_fresh_reading(make, article, finder_runs):
    suggestions.pending_suggestions(article)
    make.source("Hayat Tahrir al-Sham", SourceKind.ORGANISATION)
    suggestions.pending_suggestions(article)
    assert len(finder_runs) == 2


def test_accept_links_the_source_the_finder_resolved_without_a_lookup_by_name(
    make, editor, article, monkeypatch
):
    observatory = make.source(SOHR, SourceKind.MONITOR, aliases=["SOHR"])
    db.session.commit()
    target = next(
        s
        for s in suggestions.pending_suggestions(article)
        if any(src.source_id == observatory.id for src in s.sources)
    )

    def no_lookup(name):
        raise AssertionError(f"looked up {name!r} by name")

    monkeypatch.setattr(sources, "find_by_name", no_lookup)
    claim = suggestions.accept(article, editor, suggestions.suggestion_key(target))
    assert observatory in claim.sources
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Claim)) == 1


def test_accept_all_is_one_call_that_takes_every_pending_suggestion(editor_client, article):
    pending = suggestions.pending_suggestions(article)
    response = editor_client.post(f"/articles/{article.id}/suggestions/accept-all")
    assert response.status_code == 302
    assert len(article.active_claims) == len(pending)
    assert suggestions.pending_suggestions(article) == []


def test_the_script_gets_json_and_the_plain_form_goes_back_to_the_next_one(editor_client, article):
    first, second = suggestions.pending_suggestions(article)[:2]
    url = f"/articles/{article.id}/suggestions"
    as_json = editor_client.post(
        f"{url}/dismiss",
        data={"key": suggestions.suggestion_key(first)},
        headers={"Accept": "application/json"},
    )
    assert as_json.status_code == 200
    assert as_json.json["message"] == "Suggestion dismissed for everyone on the desk."

    plain = editor_client.post(
        f"{url}/accept",
        data={"key": suggestions.suggestion_key(second), "page": "1", "next": "s-abc"},
    )
    assert plain.status_code == 302
    assert plain.headers["Location"] == f"{url}#s-abc"
    assert len(article.active_claims) == 1


def test_a_long_article_lists_its_suggestions_a_page_at_a_time(editor_client, make, editor):
    sentence = "The ministry said {n} people were hurt in the blast on Tuesday, police said."
    body = "\n\n".join(sentence.format(n=n + 10) for n in range(130))
    article = make.article(editor, body=body, title="Many")
    db.session.commit()
    total = len(suggestions.pending_suggestions(article))
    assert total > 100
    url = f"/articles/{article.id}/suggestions"
    first = editor_client.get(url).get_data(as_text=True)
    assert first.count('data-action="accept"') == 50
    assert f"Accept all {total}" in first
    last_page = -(-total // 50)
    last = editor_client.get(url, query_string={"page": last_page}).get_data(as_text=True)
    assert last.count('data-action="accept"') == total - 50 * (last_page - 1)
    assert editor_client.get(url, query_string={"page": "x"}).status_code == 200


def test_a_suggestion_gone_from_the_text_is_refused_not_an_error(editor_client, article):
    response = editor_client.post(
        f"/articles/{article.id}/suggestions/accept", data={"key": "event:0000"}
    )
    assert response.status_code == 400
    assert "no longer applies" in response.get_data(as_text=True)
    assert article.active_claims == []


def test_a_figure_nobody_is_credited_with_points_to_the_byline_s_agency(make, editor):
    article = make.article(
        editor,
        title="Floods close schools",
        byline="AFP",
        body="Floods closed 340 schools across the region on Monday.\n\nRain is forecast.",
    )
    (figure,) = [s for s in suggestions.pending_suggestions(article) if s.text == "340 schools"]
    assert [source.name for source in figure.sources] == ["Agence France-Presse"]
