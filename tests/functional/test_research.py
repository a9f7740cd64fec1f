"""Research on a claim: a contact attempt is updated when the answer comes
in (answered, declined, no reply) with what they said; a statistic's
verdict asks nothing about who said it (attributions and quotes do: see
test_services)."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import (
    AttributionFinding,
    AuditEvent,
    ClaimStatus,
    ContactAttempt,
    ContactOutcome,
)
from factcheck.services import evidence, verdicts
from factcheck.workflow import NotPermitted
from tests.conftest import login

WHEN = datetime(2030, 1, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def researching(make, editor, checker):
    return make.claim(editor=editor, status=ClaimStatus.RESEARCHING, assignee=checker)


def test_a_contact_logged_without_an_answer_awaits_one(researching, checker):
    attempt = evidence.log_contact(
        researching, checker, contact="Ministry press office", method="phone", contacted_at=WHEN
    )
    assert attempt.outcome is ContactOutcome.AWAITING
    answered = evidence.log_contact(
        researching, checker, contact="Mayor", method="email", contacted_at=WHEN, answer="Yes."
    )
    assert answered.outcome is ContactOutcome.ANSWERED


def test_the_checker_records_the_answer_when_it_comes_in(app, researching, checker):
    attempt = evidence.log_contact(
        researching, checker, contact="Ministry press office", method="phone", contacted_at=WHEN
    )
    db.session.commit()
    client = login(app, checker)
    page = client.get(f"/claims/{researching.id}").get_data(as_text=True)
    assert "Record the answer" in page and "no answer yet" in page

    response = client.post(
        f"/claims/contacts/{attempt.id}/answer",
        data={
            f"contact-{attempt.id}-outcome": "answered",
            f"contact-{attempt.id}-answer": "The figure is from the 2023 census.",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    attempt = db.session.get(ContactAttempt, attempt.id)
    assert attempt.outcome is ContactOutcome.ANSWERED
    assert attempt.answer == "The figure is from the 2023 census."
    assert attempt.answered_at is not None
    event = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "contact.answer")
    ).one()
    assert "Ministry press office's answer (answered)" in event.summary


def test_answered_needs_what_they_said_beside_the_field(app, researching, checker):
    attempt = evidence.log_contact(
        researching, checker, contact="Mayor", method="phone", contacted_at=WHEN
    )
    db.session.commit()
    response = login(app, checker).post(
        f"/claims/contacts/{attempt.id}/answer",
        data={f"contact-{attempt.id}-outcome": "answered", f"contact-{attempt.id}-answer": ""},
    )
    assert response.status_code == 400
    assert "Write down what they said." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(ContactAttempt, attempt.id).outcome is ContactOutcome.AWAITING


def test_declined_and_no_reply_need_no_words(researching, checker):
    for outcome in (ContactOutcome.DECLINED, ContactOutcome.NO_REPLY):
        attempt = evidence.log_contact(
            researching, checker, contact="Spokesperson", method="phone", contacted_at=WHEN
        )
        evidence.record_contact_answer(attempt, checker, outcome)
        assert attempt.outcome is outcome


def test_someone_else_s_checker_may_not_record_the_answer(researching, checker, other_checker):
    attempt = evidence.log_contact(
        researching, checker, contact="Mayor", method="phone", contacted_at=WHEN
    )
    with pytest.raises(NotPermitted):
        evidence.record_contact_answer(attempt, other_checker, ContactOutcome.DECLINED)


def test_an_answer_may_come_in_while_the_verdict_is_in_review(make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.RESEARCHING, assignee=checker)
    attempt = evidence.log_contact(
        claim, checker, contact="Mayor", method="phone", contacted_at=WHEN
    )
    verdicts.propose_verdict(claim, checker, None, rating="accurate", rationale="Records.")
    evidence.record_contact_answer(attempt, checker, ContactOutcome.ANSWERED, "Confirmed.")
    assert claim.status is ClaimStatus.IN_REVIEW and attempt.answer == "Confirmed."


def test_a_statistic_verdict_asks_nothing_about_who_said_it(make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.RESEARCHING, assignee=checker)
    make.evidence(claim, checker)
    verdict = verdicts.propose_verdict(
        claim,
        checker,
        None,
        rating="accurate",
        rationale="Census.",
        attribution=AttributionFinding.CONFIRMED,
    )
    assert verdict.attribution is None
