import io

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from wtforms import SelectChoice

from factcheck import workflow
from factcheck.extensions import db
from factcheck.models import (
    AttributionFinding,
    Claim,
    ContactAttempt,
    ContactOutcome,
    Evidence,
    ResolutionKind,
    Stance,
    User,
)
from factcheck.security import ANY_USER, EDITOR, access
from factcheck.services import audit, claims, evidence, ratings, verdicts
from factcheck.services import sources as source_registry
from factcheck.services.errors import ValidationFailed
from factcheck.web.forms import (
    ActionForm,
    AssignForm,
    Attempt,
    ClaimForm,
    CommentForm,
    ContactAnswerForm,
    ContactForm,
    EvidenceForm,
    ResolutionForm,
    ReviewForm,
    VerdictForm,
)
from factcheck.web.rendering import checker_choices, warn_if_past_due

bp = Blueprint("claims", __name__, url_prefix="/claims")


def _with_checkers(form: AssignForm) -> AssignForm:
    form.assignee.choices = checker_choices()
    return form


def _with_scale(form: VerdictForm) -> VerdictForm:
    form.rating.choices = [SelectChoice(level.slug, level.label) for level in ratings.scale()]
    return form


def _assign_form(claim: Claim) -> AssignForm:
    return _with_checkers(
        AssignForm(
            formdata=None, version=claim.version, assignee=claim.assignee_id, due_at=claim.due_at
        )
    )


def _forms(claim: Claim) -> dict:
    """A blank copy of every form the claim page may show."""
    version = claim.version
    attribution = None if claim.kind.asks_who_said_it else ""
    return {
        "action_form": ActionForm(formdata=None, version=version),
        "assign_form": _assign_form(claim),
        "evidence_form": EvidenceForm(formdata=None),
        "contact_form": ContactForm(formdata=None),
        "comment_form": CommentForm(formdata=None),
        "answer_form": None,  # the one submitted, if any: see _answer_forms
        "verdict_form": _with_scale(
            VerdictForm(formdata=None, version=version, attribution=attribution)
        ),
        "review_form": ReviewForm(formdata=None, version=version),
        "resolution_form": ResolutionForm(formdata=None),
    }


def _answer_forms(claim: Claim, submitted: ContactAnswerForm | None) -> dict:
    """A form for each contact still awaiting an answer; the one just
    submitted keeps its input and errors."""
    forms = {
        c.id: ContactAnswerForm(formdata=None, prefix=f"contact-{c.id}")
        for c in claim.contacts
        if c.outcome is ContactOutcome.AWAITING
    }
    if submitted is not None:
        forms[submitted.contact_id] = submitted
    return forms


def _render(claim: Claim, status: int = 200, **overrides):
    forms = {**_forms(claim), **overrides}
    history = audit.history_for_claim(claim)
    return render_template(
        "claims/show.html",
        claim=claim,
        article=claim.article,
        history=history,
        answer_forms=_answer_forms(claim, forms.pop("answer_form")),
        words_change=_unchecked_words_change(claim, history),
        **forms,
    ), status


def _unchecked_words_change(claim: Claim, history: list) -> object | None:
    """The latest change of the claim's words, while no verdict rates the new ones."""
    if not claim.words_changed_since_verdict:
        return None
    return next((e for e in history if e.action == "claim.words_changed"), None)


def _done(claim: Claim, message: str):
    flash(message, "success")
    return redirect(url_for("claims.show", claim_id=claim.id))


@bp.get("/<int:claim_id>")
@access(ANY_USER)
def show(claim_id: int):
    return _render(db.get_or_404(Claim, claim_id))


@bp.route("/<int:claim_id>/edit", methods=["GET", "POST"])
@access(EDITOR)
def edit(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    workflow.check(claim, "edit", current_user)
    if request.method == "POST":
        form = ClaimForm()
    else:
        form = ClaimForm(
            formdata=None,
            version=claim.version,
            quote=claim.exact,
            start=claim.start,
            end=claim.end,
            kind=claim.kind.value,
            priority=claim.priority.value,
            sources=" → ".join(s.name for s in claim.sources),
            note=claim.note,
        )
    attempt = Attempt(form)
    if form.validate_on_submit():
        with attempt:
            values = form.claim_values()
            claims.edit_claim(
                claim,
                current_user,
                form.expected_version,
                kind=values["kind"],
                priority=values["priority"],
                sources=claims.source_chain(
                    values["sources"], values["new_source_kind"], current_user
                ),
                note=values["note"],
                span=claims.locate_span(
                    claim.article, values["start"], values["end"], values["quote"]
                ),
            )
        if not attempt.refused:
            return _done(claim, "Claim saved.")
    return render_template(
        "claims/edit.html", claim=claim, form=form, source_names=source_registry.names()
    ), attempt.status


def _submit(claim: Claim, form_name: str, form, apply, message: str):
    """Validate a claim-page form and run the service, then go back to the
    claim, or show the page again with the errors and the input kept.
    ``apply`` may return a more precise message than ``message``."""
    if not form.validate_on_submit():
        return _render(claim, 400, **{form_name: form})
    with Attempt(form) as attempt:
        result = apply()
    if attempt.refused:
        return _render(claim, attempt.status, **{form_name: form})
    return _done(claim, result if isinstance(result, str) else message)


@bp.post("/<int:claim_id>/assign")
@access(EDITOR)
def assign(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    form = _with_checkers(AssignForm())

    def apply():
        checker = db.get_or_404(User, form.assignee.data)
        claims.assign_claim(claim, current_user, checker, form.due_at.data, form.expected_version)
        warn_if_past_due(form.due_at.data)
        return f"Assigned to {checker.name}."

    return _submit(claim, "assign_form", form, apply, "Assigned.")


@bp.post("/<int:claim_id>/evidence")
@access(ANY_USER)
def add_evidence(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    workflow.check(claim, "add_evidence", current_user)
    form = EvidenceForm()
    return _submit(
        claim,
        "evidence_form",
        form,
        lambda: evidence.add_evidence(
            claim,
            current_user,
            title=form.title.data,
            stance=Stance(form.stance.data),
            url=form.url.data or "",
            excerpt=form.excerpt.data or "",
            note=form.note.data or "",
            accessed_on=form.accessed_on.data,
            upload=form.upload.data,
        ),
        "Evidence added.",
    )


@bp.post("/<int:claim_id>/contacts")
@access(ANY_USER)
def log_contact(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    workflow.check(claim, "log_contact", current_user)
    form = ContactForm()
    return _submit(
        claim,
        "contact_form",
        form,
        lambda: evidence.log_contact(
            claim,
            current_user,
            contact=form.contact.data,
            method=form.method.data,
            contacted_at=form.contacted_at.data,
            answer=form.answer.data or "",
        ),
        "Contact attempt logged.",
    )


@bp.post("/contacts/<int:contact_id>/answer")
@access(ANY_USER)
def record_answer(contact_id: int):
    attempt = db.get_or_404(ContactAttempt, contact_id)
    claim = attempt.claim
    workflow.check(claim, "record_answer", current_user)
    form = ContactAnswerForm(prefix=f"contact-{attempt.id}")
    form.contact_id = attempt.id
    return _submit(
        claim,
        "answer_form",
        form,
        lambda: evidence.record_contact_answer(
            attempt,
            current_user,
            ContactOutcome(form.outcome.data),
            form.answer.data or "",
        ),
        "Answer recorded.",
    )


@bp.post("/<int:claim_id>/comments")
@access(ANY_USER)
def comment(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    form = CommentForm()
    return _submit(
        claim,
        "comment_form",
        form,
        lambda: claims.add_comment(claim, current_user, form.body.data),
        "Comment added.",
    )


@bp.post("/<int:claim_id>/verdict")
@access(ANY_USER)
def propose(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    workflow.check(claim, "propose", current_user)
    form = _with_scale(VerdictForm())
    return _submit(
        claim,
        "verdict_form",
        form,
        lambda: verdicts.propose_verdict(
            claim,
            current_user,
            form.expected_version,
            rating=form.rating.data,
            rationale=form.rationale.data,
            attribution=AttributionFinding(form.attribution.data)
            if form.attribution.data
            else None,
        ),
        "Verdict proposed; it now waits for review.",
    )


@bp.post("/<int:claim_id>/review")
@access(EDITOR)
def review(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    form = ReviewForm()
    returning = bool(form.send_back.data)
    workflow.check(claim, "return" if returning else "approve", current_user)

    def apply():
        note = form.note.data or ""
        if not returning:
            verdicts.approve_verdict(claim, current_user, form.expected_version, note)
            return
        try:
            verdicts.return_verdict(claim, current_user, form.expected_version, note)
        except ValidationFailed as err:
            err.field = "note"  # the service's "reason" is this form's note
            raise

    message = "Returned to the checker." if returning else "Verdict approved."
    return _submit(claim, "review_form", form, apply, message)


@bp.post("/<int:claim_id>/resolution")
@access(EDITOR)
def resolve(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    form = ResolutionForm()
    return _submit(
        claim,
        "resolution_form",
        form,
        lambda: verdicts.resolve_claim(
            claim, current_user, ResolutionKind(form.kind.data), form.note.data or ""
        ),
        "Resolution recorded.",
    )


@bp.post("/<int:claim_id>/<action>")
@access(ANY_USER)
def act(claim_id: int, action: str):
    claim = db.get_or_404(Claim, claim_id)
    form = ActionForm()
    if not form.validate_on_submit():
        flash("The form expired; try again.", "error")
        return redirect(url_for("claims.show", claim_id=claim.id))
    claims.move_claim(claim, action, current_user, form.expected_version, form.reason.data or "")
    return _done(claim, f"Claim is now {claim.status.label}.")


@bp.get("/evidence/<int:evidence_id>/file")
@access(ANY_USER)
def evidence_file(evidence_id: int):
    item = db.get_or_404(Evidence, evidence_id)
    try:
        data = evidence.read_stored_file(item)
    except FileNotFoundError:
        abort(404)
    response = send_file(
        io.BytesIO(data),
        mimetype=item.mime_type or "application/octet-stream",
        as_attachment=True,
        download_name=item.file_name or "evidence",
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
