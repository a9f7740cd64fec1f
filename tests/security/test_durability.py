"""The audit log is append-only, in the database and in the ORM; a failure
in the middle of a request leaves nothing half-written, uploaded files
included."""

import io
from pathlib import Path

import pytest
import sqlalchemy as sa
from werkzeug.datastructures import FileStorage

from factcheck.extensions import db
from factcheck.models import AuditEvent, Claim, ClaimStatus, Evidence, Stance, Verdict
from factcheck.services import evidence
from tests.conftest import login


def counts() -> dict[str, int]:
    db.session.expire_all()
    return {
        t.name: db.session.scalar(sa.select(sa.func.count()).select_from(t))
        for t in db.metadata.sorted_tables
    }


@pytest.fixture
def events(make, editor):
    make.claim(make.article(editor), status=ClaimStatus.IN_REVIEW)
    db.session.commit()
    return db.session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id)).all()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET summary = 'rewritten'",
        "UPDATE audit_events SET actor_id = NULL WHERE id = 1",
        "DELETE FROM audit_events",
        "DELETE FROM audit_events WHERE id = 1",
    ],
)
def test_the_database_refuses_to_change_audit_events(app, events, statement):
    before = [(e.id, e.summary, e.actor_id) for e in events]
    with pytest.raises(sa.exc.DatabaseError, match="append-only"):
        db.session.execute(sa.text(statement))
    db.session.rollback()
    after = db.session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [(e.id, e.summary, e.actor_id) for e in after] == before


def test_the_database_refuses_even_without_the_orm(app, events):
    with db.engine.connect() as conn, pytest.raises(sa.exc.DatabaseError):
        conn.execute(sa.text("UPDATE audit_events SET action = 'x'"))
    assert {e.action for e in events} != {"x"}


def test_the_orm_refuses_to_modify_or_delete_an_event(app, events):
    first = events[0]
    first.summary = "rewritten"
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEvent, first.id))
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()
    assert db.session.get(AuditEvent, first.id).summary != "rewritten"


def test_a_failure_mid_request_leaves_nothing_half_written(app, make, editor, monkeypatch):
    """The audit write fails after the claim and verdict changes were made
    in the session: the request answers 500 and the database is as before."""
    claim = make.claim(make.article(editor), status=ClaimStatus.IN_REVIEW)
    reviewer = make.user("Second Eyes", [*editor.roles])
    db.session.commit()
    client = login(app, reviewer)
    article_id, claim_id, version = claim.article_id, claim.id, claim.version
    before = counts()

    def disk_full(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("factcheck.services.audit.record", disk_full)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer as production would
    approve = client.post(f"/claims/{claim_id}/review", data={"version": version})
    mark = client.post(
        f"/articles/{article_id}/claims",
        data={
            "quote": "The army said",
            "kind": "attribution",
            "priority": "normal",
            "new_source_kind": "monitor",
        },
    )
    assert approve.status_code == mark.status_code == 500
    assert "The change was not saved" in approve.get_data(as_text=True)
    assert counts() == before
    claim = db.session.get(Claim, claim_id)
    assert claim.status is ClaimStatus.IN_REVIEW and claim.version == version
    verdict = db.session.scalar(sa.select(Verdict).where(Verdict.claim_id == claim_id))
    assert verdict.reviewer_id is None and verdict.decision is None


# --- uploaded evidence files succeed or fail with their row -------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


def stored_files(app) -> list[Path]:
    folder = Path(app.config["UPLOAD_FOLDER"])
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.fixture
def researching(make, editor, checker):
    claim = make.claim(make.article(editor), status=ClaimStatus.RESEARCHING, assignee=checker)
    db.session.commit()
    return claim


def test_a_failure_after_the_file_is_written_leaves_no_file(app, researching, checker, monkeypatch):
    """The upload is on disk and the row flushed when the audit write fails:
    the request answers 500 and neither row, event nor file remains."""
    client = login(app, checker)
    before = counts()
    written = []

    def disk_full(*args, **kwargs):
        written.extend(stored_files(app))
        raise OSError("disk full")

    monkeypatch.setattr("factcheck.services.audit.record", disk_full)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.post(
        f"/claims/{researching.id}/evidence",
        data={"title": "Chart", "stance": "supports", "upload": (io.BytesIO(PNG), "chart.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 500
    assert len(written) == 1  # the file was on disk inside the transaction
    assert counts() == before
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Evidence)) == 0
    assert stored_files(app) == []


def add_file(claim, checker) -> Path:
    item = evidence.add_evidence(
        claim,
        checker,
        title="Chart",
        stance=Stance.SUPPORTS,
        upload=FileStorage(io.BytesIO(PNG), "chart.png"),
    )
    path = evidence.stored_file_path(item)
    assert path.read_bytes() == PNG
    return path


@pytest.mark.parametrize(
    "ending",
    # A released savepoint is not a commit, on SQLite too (the driver's own
    # transaction handling once made its RELEASE a commit).
    ["rollback", "close", "savepoint then rollback"],
)
def test_a_transaction_that_does_not_commit_takes_its_file_with_it(
    app, researching, checker, ending
):
    before = counts()
    if ending == "savepoint then rollback":
        with db.session.begin_nested():
            path = add_file(researching, checker)
        assert path.exists()  # released savepoint: still in the outer transaction
        db.session.rollback()
    else:
        path = add_file(researching, checker)
        db.session.rollback() if ending == "rollback" else db.session.remove()
    assert not path.exists() and stored_files(app) == []
    assert counts() == before


def test_a_committed_row_keeps_its_file(app, researching, checker):
    path = add_file(researching, checker)
    db.session.commit()
    db.session.rollback()  # a later, empty rollback touches nothing
    db.session.remove()
    assert stored_files(app) == [path] and path.read_bytes() == PNG
    item = db.session.scalar(sa.select(Evidence))
    assert item.stored_name == path.name and item.file_size == len(PNG)
