"""A very long article saves and is searchable on both engines. PostgreSQL
refuses a search vector over 1 MB; the vector is made from a bounded prefix
of the text, so the article itself is never refused for its length."""

import random

from factcheck.extensions import db
from factcheck.models import Article
from factcheck.services import search
from factcheck.services.tokens import issue_token

LETTERS = "абвгдежзийклмнопрстуфхцчшщыэюя"


def cyrillic_text(length: int) -> str:
    """Paragraphs of made-up Cyrillic words, nearly all different (the
    worst case for the size of a search vector)."""
    rng = random.Random(10)
    words, size = [], 0
    while size < length:
        word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 11)))
        words.append(word + (".\n\n" if len(words) % 60 == 59 else " "))
        size += len(words[-1])
    return "".join(words)[:length].rstrip() + "."


def test_a_480k_character_cyrillic_article_is_saved_and_found(client, editor):
    body = "Мостопроект сообщил о ремонте. " + cyrillic_text(480_000)
    db.session.commit()
    response = client.post(
        "/api/v1/articles",
        headers={"Authorization": f"Bearer {issue_token(editor)}"},
        json={"title": "Длинная статья", "body": body},
    )
    assert response.status_code == 201, response.get_data(as_text=True)[:500]
    article = db.session.get(Article, response.get_json()["id"])
    assert len(article.body) > 480_000
    assert [a.id for a in search.search("мостопроект").articles] == [article.id]


def test_editing_an_article_to_a_huge_text_is_saved(editor_client, make, editor):
    article = make.article(editor)
    db.session.commit()
    body = "Мостопроект сообщил о ремонте.\n\n" + cyrillic_text(480_000)
    response = editor_client.post(
        f"/articles/{article.id}/edit",
        data={"title": "Длинная статья", "body": body, "version": article.version},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    db.session.refresh(article)
    assert article.body.startswith("Мостопроект")
    assert [a.id for a in search.search("мостопроект").articles] == [article.id]
