"""The services: each change is checked, applied and audited together."""

import pytest
import sqlalchemy as sa

from factcheck import workflow
from factcheck.extensions import db
from factcheck.models import (
    AttributionFinding,
    AuditEvent,
    ClaimKind,
    ClaimStatus,
    ResolutionKind,
    Role,
    Verdict,
)
from factcheck.services import articles, claims, verdicts
from factcheck.services.errors import StaleEdit, ValidationFailed


def audit_actions(**where) -> list[str]:
    query = sa.select(AuditEvent.action).order_by(AuditEvent.id)
    for key, value in where.items():
        query = query.where(getattr(AuditEvent, key) == value)
    return list(db.session.scalars(query))


def test_every_step_of_a_claim_writes_its_audit_event(make, editor):
    claim = make.claim(editor=editor, status=ClaimStatus.APPROVED)
    assert audit_actions(claim_id=claim.id) == [
        "claim.create",
        "claim.assign",
        "claim.start",
        "evidence.add",
        "verdict.propose",
        "verdict.approve",
    ]
    assign = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "claim.assign"))
    assert assign.before["status"] == "open" and assign.after["status"] == "assigned"
    assert assign.actor == editor


def test_a_failing_service_call_leaves_nothing_half_written(make, editor, checker, monkeypatch):
    claim = make.claim(editor=editor, status=ClaimStatus.RESEARCHING, assignee=checker)
    make.evidence(claim, checker)
    db.session.commit()
    events_before = len(audit_actions())

    def broken_record(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("factcheck.services.audit.record", broken_record)
    with pytest.raises(RuntimeError):
        verdicts.propose_verdict(claim, checker, None, rating="accurate", rationale="ok")
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Verdict)) == 0
    assert len(audit_actions()) == events_before
    assert db.session.get(type(claim), claim.id).status is ClaimStatus.RESEARCHING


def test_verdicts_are_revised_never_overwritten(make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.RETURNED, assignee=checker)
    verdicts.propose_verdict(claim, checker, None, rating="misleading", rationale="Second try")
    assert [v.rating for v in claim.verdicts] == ["accurate", "misleading"]
    assert claim.verdicts[0].review_note == "Find a second source."


@pytest.mark.parametrize("kind", [ClaimKind.ATTRIBUTION, ClaimKind.QUOTE])
def test_attribution_and_quote_verdicts_record_whether_the_source_said_it(
    make, editor, checker, kind
):
    claim = make.claim(
        editor=editor,
        quote="AP reports",
        kind=kind,
        status=ClaimStatus.RESEARCHING,
        assignee=checker,
    )
    make.evidence(claim, checker)
    with pytest.raises(ValidationFailed) as err:
        verdicts.propose_verdict(claim, checker, None, rating="accurate", rationale="x")
    assert err.value.field == "attribution"
    verdict = verdicts.propose_verdict(
        claim,
        checker,
        None,
        rating="unverifiable",
        rationale="AP piece found",
        attribution=AttributionFinding.CONFIRMED,
    )
    assert verdict.attribution is AttributionFinding.CONFIRMED
    assert verdict.rating == "unverifiable"


def test_stale_version_is_refused(make, editor):
    claim = make.claim(editor=editor)
    stale = claim.version
    claims.edit_claim(
        claim,
        editor,
        stale,
        kind=ClaimKind.EVENT,
        priority=claim.priority,
        sources=[],
        note="first",
    )
    db.session.flush()
    with pytest.raises(StaleEdit):
        claims.edit_claim(
            claim,
            editor,
            stale,
            kind=ClaimKind.QUOTE,
            priority=claim.priority,
            sources=[],
            note="second",
        )
    assert claim.note == "first"


def test_only_checkers_can_be_assigned(make, editor):
    claim = make.claim(editor=editor)
    other_editor = make.user("Other Editor", [Role.EDITOR])
    with pytest.raises(ValidationFailed, match="not an active checker"):
        claims.assign_claim(claim, editor, other_editor, None)
    assert claim.status is ClaimStatus.OPEN


def test_the_assign_event_records_who_before_and_after(make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.ASSIGNED, assignee=checker)
    other = make.user("Lee Checker", [Role.CHECKER])
    claims.assign_claim(claim, editor, other, None)
    events = db.session.scalars(
        sa.select(AuditEvent)
        .where(AuditEvent.action == "claim.assign", AuditEvent.claim_id == claim.id)
        .order_by(AuditEvent.id)
    ).all()
    assert [(e.before["assignee_id"], e.after["assignee_id"]) for e in events] == [
        (None, checker.id),
        (checker.id, other.id),
    ]


def test_keeping_copy_as_is_needs_a_manager_and_a_note(make, editor, manager):
    claim = make.claim(editor=editor, status=ClaimStatus.APPROVED, rating="misleading")
    with pytest.raises(workflow.NotPermitted):
        verdicts.resolve_claim(claim, editor, ResolutionKind.KEPT_WITH_NOTE, "Fine")
    with pytest.raises(ValidationFailed):
        verdicts.resolve_claim(claim, manager, ResolutionKind.KEPT_WITH_NOTE, "")
    verdicts.resolve_claim(claim, manager, ResolutionKind.KEPT_WITH_NOTE, "Quote is accurate")
    assert not claim.needs_resolution


def test_reapproved_claim_needs_a_new_resolution(make, editor, checker):
    claim = make.claim(
        editor=editor, status=ClaimStatus.APPROVED, rating="inaccurate", assignee=checker
    )
    verdicts.resolve_claim(claim, editor, ResolutionKind.CORRECTED, "fixed")
    claims.move_claim(claim, "reopen", editor)
    verdicts.propose_verdict(claim, checker, None, rating="misleading", rationale="new facts")
    verdicts.approve_verdict(claim, editor, None)
    assert claim.needs_resolution


def test_withdrawn_claims_do_not_block_signoff(make, editor, manager):
    article = make.article(editor)
    make.claim(article, status=ClaimStatus.APPROVED)
    make.claim(article, quote="protect civilians", status=ClaimStatus.WITHDRAWN)
    articles.transition(article, "mark_ready", editor)
    articles.transition(article, "sign_off", manager)
    assert article.signed_off_by == manager


def test_new_claim_after_signoff_voids_it(make, editor, manager):
    article = make.article(editor)
    make.claim(article, status=ClaimStatus.APPROVED)
    articles.transition(article, "mark_ready", editor)
    articles.transition(article, "sign_off", manager)
    make.claim(article, quote="protect civilians")
    assert article.status.value == "checking"
    assert article.signoff_voided_reason == "Sign-off voided: Dana Editor added a claim."
    assert "article.void" in audit_actions(article_id=article.id)


def test_pasted_text_is_normalised_into_paragraphs(make, editor):
    article = articles.create_article(
        editor, title="", body="First  line\r\nSecond\x00 line\n\n\n   \nThird"
    )
    assert article.paragraphs == ["First line Second line", "Third"]
    assert article.title == "First line Second line"
    one_per_line = articles.create_article(editor, title="T", body="One\nTwo\r\nThree")
    assert one_per_line.paragraphs == ["One", "Two", "Three"]
    with pytest.raises(ValidationFailed):
        articles.create_article(editor, title="Empty", body=" \n\t\n")


def test_audit_events_cannot_be_changed(make, editor):
    make.article(editor)
    db.session.commit()
    event = db.session.scalar(sa.select(AuditEvent))
    event.summary = "rewritten"
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()
    with pytest.raises(sa.exc.DatabaseError):
        db.session.execute(sa.text("DELETE FROM audit_events"))
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) > 0


def test_control_characters_never_reach_the_database(make, editor, checker):
    claim = make.claim(editor=editor, status=ClaimStatus.RESEARCHING, assignee=checker)
    comment = claims.add_comment(claim, checker, "Called\x00 the\x07 ministry\ttwice")
    source = make.source("Mini\x00stry of Interior", aliases=["M\x1bOI"])
    db.session.commit()
    db.session.expire_all()
    assert comment.body == "Called the ministry\ttwice"
    assert source.name == "Ministry of Interior" and source.alias_names == ["MOI"]


def test_sources_with_non_ascii_names_are_found_again(make):
    from factcheck.models import SourceKind
    from factcheck.services import sources

    first = sources.find_or_create("oLÙ Ümit", SourceKind.PERSON, None)
    assert sources.find_or_create("oLÙ Ümit", SourceKind.PERSON, None) is first
    alias_owner = make.source("Agence Ötü", aliases=["ÖTÜ"])
    assert sources.find_by_name("ÖTÜ") is alias_owner
