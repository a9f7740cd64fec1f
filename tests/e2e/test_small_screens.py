"""A phone-sized screen and the printed report: no page scrolls sideways at
375 px, long words and links wrap, the header folds into a menu, and the
print view shows the report without the site around it."""

import pytest
from playwright.sync_api import expect

from factcheck.extensions import db
from factcheck.models import ClaimStatus
from factcheck.services import claims as claim_service
from tests.e2e.browsing import screenshot

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 740}
LONG_URL = "https://example.org/" + "/".join(["a-very-long-path-segment"] * 9)  # 220+ characters
LONG_WORD = "x" * 10_000
HOMS = "about 40 kilometers (25 miles) south of Hama"
GOLANI = "the mercenaries had reached Hama"


@pytest.fixture
def desk_on_a_phone(make, newsroom, example_article, claim_in):
    """Claims in review, assigned and approved, and comments that are one
    long link and one very long word."""
    assigned = claim_in(example_article, ClaimStatus.ASSIGNED, quote=HOMS)
    claim_in(example_article, ClaimStatus.IN_REVIEW, quote=GOLANI)
    claim_service.add_comment(assigned, newsroom.editor, f"See {LONG_URL} for the map.")
    claim_service.add_comment(assigned, newsroom.editor, LONG_WORD)
    make.article(newsroom.editor, title="Budget vote delayed " + LONG_WORD[:300])
    db.session.commit()
    return {"article": example_article.id, "claim": assigned.id}


PHONE_PAGES = [
    ("board", "manager", "/board"),
    ("exports", "manager", "/exports"),
    ("my-claims", "sam", "/my-claims"),
    ("waiting-for-me", "editor", "/waiting"),
    ("article", "editor", "/articles/{article}"),
    ("claim", "editor", "/claims/{claim}"),
    ("suggestions", "editor", "/articles/{article}/suggestions"),
    ("articles", "editor", "/articles/"),
]


def test_no_page_scrolls_sideways_at_375_px(browse, newsroom, desk_on_a_phone):
    pages, too_wide = {}, {}
    for name, who, path in PHONE_PAGES:
        if who not in pages:
            pages[who] = browse.page_as(newsroom[who], viewport=PHONE)
        page = pages[who]
        page.goto(path.format(**desk_on_a_phone))
        width = page.evaluate("document.documentElement.scrollWidth")
        screenshot(page, f"phone-{name}")
        if width > PHONE["width"]:
            too_wide[name] = width
    assert too_wide == {}


def test_the_header_folds_into_a_menu_on_a_phone(browse, newsroom):
    page = browse.page_as(newsroom.editor, viewport=PHONE)
    page.goto("/articles/")
    nav = page.get_by_role("navigation", name="Main")
    menu = page.get_by_role("button", name="Menu")
    expect(nav).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Articles")).to_be_visible()


def test_on_a_phone_the_claims_come_before_the_text(browse, newsroom, desk_on_a_phone):
    page = browse.page_as(newsroom.editor, viewport=PHONE)
    page.goto(f"/articles/{desk_on_a_phone['article']}")
    claims_top = page.locator(".claims-side").bounding_box()["y"]
    text_top = page.locator("#article-text").bounding_box()["y"]
    assert claims_top < text_top
    expect(page.get_by_role("link", name="Jump to the article text")).to_be_visible()


def test_the_printed_report_has_no_site_navigation(browse, newsroom, desk_on_a_phone):
    page = browse.page_as(newsroom.editor)
    page.goto(f"/articles/{desk_on_a_phone['article']}/report")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_role("button", name="Log out")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.pdf(path=str(screenshot(page, "report-print").with_suffix(".pdf")))
