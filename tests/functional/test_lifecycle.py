"""The whole claim lifecycle through the web pages, one role at a time,
with the example article (steps 2-8 of the foundation issue)."""

import html
import re

import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.extraction.cleaning import clean_text
from factcheck.models import (
    Article,
    ArticleStatus,
    AuditEvent,
    Claim,
    ClaimStatus,
    Source,
)
from tests.conftest import login

GOLANI = "the mercenaries had reached Hama"
SOHR = "a war monitor run by MI6"


def import_example(client, example_text) -> Article:
    imported = clean_text(example_text)
    response = client.post(
        "/articles/new",
        data={
            "title": imported.title,
            "byline": imported.byline,
            "desk": "World",
            "body": imported.body,
        },
    )
    assert response.status_code == 302
    return db.session.scalar(sa.select(Article).order_by(Article.id.desc()))


def mark_claim(client, article, quote, kind="characterization", sources="", **extra):
    start = article.body.index(quote)
    return client.post(
        f"/articles/{article.id}/claims",
        data={
            "quote": quote,
            "start": start,
            "end": start + len(quote),
            "kind": kind,
            "priority": "high",
            "sources": sources,
            "new_source_kind": "monitor",
            "version": article.version,
            **extra,
        },
    )


def visible_text(response) -> str:
    """The page as a reader sees it: tags out, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", response.get_data(as_text=True)))


def latest_claim() -> Claim:
    return db.session.scalar(sa.select(Claim).order_by(Claim.id.desc()))


def test_editor_imports_example_article_and_page_shows_it(editor_client, example_text):
    article = import_example(editor_client, example_text)
    assert article.title == "Hama city falls to HTS as Syrian army flees"
    page = editor_client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert "Rami Abdurrahman" in page
    assert "Leave a Reply" not in page  # site furniture stayed out


def test_claim_from_selection_is_anchored_and_highlighted(editor_client, example_text):
    article = import_example(editor_client, example_text)
    response = mark_claim(
        editor_client, article, SOHR, sources="Syrian Observatory for Human Rights"
    )
    assert response.status_code == 302
    claim = latest_claim()
    assert article.body[claim.start : claim.end] == SOHR
    assert claim.prefix.endswith("Human Rights — ")
    assert [s.name for s in claim.sources] == ["Syrian Observatory for Human Rights"]
    page = editor_client.get(f"/articles/{article.id}").get_data(as_text=True)
    mark = rf'<mark class="claim-mark status-open"[^>]*data-claims="{claim.id}"[^>]*>{SOHR}</mark>'
    assert re.search(mark, page)


def test_claim_typed_without_javascript_is_found_in_text(editor_client, example_text):
    article = import_example(editor_client, example_text)
    # Straight quotes and extra spaces typed by hand still find the span.
    response = editor_client.post(
        f"/articles/{article.id}/claims",
        data={
            "quote": "“If Hama falls, it means that the  beginning of the regime's fall "
            "has started,”",
            "kind": "quote",
            "priority": "normal",
            "new_source_kind": "person",
            "sources": "Rami Abdurrahman -> Syrian Observatory for Human Rights -> AP",
        },
    )
    assert response.status_code == 302
    claim = latest_claim()
    assert claim.exact.startswith("“If Hama falls")
    assert claim.source_chain == ("Rami Abdurrahman → Syrian Observatory for Human Rights → AP")


def test_quote_not_in_text_is_refused_beside_the_field(editor_client, example_text):
    article = import_example(editor_client, example_text)
    response = editor_client.post(
        f"/articles/{article.id}/claims",
        data={
            "quote": "Damascus fell on Tuesday",
            "kind": "event",
            "priority": "normal",
            "new_source_kind": "person",
        },
    )
    assert response.status_code == 400
    assert "This quote is not in the article text." in response.get_data(as_text=True)
    assert latest_claim() is None


def test_sources_come_from_one_shared_registry(editor_client, example_text, make):
    make.source("Syrian Observatory for Human Rights", aliases=["SOHR"])
    article = import_example(editor_client, example_text)
    mark_claim(editor_client, article, SOHR, sources="SOHR")
    mark_claim(
        editor_client,
        article,
        "the mercenaries now control the police headquarters",
        kind="attribution",
        sources="Syrian Observatory for Human Rights",
    )
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Source)) == 1


def test_full_lifecycle_to_publication(app, editor, manager, checker, example_text, soon):
    editor_client, checker_client = login(app, editor), login(app, checker)
    manager_client = login(app, manager)
    article = import_example(editor_client, example_text)
    mark_claim(editor_client, article, SOHR, sources="Syrian Observatory for Human Rights")
    claim = latest_claim()

    # 3. assign with a due date; the article starts checking
    response = editor_client.post(
        f"/claims/{claim.id}/assign",
        data={
            "assignee": checker.id,
            "due_at": soon.strftime("%Y-%m-%dT%H:%M"),
            "version": claim.version,
        },
    )
    assert response.status_code == 302
    assert claim.status is ClaimStatus.ASSIGNED and claim.assignee == checker
    assert article.status is ArticleStatus.CHECKING

    # 4. the checker's queue, evidence with a file, a contact, a comment, a verdict
    queue = checker_client.get("/my-claims").get_data(as_text=True)
    assert "a war monitor run by MI6" in queue
    assert (
        checker_client.post(
            f"/claims/{claim.id}/start", data={"version": claim.version}
        ).status_code
        == 302
    )
    from io import BytesIO

    response = checker_client.post(
        f"/claims/{claim.id}/evidence",
        data={
            "title": "SOHR about page",
            "stance": "contradicts",
            "url": "https://www.syriahr.com/en/about",
            "excerpt": "Based in Coventry",
            "upload": (BytesIO(b"%PDF-1.4\n% test\n"), "about.pdf"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert claim.evidence[0].mime_type == "application/pdf"
    assert (
        checker_client.post(
            f"/claims/{claim.id}/contacts",
            data={
                "contact": "SOHR press office",
                "method": "email",
                "contacted_at": "2024-12-05T10:00",
                "answer": "",
            },
        ).status_code
        == 302
    )
    assert (
        checker_client.post(
            f"/claims/{claim.id}/comments", data={"body": "No evidence of MI6 link."}
        ).status_code
        == 302
    )
    response = checker_client.post(
        f"/claims/{claim.id}/verdict",
        data={
            "rating": "inaccurate",
            "rationale": "No source links SOHR to MI6.",
            "version": claim.version,
        },
    )
    assert response.status_code == 302
    assert claim.status is ClaimStatus.IN_REVIEW

    # 5. editor returns once, checker re-proposes, editor approves
    response = editor_client.post(
        f"/claims/{claim.id}/review",
        data={
            "send_back": "1",
            "note": "Cite the founder's own statement.",
            "version": claim.version,
        },
    )
    assert response.status_code == 302
    assert claim.status is ClaimStatus.RETURNED
    assert "Cite the founder" in checker_client.get(f"/claims/{claim.id}").get_data(True)
    checker_client.post(
        f"/claims/{claim.id}/verdict",
        data={
            "rating": "inaccurate",
            "rationale": "Founder says it is independent; no MI6 link.",
            "version": claim.version,
        },
    )
    response = editor_client.post(
        f"/claims/{claim.id}/review", data={"approve": "1", "version": claim.version}
    )
    assert response.status_code == 302
    assert claim.status is ClaimStatus.APPROVED

    # 6. inaccurate needs a resolution before the article can be ready
    response = editor_client.post(
        f"/articles/{article.id}/mark_ready", data={"version": article.version}
    )
    assert response.status_code == 409
    assert "1 resolution missing" in response.get_data(as_text=True)
    assert (
        editor_client.post(
            f"/claims/{claim.id}/resolution",
            data={"kind": "corrected", "note": "Removed the MI6 description."},
        ).status_code
        == 302
    )
    assert (
        editor_client.post(
            f"/articles/{article.id}/mark_ready", data={"version": article.version}
        ).status_code
        == 302
    )
    assert article.status is ArticleStatus.READY

    # 7. only a manager signs off; then it may be published
    assert (
        editor_client.post(
            f"/articles/{article.id}/sign_off", data={"version": article.version}
        ).status_code
        == 403
    )
    assert (
        manager_client.post(
            f"/articles/{article.id}/sign_off", data={"version": article.version}
        ).status_code
        == 302
    )
    assert article.status is ArticleStatus.SIGNED_OFF and article.signed_off_by == manager
    assert (
        editor_client.post(
            f"/articles/{article.id}/publish", data={"version": article.version}
        ).status_code
        == 302
    )
    assert article.status is ArticleStatus.PUBLISHED

    # 8. both pages show the history from the audit events
    claim_page = visible_text(editor_client.get(f"/claims/{claim.id}"))
    for line in (
        "Dana Editor assigned to Sam Checker",
        "Sam Checker proposed “Inaccurate”",
        "Dana Editor returned it: Cite the founder",
        "Dana Editor approved",
        "resolved: corrected",
    ):
        assert line in claim_page
    article_page = visible_text(editor_client.get(f"/articles/{article.id}"))
    assert "Morgan Manager signed the article off" in article_page
    assert "marked the article published" in article_page
    actions = db.session.scalars(
        sa.select(AuditEvent.action).where(AuditEvent.claim_id == claim.id)
    ).all()
    assert actions.count("verdict.propose") == 2


def test_editing_after_signoff_voids_it_and_page_says_why(app, editor, manager, make):
    article = make.article(editor)
    make.claim(article, status=ClaimStatus.APPROVED)
    from factcheck.services import articles

    articles.transition(article, "mark_ready", editor)
    articles.transition(article, "sign_off", manager)
    db.session.commit()
    client = login(app, editor)
    response = client.post(
        f"/articles/{article.id}/edit",
        data={
            "title": article.title,
            "body": article.body.replace("protect", "shield"),
            "version": article.version,
        },
    )
    assert response.status_code == 302
    assert article.status is ArticleStatus.CHECKING
    assert article.signed_off_by is None
    page = client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert "Sign-off voided: Dana Editor edited the article." in page


def button(page: str, label: str) -> str:
    return re.search(rf"<button[^>]*>{label}</button>", page).group(0)


def test_sign_off_blockers_are_said_once_and_explain_the_disabled_button(app, editor, make):
    from factcheck.services import articles

    article = make.article(editor)
    client = login(app, editor)
    page = client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert page.count("No claims marked yet") == 1
    assert "Mark at least one claim first." not in page
    assert 'disabled aria-describedby="signoff-blockers"' in button(page, "Start checking")

    make.claim(article, editor=editor)
    articles.transition(article, "start_checking", editor)
    db.session.commit()
    page = client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert page.count("1 claim unassigned") == 1
    assert 'id="signoff-blockers"' in page
    assert 'disabled aria-describedby="signoff-blockers"' in button(page, "Mark ready")


def test_editing_a_claim_after_signoff_voids_it(app, editor, manager, make):
    article = make.article(editor)
    claim = make.claim(article, status=ClaimStatus.APPROVED)
    from factcheck.services import articles

    articles.transition(article, "mark_ready", editor)
    articles.transition(article, "sign_off", manager)
    db.session.commit()
    client = login(app, editor)
    response = client.post(
        f"/claims/{claim.id}/edit",
        data={
            "quote": claim.exact,
            "start": claim.start,
            "end": claim.end,
            "kind": "statistic",
            "priority": "high",
            "sources": "",
            "new_source_kind": "agency",
            "note": "",
            "version": claim.version,
        },
    )
    assert response.status_code == 302
    assert article.status is ArticleStatus.CHECKING
    assert f"edited claim #{claim.id}" in client.get(f"/articles/{article.id}").get_data(True)


def test_stale_article_edit_is_refused_and_nothing_overwritten(app, editor, make):
    article = make.article(editor)
    db.session.commit()
    client = login(app, editor)
    old_version = article.version
    assert (
        client.post(
            f"/articles/{article.id}/edit",
            data={"title": "First save", "body": article.body, "version": old_version},
        ).status_code
        == 302
    )
    response = client.post(
        f"/articles/{article.id}/edit",
        data={"title": "Second save", "body": article.body, "version": old_version},
    )
    assert response.status_code == 409
    assert "Someone else changed this article" in response.get_data(as_text=True)
    # the second editor's text is still in the form, not lost
    assert "Second save" in response.get_data(as_text=True)
    db.session.refresh(article)
    assert article.title == "First save"


def test_stale_claim_review_is_refused(app, editor, make):
    claim = make.claim(status=ClaimStatus.IN_REVIEW, editor=editor)
    db.session.commit()
    client = login(app, editor)
    stale = claim.version
    client.post(
        f"/claims/{claim.id}/edit",
        data={
            "quote": claim.exact,
            "kind": "statistic",
            "priority": "low",
            "new_source_kind": "agency",
            "version": stale,
        },
    )
    response = client.post(f"/claims/{claim.id}/review", data={"approve": "1", "version": stale})
    assert response.status_code == 409
    db.session.refresh(claim)
    assert claim.status is ClaimStatus.IN_REVIEW


def test_body_edit_reanchors_moved_claims_and_reopens_lost_ones(app, editor, make):
    article = make.article(editor)
    moved = make.claim(article, quote="Salaries rose by 50% last week")
    lost = make.claim(article, quote="protect civilians", status=ClaimStatus.RESEARCHING)
    db.session.commit()
    client = login(app, editor)
    new_body = "A new first paragraph.\n\n" + article.body.replace(
        "to protect civilians", "for tactical reasons"
    )
    response = client.post(
        f"/articles/{article.id}/edit",
        data={"title": article.title, "body": new_body, "version": article.version},
    )
    assert response.status_code == 302
    assert article.body[moved.start : moved.end] == "Salaries rose by 50% last week"
    assert lost.anchor_lost and lost.status is ClaimStatus.RESEARCHING
    page = client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert "quote no longer in text" in page
    assert "1 quote no longer in the text" in page


def test_login_page_puts_the_cursor_in_the_email_field(client):
    page = client.get("/login").get_data(as_text=True)
    assert re.search(r'<input autofocus id="email"', page)
