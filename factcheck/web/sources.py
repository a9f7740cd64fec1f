"""The shared source registry."""

import sqlalchemy as sa
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from factcheck.extensions import db
from factcheck.models import Claim, ClaimSource, Source, SourceKind
from factcheck.security import ANY_USER, EDITOR, access
from factcheck.services import sources
from factcheck.services.errors import ValidationFailed
from factcheck.web.forms import SourceForm
from factcheck.web.rendering import attach_error

bp = Blueprint("sources", __name__, url_prefix="/sources")


@bp.get("/")
@access(ANY_USER)
def index():
    return render_template("sources/index.html", sources=sources.all_sources())


@bp.route("/new", methods=["GET", "POST"])
@access(EDITOR)
def new():
    form = SourceForm()
    if form.validate_on_submit():
        try:
            source = sources.create_source(
                form.name.data,
                SourceKind(form.kind.data),
                current_user,
                aliases=(form.aliases.data or "").split(","),
                affiliation=form.affiliation.data or "",
                reliability_notes=form.reliability_notes.data or "",
            )
        except ValidationFailed as err:
            db.session.rollback()
            attach_error(form, err)
        else:
            db.session.commit()
            flash(f"{source.name} added to the registry.", "success")
            return redirect(url_for("sources.show", source_id=source.id))
    return render_template("sources/new.html", form=form), 400 if form.errors else 200


@bp.get("/<int:source_id>")
@access(ANY_USER)
def show(source_id: int):
    source = db.get_or_404(Source, source_id)
    cited_in = db.session.scalars(
        sa.select(Claim)
        .join(ClaimSource)
        .where(ClaimSource.source_id == source.id)
        .order_by(Claim.id.desc())
    ).all()
    return render_template("sources/show.html", source=source, claims=cited_in)
