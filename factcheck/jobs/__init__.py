"""Background jobs: on an RQ queue over Redis when REDIS_URL is set, in the
same process otherwise (the embedded default needs no service).

A task is a plain function marked with ``@task``. It runs in its own app
context and database session; the runner commits when it returns and rolls
back when it raises, so a task killed or failed half-way leaves nothing
behind, and a retry starts clean. Tasks are written to be idempotent (an
email remembers it was sent, a reminder has a dedupe key, a fetch writes
nothing), because a job may run again after a worker dies.

With Redis, a failed job is tried again ``JOB_RETRIES`` times, then kept in
RQ's failed-job registry, which managers see at /admin/jobs. In-process, a
job runs right away (after the commit of the request that asked for it) and
is tried as often, with no wait between tries.
"""

import importlib
import logging
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from flask import Flask, current_app, has_app_context

from factcheck import logs

log = logging.getLogger(__name__)

_LOCAL_STATES = "factcheck.jobs.states"
_LOCAL_FAILED = "factcheck.jobs.failed"
_KEEP_LOCAL = 200  # finished in-process jobs remembered for their pages


def task(func: Callable) -> Callable:
    """Mark a function as a job the runner may call."""
    func.is_factcheck_task = True
    return func


def task_name(func: Callable) -> str:
    return f"{func.__module__}:{func.__qualname__}"


def _resolve(name: str) -> Callable:
    module, _, attr = name.partition(":")
    func = getattr(importlib.import_module(module), attr, None)
    if not getattr(func, "is_factcheck_task", False):
        raise LookupError(f"{name} is not a job")
    return func


@dataclass
class JobState:
    """What a page may show of a job."""

    id: str
    status: str  # queued, started, finished, failed
    progress: str = ""
    result: Any = None
    error: str = ""
    owner_id: int | None = None
    tries: int = 0

    @property
    def done(self) -> bool:
        return self.status in ("finished", "failed")

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    @property
    def activity(self) -> str:
        """What the job is doing, in words for its page."""
        if self.progress:
            return self.progress
        return "Waiting for a worker" if self.status == "queued" else "Working"


@dataclass
class FailedJob:
    id: str
    task: str
    error: str
    failed_at: datetime | None
    tries: int
    args: list = field(default_factory=list)


# --- running a job -----------------------------------------------------------------

_worker_app: Flask | None = None


def _app_for_worker() -> Flask:
    """The app a worker's jobs run in, made once per process."""
    global _worker_app
    if _worker_app is None:
        from factcheck import create_app

        _worker_app = create_app()
    return _worker_app


def run_task(name: str, args: list, kwargs: dict, request_id: str = "") -> Any:
    """Run one job in a fresh app context and session: commit on return,
    roll back on any error. This is what RQ calls."""
    app = current_app._get_current_object() if has_app_context() else _app_for_worker()
    from factcheck.extensions import db

    with app.app_context(), logs.request_id_bound(request_id or logs.new_request_id()):
        try:
            result = _resolve(name)(*args, **kwargs)
            db.session.commit()
            return result
        except BaseException:
            db.session.rollback()
            raise
        finally:
            db.session.remove()


def set_progress(text: str) -> None:
    """Say how far the running job has got (shown on its page)."""
    from rq import get_current_job

    job = get_current_job()
    if job is not None:
        job.meta["progress"] = text
        job.save_meta()
        return
    state = _local_current.get("state")
    if state is not None:
        state.progress = text


_local_current: dict[str, JobState] = {}


# --- enqueueing --------------------------------------------------------------------


def enqueue(
    func: Callable,
    *args: Any,
    job_id: str | None = None,
    owner_id: int | None = None,
    description: str = "",
    **kwargs: Any,
) -> str:
    """Run func(*args, **kwargs) as a job; returns the job id. A job id given
    twice while the first is still known runs once."""
    name = task_name(func)
    if not getattr(func, "is_factcheck_task", False):
        raise LookupError(f"{name} is not a job")
    request_id = logs.current_request_id()
    if current_app.config.get("REDIS_URL"):
        return _enqueue_rq(name, list(args), kwargs, job_id, owner_id, description, request_id)
    return _run_local(name, list(args), kwargs, job_id, owner_id, request_id)


def redis_connection():
    from redis import Redis

    extensions = current_app.extensions
    if "factcheck.redis" not in extensions:
        extensions["factcheck.redis"] = Redis.from_url(
            current_app.config["REDIS_URL"], socket_timeout=5, socket_connect_timeout=5
        )
    return extensions["factcheck.redis"]


def queue():
    from rq import Queue

    return Queue(current_app.config["JOB_QUEUE"], connection=redis_connection())


def _retry():
    from rq import Retry

    config = current_app.config
    if config["JOB_RETRIES"] <= 0:
        return None
    return Retry(max=config["JOB_RETRIES"], interval=config["JOB_RETRY_INTERVALS"] or 0)


def _enqueue_rq(name, args, kwargs, job_id, owner_id, description, request_id) -> str:
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    rq_queue = queue()
    if job_id is not None:
        try:
            existing = Job.fetch(job_id, connection=rq_queue.connection)
        except NoSuchJobError:
            existing = None
        if existing is not None and existing.get_status(refresh=False) != "failed":
            return job_id
    job = rq_queue.enqueue(
        run_task,
        args=(name, args, kwargs, request_id),
        job_id=job_id,
        retry=_retry(),
        job_timeout=current_app.config["JOB_TIMEOUT"],
        result_ttl=3600,
        failure_ttl=30 * 24 * 3600,
        description=description or name,
        meta={"owner_id": owner_id, "request_id": request_id, "task": name},
    )
    return job.id


def _local_store() -> OrderedDict:
    return current_app.extensions.setdefault(_LOCAL_STATES, OrderedDict())


def _run_local(name, args, kwargs, job_id, owner_id, request_id) -> str:
    import uuid

    job_id = job_id or uuid.uuid4().hex
    store = _local_store()
    if job_id in store and store[job_id].status != "failed":
        return job_id
    state = JobState(job_id, "started", owner_id=owner_id)
    store[job_id] = state
    while len(store) > _KEEP_LOCAL:
        store.popitem(last=False)
    tries = 1 + max(current_app.config["JOB_RETRIES"], 0)
    _local_current["state"] = state
    try:
        for attempt in range(1, tries + 1):
            state.tries = attempt
            try:
                state.result = run_task(name, args, kwargs, request_id)
            except Exception as err:
                log.warning("job %s (%s) failed, try %d of %d", job_id, name, attempt, tries)
                state.error = f"{type(err).__name__}: {err}"
            else:
                state.status, state.error = "finished", ""
                return job_id
        state.status = "failed"
        log.error("job %s (%s) failed: %s", job_id, name, state.error)
        current_app.extensions.setdefault(_LOCAL_FAILED, deque(maxlen=100)).appendleft(
            FailedJob(job_id, name, state.error, datetime.now(UTC), state.tries, args)
        )
        return job_id
    finally:
        _local_current.pop("state", None)


# --- reading jobs back -------------------------------------------------------------


def state(job_id: str) -> JobState | None:
    if not current_app.config.get("REDIS_URL"):
        return _local_store().get(job_id)
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        job = Job.fetch(job_id, connection=redis_connection())
    except NoSuchJobError:
        return None
    status = job.get_status(refresh=False)
    status = {"deferred": "queued", "scheduled": "queued", "stopped": "failed"}.get(status, status)
    return JobState(
        id=job.id,
        status=status or "queued",
        progress=job.meta.get("progress", ""),
        result=job.return_value() if status == "finished" else None,
        error=_last_line(job.exc_info) if status == "failed" else "",
        owner_id=job.meta.get("owner_id"),
    )


def _last_line(text: str | None) -> str:
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def failed_jobs(limit: int = 100) -> list[FailedJob]:
    if not current_app.config.get("REDIS_URL"):
        return list(current_app.extensions.get(_LOCAL_FAILED, ()))[:limit]
    from rq.job import Job

    registry = queue().failed_job_registry
    ids = registry.get_job_ids(0, limit - 1)
    jobs = []
    for job in Job.fetch_many(ids, connection=redis_connection()):
        if job is None:
            continue
        name, args = (job.args[0], job.args[1]) if len(job.args) >= 2 else (job.func_name, [])
        jobs.append(
            FailedJob(
                job.id,
                name,
                _last_line(job.exc_info),
                job.ended_at,
                current_app.config["JOB_RETRIES"] + 1,
                list(args),
            )
        )
    return jobs


def queue_figures() -> dict[str, int]:
    """Jobs waiting, running, scheduled for a retry and failed (for /metrics)."""
    if not current_app.config.get("REDIS_URL"):
        return {"failed": len(current_app.extensions.get(_LOCAL_FAILED, ()))}
    rq_queue = queue()
    return {
        "queued": rq_queue.count,
        "started": rq_queue.started_job_registry.count,
        "scheduled": rq_queue.scheduled_job_registry.count,
        "failed": rq_queue.failed_job_registry.count,
    }
