"""/search: one box over articles, claims, evidence and sources."""

from flask import Blueprint, render_template, request
from markupsafe import Markup, escape

from factcheck.caching import cached_page
from factcheck.security import ANY_USER, access
from factcheck.services import search as search_service
from factcheck.services import whole_number
from factcheck.services.errors import ValidationFailed

bp = Blueprint("search", __name__)


def highlight(text: str, query: str) -> Markup:
    """Escape ``text`` and mark the words the query matched."""
    return Markup(
        "".join(
            f"<mark>{escape(piece)}</mark>" if hit else escape(piece)
            for piece, hit in search_service.highlight_spans(text or "", query)
        )
    )


@bp.get("/search")
@access(ANY_USER)
@cached_page
def index():
    query = request.args.get("q", "").strip()[:200]
    kind = request.args.get("kind") or None
    if kind is not None and kind not in search_service.NEWEST_FIRST:
        raise ValidationFailed("kind: choose articles, claims or evidence.", field="kind")
    before = None
    if "before" in request.args:
        before = whole_number(request.args["before"])
        if not before:
            raise ValidationFailed(
                "before: older matches start below a row number.", field="before"
            )
    results = search_service.search(query, kind=kind, before=before) if query else None
    return render_template(
        "search/index.html",
        query=query,
        results=results,
        highlight=highlight,
        excerpt=search_service.excerpt,
    )
