"""Exports prepared by a background job (the activity trail, every claim):
asked for with a form, written into shared storage, downloaded when whole,
refused to other roles, visible when they fail, swept when they expire."""

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from factcheck import jobs, storage
from factcheck.exports.tables import ACTIVITY_COLUMNS, NEWSROOM_CLAIM_COLUMNS
from factcheck.extensions import db
from factcheck.models import AuditEvent, ClaimStatus, DataExport, StoredFile, StoredFilePart
from factcheck.models.base import clock, utcnow
from factcheck.services import evidence, exports
from tests.conftest import login

TOKEN = re.compile(r"/exports/([0-9a-f]{32})$")


def prepare(client, path: str, **form) -> str:
    """Ask for an export; the token of its page (the job ran in-process)."""
    response = client.post(path, data=form)
    assert response.status_code == 303, response.get_data(as_text=True)
    return TOKEN.search(response.headers["Location"]).group(1)


def download(client, token: str):
    response = client.get(f"/exports/{token}/download")
    assert response.status_code == 200, response.get_data(as_text=True)
    return response, list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def trail_as_asked() -> list[int]:
    """Every event's id but those of exports, which are written after the
    export was asked for (its file is the trail as it stood then)."""
    return db.session.scalars(
        sa.select(AuditEvent.id)
        .where(AuditEvent.action.not_like("export.%"))
        .order_by(AuditEvent.id)
    ).all()


def export_folder(app) -> Path:
    return Path(app.config["UPLOAD_FOLDER"]) / "exports"


@pytest.fixture
def newsroom(make, editor, checker):
    first = make.article(editor, title="Figures")
    make.claim(first, status=ClaimStatus.APPROVED, rating="misleading", assignee=checker)
    second = make.article(editor, title="=Formula headline")
    make.claim(second, status=ClaimStatus.ASSIGNED, assignee=checker)
    make.claim(second, quote="protect civilians", editor=editor)
    db.session.commit()
    return first, second


def test_the_activity_export_has_exactly_the_filtered_events(app, newsroom, manager):
    client = login(app, manager)
    page = client.get("/activity").get_data(as_text=True)
    assert 'action="/exports/activity"' in page and "Prepare CSV" in page

    token = prepare(client, "/exports/activity", action="claim.assign", person="")
    status = client.get(f"/exports/{token}").get_data(as_text=True)
    assigns = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "claim.assign").order_by(AuditEvent.id)
    ).all()
    assert len(assigns) == 2
    name = re.search(r"Download (activity-\d{8}-\d{4}\.csv) \(2 events\)", status).group(1)
    assert "(filtered: claim.assign)" in status
    response, rows = download(client, token)
    assert response.headers["Content-Disposition"] == f"attachment; filename={name}"
    assert rows[0] == ACTIVITY_COLUMNS
    assert [int(r[0]) for r in rows[1:]] == [e.id for e in assigns]
    assert [r[3] for r in rows[1:]] == ["claim.assign"] * 2
    # the headers say what a whole file holds: a cut-off one shows
    assert response.headers["X-Row-Count"] == "2"
    assert response.headers["Content-Length"] == str(len(response.get_data()))

    # one person's events, and everyone's: the same as the page's filters
    person = newsroom[0].created_by_id
    token = prepare(client, "/exports/activity", person=str(person), action="")
    mine = db.session.scalars(
        sa.select(AuditEvent.id).where(AuditEvent.actor_id == person).order_by(AuditEvent.id)
    ).all()
    assert [int(r[0]) for r in download(client, token)[1][1:]] == mine
    everything = db.session.scalars(sa.select(AuditEvent.id).order_by(AuditEvent.id)).all()
    token = prepare(client, "/exports/activity")
    assert [int(r[0]) for r in download(client, token)[1][1:]] == everything
    # listed for every manager until it expires
    assert token in client.get("/exports").get_data(as_text=True)


def test_an_export_is_the_data_as_it_stood_when_asked(app, newsroom, manager, make):
    upto = db.session.scalar(sa.select(sa.func.max(AuditEvent.id)))
    make.claim(newsroom[0], quote="Salaries rose", editor=manager)  # events after the snapshot
    db.session.commit()
    token = "ab" * 16
    job = jobs.enqueue(
        exports.prepare_task(), "activity", {}, manager.id, upto, utcnow().isoformat(), token
    )
    assert jobs.state(job).status == "finished", jobs.state(job).error
    db.session.commit()  # end the test's read transaction (SQLite keeps its snapshot)
    done = db.session.scalar(sa.select(DataExport).where(DataExport.token == token))
    assert done.rows == upto  # ids 1..upto, nothing after
    # run again (a retry after a worker died): the same one file, nothing added
    again = exports.prepare("activity", {}, manager.id, upto, utcnow().isoformat(), token)
    assert again["already"] and again["rows"] == upto
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DataExport)) == 1


def test_the_claims_export_lists_every_claim_of_the_newsroom(app, newsroom, manager):
    client = login(app, manager)
    assert "Prepare the claims CSV" in client.get("/exports").get_data(as_text=True)
    token = prepare(client, "/exports/claims")
    assert "(3 claims)" in client.get(f"/exports/{token}").get_data(as_text=True)
    response, rows = download(client, token)
    assert rows[0] == NEWSROOM_CLAIM_COLUMNS
    first, second = newsroom
    by_claim = {int(r[2]): r for r in rows[1:]}
    expected = {c.id: a for a in newsroom for c in a.claims}
    assert {c: int(r[0]) for c, r in by_claim.items()} == {c: a.id for c, a in expected.items()}
    approved = by_claim[first.claims[0].id]
    assert approved[1] == "Figures" and approved[NEWSROOM_CLAIM_COLUMNS.index("rating")] == (
        "Misleading"
    )
    # a title a spreadsheet would run as a formula stays text
    assert by_claim[second.claims[0].id][1] == "'=Formula headline"
    assert re.fullmatch(
        r"attachment; filename=claims-\d{8}-\d{4}\.csv", response.headers["Content-Disposition"]
    )


@pytest.mark.parametrize("role", ["editor", "checker"])
def test_other_roles_may_neither_prepare_nor_download(app, newsroom, manager, role, request):
    token = prepare(login(app, manager), "/exports/claims")
    client = login(app, request.getfixturevalue(role))
    for method, path in [
        ("post", "/exports/activity"),
        ("post", "/exports/claims"),
        ("get", "/exports"),
        ("get", f"/exports/{token}"),
        ("get", f"/exports/{token}/download"),
    ]:
        assert getattr(client, method)(path).status_code == 403, path
    assert "Prepare CSV" not in client.get("/activity").get_data(as_text=True)


def test_a_bad_filter_is_a_400_naming_the_field(app, manager):
    client = login(app, manager)
    response = client.post("/exports/activity", data={"person": "1 OR 1=1"})
    assert response.status_code == 400 and "person" in response.get_data(as_text=True)
    response = client.post("/exports/activity", data={"action": "<script>"})
    assert response.status_code == 400 and "action" in response.get_data(as_text=True)
    assert client.get("/exports/not-a-token").status_code == 404
    assert client.get(f"/exports/{'0' * 32}/download").status_code == 404


def test_a_failed_export_offers_no_file_and_shows_on_the_jobs_page(
    app, newsroom, manager, monkeypatch
):
    tries = []

    def broken(events):
        tries.append(1)
        yield "event_id\n"
        next(iter(events))
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(exports, "activity_csv", broken)
    app.config["JOB_RETRIES"] = 2
    client = login(app, manager)
    token = prepare(client, "/exports/activity")
    assert len(tries) == 3  # tried, then retried up to the limit
    page = client.get(f"/exports/{token}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Export failed" in text and "disk on fire" in text
    assert "/download" not in text
    assert client.get(f"/exports/{token}/download").status_code == 404
    jobs_page = client.get("/admin/jobs").get_data(as_text=True)
    assert "prepare_export" in jobs_page and exports.job_id(token) in jobs_page
    # nothing half-written left behind: no row, no file
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DataExport)) == 0
    folder = export_folder(app)
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_retried_export_writes_one_whole_file(app, newsroom, manager, monkeypatch):
    real = exports.activity_csv
    tries = []

    def fails_once(events):
        tries.append(1)
        for n, chunk in enumerate(real(events, batch=1)):
            if len(tries) == 1 and n == 3:
                raise ConnectionError("database went away")
            yield chunk

    monkeypatch.setattr(exports, "activity_csv", fails_once)
    client = login(app, manager)
    token = prepare(client, "/exports/activity")
    assert len(tries) == 2
    events = trail_as_asked()
    assert [int(r[0]) for r in download(client, token)[1][1:]] == events
    assert [p.name for p in export_folder(app).iterdir()] == [token]


def test_an_expired_export_is_swept_and_uploads_sweep_leaves_exports_alone(app, newsroom, manager):
    client = login(app, manager)
    token = prepare(client, "/exports/activity")
    path = export_folder(app) / token
    assert path.is_file()
    # the upload sweep (files no evidence names, an hour old) never takes one
    assert evidence.sweep_orphan_files(now=utcnow() + timedelta(hours=3)) == []
    assert path.is_file()
    # within the day it stays
    with clock(utcnow() + timedelta(hours=23)):
        jobs.enqueue(jobs.tasks.sweep_exports)
    assert path.is_file() and client.get(f"/exports/{token}/download").status_code == 200
    # a day on, the scheduled sweep removes the row and the file
    with clock(utcnow() + timedelta(hours=25)):
        assert client.get(f"/exports/{token}/download").status_code == 404  # expired
        jobs.enqueue(jobs.tasks.sweep_exports)
    assert not path.exists()
    db.session.commit()  # a new read transaction: SQLite keeps the old snapshot
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DataExport)) == 0
    assert client.get(f"/exports/{token}/download").status_code == 404
    assert client.get(f"/exports/{token}").status_code == 404


def test_a_file_left_by_a_killed_worker_is_swept(app, manager):
    folder = export_folder(app)
    folder.mkdir(parents=True)
    left = folder / ("cd" * 16)
    left.write_bytes(b"event_id,when_utc\n1,")
    assert exports.sweep() == []  # it might be a job still writing
    assert exports.sweep(now=utcnow() + timedelta(hours=3)) == [left.name]
    assert not left.exists()


def test_in_the_database_store_an_export_is_kept_in_parts(app, newsroom, manager, monkeypatch):
    """The store every app server shares on PostgreSQL: the file is in the
    database, written and read a part at a time."""
    app.config["UPLOAD_STORAGE"] = "database"
    monkeypatch.setattr(storage, "PART_SIZE", 256)
    client = login(app, manager)
    token = prepare(client, "/exports/activity")
    response, rows = download(client, token)
    data = response.get_data()
    stored = db.session.get(StoredFile, token)
    parts = db.session.scalars(
        sa.select(StoredFilePart.data)
        .where(StoredFilePart.name == token)
        .order_by(StoredFilePart.seq)
    ).all()
    assert stored.size == len(data) and len(parts) == -(-len(data) // 256) > 1
    assert b"".join(parts) == data
    assert not export_folder(app).exists()  # nothing on this server's disk
    events = trail_as_asked()
    assert [int(r[0]) for r in rows[1:]] == events
    # swept with its parts
    with clock(utcnow() + timedelta(hours=25)):
        jobs.enqueue(jobs.tasks.sweep_exports)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(StoredFile, token) is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StoredFilePart)) == 0


def test_a_retry_after_a_killed_try_writes_the_file_afresh(app, newsroom, manager):
    """A worker killed mid-file leaves half of it in a folder store (no row,
    no rollback ran): the job's retry writes the whole file, not fail on it."""
    app.config["UPLOAD_STORAGE"] = "folder"
    token = "ab" * 16
    folder = export_folder(app)
    folder.mkdir(parents=True)
    (folder / token).write_bytes(b"event_id,when_utc\n1,")
    upto = exports.snapshot(exports.ACTIVITY)
    filters = exports.activity_filters("", "")
    exports.prepare(exports.ACTIVITY, filters, manager.id, upto, utcnow().isoformat(), token)
    db.session.commit()
    events = trail_as_asked()
    assert [int(r[0]) for r in download(login(app, manager), token)[1][1:]] == events


def test_who_took_what_out_of_the_desk_is_in_the_trail(app, newsroom, manager):
    client = login(app, manager)
    token = prepare(client, "/exports/activity", action="claim.assign", person="")
    download(client, token)
    db.session.expire_all()
    events = {
        e.action: e
        for e in db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action.like("export.%")))
    }
    assert set(events) == {"export.prepare", "export.download"}
    prepared = events["export.prepare"]
    assert prepared.actor_id == manager.id
    assert "activity CSV (claim.assign)" in prepared.summary
    assert prepared.after["filters"] == {"person": None, "action": "claim.assign"}
    assert events["export.download"].actor_id == manager.id
    assert "downloaded activity-" in events["export.download"].summary


@pytest.fixture
def config_overrides(request):
    """With a Redis prefix of the test's own, jobs go to a Redis queue no
    worker takes from (so they stay queued); otherwise they run in-process."""
    if "redis_prefix" not in request.fixturenames:
        return {}
    from tests.conftest import REDIS_URL

    prefix = request.getfixturevalue("redis_prefix")
    return {"REDIS_URL": REDIS_URL, "JOB_QUEUE": prefix, "PAGE_CACHE_PREFIX": f"{prefix}:"}


def test_the_same_export_asked_twice_while_it_is_prepared_is_queued_once(
    app, newsroom, manager, editor, redis_prefix
):
    client, other_manager = login(app, manager), login(app, manager)
    first = prepare(client, "/exports/claims")
    assert prepare(other_manager, "/exports/claims") == first
    assert jobs.queue_figures()["queued"] == 1
    # Other filters are another export.
    assert prepare(client, "/exports/activity", action="claim.assign", person="") != first
    assert jobs.queue_figures()["queued"] == 2
