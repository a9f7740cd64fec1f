"""Import copy (paste, file, link) and review suggested claims."""

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, TextAreaField
from wtforms.validators import URL, Length, Optional

from factcheck import workflow
from factcheck.extensions import db
from factcheck.models import Article
from factcheck.security import EDITOR, access
from factcheck.services import importing
from factcheck.services.errors import ValidationFailed
from factcheck.web.forms import ArticleForm
from factcheck.web.rendering import article_paragraphs, attach_error

bp = Blueprint("imports", __name__, url_prefix="/articles")


class ImportForm(FlaskForm):
    raw_text = TextAreaField(
        "Paste the article",
        validators=[Optional(), Length(max=2_000_000)],
        description="Paste the page as it came, site furniture and all; it is cleaned up.",
    )
    upload = FileField("…or upload a .txt or .html file")
    url = StringField("…or give a link", validators=[Optional(), URL(), Length(max=2000)])


def _import_text(form: ImportForm) -> tuple[str, str | None]:
    if form.upload.data and form.upload.data.filename:
        data = form.upload.data.stream.read(importing_limit() + 1)
        if len(data) > importing_limit():
            raise ValidationFailed("The file is too large.", field="upload")
        return importing.decode_upload(data), None
    if form.url.data:
        return importing.fetch_url(form.url.data), form.url.data
    if (form.raw_text.data or "").strip():
        return form.raw_text.data, None
    raise ValidationFailed("Paste the text, choose a file or give a link.", field="raw_text")


def importing_limit() -> int:
    return current_app.config["IMPORT_MAX_BYTES"]


@bp.route("/import", methods=["GET", "POST"])
@access(EDITOR)
def start():
    form = ImportForm()
    if form.validate_on_submit():
        try:
            text, url = _import_text(form)
        except ValidationFailed as err:
            attach_error(form, err)
        else:
            imported = importing.extract(text, url)
            article_form = ArticleForm(
                formdata=None,
                title=imported.title,
                byline=imported.byline,
                source_url=url or "",
                body=imported.body,
            )
            return render_template(
                "articles/preview.html", form=article_form, removed=imported.removed
            )
    return render_template("articles/import.html", form=form), 400 if form.errors else 200


@bp.get("/<int:article_id>/suggestions")
@access(EDITOR)
def suggestions(article_id: int):
    article = db.get_or_404(Article, article_id)
    return render_template(
        "articles/suggestions.html",
        article=article,
        suggestions=importing.pending_suggestions(article),
        dismissed=importing.dismissed_suggestions(article),
        show_dismissed=request.args.get("dismissed") == "1",
        key=importing.suggestion_key,
        paragraphs=article_paragraphs(article, article.active_claims),
        form=FlaskForm(),
    )


@bp.post("/<int:article_id>/suggestions/<action>")
@access(EDITOR)
def decide(article_id: int, action: str):
    article = db.get_or_404(Article, article_id)
    form = FlaskForm()
    back = url_for("imports.suggestions", article_id=article.id)
    if not form.validate_on_submit():
        flash("The form expired; try again.", "error")
        return redirect(back)
    key = request.form.get("key", "")
    if action == "dismiss":
        importing.dismiss_suggestion(article, current_user, key)
        message, category = "Suggestion dismissed for everyone on the desk.", "info"
    elif action == "restore":
        restored = importing.restore_suggestion(article, current_user, key)
        message = "Suggestion brought back." if restored else "It was already brought back."
        category = "success" if restored else "info"
        back = url_for("imports.suggestions", article_id=article.id, dismissed=1)
    elif action == "accept":
        importing.accept_suggestion(article, current_user, importing.find_suggestion(article, key))
        message, category = "Suggestion accepted as a claim.", "success"
    elif action == "accept-all":
        accepted = importing.accept_pending(article, current_user)
        message, category = f"{len(accepted)} suggestion(s) accepted as claims.", "success"
    else:
        raise workflow.InvalidTransition(f"Unknown action {action}.")
    db.session.commit()
    flash(message, category)
    return redirect(back)
