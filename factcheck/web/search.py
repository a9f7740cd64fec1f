"""/search: one box over articles, claims, evidence and sources."""

from flask import Blueprint, render_template, request
from markupsafe import Markup, escape

from factcheck.caching import cached_page
from factcheck.security import ANY_USER, access
from factcheck.services import search as search_service

bp = Blueprint("search", __name__)


def highlight(text: str, query: str) -> Markup:
    """Escape ``text`` and mark the words the query matched."""
    return Markup("").join(
        Markup("<mark>{}</mark>").format(piece) if hit else escape(piece)
        for piece, hit in search_service.highlight_spans(text or "", query)
    )


@bp.get("/search")
@access(ANY_USER)
@cached_page
def index():
    query = request.args.get("q", "").strip()[:200]
    results = search_service.search(query) if query else None
    return render_template(
        "search/index.html",
        query=query,
        results=results,
        highlight=highlight,
        excerpt=search_service.excerpt,
    )
