"""The newsroom's time zone: times typed into forms are newsroom time, stored
in UTC, and every time shown names its zone (pages and notifications)."""

from datetime import UTC, datetime

import pytest

from factcheck import create_app
from factcheck.extensions import db
from factcheck.models import Notification
from tests.conftest import login, make_config


@pytest.fixture
def config_overrides():
    return {"NEWSROOM_TIMEZONE": "Europe/Berlin"}


def stored_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def test_a_due_date_typed_in_newsroom_time_is_stored_in_utc_and_shown_with_its_zone(
    app, make, editor, checker
):
    article = make.article(editor)
    claim = make.claim(article, editor=editor)
    client = login(app, editor)

    # 2 January 2030, 14:00 in Berlin is 13:00 UTC (CET is UTC+1 in winter).
    response = client.post(
        f"/claims/{claim.id}/assign",
        data={"assignee": checker.id, "due_at": "2030-01-02T14:00", "version": claim.version},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert stored_utc(claim.due_at) == datetime(2030, 1, 2, 13, 0, tzinfo=UTC)

    page = client.get(f"/claims/{claim.id}").get_data(as_text=True)
    assert "02 Jan 14:00 CET" in page
    # The form shows the time back as it was typed, in newsroom time.
    assert 'value="2030-01-02T14:00"' in page

    message = db.session.scalars(
        db.select(Notification.message).where(Notification.recipient_id == checker.id)
    ).one()
    assert "02 Jan 14:00 CET" in message


def test_summer_time_is_named_too(app, make, editor, checker):
    article = make.article(editor)
    claim = make.claim(article, editor=editor)
    client = login(app, editor)
    client.post(
        f"/claims/{claim.id}/assign",
        data={"assignee": checker.id, "due_at": "2030-07-02T14:00", "version": claim.version},
    )
    db.session.expire_all()
    assert stored_utc(claim.due_at) == datetime(2030, 7, 2, 12, 0, tzinfo=UTC)
    assert "02 Jul 14:00 CEST" in client.get(f"/claims/{claim.id}").get_data(as_text=True)


def test_an_unknown_zone_name_stops_the_app_at_start_up():
    with pytest.raises(ValueError, match="NEWSROOM_TIMEZONE"):
        create_app(make_config("sqlite://", NEWSROOM_TIMEZONE="Mars/Olympus_Mons"))
