"""A verdict rates the words that were checked (issue 9).

Each case of the issue, through the article form and through the API: the
claim ends re-opened or flagged, never silently approved or moved; the
article is blocked from sign-off; the page shows old and new words.
"""

import csv
import io
import re

import pytest
import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import (
    Article,
    ArticleStatus,
    AuditEvent,
    Claim,
    ClaimStatus,
    Notification,
    NotificationKind,
    Role,
)
from factcheck.services import articles, verdicts
from factcheck.services.blockers import blockers_of
from factcheck.services.tokens import issue_token
from factcheck.workflow import InvalidTransition
from tests.conftest import login

FLOOD = "Flooding cut power to 4,100 homes on Monday, the utility said.\n\nCrews worked overnight."
CIVILIANS = (
    "The army said two civilians were hurt in the strike.\n\n"
    "Hospital officials said two civilians were treated for burns."
)
APOLOGY = (
    "An American official apologised for the deaths.\n\n"
    "Photographer Jane Doe took the picture.\n\n"
    "American officials said the strike was a mistake."
)


@pytest.fixture
def reviewer(make):
    return make.user("Rae Reviewer", [Role.EDITOR])


@pytest.fixture
def signed_off_flood(make, editor, manager, checker):
    """The issue's first case: "4,100 homes" checked, approved, signed off."""
    article = make.article(editor, body=FLOOD, title="Floods")
    claim = make.claim(article, quote="4,100 homes", status=ClaimStatus.APPROVED, assignee=checker)
    articles.transition(article, "mark_ready", editor)
    articles.transition(article, "sign_off", manager)
    db.session.commit()
    return article, claim


def edit_body_by_form(app, user, article: Article, body: str):
    response = login(app, user).post(
        f"/articles/{article.id}/edit",
        data={"title": article.title, "body": body, "version": article.version},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return response


def bearer(user) -> dict:
    db.session.commit()
    return {"Authorization": f"Bearer {issue_token(user)}"}


def edit_body_by_api(client, user, article: Article, body: str) -> dict:
    response = client.patch(
        f"/api/v1/articles/{article.id}",
        headers=bearer(user),
        json={"body": body, "version": article.version},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


EDIT_BY = {
    "form": lambda app, client, user, article, body: edit_body_by_form(app, user, article, body),
    "api": lambda app, client, user, article, body: edit_body_by_api(client, user, article, body),
}


def words_events(claim: Claim) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.claim_id == claim.id, AuditEvent.action == "claim.words_changed")
            .order_by(AuditEvent.id)
        )
    )


def assert_reopened_with(claim: Claim, old: str, new: str) -> None:
    db.session.refresh(claim)
    assert claim.exact == new
    assert claim.status is not ClaimStatus.APPROVED
    assert claim.approved_verdict is None
    old_verdict = claim.verdicts[-1]
    assert old_verdict.rated_text == old and not old_verdict.is_current
    event = words_events(claim)[-1]
    assert (event.before["exact"], event.after["exact"]) == (old, new)


@pytest.mark.parametrize("via", ["form", "api"])
def test_a_changed_figure_reopens_the_approved_claim_and_voids_the_sign_off(
    app, client, editor, checker, signed_off_flood, via
):
    article, claim = signed_off_flood
    EDIT_BY[via](app, client, editor, article, FLOOD.replace("4,100", "9,100"))

    assert_reopened_with(claim, "4,100 homes", "9,100 homes")
    assert claim.status is ClaimStatus.RESEARCHING  # back with its checker
    assert claim.assignee_id == checker.id
    db.session.refresh(article)
    assert article.status is ArticleStatus.CHECKING and article.signed_off_by is None
    assert [(b.kind, b.count) for b in blockers_of(article)] == [
        ("in_research", 1),
        ("reworded", 1),
    ]
    with pytest.raises(InvalidTransition):
        articles.transition(article, "mark_ready", editor)


def test_the_checker_and_the_reviewer_are_told(app, make, editor, checker, reviewer):
    article = make.article(editor, body=FLOOD)
    claim = make.claim(article, quote="4,100 homes", status=ClaimStatus.IN_REVIEW, assignee=checker)
    verdicts.approve_verdict(claim, reviewer, None)
    db.session.commit()
    edit_body_by_form(app, editor, article, FLOOD.replace("4,100", "9,100"))

    told = db.session.scalars(
        sa.select(Notification).where(Notification.kind == NotificationKind.WORDS_CHANGED)
    ).all()
    assert {n.recipient_id for n in told} == {checker.id, reviewer.id}
    assert all("4,100 homes" in n.message and "9,100 homes" in n.message for n in told)


@pytest.mark.parametrize("via", ["form", "api"])
def test_a_claim_in_review_goes_back_to_its_checker_with_the_words_as_reason(
    app, client, make, editor, checker, via
):
    article = make.article(editor, body=FLOOD)
    claim = make.claim(article, quote="4,100 homes", status=ClaimStatus.IN_REVIEW, assignee=checker)
    db.session.commit()
    EDIT_BY[via](app, client, editor, article, FLOOD.replace("4,100", "9,100"))

    assert_reopened_with(claim, "4,100 homes", "9,100 homes")
    assert claim.status is ClaimStatus.RETURNED
    assert "4,100 homes" in claim.return_reason and "9,100 homes" in claim.return_reason
    with pytest.raises(InvalidTransition):
        verdicts.approve_verdict(claim, editor, None)


@pytest.mark.parametrize("via", ["form", "api"])
def test_the_words_never_move_to_the_same_words_in_another_sentence(app, client, make, editor, via):
    article = make.article(editor, body=CIVILIANS)
    claim = make.claim(article, quote="two civilians", status=ClaimStatus.APPROVED)
    hospital = CIVILIANS.index("two civilians were treated")
    db.session.commit()
    EDIT_BY[via](app, client, editor, article, CIVILIANS.replace("two", "three", 1))

    db.session.refresh(claim)
    assert claim.start != hospital + len("three") - len("two")  # not on the hospital's words
    assert claim.exact == "three civilians" and article.body[claim.start :].startswith(
        "three civilians were hurt"
    )
    assert claim.status is ClaimStatus.RESEARCHING and claim.approved_verdict is None


def test_words_that_are_gone_are_flagged_not_moved(app, make, editor):
    article = make.article(editor, body=CIVILIANS)
    claim = make.claim(article, quote="two civilians", status=ClaimStatus.APPROVED)
    db.session.commit()
    without_army = CIVILIANS.split("\n\n")[1]
    edit_body_by_form(app, editor, article, without_army)

    db.session.refresh(claim)
    assert claim.anchor_lost
    assert claim.status is ClaimStatus.RESEARCHING and claim.approved_verdict is None
    assert "anchor_lost" in [b.kind for b in blockers_of(article)]


@pytest.mark.parametrize("via", ["form", "api"])
def test_a_changed_word_keeps_quotes_in_their_paragraph_and_their_first_words(
    app, client, make, editor, via
):
    article = make.article(editor, body=APOLOGY)
    apology = make.claim(
        article,
        quote="An American official apologised for the deaths.",
        status=ClaimStatus.APPROVED,
    )
    mistake = make.claim(
        article,
        quote="American officials said the strike was a mistake",
        status=ClaimStatus.APPROVED,
    )
    db.session.commit()
    EDIT_BY[via](app, client, editor, article, APOLOGY.replace("American", "U.S."))

    assert_reopened_with(
        apology,
        "An American official apologised for the deaths.",
        "An U.S. official apologised for the deaths.",
    )
    assert_reopened_with(
        mistake,
        "American officials said the strike was a mistake",
        "U.S. officials said the strike was a mistake",
    )
    for claim in (apology, mistake):
        assert "\n" not in claim.exact and claim.exact == claim.exact.strip()
        assert article.body[claim.start : claim.end] == claim.exact


def claim_form(claim: Claim, quote: str, start: int | None = None) -> dict:
    data = {
        "quote": quote,
        "kind": claim.kind.value,
        "priority": claim.priority.value,
        "sources": "",
        "new_source_kind": "agency",
        "note": "",
        "version": claim.version,
    }
    if start is not None:
        data.update(start=start, end=start + len(quote))
    return data


@pytest.mark.parametrize("via", ["form", "api"])
def test_editing_the_quote_of_a_claim_in_review_sends_it_back_to_its_checker(
    app, client, make, editor, checker, via
):
    article = make.article(editor, body=FLOOD)
    claim = make.claim(article, quote="4,100 homes", status=ClaimStatus.IN_REVIEW, assignee=checker)
    db.session.commit()
    if via == "form":
        response = login(app, editor).post(
            f"/claims/{claim.id}/edit", data=claim_form(claim, "4,100 homes on Monday")
        )
        assert response.status_code == 302
    else:
        response = client.patch(
            f"/api/v1/claims/{claim.id}",
            headers=bearer(editor),
            json={"quote": "4,100 homes on Monday", "version": claim.version},
        )
        assert response.status_code == 200, response.get_data(as_text=True)
        assert response.get_json()["verdict"] is None
        assert response.get_json()["words_changed_since_verdict"] is True

    assert_reopened_with(claim, "4,100 homes", "4,100 homes on Monday")
    assert claim.status is ClaimStatus.RETURNED
    with pytest.raises(InvalidTransition):
        verdicts.approve_verdict(claim, editor, None)
    # The checker checks the new words; ClaimReview then carries those.
    verdicts.propose_verdict(claim, checker, None, rating="accurate", rationale="Rechecked.")
    verdicts.approve_verdict(claim, editor, None)
    db.session.commit()
    items = login(app, editor).get(f"/articles/{article.id}/claimreview.json").get_json()
    assert [i["claimReviewed"] for i in items] == ["4,100 homes on Monday"]


def test_a_claim_moved_to_the_same_words_elsewhere_is_checked_again(app, make, editor):
    article = make.article(editor, body=CIVILIANS)
    claim = make.claim(article, quote="two civilians", status=ClaimStatus.APPROVED)
    db.session.commit()
    hospital = CIVILIANS.index("two civilians were treated")
    response = login(app, editor).post(
        f"/claims/{claim.id}/edit", data=claim_form(claim, "two civilians", start=hospital)
    )
    assert response.status_code == 302
    db.session.refresh(claim)
    assert claim.start == hospital
    assert claim.status is ClaimStatus.RESEARCHING and claim.approved_verdict is None


def test_claims_without_a_verdict_follow_the_words_with_a_history_line(app, make, editor):
    article = make.article(editor, body=FLOOD)
    claim = make.claim(article, quote="4,100 homes", status=ClaimStatus.RESEARCHING)
    db.session.commit()
    edit_body_by_form(app, editor, article, FLOOD.replace("4,100", "9,100"))
    db.session.refresh(claim)
    assert claim.exact == "9,100 homes" and claim.status is ClaimStatus.RESEARCHING
    [event] = words_events(claim)
    assert event.actor_id == editor.id
    assert (event.before["exact"], event.after["exact"]) == ("4,100 homes", "9,100 homes")


def test_unchanged_words_keep_their_approval_when_other_text_changes(app, make, editor):
    article = make.article(editor, body=FLOOD)
    claim = make.claim(article, quote="4,100 homes", status=ClaimStatus.APPROVED)
    db.session.commit()
    edit_body_by_form(app, editor, article, "Update.\n\n" + FLOOD.replace("overnight", "all night"))
    db.session.refresh(claim)
    assert claim.status is ClaimStatus.APPROVED and claim.exact == "4,100 homes"
    assert article.body[claim.start : claim.end] == "4,100 homes"
    assert words_events(claim) == []


def test_a_selection_inside_words_is_widened_to_whole_words(app, make, editor):
    article = make.article(editor, body=FLOOD)
    at = FLOOD.index("00 hom")
    claim = make.claim(article, quote="00 hom", at=at)
    assert claim.exact == "4,100 homes"


def test_exports_print_the_rated_words_and_drop_claims_whose_words_changed(
    app, make, editor, checker
):
    article = make.article(editor, body=FLOOD)
    changed = make.claim(article, quote="4,100 homes", status=ClaimStatus.APPROVED)
    kept = make.claim(article, quote="Crews worked overnight.", status=ClaimStatus.APPROVED)
    db.session.commit()
    client = login(app, editor)
    before = client.get(f"/articles/{article.id}/claimreview.json").get_json()
    assert sorted(i["claimReviewed"] for i in before) == ["4,100 homes", "Crews worked overnight."]

    edit_body_by_form(app, editor, article, FLOOD.replace("4,100", "9,100"))
    items = client.get(f"/articles/{article.id}/claimreview.json").get_json()
    assert [i["claimReviewed"] for i in items] == ["Crews worked overnight."]

    rows = {
        int(r["claim_id"]): r
        for r in csv.DictReader(io.StringIO(client.get(f"/articles/{article.id}/claims.csv").text))
    }
    assert rows[changed.id]["quote"] == "9,100 homes"
    assert rows[changed.id]["rating"] == "" and rows[changed.id]["reviewed_by"] == ""
    assert rows[kept.id]["rated_words"] == "Crews worked overnight."
    assert rows[kept.id]["rating"] == "Accurate"

    report = client.get(f"/articles/{article.id}/report").get_data(as_text=True)
    section = report[report.index(f'id="claim-{changed.id}-heading"') :]
    section = section[: section.index("</section>")]
    assert "not approved" in section and "Accurate" not in section


def test_the_claim_page_shows_old_and_new_words_side_by_side_escaped(app, make, editor):
    body = "The poster read <b>4,100 homes</b> flooded.\n\nMore."
    article = make.article(editor, body=body)
    claim = make.claim(article, quote="<b>4,100 homes</b>", status=ClaimStatus.APPROVED)
    db.session.commit()
    edit_body_by_form(app, editor, article, body.replace("4,100", "<i>9,100</i>"))
    page = login(app, editor).get(f"/claims/{claim.id}").get_data(as_text=True)
    assert "The words changed after the last verdict" in page
    assert "<del>4,100</del>" in page
    assert "<ins>&lt;i&gt;9,100&lt;/i&gt;</ins>" in page
    assert "<i>" not in page and "<b>" not in page
    assert "Dana Editor changed them" in page
    assert "no longer holds: the words changed" in page
    # the history line carries the same diff, with who changed the words
    history = page[page.index('id="history-heading"') :]
    assert "changed the claim&#39;s words" in history or "changed the claim's words" in history
    assert "<del>4,100</del>" in history
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert " style=" not in page


def test_api_shows_the_rated_words(app, client, make, editor):
    article = make.article(editor, body=FLOOD)
    claim = make.claim(article, quote="4,100 homes", status=ClaimStatus.APPROVED)
    data = client.get(f"/api/v1/claims/{claim.id}", headers=bearer(editor)).get_json()
    assert data["verdict"]["rated_text"] == "4,100 homes"
    assert data["words_changed_since_verdict"] is False


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"body": ""}, "body"),
        ({"body": "   "}, "body"),
        ({"title": " "}, "title"),
        ({"deadline": "tomorrow"}, "deadline"),
    ],
)
def test_api_article_edit_names_the_bad_field(client, make, editor, payload, field):
    article = make.article(editor, body=FLOOD)
    response = client.patch(f"/api/v1/articles/{article.id}", headers=bearer(editor), json=payload)
    assert response.status_code == 400
    assert response.get_json()["field"] == field


def test_api_stale_edits_are_refused(client, make, editor):
    article = make.article(editor, body=FLOOD)
    claim = make.claim(article, quote="4,100 homes")
    headers = bearer(editor)
    stale = {"version": article.version - 1, "body": FLOOD + "\n\nMore."}
    assert (
        client.patch(f"/api/v1/articles/{article.id}", headers=headers, json=stale).status_code
        == 409
    )
    stale_claim = {"version": claim.version - 1, "quote": "4,100 homes on Monday"}
    response = client.patch(f"/api/v1/claims/{claim.id}", headers=headers, json=stale_claim)
    assert response.status_code == 409
    db.session.refresh(claim)
    assert claim.exact == "4,100 homes"


def test_api_claim_edit_with_a_quote_not_in_the_text_names_the_field(client, make, editor):
    claim = make.claim(make.article(editor, body=FLOOD), quote="4,100 homes")
    response = client.patch(
        f"/api/v1/claims/{claim.id}", headers=bearer(editor), json={"quote": "Damascus fell"}
    )
    assert response.status_code == 400 and response.get_json()["field"] == "quote"


def test_the_migration_backfills_existing_verdicts_with_their_claims_words(tmp_path):
    """Verdicts proposed before the column existed rate their claim's words
    as they stand when it is added."""
    from flask_migrate import downgrade, upgrade

    from factcheck import create_app
    from tests.conftest import make_config
    from tests.factories import Factory

    app = create_app(make_config(f"sqlite:///{tmp_path / 'backfill.sqlite'}"))
    with app.app_context():
        upgrade()
        make = Factory()
        claim = make.claim(
            make.article(body=FLOOD), quote="4,100 homes", status=ClaimStatus.APPROVED
        )
        db.session.commit()
        claim_id = claim.id
        db.session.remove()
        downgrade(revision="0014")
        upgrade()
        rated = db.session.execute(
            sa.text("SELECT rated_text, superseded_at FROM verdicts WHERE claim_id = :id"),
            {"id": claim_id},
        ).all()
        assert rated == [("4,100 homes", None)]
        db.session.remove()
        db.engine.dispose()


def test_the_review_waiting_for_old_words_is_done(app, make, editor, checker, reviewer):
    article = make.article(editor, body=FLOOD)
    claim = make.claim(article, quote="4,100 homes", status=ClaimStatus.IN_REVIEW, assignee=checker)
    db.session.commit()
    edit_body_by_form(app, editor, article, FLOOD.replace("4,100", "9,100"))
    waiting = db.session.scalars(
        sa.select(Notification).where(
            Notification.claim_id == claim.id,
            Notification.kind == NotificationKind.REVIEW_WAITING,
        )
    ).all()
    assert waiting and all("words changed" in n.done_note for n in waiting)
