"""Work queues: what each person should do next."""

import sqlalchemy as sa
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.orm import load_only, raiseload, selectinload

from factcheck import workflow
from factcheck.caching import cached_page
from factcheck.extensions import db
from factcheck.models import Article, ArticleStatus, Claim, ClaimStatus, Role, Verdict
from factcheck.models.base import utcnow
from factcheck.security import ANY_USER, CHECKER, EDITOR, access
from factcheck.services import blockers as signoff
from factcheck.services import sources, verdicts
from factcheck.services.deadlines import IN_HAND, OPEN_WORK, urgency
from factcheck.web.forms import Attempt, QueueReviewForm

bp = Blueprint("queues", __name__)


@bp.get("/")
@access(ANY_USER)
def home():
    if current_user.has_role(Role.EDITOR):
        return redirect(url_for("queues.waiting"))
    return redirect(url_for("queues.my_claims"))


@bp.get("/my-claims")
@access(CHECKER)
def my_claims():
    claims = db.session.scalars(
        sa.select(Claim)
        .where(Claim.assignee_id == current_user.id, Claim.status.in_(OPEN_WORK))
        .order_by(Claim.due_at.is_(None), Claim.due_at, Claim.id)
    ).all()
    # In review, a claim waits on an editor, not on its checker: listed
    # apart, and never marked overdue.
    to_do = [c for c in claims if c.status in IN_HAND]
    in_review = [c for c in claims if c.status not in IN_HAND]
    now = utcnow()
    late = {c.id: urgency(c.due_at, now) for c in to_do}
    return render_template("queues/my_claims.html", to_do=to_do, in_review=in_review, urgency=late)


LIST_LIMIT = 50  # per list on Waiting for me; the count says how many in all


def _claims_and_count(query: sa.Select) -> tuple[list[Claim], int]:
    """The first LIST_LIMIT claims of ``query`` with what the page shows of
    them loaded in batches, and how many there are in all."""
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    claims = db.session.scalars(
        query.order_by(Claim.id)
        .limit(LIST_LIMIT)
        .options(
            # Whole claims (small rows): the workflow's rules read them.
            selectinload(Claim.article).load_only(Article.id, Article.title, Article.status),
            selectinload(Claim.verdicts).selectinload(Verdict.proposer),
            raiseload(Claim.source_links),
        )
    ).all()
    return list(claims), total


@bp.get("/waiting")
@access(EDITOR)
@cached_page
def waiting():
    return _render_waiting()


@bp.post("/waiting/review")
@access(EDITOR)
def review():
    """Approve or return verdicts without opening each claim: one row's
    buttons, or the ticked rows approved at once, all or nothing (each
    claim through the same service as its own page, audit and notice)."""
    form = QueueReviewForm()
    if not form.validate_on_submit():
        return _render_waiting(form, 400)
    picked = form.picked()
    claims = db.session.scalars(sa.select(Claim).where(Claim.id.in_(picked))).all()
    returning = bool(form.send_back.data)
    if len(claims) != len(picked):
        form.claims.errors = ["Those verdicts are gone: reload the page."]
        return _render_waiting(form, 409)
    with Attempt(form) as attempt:
        for claim in claims:
            workflow.check(claim, "return" if returning else "approve", current_user)
            if returning:
                verdicts.return_verdict(claim, current_user, picked[claim.id], form.note.data or "")
            else:
                verdicts.approve_verdict(
                    claim, current_user, picked[claim.id], form.note.data or ""
                )
    if attempt.refused:
        if getattr(attempt.error, "field", None) == "reason":
            form.note.errors = [*form.note.errors, str(attempt.error)]
        return _render_waiting(form, attempt.status)
    done = "Returned" if returning else "Approved"
    flash(f"{done} {len(claims)} verdict(s).", "success")
    return redirect(url_for("queues.waiting"))


def _render_waiting(review_form: QueueReviewForm | None = None, status: int = 200):
    unpublished = Claim.article_id.in_(
        sa.select(Article.id).where(Article.status != ArticleStatus.PUBLISHED)
    )
    # The verdict under review is the claim's undecided one; not my own.
    others_proposed = (
        sa.select(Verdict.id)
        .where(
            Verdict.claim_id == Claim.id,
            Verdict.decision.is_(None),
            Verdict.proposer_id != current_user.id,
        )
        .exists()
    )
    to_review, review_total = _claims_and_count(
        sa.select(Claim).where(Claim.status == ClaimStatus.IN_REVIEW, others_proposed)
    )
    to_review = [c for c in to_review if workflow.can(current_user, "approve", c)]
    to_resolve, resolve_total = _claims_and_count(
        sa.select(Claim).where(
            Claim.status == ClaimStatus.APPROVED, Claim.needs_resolution, unpublished
        )
    )
    unassigned, unassigned_total = _claims_and_count(
        sa.select(Claim).where(Claim.status == ClaimStatus.OPEN, unpublished)
    )
    names, names_total = sources.names_to_confirm(LIST_LIMIT)
    articles = db.session.scalars(
        sa.select(Article)
        .options(load_only(Article.id, Article.title, Article.status, Article.deadline))
        .where(Article.status != ArticleStatus.PUBLISHED)
        .order_by(Article.deadline.is_(None), Article.deadline, Article.id)
        .limit(LIST_LIMIT * 2)
    ).all()
    blockers = signoff.blockers_for([a.id for a in articles])
    # Checked through (nothing blocks): an editor marks them ready, a
    # manager signs them off.
    to_mark_ready = [
        a
        for a in articles
        if not blockers[a.id] and workflow.allowed(current_user, "mark_ready", a)
    ]
    to_sign_off = [a for a in articles if workflow.in_state_for(a, "sign_off")]
    return render_template(
        "queues/waiting.html",
        review_form=review_form or QueueReviewForm(formdata=None),
        failed_review=set((review_form.picked() if review_form else {}).keys()),
        to_review=to_review,
        review_total=review_total,
        to_resolve=to_resolve,
        resolve_total=resolve_total,
        unassigned=unassigned,
        unassigned_total=unassigned_total,
        names=names,
        names_total=names_total,
        articles=articles,
        to_mark_ready=to_mark_ready,
        to_sign_off=to_sign_off,
        blockers=blockers,
    ), status
