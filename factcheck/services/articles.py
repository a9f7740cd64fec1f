"""Articles: import, edit (with re-anchoring), and the article workflow."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from factcheck import workflow
from factcheck.database import strip_control_chars
from factcheck.extensions import db
from factcheck.extraction.cleaning import body_paragraphs
from factcheck.models import Article, ArticleStatus, User
from factcheck.models.base import utcnow
from factcheck.services import audit, notifications
from factcheck.services.anchors import Reanchored, reanchor_claims
from factcheck.services.common import ensure_version, web_link
from factcheck.services.errors import ValidationFailed


def normalise_body(text: str) -> str:
    """Plain text with paragraphs separated by one blank line.

    Pasted copy comes either as blocks separated by blank lines or as one
    paragraph per line; both become the same shape.
    """
    return "\n\n".join(body_paragraphs(text))


def create_article(
    actor: User,
    *,
    title: str,
    body: str,
    byline: str = "",
    desk: str = "",
    source_url: str = "",
    deadline: datetime | None = None,
    import_key: str = "",
    dateline: str = "",
) -> Article:
    """Import an article. With an ``import_key`` (the import form's), a
    second call with the same key returns the first article."""
    if not workflow.editor(actor, None):
        raise workflow.NotPermitted("Only editors import articles.")
    if import_key and (existing := already_imported(import_key)):
        return existing
    body = normalise_body(body)
    if not body:
        raise ValidationFailed("The article has no text.", field="body")
    title = " ".join(strip_control_chars(title).split()) or body.split("\n\n")[0][:120]
    article = Article(
        title=title[:300],
        byline=strip_control_chars(byline).strip()[:200],
        dateline=" ".join(strip_control_chars(dateline).split())[:120],
        desk=strip_control_chars(desk).strip()[:80],
        source_url=web_link(source_url, "source_url"),
        deadline=deadline,
        body=body,
        created_by=actor,
        import_key=import_key or None,
    )
    try:
        with db.session.begin_nested():  # the same form sent twice at once
            db.session.add(article)
            db.session.flush()
    except IntegrityError:
        if import_key and (existing := already_imported(import_key)):
            return existing
        raise
    audit.record(
        actor,
        "article.create",
        article,
        f"{actor.name} imported “{article.title}”",
        after={"title": article.title, "paragraphs": len(article.paragraphs)},
    )
    return article


def already_imported(import_key: str) -> Article | None:
    return db.session.scalar(sa.select(Article).where(Article.import_key == import_key))


class _Keep:
    """What a field not given to ``edit_article`` stays: as it is."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


def edit_article(
    article: Article,
    actor: User,
    expected_version: int | None,
    *,
    title: str = KEEP,
    byline: str = KEEP,
    dateline: str = KEEP,
    desk: str = KEEP,
    source_url: str = KEEP,
    deadline: datetime | None = KEEP,
    body: str = KEEP,
) -> Reanchored:
    """Change metadata and/or body; a field not given keeps its value.
    Returns what the body edit did to the claims: whose words changed
    (check re-opened) and whose were lost."""
    ensure_version(article, expected_version, "article")
    given = {
        "title": title,
        "byline": byline,
        "dateline": dateline,
        "desk": desk,
        "source_url": source_url,
        "deadline": deadline,
        "body": body,
    }
    values = {field: value for field, value in given.items() if value is not KEEP}
    if "body" in values:
        values["body"] = normalise_body(values["body"])
        if not values["body"]:
            raise ValidationFailed("The article has no text.", field="body")
    for field in ("title", "byline", "dateline", "desk"):
        if isinstance(values.get(field), str):
            values[field] = strip_control_chars(values[field]).strip()
    if isinstance(values.get("source_url"), str):
        values["source_url"] = web_link(values["source_url"], "source_url")
    changed = {k: v for k, v in values.items() if getattr(article, k) != v}
    if not changed:
        return Reanchored()
    old_body = article.body
    was_signed_off = article.status is ArticleStatus.SIGNED_OFF
    rule = workflow.check(article, "edit", actor)
    before_status, after_status = workflow.apply(article, "edit", actor)
    before = audit.snapshot(article, *[k for k in changed if k != "body"])
    for field, value in changed.items():
        setattr(article, field, value)
    if was_signed_off and rule.voids_signoff:
        _clear_signoff(article, f"Sign-off voided: {rule.describe(actor)}.", actor)
    claims = reanchor_claims(article, actor, old_body) if "body" in changed else Reanchored()
    fields = ", ".join(sorted(changed))
    audit.record(
        actor,
        "article.edit",
        article,
        f"{rule.describe(actor)} ({fields})",
        before={**before, "status": before_status},
        after={
            **audit.snapshot(article, *[k for k in changed if k != "body"]),
            "status": after_status,
            "reworded_claims": [c.id for c in claims.reworded],
            "lost_claims": [c.id for c in claims.lost],
        },
    )
    db.session.flush()
    return claims


def _clear_signoff(article: Article, reason: str, actor: User | None) -> None:
    notifications.signoff_voided(article, article.signed_off_by, actor, reason)
    article.signed_off_by = None
    article.signed_off_at = None
    article.signoff_voided_reason = reason


def void_if_checked(article: Article, actor: User | None, reason: str) -> None:
    """A claim changed under a ready or signed-off article: back to checking."""
    if (article.status, "void") not in workflow.ARTICLE_RULES:
        return
    was_signed_off = article.status is ArticleStatus.SIGNED_OFF
    before, after = workflow.apply(article, "void", actor, by_system=True)
    if was_signed_off:
        _clear_signoff(article, f"Sign-off voided: {reason}", actor)
    audit.record(
        actor,
        "article.void",
        article,
        f"Back to checking: {reason}",
        before={"status": before},
        after={"status": after},
    )


def transition(
    article: Article, action: str, actor: User, expected_version: int | None = None
) -> None:
    """Take one of the article's plain buttons (the workflow says which)."""
    rule = workflow.button_rule(article, action)
    ensure_version(article, expected_version, "article")
    was_signed_off = article.status is ArticleStatus.SIGNED_OFF
    before, after = workflow.apply(article, action, actor)
    if action == "sign_off":
        article.signed_off_by = actor
        article.signed_off_at = utcnow()
        article.signoff_voided_reason = ""
    elif action == "publish":
        article.published_at = utcnow()
    elif action == "reopen" and was_signed_off:
        _clear_signoff(article, f"Sign-off withdrawn by {actor.name}.", actor)
    audit.record(
        actor,
        f"article.{action}",
        article,
        rule.describe(actor),
        before={"status": before},
        after={"status": after},
    )
    if action == "sign_off":
        notifications.article_signed_off(article, actor)
    db.session.flush()
