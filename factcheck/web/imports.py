"""Import copy (paste, file, link) and review suggested claims."""

import secrets

from flask import Blueprint, abort, current_app, redirect, render_template, url_for
from flask_login import current_user
from wtforms.validators import Length

from factcheck import jobs
from factcheck.jobs.tasks import fetch_article
from factcheck.security import EDITOR, access
from factcheck.services import importing
from factcheck.services.errors import ValidationFailed
from factcheck.web.forms import ArticleForm, ImportForm, attach_error

bp = Blueprint("imports", __name__, url_prefix="/articles")


def _import_text(form: ImportForm) -> tuple[str, str | None]:
    if form.upload.data and form.upload.data.filename:
        data = form.upload.data.stream.read(importing_limit() + 1)
        if len(data) > importing_limit():
            raise ValidationFailed("The file is too large.", field="upload")
        return importing.read_text(data, field="upload"), None
    if (form.raw_text.data or "").strip():
        importing.refuse_binary(form.raw_text.data, field="raw_text")
        return form.raw_text.data, None
    raise ValidationFailed("Paste the text, choose a file or give a link.", field="raw_text")


def importing_limit() -> int:
    return current_app.config["IMPORT_MAX_BYTES"]


def _preview(imported, url: str | None):
    article_form = ArticleForm(
        formdata=None,
        title=imported.title,
        byline=imported.byline,
        dateline=imported.dateline,
        source_url=url or "",
        body=imported.body,
        import_key=secrets.token_urlsafe(24),
    )
    _within_limits(article_form)
    return render_template("articles/preview.html", form=article_form, removed=imported.removed)


def _within_limits(form: ArticleForm) -> None:
    """The title, byline and dateline the page gave, cut to what the form
    takes back (a wire dateline may run to 126 characters, the field to
    120): saving the preview as it stands must not be refused. (The text and
    the link are never cut.)"""
    for field in (form.title, form.byline, form.dateline):
        longest = max((v.max for v in field.validators if isinstance(v, Length)), default=-1)
        if longest > 0 and len(field.data or "") > longest:
            field.data = field.data[:longest].rstrip()


def _fetch_in_background(form: ImportForm):
    """A link is fetched by a job; its page shows progress, then the preview."""
    job_id = jobs.enqueue(
        fetch_article, form.url.data, owner_id=current_user.id, description="Import a link"
    )
    state = jobs.state(job_id)
    if state is not None and state.done:  # in-process: already there
        return _job_outcome(state, form)
    return redirect(url_for("imports.job", job_id=job_id))


def _job_outcome(state: jobs.JobState, form: ImportForm | None = None):
    result = state.result or {}
    if state.status == "finished" and "article" in result:
        return _preview(result["article"], result["url"])
    form = form or ImportForm(formdata=None, url=result.get("url", ""))
    message = result.get("error") or "The page could not be imported. Try again, or paste it."
    form.url.errors = [*form.url.errors, message]
    return render_template("articles/import.html", form=form), 400


@bp.route("/import", methods=["GET", "POST"])
@access(EDITOR)
def start():
    form = ImportForm()
    if form.validate_on_submit():
        if form.url.data and not (form.upload.data and form.upload.data.filename):
            return _fetch_in_background(form)
        try:
            text, url = _import_text(form)
        except ValidationFailed as err:
            attach_error(form, err)
        else:
            return _preview(importing.extract(text, url), url)
    return render_template("articles/import.html", form=form), 400 if form.errors else 200


@bp.get("/import/jobs/<job_id>")
@access(EDITOR)
def job(job_id: str):
    state = jobs.state(job_id)
    if state is None or state.owner_id != current_user.id:
        abort(404)
    if state.done:
        return _job_outcome(state)
    return render_template("articles/import_progress.html", state=state)
