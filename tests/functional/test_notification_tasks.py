"""Notifications of a task are done for everyone once someone does the task;
several claims assigned at once make one notification; a voided sign-off and
an @mention reach the people concerned."""

import re

import pytest
import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import ClaimStatus, Notification, NotificationKind, Role
from factcheck.services import articles, claims, notifications, verdicts
from tests.conftest import login

K = NotificationKind
BODY = (
    "The army said it withdrew from the city to protect civilians.\n\n"
    "Salaries rose by 50% last week, the ministry said.\n\n"
    "About 40 kilometers south of Hama the road was closed.\n\n"
    "Officials counted 12 damaged bridges.\n\n"
    "The port reopened on Tuesday.\n\n"
    "Fuel prices fell by a third."
)
QUOTES = (
    "The army said it withdrew from the city",
    "Salaries rose by 50% last week",
    "About 40 kilometers south of Hama",
    "Officials counted 12 damaged bridges.",
    "The port reopened on Tuesday.",
)


def of_kind(kind):
    return db.session.scalars(
        sa.select(Notification).where(Notification.kind == kind).order_by(Notification.id)
    ).all()


def test_a_review_waiting_is_done_for_every_editor_once_one_approves(
    app, make, editor, manager, checker
):
    other_editor = make.user("Robin Editor", [Role.EDITOR])
    claim = make.claim(editor=editor, status=ClaimStatus.IN_REVIEW, assignee=checker)
    waiting = of_kind(K.REVIEW_WAITING)
    assert sorted(n.recipient_id for n in waiting) == sorted(
        [editor.id, manager.id, other_editor.id]
    )
    verdicts.approve_verdict(claim, editor, None)
    db.session.commit()
    db.session.expire_all()
    for notification in of_kind(K.REVIEW_WAITING):
        assert notification.done_note == "approved by Dana Editor"
        assert notification.is_read
    assert notifications.unread_count(manager) == 0
    page = login(app, manager).get("/inbox/").get_data(as_text=True)
    assert "Done: approved by Dana Editor." in page


def test_a_returned_verdict_is_done_when_the_checker_proposes_again(make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.RETURNED, assignee=checker)
    (returned,) = of_kind(K.RETURNED)
    assert not returned.is_done
    claims.move_claim(claim, "start", checker)
    verdicts.propose_verdict(claim, checker, None, rating="accurate", rationale="Second source.")
    db.session.expire_all()
    assert returned.done_note == "verdict proposed by Sam Checker"


def test_reassigning_closes_the_first_checkers_task(make, editor, checker, other_checker):
    claim = make.claim(editor=editor, status=ClaimStatus.ASSIGNED, assignee=checker)
    claims.assign_claim(claim, editor, other_checker, None)
    db.session.expire_all()
    first, second = of_kind(K.ASSIGNED)
    assert (first.recipient_id, first.done_note) == (checker.id, "reassigned to Lee Checker")
    assert (second.recipient_id, second.done_note) == (other_checker.id, "")


def test_withdrawing_closes_every_task_on_the_claim(make, editor, manager, checker):
    article = make.article(editor, body=BODY)
    assigned = make.claim(
        article, quote=QUOTES[0], editor=editor, status=ClaimStatus.ASSIGNED, assignee=checker
    )
    in_review = make.claim(
        article, quote=QUOTES[1], editor=editor, status=ClaimStatus.IN_REVIEW, assignee=checker
    )
    for claim in (assigned, in_review):
        claims.move_claim(claim, "withdraw", editor)
    db.session.expire_all()
    assignment = [n for n in of_kind(K.ASSIGNED) if n.claim_id == assigned.id]
    assert [n.done_note for n in assignment] == ["claim withdrawn by Dana Editor"]
    reviews = of_kind(K.REVIEW_WAITING)
    assert reviews and {n.done_note for n in reviews} == {"claim withdrawn by Dana Editor"}


def test_five_claims_assigned_at_once_make_one_notification(app, make, editor, checker):
    article = make.article(editor, body=BODY)
    made = [make.claim(article, quote=q, editor=editor) for q in QUOTES]
    db.session.commit()
    response = login(app, editor).post(
        f"/articles/{article.id}/assign",
        data={"claims": [f"{c.id}:{c.version}" for c in made], "assignee": checker.id},
    )
    assert response.status_code == 302
    (told,) = of_kind(K.ASSIGNED)
    assert told.recipient_id == checker.id
    assert told.message.startswith("Dana Editor assigned you 5 claims in")
    assert all(q[:30] in told.message for q in QUOTES)
    assert told.article_id == article.id


def test_a_voided_sign_off_tells_the_manager_who_signed_and_the_editor(
    make, editor, manager, checker
):
    article = make.article(editor)
    make.claim(article, editor=editor, status=ClaimStatus.APPROVED, assignee=checker)
    articles.transition(article, "mark_ready", editor)
    articles.transition(article, "sign_off", manager)
    other_editor = make.user("Robin Editor", [Role.EDITOR])
    articles.edit_article(article, other_editor, None, title="A new headline")
    voided = of_kind(K.SIGNOFF_VOIDED)
    assert sorted(n.recipient_id for n in voided) == sorted([manager.id, editor.id])
    assert all("Robin Editor edited the article" in n.message for n in voided)


def test_the_manager_withdrawing_their_own_sign_off_tells_only_the_editor(
    make, editor, manager, checker
):
    article = make.article(editor)
    make.claim(article, editor=editor, status=ClaimStatus.APPROVED, assignee=checker)
    articles.transition(article, "mark_ready", editor)
    articles.transition(article, "sign_off", manager)
    articles.transition(article, "reopen", manager)
    assert [n.recipient_id for n in of_kind(K.SIGNOFF_VOIDED)] == [editor.id]


def test_an_at_name_in_a_comment_tells_that_person(make, editor, checker, other_checker):
    claim = make.claim(editor=editor, status=ClaimStatus.ASSIGNED, assignee=checker)
    handle = checker.email.split("@")[0]
    claims.add_comment(claim, editor, f"@Lee Checker can you call the ministry? cc @{handle}")
    mentioned = of_kind(K.MENTIONED)
    assert sorted(n.recipient_id for n in mentioned) == sorted([other_checker.id, checker.id])
    assert all(n.claim_id == claim.id for n in mentioned)


def test_an_email_address_in_a_comment_is_not_a_mention(make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.ASSIGNED, assignee=checker)
    claims.add_comment(claim, editor, "Their press office is press@sam.example")
    assert of_kind(K.MENTIONED) == []


@pytest.fixture
def config_overrides():
    return {"MAIL_BACKEND": "memory"}


def test_a_daily_digest_replaces_one_email_per_notification(app, make, editor, checker, runner):
    outbox = app.extensions.setdefault("mail_outbox", [])
    client = login(app, checker)
    assert client.post("/account/email", data={"digest": "daily"}).status_code == 302
    page = client.get("/account").get_data(as_text=True)
    (daily,) = re.findall(r'<input[^>]*value="daily"[^>]*>', page)
    assert "checked" in daily

    article = make.article(editor, body=BODY)
    for quote in QUOTES[:2]:
        claims.assign_claim(make.claim(article, quote=quote, editor=editor), editor, checker, None)
    db.session.commit()
    assert [m for m in outbox if m["To"] == checker.email] == []  # nothing one by one

    result = runner.invoke(args=["send-digests"])
    assert "Digests sent: 1." in result.output
    (digest,) = [m for m in outbox if m["To"] == checker.email]
    body = digest.get_content()
    assert "2 notification(s)" in body
    assert all(q[:30] in body for q in QUOTES[:2])

    # Run again the same day: nothing new, nothing sent.
    result = runner.invoke(args=["send-digests"])
    assert "Digests sent: 0." in result.output
    assert len([m for m in outbox if m["To"] == checker.email]) == 1


def test_without_a_digest_each_notification_is_its_own_email(app, make, editor, checker):
    outbox = app.extensions.setdefault("mail_outbox", [])
    claims.assign_claim(make.claim(editor=editor), editor, checker, None)
    db.session.commit()
    assert len([m for m in outbox if m["To"] == checker.email]) == 1
