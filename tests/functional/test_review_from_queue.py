"""Editors approve or return verdicts from Waiting for me without opening
each claim: the verdict and rationale shown inline, one at a time or the
ticked ones at once, each through the review service (four eyes, audit)."""

import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import AuditEvent, ClaimStatus
from tests.conftest import login

BODY = (
    "The army said it withdrew from the city to protect civilians.\n\n"
    "Salaries rose by 50% last week, the ministry said.\n\n"
    "About 40 kilometers south of Hama the road was closed."
)
QUOTES = (
    "The army said it withdrew",
    "Salaries rose by 50% last week",
    "About 40 kilometers south of Hama",
)


def in_review(make, editor, checker):
    article = make.article(editor, body=BODY)
    made = [
        make.claim(article, quote=q, editor=editor, status=ClaimStatus.IN_REVIEW, assignee=checker)
        for q in QUOTES
    ]
    db.session.commit()
    return made


def box(claim) -> str:
    return f"{claim.id}:{claim.version}"


def test_the_verdict_and_rationale_show_inline(app, make, editor, checker):
    first, *_ = in_review(make, editor, checker)
    page = login(app, editor).get("/waiting").get_data(as_text=True)
    item = page.split(f'data-claim="{first.id}"')[1].split("</li>")[0]
    assert "Checked against the statement." in item  # the factory's rationale
    assert "Accurate" in item and "proposed by Sam Checker" in item
    assert "Approve or return this one" in item


def test_one_verdict_approved_from_the_queue(app, make, editor, checker):
    first, second, _ = in_review(make, editor, checker)
    response = login(app, editor).post(
        "/waiting/review", data={"claims": [box(first)], "approve": "1"}
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/waiting")
    db.session.expire_all()
    assert first.status is ClaimStatus.APPROVED and second.status is ClaimStatus.IN_REVIEW
    approvals = db.session.scalars(
        sa.select(AuditEvent.claim_id).where(AuditEvent.action == "verdict.approve")
    ).all()
    assert approvals == [first.id]


def test_the_ticked_verdicts_are_approved_at_once(app, make, editor, checker):
    first, second, third = in_review(make, editor, checker)
    response = login(app, editor).post(
        "/waiting/review", data={"claims": [box(first), box(third)], "approve": "1"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert [c.status for c in (first, second, third)] == [
        ClaimStatus.APPROVED,
        ClaimStatus.IN_REVIEW,
        ClaimStatus.APPROVED,
    ]


def test_returning_needs_a_note_beside_the_field_and_changes_nothing(app, make, editor, checker):
    first, *_ = in_review(make, editor, checker)
    response = login(app, editor).post(
        "/waiting/review", data={"claims": [box(first)], "send_back": "1", "note": ""}
    )
    assert response.status_code == 400
    item = response.get_data(as_text=True).split(f'data-claim="{first.id}"')[1].split("</li>")[0]
    assert 'class="error" id="note-' in item
    db.session.expire_all()
    assert first.status is ClaimStatus.IN_REVIEW


def test_a_return_from_the_queue_reaches_the_checker(app, make, editor, checker):
    first, *_ = in_review(make, editor, checker)
    login(app, editor).post(
        "/waiting/review",
        data={"claims": [box(first)], "send_back": "1", "note": "Find the ministry's release."},
    )
    db.session.expire_all()
    assert first.status is ClaimStatus.RETURNED
    assert first.return_reason == "Find the ministry's release."


def test_a_stale_box_refuses_all_of_them(app, make, editor, checker, manager):
    first, second, _ = in_review(make, editor, checker)
    stale = box(first)
    client = login(app, editor)
    login(app, manager).post("/waiting/review", data={"claims": [box(first)], "approve": "1"})
    response = client.post("/waiting/review", data={"claims": [box(second), stale], "approve": "1"})
    assert response.status_code == 409
    db.session.expire_all()
    assert second.status is ClaimStatus.IN_REVIEW  # all or nothing


def test_nothing_ticked_is_an_error(app, make, editor, checker):
    in_review(make, editor, checker)
    response = login(app, editor).post("/waiting/review", data={"approve": "1"})
    assert response.status_code == 400
    assert "Tick at least one verdict." in response.get_data(as_text=True)
