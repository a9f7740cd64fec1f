"""Each notification fires once, to the right person; the inbox, the
unread count, email to a captured outbox, and the reminders command."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import ClaimStatus, Notification, NotificationKind, Stance
from factcheck.models.base import utcnow
from factcheck.services import articles, claims, evidence, notifications, verdicts
from tests.conftest import login

K = NotificationKind


@pytest.fixture
def config_overrides():
    return {"MAIL_BACKEND": "memory"}


def inbox(user, kind=None):
    query = sa.select(Notification).where(Notification.recipient_id == user.id)
    if kind:
        query = query.where(Notification.kind == kind)
    return db.session.scalars(query.order_by(Notification.id)).all()


def everyone(kind):
    return db.session.scalars(sa.select(Notification).where(Notification.kind == kind)).all()


def test_assignment_notifies_the_checker_once(make, editor, checker):
    claim = make.claim(editor=editor)
    due = utcnow() + timedelta(days=2)
    claims.assign_claim(claim, editor, checker, due)
    claims.assign_claim(claim, editor, checker, due)  # same assignment again: no repeat
    (note,) = everyone(K.ASSIGNED)
    assert note.recipient_id == checker.id and note.claim_id == claim.id
    assert note.article_id == claim.article_id
    assert "Dana Editor assigned you" in note.message and "due" in note.message


def test_reassignment_notifies_the_new_checker(make, editor, checker, other_checker):
    claim = make.claim(editor=editor, status=ClaimStatus.ASSIGNED, assignee=checker)
    claims.assign_claim(claim, editor, other_checker, None)
    assert [n.recipient_id for n in everyone(K.ASSIGNED)] == [checker.id, other_checker.id]


def test_proposal_notifies_every_editor_but_the_proposer(make, editor, manager, checker):
    make.claim(editor=editor, status=ClaimStatus.IN_REVIEW, assignee=checker)
    recipients = sorted(n.recipient_id for n in everyone(K.REVIEW_WAITING))
    # The factory's claim creator plus the two editors; never the checker.
    assert editor.id in recipients and manager.id in recipients
    assert checker.id not in recipients
    assert len(recipients) == len(set(recipients))


def test_approval_and_return_go_to_the_proposer(make, editor, checker):
    approved = make.claim(editor=editor, status=ClaimStatus.APPROVED, assignee=checker)
    (note,) = everyone(K.APPROVED)
    assert note.recipient_id == checker.id and note.claim_id == approved.id
    assert "approved your verdict “Accurate”" in note.message

    returned = make.claim(
        editor=editor,
        status=ClaimStatus.RETURNED,
        assignee=checker,
        quote="Salaries rose by 50% last week",
    )
    (note,) = everyone(K.RETURNED)
    assert note.recipient_id == checker.id and note.claim_id == returned.id
    assert "Find a second source." in note.message
    # A second round: a new verdict, a new notification.
    verdicts.propose_verdict(returned, checker, None, rating="accurate", rationale="Found it.")
    verdicts.return_verdict(returned, editor, None, "Still thin.")
    assert len(inbox(checker, K.RETURNED)) == 2


def test_sign_off_notifies_creator_and_checkers(make, editor, manager, checker, other_checker):
    article = make.article(editor)
    make.claim(article, editor=editor, status=ClaimStatus.APPROVED, assignee=checker)
    make.claim(
        article,
        quote="Salaries rose by 50% last week",
        editor=editor,
        status=ClaimStatus.APPROVED,
        assignee=other_checker,
    )
    articles.transition(article, "mark_ready", editor)
    articles.transition(article, "sign_off", manager)
    recipients = sorted(n.recipient_id for n in everyone(K.SIGNED_OFF))
    assert recipients == sorted([editor.id, checker.id, other_checker.id])
    assert all(n.article_id == article.id for n in everyone(K.SIGNED_OFF))


def test_nobody_is_told_about_their_own_action(make, manager, checker):
    claim = make.claim(editor=manager)
    claims.assign_claim(claim, manager, checker, None)
    assert inbox(manager, K.ASSIGNED) == []
    assert notifications.notify(manager, K.ASSIGNED, "x", "self", actor=manager) is None


def test_reminders_fire_once_each(app, make, editor, checker, other_checker, runner):
    now = utcnow()
    late = make.claim(editor=editor)
    soon = make.claim(editor=editor, quote="Salaries rose by 50% last week")
    later = make.claim(editor=editor, quote="The army said it withdrew")
    done = make.claim(editor=editor, quote="to protect civilians")
    claims.assign_claim(late, editor, checker, now - timedelta(hours=1))
    claims.assign_claim(soon, editor, checker, now + timedelta(hours=3))
    claims.assign_claim(later, editor, checker, now + timedelta(days=3))
    claims.assign_claim(done, editor, other_checker, now - timedelta(hours=1))
    claims.move_claim(done, "start", other_checker)  # handed in for review: no reminder
    evidence.add_evidence(done, other_checker, title="Report", stance=Stance.SUPPORTS, note="ok")
    verdicts.propose_verdict(done, other_checker, None, rating="accurate", rationale="Seen.")
    db.session.commit()

    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert "1 due soon, 1 overdue" in result.output
    (overdue,) = everyone(K.OVERDUE)
    (due_soon,) = everyone(K.DUE_SOON)
    assert (overdue.recipient_id, overdue.claim_id) == (checker.id, late.id)
    assert (due_soon.recipient_id, due_soon.claim_id) == (checker.id, soon.id)

    again = runner.invoke(args=["send-reminders"])
    assert "0 due soon, 0 overdue" in again.output
    # Time passes: the due-soon claim becomes overdue, which is news.
    sent = notifications.send_reminders(now + timedelta(hours=4))
    assert sent == {"due_soon": 0, "overdue": 1}
    assert len(everyone(K.OVERDUE)) == 2


def test_email_goes_out_after_commit_only(app, make, editor, checker):
    outbox = app.extensions.setdefault("mail_outbox", [])
    claim = make.claim(editor=editor)
    claims.assign_claim(claim, editor, checker, None)
    assert outbox == []  # not before the commit
    db.session.commit()
    assigned = [m for m in outbox if m["To"] == checker.email]
    assert len(assigned) == 1 and "assigned you" in assigned[0]["Subject"]

    outbox.clear()
    other = make.claim(editor=editor, quote="Salaries rose by 50% last week")
    claims.assign_claim(other, editor, checker, None)
    db.session.rollback()
    db.session.commit()
    assert outbox == []  # a rolled-back change sends nothing


def test_inbox_unread_count_open_and_mark_read(app, make, editor, checker, other_checker):
    claim = make.claim(editor=editor)
    claims.assign_claim(claim, editor, checker, None)
    make.claim(
        editor=editor,
        quote="Salaries rose by 50% last week",
        status=ClaimStatus.APPROVED,
        assignee=checker,
    )
    db.session.commit()
    client = login(app, checker)
    # Three notifications: two assignments and an approval. The second
    # claim's assignment was done when Sam proposed its verdict, so it is
    # no longer new: two are.
    page = client.get("/my-claims").get_data(as_text=True)
    assert '<span class="unread-count">2<span class="visually-hidden"> unread</span>' in page
    page = client.get("/inbox/").get_data(as_text=True)
    assert page.count('class="is-unread"') == 2
    assert page.count("Done: verdict proposed by Sam Checker.") == 1

    first = inbox(checker, K.ASSIGNED)[0]
    assert login(app, other_checker).post(f"/inbox/{first.id}/open").status_code == 404
    response = client.post(f"/inbox/{first.id}/open")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/claims/{first.claim_id}")
    assert notifications.unread_count(checker) == 1

    client.post("/inbox/read")
    assert notifications.unread_count(checker) == 0
    page = client.get("/inbox/").get_data(as_text=True)
    assert 'class="unread-count"' not in page and page.count('class="is-read') == 3
