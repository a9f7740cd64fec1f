"""Busy pages kept ready between changes, in Redis where every server sees them.

At a year of newsroom data the board, the article page or a report takes
tens of milliseconds to build, and most views of it follow no change at
all. A page marked ``@cached_page`` is kept, once built, under a key made of:

- the newsroom's data version, a counter in Redis that goes up after every
  commit that wrote anything a page shows (the session events below), so
  a change is on every page at once, on every server;
- the person and their session (pages differ by role and carry the
  session's CSRF token), and the full path with its query;
- the release: the code and templates that built the page, so after a
  deploy (or beside a server not yet upgraded) no page made by other code
  is served.

The version is read when the request starts, before it reads anything from
the database: a page is kept under a version no newer than the data it was
built from (read later, a change committed meanwhile would be missing from a
page kept under the version that announced it). A person keeps at most
``PAGE_CACHE_BYTES_PER_PERSON`` of pages a minute (query-string variants
are endless, a page of a long article weighs a megabyte, and Redis also
holds the job queue), beyond which pages are built and not kept.

A kept page lives a minute at most, so times on it ("due in 2 h", "overdue")
are at most a minute old, and even a commit whose counter bump was lost (a
crash between the two) is forgotten quickly. A rolled-back write may bump
the counter too: a page built again for nothing, never a stale one. Pages
with a message waiting to be shown, streamed downloads and anything but a
200 are never kept. The cache runs only with ``REDIS_URL`` (the production
stack): with several servers an in-process copy could not see the others'
changes. ``PAGE_CACHE = False`` turns it off.
"""

import hashlib
import json
import logging
import time
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path

from flask import Flask, Response, current_app, g, has_app_context, request, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from redis.exceptions import RedisError
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

from factcheck.security import wants_json

log = logging.getLogger(__name__)

LIFETIME = 60  # seconds a kept page may be served
VERSION_KEY = "version"
# Tables whose rows no kept page shows: writing them (a login, a token's
# "last used", a prepared export and its file) must not throw every kept
# page away. (An uploaded file is written with its evidence row, which is shown.)
UNSHOWN_TABLES = frozenset(
    {"user_sessions", "api_tokens", "data_exports", "stored_files", "stored_file_parts"}
)
_KEPT_HEADERS = ("Content-Disposition", "X-Row-Count")
_WROTE = "factcheck_page_cache_wrote"


def enabled() -> bool:
    config = current_app.config
    return bool(config.get("REDIS_URL")) and config.get("PAGE_CACHE", True)


def _redis():
    from factcheck.jobs import redis_connection

    return redis_connection()


def _prefix() -> str:
    return current_app.config.get("PAGE_CACHE_PREFIX", "factcheck:pages:")


def data_version() -> int:
    return int(_redis().get(_prefix() + VERSION_KEY) or 0)


def newsroom_changed() -> None:
    """Every kept page is out of date: the next view of each builds it anew."""
    _redis().incr(_prefix() + VERSION_KEY)


def note_written(session: Session) -> None:
    """The session wrote outside the ORM (a raw cursor, bulk seeding): its
    commit makes every kept page out of date like any other write."""
    session.info[_WROTE] = True


def init_app(app: Flask) -> None:
    app.before_request(_read_version_first)


_VERSION_AT_START = "page_cache_version"


# After Redis fails (refused, or a timeout: each try waits up to the
# connection's 5 s), this server builds its pages without asking it for
# PAUSE seconds, instead of making every busy page wait on it. Commits still
# try to bump the version: other servers may reach Redis.
PAUSE = 30
_PAUSED_UNTIL = "factcheck.page_cache_paused_until"


def _paused() -> bool:
    return time.monotonic() < current_app.extensions.get(_PAUSED_UNTIL, 0.0)


def _unreachable(error: RedisError, consequence: str) -> None:
    log.warning("page cache unreachable, %s: %s", consequence, error)
    current_app.extensions[_PAUSED_UNTIL] = time.monotonic() + PAUSE


def _read_version_first() -> None:
    """For a kept page's route, the data version as the request starts (the
    first thing it reads: no row this request reads can be older)."""
    view = current_app.view_functions.get(request.endpoint or "")
    if not getattr(view, "kept_page", False) or not enabled() or _paused():
        return
    try:
        setattr(g, _VERSION_AT_START, data_version())
    except RedisError as error:
        _unreachable(error, "building the page")


def _page_key() -> str | None:
    """The page's key, or None when it is not to be kept."""
    person = f"user {current_user.get_id()}"
    if not wants_json():
        # The page's forms carry a token signed from this session's secret
        # (made now if the session has none); the signature changes each
        # second, the secret does not.
        generate_csrf()
        secret = session.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"))
        if not secret:
            return None
        person += " session " + hashlib.sha256(secret.encode()).hexdigest()[:16]
    version = g.pop(_VERSION_AT_START, None)
    if version is None:  # not read before the request read the database
        return None
    built_by = release(current_app.root_path, current_app.template_folder)
    what = hashlib.sha256(f"{built_by} {person} {request.full_path}".encode()).hexdigest()
    return f"{_prefix()}{version}:{what}"


@cache
def release(package: str, templates: str) -> str:
    """The running code and templates, by content (the same on every server
    of one deploy, whenever its files were written): read once a process."""
    digest = hashlib.sha256()
    for folder in (Path(package), Path(templates)):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".html") and path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _may_keep(size: int) -> bool:
    """Whether a page of ``size`` bytes fits this person's allowance for the
    minute (counted per account, whatever the session or token)."""
    counter = f"{_prefix()}kept-by:{getattr(current_user, 'id', None)}"
    pipe = _redis().pipeline(transaction=False)
    pipe.set(counter, 0, ex=LIFETIME, nx=True)
    pipe.incrby(counter, size)
    kept = pipe.execute()[1]
    return kept <= current_app.config["PAGE_CACHE_BYTES_PER_PERSON"]


def _freeze(response: Response) -> bytes:
    meta = {
        "mimetype": response.mimetype,
        "headers": {h: response.headers[h] for h in _KEPT_HEADERS if h in response.headers},
    }
    return json.dumps(meta).encode() + b"\n" + response.get_data()


def _thaw(kept: bytes) -> Response:
    meta, body = kept.split(b"\n", 1)
    meta = json.loads(meta)
    return Response(body, mimetype=meta["mimetype"], headers=meta["headers"])


def cached_page(view: Callable) -> Callable:
    """Serve the page from the cache when nothing changed since it was built.
    Goes below ``@access``: who may see the page is checked first, every time."""

    @wraps(view)
    def serve(*args, **kwargs):
        if not enabled() or session.get("_flashes"):
            return view(*args, **kwargs)
        try:
            key = _page_key()
            kept = _redis().get(key) if key else None
        except RedisError as error:
            _unreachable(error, "building the page")
            return view(*args, **kwargs)
        if key is None:
            return view(*args, **kwargs)
        if kept is not None:
            return _thaw(kept)
        response = current_app.make_response(view(*args, **kwargs))
        if response.status_code == 200 and not response.is_streamed:
            try:
                frozen = _freeze(response)
                if _may_keep(len(frozen)):
                    _redis().set(key, frozen, ex=LIFETIME)
            except RedisError as error:
                _unreachable(error, "page not kept")
        return response

    serve.kept_page = True  # its version is read as the request starts
    return serve


@event.listens_for(Session, "after_flush")
def _note_flushed_changes(session: Session, _context) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        if getattr(obj, "__tablename__", None) not in UNSHOWN_TABLES:
            session.info[_WROTE] = True
            return


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_changes(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if getattr(table, "name", None) not in UNSHOWN_TABLES:
            state.session.info[_WROTE] = True


@event.listens_for(Session, "after_commit")
def _bump_version_after_commit(session: Session) -> None:
    if session.info.pop(_WROTE, False) and has_app_context() and enabled():
        try:
            newsroom_changed()
        except RedisError as error:
            _unreachable(error, "kept pages expire within a minute")
