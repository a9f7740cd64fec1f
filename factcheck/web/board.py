"""The newsroom board and the activity log."""

from flask import Blueprint, render_template, request

from factcheck.caching import cached_page
from factcheck.models import ArticleStatus
from factcheck.models.base import utcnow
from factcheck.security import EDITOR, MANAGER, access
from factcheck.services import activity as trail
from factcheck.services import board, whole_number
from factcheck.web import charts
from factcheck.web.forms import ConfirmForm

bp = Blueprint("board", __name__)


@bp.get("/board")
@access(EDITOR)
@cached_page
def index():
    now = utcnow()
    filters = board.BoardFilters.from_args(request.args)
    page = board.board_page(filters, whole_number(request.args.get("page")) or 1, now)
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
        bars={row.article.id: charts.claim_bar(row.counts) for row in page.rows},
        chart=charts.approvals_chart(per_day),
        median=charts.format_duration(board.median_assignment_to_approval(30, now)),
        colours=charts.BAR_COLOURS,
        now=now,
    )


def _activity_filters() -> tuple[int | None, str]:
    person = whole_number(request.args.get("person"))
    return person, request.args.get("action", "").strip()


@bp.get("/activity")
@access(MANAGER)
@cached_page
def activity():
    actor_id, action = _activity_filters()
    page = trail.activity_page(
        trail.activity_query(actor_id, action), whole_number(request.args.get("page")) or 1
    )
    actions = trail.activity_actions()
    families = sorted({a.split(".")[0] for a in actions})
    return render_template(
        "board/activity.html",
        page=page,
        titles=trail.article_titles({e.article_id for e in page.items}),
        people=trail.activity_people(),
        actions=actions,
        families=families,
        person=actor_id,
        action=action,
        statuses=ArticleStatus,
        export_form=ConfirmForm(),
    )
