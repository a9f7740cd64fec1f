"""Prepared exports: the newsroom's activity and every claim as CSV, written
by a background job into shared storage and offered for download when whole.

A manager asks (``request_export``); the request only takes a snapshot
(the last event or claim id, so the file is the data as it stood when asked)
and queues the job under a random token. The job (``prepare``) writes the
file in parts into the export store and, in the same transaction, the
``DataExport`` row naming it: a row exists only for a complete file, and a
failed or killed try leaves neither (a retry starts clean; a try that finds
its row returns at once). Until the row is there, the job's state says how
far it has got or that it failed. Any manager may download any prepared
export (the activity page is open to every manager). Files expire after
EXPORT_KEEP_HOURS and are removed by the hourly sweep (``sweep``).
"""

import re
import secrets
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import joinedload, selectinload

from factcheck import jobs, storage
from factcheck.exports import activity_csv, newsroom_claims_csv
from factcheck.extensions import db
from factcheck.localtime import to_local
from factcheck.models import Article, Claim, DataExport, User, Verdict
from factcheck.models.base import to_utc, utcnow
from factcheck.services import activity, audit, whole_number
from factcheck.services.errors import ValidationFailed

ACTIVITY, CLAIMS = "activity", "claims"
KINDS = {ACTIVITY: "events", CLAIMS: "claims"}  # what a row of each is
PROGRESS_EVERY = 5000  # rows between progress reports
_TOKEN = re.compile(r"[0-9a-f]{32}")


def job_id(token: str) -> str:
    return f"export-{token}"


def valid_token(token: str) -> bool:
    return bool(_TOKEN.fullmatch(token))


def activity_filters(person: str, action: str) -> dict:
    """The activity page's filters, checked: a person's id, an action or a
    family of actions."""
    person = (person or "").strip()
    action = (action or "").strip()
    if person and whole_number(person) is None:
        raise ValidationFailed("Choose a person from the list.", field="person")
    if len(action) > 64 or not re.fullmatch(r"[a-z_.]*", action):
        raise ValidationFailed("Choose an action from the list.", field="action")
    return {"person": whole_number(person), "action": action}


def request_export(kind: str, filters: dict, requester: User) -> str:
    """Queue the export of ``kind`` with these filters; returns its token.
    The same export still being prepared (a second click, a second manager)
    is not queued again: its token is returned."""
    if kind not in KINDS:
        raise ValidationFailed("No such export.", field="kind")
    pending = _pending_key(kind, filters)
    if pending:
        token = _being_prepared(pending)
        if token:
            return token
    upto = snapshot(kind)
    token = secrets.token_hex(16)
    if pending:
        jobs.redis_connection().set(pending, token, ex=current_app.config["JOB_TIMEOUT"])
    jobs.enqueue(
        prepare_task(),
        kind,
        filters,
        requester.id,
        upto,
        utcnow().isoformat(),
        token,
        job_id=job_id(token),
        owner_id=requester.id,
        description=f"Prepare the {kind} CSV",
    )
    return token


def _pending_key(kind: str, filters: dict) -> str | None:
    """Where the token of this export, while queued or running, is noted
    (in Redis, which every server shares); None when jobs run in-process
    (the export is done before the request answers)."""
    if not current_app.config.get("REDIS_URL"):
        return None
    person, action = filters.get("person") or "", filters.get("action") or ""
    return f"{current_app.config['JOB_QUEUE']}:export-pending:{kind}:{person}:{action}"


def _being_prepared(pending: str) -> str | None:
    token = jobs.redis_connection().get(pending)
    token = token.decode() if token else None
    if token and valid_token(token):
        state = jobs.state(job_id(token))
        if state is not None and state.status in ("queued", "started"):
            return token
    return None


def snapshot(kind: str) -> int:
    """The last id an export of ``kind`` asked for now reads up to."""
    if kind == ACTIVITY:
        return activity.last_event_id()
    return db.session.scalar(sa.select(sa.func.max(Claim.id))) or 0


def prepare_task():
    from factcheck.jobs.tasks import prepare_export

    return prepare_export


# --- the job -------------------------------------------------------------------


class _Counted:
    """The rows passed through, counted, saying every PROGRESS_EVERY of
    them how far the job has got."""

    def __init__(self, rows: Iterable, total: int, noun: str) -> None:
        self.rows, self.total, self.noun = rows, total, noun
        self.count = 0

    def __iter__(self) -> Iterator:
        jobs.set_progress(f"0 of {self.total:,} {self.noun}")
        for row in self.rows:
            self.count += 1
            if self.count % PROGRESS_EVERY == 0:
                jobs.set_progress(f"{self.count:,} of {self.total:,} {self.noun}")
            yield row
        jobs.set_progress(f"{self.count:,} of {self.total:,} {self.noun}: saving the file")


def _encoded(chunks: Iterable[str]) -> Iterator[bytes]:
    return (chunk.encode() for chunk in chunks if chunk)


def _activity_rows(filters: dict, upto: int) -> tuple[int, Iterator]:
    person, action = filters.get("person"), filters.get("action", "")
    count = activity.count_events(person, action, upto)
    return count, activity.activity_oldest_first(person, action, upto=upto)


def _claim_rows(upto: int, chunk: int = 1000) -> tuple[int, Iterator[Claim]]:
    count = db.session.scalar(sa.select(sa.func.count(Claim.id)).where(Claim.id <= upto))
    return count, _claims_oldest_first(upto, chunk)


def _claims_oldest_first(upto: int, chunk: int) -> Iterator[Claim]:
    """Every claim up to id ``upto``, ``chunk`` at a time with what its row
    names (article title, checker, verdicts and their people, resolutions,
    sources), forgotten by the session after each chunk."""
    verdicts = selectinload(Claim.verdicts)
    query = (
        sa.select(Claim)
        .where(Claim.id <= upto)
        .options(
            joinedload(Claim.article).load_only(Article.id, Article.title),
            joinedload(Claim.assignee).lazyload(User.role_rows),
            verdicts.joinedload(Verdict.proposer).lazyload(User.role_rows),
            verdicts.joinedload(Verdict.reviewer).lazyload(User.role_rows),
            selectinload(Claim.resolutions),
        )
        .order_by(Claim.id)
        .limit(chunk)
    )
    last_id = 0
    while claims := db.session.scalars(query.where(Claim.id > last_id)).unique().all():
        yield from claims
        last_id = claims[-1].id
        db.session.expunge_all()


def filename(kind: str, requested_at: datetime) -> str:
    return f"{kind}-{to_local(requested_at):%Y%m%d-%H%M}.csv"


def prepare(
    kind: str, filters: dict, requested_by_id: int | None, upto: int, requested_at: str, token: str
) -> dict:
    """Write the export's file and its row (the job; safe to run again)."""
    done = db.session.scalar(sa.select(DataExport).where(DataExport.token == token))
    if done is not None:
        return {"rows": done.rows, "size": done.size, "already": True}
    if kind == ACTIVITY:
        total, rows = _activity_rows(filters, upto)
        written = _Counted(rows, total, KINDS[kind])
        chunks = activity_csv(written)
    elif kind == CLAIMS:
        total, rows = _claim_rows(upto)
        written = _Counted(rows, total, KINDS[kind])
        chunks = newsroom_claims_csv(written)
    else:
        raise ValueError(f"no export of {kind!r}")
    store = storage.export_store()
    # No row, so any file under the token is a killed try's half (a folder
    # store keeps it; the job alone writes this name): it goes first, or
    # every retry would find it there and fail.
    store.delete(token)
    size = store.save_stream(token, _encoded(chunks))
    asked = to_utc(datetime.fromisoformat(requested_at))
    now = utcnow()
    export = DataExport(
        token=token,
        kind=kind,
        filters=filters,
        requested_by_id=requested_by_id,
        requested_at=asked,
        finished_at=now,
        expires_at=now + timedelta(hours=current_app.config["EXPORT_KEEP_HOURS"]),
        filename=filename(kind, asked),
        rows=written.count,
        size=size,
    )
    db.session.add(export)
    db.session.flush()
    _record_prepared(export, requested_by_id)
    return {"rows": written.count, "size": size}


def _record_prepared(export: DataExport, requested_by_id: int | None) -> None:
    """Who took what out of the desk: the export, its filters and size."""
    requester = db.session.get(User, requested_by_id) if requested_by_id else None
    filters = filters_in_words(export)
    audit.record(
        requester,
        "export.prepare",
        export,
        f"{requester.name if requester else 'Someone'} exported the {export.kind} CSV"
        + (f" ({filters})" if filters else "")
        + f": {export.rows_label}",
        after={"kind": export.kind, "filters": export.filters, "rows": export.rows},
    )


def record_download(export: DataExport, actor: User) -> None:
    audit.record(
        actor,
        "export.download",
        export,
        f"{actor.name} downloaded {export.filename} ({export.rows_label})",
    )


# --- reading back, sweeping ------------------------------------------------------


def find(token: str) -> DataExport | None:
    """The prepared export under ``token``, unless it has expired."""
    if not valid_token(token):
        return None
    return db.session.scalar(
        sa.select(DataExport).where(DataExport.token == token, DataExport.expires_at > utcnow())
    )


def recent(limit: int = 20) -> list[DataExport]:
    """Exports still to be had, newest first."""
    return list(
        db.session.scalars(
            sa.select(DataExport)
            .where(DataExport.expires_at > utcnow())
            .order_by(DataExport.id.desc())
            .limit(limit)
        )
    )


def filters_in_words(export: DataExport) -> str:
    """'Dana Editor, claim.assign'; '' for no filters."""
    parts = []
    person = export.filters.get("person")
    if person:
        user = db.session.get(User, person)
        parts.append(user.name if user else f"person #{person}")
    if export.filters.get("action"):
        parts.append(export.filters["action"])
    return ", ".join(parts)


def open_file(export: DataExport) -> Iterator[bytes]:
    """The export's bytes a part at a time (FileNotFoundError: gone)."""
    return storage.export_store().stream(export.token)


def sweep(now: datetime | None = None) -> list[str]:
    """Remove expired exports, their rows and their files; and, in a folder
    store, files no row names that are older than a job may take (left by a
    worker killed mid-job). Returns the names removed."""
    now = now or utcnow()
    store = storage.export_store()
    expired = list(db.session.scalars(sa.select(DataExport).where(DataExport.expires_at <= now)))
    removed = []
    for export in expired:
        db.session.delete(export)
        store.delete(export.token)
        removed.append(export.token)
    db.session.flush()
    if isinstance(store, storage.FolderStore) and store.folder.is_dir():
        named = set(db.session.scalars(sa.select(DataExport.token)))
        cutoff = now.timestamp() - max(3600, 2 * current_app.config["JOB_TIMEOUT"])
        for name in sorted(store.names() - named):
            path = store.path(name)
            if path.lstat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed.append(name)
    return removed
