"""Work queues: what each person should do next."""

import sqlalchemy as sa
from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

from factcheck import workflow
from factcheck.extensions import db
from factcheck.models import Article, ArticleStatus, Claim, ClaimStatus, Role
from factcheck.models.base import utcnow
from factcheck.security import ANY_USER, CHECKER, EDITOR, access
from factcheck.services import blockers as signoff
from factcheck.services.deadlines import OPEN_WORK, urgency

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
    now = utcnow()
    late = {c.id: urgency(c.due_at, now) for c in claims}
    return render_template("queues/my_claims.html", claims=claims, urgency=late)


@bp.get("/waiting")
@access(EDITOR)
def waiting():
    to_review = db.session.scalars(
        sa.select(Claim).where(Claim.status == ClaimStatus.IN_REVIEW).order_by(Claim.id)
    ).all()
    to_review = [c for c in to_review if workflow.can(current_user, "approve", c)]
    to_resolve = db.session.scalars(
        sa.select(Claim)
        .join(Article)
        .where(
            Claim.status == ClaimStatus.APPROVED,
            Claim.needs_resolution,
            Article.status != ArticleStatus.PUBLISHED,
        )
        .order_by(Claim.id)
    ).all()
    unassigned = db.session.scalars(
        sa.select(Claim)
        .join(Article)
        .where(Claim.status == ClaimStatus.OPEN, Article.status != ArticleStatus.PUBLISHED)
        .order_by(Claim.id)
    ).all()
    articles = db.session.scalars(
        sa.select(Article)
        .where(
            Article.status.in_(
                [
                    ArticleStatus.CHECKING,
                    ArticleStatus.READY,
                    ArticleStatus.SIGNED_OFF,
                    ArticleStatus.DRAFT,
                ]
            )
        )
        .order_by(Article.deadline.is_(None), Article.deadline, Article.id)
    ).all()
    blockers = signoff.blockers_for([a.id for a in articles])
    # Checked through (nothing blocks, the workflow asked where the counts
    # see nothing): an editor marks them ready, a manager signs them off.
    to_mark_ready = [
        a
        for a in articles
        if not blockers[a.id] and workflow.allowed(current_user, "mark_ready", a)
    ]
    to_sign_off = [a for a in articles if workflow.in_state_for(a, "sign_off")]
    return render_template(
        "queues/waiting.html",
        to_review=to_review,
        to_resolve=to_resolve,
        unassigned=unassigned,
        articles=articles,
        to_mark_ready=to_mark_ready,
        to_sign_off=to_sign_off,
        blockers=blockers,
    )
