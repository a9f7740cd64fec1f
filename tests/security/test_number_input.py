"""Numbers in query strings and forms (a person, a page, a version, a
claim's box): a digit that is not an ASCII one ('²' passes ``str.isdigit``
and ``int`` refuses it) or a number past any database integer is no
row's: the page treats it as not given, or refuses it naming the field;
never a 500."""

import re

import pytest

from factcheck.extensions import db
from factcheck.models import Claim, ClaimStatus
from factcheck.services import whole_number
from factcheck.services.tokens import issue_token

HUGE = "9" * 20  # past SQLite's and PostgreSQL's integers


def _csrf(client, url: str) -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


@pytest.mark.parametrize(
    "text, number",
    [
        ("12", 12),
        (" 7 ", 7),
        ("0", 0),
        ("2147483647", 2147483647),
        ("²", None),
        ("٣", None),
        ("-1", None),
        ("", None),
        (None, None),
        (HUGE, None),
        ("2147483648", None),
    ],
)
def test_whole_number(text, number):
    assert whole_number(text) == number


@pytest.mark.parametrize(
    "url",
    [
        "/activity?person=²",
        f"/activity?person={HUGE}",
        f"/activity?page={HUGE}",
        "/board?checker=²",
        f"/board?page={HUGE}",
        f"/articles/?page={HUGE}",
        f"/inbox/?page={HUGE}",
    ],
)
def test_odd_numbers_in_a_query_string_are_not_a_500(manager_client, url):
    assert manager_client.get(url).status_code in (200, 404)


def test_odd_page_number_in_the_api_is_not_a_500(client, editor):
    token = issue_token(editor)
    db.session.commit()
    response = client.get(
        f"/api/v1/articles?page={HUGE}", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code in (200, 404)


@pytest.mark.parametrize("person", ["²", HUGE])
def test_an_export_for_an_odd_person_is_refused_naming_the_field(manager_client, person):
    token = _csrf(manager_client, "/activity")
    response = manager_client.post(
        "/exports/activity", data={"csrf_token": token, "person": person, "action": ""}
    )
    assert response.status_code == 400
    assert "person" in response.get_data(as_text=True).lower()


def test_an_odd_version_on_a_workflow_button_is_not_a_500(editor_client, make, editor, checker):
    claim = make.claim(make.article(editor, title="Dam levels"))
    db.session.commit()
    token = _csrf(editor_client, f"/claims/{claim.id}")
    response = editor_client.post(
        f"/claims/{claim.id}/assign",
        data={"csrf_token": token, "assignee": checker.id, "version": "²"},
    )
    assert response.status_code < 500


def test_odd_boxes_in_a_bulk_assign_are_left_out(editor_client, make, editor, checker):
    article = make.article(editor, title="Dam levels")
    claim = make.claim(article)
    db.session.commit()
    token = _csrf(editor_client, f"/articles/{article.id}")
    response = editor_client.post(
        f"/articles/{article.id}/assign",
        data={
            "csrf_token": token,
            "assignee": checker.id,
            "claims": [f"{claim.id}:²", f"{HUGE}:1"],
        },
    )
    assert response.status_code < 500
    db.session.expire_all()
    assert db.session.get(Claim, claim.id).status is ClaimStatus.OPEN
