"""Managers keep the rating scale; verdicts follow it."""

import pytest

from factcheck.extensions import db
from factcheck.models import ClaimStatus, RatingLevel
from factcheck.services import ratings, verdicts
from factcheck.services.errors import ValidationFailed


def level(slug: str) -> RatingLevel:
    return db.session.scalar(db.select(RatingLevel).where(RatingLevel.slug == slug))


def test_the_default_scale_comes_with_the_schema(app):
    assert [lv.slug for lv in ratings.scale()] == [
        "accurate",
        "mostly_accurate",
        "needs_context",
        "misleading",
        "inaccurate",
        "unverifiable",
    ]
    assert [lv.slug for lv in ratings.scale() if lv.needs_resolution] == [
        "misleading",
        "inaccurate",
        "unverifiable",
    ]


def test_manager_adds_a_rating_that_checkers_can_then_use(manager_client, make, checker):
    response = manager_client.post(
        "/admin/ratings/",
        data={
            "new-label": "Satire",
            "new-description": "Not meant as fact",
            "new-needs_resolution": "y",
        },
    )
    assert response.status_code == 302
    satire = level("satire")
    assert satire.needs_resolution and satire.position == 7
    claim = make.claim(status=ClaimStatus.RESEARCHING, assignee=checker)
    make.evidence(claim, checker)
    verdicts.propose_verdict(claim, checker, None, rating="satire", rationale="A parody site")
    assert claim.latest_verdict.rating_label == "Satire"


def test_retired_rating_is_refused_for_new_verdicts_but_explains_old_ones(manager, make, checker):
    claim = make.claim(status=ClaimStatus.APPROVED, rating="needs_context")
    ratings.update_level(level("needs_context"), manager, active=False, label="Missing context")
    assert "needs_context" not in [lv.slug for lv in ratings.scale()]
    assert claim.approved_verdict.rating_label == "Missing context"
    fresh = make.claim(quote="protect civilians", status=ClaimStatus.RESEARCHING, assignee=checker)
    make.evidence(fresh, checker)
    with pytest.raises(ValidationFailed, match="Choose a rating"):
        verdicts.propose_verdict(fresh, checker, None, rating="needs_context", rationale="x")


def test_a_level_can_stop_needing_resolution(manager, make):
    claim = make.claim(status=ClaimStatus.APPROVED, rating="unverifiable")
    assert claim.needs_resolution
    ratings.update_level(level("unverifiable"), manager, needs_resolution=False)
    assert not claim.needs_resolution


def test_only_managers_see_and_change_the_scale(editor_client, manager_client):
    assert editor_client.get("/admin/ratings/").status_code == 403
    page = manager_client.get("/admin/ratings/").get_data(as_text=True)
    assert "Mostly accurate" in page


def test_empty_name_is_refused_beside_the_field(manager_client):
    response = manager_client.post("/admin/ratings/", data={"new-label": ""})
    assert response.status_code == 400
    assert "This field is required." in response.get_data(as_text=True)


def test_changes_to_the_scale_are_audited(manager):
    ratings.update_level(level("accurate"), manager, label="True")
    from factcheck.models import AuditEvent

    event = db.session.scalar(db.select(AuditEvent).where(AuditEvent.action == "rating.edit"))
    assert event.before == {"label": "Accurate"} and event.after == {"label": "True"}


def test_claimreview_numbers_follow_the_scale(editor_client, make, editor, manager):
    article = make.article(editor)
    make.claim(article, status=ClaimStatus.APPROVED, rating="accurate")
    db.session.commit()
    item = editor_client.get(f"/articles/{article.id}/claimreview.json").get_json()[0]
    assert item["reviewRating"]["ratingValue"] == 5 == item["reviewRating"]["bestRating"]
