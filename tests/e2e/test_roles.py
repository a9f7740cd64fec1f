"""Each role walks its real work in a real browser, through the pages only.

The database is read afterwards to prove the clicks did what the page said.
Pages run under the app's real Content Security Policy: any blocked script
or JavaScript error fails the test.
"""

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from factcheck.extensions import db
from factcheck.extraction.cleaning import clean_text
from factcheck.models import (
    Article,
    ArticleStatus,
    AuditEvent,
    Claim,
    ClaimStatus,
    Verdict,
)
from tests.e2e.browsing import ARMY, fresh, screenshot, select_with_mouse

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_editor_imports_marks_a_claim_with_the_mouse_and_assigns_it(browse, newsroom, example_text):
    page = browse.page_as(newsroom.editor)
    imported = clean_text(example_text)

    # Paste the page as scraped; the preview shows what the cleaner found.
    page.get_by_role("link", name="Import article").click()
    page.get_by_label("Paste the article").fill(example_text)
    page.get_by_role("button", name="Preview import").click()
    expect(page.get_by_label("Title")).to_have_value(imported.title)
    expect(page.get_by_label("Byline")).to_have_value(imported.byline)
    page.get_by_label("Desk").fill("World")
    page.get_by_role("button", name="Save article").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(imported.title)
    expect(page.locator(".flash")).to_contain_text("Article imported")

    select_with_mouse(page, "#article-text", ARMY)
    # The app's selection handler filled the form and moved focus to Kind.
    expect(page.get_by_label("Quote from the article")).to_have_value(ARMY)
    expect(page.get_by_label("Kind", exact=True)).to_be_focused()
    page.get_by_label("Kind", exact=True).select_option("attribution")
    page.get_by_label("Sources (first teller first)").fill("Syrian army → AP")
    page.get_by_role("button", name="Save claim").click()
    expect(page.locator(".flash")).to_contain_text("Claim marked")

    article = db.session.scalar(sa.select(Article).order_by(Article.id.desc()))
    claim = db.session.scalar(sa.select(Claim).where(Claim.article_id == article.id))
    assert claim.exact == ARMY
    assert article.body[claim.start : claim.end] == ARMY
    assert [s.name for s in claim.sources] == ["Syrian army", "The Associated Press"]

    page.get_by_label("Checker").select_option(label="Sam Checker")
    page.get_by_label("Due").fill("2030-01-02T17:30")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.locator(".flash")).to_contain_text("Assigned to Sam Checker")
    expect(page.locator("h1 .badge")).to_have_text(re.compile("Assigned", re.I))

    claim = fresh(Claim, claim.id)
    assert claim.status is ClaimStatus.ASSIGNED and claim.assignee_id == newsroom.sam.id
    assert claim.article.status is ArticleStatus.CHECKING

    page.get_by_role("link", name=imported.title).click()
    mark = page.locator("mark.claim-mark")
    expect(mark).to_have_text(ARMY)
    expect(mark).to_have_class(re.compile("status-assigned"))
    screenshot(page, "walk-editor-article-after-assigning")
    assert browse.console_errors == []


def test_checker_adds_evidence_with_a_file_and_proposes_a_verdict(
    browse, newsroom, example_article, claim_in
):
    claim = claim_in(example_article, ClaimStatus.ASSIGNED)
    page = browse.page_as(newsroom.sam)

    page.get_by_role("link", name="My claims").click()
    screenshot(page, "walk-checker-my-claims")
    page.get_by_role("link", name=re.compile("The Syrian army said")).click()
    page.get_by_role("button", name="Start research").click()
    expect(page.locator("h1 .badge")).to_have_text(re.compile("Researching", re.I))

    evidence = page.locator("form[action$='/evidence']")
    evidence.get_by_label("Title").fill("Army statement on state TV")
    evidence.get_by_label("Supports").check()
    evidence.get_by_label("File").set_input_files(
        files=[{"name": "statement.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    evidence.get_by_role("button", name="Add evidence").click()
    expect(page.locator(".flash")).to_contain_text("Evidence added")
    expect(page.get_by_role("link", name="statement.pdf")).to_be_visible()

    verdict = page.locator("form[action$='/verdict']")
    verdict.get_by_label("Did the source say it?").select_option("confirmed")
    verdict.get_by_label("Rating").select_option("accurate")
    verdict.get_by_label("Rationale").fill("The statement was broadcast on state TV.")
    verdict.get_by_role("button", name="Propose verdict").click()
    expect(page.locator(".flash")).to_contain_text("Verdict proposed")
    expect(page.locator("h1 .badge")).to_have_text(re.compile("In review", re.I))
    screenshot(page, "walk-checker-verdict-proposed")

    claim = fresh(Claim, claim.id)
    assert claim.status is ClaimStatus.IN_REVIEW
    [item] = claim.evidence
    assert (item.file_name, item.mime_type, item.file_size) == (
        "statement.pdf",
        "application/pdf",
        len(PDF),
    )
    assert claim.latest_verdict.rating == "accurate"
    assert claim.latest_verdict.proposer_id == newsroom.sam.id
    assert browse.console_errors == []


def test_editor_returns_a_verdict_once_then_approves(browse, newsroom, example_article, claim_in):
    claim = claim_in(example_article, ClaimStatus.IN_REVIEW)
    editor = browse.page_as(newsroom.editor)
    checker = browse.page_as(newsroom.sam)

    editor.get_by_role("link", name="Waiting for me").click()
    screenshot(editor, "walk-editor-waiting")
    editor.get_by_role("link", name=re.compile("The Syrian army said")).first.click()
    editor.get_by_label("Note to the checker").fill("Name the TV channel that broadcast it.")
    editor.get_by_role("button", name="Return to checker").click()
    expect(editor.locator("h1 .badge")).to_have_text(re.compile("Returned", re.I))

    checker.goto(f"/claims/{claim.id}")
    expect(checker.locator(".facts")).to_contain_text("Name the TV channel")
    form = checker.locator("form[action$='/verdict']")
    form.get_by_label("Did the source say it?").select_option("confirmed")
    form.get_by_label("Rating").select_option("accurate")
    form.get_by_label("Rationale").fill("Broadcast on Syrian state TV, 5 December.")
    form.get_by_role("button", name="Propose verdict").click()
    expect(checker.locator("h1 .badge")).to_have_text(re.compile("In review", re.I))

    editor.reload()
    editor.get_by_role("button", name="Approve verdict").click()
    expect(editor.locator(".flash")).to_contain_text("Verdict approved")
    expect(editor.locator("h1 .badge")).to_have_text(re.compile("Approved", re.I))

    claim = fresh(Claim, claim.id)
    assert claim.status is ClaimStatus.APPROVED
    decisions = db.session.scalars(
        sa.select(Verdict.decision).where(Verdict.claim_id == claim.id).order_by(Verdict.id)
    ).all()
    assert [d.value for d in decisions] == ["returned", "approved"]
    assert browse.console_errors == []


def test_manager_signs_off_and_publishes(browse, newsroom, example_article, claim_in):
    claim_in(example_article, ClaimStatus.APPROVED)
    page = browse.page_as(newsroom.manager)
    page.goto(f"/articles/{example_article.id}")

    expect(page.locator(".article-head .badge")).to_have_text(re.compile("Checking", re.I))
    page.get_by_role("button", name="Mark ready").click()
    expect(page.locator(".article-head .badge")).to_have_text(re.compile("Ready", re.I))
    page.get_by_role("button", name="Sign off").click()
    expect(page.locator(".notice.success")).to_contain_text("Signed off by Morgan Manager")
    page.get_by_role("button", name="Mark published").click()
    expect(page.locator(".article-head .badge")).to_have_text(re.compile("Published", re.I))
    screenshot(page, "walk-manager-published")

    article = fresh(Article, example_article.id)
    assert article.status is ArticleStatus.PUBLISHED
    assert article.signed_off_by_id == newsroom.manager.id
    actions = db.session.scalars(
        sa.select(AuditEvent.action).where(AuditEvent.article_id == article.id)
    ).all()
    assert {"article.sign_off", "article.publish"} <= set(actions)
    assert browse.console_errors == []


def test_manager_prepares_the_activity_csv_and_downloads_it(browse, newsroom, example_article):
    page = browse.page_as(newsroom.manager)
    page.goto("/activity?action=article")
    page.get_by_role("button", name="Prepare CSV").click()
    link = page.get_by_role("link", name=re.compile(r"Download activity-\d{8}-\d{4}\.csv"))
    expect(link).to_be_visible()
    screenshot(page, "walk-manager-export-ready")
    with page.expect_download() as waiting:
        link.click()
    rows = waiting.value.path().read_text(encoding="utf-8").splitlines()
    expected = db.session.scalars(
        sa.select(AuditEvent.id)
        .where(AuditEvent.action.startswith("article."))
        .order_by(AuditEvent.id)
    ).all()
    assert rows[0].startswith("event_id,") and len(expected) > 0
    assert [int(r.split(",", 1)[0]) for r in rows[1:]] == expected
    assert browse.console_errors == []
