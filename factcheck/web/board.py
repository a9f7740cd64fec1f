"""The newsroom board and the activity log."""

from flask import Blueprint, render_template, request

from factcheck.extensions import db
from factcheck.models import ArticleStatus
from factcheck.models.base import utcnow
from factcheck.security import EDITOR, MANAGER, access
from factcheck.services import board

bp = Blueprint("board", __name__)


@bp.get("/board")
@access(EDITOR)
def index():
    now = utcnow()
    filters = board.BoardFilters.from_args(request.args)
    page = board.board_page(filters, request.args.get("page", 1, type=int), now)
    per_day = board.approvals_per_day(30, now)
    return render_template(
        "board/index.html",
        rows=page.rows,
        page=page,
        filters=filters,
        desks=board.desks(),
        checkers=board.checkers(),
        statuses=board.UNPUBLISHED,
        windows=board.WINDOWS,
        sorts=board.SORTS,
        workload=board.workload(now),
        chart=board.approvals_chart(per_day),
        median=board.format_duration(board.median_assignment_to_approval(30, now)),
        colours=board.BAR_COLOURS,
        now=now,
    )


@bp.get("/activity")
@access(MANAGER)
def activity():
    person = request.args.get("person", "")
    action = request.args.get("action", "").strip()
    actor_id = int(person) if person.isdigit() else None
    page = db.paginate(board.activity_query(actor_id, action), per_page=50)
    actions = board.activity_actions()
    families = sorted({a.split(".")[0] for a in actions})
    return render_template(
        "board/activity.html",
        page=page,
        titles=board.article_titles({e.article_id for e in page.items}),
        people=board.activity_people(),
        actions=actions,
        families=families,
        person=actor_id,
        action=action,
        statuses=ArticleStatus,
    )
