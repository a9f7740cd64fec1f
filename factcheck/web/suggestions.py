"""Suggested claims for an article: review them a page at a time, accept,
dismiss, bring back. Every form works without JavaScript (it redirects back
to where the editor was); the page's script posts the same forms and asks for
JSON, so the list updates in place."""

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from factcheck.extensions import db
from factcheck.models import Article
from factcheck.security import EDITOR, access
from factcheck.services import suggestions
from factcheck.services.errors import ValidationFailed
from factcheck.web.rendering import article_paragraphs

bp = Blueprint("suggestions", __name__, url_prefix="/articles/<int:article_id>/suggestions")

PER_PAGE = 50


def _page_number() -> int:
    try:
        return max(1, int(request.args.get("page", 1)))
    except ValueError:
        return 1


@bp.get("")
@access(EDITOR)
def index(article_id: int):
    article = db.get_or_404(Article, article_id)
    review = suggestions.review(article)
    pages = max(1, -(-len(review.pending) // PER_PAGE))
    page = min(_page_number(), pages)
    first = (page - 1) * PER_PAGE
    return render_template(
        "suggestions/index.html",
        article=article,
        suggestions=review.pending[first : first + PER_PAGE],
        total=len(review.pending),
        first=first,
        page=page,
        pages=pages,
        dismissed=review.dismissed,
        show_dismissed=request.args.get("dismissed") == "1",
        key=suggestions.suggestion_key,
        source_status=suggestions.source_status,
        paragraphs=article_paragraphs(article, article.active_claims),
        form=FlaskForm(),
    )


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


def _done(article: Article, message: str, category: str, show_dismissed=False, **extra):
    """JSON for the page's script; otherwise a flash and back to the same
    page of the list (``next`` names the suggestion to land on)."""
    if _wants_json():
        return jsonify(message=message, category=category, **extra)
    flash(message, category)
    page = request.form.get("page", type=int) or 1
    anchor = request.form.get("next", "")
    target = url_for("suggestions.index", article_id=article.id, page=page if page > 1 else None)
    if show_dismissed:
        target = url_for("suggestions.index", article_id=article.id, dismissed=1)
    return redirect(target + (f"#{anchor}" if anchor.startswith("s-") else ""))


def _checked_form(article: Article):
    if FlaskForm().validate_on_submit():
        return None
    if _wants_json():
        return jsonify(error="Bad request", message="The form expired; reload the page."), 400
    flash("The form expired; try again.", "error")
    return redirect(url_for("suggestions.index", article_id=article.id))


def _key() -> str:
    key = request.form.get("key", "").strip()
    if not key:
        raise ValidationFailed("Choose a suggestion.", field="key")
    return key


@bp.post("/accept")
@access(EDITOR)
def accept(article_id: int):
    article = db.get_or_404(Article, article_id)
    if refused := _checked_form(article):
        return refused
    claim = suggestions.accept(article, current_user, _key())
    message = "Suggestion accepted as a claim."
    if to_confirm := [m.text for m in claim.mentions if m.is_proposed]:
        names = ", ".join(f"“{name}”" for name in to_confirm)
        message += f" New names to confirm on claim #{claim.id}: {names}."
    return _done(article, message, "success", claim_id=claim.id)


@bp.post("/dismiss")
@access(EDITOR)
def dismiss(article_id: int):
    article = db.get_or_404(Article, article_id)
    if refused := _checked_form(article):
        return refused
    suggestions.dismiss(article, current_user, _key())
    return _done(article, "Suggestion dismissed for everyone on the desk.", "info")


@bp.post("/restore")
@access(EDITOR)
def restore(article_id: int):
    article = db.get_or_404(Article, article_id)
    if refused := _checked_form(article):
        return refused
    restored = suggestions.restore(article, current_user, _key())
    if restored:
        return _done(article, "Suggestion brought back.", "success", show_dismissed=True)
    return _done(article, "It was already brought back.", "info", show_dismissed=True)


@bp.post("/accept-all")
@access(EDITOR)
def accept_all(article_id: int):
    article = db.get_or_404(Article, article_id)
    if refused := _checked_form(article):
        return refused
    accepted = suggestions.accept_all(article, current_user)
    flash(f"{len(accepted)} suggestion(s) accepted as claims.", "success")
    return redirect(url_for("suggestions.index", article_id=article.id))
