from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from factcheck.extensions import db, limiter
from factcheck.security import ANONYMOUS, ANY_USER, access
from factcheck.services import users
from factcheck.services.errors import ValidationFailed
from factcheck.web.forms import LoginForm, PasswordForm
from factcheck.web.rendering import attach_error

bp = Blueprint("auth", __name__)


def _login_account_key() -> str:
    return "account:" + (request.form.get("email") or "").strip().lower()


def _login_limit() -> str:
    from flask import current_app

    return current_app.config["LOGIN_RATE_LIMIT"]


def _safe_next(target: str | None) -> str:
    if target and not urlsplit(target).netloc and target.startswith("/") and "//" not in target:
        return target
    return url_for("queues.home")


@bp.route("/login", methods=["GET", "POST"])
@access(ANONYMOUS)
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(_login_limit, methods=["POST"], key_func=_login_account_key)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("queues.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = users.authenticate(form.email.data, form.password.data)
        if user is None:
            form.password.errors.append("Wrong email or password.")
        else:
            session.clear()  # a fresh session at login
            login_user(user)
            db.session.commit()
            return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form), (200 if not form.errors else 400)


@bp.post("/logout")
@access(ANY_USER)
def logout():
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@access(ANY_USER)
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            users.change_password(current_user, form.current.data, form.password.data)
        except ValidationFailed as err:
            attach_error(form, err)
        else:
            db.session.commit()
            login_user(
                current_user._get_current_object()
            )  # this session stays, every other one ends
            flash("Password changed. Other sessions are logged out.", "success")
            return redirect(url_for("queues.home"))
    return render_template("auth/password.html", form=form)
