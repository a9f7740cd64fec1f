"""Logging: one JSON object a line in production, each carrying the id of
the request it belongs to; a job carries the id of the request that asked
for it, so one id follows a click into the worker.

A request id comes from the proxy's ``X-Request-ID`` header when it is a
sane token, or is made here; it is sent back in the response header.
"""

import contextlib
import json
import logging
import re
import sys
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import UTC, datetime

from flask import Flask, g, request

_request_id: ContextVar[str] = ContextVar("factcheck_request_id", default="")
_SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
HEADER = "X-Request-ID"


def new_request_id() -> str:
    return uuid.uuid4().hex


def current_request_id() -> str:
    return _request_id.get()


@contextlib.contextmanager
def request_id_bound(request_id: str) -> Iterator[None]:
    token = _request_id.set(request_id)
    try:
        yield
    finally:
        _request_id.reset(token)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """time, level, logger, message, request_id, and the traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or _request_id.get(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def configure(log_format: str, level: str = "INFO") -> None:
    """Send the root logger to stderr in the chosen format (once per process)."""
    root = logging.getLogger()
    if any(getattr(h, "is_factcheck", False) for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.is_factcheck = True
    handler.addFilter(RequestIdFilter())
    json_lines = log_format == "json"
    handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter(TEXT_FORMAT))
    root.addHandler(handler)
    root.setLevel(level.upper())


def _bind_request_id() -> None:
    incoming = request.headers.get(HEADER, "")
    g.request_id = incoming if _SANE_ID.match(incoming) else new_request_id()
    g.request_id_token = _request_id.set(g.request_id)


def _send_request_id(response):
    if "request_id" in g:
        response.headers[HEADER] = g.request_id
    return response


def _unbind_request_id(_exc) -> None:
    token = g.pop("request_id_token", None)
    if token is not None:
        with contextlib.suppress(ValueError):
            _request_id.reset(token)


def init_app(app: Flask) -> None:
    if not app.testing:
        configure(app.config.get("LOG_FORMAT", "text"), app.config.get("LOG_LEVEL", "INFO"))
    app.before_request(_bind_request_id)
    app.after_request(_send_request_id)
    app.teardown_request(_unbind_request_id)
