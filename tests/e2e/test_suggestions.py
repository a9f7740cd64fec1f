"""Suggested claims in a real browser: one editor's dismissal holds for the
whole desk, another editor brings it back."""

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from factcheck.extensions import db
from factcheck.models import AuditEvent, Claim, SuggestionDismissal
from tests.e2e.browsing import axe_violations, describe, screenshot

pytestmark = pytest.mark.e2e


def exactly(text: str) -> re.Pattern:
    return re.compile(f"^{re.escape(text)}$")


def test_a_dismissal_is_shared_by_the_desk_and_can_be_brought_back(
    browse, newsroom, example_article
):
    url = f"/articles/{example_article.id}/suggestions"
    dana = browse.page_as(newsroom.editor)
    dana.goto(url)
    first = dana.locator(".suggestion-list > li").first
    quote = first.locator(".claim-quote").inner_text()
    first.get_by_role("button", name="Dismiss").click()
    expect(dana.locator("#suggestion-status")).to_contain_text("dismissed for everyone")
    to_review = dana.locator(".suggestion-list .claim-quote")
    expect(to_review.filter(has_text=exactly(quote))).to_have_count(0)

    # Morgan, another editor, no longer sees it for review: it is listed as
    # dismissed, with who did it, and Morgan brings it back.
    morgan = browse.page_as(newsroom.manager)
    morgan.goto(url)
    morgan_review = morgan.locator(".suggestion-list .claim-quote")
    expect(morgan_review.filter(has_text=exactly(quote))).to_have_count(0)
    dismissed = morgan.locator(".dismissed-suggestions")
    expect(dismissed.locator("summary")).to_contain_text("1 dismissed")
    dismissed.locator("summary").click()
    item = dismissed.locator("li")
    expect(item.locator(".claim-quote")).to_have_text(quote)
    expect(item).to_contain_text("Dismissed by Dana Editor")
    item.get_by_role("button", name="Bring back").click()
    expect(morgan.locator(".flash")).to_contain_text("Suggestion brought back")
    expect(morgan.locator(".dismissed-suggestions")).to_have_count(0)

    dana.reload()
    expect(to_review.filter(has_text=exactly(quote))).to_have_count(1)
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SuggestionDismissal)) == 0
    actions = db.session.scalars(
        sa.select(AuditEvent.action)
        .where(AuditEvent.action.startswith("suggestion."))
        .order_by(AuditEvent.id)
    ).all()
    assert actions == ["suggestion.dismiss", "suggestion.restore"]
    assert browse.console_errors == []

    # The page with its list of dismissed suggestions open passes axe-core.
    dana.locator(".suggestion-list > li").first.get_by_role("button", name="Dismiss").click()
    expect(dana.locator("#suggestion-status")).to_contain_text("dismissed for everyone")
    checked = browse.page_as(newsroom.editor, bypass_csp=True)
    checked.goto(url + "?dismissed=1")
    expect(checked.locator(".dismissed-suggestions li")).to_have_count(1)
    screenshot(checked, "suggestions-with-dismissed")
    violations = axe_violations(checked)
    assert violations == [], describe(violations)


HIGHLIGHTED = """() => {
  const h = CSS.highlights.get("suggestion");
  return h ? Array.from(h).map((r) => r.toString()).join("|") : null;
}"""


def test_pointing_at_a_suggestion_highlights_its_words_in_the_text(
    browse, newsroom, example_article
):
    page = browse.page_as(newsroom.editor)
    page.goto(f"/articles/{example_article.id}/suggestions")
    items = page.locator(".suggestion-list > li")
    assert page.evaluate(HIGHLIGHTED) is None

    distance = items.filter(has_text="about 40 kilometers").first
    distance.hover()
    words = distance.locator(".claim-quote").inner_text().strip("“”")
    assert page.evaluate(HIGHLIGHTED) == words
    screenshot(page, "suggestion-highlighted", full_page=False)

    # from the keyboard too: tabbing into another suggestion moves the
    # highlight (the pointer rests on the page header, away from the list,
    # so scrolling cannot slide another suggestion under it)
    page.mouse.move(5, 5)
    later = items.nth(8)
    later_words = later.locator(".claim-quote").inner_text().strip("“”")
    assert later_words != words
    later.get_by_role("button", name="Accept").focus()
    assert page.evaluate(HIGHLIGHTED) == later_words
    assert later_words in example_article.body


def claim_count() -> int:
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count()).select_from(Claim))


SCROLL_Y = "() => window.scrollY"


def test_the_first_click_on_accept_works_with_the_page_scrolled_and_keeps_its_place(
    browse, newsroom, example_article
):
    page = browse.page_as(newsroom.editor)
    page.goto(f"/articles/{example_article.id}/suggestions")
    items = page.locator(".suggestion-list > li")
    total = items.count()
    # a suggestion down the list, whose words stand elsewhere in the text
    middle = total // 2
    target = items.nth(middle)
    quote = target.locator(".claim-quote").inner_text()
    target.scroll_into_view_if_needed()
    # scrolled a little further, at once (a wheel scrolls smoothly, still
    # moving when the position is read)
    page.evaluate("() => window.scrollBy({top: 150, behavior: 'instant'})")
    before = page.evaluate(SCROLL_Y)
    assert before > 0
    following = items.nth(middle + 1).locator(".claim-quote").inner_text()

    target.get_by_role("button", name="Accept").click()
    expect(page.locator("#suggestion-status")).to_contain_text("accepted as a claim")
    expect(
        page.locator(".suggestion-list .claim-quote").filter(has_text=exactly(quote))
    ).to_have_count(0)
    assert claim_count() == 1
    assert page.evaluate(SCROLL_Y) == before
    expect(page.locator("#suggestion-count")).to_have_text(str(total - 1))
    # focus moved on to the next suggestion, and the keyboard takes it from there
    focused = page.locator(".suggestion-list > li:focus-within .claim-quote")
    expect(focused).to_have_text(following)
    page.keyboard.press("d")
    expect(page.locator("#suggestion-status")).to_contain_text("dismissed for everyone")
    expect(
        page.locator(".suggestion-list .claim-quote").filter(has_text=exactly(following))
    ).to_have_count(0)
    page.keyboard.press("a")
    expect(page.locator("#suggestion-count")).to_have_text(str(total - 3))
    assert claim_count() == 2
    assert browse.console_errors == []


def test_without_javascript_accept_goes_back_to_the_next_suggestion(
    browse, newsroom, example_article
):
    page = browse.page_as(newsroom.editor, javascript=False)
    page.goto(f"/articles/{example_article.id}/suggestions")
    items = page.locator(".suggestion-list > li")
    following_id = items.nth(4).get_attribute("id")
    items.nth(3).get_by_role("button", name="Accept").click()
    expect(page.locator(".flash")).to_contain_text("accepted as a claim")
    assert page.url.endswith(f"#{following_id}")
    assert claim_count() == 1
