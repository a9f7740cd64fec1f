"""Exports prepared in the background (managers): the activity trail and
every claim as CSV. Asking queues a job; its page shows how far it has got,
then offers the file. Any manager may download any prepared export."""

from flask import (
    Blueprint,
    Response,
    abort,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_login import current_user

from factcheck import jobs
from factcheck.security import MANAGER, access
from factcheck.services import exports
from factcheck.services.evidence import human_size
from factcheck.web.forms import ConfirmForm

bp = Blueprint("prepared", __name__, url_prefix="/exports")


def _confirmed() -> None:
    if not ConfirmForm().validate_on_submit():
        abort(400, description="The form expired: reload the page and try again.")


def _started(token: str):
    return redirect(url_for("prepared.status", token=token), code=303)


@bp.get("")
@access(MANAGER)
def index():
    prepared = exports.recent()
    return render_template(
        "exports/index.html",
        prepared=prepared,
        filters={e.id: exports.filters_in_words(e) for e in prepared},
        form=ConfirmForm(),
    )


@bp.post("/activity")
@access(MANAGER)
def activity():
    """The activity trail for the page's filters, as it stands now."""
    _confirmed()
    filters = exports.activity_filters(request.form.get("person"), request.form.get("action"))
    return _started(exports.request_export(exports.ACTIVITY, filters, current_user))


@bp.post("/claims")
@access(MANAGER)
def claims():
    """Every claim of the newsroom, as they stand now."""
    _confirmed()
    return _started(exports.request_export(exports.CLAIMS, {}, current_user))


@bp.get("/<token>")
@access(MANAGER)
def status(token: str):
    export = exports.find(token)
    if export is not None:
        return render_template(
            "exports/status.html",
            export=export,
            state=None,
            filters=exports.filters_in_words(export),
            size=human_size(export.size),
        )
    state = jobs.state(exports.job_id(token)) if exports.valid_token(token) else None
    if state is None or state.status == "finished":  # unknown, or done and since expired
        abort(404, description="No such export: it may have expired. Prepare it again.")
    return render_template("exports/status.html", export=None, state=state, token=token)


@bp.get("/<token>/download")
@access(MANAGER)
def download(token: str):
    export = exports.find(token)
    if export is None:
        abort(404, description="No such export: it may have expired. Prepare it again.")
    try:
        parts = exports.open_file(export)
    except FileNotFoundError:
        abort(410, description="The file is gone. Prepare the export again.")
    exports.record_download(export, current_user)
    return Response(
        stream_with_context(parts),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f"attachment; filename={export.filename}",
            # What a whole file holds: a client can tell a cut-off download.
            "Content-Length": str(export.size),
            "X-Row-Count": str(export.rows),
            "Cache-Control": "private, no-store",
        },
    )
