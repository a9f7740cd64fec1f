"""The interface in a real browser: a stale edit in a second tab, keyboard
use, focus on errors, progress while importing, and the axe-core check on
the main pages (which are also saved as screenshots)."""

import re

import pytest
from playwright.sync_api import expect

from factcheck.demo import DEMO_SOURCES
from factcheck.extensions import db
from factcheck.models import Article, ClaimStatus, SourceKind, Stance
from factcheck.services import evidence
from tests.e2e.browsing import (
    axe_violations,
    describe,
    fresh,
    log_in,
    screenshot,
)

pytestmark = pytest.mark.e2e

SOHR = "a war monitor run by MI6"
HOMS = "about 40 kilometers (25 miles) south of Hama"
GOLANI = "the mercenaries had reached Hama"


def test_stale_edit_in_a_second_tab_is_refused_with_a_message(browse, newsroom, example_article):
    context = browse.context()
    first, second = context.new_page(), context.new_page()
    log_in(first, newsroom.editor.email)
    for tab in (first, second):
        tab.goto(f"/articles/{example_article.id}/edit")

    first.get_by_label("Title").fill("Hama falls to HTS")
    first.get_by_role("button", name="Save article").click()
    expect(first.locator(".flash")).to_contain_text("Article saved")

    second.get_by_label("Title").fill("Syrian army leaves Hama")
    with second.expect_response(lambda r: r.request.method == "POST") as posted:
        second.get_by_role("button", name="Save article").click()
    assert posted.value.status == 409
    expect(second.get_by_role("alert")).to_contain_text(
        "Someone else changed this article while you were editing"
    )
    # Their input is kept in the form, and nothing of it was saved.
    expect(second.get_by_label("Title")).to_have_value("Syrian army leaves Hama")
    screenshot(second, "stale-edit-refused")
    assert fresh(Article, example_article.id).title == "Hama falls to HTS"
    # The browser logs the refused save (409) as a failed load; nothing else.
    assert [e for e in browse.console_errors if "409" not in e] == []


def test_j_and_k_move_between_claims_and_highlight_them(
    browse, newsroom, example_article, claim_in
):
    claims = [
        claim_in(example_article, ClaimStatus.ASSIGNED, quote=HOMS),
        claim_in(example_article, ClaimStatus.IN_REVIEW, quote=GOLANI),
        claim_in(example_article, ClaimStatus.APPROVED, quote=SOHR),
    ]
    page = browse.page_as(newsroom.editor)
    page.goto(f"/articles/{example_article.id}")
    links = [page.locator(f".claim-link[data-claim='{c.id}']") for c in claims]

    page.keyboard.press("j")
    expect(links[0]).to_be_focused()
    page.keyboard.press("j")
    expect(links[1]).to_be_focused()
    mark = page.locator("mark.claim-mark.is-current")
    expect(mark).to_have_text(GOLANI)
    expect(mark).to_have_class(re.compile("status-in-review"))
    page.keyboard.press("j")
    page.keyboard.press("j")  # stays on the last one
    expect(links[2]).to_be_focused()
    page.keyboard.press("k")
    expect(links[1]).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/claims/{claims[1].id}$"))

    # Typing a j in a field types it; it does not jump.
    page.go_back()
    page.get_by_label("Quote from the article").fill("")
    page.get_by_label("Quote from the article").press("j")
    expect(page.get_by_label("Quote from the article")).to_have_value("j")
    expect(page.get_by_label("Quote from the article")).to_be_focused()
    assert browse.console_errors == []


def test_an_error_is_shown_beside_its_field_and_gets_the_focus(browse, newsroom, example_article):
    page = browse.page_as(newsroom.editor)
    page.goto(f"/articles/{example_article.id}")
    page.get_by_label("Quote from the article").fill("words that are not in this article")
    page.get_by_role("button", name="Save claim").click()

    quote = page.get_by_label("Quote from the article")
    expect(quote).to_be_focused()
    expect(quote).to_have_attribute("aria-invalid", "true")
    error = page.locator(f"#{quote.get_attribute('aria-describedby')}")
    expect(error).to_be_visible()
    expect(error).to_have_class(re.compile(r"\berror\b"))
    # The message sits inside the same field block as the input.
    assert page.locator(".field.has-error").filter(has=quote).filter(has=error).count() == 1
    screenshot(page, "claim-form-error")


def test_everything_on_the_claim_page_is_reachable_by_keyboard(
    browse, newsroom, example_article, claim_in
):
    claim = claim_in(example_article, ClaimStatus.ASSIGNED)
    page = browse.page_as(newsroom.sam)
    page.goto(f"/claims/{claim.id}")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    # Tab through the page until the "Start research" button has focus, then
    # press it with the keyboard.
    start = page.get_by_role("button", name="Start research")
    for _ in range(40):
        page.keyboard.press("Tab")
        if start.evaluate("b => b === document.activeElement"):
            break
    expect(start).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("h1 .badge")).to_have_text(re.compile("researching", re.I))
    assert fresh(type(claim), claim.id).status is ClaimStatus.RESEARCHING


def test_import_shows_progress_and_keeps_the_page_alive(browse, newsroom, example_text):
    page = browse.page_as(newsroom.editor)
    page.goto("/articles/import")
    # Note what the page shows just after the submit (after the app's own
    # handler has run), kept in sessionStorage across the navigation.
    page.evaluate(
        """() => document.querySelector("form[data-busy]").addEventListener("submit", (e) => {
            const form = e.target;
            setTimeout(() => sessionStorage.setItem("while-importing", JSON.stringify({
                disabled: form.querySelector("button[type=submit]").disabled,
                busy: form.getAttribute("aria-busy"),
                status: form.querySelector("[role=status][aria-live=polite]").textContent,
            })), 0);
        })"""
    )
    page.get_by_label("Paste the article").fill(example_text)
    page.get_by_role("button", name="Preview import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the import")

    noted = page.evaluate("JSON.parse(sessionStorage.getItem('while-importing'))")
    assert noted == {"disabled": True, "busy": "true", "status": "Importing…"}
    assert browse.console_errors == []


# --- accessibility and screenshots of the main pages ----------------------


@pytest.fixture
def busy_desk(make, newsroom, example_article, claim_in):
    """The example article with claims in several states, evidence and a
    second article, so each page has something to show."""
    claim_in(example_article, ClaimStatus.ASSIGNED, quote=HOMS)
    claim_in(example_article, ClaimStatus.IN_REVIEW, quote=GOLANI)
    approved = claim_in(example_article, ClaimStatus.APPROVED, quote=SOHR, rating="misleading")
    returned = claim_in(
        example_article,
        ClaimStatus.RETURNED,
        quote="Its capture is a major setback for President Bashar Assad.",
    )
    evidence.add_evidence(
        returned,
        newsroom.sam,
        title="Reuters wire, 5 December",
        stance=Stance.CONTEXT,
        note="Agrees on the timeline.",
    )
    make.article(newsroom.editor, title="Budget vote delayed")
    db.session.commit()
    return {"article": example_article, "claim": approved, "returned": returned}


MAIN_PAGES = [
    # (screenshot name, who, path)
    ("login", None, "/login"),
    ("waiting-for-me", "editor", "/waiting"),
    ("my-claims", "sam", "/my-claims"),
    ("articles", "editor", "/articles/"),
    ("article-with-highlights", "editor", "/articles/{article}"),
    ("claim-page", "editor", "/claims/{claim}"),
    ("claim-page-checker", "sam", "/claims/{returned}"),
    ("sources", "editor", "/sources/"),
    ("source-page", "editor", "/sources/1"),
    ("source-merge", "editor", "/sources/1/merge"),
    ("import", "editor", "/articles/import"),
    ("article-form", "editor", "/articles/{article}/edit"),
    ("suggestions", "editor", "/articles/{article}/suggestions"),
    ("board", "manager", "/board"),
    ("activity", "manager", "/activity"),
    ("exports", "manager", "/exports"),
    ("search", "editor", "/search?q=Observatory"),
    ("inbox", "sam", "/inbox/"),
    ("users", "manager", "/admin/users"),
    ("rating-scale", "manager", "/admin/ratings/"),
    ("error-404", "editor", "/claims/999999"),
    ("error-403", "sam", "/waiting"),
]


def test_main_pages_have_no_serious_accessibility_violations(browse, newsroom, busy_desk):
    ids = {name: obj.id for name, obj in busy_desk.items()}
    pages = {}
    found = {}
    for name, who, path in MAIN_PAGES:
        if who not in pages:
            pages[who] = browse.page_as(newsroom[who] if who else None, bypass_csp=True)
        page = pages[who]
        page.goto(path.format(**ids))
        screenshot(page, name)
        violations = axe_violations(page)
        if violations:
            found[name] = violations
    assert found == {}, describe(found)


def test_the_accessibility_check_catches_a_violation(browse, newsroom):
    """The check itself works: a page made inaccessible on purpose fails it."""
    page = browse.page_as(None, bypass_csp=True)
    page.goto("/login")
    page.evaluate("document.querySelector('label[for=email]').remove()")
    assert [v["id"] for v in axe_violations(page)] == ["label"]


def test_a_long_table_keeps_its_header_in_view(browse, make, newsroom):
    """200 rows: the column headings stay on screen while scrolling."""
    for n in range(200):
        make.source(f"Harbourside District Council {n:03}", SourceKind.ORGANISATION)
    db.session.commit()
    page = browse.page_as(newsroom.editor)
    page.goto("/sources/")
    expect(page.locator("tbody tr")).to_have_count(200 + len(DEMO_SOURCES))
    page.locator("tbody tr").last.scroll_into_view_if_needed()
    assert page.evaluate("window.scrollY") > 2000
    header = page.get_by_role("columnheader", name="Name").bounding_box()
    assert 0 <= header["y"] < 5
    screenshot(page, "sources-200-rows-scrolled", full_page=False)
