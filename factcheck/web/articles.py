import secrets

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm import load_only
from wtforms import SelectChoice

from factcheck import workflow
from factcheck.caching import cached_page
from factcheck.extensions import db
from factcheck.extraction import restore_lines
from factcheck.models import (
    Article,
    ArticleStatus,
    Claim,
    User,
)
from factcheck.security import ANY_USER, EDITOR, access
from factcheck.services import articles, blockers, claims, loading, whole_number
from factcheck.services import sources as source_registry
from factcheck.web.forms import ActionForm, ArticleForm, Attempt, BulkAssignForm, ClaimForm
from factcheck.web.rendering import article_paragraphs, checker_choices, warn_if_past_due

bp = Blueprint("articles", __name__, url_prefix="/articles")


@bp.get("/")
@access(ANY_USER)
@cached_page
def index():
    status = request.args.get("status", "")
    query = (
        sa.select(Article)
        .options(
            load_only(Article.id, Article.title, Article.desk, Article.status, Article.deadline)
        )
        .order_by(Article.deadline.is_(None), Article.deadline, Article.id.desc())
    )
    if status in {s.value for s in ArticleStatus}:
        query = query.where(Article.status == ArticleStatus(status))
    page = db.paginate(query, page=whole_number(request.args.get("page")) or 1, per_page=50)
    counted = blockers.tallies([a.id for a in page.items])
    return render_template(
        "articles/index.html",
        page=page,
        status=status,
        statuses=list(ArticleStatus),
        claim_counts={i: sum(t.counts.values()) for i, t in counted.items()},
        blocked=blockers.blockers_for([a.id for a in page.items], counted=counted),
    )


@bp.route("/new", methods=["GET", "POST"])
@access(EDITOR)
def new():
    form = ArticleForm()
    if request.method == "GET":
        form.import_key.data = secrets.token_urlsafe(24)
    attempt = Attempt(form)
    if form.validate_on_submit():
        if form.import_key.data and (done := articles.already_imported(form.import_key.data)):
            flash("This article was already imported: here it is.", "info")
            return redirect(url_for("articles.show", article_id=done.id))
        with attempt:
            # Lines of site furniture the editor kept on the preview go back where they stood.
            body = restore_lines(form.body.data, request.form.getlist("restore"))
            article = articles.create_article(
                current_user,
                title=form.title.data or "",
                body=body,
                byline=form.byline.data or "",
                dateline=form.dateline.data or "",
                desk=form.desk.data or "",
                source_url=form.source_url.data or "",
                deadline=form.deadline.data,
                import_key=form.import_key.data or "",
            )
        if not attempt.refused:
            flash("Article imported. Select a sentence to mark a claim.", "success")
            return redirect(url_for("articles.show", article_id=article.id))
    return render_template("articles/form.html", form=form, article=None), attempt.status


PREFILL_FIELDS = ("quote", "start", "end", "kind", "priority", "sources", "new_source_kind")


def _claim_form(article: Article, form: ClaimForm | None = None) -> ClaimForm:
    """The claim form; query parameters prefill it (editing a suggestion)."""
    if form:
        return form
    prefill = {k: request.args[k] for k in PREFILL_FIELDS if request.args.get(k)}
    return ClaimForm(formdata=None, version=article.version, **prefill)


@bp.get("/<int:article_id>")
@access(ANY_USER)
@cached_page
def show(article_id: int):
    article = loading.article_for_show(article_id)
    if article is None:
        abort(404)
    return _render_show(article)


def _assignable(article: Article) -> dict[int, Claim]:
    return {c.id: c for c in article.claims if workflow.can(current_user, "assign", c)}


def _bulk_assign_form(article: Article, form: BulkAssignForm | None = None) -> BulkAssignForm:
    """Boxes for the claims this user may assign, each "id:version"."""
    form = form or BulkAssignForm(formdata=None)
    form.claims.choices = [
        SelectChoice(f"{c.id}:{c.version}", c.exact) for c in _assignable(article).values()
    ]
    form.assignee.choices = checker_choices()
    return form


HISTORY_ON_PAGE = 100  # newest events; the report has the whole trail
CLAIMS_ON_PAGE = 100  # in the side list, in text order; the text marks them all


def _claims_page(article: Article) -> tuple[list[Claim], int, int]:
    """The claims listed beside the text (a page of them), the page, and how many pages."""
    pages = max(1, -(-len(article.claims) // CLAIMS_ON_PAGE))
    page = min(max(request.args.get("claims_page", 1, type=int), 1), pages)
    start = (page - 1) * CLAIMS_ON_PAGE
    return article.claims[start : start + CLAIMS_ON_PAGE], page, pages


def _render_show(
    article: Article,
    claim_form: ClaimForm | None = None,
    status: int = 200,
    assign_form: BulkAssignForm | None = None,
):
    claims, claims_page, claims_pages = _claims_page(article)
    loading.listed_claims(claims)
    return render_template(
        "articles/show.html",
        article=article,
        paragraphs=article_paragraphs(article, article.active_claims),
        claims=claims,
        claims_page=claims_page,
        claims_pages=claims_pages,
        claim_form=_claim_form(article, claim_form),
        assign_form=_bulk_assign_form(article, assign_form),
        action_form=ActionForm(formdata=None, version=article.version),
        history=loading.history(article, limit=HISTORY_ON_PAGE),
        source_names=source_registry.names(),
    ), status


@bp.route("/<int:article_id>/edit", methods=["GET", "POST"])
@access(EDITOR)
def edit(article_id: int):
    article = db.get_or_404(Article, article_id)
    workflow.check(article, "edit", current_user)
    form = ArticleForm(obj=None if request.method == "POST" else article, version=article.version)
    attempt = Attempt(form)
    if form.validate_on_submit():
        with attempt:
            changes = articles.edit_article(
                article,
                current_user,
                form.expected_version,
                title=form.title.data or article.title,
                byline=form.byline.data or "",
                dateline=form.dateline.data or "",
                desk=form.desk.data or "",
                source_url=form.source_url.data or "",
                deadline=form.deadline.data,
                body=form.body.data,
            )
        if not attempt.refused:
            if changes.reworded:
                flash(
                    f"The words of {len(changes.reworded)} claim(s) changed: "
                    "their check was re-opened.",
                    "warning",
                )
            if changes.lost:
                flash(
                    f"{len(changes.lost)} claim(s) no longer match the text and were re-opened.",
                    "warning",
                )
            flash("Article saved.", "success")
            return redirect(url_for("articles.show", article_id=article.id))
    return render_template("articles/form.html", form=form, article=article), attempt.status


@bp.post("/<int:article_id>/claims")
@access(EDITOR)
def add_claim(article_id: int):
    article = db.get_or_404(Article, article_id)
    form = ClaimForm()
    attempt = Attempt(form)
    if form.validate_on_submit():
        with attempt:
            claim = claims.create_claim(article, current_user, **form.claim_values())
        if not attempt.refused:
            flash("Claim marked. Assign it to a checker.", "success")
            return redirect(url_for("claims.show", claim_id=claim.id))
    return _render_show(article, form, attempt.status)


@bp.post("/<int:article_id>/assign")
@access(EDITOR)
def assign_claims(article_id: int):
    article = db.get_or_404(Article, article_id)
    form = _bulk_assign_form(article, BulkAssignForm())
    if not form.validate_on_submit():
        return _render_show(article, assign_form=form, status=400)
    assignable, picked = _assignable(article), form.picked()
    if not picked or not picked.keys() <= assignable.keys():
        form.claims.errors = ["Those claims cannot be assigned now: reload the page."]
        return _render_show(article, assign_form=form, status=409)
    checker = db.get_or_404(User, form.assignee.data)
    with Attempt(form) as attempt:
        claims.assign_claims(
            {assignable[i]: version for i, version in picked.items()},
            current_user,
            checker,
            form.due_at.data,
        )
    if attempt.refused:
        return _render_show(article, assign_form=form, status=attempt.status)
    flash(f"Assigned {len(picked)} claim(s) to {checker.name}.", "success")
    warn_if_past_due(form.due_at.data)
    return redirect(url_for("articles.show", article_id=article.id))


@bp.post("/<int:article_id>/<action>")
@access(ANY_USER)
def act(article_id: int, action: str):
    article = db.get_or_404(Article, article_id)
    form = ActionForm()
    if not form.validate_on_submit():
        flash("The form expired; try again.", "error")
        return redirect(url_for("articles.show", article_id=article.id))
    articles.transition(article, action, current_user, form.expected_version)
    flash(f"Article is now {article.status.label}.", "success")
    return redirect(url_for("articles.show", article_id=article.id))
