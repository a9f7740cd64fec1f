"""Who may use each route, one transaction per request, login wiring, error
pages and security headers.

Every view declares its audience with ``@access(...)``. A request to a view
without a declaration is refused, so a forgotten declaration fails closed.
The same decorator commits once after the view returns and rolls back when
anything raises (services flush, the request commits); exceptions become
HTTP statuses by their type in the error handlers below.
"""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from flask import (
    Flask,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm.exc import StaleDataError

from factcheck.extensions import db, login_manager
from factcheck.models import Role
from factcheck.services import users
from factcheck.services.errors import ServiceError, StaleEdit
from factcheck.services.guesses import TooManyGuesses
from factcheck.workflow import WorkflowError

ANONYMOUS = "anonymous"
ANY_USER = "user"
CHECKER, EDITOR, MANAGER = (r.value for r in Role)
LEVELS = (ANONYMOUS, ANY_USER, *[r.value for r in Role])


def access(level: str) -> Callable:
    """Declare who may use a view: anonymous, user, checker, editor or manager.

    Object-level rules (the assigned checker, four eyes) are checked by the
    workflow after the object is loaded.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown access level {level}")

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args, **kwargs):
            if level != ANONYMOUS and not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not _admits(level):
                abort(403, description=f"This page is for the {level} role.")
            return in_one_transaction(view, *args, **kwargs)

        guarded.access = level
        return guarded

    return decorator


def _admits(level: str) -> bool:
    if level == ANONYMOUS:
        return True
    if not current_user.is_authenticated:
        return False
    return level == ANY_USER or current_user.has_role(Role(level))


def may_visit(endpoint: str) -> bool:
    """Whether the current user passes the route's ``@access`` declaration:
    templates ask it before showing a link, so a link shows only to those
    the route admits."""
    level = access_level(current_app, endpoint)
    return level is not None and _admits(level)


def in_one_transaction(view: Callable, *args, **kwargs):
    """Run the view, then commit: its response (a redirect saying "saved")
    leaves only once the change is stored. On any exception, the commit's
    included, roll back and forget what the view flashed, so a failure never
    shows success; the error handlers then answer by the exception's type."""
    flashed = list(session.get("_flashes", ()))
    try:
        response = view(*args, **kwargs)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        if session.get("_flashes", []) != flashed:
            session["_flashes"] = flashed
        raise
    return response


def access_level(app: Flask, endpoint: str) -> str | None:
    if endpoint == "static" or endpoint.endswith(".static"):
        return ANONYMOUS
    return getattr(app.view_functions.get(endpoint), "access", None)


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def _set_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if response.mimetype == "text/html":
        headers.setdefault("Cache-Control", "no-store")
    return response


def _refuse_undeclared():
    if request.endpoint and access_level(current_app, request.endpoint) is None:
        abort(403, description="This route has no access declaration.")


def wants_json() -> bool:
    return request.path.startswith("/api/")


def _unauthorized():
    if wants_json():
        return jsonify(error="Unauthorized", message="Send a valid bearer token."), 401
    flash(login_manager.login_message, login_manager.login_message_category)
    return redirect(url_for(login_manager.login_view, next=request.full_path.rstrip("?")))


def _error_page(status: int, title: str, message: str, field: str | None = None):
    if wants_json():
        body = {"error": title, "message": message}
        if field:
            body["field"] = field
        return jsonify(body), status
    return render_template(
        "errors/error.html", status=status, title=title, message=message, back=_same_site_back()
    ), status


def _same_site_back() -> str | None:
    """The page the visitor came from, as a path on this site; None when the
    Referer names another site (the "Go back" link never leads off the desk)."""
    try:
        came_from = urlsplit(request.referrer or "")
    except ValueError:
        return None
    here = urlsplit(request.host_url)
    if (came_from.scheme, came_from.netloc) != (here.scheme, here.netloc):
        return None
    path = came_from.path or "/"
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return None
    return path + (f"?{came_from.query}" if came_from.query else "")


def init_app(app: Flask) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to continue."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    login_manager.user_loader(users.load_session_user)
    login_manager.unauthorized_handler(_unauthorized)

    app.before_request(_refuse_undeclared)
    app.after_request(_set_security_headers)

    @app.errorhandler(WorkflowError)
    def workflow_error(err: WorkflowError):
        title = "Not allowed" if err.http_status == 403 else "Not possible now"
        return _error_page(err.http_status, title, str(err))

    @app.errorhandler(ServiceError)
    def service_error(err: ServiceError):
        title = "Changed by someone else" if isinstance(err, StaleEdit) else "Not saved"
        return _error_page(err.http_status, title, str(err), getattr(err, "field", None))

    @app.errorhandler(TooManyGuesses)
    def too_many_guesses(err: TooManyGuesses):
        body, status = _error_page(429, "Too many attempts", str(err))
        return body, status, {"Retry-After": str(err.retry_after)}

    @app.errorhandler(sa_exc.DataError)
    def unstorable(_err):
        # e.g. a NUL character, which PostgreSQL cannot store in text
        return _error_page(400, "Not saved", "The input contains characters that cannot be stored.")

    @app.errorhandler(sa_exc.IntegrityError)
    def done_at_the_same_time(_err):
        # A unique key refused a second copy (two requests at once): the
        # services make most of these idempotent; any other is a conflict.
        return _error_page(
            409,
            "Changed by someone else",
            "Someone did the same at the same moment; nothing was saved twice. Reload to see it.",
        )

    @app.errorhandler(StaleDataError)
    def stale_data(_err):
        return _error_page(409, "Changed by someone else", str(StaleEdit()))

    @app.errorhandler(413)
    def too_large(_err):
        from factcheck.services.evidence import human_size

        limit = human_size(app.config["MAX_CONTENT_LENGTH"])
        return _error_page(
            413, "Too large", f"The upload is larger than {limit}. Nothing was saved."
        )

    for status, title in (
        (400, "Bad request"),
        (403, "Not allowed"),
        (404, "Not found"),
        (405, "Method not allowed"),
        (410, "Gone"),
        (429, "Too many attempts"),
    ):
        app.register_error_handler(
            status,
            lambda err, status=status, title=title: _error_page(status, title, err.description),
        )

    @app.errorhandler(500)
    def server_error(_err):
        return _error_page(
            500,
            "Something went wrong",
            "The change was not saved. Try again, or tell the desk admin.",
        )
