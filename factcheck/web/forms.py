"""WTForms for the web pages. Forms validate; services act."""

from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from markupsafe import Markup, escape
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    EmailField,
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    URLField,
)
from wtforms.validators import (
    URL,
    AnyOf,
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
)
from wtforms.widgets import CheckboxInput, ListWidget, Select, html_params

from factcheck.extensions import db
from factcheck.localtime import from_local, newsroom_zone, to_local
from factcheck.models import (
    AttributionFinding,
    ClaimKind,
    ContactOutcome,
    Priority,
    ResolutionKind,
    Role,
    SourceKind,
    Stance,
)
from factcheck.models.evidence import CONTACT_METHODS as METHOD_LABELS
from factcheck.services import users, whole_number
from factcheck.services.errors import ServiceError


def attach_error(form: FlaskForm, err: ServiceError) -> None:
    """Show a service's message beside the field it concerns."""
    target = getattr(form, err.field, None) if getattr(err, "field", None) else None
    if target is not None:
        target.errors = [*target.errors, str(err)]
    else:
        form.form_errors.append(str(err))


class Attempt:
    """A form's service call: ``with attempt: service(...)``.

    A refusal (any ServiceError) rolls back what the call flushed, so the
    request's commit stores nothing of it, and shows its message on the form.
    ``status`` is the page's answer: the refusal's status by its type (a stale
    edit 409), else 400 when the form has errors, else 200.
    """

    def __init__(self, form: FlaskForm) -> None:
        self.form = form
        self.error: ServiceError | None = None

    def __enter__(self) -> "Attempt":
        return self

    def __exit__(self, _type: Any, err: BaseException | None, _tb: Any) -> bool:
        if not isinstance(err, ServiceError):
            return False
        db.session.rollback()
        attach_error(self.form, err)
        self.error = err
        return True

    @property
    def refused(self) -> bool:
        return self.error is not None

    @property
    def status(self) -> int:
        if self.error is not None:
            return self.error.http_status
        return 400 if self.form.errors else 200


def _choices(enum_cls) -> list[SelectChoice]:
    return [SelectChoice(m.value, m.label.capitalize()) for m in enum_cls]


DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class NewsroomDateTimeField(DateTimeLocalField):
    """A date and time typed in the newsroom's time zone, stored in UTC."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format=DATETIME_FORMAT, **kwargs)
        if not self.description:
            self.description = f"Newsroom time ({newsroom_zone().key})."

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if self.data is not None:
            self.data = from_local(self.data)

    def _value(self):
        if self.raw_data:
            return " ".join(self.raw_data)
        return to_local(self.data).strftime(DATETIME_FORMAT) if self.data else ""


class VersionedForm(FlaskForm):
    """Edits carry the version they were made against; a stale one is refused."""

    version = HiddenField()

    @property
    def expected_version(self) -> int | None:
        return whole_number(self.version.data)


class ActionForm(VersionedForm):
    """A workflow button: CSRF token and version only."""

    reason = TextAreaField("Reason", validators=[Optional(), Length(max=2000)])


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=512)])
    submit = SubmitField("Log in")


class PasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired()])
    password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(max=512)],
        description=users.PASSWORD_RULE,
    )
    submit = SubmitField("Change password")


class TokenForm(FlaskForm):
    name = StringField(
        "Name", validators=[DataRequired(), Length(max=80)], description="What it is for"
    )
    submit = SubmitField("Make a token")


class EmailForm(FlaskForm):
    digest = RadioField(
        "Email",
        choices=[
            SelectChoice("each", "An email for each notification"),
            SelectChoice("daily", "One digest a day, listing what is still to do"),
        ],
        default="each",
    )
    submit = SubmitField("Save")


class ConfirmForm(FlaskForm):
    """A button that changes something: the CSRF token only."""


class ArticleForm(VersionedForm):
    title = StringField("Title", validators=[Optional(), Length(max=300)])
    byline = StringField("Byline", validators=[Optional(), Length(max=200)])
    dateline = StringField("Dateline", validators=[Optional(), Length(max=120)])
    desk = StringField("Desk", validators=[Optional(), Length(max=80)])
    source_url = URLField("Source URL", validators=[Optional(), URL(), Length(max=2000)])
    deadline = NewsroomDateTimeField("Deadline", validators=[Optional()])
    body = TextAreaField("Article text", validators=[DataRequired(), Length(max=500_000)])
    # A new article's form carries a one-time key, so sending it twice makes one article.
    import_key = HiddenField(validators=[Optional(), Length(max=64)])
    submit = SubmitField("Save article")


class ClaimForm(VersionedForm):
    quote = TextAreaField(
        "Quote from the article",
        validators=[DataRequired(), Length(max=5000)],
        description="Select text in the article, or paste the exact words here.",
    )
    start = IntegerField(validators=[Optional()])
    end = IntegerField(validators=[Optional()])
    kind = SelectField("Kind", choices=_choices(ClaimKind), validators=[InputRequired()])
    priority = SelectField("Priority", choices=_choices(Priority), default="normal")
    sources = StringField(
        "Sources (first teller first)",
        validators=[Optional(), Length(max=1000)],
        description="Names from the registry, separated by → or commas, e.g. "
        "“Rami Abdurrahman → Syrian Observatory for Human Rights → AP”.",
    )
    new_source_kind = SelectField(
        "Kind for new sources", choices=_choices(SourceKind), default="organisation"
    )
    note = TextAreaField("Note for the checker", validators=[Optional(), Length(max=5000)])
    submit = SubmitField("Save claim")

    def source_names(self) -> list[str]:
        """The chain as typed: names separated by arrows, commas or semicolons."""
        text = self.sources.data or ""
        for separator in ("→", "->", ">", ";"):
            text = text.replace(separator, ",")
        return [name.strip() for name in text.split(",") if name.strip()]

    def claim_values(self) -> dict[str, Any]:
        """The named values ``claims.create_claim`` takes."""
        return {
            "start": self.start.data,
            "end": self.end.data,
            "quote": self.quote.data,
            "kind": ClaimKind(self.kind.data),
            "priority": Priority(self.priority.data),
            "sources": self.source_names(),
            "new_source_kind": SourceKind(self.new_source_kind.data),
            "note": self.note.data or "",
        }


class AssignForm(VersionedForm):
    assignee = SelectField("Checker", coerce=int, validators=[InputRequired()])
    due_at = NewsroomDateTimeField("Due", validators=[Optional()])
    submit = SubmitField("Assign")


class PickedClaims:
    """Boxes that carry "claim id:version", so a claim changed meanwhile is
    refused, not overwritten."""

    def picked(self) -> dict[int, int]:
        """Claim id -> the version the editor saw; malformed boxes are left out."""
        picked = {}
        for value in self.claims.data or []:
            claim_id, _, version = value.partition(":")
            claim_id, version = whole_number(claim_id), whole_number(version)
            if claim_id is not None and version is not None:
                picked[claim_id] = version
        return picked


class BulkAssignForm(PickedClaims, FlaskForm):
    """Several claims of one article to one checker. Each ticked box carries
    "claim id:version", so a claim changed meanwhile is refused, not overwritten."""

    # Checked by the view (which claims, which versions), so that a claim
    # changed meanwhile gets its own message rather than "not a valid choice".
    claims = SelectMultipleField(
        "Claims", validate_choice=False, validators=[DataRequired("Tick at least one claim.")]
    )
    assignee = SelectField("Checker", coerce=int, validators=[InputRequired()])
    due_at = NewsroomDateTimeField("Due", validators=[Optional()])
    submit = SubmitField("Assign ticked claims")


class QueueReviewForm(PickedClaims, FlaskForm):
    """Approve or return verdicts from Waiting for me: one row, or the ticked ones."""

    claims = SelectMultipleField(
        "Verdicts", validate_choice=False, validators=[DataRequired("Tick at least one verdict.")]
    )
    note = TextAreaField(
        "Note to the checker",
        validators=[Optional(), Length(max=10_000)],
        description="Required when you return the claim.",
    )
    approve = SubmitField("Approve")
    send_back = SubmitField("Return to checker")


class EvidenceForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=300)])
    url = URLField("Link", validators=[Optional(), URL(), Length(max=2000)])
    upload = FileField("File")
    excerpt = TextAreaField("Excerpt", validators=[Optional(), Length(max=20_000)])
    note = TextAreaField("Note", validators=[Optional(), Length(max=20_000)])
    stance = RadioField("Stance", choices=_choices(Stance), validators=[InputRequired()])
    accessed_on = DateField("Accessed on", validators=[Optional()])
    submit = SubmitField("Add evidence")


CONTACT_METHODS = [SelectChoice(value, label) for value, label in METHOD_LABELS.items()]


class ContactForm(FlaskForm):
    contact = StringField("Whom", validators=[DataRequired(), Length(max=200)])
    method = SelectField("How", choices=CONTACT_METHODS)
    contacted_at = NewsroomDateTimeField("When", validators=[DataRequired()])
    answer = TextAreaField(
        "Answer",
        validators=[Optional(), Length(max=20_000)],
        description="Leave empty if there was no answer yet.",
    )
    submit = SubmitField("Log contact")


class ContactAnswerForm(FlaskForm):
    outcome = RadioField(
        "How it ended",
        choices=[
            SelectChoice(o.value, o.label.capitalize())
            for o in ContactOutcome
            if o is not ContactOutcome.AWAITING
        ],
        validators=[InputRequired(message="Say how it ended.")],
    )
    answer = TextAreaField(
        "What they said",
        validators=[Optional(), Length(max=20_000)],
        description="Needed when they answered.",
    )
    submit = SubmitField("Record answer")


class CommentForm(FlaskForm):
    body = TextAreaField("Comment", validators=[DataRequired(), Length(max=10_000)])
    submit = SubmitField("Comment")


class VerdictForm(VersionedForm):
    rating = SelectField(
        "Rating",
        choices=[],  # the newsroom's scale, set by the view
        validators=[InputRequired()],
    )
    attribution = SelectField(
        "Did the source say it?",
        choices=[SelectChoice("", "— choose —"), *_choices(AttributionFinding)],
        validators=[Optional()],
    )
    rationale = TextAreaField("Rationale", validators=[DataRequired(), Length(max=20_000)])
    submit = SubmitField("Propose verdict")


class ReviewForm(VersionedForm):
    note = TextAreaField(
        "Note to the checker",
        validators=[Optional(), Length(max=10_000)],
        description="Required when you return the claim.",
    )
    approve = SubmitField("Approve verdict")
    send_back = SubmitField("Return to checker")


class ResolutionForm(FlaskForm):
    kind = SelectField("What the copy does", choices=_choices(ResolutionKind))
    note = TextAreaField("Note", validators=[Optional(), Length(max=10_000)])
    submit = SubmitField("Record resolution")


class SourceForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=200)])
    kind = SelectField("Kind", choices=_choices(SourceKind))
    aliases = StringField(
        "Aliases",
        validators=[Optional(), Length(max=1000)],
        description="Other names, separated by commas (e.g. AP, Associated Press).",
    )
    affiliation = StringField("Affiliation", validators=[Optional(), Length(max=200)])
    reliability_notes = TextAreaField(
        "Notes on reliability", validators=[Optional(), Length(max=10_000)]
    )
    submit = SubmitField("Save source")


class SourceNotesForm(FlaskForm):
    affiliation = StringField("Affiliation", validators=[Optional(), Length(max=200)])
    reliability_notes = TextAreaField(
        "Notes on reliability", validators=[Optional(), Length(max=10_000)]
    )
    submit = SubmitField("Save notes")


class LongSelect(Select):
    """A select of hundreds of (value, label) choices (every other source, to
    merge one), written in one pass over the choices: WTForms' own select
    normalises and re-reads every choice several times, which took most of
    the source page's time with 500 sources."""

    def __call__(self, field, **kwargs):
        if not all(isinstance(c, tuple) and len(c) == 2 for c in field.choices or ()):
            return super().__call__(field, **kwargs)
        kwargs.setdefault("id", field.id)
        if field.flags.required and "required" not in kwargs:
            kwargs["required"] = True
        options = "".join(
            f'<option value="{escape(value)}"'
            f"{' selected' if value == field.data else ''}>{escape(label)}</option>"
            for value, label in field.choices
        )
        return Markup(f"<select {html_params(name=field.name, **kwargs)}>{options}</select>")


class MergeForm(FlaskForm):
    duplicate = SelectField(
        "Duplicate to fold into this source",
        coerce=int,
        validators=[InputRequired()],
        widget=LongSelect(),
    )
    submit = SubmitField("Merge")


class RatingLevelForm(FlaskForm):
    label = StringField("Name", validators=[DataRequired(), Length(max=60)])
    description = TextAreaField("When to use it", validators=[Optional(), Length(max=2000)])
    needs_resolution = BooleanField("Needs a resolution in the copy")
    scored = BooleanField("Has a place on the accurate–inaccurate line", default=True)
    position = IntegerField("Order", validators=[Optional(), NumberRange(min=0, max=999)])
    active = BooleanField("In use", default=True)


class UserForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    name = StringField("Full name", validators=[DataRequired(), Length(max=120)])
    roles = SelectMultipleField(
        "Roles",
        choices=[SelectChoice(r.value, r.value.capitalize()) for r in Role],
        validators=[DataRequired(message="Give the account at least one role.")],
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    password = PasswordField(
        "First password",
        validators=[DataRequired(), Length(max=512)],
        description=f"{users.PASSWORD_RULE} Tell it to the person; they can change it "
        "under Password.",
    )
    submit = SubmitField("Create account")


class ActiveForm(FlaskForm):
    active = HiddenField(validators=[AnyOf(["0", "1"])])


class ImportForm(FlaskForm):
    raw_text = TextAreaField(
        "Paste the article",
        validators=[Optional(), Length(max=2_000_000)],
        description="Paste the page as it came, site furniture and all; it is cleaned up.",
    )
    upload = FileField("…or upload a .txt or .html file")
    url = StringField("…or give a link", validators=[Optional(), URL(), Length(max=2000)])


class MentionForm(FlaskForm):
    """What to do with a name a claim rests on that the registry does not know."""

    name = StringField("Name in the registry", validators=[Optional(), Length(max=200)])
    kind = SelectField(
        "Kind", choices=[SelectChoice(k.value, k.label) for k in SourceKind], default="person"
    )
    existing = StringField("…or the source it is", validators=[Optional(), Length(max=200)])
