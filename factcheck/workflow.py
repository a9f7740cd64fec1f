"""The claim and article state machines, and who may do what.

Each table maps (state, action) to a Rule: the next state (None keeps the
state), who may take the action, a precondition that names what blocks it,
and how the action shows: its audit summary, whether it voids the article's
check, whether it is offered as a plain button. Services call ``apply``;
views, templates, queues and notifications call ``can`` and
``available_actions``; tests walk the tables. Change a rule here, in one line.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from factcheck.models import Article, ArticleStatus, Claim, ClaimStatus, Role, User
from factcheck.services import blockers


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


def proposed_by(user: User | None, claim: Claim) -> bool:
    """The user proposed the claim's latest verdict (and so may not review it)."""
    verdict = claim.latest_verdict
    return _signed_in(user) and verdict is not None and verdict.proposer_id == user.id


def own_verdict_under_review(user: User | None, claim: Claim) -> bool:
    """The verdict waiting for review is the user's own: someone else must
    review it (said beside the verdict, where the review form would be)."""
    return (claim.status, "approve") in CLAIM_RULES and proposed_by(user, claim)


def second_pair_of_eyes(user: User | None, claim: Claim) -> bool:
    """An editor who did not propose the verdict under review."""
    return editor(user, claim) and claim.latest_verdict is not None and not proposed_by(user, claim)


def assignee_or_editor(user: User | None, claim: Claim) -> bool:
    return assignee(user, claim) or editor(user, claim)


# --- preconditions: return what blocks the action, or None -----------------

Precondition = Callable[[Any], str | None]


def has_work_logged(claim: Claim) -> str | None:
    if not claim.evidence and not claim.contacts:
        return "Log at least one piece of evidence or contact attempt first."
    return None


def quote_in_text(claim: Claim) -> str | None:
    if claim.anchor_lost:
        return "The quote is no longer in the article text; an editor must re-mark it first."
    return None


def rates_current_words(claim: Claim) -> str | None:
    """The verdict under review rates the words the claim has now."""
    verdict = claim.latest_verdict
    if verdict is None or not verdict.is_current or verdict.rated_text != claim.exact:
        return "The claim's words changed since this verdict was proposed; check them again."
    return quote_in_text(claim)


def ready_to_propose(claim: Claim) -> str | None:
    return quote_in_text(claim) or has_work_logged(claim)


def has_assignee(claim: Claim) -> str | None:
    return None if claim.assignee_id else "Assign a checker first."


def awaiting_resolution(claim: Claim) -> str | None:
    return None if claim.needs_resolution else "This verdict needs no resolution."


def has_claims(article: Article) -> str | None:
    return None if article.active_claims else "Mark at least one claim first."


def all_claims_done(article: Article) -> str | None:
    """Nothing blocks sign-off (one definition, counted by the database)."""
    return blockers.signoff_blocked(article)


def reopened_state(claim: Claim) -> ClaimStatus:
    return ClaimStatus.RESEARCHING if claim.assignee_id else ClaimStatus.OPEN


@dataclass(frozen=True)
class Rule:
    next_state: Enum | Callable[[Any], Enum] | None
    who: Who
    label: str
    precondition: Precondition | None = None
    # The audit event's summary, "{actor}" standing for the actor's name.
    # Services that record more (a rating, an assignee) write their own.
    summary: str = ""
    # Taking it changes what was checked: a ready or signed-off article goes
    # back to checking and loses its sign-off.
    voids_signoff: bool = False
    # Offered as a plain button (version and CSRF token only); the other
    # actions have forms of their own. ``primary`` marks the next step.
    button: bool = False
    primary: bool = False

    @property
    def is_system(self) -> bool:
        return self.who is system

    def target(self, obj: Any) -> Enum:
        if self.next_state is None:
            return obj.status
        if callable(self.next_state) and not isinstance(self.next_state, Enum):
            return self.next_state(obj)
        return self.next_state

    def describe(self, actor: User | None) -> str:
        name = actor.name if actor is not None else "The desk"
        return self.summary.format(actor=name) if self.summary else f"{name}: {self.label}"


def _button(next_state, who: Who, label: str, summary: str, precondition=None, **kw: bool) -> Rule:
    return Rule(next_state, who, label, precondition, summary=summary, button=True, **kw)


C = ClaimStatus
A = ArticleStatus
_LIVE_CLAIM = (C.OPEN, C.ASSIGNED, C.RESEARCHING, C.RETURNED, C.IN_REVIEW, C.APPROVED)
_WORKING = (C.ASSIGNED, C.RESEARCHING, C.RETURNED)

_VOIDS = {"voids_signoff": True}
_EDIT_CLAIM = Rule(None, editor, "Edit claim", summary="{actor} edited the claim", **_VOIDS)
_WITHDRAW = _button(
    C.WITHDRAWN, editor, "Withdraw", "{actor} withdrew the claim from the copy", **_VOIDS
)

CLAIM_RULES: dict[tuple[ClaimStatus, str], Rule] = {
    **{(s, "edit"): _EDIT_CLAIM for s in _LIVE_CLAIM},
    **{(s, "comment"): Rule(None, any_user, "Comment") for s in ClaimStatus},
    **{(s, "withdraw"): _WITHDRAW for s in _LIVE_CLAIM},
    **{(s, "assign"): Rule(None, editor, "Reassign") for s in _WORKING},
    (C.OPEN, "assign"): Rule(C.ASSIGNED, editor, "Assign"),
    (C.ASSIGNED, "start"): _button(
        C.RESEARCHING, assignee, "Start research", "{actor} started research", primary=True
    ),
    (C.RETURNED, "start"): _button(
        C.RESEARCHING, assignee, "Resume research", "{actor} started research", primary=True
    ),
    **{(s, "add_evidence"): Rule(C.RESEARCHING, assignee, "Add evidence") for s in _WORKING},
    **{(s, "log_contact"): Rule(C.RESEARCHING, assignee, "Log contact") for s in _WORKING},
    **{(s, "record_answer"): Rule(None, assignee_or_editor, "Record answer") for s in _LIVE_CLAIM},
    (C.RESEARCHING, "propose"): Rule(C.IN_REVIEW, assignee, "Propose verdict", ready_to_propose),
    (C.RETURNED, "propose"): Rule(C.IN_REVIEW, assignee, "Propose verdict", ready_to_propose),
    (C.IN_REVIEW, "approve"): Rule(
        C.APPROVED, second_pair_of_eyes, "Approve verdict", rates_current_words
    ),
    (C.IN_REVIEW, "return"): Rule(C.RETURNED, second_pair_of_eyes, "Return to checker"),
    (C.APPROVED, "resolve"): Rule(None, editor, "Record resolution", awaiting_resolution),
    (C.APPROVED, "reopen"): _button(
        reopened_state, editor, "Re-open", "{actor} re-opened the claim", **_VOIDS
    ),
    (C.WITHDRAWN, "restore"): _button(
        C.OPEN, editor, "Restore", "{actor} restored the claim", **_VOIDS
    ),
    **{(s, "anchor_lost"): Rule(reopened_state, system, "Quote lost") for s in _LIVE_CLAIM},
    # The claim's words changed (an edit of the text or of the claim's span):
    # a verdict rates words, so one waiting for review goes back to the
    # checker and an approval is withdrawn; other claims follow the words.
    **{(s, "words_changed"): Rule(None, system, "Words changed") for s in _LIVE_CLAIM},
    (C.IN_REVIEW, "words_changed"): Rule(C.RETURNED, system, "Words changed"),
    (C.APPROVED, "words_changed"): Rule(reopened_state, system, "Words changed"),
}

_EDIT_ARTICLE = {"summary": "{actor} edited the article", **_VOIDS}
_ADD_CLAIM = Rule(None, editor, "Add claim", summary="{actor} added a claim", **_VOIDS)

ARTICLE_RULES: dict[tuple[ArticleStatus, str], Rule] = {
    (A.DRAFT, "edit"): Rule(None, editor, "Edit article", **_EDIT_ARTICLE),
    (A.CHECKING, "edit"): Rule(None, editor, "Edit article", **_EDIT_ARTICLE),
    (A.READY, "edit"): Rule(A.CHECKING, editor, "Edit article", **_EDIT_ARTICLE),
    (A.SIGNED_OFF, "edit"): Rule(A.CHECKING, editor, "Edit article", **_EDIT_ARTICLE),
    **{(s, "add_claim"): _ADD_CLAIM for s in (A.DRAFT, A.CHECKING, A.READY, A.SIGNED_OFF)},
    (A.DRAFT, "start_checking"): _button(
        A.CHECKING, editor, "Start checking", "{actor} started checking", has_claims, primary=True
    ),
    (A.CHECKING, "mark_ready"): _button(
        A.READY,
        editor,
        "Mark ready",
        "{actor} marked the article ready for sign-off",
        all_claims_done,
        primary=True,
    ),
    (A.READY, "sign_off"): _button(
        A.SIGNED_OFF,
        manager,
        "Sign off",
        "{actor} signed the article off",
        all_claims_done,
        primary=True,
    ),
    (A.READY, "reopen"): _button(
        A.CHECKING, editor, "Back to checking", "{actor} sent the article back to checking"
    ),
    (A.SIGNED_OFF, "publish"): _button(
        A.PUBLISHED,
        editor,
        "Mark published",
        "{actor} marked the article published",
        all_claims_done,
        primary=True,
    ),
    (A.SIGNED_OFF, "reopen"): _button(
        A.CHECKING, manager, "Withdraw sign-off", "{actor} sent the article back to checking"
    ),
    # What voids_signoff does: a ready or signed-off article goes back to checking.
    (A.READY, "void"): Rule(A.CHECKING, system, "Void"),
    (A.SIGNED_OFF, "void"): Rule(A.CHECKING, system, "Void sign-off"),
}


def _rules_for(obj: Any) -> dict:
    if isinstance(obj, Claim):
        return CLAIM_RULES
    if isinstance(obj, Article):
        return ARTICLE_RULES
    raise TypeError(f"no workflow for {type(obj).__name__}")


def read_only(obj: Any) -> str | None:
    """Why nothing may be done to obj any more, or None."""
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
    blocked = read_only(obj)
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


def button_rule(obj: Any, action: str) -> Rule:
    """The rule behind a plain button: refused (409, like any action not
    possible now) when the action has a form of its own."""
    rule = rule_for(obj, action)
    if not rule.button:
        raise InvalidTransition(f"{rule.label} has a form of its own; it is not taken here.")
    return rule


def voids_check(obj: Any, action: str) -> str | None:
    """What taking ``action`` on ``obj`` now would undo of its article's
    check, in words for the form that takes it; None when nothing."""
    rule = _rules_for(obj).get((obj.status, action))
    article = obj if isinstance(obj, Article) else obj.article
    if rule is None or not rule.voids_signoff or (article.status, "void") not in ARTICLE_RULES:
        return None
    if article.status is ArticleStatus.SIGNED_OFF:
        return "sends the article back to checking and voids its sign-off"
    return "sends the article back to checking"


def in_state_for(obj: Any, action: str) -> bool:
    """obj's state is one the action starts from (who and preconditions aside)."""
    return (obj.status, action) in _rules_for(obj)


def allowed(user: User | None, action: str, obj: Any) -> bool:
    """The user could take the action in obj's state, its precondition
    aside: for lists that know the blockers already (set-based) and for
    wording ("sign it off" or "waiting for a manager")."""
    if read_only(obj):
        return False
    rule = _rules_for(obj).get((obj.status, action))
    return rule is not None and not rule.is_system and rule.who(user, obj)


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
    button: bool = False  # a plain button; the others are forms on the page
    primary: bool = False


def available_actions(obj: Any, user: User | None) -> list[ActionOption]:
    """The actions the user could take on obj in its state, for buttons."""
    if read_only(obj):
        return []
    options = []
    for (state, action), rule in _rules_for(obj).items():
        if state is not obj.status or not allowed(user, action, obj):
            continue
        blocked = rule.precondition(obj) if rule.precondition else None
        options.append(ActionOption(action, rule.label, blocked, rule.button, rule.primary))
    return options


def action_option(obj: Any, user: User | None, action: str) -> ActionOption | None:
    """The one action, if the user could take it in obj's state (perhaps
    blocked for now): for a form of its own, shown with its blocker."""
    return next((o for o in available_actions(obj, user) if o.action == action), None)


def next_step(status: ArticleStatus | ClaimStatus) -> str:
    """The label of the step that moves on from a status (its primary
    button), or "" at the end of the line."""
    rules = ARTICLE_RULES if isinstance(status, ArticleStatus) else CLAIM_RULES
    return next(
        (
            rule.label
            for (state, _action), rule in rules.items()
            if state is status and rule.primary
        ),
        "",
    )
