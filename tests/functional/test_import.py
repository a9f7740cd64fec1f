"""Importing copy and working through suggested claims."""

import html
import json
import re
from io import BytesIO

import pytest
import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import Article, Claim, ClaimKind, Source
from factcheck.services import importing, suggestions


def newest_article() -> Article:
    return db.session.scalar(sa.select(Article).order_by(Article.id.desc()))


def test_pasted_scrape_is_previewed_with_furniture_set_aside(editor_client, example_text):
    response = editor_client.post("/articles/import", data={"raw_text": example_text})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'value="Hama city falls to HTS as Syrian army flees"' in page
    assert 'value="Alameen Templeton"' in page
    # furniture is offered for restoring, not in the body
    body = page.split('name="body"')[1].split("</textarea>")[0]
    assert "Leave a Reply" not in body and "Upvote" not in body
    assert re.search(r'name="restore" value="13:[0-9a-f]{16}::Leave a Reply"', page)
    assert newest_article() is None  # nothing stored before the editor saves


def test_saving_the_preview_can_restore_a_removed_line(editor_client, example_text):
    imported = importing.extract(example_text)
    response = editor_client.post(
        "/articles/new",
        data={
            "title": imported.title,
            "byline": imported.byline,
            "body": imported.body,
            "restore": ["What do you think?"],
        },
    )
    assert response.status_code == 302
    article = newest_article()
    assert article.paragraphs[-1] == "What do you think?"
    assert article.paragraphs[0].startswith("Hayat Tahrir al-Sham mercenaries")


def preview(editor_client, text: str) -> tuple[str, dict[str, str], str]:
    """Import ``text``: the body offered, the restore checkboxes by line, the page."""
    page = editor_client.post("/articles/import", data={"raw_text": text}).get_data(as_text=True)
    body = re.search(r'<textarea[^>]*name="body"[^>]*>(.*?)</textarea>', page, re.DOTALL)
    values = [html.unescape(v) for v in re.findall(r'name="restore" value="([^"]*)"', page)]
    by_line = {v.split(":", 3)[3]: v for v in values}
    return html.unescape(body.group(1)).lstrip("\r\n"), by_line, page


CAPTION = "Photo: Syrian army tanks on the road south of Hama (AP)"


def test_restored_lines_go_back_where_they_stood_in_the_edited_text(editor_client, example_text):
    lines = example_text.split("\n")
    second = next(i for i, line in enumerate(lines) if line.startswith("Associated Press reports"))
    lines.insert(second, CAPTION)
    body, restore, page = preview(editor_client, "\n".join(lines))
    assert CAPTION not in body
    assert f'{CAPTION} <span class="hint">(after paragraph 1)</span>' in page
    assert 'in , , <span class="hint">(above the story)</span>' in page
    # The editor cuts the last paragraph and fixes a word in the third, then
    # keeps the caption, the line above the story and one from after it.
    paragraphs = body.split("\n\n")
    edited = [
        *paragraphs[:2],
        paragraphs[2].replace("prepared", "prepared defensive"),
        *paragraphs[3:-1],
    ]
    response = editor_client.post(
        "/articles/new",
        data={
            "title": "Hama city falls to HTS as Syrian army flees",
            "body": "\n\n".join(edited),
            "restore": [restore["in , ,"], restore[CAPTION], restore["What do you think?"]],
        },
    )
    assert response.status_code == 302
    stored = newest_article().paragraphs
    assert stored[0] == "in , ,"
    assert stored[1].startswith("Hayat Tahrir al-Sham mercenaries")
    assert stored[2] == CAPTION
    assert stored[3].startswith("Associated Press reports")
    assert "prepared defensive positions" in stored[4]
    # the paragraph it followed was cut: it goes at the end
    assert stored[-1] == "What do you think?"
    assert stored[-2].startswith("Military support from Iran")
    assert len(stored) == len(edited) + 3


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "\x00",
        "1:" * 5000,
        "99999999999999999999:zz:x",
        "-5::x",
        "3:" + "a" * 16 + ":" + "b" * 16 + ":<script>alert(1)</script>",
        "7:::\u202eevil\u202c",
    ],
)
def test_a_restore_value_the_preview_did_not_write_is_never_an_error(editor_client, garbage):
    response = editor_client.post(
        "/articles/new",
        data={"title": "Council votes", "body": "The council voted.", "restore": [garbage]},
    )
    assert response.status_code == 302
    article = newest_article()
    assert article.paragraphs[0] == "The council voted."
    assert "<script>" not in editor_client.get(f"/articles/{article.id}").get_data(as_text=True)


def test_html_upload_goes_through_the_content_extractor(editor_client):
    html = (
        "<html><head><title>Budget gap widens</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article>"
        "<h1>Budget gap widens</h1><p>By Jane Roe</p>"
        "<p>The finance ministry said the deficit reached 4.2% of GDP in 2024, "
        "up from 3.1% a year earlier, according to figures released on Monday.</p>"
        "<p>Economists at the central bank told Reuters the gap could narrow next year "
        "if fuel subsidies are cut as planned by the government.</p>"
        "</article><footer>© 2024 Example News. Share on Facebook</footer></body></html>"
    )
    response = editor_client.post(
        "/articles/import",
        content_type="multipart/form-data",
        data={"upload": (BytesIO(html.encode()), "budget.html")},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "the deficit reached 4.2% of GDP" in page
    body = page.split('name="body"')[1].split("</textarea>")[0]
    assert "Share on Facebook" not in body and "Home" not in body


def test_import_with_nothing_given_says_so_beside_the_field(editor_client):
    response = editor_client.post("/articles/import", data={"raw_text": "  "})
    assert response.status_code == 400
    assert "Paste the text, choose a file or give a link." in response.get_data(as_text=True)


def test_links_to_internal_addresses_are_not_fetched(editor_client):
    response = editor_client.post("/articles/import", data={"url": "http://127.0.0.1:9/x"})
    assert response.status_code == 400
    assert "internal addresses" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "\x00\x00",
        "<html><body></body></html>",
        "<p>unclosed <b>tags <i>everywhere",
        "مرحبا بالعالم\n\nقال المرصد السوري إن 40 شخصا قتلوا.",
    ],
)
def test_malformed_input_imports_as_well_as_it_can(editor_client, raw):
    response = editor_client.post("/articles/import", data={"raw_text": raw})
    assert response.status_code in (200, 400)
    assert "Something went wrong" not in response.get_data(as_text=True)


def test_invalid_utf8_in_a_form_is_not_fatal(editor_client):
    response = editor_client.post(
        "/articles/import",
        data=b"raw_text=%ED%A0%80%FF%FE+broken+bytes+said+AP.",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "broken bytes said AP." in response.get_data(as_text=True)


def test_suggestions_are_listed_and_accepted_as_claims(editor_client, make, editor, example_text):
    imported = importing.extract(example_text)
    article = make.article(editor, body=imported.body, title=imported.title)
    db.session.commit()
    page = editor_client.get(f"/articles/{article.id}/suggestions").get_data(as_text=True)
    assert "a war monitor run by MI6" in page
    target = next(s for s in suggestions.suggest(article.body) if "run by MI6" in s.text)
    response = editor_client.post(
        f"/articles/{article.id}/suggestions/accept",
        data={"key": suggestions.suggestion_key(target)},
    )
    assert response.status_code == 302
    claim = db.session.scalar(sa.select(Claim).where(Claim.article_id == article.id))
    assert article.body[claim.start : claim.end] == target.text
    assert claim.kind is ClaimKind(target.kind)
    # an accepted suggestion is no longer pending
    keys = {suggestions.suggestion_key(s) for s in suggestions.pending_suggestions(article)}
    assert suggestions.suggestion_key(target) not in keys


def test_dismissed_suggestions_stay_dismissed(editor_client, make, editor, example_text):
    article = make.article(editor, body=importing.extract(example_text).body)
    db.session.commit()
    first = suggestions.pending_suggestions(article)[0]
    key = suggestions.suggestion_key(first)
    editor_client.post(f"/articles/{article.id}/suggestions/dismiss", data={"key": key})
    page = editor_client.get(f"/articles/{article.id}/suggestions").get_data(as_text=True)
    to_review = page.split('class="claim-list suggestion-list"')[1].split("</ol>")[0]
    assert f'value="{key}"' not in to_review  # listed under "dismissed" instead


def test_accept_all_uses_the_shared_source_registry(editor_client, make, editor, example_text):
    make.source("The Associated Press", aliases=["AP", "Associated Press"])
    article = make.article(editor, body=importing.extract(example_text).body)
    db.session.commit()
    pending = suggestions.pending_suggestions(article)
    response = editor_client.post(f"/articles/{article.id}/suggestions/accept-all")
    assert response.status_code == 302
    assert len(article.active_claims) == len(pending) > 5
    ap_sources = db.session.scalars(
        sa.select(Source).where(Source.name.in_(["AP", "Associated Press"]))
    ).all()
    assert ap_sources == []  # AP resolved to the one registry record


def test_edit_link_prefills_the_claim_form(editor_client, make, editor):
    article = make.article(editor)
    db.session.commit()
    page = editor_client.get(
        f"/articles/{article.id}?quote=AP+reports&kind=attribution&sources=AP"
    ).get_data(True)
    assert re.search(r'name="quote"[^>]*>\s*AP reports</textarea>', page)
    assert '<option selected value="attribution">' in page


def test_cli_suggests_claims_as_json(runner, tmp_path, example_text):
    path = tmp_path / "hama.txt"
    path.write_text(example_text, encoding="utf-8")
    result = runner.invoke(args=["suggest-claims", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    suggestions = json.loads(result.output)
    assert {"text", "start", "end", "kind", "sources", "priority"} <= set(suggestions[0])
    assert any("run by MI6" in s["text"] and s["kind"] == "characterization" for s in suggestions)
    assert not any("Leave a Reply" in s["text"] for s in suggestions)


def test_cli_imports_an_article(runner, tmp_path, example_text, editor):
    db.session.commit()
    path = tmp_path / "hama.txt"
    path.write_text(example_text, encoding="utf-8")
    result = runner.invoke(args=["import-article", str(path), "--editor", editor.email])
    assert result.exit_code == 0, result.output
    assert newest_article().title == "Hama city falls to HTS as Syrian army flees"
