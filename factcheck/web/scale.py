"""Managers keep the newsroom's rating scale."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from factcheck.extensions import db
from factcheck.models import RatingLevel
from factcheck.security import MANAGER, access
from factcheck.services import ratings
from factcheck.web.forms import Attempt, RatingLevelForm

bp = Blueprint("scale", __name__, url_prefix="/admin/ratings")


def _render(new_form=None, edit_forms=None, status=200):
    levels = ratings.scale(include_retired=True)
    forms = edit_forms or {}
    for level in levels:
        forms.setdefault(
            level.id, RatingLevelForm(formdata=None, obj=level, prefix=f"level-{level.id}")
        )
    return render_template(
        "scale/index.html",
        levels=levels,
        forms=forms,
        used={level.id: ratings.times_used(level) for level in levels},
        new_form=new_form or RatingLevelForm(formdata=None, prefix="new"),
    ), status


@bp.get("/")
@access(MANAGER)
def index():
    return _render()


@bp.post("/")
@access(MANAGER)
def add():
    form = RatingLevelForm(prefix="new")
    attempt = Attempt(form)
    if form.validate_on_submit():
        with attempt:
            level = ratings.add_level(
                current_user,
                label=form.label.data,
                description=form.description.data or "",
                needs_resolution=form.needs_resolution.data,
                scored=form.scored.data,
            )
        if not attempt.refused:
            flash(f"“{level.label}” added to the scale.", "success")
            return redirect(url_for("scale.index"))
    return _render(new_form=form, status=attempt.status)


@bp.post("/<int:level_id>")
@access(MANAGER)
def update(level_id: int):
    level = db.get_or_404(RatingLevel, level_id)
    form = RatingLevelForm(prefix=f"level-{level.id}")
    attempt = Attempt(form)
    if form.validate_on_submit():
        with attempt:
            ratings.update_level(
                level,
                current_user,
                label=form.label.data.strip(),
                description=(form.description.data or "").strip(),
                needs_resolution=form.needs_resolution.data,
                scored=form.scored.data,
                position=form.position.data if form.position.data is not None else level.position,
                active=form.active.data,
            )
        if not attempt.refused:
            flash(f"“{level.label}” saved.", "success")
            return redirect(url_for("scale.index"))
    return _render(edit_forms={level.id: form}, status=attempt.status)
