"""Operating the app without Redis (the embedded default): health and
readiness, metrics behind a token, request ids in JSON logs, background jobs
run in-process (retried, rolled back on failure, listed for managers), and
uploaded files in the database store."""

import io
import json
import logging

import pytest
import sqlalchemy as sa

from factcheck import jobs, logs, storage
from factcheck.extensions import db
from factcheck.jobs import task
from factcheck.models import ClaimStatus, Evidence, Notification, Role, StoredFile
from factcheck.services import fetching, notifications
from tests.conftest import login

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def test_healthz_and_readyz_answer_anyone(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json() == {"status": "ready", "database": "ok", "redis": "not used"}


def test_readyz_is_503_when_redis_is_unreachable(app, client):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["redis"] == "unreachable"
    assert response.get_json()["database"] == "ok"


def test_metrics_need_the_token(app, client):
    assert client.get("/metrics").status_code == 404  # no token set: not there
    app.config["METRICS_TOKEN"] = "s3cret-token"
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer nope"}).status_code == 401
    client.get("/healthz")
    response = client.get("/metrics", headers={"Authorization": "Bearer s3cret-token"})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert 'factcheck_request_seconds_count{endpoint="ops.healthz",method="GET"}' in text
    assert 'factcheck_jobs{state="failed"}' in text


def test_a_request_id_is_sent_back_and_a_sane_one_is_kept(client):
    made = client.get("/healthz").headers["X-Request-ID"]
    assert len(made) == 32
    kept = client.get("/healthz", headers={"X-Request-ID": "proxy-1234abcd"})
    assert kept.headers["X-Request-ID"] == "proxy-1234abcd"
    junk = client.get("/healthz", headers={"X-Request-ID": "<script>alert(1)</script>"})
    assert junk.headers["X-Request-ID"] not in ("<script>alert(1)</script>", made)


def test_json_log_lines_carry_the_request_id():
    record = logging.LogRecord(
        "factcheck.test", logging.INFO, __file__, 1, "hello %s", ("desk",), None
    )
    with logs.request_id_bound("abc123def456"):
        logs.RequestIdFilter().filter(record)
    line = json.loads(logs.JsonFormatter().format(record))
    assert line["message"] == "hello desk"
    assert line["request_id"] == "abc123def456"
    assert line["level"] == "INFO"


# --- jobs in-process -------------------------------------------------------------

RUNS: list[str] = []


@task
def flaky(times_to_fail: int) -> str:
    RUNS.append(logs.current_request_id())
    if len(RUNS) <= times_to_fail:
        raise RuntimeError(f"failure {len(RUNS)}")
    return "done"


@task
def write_then_fail(title: str) -> None:
    from factcheck.models import Role
    from factcheck.services import articles
    from factcheck.services.users import users_with_role

    articles.create_article(users_with_role(Role.EDITOR)[0], title=title, body="Half done.")
    db.session.flush()
    raise RuntimeError("stopped half-way")


@pytest.fixture(autouse=True)
def _clear_runs():
    RUNS.clear()


def test_a_failing_job_is_retried_up_to_the_limit(app):
    app.config["JOB_RETRIES"] = 3
    job_id = jobs.enqueue(flaky, 2)
    assert jobs.state(job_id).status == "finished"
    assert jobs.state(job_id).result == "done"
    assert len(RUNS) == 3  # two failures, then success
    RUNS.clear()
    failed = jobs.state(jobs.enqueue(flaky, 10))
    assert failed.status == "failed" and "failure 4" in failed.error
    assert len(RUNS) == 4  # the first try and three retries, no more


def test_a_failed_job_leaves_no_partial_result_and_managers_see_it(app, editor, manager):
    db.session.commit()
    with logs.request_id_bound("req-feedbeef"):
        job_id = jobs.enqueue(write_then_fail, "Half an article")
    titles = db.session.scalars(sa.text("SELECT title FROM articles")).all()
    assert "Half an article" not in titles
    page = login(app, manager).get("/admin/jobs")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "write_then_fail" in text and "stopped half-way" in text and job_id in text
    assert login(app, editor).get("/admin/jobs").status_code == 403


def test_a_job_carries_the_request_id_that_asked_for_it(app):
    with logs.request_id_bound("req-0123456789"):
        jobs.enqueue(flaky, 0)
    assert RUNS == ["req-0123456789"]


def test_a_job_given_an_id_twice_runs_once(app):
    jobs.enqueue(flaky, 0, job_id="once-only")
    jobs.enqueue(flaky, 0, job_id="once-only")
    assert len(RUNS) == 1


def test_email_job_sends_once_and_marks_the_notification(app, make, editor, checker):
    app.config["MAIL_BACKEND"] = "memory"
    outbox = app.extensions.setdefault("mail_outbox", [])
    make.claim(make.article(editor), status=ClaimStatus.ASSIGNED, assignee=checker)
    db.session.commit()
    assert [m["To"] for m in outbox] == [checker.email]
    notification = db.session.scalar(sa.select(Notification))
    db.session.refresh(notification)
    assert notification.emailed_at is not None
    assert notifications.email_notification(notification.id) == "already sent"
    assert len(outbox) == 1


def page(url: str, html: str) -> fetching.FetchedPage:
    return fetching.FetchedPage(url, html, "text/html", "utf-8")


def test_link_import_runs_as_a_job_and_shows_its_preview(app, editor, monkeypatch):
    html = "<html><body><article><h1>Buses</h1><p>The council said buses run.</p></article>"
    monkeypatch.setattr(fetching, "fetch_page", lambda url: page(url, html))
    client = login(app, editor)
    response = client.post("/articles/import", data={"url": "https://example.org/buses"})
    assert response.status_code == 200
    assert "The council said buses run." in response.get_data(as_text=True)


def test_an_import_job_page_is_only_for_its_editor(app, editor, make, monkeypatch):
    monkeypatch.setattr(
        fetching, "fetch_page", lambda url: page(url, "<p>The council said so.</p>")
    )
    with app.test_request_context():
        job_id = jobs.enqueue(jobs.tasks.fetch_article, "https://example.org/a", owner_id=editor.id)
    other = make.user("Other Editor", [Role.EDITOR])
    assert login(app, editor).get(f"/articles/import/jobs/{job_id}").status_code == 200
    assert login(app, other).get(f"/articles/import/jobs/{job_id}").status_code == 404


# --- the database store ------------------------------------------------------------


def test_an_upload_in_the_database_store_downloads_byte_for_byte(app, make, editor, checker):
    app.config["UPLOAD_STORAGE"] = "database"
    claim = make.claim(make.article(editor), status=ClaimStatus.RESEARCHING, assignee=checker)
    db.session.commit()
    client = login(app, checker)
    response = client.post(
        f"/claims/{claim.id}/evidence",
        data={"title": "Chart", "stance": "supports", "upload": (io.BytesIO(PNG), "chart.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    item = db.session.scalar(sa.select(Evidence))
    assert storage.DatabaseStore().names() == {item.stored_name}
    assert not any(storage.FolderStore(app.config["UPLOAD_FOLDER"]).names())
    download = client.get(f"/claims/evidence/{item.id}/file")
    assert download.status_code == 200 and download.data == PNG


def test_a_failed_request_leaves_no_file_in_the_database_store(
    app, make, editor, checker, monkeypatch
):
    app.config["UPLOAD_STORAGE"] = "database"
    claim = make.claim(make.article(editor), status=ClaimStatus.RESEARCHING, assignee=checker)
    db.session.commit()

    def disk_full(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("factcheck.services.audit.record", disk_full)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = login(app, checker).post(
        f"/claims/{claim.id}/evidence",
        data={"title": "Chart", "stance": "supports", "upload": (io.BytesIO(PNG), "chart.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 500
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StoredFile)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Evidence)) == 0
