"""Small things a desk working against a deadline notices: a due date already
gone is taken with a warning, quotes are not doubled in lists, the resolution
option says what the hint says, and ClaimReview names the public address."""

import json
from datetime import timedelta

import pytest

from factcheck.extensions import db
from factcheck.models import ClaimKind, ClaimStatus
from factcheck.models.base import utcnow
from tests.conftest import login

QUOTED = '"a decade behind"'
BODY = f"The minister called the plan {QUOTED} in a speech.\n\nThe vote is on Friday."


def test_a_due_date_already_gone_is_taken_with_a_warning(app, make, editor, checker):
    claim = make.claim(make.article(editor), editor=editor)
    client = login(app, editor)
    yesterday = (utcnow() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        f"/claims/{claim.id}/assign",
        data={"assignee": checker.id, "due_at": yesterday, "version": claim.version},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "has already passed: the claim shows as overdue" in page
    db.session.expire_all()
    assert claim.status is ClaimStatus.ASSIGNED


def test_a_due_date_ahead_gets_no_warning(app, make, editor, checker):
    claim = make.claim(make.article(editor), editor=editor)
    client = login(app, editor)
    tomorrow = (utcnow() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    page = client.post(
        f"/claims/{claim.id}/assign",
        data={"assignee": checker.id, "due_at": tomorrow, "version": claim.version},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "already passed" not in page


def test_a_quotation_is_not_quoted_twice_in_lists(app, make, editor, checker):
    article = make.article(editor, body=BODY)
    make.claim(article, quote=QUOTED, kind=ClaimKind.QUOTE, editor=editor)
    make.claim(article, quote="The vote is on Friday.", kind=ClaimKind.EVENT, editor=editor)
    page = login(app, editor).get("/waiting").get_data(as_text=True)
    assert "“&#34;a decade behind&#34;”" not in page and "“&quot;a decade behind&quot;”" not in page
    assert "&#34;a decade behind&#34;" in page or "&quot;a decade behind&quot;" in page
    assert "“The vote is on Friday.”" in page


def test_the_resolution_option_reads_as_the_hint_does(app, make, editor, manager):
    article = make.article(editor)
    claim = make.claim(article, status=ClaimStatus.APPROVED, rating="misleading", editor=editor)
    page = login(app, manager).get(f"/claims/{claim.id}").get_data(as_text=True)
    assert "Kept with a manager&#39;s note" in page or "kept with a manager&#39;s note" in page
    assert ">kept with note<" not in page.lower()


@pytest.fixture
def config_overrides():
    return {"PUBLIC_BASE_URL": "https://factcheck.example.org/"}


def test_claimreview_names_the_public_address(app, make, editor):
    article = make.article(editor)
    claim = make.claim(article, status=ClaimStatus.APPROVED, editor=editor)
    response = login(app, editor).get(f"/articles/{article.id}/claimreview.json")
    (item,) = json.loads(response.get_data(as_text=True))
    assert item["url"] == f"https://factcheck.example.org/articles/{article.id}#claim-{claim.id}"
