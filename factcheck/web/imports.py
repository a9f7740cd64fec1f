"""Import copy (paste, file, link) and review suggested claims."""

import secrets

from flask import (
    Blueprint,
    current_app,
    render_template,
)
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, TextAreaField
from wtforms.validators import URL, Length, Optional

from factcheck.security import EDITOR, access
from factcheck.services import fetching, importing
from factcheck.services.errors import ValidationFailed
from factcheck.web.forms import ArticleForm, attach_error

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
        return fetching.fetch_page(form.url.data).text, form.url.data
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
                import_key=secrets.token_urlsafe(24),
            )
            return render_template(
                "articles/preview.html", form=article_form, removed=imported.removed
            )
    return render_template("articles/import.html", form=form), 400 if form.errors else 200
