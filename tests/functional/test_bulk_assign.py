"""Assigning several claims of an article at once: each claim as if assigned
alone (audit event, notification), all or nothing, stale boxes refused."""

import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import AuditEvent, ClaimStatus, Notification, Priority
from factcheck.services import claims
from tests.conftest import login

QUOTES = (
    "The army said it withdrew from the city to protect civilians.",
    "about 40 kilometers south of Hama",
    "Salaries rose by 50% last week",
)


def box(claim) -> str:
    return f"{claim.id}:{claim.version}"


def open_claims(make, editor):
    article = make.article(editor)
    made = [make.claim(article, quote=q, editor=editor) for q in QUOTES]
    db.session.commit()
    return article, made


def test_an_editor_assigns_ticked_claims_to_one_checker(app, make, editor, checker):
    article, (first, second, third) = open_claims(make, editor)
    client = login(app, editor)
    page = client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert f'value="{box(first)}"' in page and 'id="bulk-assign"' in page

    response = client.post(
        f"/articles/{article.id}/assign",
        data={
            "claims": [box(first), box(third)],
            "assignee": checker.id,
            "due_at": "2030-01-02T14:00",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (first.status, third.status) == (ClaimStatus.ASSIGNED, ClaimStatus.ASSIGNED)
    assert first.assignee_id == third.assignee_id == checker.id
    assert first.due_at.strftime("%Y-%m-%d %H:%M") == "2030-01-02 14:00"
    assert second.status is ClaimStatus.OPEN
    assigned = db.session.scalars(
        sa.select(AuditEvent.claim_id).where(AuditEvent.action == "claim.assign")
    ).all()
    assert sorted(assigned) == sorted([first.id, third.id])
    # One notification lists both claims.
    (told,) = db.session.scalars(
        sa.select(Notification).where(Notification.recipient_id == checker.id)
    ).all()
    assert told.message.startswith("Dana Editor assigned you 2 claims in")
    assert QUOTES[0][:40] in told.message and QUOTES[2][:40] in told.message


def test_nothing_ticked_is_an_error_beside_the_boxes(app, make, editor, checker):
    article, made = open_claims(make, editor)
    response = login(app, editor).post(
        f"/articles/{article.id}/assign", data={"assignee": checker.id}
    )
    assert response.status_code == 400
    assert "Tick at least one claim." in response.get_data(as_text=True)
    db.session.expire_all()
    assert all(c.status is ClaimStatus.OPEN for c in made)


def test_a_claim_changed_meanwhile_refuses_the_whole_batch(app, make, editor, checker):
    article, (first, second, _) = open_claims(make, editor)
    seen = [box(first), box(second)]
    # another editor changes the second claim after the page was loaded
    claims.edit_claim(
        second,
        editor,
        second.version,
        kind=second.kind,
        priority=Priority.HIGH,
        sources=second.sources,
        note="Check the wire copy.",
    )
    db.session.commit()
    response = login(app, editor).post(
        f"/articles/{article.id}/assign", data={"claims": seen, "assignee": checker.id}
    )
    assert response.status_code == 409
    assert "Someone else changed this claim" in response.get_data(as_text=True)
    db.session.expire_all()
    assert first.status is ClaimStatus.OPEN and second.status is ClaimStatus.OPEN


def test_claims_of_another_article_or_garbage_are_refused(app, make, editor, checker):
    article, made = open_claims(make, editor)
    _, (foreign, *_) = open_claims(make, editor)
    client = login(app, editor)
    for claims_field in ([box(foreign)], ["../etc", "1:x"]):
        response = client.post(
            f"/articles/{article.id}/assign",
            data={"claims": claims_field, "assignee": checker.id},
        )
        assert response.status_code == 409
        assert "cannot be assigned now" in response.get_data(as_text=True)
    db.session.expire_all()
    assert all(c.status is ClaimStatus.OPEN for c in [*made, foreign])


def test_checkers_cannot_assign(app, make, editor, checker):
    article, (first, *_) = open_claims(make, editor)
    client = login(app, checker)
    assert 'id="bulk-assign"' not in client.get(f"/articles/{article.id}").get_data(as_text=True)
    response = client.post(
        f"/articles/{article.id}/assign", data={"claims": [box(first)], "assignee": checker.id}
    )
    assert response.status_code == 403
    db.session.expire_all()
    assert first.status is ClaimStatus.OPEN
