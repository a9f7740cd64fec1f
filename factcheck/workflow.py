"""The claim and article state machines, and who may do what.

Each table maps (state, action) to a Rule: the next state (None keeps the
state), who may take the action, and a precondition that names what blocks
it. Services call ``apply``; templates call ``available_actions``; tests
walk the tables. Change a rule here, in one line.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from factcheck.models import Article, ArticleStatus, Claim, ClaimStatus, Role, User


class WorkflowError(Exception):
    http_status = 409


class InvalidTransition(WorkflowError):
    """The action is not possible in the object's current state."""


class NotPermitted(WorkflowError):
    http_status = 403


# --- who may -------------------------------------------------------------

Who = Callable[[User | None, Any], bool]


def system(user: User | None, _obj: Any) -> bool:
    """Taken by the services themselves, never offered as a button."""
    return True


def _signed_in(user: Any) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def any_user(user: User | None, _obj: Any) -> bool:
    return _signed_in(user)


def editor(user: User | None, _obj: Any) -> bool:
    return _signed_in(user) and user.has_role(Role.EDITOR)


def manager(user: User | None, _obj: Any) -> bool:
    return _signed_in(user) and user.has_role(Role.MANAGER)


def assignee(user: User | None, claim: Claim) -> bool:
    return _signed_in(user) and claim.assignee_id == user.id


def second_pair_of_eyes(user: User | None, claim: Claim) -> bool:
    """An editor who did not propose the verdict under review."""
    verdict = claim.latest_verdict
    return editor(user, claim) and verdict is not None and verdict.proposer_id != user.id


def assignee_or_editor(user: User | None, claim: Claim) -> bool:
    return assignee(user, claim) or editor(user, claim)


# --- preconditions: return what blocks the action, or None -----------------

Precondition = Callable[[Any], str | None]


def has_work_logged(claim: Claim) -> str | None:
    if not claim.evidence and not claim.contacts:
        return "Log at least one piece of evidence or contact attempt first."
    return None


def has_assignee(claim: Claim) -> str | None:
    return None if claim.assignee_id else "Assign a checker first."


def awaiting_resolution(claim: Claim) -> str | None:
    return None if claim.needs_resolution else "This verdict needs no resolution."


def has_claims(article: Article) -> str | None:
    return None if article.active_claims else "Mark at least one claim first."


def signoff_blockers(article: Article) -> list[str]:
    """Everything that stands between an article and sign-off."""
    blockers = []
    active = article.active_claims
    if not active:
        blockers.append("The article has no claims.")
    unapproved = [c for c in active if c.status is not ClaimStatus.APPROVED]
    if unapproved:
        blockers.append(f"{len(unapproved)} claim(s) not approved yet.")
    unresolved = [c for c in active if c.needs_resolution]
    if unresolved:
        blockers.append(f"{len(unresolved)} claim(s) need a resolution.")
    lost = [c for c in active if c.anchor_lost]
    if lost:
        blockers.append(f"{len(lost)} claim(s) no longer match the text.")
    return blockers


def all_claims_done(article: Article) -> str | None:
    blockers = signoff_blockers(article)
    return " ".join(blockers) if blockers else None


def reopened_state(claim: Claim) -> ClaimStatus:
    return ClaimStatus.RESEARCHING if claim.assignee_id else ClaimStatus.OPEN


@dataclass(frozen=True)
class Rule:
    next_state: Enum | Callable[[Any], Enum] | None
    who: Who
    label: str
    precondition: Precondition | None = None

    @property
    def is_system(self) -> bool:
        return self.who is system

    def target(self, obj: Any) -> Enum:
        if self.next_state is None:
            return obj.status
        if callable(self.next_state) and not isinstance(self.next_state, Enum):
            return self.next_state(obj)
        return self.next_state


C = ClaimStatus
A = ArticleStatus
_LIVE_CLAIM = (C.OPEN, C.ASSIGNED, C.RESEARCHING, C.RETURNED, C.IN_REVIEW, C.APPROVED)
_WORKING = (C.ASSIGNED, C.RESEARCHING, C.RETURNED)

CLAIM_RULES: dict[tuple[ClaimStatus, str], Rule] = {
    **{(s, "edit"): Rule(None, editor, "Edit claim") for s in _LIVE_CLAIM},
    **{(s, "comment"): Rule(None, any_user, "Comment") for s in ClaimStatus},
    **{(s, "withdraw"): Rule(C.WITHDRAWN, editor, "Withdraw") for s in _LIVE_CLAIM},
    **{(s, "assign"): Rule(None, editor, "Reassign") for s in _WORKING},
    (C.OPEN, "assign"): Rule(C.ASSIGNED, editor, "Assign"),
    (C.ASSIGNED, "start"): Rule(C.RESEARCHING, assignee, "Start research"),
    (C.RETURNED, "start"): Rule(C.RESEARCHING, assignee, "Resume research"),
    **{(s, "add_evidence"): Rule(C.RESEARCHING, assignee, "Add evidence") for s in _WORKING},
    **{(s, "log_contact"): Rule(C.RESEARCHING, assignee, "Log contact") for s in _WORKING},
    **{(s, "record_answer"): Rule(None, assignee_or_editor, "Record answer") for s in _LIVE_CLAIM},
    (C.RESEARCHING, "propose"): Rule(C.IN_REVIEW, assignee, "Propose verdict", has_work_logged),
    (C.RETURNED, "propose"): Rule(C.IN_REVIEW, assignee, "Propose verdict", has_work_logged),
    (C.IN_REVIEW, "approve"): Rule(C.APPROVED, second_pair_of_eyes, "Approve verdict"),
    (C.IN_REVIEW, "return"): Rule(C.RETURNED, second_pair_of_eyes, "Return to checker"),
    (C.APPROVED, "resolve"): Rule(None, editor, "Record resolution", awaiting_resolution),
    (C.APPROVED, "reopen"): Rule(reopened_state, editor, "Re-open"),
    (C.WITHDRAWN, "restore"): Rule(C.OPEN, editor, "Restore"),
    **{(s, "anchor_lost"): Rule(reopened_state, system, "Quote lost") for s in _LIVE_CLAIM},
}

ARTICLE_RULES: dict[tuple[ArticleStatus, str], Rule] = {
    (A.DRAFT, "edit"): Rule(None, editor, "Edit article"),
    (A.CHECKING, "edit"): Rule(None, editor, "Edit article"),
    (A.READY, "edit"): Rule(A.CHECKING, editor, "Edit article"),
    (A.SIGNED_OFF, "edit"): Rule(A.CHECKING, editor, "Edit article"),
    (A.DRAFT, "add_claim"): Rule(None, editor, "Add claim"),
    (A.CHECKING, "add_claim"): Rule(None, editor, "Add claim"),
    # A new claim under a ready or signed-off article voids the check ("void").
    (A.READY, "add_claim"): Rule(None, editor, "Add claim"),
    (A.SIGNED_OFF, "add_claim"): Rule(None, editor, "Add claim"),
    (A.DRAFT, "start_checking"): Rule(A.CHECKING, editor, "Start checking", has_claims),
    (A.CHECKING, "mark_ready"): Rule(A.READY, editor, "Mark ready", all_claims_done),
    (A.READY, "sign_off"): Rule(A.SIGNED_OFF, manager, "Sign off", all_claims_done),
    (A.READY, "reopen"): Rule(A.CHECKING, editor, "Back to checking"),
    (A.SIGNED_OFF, "publish"): Rule(A.PUBLISHED, editor, "Mark published", all_claims_done),
    (A.SIGNED_OFF, "reopen"): Rule(A.CHECKING, manager, "Withdraw sign-off"),
    # A claim changed under a ready or signed-off article: the check is void.
    (A.READY, "void"): Rule(A.CHECKING, system, "Void"),
    (A.SIGNED_OFF, "void"): Rule(A.CHECKING, system, "Void sign-off"),
}


def _rules_for(obj: Any) -> dict:
    if isinstance(obj, Claim):
        return CLAIM_RULES
    if isinstance(obj, Article):
        return ARTICLE_RULES
    raise TypeError(f"no workflow for {type(obj).__name__}")


def _read_only(obj: Any) -> str | None:
    article = obj if isinstance(obj, Article) else obj.article
    if article.status is ArticleStatus.PUBLISHED:
        return "The article is published; its record is read-only."
    return None


def rule_for(obj: Any, action: str) -> Rule:
    rule = _rules_for(obj).get((obj.status, action))
    if rule is None:
        raise InvalidTransition(f"Cannot {action.replace('_', ' ')} while {obj.status.label}.")
    return rule


def check(obj: Any, action: str, actor: User | None, by_system: bool = False) -> Rule:
    """Raise unless ``actor`` may take ``action`` on ``obj`` now.

    System actions are consequences of another change (a sign-off voided by
    an edit); only services take them, saying so with ``by_system``.
    """
    blocked = _read_only(obj)
    if blocked:
        raise InvalidTransition(blocked)
    rule = rule_for(obj, action)
    if rule.is_system and not by_system:
        raise NotPermitted(f"{rule.label} happens only as a consequence of another change.")
    if not rule.who(actor, obj):
        raise NotPermitted(f"You may not {rule.label.lower()} here.")
    if rule.precondition:
        reason = rule.precondition(obj)
        if reason:
            raise InvalidTransition(reason)
    return rule


def apply(obj: Any, action: str, actor: User | None, by_system: bool = False) -> tuple[Enum, Enum]:
    """Check and move ``obj`` to its next state; return (before, after)."""
    rule = check(obj, action, actor, by_system)
    before = obj.status
    obj.status = rule.target(obj)
    return before, obj.status


def can(user: User | None, action: str, obj: Any) -> bool:
    try:
        check(obj, action, user)
    except WorkflowError:
        return False
    return True


@dataclass(frozen=True)
class ActionOption:
    action: str
    label: str
    blocked: str | None  # why it cannot be taken yet, shown beside a disabled button


def available_actions(obj: Any, user: User | None) -> list[ActionOption]:
    """The actions the user could take on obj in its state, for buttons."""
    if _read_only(obj):
        return []
    options = []
    for (state, action), rule in _rules_for(obj).items():
        if state is not obj.status or rule.is_system or not rule.who(user, obj):
            continue
        blocked = rule.precondition(obj) if rule.precondition else None
        options.append(ActionOption(action, rule.label, blocked))
    return options
