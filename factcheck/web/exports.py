"""Downloads and the printable report of how an article was checked."""

import json
import re

from flask import Blueprint, Response, abort, current_app, render_template, url_for

from factcheck.caching import cached_page
from factcheck.exports import claimreview_items, claims_csv
from factcheck.models import Article
from factcheck.security import ANY_USER, access
from factcheck.services import loading, ratings

bp = Blueprint("exports", __name__, url_prefix="/articles")


def _filename(article: Article, suffix: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", article.title.lower()).strip("-")[:60] or "article"
    return f"{article.id}-{slug}.{suffix}"


def public_url(endpoint: str, **values) -> str:
    """Where readers reach a page: under PUBLIC_BASE_URL when it is set,
    not the address the desk is served on behind its proxy."""
    base = current_app.config["PUBLIC_BASE_URL"]
    if not base:
        return url_for(endpoint, _external=True, **values)
    return base.rstrip("/") + url_for(endpoint, **values)


def _found(article: Article | None) -> Article:
    if article is None:
        abort(404)
    return article


@bp.get("/<int:article_id>/claimreview.json")
@access(ANY_USER)
@cached_page
def claimreview(article_id: int):
    article = _found(loading.article_for_page(article_id))
    items = claimreview_items(
        article,
        current_app.config["NEWSROOM_NAME"],
        public_url("articles.show", article_id=article.id),
        ratings.scale(include_retired=True),
    )
    return Response(
        json.dumps(items, ensure_ascii=False, indent=2),
        mimetype="application/ld+json",
        headers={"Content-Disposition": f"attachment; filename={_filename(article, 'json')}"},
    )


@bp.get("/<int:article_id>/claims.csv")
@access(ANY_USER)
@cached_page
def csv_export(article_id: int):
    article = _found(loading.article_for_report(article_id))
    return Response(
        claims_csv(article),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={_filename(article, 'csv')}"},
    )


@bp.get("/<int:article_id>/report")
@access(ANY_USER)
@cached_page
def report(article_id: int):
    article = _found(loading.article_for_report(article_id))
    return render_template("exports/report.html", article=article, history=loading.history(article))
