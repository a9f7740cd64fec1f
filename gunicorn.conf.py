"""gunicorn settings for Factcheck desk (`make serve`, or
`gunicorn -c gunicorn.conf.py`). Each can be changed from the environment.

Graceful restart (new code or settings, no dropped request): send the master
SIGHUP (`kill -HUP $(cat $GUNICORN_PIDFILE)`); SIGTERM stops it after the
requests in flight finish (up to graceful_timeout seconds).
"""

import os
import shutil
import tempfile
from pathlib import Path

wsgi_app = "factcheck:create_app()"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# Long work (link fetches, exports, backups) runs as background jobs, so a
# request that takes this long is stuck: the worker is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Workers are replaced after this many requests (staggered), so a slow leak
# never grows unbounded.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
pidfile = os.environ.get("GUNICORN_PIDFILE") or None

# gunicorn 23+ opens a control socket in the home folder by default; two
# servers on one machine would fight over it, and nothing here uses it.
control_socket_disable = True

# Access log: one JSON object a line on stdout, with the request id the app
# sends back (X-Request-ID), so a log line meets the app's own lines.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
access_log_format = (
    '{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", '
    '"query": "%(q)s", "status": %(s)s, "bytes": "%(B)s", "seconds": %(L)s, '
    '"request_id": "%({x-request-id}o)s", "agent": "%(a)s"}'
)

# gunicorn's own messages (start, worker boot and exit, timeouts) as JSON
# lines too, like the app's, unless LOG_FORMAT=text.
_production = os.environ.get("FACTCHECK_CONFIG") == "production"
if os.environ.get("LOG_FORMAT", "json" if _production else "text") == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "factcheck.logs.JsonFormatter"},
            "line": {"format": "%(message)s"},  # the access log's lines are JSON already
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "line",
                "stream": "ext://sys.stdout",
            },
            "error_console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            },
        },
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
        },
    }

# Garbage collection. The app's own objects (routes, templates, SQLAlchemy's
# mappers and compiled statements: some 160,000) never become garbage, yet
# every full collection walked them all, and a page that builds thousands of
# rows (an article's claims, a report) set off dozens of young collections:
# at a year of data a report spent about 50 ms of its time collecting.
# Frozen once the worker has loaded the app, and young collections rarer
# (reference counting frees nearly everything; only cycles wait for these).
GC_THRESHOLD = tuple(
    int(n) for n in os.environ.get("GUNICORN_GC_THRESHOLD", "50000,20,20").split(",")
)


def post_worker_init(worker) -> None:
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


# Prometheus: each worker process writes its figures to a shared folder that
# /metrics adds up. It must be set before the app (and prometheus_client) is
# imported, so here, in the master.
_metrics_folder_is_ours = not os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if _metrics_folder_is_ours:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="factcheck-metrics-")


def on_starting(server) -> None:
    """Figures from a previous run of this server are not this run's."""
    folder = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)


def on_exit(server) -> None:
    if _metrics_folder_is_ours:
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)


def child_exit(server, worker) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
