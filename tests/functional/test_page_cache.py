"""Busy pages kept ready in Redis between changes (factcheck/caching.py).

The policy: a kept page is served while nothing a page shows has changed,
never after a change (made on any server), never to another person, never
past a minute, and never before the route's access rule is checked.

These tests need Redis (TEST_REDIS_URL, by default the local one): a missing
Redis fails them in CI and skips them, saying so, on a laptop.
"""

import pytest
import redis
import sqlalchemy as sa

from factcheck import caching
from factcheck.extensions import db
from factcheck.models import Claim, ClaimStatus
from factcheck.services import articles
from tests.conftest import REDIS_URL, login


@pytest.fixture
def config_overrides(redis_prefix):
    # Jobs go to a queue of the test's own, removed with its keys.
    return {
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE_PREFIX": f"{redis_prefix}:",
        "JOB_QUEUE": redis_prefix,
    }


class Statements:
    """The SQL a request ran."""

    def __init__(self, app):
        self.seen: list[str] = []
        sa.event.listen(db.engine, "before_cursor_execute", self._note)

    def _note(self, _conn, _cursor, statement, *_args):
        self.seen.append(statement)

    def reading(self, table: str) -> list[str]:
        return [s for s in self.seen if f"FROM {table}" in s]


def test_an_unchanged_page_is_not_built_again(app, editor_client, make, editor):
    make.claim(make.article(editor, title="Dam levels"))
    db.session.commit()
    first = editor_client.get("/board")
    statements = Statements(app)
    second = editor_client.get("/board")
    assert second.status_code == 200
    assert second.data == first.data
    assert statements.reading("claims") == []  # served as kept, nothing counted again


def test_a_page_viewed_again_seconds_later_is_still_kept(app, editor_client, monkeypatch):
    """The page's CSRF token is signed with the second it was made: the page
    is kept for the session, not for the second."""
    import itertools

    from itsdangerous.timed import TimestampSigner

    seconds = itertools.count(1_800_000_000, 7)
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: next(seconds))
    editor_client.get("/board")
    statements = Statements(app)
    editor_client.get("/board")
    assert statements.reading("claims") == []


def test_a_change_is_on_the_page_at_once(app, editor_client, make, editor):
    article = make.article(editor, title="Dam levels")
    db.session.commit()
    assert "Dam levels" in editor_client.get(f"/articles/{article.id}").get_data(as_text=True)

    # Another server's change reaches this one through the shared counter.
    articles.edit_article(article, editor, None, title="Reservoir levels fall")
    db.session.commit()

    page = editor_client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert "Reservoir levels fall" in page


def test_a_change_through_a_page_is_on_the_next_view(app, editor_client, make, editor, checker):
    claim = make.claim(make.article(editor, title="Dam levels"))
    db.session.commit()
    editor_client.get("/board")
    response = editor_client.post(
        f"/claims/{claim.id}/assign",
        data={"assignee": checker.id, "version": claim.version},
        follow_redirects=True,  # and its "Assigned." message shown
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Claim, claim.id).status is ClaimStatus.ASSIGNED
    statements = Statements(app)
    editor_client.get("/board")
    assert statements.reading("claims"), "the board was served as it was before the change"


def test_each_person_gets_their_own_page(app, make, checker, other_checker):
    make.article(title="Dam levels")
    db.session.commit()
    first, second = login(app, checker), login(app, other_checker)
    assert checker.name in first.get("/articles/").get_data(as_text=True)
    page = second.get("/articles/").get_data(as_text=True)
    assert other_checker.name in page
    assert checker.name not in page


def test_who_may_see_a_page_is_checked_before_the_cache(app, manager_client, checker_client):
    assert manager_client.get("/activity").status_code == 200
    assert checker_client.get("/activity").status_code == 403


def test_a_waiting_message_is_shown_not_a_kept_page(app, editor_client):
    editor_client.get("/board")
    with editor_client.session_transaction() as session:
        session["_flashes"] = [("message", "Claim assigned to Sam.")]
    assert "Claim assigned to Sam." in editor_client.get("/board").get_data(as_text=True)


def test_a_kept_page_lives_a_minute_at_most(app, editor_client, redis_prefix):
    editor_client.get("/board")
    client = redis.Redis.from_url(REDIS_URL)
    pages = [k for k in client.scan_iter(f"{redis_prefix}:*") if not k.endswith(b"version")]
    assert pages
    assert all(0 < client.ttl(key) <= 60 for key in pages)


def test_logging_in_keeps_the_pages(app, make, editor, checker):
    db.session.commit()
    login(app, editor)
    before = caching.data_version()
    login(app, checker)
    assert caching.data_version() == before


def test_sweeping_an_export_keeps_the_pages_preparing_one_is_in_the_trail(app, manager):
    """A prepared export's row and file (in the database store) are on no
    kept page; the trail's event saying who prepared it is (the activity)."""
    from datetime import timedelta

    from factcheck.models.base import clock, utcnow
    from factcheck.services import exports

    app.config["UPLOAD_STORAGE"] = "database"
    db.session.commit()
    before = caching.data_version()
    exports.prepare("activity", {}, manager.id, 10, utcnow().isoformat(), "f" * 32)
    db.session.commit()
    assert caching.data_version() > before  # export.prepare is on the activity page
    before = caching.data_version()
    with clock(utcnow() + timedelta(days=2)):
        assert exports.sweep() == ["f" * 32]
    db.session.commit()
    assert caching.data_version() == before


def test_without_redis_the_page_is_built(app, editor_client):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    app.extensions.pop("factcheck.redis", None)
    assert editor_client.get("/board").status_code == 200


def test_a_change_committed_as_a_page_is_asked_for_is_on_the_kept_page(
    app, editor_client, editor, monkeypatch
):
    """Another server commits a change, then bumps the version, while this
    request is starting: the page kept under the new version shows it (the
    version is read before the request reads any row, the person included)."""
    from factcheck.models import User

    editor_client.get("/board")
    editor_id, read_version, changed = editor.id, caching.data_version, []
    db.session.commit()  # the test's reads end, as a server's request would

    def version_with_a_change_elsewhere_just_before():
        if not changed:
            changed.append(True)
            with db.engine.begin() as connection:
                connection.execute(
                    sa.update(User).where(User.id == editor_id).values(name="Renamed Editor")
                )
            caching.newsroom_changed()
        return read_version()

    monkeypatch.setattr(caching, "data_version", version_with_a_change_elsewhere_just_before)
    editor_client.get("/board")
    assert "Renamed Editor" in editor_client.get("/board").get_data(as_text=True)


def test_a_person_keeps_a_bounded_weight_of_pages_a_minute(app, editor_client, redis_prefix):
    """Query strings are endless (?page=1, 2, ...): past the allowance (in
    bytes: a long article's page weighs a megabyte) a page is built and
    served, not kept, so one person cannot fill the Redis the job queue
    lives in."""
    size = len(editor_client.get("/board?page=1").data)  # kept: the first of the minute
    app.config["PAGE_CACHE_BYTES_PER_PERSON"] = int(3.5 * size)
    for page in range(2, 9):
        assert editor_client.get(f"/board?page={page}").status_code == 200
    client = redis.Redis.from_url(REDIS_URL)
    pages = [k for k in client.scan_iter(f"{redis_prefix}:*") if k.split(b":")[1].isdigit()]
    assert len(pages) == 3


def test_bulk_seeding_past_the_orm_makes_kept_pages_out_of_date(app):
    """``flask bench-seed`` writes with a raw cursor, not the ORM."""
    from factcheck.demo import scale
    from factcheck.services import users

    before = caching.data_version()
    scale.seed(2, 2, users.hash_password("bench-password-for-tests"), unpublished_share=0.5)
    db.session.commit()
    assert caching.data_version() > before


def test_after_redis_fails_pages_are_built_without_waiting_on_it(app, editor_client, monkeypatch):
    """A Redis that times out costs each try seconds: after a failure the
    server leaves the cache alone for a while, then tries again."""
    tries = []

    class Unreachable:
        def __getattr__(self, _name):
            def fail(*_args, **_kwargs):
                tries.append(1)
                raise redis.TimeoutError("Timeout reading from socket")

            return fail

    monkeypatch.setattr(caching, "_redis", Unreachable)
    for _ in range(3):
        assert editor_client.get("/board").status_code == 200
    assert len(tries) == 1
    later = caching.time.monotonic() + caching.PAUSE + 1
    monkeypatch.setattr(caching.time, "monotonic", lambda: later)
    assert editor_client.get("/board").status_code == 200
    assert len(tries) == 2


def test_a_page_kept_by_other_code_is_not_served(app, editor_client, make, editor, monkeypatch):
    """After a deploy (or beside a server not yet upgraded) a page built by
    other code or templates is built again, not served."""
    make.claim(make.article(editor, title="Dam levels"))
    db.session.commit()
    monkeypatch.setattr(caching, "release", lambda *_folders: "release-1", raising=False)
    editor_client.get("/board")
    monkeypatch.setattr(caching, "release", lambda *_folders: "release-2", raising=False)
    statements = Statements(app)
    editor_client.get("/board")
    assert statements.reading("claims"), "a page kept by the old release was served"
    statements.seen.clear()
    editor_client.get("/board")
    assert statements.reading("claims") == []  # kept again, for this release


def test_the_release_is_the_code_and_templates_by_content(app, tmp_path):
    package, templates = tmp_path / "package", tmp_path / "templates"
    for folder in (package, templates):
        folder.mkdir()
    (package / "view.py").write_text("x = 1\n")
    (templates / "page.html").write_text("<p>{{ x }}</p>\n")
    first = caching.release.__wrapped__(str(package), str(templates))
    (templates / "page.html").write_text("<p>{{ y }}</p>\n")
    assert caching.release.__wrapped__(str(package), str(templates)) != first
    (templates / "page.html").write_text("<p>{{ x }}</p>\n")  # written anew, same text
    assert caching.release.__wrapped__(str(package), str(templates)) == first
