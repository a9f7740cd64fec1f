"""Dismissed claim suggestions are kept for the whole desk: one editor's
dismissal holds for every editor of the article, anyone may bring it back,
both are in the article's history, and they go with their article."""

import html
import re

import pytest
import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import (
    Article,
    ArticleStatus,
    AuditEvent,
    ClaimStatus,
    Role,
    SuggestionDismissal,
)
from factcheck.services import articles, importing, suggestions
from tests.conftest import login


def _keys(page: str, start: str, end: str) -> list[str]:
    section = page.split(start, 1)[1].split(end, 1)[0] if start in page else ""
    return re.findall(r'name="key" value="([^"]+)"', section)


def pending_keys(page: str) -> set[str]:
    """Keys offered under "To review" (accept and dismiss forms)."""
    return set(_keys(page, 'class="claim-list suggestion-list"', "</ol>"))


def dismissed_keys(page: str) -> set[str]:
    """Keys in the list of dismissed suggestions (bring-back forms)."""
    return set(_keys(page, 'class="dismissed-suggestions"', "</details>"))


def visible(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def events(action: str, article: Article) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.action == action, AuditEvent.article_id == article.id)
            .order_by(AuditEvent.id)
        )
    )


def dismissal_count(article_id: int) -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(SuggestionDismissal)
        .where(SuggestionDismissal.article_id == article_id)
    )


@pytest.fixture
def article(make, editor, example_text) -> Article:
    article = make.article(editor, body=importing.extract(example_text).body, title="Hama")
    db.session.commit()
    return article


@pytest.fixture
def suggestion(article):
    return suggestions.pending_suggestions(article)[0]


@pytest.fixture
def second_editor(make):
    return make.user("Robin Editor", [Role.EDITOR])


def page_of(client, article, **query) -> str:
    response = client.get(f"/articles/{article.id}/suggestions", query_string=query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_one_editors_dismissal_hides_the_suggestion_from_another(
    app, editor, second_editor, article, suggestion
):
    key = suggestions.suggestion_key(suggestion)
    dana, robin = login(app, editor), login(app, second_editor)
    assert key in pending_keys(page_of(robin, article))

    response = dana.post(f"/articles/{article.id}/suggestions/dismiss", data={"key": key})
    assert response.status_code == 302

    page = page_of(robin, article)
    assert key not in pending_keys(page)
    assert dismissed_keys(page) == {key}
    text = visible(page)
    assert "1 dismissed" in text
    assert f"“{suggestion.text}”" in text and "Dismissed by Dana Editor" in text
    row = db.session.scalar(sa.select(SuggestionDismissal))
    assert (row.article_id, row.key, row.quote) == (article.id, key, suggestion.text)
    assert row.dismissed_by_id == editor.id and row.dismissed_at is not None
    # kept in the database, not the session: logging out loses nothing
    assert dana.post("/logout").status_code == 302
    assert key not in pending_keys(page_of(login(app, editor), article))


def test_a_dismissal_holds_when_the_text_before_it_is_edited(editor, article, suggestion):
    key = suggestions.suggestion_key(suggestion)
    suggestions.dismiss(article, editor, key)
    db.session.commit()
    before = len(suggestions.pending_suggestions(article))

    body = "An editor's note added at the top of the story.\n\n" + article.body
    articles.edit_article(article, editor, article.version, body=body)
    db.session.commit()

    moved = [s for s in list(suggestions.suggest(article.body)) if s.text == suggestion.text]
    assert moved and moved[0].start > suggestion.start  # the same words, further on
    assert key not in {
        suggestions.suggestion_key(s) for s in suggestions.pending_suggestions(article)
    }
    assert len(suggestions.pending_suggestions(article)) == before
    assert dismissal_count(article.id) == 1


def test_bringing_a_suggestion_back_shows_it_to_everyone(
    app, editor, second_editor, article, suggestion
):
    key = suggestions.suggestion_key(suggestion)
    dana, robin = login(app, editor), login(app, second_editor)
    dana.post(f"/articles/{article.id}/suggestions/dismiss", data={"key": key})

    response = robin.post(f"/articles/{article.id}/suggestions/restore", data={"key": key})
    assert response.status_code == 302
    assert "dismissed=1" in response.headers["Location"]
    for client in (dana, robin):
        page = page_of(client, article)
        assert key in pending_keys(page)
        assert dismissed_keys(page) == set()
    assert dismissal_count(article.id) == 0

    # a second "bring back" from a stale page changes nothing
    again = robin.post(f"/articles/{article.id}/suggestions/restore", data={"key": key})
    assert again.status_code == 302
    assert "already brought back" in visible(page_of(robin, article))
    assert len(events("suggestion.restore", article)) == 1


def test_dismissing_and_bringing_back_are_in_the_articles_history(
    app, editor, second_editor, article, suggestion
):
    key = suggestions.suggestion_key(suggestion)
    dana, robin = login(app, editor), login(app, second_editor)
    dana.post(f"/articles/{article.id}/suggestions/dismiss", data={"key": key})
    # a second editor on a stale page dismisses it too: one record, one event
    robin.post(f"/articles/{article.id}/suggestions/dismiss", data={"key": key})
    robin.post(f"/articles/{article.id}/suggestions/restore", data={"key": key})

    (dismissed,) = events("suggestion.dismiss", article)
    assert dismissed.actor_id == editor.id and dismissed.target_type == "article"
    assert dismissed.after["key"] == key and dismissed.after["quote"] == suggestion.text
    (restored,) = events("suggestion.restore", article)
    assert restored.actor_id == second_editor.id
    assert restored.before["dismissed_by"] == "Dana Editor"

    history = visible(dana.get(f"/articles/{article.id}").get_data(as_text=True))
    short = suggestion.text if len(suggestion.text) <= 80 else suggestion.text[:79] + "…"
    assert f"Dana Editor dismissed a suggestion: “{short}”" in history
    assert f"Robin Editor brought back a suggestion: “{short}”" in history


def test_accept_all_skips_the_dismissed(editor_client, article, suggestion):
    key = suggestions.suggestion_key(suggestion)
    editor_client.post(f"/articles/{article.id}/suggestions/dismiss", data={"key": key})
    pending = suggestions.pending_suggestions(article)
    assert key not in {suggestions.suggestion_key(s) for s in pending}

    response = editor_client.post(f"/articles/{article.id}/suggestions/accept-all")
    assert response.status_code == 302
    db.session.expire_all()
    article = db.session.get(Article, article.id)
    assert len(article.active_claims) == len(pending)
    claimed = {(c.start, c.end, c.kind.value) for c in article.active_claims}
    assert (suggestion.start, suggestion.end, suggestion.kind) not in claimed
    page = page_of(editor_client, article)
    assert pending_keys(page) == set() and dismissed_keys(page) == {key}


@pytest.mark.parametrize("action", ["dismiss", "restore"])
def test_checkers_cannot_dismiss_or_bring_back(app, checker_client, editor, article, action):
    key = suggestions.suggestion_key(suggestions.pending_suggestions(article)[0])
    if action == "restore":
        suggestions.dismiss(article, editor, key)
        db.session.commit()
    before = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent))
    response = checker_client.post(
        f"/articles/{article.id}/suggestions/{action}", data={"key": key}
    )
    assert response.status_code == 403
    db.session.expire_all()
    assert dismissal_count(article.id) == (1 if action == "restore" else 0)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) == before
    assert checker_client.get(f"/articles/{article.id}/suggestions").status_code == 403


def test_a_key_that_is_no_suggestion_is_refused(editor_client, article):
    response = editor_client.post(
        f"/articles/{article.id}/suggestions/dismiss", data={"key": "0:5:statistic"}
    )
    assert response.status_code == 400
    assert "no longer applies" in response.get_data(as_text=True)
    assert dismissal_count(article.id) == 0


def test_a_published_articles_suggestions_are_read_only(app, make, editor, manager):
    article = make.article(editor)
    make.claim(article, status=ClaimStatus.APPROVED, editor=editor)
    key = suggestions.suggestion_key(suggestions.pending_suggestions(article)[0])
    suggestions.dismiss(article, editor, key)
    other = suggestions.suggestion_key(suggestions.pending_suggestions(article)[0])
    for action, actor in (("mark_ready", editor), ("sign_off", manager), ("publish", editor)):
        articles.transition(article, action, actor)
    db.session.commit()
    assert article.status is ArticleStatus.PUBLISHED
    client = login(app, editor)
    for action, value in (("dismiss", other), ("restore", key)):
        response = client.post(f"/articles/{article.id}/suggestions/{action}", data={"key": value})
        assert response.status_code == 409, action
    assert dismissal_count(article.id) == 1


def test_two_dismissals_of_one_suggestion_at_once_keep_one_row(app, editor, article, suggestion):
    """The insert ignores a row another editor committed in the meantime."""
    values = {
        "article_id": article.id,
        "key": suggestions.suggestion_key(suggestion),
        "quote": suggestion.text,
        "dismissed_by_id": editor.id,
    }
    assert suggestions._insert_once(**values) is True
    assert suggestions._insert_once(**values) is False
    db.session.commit()
    assert dismissal_count(article.id) == 1


def test_deleting_an_article_removes_its_dismissals(app, make, editor, article, suggestion):
    """Articles are not deleted through the app today; the database sees to
    it that a deleted article's dismissals go with it (ON DELETE CASCADE)."""
    suggestions.dismiss(article, editor, suggestions.suggestion_key(suggestion))
    keep = make.article(editor)
    suggestions.dismiss(
        keep, editor, suggestions.suggestion_key(suggestions.pending_suggestions(keep)[0])
    )
    db.session.commit()
    article_id = article.id
    db.session.execute(sa.delete(Article).where(Article.id == article_id))
    db.session.commit()
    assert dismissal_count(article_id) == 0
    assert dismissal_count(keep.id) == 1
