"""What the lists say at a glance: My claims splits what the checker has to
do from what waits on an editor (never overdue there), and claim lists show
the rating beside the status ("approved · misleading")."""

from datetime import timedelta

from factcheck.extensions import db
from factcheck.models import ClaimStatus
from factcheck.models.base import utcnow
from tests.conftest import login

BODY = (
    "The army said it withdrew from the city to protect civilians.\n\n"
    "Salaries rose by 50% last week, the ministry said."
)


def row(page: str, claim) -> str:
    return page.split(f'data-claim="{claim.id}"')[1].split("</tr>")[0]


def test_my_claims_puts_claims_in_review_apart_and_never_overdue(app, make, editor, checker):
    yesterday = utcnow() - timedelta(days=1)
    article = make.article(editor, body=BODY)
    to_do = make.claim(
        article,
        quote="The army said it withdrew",
        editor=editor,
        status=ClaimStatus.RESEARCHING,
        assignee=checker,
        due_at=yesterday,
    )
    waiting = make.claim(
        article,
        quote="Salaries rose by 50% last week",
        editor=editor,
        status=ClaimStatus.IN_REVIEW,
        assignee=checker,
        due_at=yesterday,
        rating="misleading",
    )
    db.session.commit()
    page = login(app, checker).get("/my-claims").get_data(as_text=True)
    to_do_part, review_part = page.split('id="in-review-heading"')
    assert "To do (1)" in to_do_part and f'data-claim="{to_do.id}"' in to_do_part
    assert "Overdue" in row(to_do_part, to_do)
    assert f'data-claim="{waiting.id}"' in review_part and "Waiting for review (1)" in review_part
    assert "Overdue" not in review_part
    assert "· Misleading" in row(review_part, waiting)


def test_the_article_page_shows_the_rating_beside_each_claim_status(app, make, editor, checker):
    article = make.article(editor, body=BODY)
    approved = make.claim(
        article,
        quote="Salaries rose by 50% last week",
        editor=editor,
        status=ClaimStatus.APPROVED,
        assignee=checker,
        rating="misleading",
    )
    researching = make.claim(
        article,
        quote="The army said it withdrew",
        editor=editor,
        status=ClaimStatus.RESEARCHING,
        assignee=checker,
    )
    db.session.commit()
    page = login(app, editor).get(f"/articles/{article.id}").get_data(as_text=True)
    approved_item = page.split(f'id="claim-{approved.id}"')[1].split("</li>")[0]
    assert 'approved</span> <span class="rating-beside">· Misleading</span>' in approved_item
    researching_item = page.split(f'id="claim-{researching.id}"')[1].split("</li>")[0]
    assert "rating-beside" not in researching_item
