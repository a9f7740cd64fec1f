"""The import preview sent twice (a resubmit, a double click, the back
button) makes one article: the form carries a one-time key."""

import re

import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import Article
from factcheck.services import articles

TEXT = "Flooding cut power to 4,100 homes, the utility said.\n\nRepairs will take a week."


def article_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Article))


def preview_fields(editor_client) -> dict:
    page = editor_client.post("/articles/import", data={"raw_text": TEXT}).get_data(as_text=True)
    (key,) = re.findall(r'name="import_key"[^>]*value="([^"]+)"', page) or re.findall(
        r'value="([^"]+)"[^>]*name="import_key"', page
    )
    return {"title": "Flooding", "body": TEXT, "import_key": key}


def test_the_preview_saved_twice_makes_one_article(editor_client):
    fields = preview_fields(editor_client)
    first = editor_client.post("/articles/new", data=fields)
    second = editor_client.post("/articles/new", data=fields, follow_redirects=True)
    assert first.status_code == 302
    assert second.status_code == 200
    assert "This article was already imported" in second.get_data(as_text=True)
    assert article_count() == 1
    assert second.request.path == first.headers["Location"]


def test_two_previews_make_two_articles(editor_client):
    editor_client.post("/articles/new", data=preview_fields(editor_client))
    editor_client.post("/articles/new", data=preview_fields(editor_client))
    assert article_count() == 2


def test_the_new_article_form_carries_a_key_too(editor_client):
    page = editor_client.get("/articles/new").get_data(as_text=True)
    assert 'name="import_key"' in page


def test_the_service_returns_the_first_article_for_a_key_used_again(make, editor):
    first = articles.create_article(editor, title="One", body=TEXT, import_key="k1")
    again = articles.create_article(editor, title="One", body=TEXT, import_key="k1")
    assert again.id == first.id
    assert article_count() == 1
