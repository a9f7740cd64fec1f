"""Notifications: the in-app inbox, optional email, and reminders.

The other services call one function here per event, in the transaction of
the change. Each notification carries a dedupe key naming the event (a
verdict, an assignment, a due date), unique per recipient, so each event
reaches each person once however often the caller runs (the reminders cron).
Nobody is notified of their own action.

Email is off unless MAIL_BACKEND is "smtp" (smtplib, SMTP_* settings) or
"memory" (a list in app.extensions["mail_outbox"], for tests). Each email is
a background job started after the transaction commits, so a rolled-back
change sends nothing; the job marks the notification emailed, so a retried
job does not send it twice.
"""

import email
import email.policy
import hashlib
import logging
import re
import smtplib
from datetime import datetime
from email.message import EmailMessage

import sqlalchemy as sa
from flask import current_app, has_app_context
from sqlalchemy.orm import Session

from factcheck import workflow
from factcheck.extensions import db
from factcheck.localtime import format_local
from factcheck.models import (
    Article,
    ArticleStatus,
    Claim,
    Notification,
    NotificationKind,
    Role,
    User,
    UserRole,
    Verdict,
)
from factcheck.models.base import utcnow
from factcheck.models.verdict import VerdictDecision
from factcheck.services.common import shorten
from factcheck.services.deadlines import DUE_SOON, IN_HAND, urgency

log = logging.getLogger(__name__)
K = NotificationKind
_PENDING_MAIL = "factcheck_pending_mail"  # composed messages (digests)
_PENDING_NOTIFICATION_MAIL = "factcheck_pending_notification_mail"  # notification ids


def _when(value: datetime | None) -> str:
    return format_local(value)


def notify(
    recipient: User | None,
    kind: NotificationKind,
    message: str,
    key: str,
    *,
    claim: Claim | None = None,
    article: Article | None = None,
    actor: User | None = None,
) -> Notification | None:
    """Add one notification unless the recipient already has this key (or
    is the actor, or inactive). Returns the new notification or None."""
    if recipient is None or not recipient.active:
        return None
    if actor is not None and recipient.id == actor.id:
        return None
    exists = db.session.scalar(
        sa.select(Notification.id).where(
            Notification.recipient_id == recipient.id, Notification.dedupe_key == key
        )
    )
    if exists:
        return None
    if claim is not None and article is None:
        article = claim.article
    notification = Notification(
        recipient=recipient,
        kind=kind,
        message=message,
        dedupe_key=key[:200],
        claim=claim,
        article=article,
    )
    db.session.add(notification)
    db.session.flush()
    _queue_mail(notification)
    return notification


# --- events, called by the other services -----------------------------------------


def claim_assigned(claim: Claim, actor: User) -> None:
    due = f", due {_when(claim.due_at)}" if claim.due_at else ""
    notify(
        claim.assignee,
        K.ASSIGNED,
        f"{actor.name} assigned you “{shorten(claim.exact, 70)}” ({claim.article.title}){due}",
        f"assigned:claim:{claim.id}:user:{claim.assignee_id}:{claim.due_at}",
        claim=claim,
        actor=actor,
    )


def claims_assigned(claims: list[Claim], actor: User) -> None:
    """Several claims given to one checker at once: one notification that
    lists them (one claim reads as ``claim_assigned``)."""
    if len(claims) == 1:
        claim_assigned(claims[0], actor)
        return
    first = claims[0]
    titles = {c.article.title for c in claims}
    where = f" in “{first.article.title}”" if len(titles) == 1 else ""
    due = f", due {_when(first.due_at)}" if first.due_at else ""
    listed = "; ".join(f"“{shorten(c.exact, 50)}”" for c in claims[:5])
    more = f" and {len(claims) - 5} more" if len(claims) > 5 else ""
    ids = ",".join(str(c.id) for c in sorted(claims, key=lambda c: c.id))
    notify(
        first.assignee,
        K.ASSIGNED,
        f"{actor.name} assigned you {len(claims)} claims{where}{due}: {listed}{more}",
        f"assigned:claims:{hashlib.sha256(ids.encode()).hexdigest()[:32]}"
        f":user:{first.assignee_id}:{first.due_at}",
        article=first.article if len(titles) == 1 else None,
        actor=actor,
    )


# Notifications that announce a task on a claim, by who does the task.
CHECKER_TASKS = (K.ASSIGNED, K.RETURNED, K.DUE_SOON, K.OVERDUE)
REVIEWER_TASKS = (K.REVIEW_WAITING,)


def mark_done(claim: Claim, kinds: tuple[NotificationKind, ...], note: str) -> int:
    """The task these notifications announced is done: say so, for everyone
    they went to, and they are no longer new."""
    result = db.session.execute(
        sa.update(Notification)
        .where(
            Notification.claim_id == claim.id,
            Notification.kind.in_(kinds),
            Notification.done_note == "",
        )
        .values(done_note=note, read_at=sa.func.coalesce(Notification.read_at, utcnow()))
        .execution_options(synchronize_session="fetch")
    )
    return result.rowcount


def signoff_voided(article: Article, signer: User | None, actor: User | None, reason: str):
    """To the manager who signed the article off and its editor."""
    for person in {p.id: p for p in (signer, article.created_by) if p is not None}.values():
        notify(
            person,
            K.SIGNOFF_VOIDED,
            f"Sign-off of “{article.title}” voided: {shorten(reason, 140)}",
            f"signoff_voided:article:{article.id}:{article.signed_off_at}",
            article=article,
            actor=actor,
        )


def mentioned(claim: Claim, actor: User, body: str) -> None:
    """``@Full Name`` or ``@handle`` (the part of the email before the @) in
    a comment tells that person."""
    for person in mentioned_people(body):
        notify(
            person,
            K.MENTIONED,
            f"{actor.name} mentioned you on “{shorten(claim.exact, 60)}”: {shorten(body, 120)}",
            f"mentioned:claim:{claim.id}:{hashlib.sha256(body.encode()).hexdigest()[:24]}",
            claim=claim,
            actor=actor,
        )


def mentioned_people(text: str) -> list[User]:
    if "@" not in text:
        return []
    folded = text.casefold()
    found = []
    for person in db.session.scalars(sa.select(User).where(User.active.is_(True))):
        handle = person.email.split("@")[0].casefold()
        by_name = f"@{person.name.casefold()}" in folded
        by_handle = re.search(rf"(?<![\w.])@{re.escape(handle)}(?![\w-])", folded)
        if by_name or by_handle:
            found.append(person)
    return found


def verdict_returned(claim: Claim, verdict: Verdict, actor: User) -> None:
    notify(
        verdict.proposer,
        K.RETURNED,
        f"{actor.name} returned “{shorten(claim.exact, 70)}”: {shorten(verdict.review_note, 120)}",
        f"returned:verdict:{verdict.id}",
        claim=claim,
        actor=actor,
    )


def verdict_approved(claim: Claim, verdict: Verdict, actor: User) -> None:
    notify(
        verdict.proposer,
        K.APPROVED,
        f"{actor.name} approved your verdict “{verdict.rating_label}” "
        f"on “{shorten(claim.exact, 70)}”",
        f"approved:verdict:{verdict.id}",
        claim=claim,
        actor=actor,
    )


def words_changed(
    claim: Claim, superseded: list[Verdict], actor: User, old_words: str, event_id: int
) -> None:
    """To the claim's checker, and to whoever proposed or reviewed a verdict
    that no longer holds, when an edit changed the claim's words or took
    them out of the text."""
    people = {claim.assignee_id: claim.assignee} if claim.assignee else {}
    for verdict in superseded:
        if verdict.decision is not VerdictDecision.RETURNED:
            people.setdefault(verdict.proposer_id, verdict.proposer)
            if verdict.reviewer is not None:
                people.setdefault(verdict.reviewer_id, verdict.reviewer)
    old = shorten(old_words, 70)
    if claim.anchor_lost:
        message = f"{actor.name}'s edit took “{old}” out of the text"
    else:
        message = f"{actor.name} changed the words “{old}” to “{shorten(claim.exact, 70)}”"
    message += f" ({claim.article.title})"
    if any(v.decision is not VerdictDecision.RETURNED for v in superseded):
        message += " — its verdict no longer holds"
    if any(v.decision is None for v in superseded):
        mark_done(claim, REVIEWER_TASKS, f"the words changed ({actor.name}); nothing to review")
    for person in people.values():
        notify(
            person,
            K.WORDS_CHANGED,
            message,
            f"words_changed:event:{event_id}",
            claim=claim,
            actor=actor,
        )


def editors() -> list[User]:
    return list(
        db.session.scalars(
            sa.select(User)
            .where(
                User.active.is_(True),
                User.id.in_(
                    sa.select(UserRole.user_id).where(
                        UserRole.role.in_((Role.EDITOR, Role.MANAGER))
                    )
                ),
            )
            .order_by(User.id)
        )
    )


def review_waiting(claim: Claim, verdict: Verdict, actor: User) -> None:
    """To every editor who may review it (four eyes: not the proposer)."""
    for editor in editors():
        if not workflow.can(editor, "approve", claim):
            continue
        notify(
            editor,
            K.REVIEW_WAITING,
            f"{actor.name} proposed “{verdict.rating_label}” for “{shorten(claim.exact, 70)}”"
            " — review waiting",
            f"review:verdict:{verdict.id}",
            claim=claim,
            actor=actor,
        )


def article_signed_off(article: Article, actor: User) -> None:
    """To the article's creator and everyone who checked one of its claims."""
    people = {article.created_by_id: article.created_by}
    for claim in article.active_claims:
        if claim.assignee is not None:
            people.setdefault(claim.assignee_id, claim.assignee)
    for person in people.values():
        notify(
            person,
            K.SIGNED_OFF,
            f"{actor.name} signed off “{article.title}”",
            f"signed_off:article:{article.id}:{article.signed_off_at}",
            article=article,
            actor=actor,
        )


def send_reminders(now: datetime | None = None) -> dict[str, int]:
    """Due-within-24-h and overdue reminders to the checkers holding the
    claims; each fires once per claim and due date. For a cron job."""
    now = now or utcnow()
    claims = db.session.scalars(
        sa.select(Claim)
        .join(Article)
        .where(
            Claim.status.in_(IN_HAND),
            Claim.assignee_id.is_not(None),
            Claim.due_at.is_not(None),
            Claim.due_at < now + DUE_SOON,
            Article.status != ArticleStatus.PUBLISHED,
        )
        .order_by(Claim.due_at, Claim.id)
    )
    sent = {"due_soon": 0, "overdue": 0}
    for claim in claims:
        state = urgency(claim.due_at, now)
        if state is None:
            continue
        due = claim.due_at
        if state == "overdue":
            kind, text = K.OVERDUE, f"Overdue since {_when(due)}"
        else:
            kind, text = K.DUE_SOON, f"Due within 24 h ({_when(due)})"
        made = notify(
            claim.assignee,
            kind,
            f"{text}: “{shorten(claim.exact, 70)}” ({claim.article.title})",
            f"{state}:claim:{claim.id}:{due.isoformat()}",
            claim=claim,
        )
        if made:
            sent[state] += 1
    return sent


# --- the inbox ---------------------------------------------------------------------


def unread_count(user: User) -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Notification)
        .where(Notification.recipient_id == user.id, Notification.read_at.is_(None))
    )


def inbox_query(user: User, unread_only: bool = False) -> sa.Select:
    query = sa.select(Notification).where(Notification.recipient_id == user.id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    return query.order_by(Notification.id.desc())


def mark_read(user: User, notification: Notification | None = None) -> int:
    """Mark one of the user's notifications, or all of them, read."""
    query = sa.update(Notification).where(
        Notification.recipient_id == user.id, Notification.read_at.is_(None)
    )
    if notification is not None:
        query = query.where(Notification.id == notification.id)
    result = db.session.execute(query.values(read_at=utcnow()))
    db.session.flush()
    return result.rowcount


# --- email ---------------------------------------------------------------------------


def _mail_enabled() -> bool:
    return has_app_context() and bool(current_app.config.get("MAIL_BACKEND"))


def _email(to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config.get("MAIL_FROM", "factcheck@localhost")
    message["To"] = to
    message["Subject"] = "Factcheck desk: " + shorten(subject, 90)
    message.set_content(body)
    return message


def _queue(message: EmailMessage) -> None:
    """Sent by a job once the transaction commits (nothing if it rolls back)."""
    db.session.info.setdefault(_PENDING_MAIL, []).append(message.as_string())


def _queue_mail(notification: Notification) -> None:
    """The notification's own email, sent by a job after the commit."""
    if not _mail_enabled() or notification.recipient.email_digest:
        return
    db.session.info.setdefault(_PENDING_NOTIFICATION_MAIL, []).append(notification.id)


def _message(notification: Notification) -> EmailMessage:
    return _email(
        notification.recipient.email,
        notification.message,
        notification.message + "\n\nOpen your Factcheck desk inbox to see it.",
    )


def send_digests(now: datetime | None = None) -> int:
    """One email to each person who asked for a daily digest, listing what
    reached their inbox since the last one and is still to do. Run daily;
    running it twice sends nothing new. Returns the number of emails."""
    if not _mail_enabled():
        return 0
    now = now or utcnow()
    sent = 0
    readers = sa.select(User).where(User.active.is_(True), User.email_digest.is_(True))
    for person in db.session.scalars(readers):
        since = person.digest_sent_at
        query = inbox_query(person).where(Notification.done_note == "")
        if since is not None:
            query = query.where(Notification.created_at > since)
        waiting = db.session.scalars(query.where(Notification.created_at <= now)).all()
        person.digest_sent_at = now
        if not waiting:
            continue
        lines = [f"- {format_local(n.created_at)}: {n.message}" for n in reversed(waiting)]
        _queue(
            _email(
                person.email,
                f"{len(waiting)} notification(s) today",
                "\n".join([f"Since your last digest, {len(waiting)} notification(s):", *lines])
                + "\n\nOpen your Factcheck desk inbox to act on them.",
            )
        )
        sent += 1
    db.session.flush()
    return sent


def _deliver(message: EmailMessage) -> None:
    """Hand one message to the mail server; an outage raises (the job retries)."""
    config = current_app.config
    backend = config.get("MAIL_BACKEND")
    if backend == "memory":
        current_app.extensions.setdefault("mail_outbox", []).append(message)
        return
    if backend != "smtp":
        return
    with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=10) as smtp:
        if config.get("SMTP_STARTTLS"):
            smtp.starttls()
        if config.get("SMTP_USERNAME"):
            smtp.login(config["SMTP_USERNAME"], config.get("SMTP_PASSWORD", ""))
        smtp.send_message(message)


def email_notification(notification_id: int) -> str:
    """Send a notification's email unless it was sent (the email job)."""
    notification = db.session.get(Notification, notification_id, with_for_update=True)
    if notification is None:
        return "gone"
    if notification.emailed_at is not None:
        return "already sent"
    _deliver(_message(notification))
    notification.emailed_at = utcnow()
    db.session.flush()
    return "sent"


def send_email(raw: str) -> str:
    """Send a message composed earlier (a digest): the email job."""
    _deliver(email.message_from_string(raw, policy=email.policy.default))
    return "sent"


def _after_commit(session: Session) -> None:
    ids = session.info.pop(_PENDING_NOTIFICATION_MAIL, None) or []
    messages = session.info.pop(_PENDING_MAIL, None) or []
    if not (ids or messages) or not has_app_context():
        return
    from factcheck import jobs
    from factcheck.jobs import tasks

    # The inbox has the notifications; a queue outage must not undo them.
    for notification_id in ids:
        try:
            jobs.enqueue(tasks.send_notification_email, notification_id)
        except Exception:
            log.exception("could not queue the email for notification %d", notification_id)
    for raw in messages:
        try:
            jobs.enqueue(tasks.send_email, raw)
        except Exception:
            log.exception("could not queue an email")


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING_MAIL, None)
    session.info.pop(_PENDING_NOTIFICATION_MAIL, None)


for _event, _listener in (("after_commit", _after_commit), ("after_rollback", _after_rollback)):
    if not sa.event.contains(Session, _event, _listener):
        sa.event.listen(Session, _event, _listener)
