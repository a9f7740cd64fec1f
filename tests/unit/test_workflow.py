"""Walk the state tables: every allowed and every refused transition."""

import itertools

import pytest

from factcheck import workflow
from factcheck.models import (
    Article,
    ArticleStatus,
    Claim,
    ClaimStatus,
    ContactAttempt,
    Evidence,
    RatingLevel,
    Role,
    User,
    UserRole,
    Verdict,
)
from factcheck.models.verdict import VerdictDecision
from factcheck.services import blockers

CLAIM_ACTIONS = sorted({action for _, action in workflow.CLAIM_RULES})
ARTICLE_ACTIONS = sorted({action for _, action in workflow.ARTICLE_RULES})


def person(user_id: int, *roles: Role) -> User:
    return User(
        id=user_id, name=f"u{user_id}", active=True, role_rows=[UserRole(role=r) for r in roles]
    )


INACCURATE = RatingLevel(slug="inaccurate", label="Inaccurate", needs_resolution=True)
ACCURATE = RatingLevel(slug="accurate", label="Accurate", needs_resolution=False)

CHECKER = person(1, Role.CHECKER)
OTHER_CHECKER = person(2, Role.CHECKER)
EDITOR = person(3, Role.EDITOR)
MANAGER = person(4, Role.MANAGER)


def claim_in(status: ClaimStatus, article_status=ArticleStatus.CHECKING, **kw) -> Claim:
    """A claim in a state, with what that state implies already there."""
    claim = Claim(
        status=status,
        article=Article(status=article_status),
        assignee_id=1,
        evidence=[Evidence(title="e")],
        contacts=[],
        verdicts=[],
        resolutions=[],
    )
    if status is ClaimStatus.OPEN:
        claim.assignee_id = None
    if status in (ClaimStatus.IN_REVIEW, ClaimStatus.APPROVED, ClaimStatus.RETURNED):
        decision = {
            ClaimStatus.APPROVED: VerdictDecision.APPROVED,
            ClaimStatus.RETURNED: VerdictDecision.RETURNED,
        }.get(status)
        claim.verdicts = [
            Verdict(id=1, rating="inaccurate", level=INACCURATE, proposer_id=1, decision=decision)
        ]
    for key, value in kw.items():
        setattr(claim, key, value)
    return claim


@pytest.mark.parametrize(("status", "action"), list(itertools.product(ClaimStatus, CLAIM_ACTIONS)))
def test_claim_table_allows_exactly_its_transitions(status, action):
    claim = claim_in(status)
    rule = workflow.CLAIM_RULES.get((status, action))
    if rule is None:
        with pytest.raises(workflow.InvalidTransition):
            workflow.apply(claim, action, MANAGER, by_system=True)
        return
    # Someone may take every listed action; apply moves to the rule's target.
    actors = [CHECKER, OTHER_CHECKER, EDITOR, MANAGER]
    allowed = [a for a in actors if rule.who(a, claim)]
    assert allowed, f"nobody may {action} a {status} claim"
    expected = rule.target(claim)
    before, after = workflow.apply(claim, action, allowed[0], by_system=rule.is_system)
    assert (before, after) == (status, expected)
    assert claim.status is expected


@pytest.mark.parametrize(
    ("status", "action"), list(itertools.product(ArticleStatus, ARTICLE_ACTIONS))
)
def test_article_table_allows_exactly_its_transitions(status, action, monkeypatch):
    # What blocks sign-off is counted by the database (tests/functional/
    # test_board_counts.py); here nothing does.
    monkeypatch.setattr(blockers, "signoff_blocked", lambda article: None)
    ready_claim = claim_in(ClaimStatus.APPROVED, resolutions=[])
    ready_claim.verdicts[0].level = ACCURATE
    article = Article(status=status, claims=[ready_claim])
    rule = workflow.ARTICLE_RULES.get((status, action))
    if rule is None:
        with pytest.raises(workflow.InvalidTransition):
            workflow.apply(article, action, MANAGER, by_system=True)
        return
    before, after = workflow.apply(article, action, MANAGER, by_system=rule.is_system)
    assert (before, after) == (status, rule.target(article))


def test_only_the_assigned_checker_works_the_claim():
    claim = claim_in(ClaimStatus.ASSIGNED)
    with pytest.raises(workflow.NotPermitted):
        workflow.apply(claim, "start", OTHER_CHECKER)
    with pytest.raises(workflow.NotPermitted):
        workflow.apply(claim, "start", EDITOR)
    assert workflow.apply(claim, "start", CHECKER) == (
        ClaimStatus.ASSIGNED,
        ClaimStatus.RESEARCHING,
    )


def test_evidence_on_an_assigned_claim_starts_research():
    claim = claim_in(ClaimStatus.ASSIGNED)
    assert workflow.apply(claim, "add_evidence", CHECKER)[1] is ClaimStatus.RESEARCHING


def test_nobody_reviews_their_own_verdict():
    claim = claim_in(ClaimStatus.IN_REVIEW)
    proposer = person(1, Role.CHECKER, Role.EDITOR, Role.MANAGER)
    for action in ("approve", "return"):
        with pytest.raises(workflow.NotPermitted):
            workflow.check(claim, action, proposer)
        assert workflow.can(EDITOR, action, claim)


def test_checkers_cannot_review():
    claim = claim_in(ClaimStatus.IN_REVIEW)
    assert not workflow.can(OTHER_CHECKER, "approve", claim)


def test_proposing_needs_logged_work():
    claim = claim_in(ClaimStatus.RESEARCHING, evidence=[], contacts=[])
    with pytest.raises(workflow.InvalidTransition, match="evidence or contact"):
        workflow.apply(claim, "propose", CHECKER)
    claim.contacts = [ContactAttempt(contact="press office")]
    assert workflow.apply(claim, "propose", CHECKER)[1] is ClaimStatus.IN_REVIEW


def test_system_actions_are_never_taken_directly():
    article = Article(status=ArticleStatus.SIGNED_OFF, claims=[])
    with pytest.raises(workflow.NotPermitted):
        workflow.apply(article, "void", MANAGER)
    claim = claim_in(ClaimStatus.APPROVED)
    with pytest.raises(workflow.NotPermitted):
        workflow.apply(claim, "anchor_lost", MANAGER)
    assert all(
        o.action not in ("void", "anchor_lost") for o in workflow.available_actions(claim, MANAGER)
    )


def test_published_article_is_read_only():
    claim = claim_in(ClaimStatus.RESEARCHING, article_status=ArticleStatus.PUBLISHED)
    for action in ("add_evidence", "edit", "withdraw", "comment"):
        with pytest.raises(workflow.InvalidTransition, match="published"):
            workflow.check(claim, action, CHECKER if action == "add_evidence" else EDITOR)
    assert workflow.available_actions(claim, EDITOR) == []
    assert workflow.available_actions(claim.article, MANAGER) == []


def test_reopened_claim_goes_back_to_its_checker():
    claim = claim_in(ClaimStatus.APPROVED)
    assert workflow.apply(claim, "reopen", EDITOR)[1] is ClaimStatus.RESEARCHING
    unassigned = claim_in(ClaimStatus.ASSIGNED, assignee_id=None)
    assert workflow.apply(unassigned, "anchor_lost", None, by_system=True)[1] is (ClaimStatus.OPEN)
