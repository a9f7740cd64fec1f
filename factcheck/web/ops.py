"""For the operator: liveness, readiness and Prometheus metrics.

/healthz says the process answers; /readyz says it can reach its database
and Redis (a load balancer sends traffic only while it is 200). /metrics is
not for the public: it answers only a request that bears METRICS_TOKEN
(``Authorization: Bearer …``), and is not there (404) when no token is set.
"""

import hmac
import logging
import os
import time

import sqlalchemy as sa
from flask import Blueprint, Flask, Response, abort, current_app, g, jsonify, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily

from factcheck import jobs
from factcheck.extensions import db
from factcheck.security import ANONYMOUS, access

bp = Blueprint("ops", __name__)
log = logging.getLogger(__name__)

# Under gunicorn each worker process writes its figures to
# PROMETHEUS_MULTIPROC_DIR (set by gunicorn.conf.py) and a scrape adds them up.
REQUEST_SECONDS = Histogram(
    "factcheck_request_seconds",
    "Time to answer a request, by endpoint",
    ["endpoint", "method"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


class JobQueueCollector:
    """Queue depth and failures, read from Redis at scrape time (true for
    every worker, however many)."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def collect(self):
        family = GaugeMetricFamily(
            "factcheck_jobs",
            "Background jobs by state (queued, started, scheduled, failed)",
            labels=["state"],
        )
        with self.app.app_context():
            try:
                figures = jobs.queue_figures()
            except Exception:  # Redis down: /readyz says so; metrics still answer
                log.warning("job queue figures unavailable", exc_info=True)
                figures = {}
        for state, count in figures.items():
            family.add_metric([state], count)
        yield family


@bp.get("/healthz")
@access(ANONYMOUS)
def healthz():
    return jsonify(status="ok")


def _check_database() -> str:
    try:
        db.session.execute(sa.text("SELECT 1"))
        return "ok"
    except sa.exc.SQLAlchemyError as err:
        log.warning("readiness: database unreachable: %s", err)
        return "unreachable"
    finally:
        db.session.rollback()


def _check_redis() -> str:
    if not current_app.config.get("REDIS_URL"):
        return "not used"
    try:
        jobs.redis_connection().ping()
        return "ok"
    except Exception as err:
        log.warning("readiness: redis unreachable: %s", err)
        return "unreachable"


@bp.get("/readyz")
@access(ANONYMOUS)
def readyz():
    checks = {"database": _check_database(), "redis": _check_redis()}
    ready = all(value in ("ok", "not used") for value in checks.values())
    return jsonify(status="ready" if ready else "not ready", **checks), 200 if ready else 503


def _token_matches() -> bool:
    token = current_app.config.get("METRICS_TOKEN") or ""
    given = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


@bp.get("/metrics")
@access(ANONYMOUS)  # not public: the bearer token is checked below
def metrics():
    if not current_app.config.get("METRICS_TOKEN"):
        abort(404)
    if not _token_matches():
        return Response("Send the metrics token.\n", 401, {"WWW-Authenticate": "Bearer"})
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(REQUEST_SECONDS)
    registry.register(JobQueueCollector(current_app._get_current_object()))
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)


def _start_timer() -> None:
    g.request_started = time.perf_counter()


def _observe(response):
    started = g.pop("request_started", None)
    if started is not None:
        REQUEST_SECONDS.labels(request.endpoint or "unmatched", request.method).observe(
            time.perf_counter() - started
        )
    return response


def init_app(app: Flask) -> None:
    app.before_request(_start_timer)
    app.after_request(_observe)
