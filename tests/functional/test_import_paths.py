"""One cleaning path for the web form, the API and the CLI; a preview that
saves nothing; binary input refused with a clear message everywhere; the
suggest-claims command without a database."""

import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from factcheck import create_app
from factcheck.extensions import db
from factcheck.models import Article
from tests.conftest import make_config
from tests.functional.test_api import bearer

PAGE = Path(__file__).resolve().parents[1] / "data" / "imports" / "furniture-around-story.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
HEADLINE = "Parliament approves new cocoa pricing plan"
DATELINE = "ACCRA, Ghana (Reuters)"


def article_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Article))


def preview_json(runner, path: Path) -> dict:
    result = runner.invoke(args=["import-article", str(path), "--preview", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_preview_prints_what_the_import_finds_and_saves_nothing(runner):
    found = preview_json(runner, PAGE)
    assert set(found) >= {"title", "byline", "paragraphs", "set_aside"}
    assert found["title"] == HEADLINE
    assert found["byline"] == "Kwame Mensah"
    assert "2003:" in found["paragraphs"]
    assert "Watch the first episode of our cocoa documentary here" in found["set_aside"]
    assert article_count() == 0


def test_the_form_the_api_and_the_cli_clean_a_page_alike(runner, editor_client, editor, client):
    text = PAGE.read_text(encoding="utf-8")
    cli = preview_json(runner, PAGE)
    api = client.post(
        "/api/v1/articles/import", headers=bearer(editor), json={"text": text, "preview": True}
    )
    assert api.status_code == 200
    assert api.get_json() == cli
    page = editor_client.post("/articles/import", data={"raw_text": text}).get_data(as_text=True)
    assert f'value="{HEADLINE}"' in page
    assert 'value="Kwame Mensah"' in page
    assert f'value="{DATELINE}"' in page
    assert article_count() == 0

    saved = client.post("/api/v1/articles/import", headers=bearer(editor), json={"text": text})
    assert saved.status_code == 201
    article = db.session.get(Article, saved.get_json()["id"])
    assert (article.title, article.byline) == (HEADLINE, "Kwame Mensah")
    assert article.dateline == cli["dateline"] == DATELINE
    assert saved.get_json()["dateline"] == DATELINE
    assert article.paragraphs == cli["paragraphs"]


def test_the_dateline_is_kept_by_the_form_and_the_cli(runner, editor_client, editor):
    form = editor_client.get("/articles/new").get_data(as_text=True)
    key = re.search(r'name="import_key"[^>]*value="([^"]+)"', form) or re.search(
        r'value="([^"]+)"[^>]*name="import_key"', form
    )
    assert key, "the new-article form carries a one-time key"
    sent = editor_client.post(
        "/articles/new",
        data={
            "title": HEADLINE,
            "byline": "Kwame Mensah",
            "dateline": DATELINE,
            "body": "Parliament approved the plan on Tuesday.",
            "import_key": key.group(1),
        },
    )
    assert sent.status_code == 302
    saved = db.session.scalar(sa.select(Article).where(Article.title == HEADLINE))
    assert saved.dateline == DATELINE
    shown = editor_client.get(f"/articles/{saved.id}").get_data(as_text=True)
    assert DATELINE in shown

    result = runner.invoke(
        args=["import-article", str(PAGE), "--editor", editor.email, "--desk", "Business"]
    )
    assert result.exit_code == 0, result.output
    newest = db.session.scalar(sa.select(Article).order_by(Article.id.desc()).limit(1))
    assert newest.dateline == DATELINE


@pytest.fixture
def png(tmp_path) -> Path:
    path = tmp_path / "chart.png"
    path.write_bytes(PNG)
    return path


def test_a_png_is_refused_by_every_path(runner, png, editor_client, editor, client):
    for args in (
        ["suggest-claims", str(png)],
        ["import-article", str(png), "--preview"],
        ["import-article", str(png), "--editor", editor.email],
    ):
        result = runner.invoke(args=args)
        assert result.exit_code != 0
        assert "This is a PNG image, not text" in result.output
        assert "Traceback" not in result.output
    upload = editor_client.post(
        "/articles/import",
        data={"upload": (png.open("rb"), "chart.png")},
        content_type="multipart/form-data",
    )
    assert upload.status_code == 400
    assert "This is a PNG image, not text" in upload.get_data(as_text=True)
    binary = PNG.decode("latin-1") * 20
    pasted = editor_client.post("/articles/import", data={"raw_text": binary})
    assert pasted.status_code == 400
    api = client.post("/api/v1/articles/import", headers=bearer(editor), json={"text": binary})
    assert api.status_code == 400
    assert api.get_json()["field"] == "text"
    assert article_count() == 0


def test_suggest_claims_works_before_the_database_exists(tmp_path):
    app = create_app(make_config(f"sqlite:///{tmp_path / 'never-migrated.sqlite'}"))
    with app.app_context():
        result = app.test_cli_runner().invoke(
            args=["suggest-claims", str(PAGE), "--format", "json"]
        )
        db.session.remove()
        db.engine.dispose()
    assert result.exit_code == 0, result.stderr
    suggestions = json.loads(result.stdout)
    assert any("20 percent" in s["text"] for s in suggestions)
    assert re.search(r"db upgrade", result.stderr)
    assert "Traceback" not in result.stderr


def test_a_long_dateline_is_offered_as_the_form_takes_it(editor_client):
    """The finder's wire dateline may run past the field's 120 characters:
    the preview offers what saving it accepts."""
    dateline = f"{'A' * 41}, {'B' * 40} ({'C' * 40})"
    text = f"{dateline} — The minister said 40 people died in the floods on Tuesday.\n"
    page = editor_client.post("/articles/import", data={"raw_text": text}).get_data(as_text=True)
    offered = re.search(r'name="dateline"[^>]*value="([^"]*)"', page) or re.search(
        r'value="([^"]*)"[^>]*name="dateline"', page
    )
    assert offered, page
    assert 0 < len(offered.group(1)) <= 120
    assert dateline.startswith(offered.group(1))
