"""Taking copy in: pasted text, HTML files and links; and suggesting the
claims in an article for an editor to accept, edit or dismiss. Dismissals
are kept per article for the whole desk, with who dismissed what."""

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from factcheck import workflow
from factcheck.extensions import db
from factcheck.extraction import (
    ImportedArticle,
    KnownSource,
    SuggestedClaim,
    clean_html,
    clean_text,
    suggest_claims,
)
from factcheck.extraction.cleaning import text_digest
from factcheck.models import (
    Article,
    Claim,
    ClaimKind,
    Priority,
    SourceKind,
    SuggestionDismissal,
    User,
)
from factcheck.services import audit, claims, sources
from factcheck.services.common import shorten
from factcheck.services.errors import ValidationFailed

HTML_MARKERS = ("<html", "<!doctype", "<body", "<article", "<p>", "<div")


def decode_upload(data: bytes) -> str:
    """Text of an uploaded file; bad bytes are replaced, never fatal."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return any(marker in head for marker in HTML_MARKERS)


def extract(text: str, url: str | None = None) -> ImportedArticle:
    """Title, byline and story paragraphs, site furniture set aside."""
    return clean_html(text, url) if looks_like_html(text) else clean_text(text)


def _refuse_private_host(host: str) -> None:
    if current_app.config.get("IMPORT_ALLOW_PRIVATE_URLS"):
        return
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        raise ValidationFailed(f"Cannot find the site {host}.", field="url") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if address.is_private or address.is_loopback or address.is_link_local:
            raise ValidationFailed("Links to internal addresses are not fetched.", field="url")


def fetch_url(url: str) -> str:
    """Fetch a page with a timeout and a size cap; a clear error otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationFailed("Give an http:// or https:// link.", field="url")
    _refuse_private_host(parts.hostname)
    limit = current_app.config["IMPORT_MAX_BYTES"]
    request = urllib.request.Request(url, headers={"User-Agent": "FactcheckDesk/1.0"})
    try:
        with urllib.request.urlopen(request, timeout=current_app.config["IMPORT_TIMEOUT"]) as r:
            data = r.read(limit + 1)
            charset = r.headers.get_content_charset() or "utf-8"
    except (urllib.error.URLError, TimeoutError, ValueError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise ValidationFailed(f"Could not fetch the page: {reason}.", field="url") from None
    if len(data) > limit:
        raise ValidationFailed(f"The page is larger than {limit // (1024 * 1024)} MB.", field="url")
    return data.decode(charset, errors="replace")


def registry() -> list[KnownSource]:
    return [KnownSource(s.id, s.name, s.kind.value, s.alias_names) for s in sources.all_sources()]


def _overlaps(suggestion: SuggestedClaim, claim: Claim) -> bool:
    return (
        claim.kind.value == suggestion.kind
        and suggestion.start < claim.end
        and claim.start < suggestion.end
    )


def pending_suggestions(
    article: Article, dismissed: set[str] | None = None
) -> list[SuggestedClaim]:
    """Suggestions not yet taken up as claims and not dismissed (by anyone
    on the desk, unless ``dismissed`` names the keys to leave out)."""
    if dismissed is None:
        dismissed = {d.key for d in dismissed_suggestions(article)}
    existing = article.active_claims
    return [
        s
        for s in suggest_claims(article.body, registry())
        if suggestion_key(s) not in dismissed and not any(_overlaps(s, c) for c in existing)
    ]


def suggestion_key(suggestion: SuggestedClaim) -> str:
    """Names a suggestion by its kind and words, not by where it stands, so
    a dismissal still holds after the text before it is edited."""
    return f"{suggestion.kind}:{text_digest(suggestion.text)}"


def find_suggestion(article: Article, key: str) -> SuggestedClaim:
    for suggestion in suggest_claims(article.body, registry()):
        if suggestion_key(suggestion) == key:
            return suggestion
    raise ValidationFailed("That suggestion no longer applies to the text.")


def accept_suggestion(article: Article, actor: User, suggestion: SuggestedClaim) -> Claim:
    """Make a suggestion a claim, through the same service as hand-made ones."""
    workflow.check(article, "add_claim", actor)
    chain = [sources.find_or_create(s.name, SourceKind(s.kind), actor) for s in suggestion.sources]
    return claims.create_claim(
        article,
        actor,
        start=suggestion.start,
        end=suggestion.end,
        kind=ClaimKind(suggestion.kind),
        priority=Priority(suggestion.priority),
        sources=chain,
        note=f"Suggested: {suggestion.reason}" if suggestion.reason else "",
    )


def accept_pending(article: Article, actor: User) -> list[Claim]:
    """Accept every pending suggestion; dismissed ones stay dismissed."""
    workflow.check(article, "add_claim", actor)
    return [accept_suggestion(article, actor, s) for s in pending_suggestions(article)]


# --- dismissals -----------------------------------------------------------------
# Setting a suggestion aside is half of deciding which claims an article gets,
# so it follows the workflow's "add_claim" rule: editors, not on a published
# article.


def dismissed_suggestions(article: Article) -> list[SuggestionDismissal]:
    """The article's dismissed suggestions, newest first."""
    return list(
        db.session.scalars(
            sa.select(SuggestionDismissal)
            .where(SuggestionDismissal.article_id == article.id)
            .order_by(SuggestionDismissal.dismissed_at.desc(), SuggestionDismissal.id.desc())
        )
    )


def _dismissal(article: Article, key: str) -> SuggestionDismissal | None:
    return db.session.scalar(
        sa.select(SuggestionDismissal).where(
            SuggestionDismissal.article_id == article.id, SuggestionDismissal.key == key
        )
    )


def _insert_once(**values) -> bool:
    """Insert a dismissal unless the article's key is dismissed already;
    True when this call inserted it. ON CONFLICT DO NOTHING (SQLite and
    PostgreSQL) lets two editors dismiss the same suggestion at once."""
    insert = {"postgresql": pg_insert, "sqlite": sqlite_insert}[db.session.get_bind().dialect.name]
    statement = (
        insert(SuggestionDismissal)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["article_id", "key"])
        .returning(SuggestionDismissal.id)
    )
    return db.session.execute(statement).scalar_one_or_none() is not None


def dismiss_suggestion(article: Article, actor: User, key: str) -> SuggestionDismissal:
    """Set a suggestion aside for every editor of the article. Dismissing one
    already dismissed changes nothing and records nothing."""
    workflow.check(article, "add_claim", actor)
    existing = _dismissal(article, key)
    if existing:
        return existing
    suggestion = find_suggestion(article, key)
    inserted = _insert_once(
        article_id=article.id, key=key, quote=suggestion.text, dismissed_by_id=actor.id
    )
    if inserted:
        audit.record(
            actor,
            "suggestion.dismiss",
            article,
            f"{actor.name} dismissed a suggestion: “{shorten(suggestion.text, 80)}”",
            after={"key": key, "quote": suggestion.text, "kind": suggestion.kind},
        )
    return _dismissal(article, key)


def restore_suggestion(article: Article, actor: User, key: str) -> SuggestionDismissal | None:
    """Bring a dismissed suggestion back for everyone; None when it was not
    dismissed (another editor brought it back first)."""
    workflow.check(article, "add_claim", actor)
    dismissal = _dismissal(article, key)
    if dismissal is None:
        return None
    before = {
        "key": key,
        "quote": dismissal.quote,
        "dismissed_by": dismissal.dismissed_by.name,
        "dismissed_at": dismissal.dismissed_at,
    }
    deleted = db.session.execute(
        sa.delete(SuggestionDismissal).where(SuggestionDismissal.id == dismissal.id)
    ).rowcount
    db.session.expunge(dismissal)
    if not deleted:
        return None
    audit.record(
        actor,
        "suggestion.restore",
        article,
        f"{actor.name} brought back a suggestion: “{shorten(dismissal.quote, 80)}”",
        before=before,
    )
    return dismissal
