"""A desk's day in real browsers: a review waiting reaches every editor; once
one approves it from Waiting for me, it is done for everyone (no longer new
in the other editor's inbox, and it says who did it)."""

import pytest
from playwright.sync_api import expect

from factcheck.models import Claim, ClaimStatus
from tests.e2e.browsing import ARMY, fresh, screenshot

pytestmark = pytest.mark.e2e


def unread_badge(page):
    return page.locator(".unread-count")


def test_a_review_done_by_one_editor_is_done_in_every_inbox(
    browse, newsroom, example_article, claim_in
):
    claim = claim_in(example_article, ClaimStatus.IN_REVIEW, quote=ARMY)
    manager = browse.page_as(newsroom.manager)
    manager.goto("/inbox/")
    expect(unread_badge(manager)).to_have_text("1 unread")
    expect(manager.locator("li.is-unread")).to_contain_text("review waiting")

    editor = browse.page_as(newsroom.editor)
    editor.goto("/waiting")
    item = editor.locator(f'li[data-claim="{claim.id}"]')
    expect(item).to_contain_text("proposed by Sam Checker")
    item.get_by_text("Approve or return this one").click()
    item.get_by_role("button", name="Approve", exact=True).click()
    expect(editor.locator(".flash")).to_contain_text("Approved 1 verdict(s).")
    assert fresh(Claim, claim.id).status is ClaimStatus.APPROVED

    manager.reload()
    expect(unread_badge(manager)).to_have_count(0)
    done = manager.locator("li.is-done")
    expect(done).to_contain_text("Done: approved by Dana Editor.")
    screenshot(manager, "inbox-review-done-by-another-editor")
