"""Users admin, for managers: list accounts, create one with roles,
deactivate or reactivate (a deactivated user's sessions end at once)."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from factcheck.extensions import db
from factcheck.models import Role, User
from factcheck.security import MANAGER, access
from factcheck.services import users
from factcheck.web.forms import ActiveForm, Attempt, UserForm

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/users")
@access(MANAGER)
def user_list():
    accounts = users.accounts()
    return render_template("admin/users.html", accounts=accounts, active_form=ActiveForm())


@bp.route("/users/new", methods=["GET", "POST"])
@access(MANAGER)
def new_user():
    form = UserForm()
    attempt = Attempt(form)
    if form.validate_on_submit():
        with attempt:
            user = users.create_user(
                form.email.data,
                form.name.data,
                form.password.data,
                [Role(r) for r in form.roles.data],
                actor=current_user,
            )
        if not attempt.refused:
            flash(f"Account for {user.name} created.", "success")
            return redirect(url_for("admin.user_list"))
    return render_template("admin/new_user.html", form=form), attempt.status


@bp.post("/users/<int:user_id>/active")
@access(MANAGER)
def set_active(user_id: int):
    user = db.get_or_404(User, user_id)
    form = ActiveForm()
    if not form.validate_on_submit():
        flash("The form expired; try again.", "error")
        return redirect(url_for("admin.user_list"))
    active = form.active.data == "1"
    if user.id == current_user.id and not active:
        flash("You cannot deactivate your own account.", "error")
        return redirect(url_for("admin.user_list"))
    users.set_active(user, active, current_user)
    verb = "reactivated; they can log in again" if active else "deactivated; their sessions ended"
    flash(f"{user.name} {verb}.", "success")
    return redirect(url_for("admin.user_list"))
