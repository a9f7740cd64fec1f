"""Verdicts: propose, review (four eyes), and resolutions."""

from collections.abc import Callable

import sqlalchemy as sa

from factcheck import workflow
from factcheck.extensions import db
from factcheck.models import (
    AttributionFinding,
    Claim,
    Resolution,
    ResolutionKind,
    Role,
    User,
    Verdict,
)
from factcheck.models.base import utcnow
from factcheck.models.verdict import VerdictDecision
from factcheck.services import audit, notifications, ratings
from factcheck.services.common import ensure_version
from factcheck.services.errors import ValidationFailed


def propose_verdict(
    claim: Claim,
    actor: User,
    expected_version: int | None,
    *,
    rating: str,
    rationale: str,
    attribution: AttributionFinding | None = None,
) -> Verdict:
    ensure_version(claim, expected_version, "claim")
    if ratings.active_level(rating) is None:
        raise ValidationFailed("Choose a rating from the scale.", field="rating")
    if not rationale.strip():
        raise ValidationFailed("Explain the verdict.", field="rationale")
    if claim.kind.asks_who_said_it and attribution is None:
        raise ValidationFailed("Say whether the source said it.", field="attribution")
    before, after = workflow.apply(claim, "propose", actor)
    verdict = Verdict(
        claim=claim,
        proposer=actor,
        rating=rating,
        rationale=rationale.strip(),
        attribution=attribution if claim.kind.asks_who_said_it else None,
        rated_text=claim.exact,
    )
    db.session.add(verdict)
    db.session.flush()
    found = f"; attribution {attribution.label}" if verdict.attribution else ""
    audit.record(
        actor,
        "verdict.propose",
        claim,
        f"{actor.name} proposed “{verdict.rating_label}”{found}",
        before={"status": before},
        after={
            "status": after,
            "rating": rating,
            "verdict_id": verdict.id,
            "attribution": verdict.attribution,
            "rated_text": verdict.rated_text,
        },
    )
    notifications.mark_done(claim, notifications.CHECKER_TASKS, f"verdict proposed by {actor.name}")
    notifications.review_waiting(claim, verdict, actor)
    return verdict


def _review(
    claim: Claim,
    actor: User,
    expected_version: int | None,
    decision: VerdictDecision,
    note: str,
    describe: Callable[[Verdict], str],
) -> Verdict:
    """Record the one review decision on the verdict under review, with its
    audit event, summarised by ``describe(verdict)``."""
    ensure_version(claim, expected_version, "claim")
    verdict = claim.latest_verdict
    action = "approve" if decision is VerdictDecision.APPROVED else "return"
    before, after = workflow.apply(claim, action, actor)
    verdict.decision, verdict.reviewer, verdict.reviewed_at = decision, actor, utcnow()
    verdict.review_note = note.strip()
    claim.return_reason = note.strip() if decision is VerdictDecision.RETURNED else ""
    notifications.mark_done(
        claim, notifications.REVIEWER_TASKS, f"{decision.label} by {actor.name}"
    )
    audit.record(
        actor,
        f"verdict.{action}",
        claim,
        describe(verdict),
        before={"status": before},
        after={"status": after, "verdict_id": verdict.id},
    )
    return verdict


def approve_verdict(
    claim: Claim, actor: User, expected_version: int | None, note: str = ""
) -> Verdict:
    def describe(verdict: Verdict) -> str:
        extra = " — needs a resolution" if verdict.needs_resolution else ""
        return f"{actor.name} approved “{verdict.rating_label}”{extra}"

    # Kept with the verdict, so the board's time to approval is one read.
    started = audit.round_started_at(claim)
    verdict = _review(claim, actor, expected_version, VerdictDecision.APPROVED, note, describe)
    verdict.round_started_at = started
    notifications.verdict_approved(claim, verdict, actor)
    db.session.flush()
    return verdict


def return_verdict(claim: Claim, actor: User, expected_version: int | None, reason: str) -> Verdict:
    if not reason.strip():
        raise ValidationFailed("Say what the checker should look at again.", field="reason")
    verdict = _review(
        claim,
        actor,
        expected_version,
        VerdictDecision.RETURNED,
        reason,
        lambda _verdict: f"{actor.name} returned it: {reason.strip()}",
    )
    notifications.verdict_returned(claim, verdict, actor)
    db.session.flush()
    return verdict


def _hold_claim(claim: Claim) -> None:
    """Lock the claim's row until the transaction ends and read it afresh,
    so two requests resolving it at once run one after the other and the
    second sees the first's resolution (the unique verdict_id backs it up)."""
    db.session.execute(sa.select(Claim.id).where(Claim.id == claim.id).with_for_update())
    db.session.expire(claim)


def resolve_claim(claim: Claim, actor: User, kind: ResolutionKind, note: str = "") -> Resolution:
    _hold_claim(claim)
    workflow.check(claim, "resolve", actor)
    if kind is ResolutionKind.KEPT_WITH_NOTE:
        if Role.MANAGER not in actor.roles:
            raise workflow.NotPermitted("Only a manager may keep the copy as it is.")
        if not note.strip():
            raise ValidationFailed("Say why the copy stays as it is.", field="note")
    resolution = Resolution(
        claim=claim, verdict=claim.approved_verdict, kind=kind, note=note.strip(), resolved_by=actor
    )
    db.session.add(resolution)
    db.session.flush()
    audit.record(
        actor,
        "claim.resolve",
        claim,
        f"{actor.name} resolved: {kind.label}"
        + (f" — {resolution.note}" if resolution.note else ""),
        after={"resolution": kind, "note": resolution.note},
    )
    return resolution
