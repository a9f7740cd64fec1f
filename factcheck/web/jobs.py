"""Background jobs that failed, for managers (each after its last try)."""

from flask import Blueprint, current_app, render_template

from factcheck import jobs
from factcheck.security import MANAGER, access

bp = Blueprint("jobs", __name__, url_prefix="/admin/jobs")


@bp.get("")
@access(MANAGER)
def failed():
    return render_template(
        "jobs/failed.html",
        failed=jobs.failed_jobs(),
        figures=jobs.queue_figures(),
        on_queue=bool(current_app.config.get("REDIS_URL")),
    )
