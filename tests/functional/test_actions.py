"""The plain buttons: the workflow says which actions they are, and the page
and the API refuse any other action the same way."""

import pytest

from factcheck.extensions import db
from factcheck.models import ClaimStatus
from tests.conftest import login
from tests.functional.test_api import bearer


@pytest.mark.parametrize("action", ["add_claim", "edit", "no_such_action"])
def test_page_and_api_refuse_an_article_action_that_is_not_a_button_alike(
    app, make, editor, action
):
    article = make.article(editor)
    version = article.version
    web = login(app, editor).post(f"/articles/{article.id}/{action}", data={"version": version})
    api = app.test_client().post(
        f"/api/v1/articles/{article.id}/actions/{action}",
        json={"version": version},
        headers=bearer(editor),
    )
    if action != "edit":  # /articles/<id>/edit is the edit form's own route
        assert web.status_code == 409
    assert api.status_code == 409


@pytest.mark.parametrize("action", ["approve", "propose", "comment"])
def test_the_claim_button_route_refuses_an_action_with_a_form_of_its_own(app, make, editor, action):
    claim = make.claim(editor=editor, status=ClaimStatus.IN_REVIEW)
    db.session.commit()
    web = login(app, editor).post(f"/claims/{claim.id}/{action}", data={"version": claim.version})
    assert web.status_code == 409
    db.session.expire_all()
    assert claim.status is ClaimStatus.IN_REVIEW


@pytest.mark.parametrize("action", ["edit", "comment", "resolve"])
def test_the_api_refuses_a_claim_action_it_has_no_call_for(app, make, editor, action):
    claim = make.claim(editor=editor, status=ClaimStatus.APPROVED)
    api = app.test_client().post(
        f"/api/v1/claims/{claim.id}/actions/{action}",
        json={"version": claim.version},
        headers=bearer(editor),
    )
    assert api.status_code == 409


def test_a_button_action_writes_the_rule_summary(app, make, editor):
    claim = make.claim(editor=editor, status=ClaimStatus.ASSIGNED)
    db.session.commit()
    checker = claim.assignee
    response = login(app, checker).post(
        f"/claims/{claim.id}/start", data={"version": claim.version}
    )
    assert response.status_code == 302
    page = login(app, editor).get(f"/claims/{claim.id}").get_data(as_text=True)
    assert f"{checker.name}</span> started research" in page
