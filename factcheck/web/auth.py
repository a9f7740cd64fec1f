from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from factcheck.models import User
from factcheck.security import ANONYMOUS, ANY_USER, access
from factcheck.services import tokens, users
from factcheck.web.forms import Attempt, ConfirmForm, EmailForm, LoginForm, PasswordForm, TokenForm

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    if target and not urlsplit(target).netloc and target.startswith("/") and "//" not in target:
        return target
    return url_for("queues.home")


def _log_in(user: User) -> None:
    """A fresh session for ``user``, recorded on the server."""
    session.clear()
    login_user(user)
    session[tokens.SESSION_KEY] = tokens.start_session(user)


@bp.route("/login", methods=["GET", "POST"])
@access(ANONYMOUS)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("queues.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = users.authenticate(form.email.data, form.password.data)
        if user is None:
            form.password.errors.append("Wrong email or password.")
        else:
            _log_in(user)
            return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form), (200 if not form.errors else 400)


@bp.post("/logout")
@access(ANY_USER)
def logout():
    tokens.end_session(session.get(tokens.SESSION_KEY))
    logout_user()
    session.clear()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))


@bp.post("/logout/everywhere")
@access(ANY_USER)
def logout_everywhere():
    if ConfirmForm().validate_on_submit():
        tokens.log_out_everywhere(current_user)
    logout_user()
    session.clear()
    flash("You are logged out on every device, and your API tokens are revoked.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@access(ANY_USER)
def change_password():
    form = PasswordForm()
    attempt = Attempt(form)
    if form.validate_on_submit():
        with attempt:
            users.change_password(current_user, form.current.data, form.password.data)
        if not attempt.refused:
            _log_in(current_user._get_current_object())  # this browser stays logged in
            flash("Password changed. Other sessions and API tokens are ended.", "success")
            return redirect(url_for("queues.home"))
    return render_template("auth/password.html", form=form), attempt.status


def _account_page(form: TokenForm, new_token: str | None = None, status: int = 200):
    return render_template(
        "auth/account.html",
        form=form,
        email_form=EmailForm(digest="daily" if current_user.email_digest else "each"),
        confirm=ConfirmForm(),
        api_tokens=tokens.tokens_of(current_user),
        new_token=new_token,
    ), status


@bp.get("/account")
@access(ANY_USER)
def account():
    return _account_page(TokenForm())


@bp.post("/account/email")
@access(ANY_USER)
def email_preference():
    form = EmailForm()
    if form.validate_on_submit():
        users.set_email_digest(current_user, form.digest.data == "daily")
        flash("Email preference saved.", "success")
    return redirect(url_for("auth.account"))


@bp.post("/account/tokens")
@access(ANY_USER)
def new_token():
    form = TokenForm()
    if not form.validate_on_submit():
        return _account_page(form, status=400)
    token = tokens.issue_token(current_user, form.name.data)
    return _account_page(TokenForm(formdata=None), new_token=token)


@bp.post("/account/tokens/<int:token_id>/revoke")
@access(ANY_USER)
def revoke_token(token_id: int):
    if ConfirmForm().validate_on_submit():
        tokens.revoke_token(current_user, token_id)
        flash("Token revoked.", "success")
    return redirect(url_for("auth.account"))
