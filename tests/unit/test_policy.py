"""The desk's policy, written by hand from DESIGN.md and the README (not
read from workflow.py): who may do what to a claim or an article, from which
state, where it leads, whether it is a plain button and whether it voids a
sign-off. The workflow tables must say exactly this; a rule changed there
without changing the policy here fails."""

import itertools

import pytest

from factcheck import workflow
from factcheck.models import (
    Article,
    ArticleStatus,
    Claim,
    ClaimStatus,
    Evidence,
    RatingLevel,
    Role,
    User,
    UserRole,
    Verdict,
)
from factcheck.models.verdict import VerdictDecision
from factcheck.services import blockers

C, A = ClaimStatus, ArticleStatus


def person(user_id: int, *roles: Role) -> User:
    return User(
        id=user_id, name=f"u{user_id}", active=True, role_rows=[UserRole(role=r) for r in roles]
    )


# The people of the desk. The assigned checker proposed any verdict there is.
ACTORS = {
    "assignee": person(1, Role.CHECKER),
    "checker": person(2, Role.CHECKER),
    "editor": person(3, Role.EDITOR),
    "manager": person(4, Role.MANAGER),  # "everything an editor does, plus sign-off"
}
EVERYONE = frozenset(ACTORS)
EDITORS = frozenset({"editor", "manager"})
ASSIGNEE = frozenset({"assignee"})
MANAGER = frozenset({"manager"})
SYSTEM = frozenset()  # a consequence of another change, never taken by a person

LIVE = (C.OPEN, C.ASSIGNED, C.RESEARCHING, C.RETURNED, C.IN_REVIEW, C.APPROVED)
WORKING = (C.ASSIGNED, C.RESEARCHING, C.RETURNED)  # the checker has it
UNPUBLISHED = (A.DRAFT, A.CHECKING, A.READY, A.SIGNED_OFF)
SAME = None  # the action keeps the state

# (state, action): (who may, next state, plain button, voids sign-off)
CLAIM_POLICY = {
    **{(s, "comment"): (EVERYONE, SAME, False, False) for s in ClaimStatus},
    **{(s, "edit"): (EDITORS, SAME, False, True) for s in LIVE},
    **{(s, "withdraw"): (EDITORS, C.WITHDRAWN, True, True) for s in LIVE},
    (C.WITHDRAWN, "restore"): (EDITORS, C.OPEN, True, True),
    (C.OPEN, "assign"): (EDITORS, C.ASSIGNED, False, False),
    **{(s, "assign"): (EDITORS, SAME, False, False) for s in WORKING},  # reassign
    (C.ASSIGNED, "start"): (ASSIGNEE, C.RESEARCHING, True, False),
    (C.RETURNED, "start"): (ASSIGNEE, C.RESEARCHING, True, False),
    **{(s, "add_evidence"): (ASSIGNEE, C.RESEARCHING, False, False) for s in WORKING},
    **{(s, "log_contact"): (ASSIGNEE, C.RESEARCHING, False, False) for s in WORKING},
    # A contact's answer may come in at any time while the claim is live.
    **{(s, "record_answer"): (ASSIGNEE | EDITORS, SAME, False, False) for s in LIVE},
    (C.OPEN, "record_answer"): (EDITORS, SAME, False, False),  # nobody is assigned
    (C.RESEARCHING, "propose"): (ASSIGNEE, C.IN_REVIEW, False, False),
    (C.RETURNED, "propose"): (ASSIGNEE, C.IN_REVIEW, False, False),
    # Four eyes: an editor who did not propose it (the proposer is a checker here).
    (C.IN_REVIEW, "approve"): (EDITORS, C.APPROVED, False, False),
    (C.IN_REVIEW, "return"): (EDITORS, C.RETURNED, False, False),
    (C.APPROVED, "resolve"): (EDITORS, SAME, False, False),
    # Re-opened, a claim goes back to its checker.
    (C.APPROVED, "reopen"): (EDITORS, C.RESEARCHING, True, True),
    # A quote lost from the text re-opens the claim: to its checker, if it has one.
    **{(s, "anchor_lost"): (SYSTEM, C.RESEARCHING, False, False) for s in LIVE},
    (C.OPEN, "anchor_lost"): (SYSTEM, C.OPEN, False, False),
    # A verdict rates words: when the claim's words change, a verdict waiting
    # for review goes back to the checker and an approval is withdrawn (to the
    # checker, if it has one); a claim with no verdict just follows the words.
    **{(s, "words_changed"): (SYSTEM, SAME, False, False) for s in LIVE},
    (C.IN_REVIEW, "words_changed"): (SYSTEM, C.RETURNED, False, False),
    (C.APPROVED, "words_changed"): (SYSTEM, C.RESEARCHING, False, False),
}

ARTICLE_POLICY = {
    (A.DRAFT, "edit"): (EDITORS, SAME, False, True),
    (A.CHECKING, "edit"): (EDITORS, SAME, False, True),
    # Any change after sign-off voids it: back to checking.
    (A.READY, "edit"): (EDITORS, A.CHECKING, False, True),
    (A.SIGNED_OFF, "edit"): (EDITORS, A.CHECKING, False, True),
    **{(s, "add_claim"): (EDITORS, SAME, False, True) for s in UNPUBLISHED},
    (A.DRAFT, "start_checking"): (EDITORS, A.CHECKING, True, False),
    (A.CHECKING, "mark_ready"): (EDITORS, A.READY, True, False),
    (A.READY, "sign_off"): (MANAGER, A.SIGNED_OFF, True, False),  # only a manager signs off
    (A.READY, "reopen"): (EDITORS, A.CHECKING, True, False),
    (A.SIGNED_OFF, "publish"): (EDITORS, A.PUBLISHED, True, False),
    (A.SIGNED_OFF, "reopen"): (MANAGER, A.CHECKING, True, False),  # withdraw a sign-off
    (A.READY, "void"): (SYSTEM, A.CHECKING, False, False),
    (A.SIGNED_OFF, "void"): (SYSTEM, A.CHECKING, False, False),
    # Published: the record is read-only.
}

ACCURATE = RatingLevel(slug="accurate", label="Accurate", needs_resolution=False)
INACCURATE = RatingLevel(slug="inaccurate", label="Inaccurate", needs_resolution=True)


def claim_in(status: ClaimStatus) -> Claim:
    """A claim in a state, with what that state implies (work logged, a
    verdict by its checker, rated inaccurate so it awaits a resolution)."""
    decision = {C.APPROVED: VerdictDecision.APPROVED, C.RETURNED: VerdictDecision.RETURNED}
    verdicts = []
    if status in (C.IN_REVIEW, C.APPROVED, C.RETURNED):
        verdicts = [
            Verdict(
                id=1,
                rating="inaccurate",
                level=INACCURATE,
                proposer_id=ACTORS["assignee"].id,
                decision=decision.get(status),
            )
        ]
    return Claim(
        status=status,
        article=Article(status=A.CHECKING),
        assignee_id=None if status is C.OPEN else ACTORS["assignee"].id,
        evidence=[Evidence(title="statement")],
        contacts=[],
        verdicts=verdicts,
        resolutions=[],
    )


def article_in(status: ArticleStatus) -> Article:
    """An article whose one claim is approved and needs nothing more."""
    done = claim_in(C.APPROVED)
    done.verdicts[0].level = ACCURATE
    return Article(status=status, claims=[done])


def who_may(obj, action: str) -> frozenset:
    return frozenset(name for name, user in ACTORS.items() if workflow.allowed(user, action, obj))


CLAIM_CASES = list(
    itertools.product(ClaimStatus, sorted({a for _, a in CLAIM_POLICY | workflow.CLAIM_RULES}))
)
ARTICLE_CASES = list(
    itertools.product(
        ArticleStatus, sorted({a for _, a in ARTICLE_POLICY | workflow.ARTICLE_RULES})
    )
)


def check_against_policy(obj, action: str, policy: dict) -> None:
    expected = policy.get((obj.status, action))
    rule = workflow.CLAIM_RULES if isinstance(obj, Claim) else workflow.ARTICLE_RULES
    rule = rule.get((obj.status, action))
    if expected is None:
        assert rule is None, f"the policy has no {action} from {obj.status}"
        assert who_may(obj, action) == frozenset()
        return
    who, next_state, button, voids = expected
    assert rule is not None, f"the policy allows {action} from {obj.status}"
    assert who_may(obj, action) == who
    assert (rule.is_system, rule.button, rule.voids_signoff) == (not who, button, voids)
    actor = ACTORS[sorted(who)[0]] if who else None
    before = obj.status
    assert workflow.apply(obj, action, actor, by_system=not who) == (
        before,
        next_state or before,
    )


@pytest.mark.parametrize(("status", "action"), CLAIM_CASES)
def test_the_claim_workflow_is_the_desk_policy(status, action):
    check_against_policy(claim_in(status), action, CLAIM_POLICY)


@pytest.mark.parametrize(("status", "action"), ARTICLE_CASES)
def test_the_article_workflow_is_the_desk_policy(status, action, monkeypatch):
    # Who and where to; what blocks sign-off is the database's answer, tested apart.
    monkeypatch.setattr(blockers, "signoff_blocked", lambda article: None)
    check_against_policy(article_in(status), action, ARTICLE_POLICY)


def test_nobody_reviews_their_own_verdict():
    claim = claim_in(C.IN_REVIEW)
    claim.verdicts[0].proposer_id = ACTORS["editor"].id
    assert who_may(claim, "approve") == who_may(claim, "return") == {"manager"}
    assert workflow.own_verdict_under_review(ACTORS["editor"], claim)
    assert not workflow.own_verdict_under_review(ACTORS["manager"], claim)


def test_a_published_article_is_read_only():
    article = article_in(A.PUBLISHED)
    claim = claim_in(C.RESEARCHING)
    claim.article = article
    for obj, actions in ((article, ARTICLE_CASES), (claim, CLAIM_CASES)):
        assert all(who_may(obj, action) == frozenset() for _, action in actions)
        assert workflow.read_only(obj)
