"""Suggested claims: what the finder proposes in an article, for an editor to
accept, edit or dismiss. One module for the page, the API and the CLI.

The finder reads the whole text, so its answer is computed once for a body
and a state of the registry and kept (``suggest``): listing, accepting and
dismissing in the same request, or in the next one, reuse it. Dismissals
are kept per article for the whole desk, with who dismissed what; they
follow the workflow's "add_claim" rule (editors, not on a published
article), since setting a suggestion aside is half of deciding which claims
an article gets.
"""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from factcheck import workflow
from factcheck.extensions import db
from factcheck.extraction import KnownSource, SuggestedClaim, SuggestedSource, suggest_claims
from factcheck.extraction.cleaning import text_digest
from factcheck.models import (
    Article,
    Claim,
    ClaimKind,
    Priority,
    Source,
    SourceKind,
    SuggestionDismissal,
    User,
)
from factcheck.services import audit, claims, sources
from factcheck.services.common import shorten
from factcheck.services.errors import ValidationFailed

# --- the finder's answer, computed once -----------------------------------------

_CACHE_SIZE = 16
_cache: OrderedDict[tuple, tuple[SuggestedClaim, ...]] = OrderedDict()
_cache_lock = Lock()


def registry() -> list[KnownSource]:
    return [KnownSource(s.id, s.name, s.kind.value, s.alias_names) for s in sources.all_sources()]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def suggest(body: str, title: str = "", byline: str = "") -> tuple[SuggestedClaim, ...]:
    """Every suggestion for ``body`` against the registry as it stands; the
    headline and byline say who carries a figure nobody is credited with.

    The finder is pure, so its answer is kept by what it read (the text and
    the registry) and shared between requests: treat it as read-only."""
    known = registry()
    key = (_digest(body), title, byline, _digest(repr(known)))
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    found = tuple(suggest_claims(body, known, title=title or None, byline=byline or None))
    with _cache_lock:
        _cache[key] = found
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return found


def suggestion_key(suggestion: SuggestedClaim) -> str:
    """Names a suggestion by its kind and words, not by where it stands, so
    a dismissal still holds after the text before it is edited."""
    return f"{suggestion.kind}:{text_digest(suggestion.text)}"


# --- what is left to review -----------------------------------------------------


@dataclass(frozen=True)
class Review:
    """An article's suggestions still to review, and the dismissed ones."""

    pending: list[SuggestedClaim]
    dismissed: list[SuggestionDismissal]


def _overlaps(suggestion: SuggestedClaim, claim: Claim) -> bool:
    return (
        claim.kind.value == suggestion.kind
        and suggestion.start < claim.end
        and claim.start < suggestion.end
    )


def _accepted_keys(article: Article) -> set[str]:
    """Suggestions taken up as claims, withdrawn ones included (restore the
    claim to bring its words back)."""
    return set(
        db.session.scalars(
            sa.select(Claim.suggestion_key).where(
                Claim.article_id == article.id, Claim.suggestion_key.is_not(None)
            )
        )
    )


def review(article: Article) -> Review:
    """Suggestions not yet taken up as claims and not dismissed by anyone on
    the desk, with the dismissed ones, newest first."""
    dismissed = dismissed_suggestions(article)
    keys = {d.key for d in dismissed} | _accepted_keys(article)
    existing = article.active_claims
    pending = [
        s
        for s in suggest(article.body, article.title, article.byline)
        if suggestion_key(s) not in keys and not any(_overlaps(s, c) for c in existing)
    ]
    return Review(pending, dismissed)


def pending_suggestions(article: Article) -> list[SuggestedClaim]:
    return review(article).pending


def find_suggestion(article: Article, key: str) -> SuggestedClaim:
    for suggestion in suggest(article.body, article.title, article.byline):
        if suggestion_key(suggestion) == key:
            return suggestion
    raise ValidationFailed("That suggestion no longer applies to the text.", field="key")


# --- accepting ------------------------------------------------------------------


def _known_sources(suggestion: SuggestedClaim) -> list[Source]:
    """The registry's sources the finder resolved, by the id it resolved:
    never a second lookup by name."""
    ids = [s.source_id for s in suggestion.sources if s.source_id is not None]
    found = {s.id: s for s in db.session.scalars(sa.select(Source).where(Source.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def _is_unnamed(source: SuggestedSource) -> bool:
    """The finder's word (anonymous or vague sourcing), or the registry's
    rule for what is not a name."""
    return source.unnamed or sources.unnamed_reason(source.name) is not None


def source_status(source: SuggestedSource) -> str:
    """ "known" (in the registry), "new" (a name to confirm) or "unnamed"."""
    if source.source_id is not None:
        return "known"
    return "unnamed" if _is_unnamed(source) else "new"


def _unknown_names(suggestion: SuggestedClaim) -> list[sources.Mentioned]:
    return [
        sources.Mentioned(position, s.name, SourceKind(s.kind), _is_unnamed(s))
        for position, s in enumerate(suggestion.sources)
        if s.source_id is None
    ]


def _hold_article(article: Article) -> None:
    """Lock the article's row until the transaction ends, so accepting the
    same suggestion in two requests at once runs one after the other (the
    second then finds the first's claim). SQLite writes one at a time anyway."""
    db.session.execute(sa.select(Article.id).where(Article.id == article.id).with_for_update())


def _accepted_claim(article: Article, key: str) -> Claim | None:
    return db.session.scalar(
        sa.select(Claim).where(Claim.article_id == article.id, Claim.suggestion_key == key)
    )


def _accept(article: Article, actor: User, suggestion: SuggestedClaim) -> Claim:
    """A claim with the sources the registry knows; any other name is kept
    on the claim (unnamed, or proposed for an editor to confirm) and never
    enters the registry here. Made once, whatever the retries."""
    key = suggestion_key(suggestion)
    existing = _accepted_claim(article, key)
    if existing is not None:
        return existing
    claim = claims.create_claim(
        article,
        actor,
        start=suggestion.start,
        end=suggestion.end,
        kind=ClaimKind(suggestion.kind),
        priority=Priority(suggestion.priority),
        sources=_known_sources(suggestion),
        note=f"Suggested: {suggestion.reason}" if suggestion.reason else "",
        suggestion_key=key,
    )
    sources.note_mentions(claim, actor, _unknown_names(suggestion))
    return claim


def accept(article: Article, actor: User, key: str) -> Claim:
    """Make a suggestion a claim, through the same service as hand-made ones."""
    workflow.check(article, "add_claim", actor)
    _hold_article(article)
    return _accept(article, actor, find_suggestion(article, key))


def accept_all(article: Article, actor: User) -> list[Claim]:
    """Accept every pending suggestion; dismissed ones stay dismissed."""
    workflow.check(article, "add_claim", actor)
    _hold_article(article)
    return [_accept(article, actor, s) for s in review(article).pending]


# --- dismissals -----------------------------------------------------------------


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


def dismiss(article: Article, actor: User, key: str) -> SuggestionDismissal:
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


def restore(article: Article, actor: User, key: str) -> SuggestionDismissal | None:
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
