"""The shared source registry."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy.orm import joinedload

from factcheck.caching import cached_page
from factcheck.extensions import db
from factcheck.models import Source, SourceKind, SourceMention
from factcheck.security import ANY_USER, EDITOR, MANAGER, access
from factcheck.services import sources, whole_number
from factcheck.services.errors import ValidationFailed
from factcheck.web.forms import Attempt, MentionForm, MergeForm, SourceForm, SourceNotesForm

bp = Blueprint("sources", __name__, url_prefix="/sources")


def _merge_form(source: Source, formdata=None) -> MergeForm:
    form = MergeForm(formdata=formdata)
    form.duplicate.choices = sources.others_than(source)  # (id, name) pairs
    return form


@bp.get("/")
@access(ANY_USER)
def index():
    query = request.args.get("q", "").strip()[:200]
    kind = request.args.get("kind", "")
    known_kind = kind in {k.value for k in SourceKind}
    return render_template(
        "sources/index.html",
        sources=sources.listing(query, SourceKind(kind) if known_kind else None),
        query=query,
        kind=kind,
        kinds=list(SourceKind),
        cited=sources.times_cited(),
    )


@bp.route("/new", methods=["GET", "POST"])
@access(EDITOR)
def new():
    form = SourceForm()
    attempt = Attempt(form)
    if form.validate_on_submit():
        with attempt:
            source = sources.create_source(
                form.name.data,
                SourceKind(form.kind.data),
                current_user,
                aliases=(form.aliases.data or "").split(","),
                affiliation=form.affiliation.data or "",
                reliability_notes=form.reliability_notes.data or "",
            )
        if not attempt.refused:
            flash(f"{source.name} added to the registry.", "success")
            return redirect(url_for("sources.show", source_id=source.id))
    return render_template("sources/new.html", form=form), attempt.status


CLAIMS_PER_PAGE = 50


def _render_show(source: Source, notes_form=None, status: int = 200):
    """The source and a page of the claims that cite it, newest first."""
    stats = sources.statistics(source)
    page = whole_number(request.args.get("page")) or 1
    cited_in = sources.citing_claims(source, page, CLAIMS_PER_PAGE, stats["cited"], stats["labels"])
    return render_template(
        "sources/show.html",
        source=source,
        claims=cited_in,
        stats=stats,
        notes_form=notes_form
        or SourceNotesForm(
            formdata=None,
            affiliation=source.affiliation,
            reliability_notes=source.reliability_notes,
        ),
    ), status


def _render_merge(source: Source, form: MergeForm | None = None, status: int = 200):
    """The form to fold a duplicate into the source: on a page of its own,
    as it lists every other source (500 of them at a year of data)."""
    return render_template(
        "sources/merge.html", source=source, merge_form=form or _merge_form(source)
    ), status


@bp.get("/<int:source_id>")
@access(ANY_USER)
@cached_page
def show(source_id: int):
    if whole_number(str(source_id)) is None:  # past any database integer
        abort(404)
    # The source with its aliases, in one statement.
    source = (
        db.session.scalars(
            sa.select(Source).where(Source.id == source_id).options(joinedload(Source.aliases))
        )
        .unique()
        .one_or_none()
    )
    if source is None:
        abort(404)
    return _render_show(source)


@bp.post("/<int:source_id>/notes")
@access(EDITOR)
def edit_notes(source_id: int):
    source = db.get_or_404(Source, source_id)
    form = SourceNotesForm()
    if not form.validate():
        return _render_show(source, notes_form=form, status=400)
    sources.update_source(
        source,
        current_user,
        affiliation=form.affiliation.data or "",
        reliability_notes=form.reliability_notes.data or "",
    )
    flash("Notes saved.", "success")
    return redirect(url_for("sources.show", source_id=source.id))


@bp.get("/<int:source_id>/merge")
@access(EDITOR)
def choose_duplicate(source_id: int):
    return _render_merge(db.get_or_404(Source, source_id))


@bp.post("/<int:source_id>/merge")
@access(EDITOR)
def merge(source_id: int):
    source = db.get_or_404(Source, source_id)
    form = _merge_form(source, request.form)
    if not form.validate():
        return _render_merge(source, form, status=400)
    duplicate = db.get_or_404(Source, form.duplicate.data)
    name = duplicate.name
    with Attempt(form) as attempt:
        sources.merge(source, duplicate, current_user)
    if attempt.refused:
        return _render_merge(source, form, status=attempt.status)
    flash(f"“{name}” merged into {source.name}; its name is now an alias.", "success")
    return redirect(url_for("sources.show", source_id=source.id))


@bp.post("/mentions/<int:mention_id>/<action>")
@access(EDITOR)
def decide_mention(mention_id: int, action: str):
    """Confirm a new name (create it with a kind), link it to a known
    source, or keep it as unnamed sourcing."""
    mention = db.get_or_404(SourceMention, mention_id)
    claim_id = mention.claim_id
    form = MentionForm()
    if not form.validate():
        raise ValidationFailed("The form expired or a field is too long; try again.")
    if action == "create":
        source = sources.confirm_mention(
            mention, current_user, name=form.name.data or "", kind=SourceKind(form.kind.data)
        )
        message = f"{source.name} is in the registry and on the claim."
    elif action == "link":
        source = sources.link_mention(mention, current_user, form.existing.data or "")
        message = f"Linked to {source.name}."
    elif action == "unnamed":
        sources.keep_unnamed(mention, current_user)
        message = "Kept as unnamed sourcing, flagged for the checker."
    else:
        abort(404)
    flash(message, "success")
    return redirect(url_for("claims.show", claim_id=claim_id) + "#sourcing")


@bp.get("/duplicates")
@access(MANAGER)
def duplicates():
    return render_template(
        "sources/duplicates.html", pairs=sources.possible_duplicates(), form=FlaskForm()
    )
