"""The shared source registry, and what may enter it.

A name enters the registry only when a person confirms it. Anonymous or
vague sourcing ("officials said", "witnesses", "sources close to …") and
common nouns ("military", "information company") are never entries: on a
claim they are kept as unnamed sourcing, flagged for the checker.
"""

import re
from dataclasses import dataclass
from itertools import combinations
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import selectinload

from factcheck import workflow
from factcheck.database import strip_control_chars
from factcheck.extensions import db
from factcheck.extraction import lexicon as lx
from factcheck.extraction import normalise_name
from factcheck.models import (
    Article,
    ArticleStatus,
    AttributionFinding,
    Claim,
    ClaimSource,
    ClaimStatus,
    MentionStatus,
    RatingLevel,
    Source,
    SourceAlias,
    SourceKind,
    SourceMention,
    User,
    Verdict,
)
from factcheck.models.source import name_key
from factcheck.services import audit, search
from factcheck.services.common import CountedPage
from factcheck.services.errors import ValidationFailed

# --- what may be a registry entry -----------------------------------------------

PRONOUNS = lx.words("i you he she it we they him her them his its their this that who what")
# Words that open vague sourcing: "what witnesses", "two officials", "some analysts".
VAGUE_OPENERS = lx.words(
    "what which whose some several many various numerous few other others unnamed anonymous "
    "unidentified senior local one two three four five six seven eight nine ten dozens "
    "hundreds"
)
# Heads of sourcing that names no one: "Western diplomats", "a ministry spokesperson".
VAGUE_HEADS = lx.words(
    "officials official sources source witnesses witness residents diplomats diplomat people "
    "analysts experts activists authorities observers insiders aides investigators medics "
    "doctors spokesperson spokesman spokeswoman spokespeople person someone locals "
    "eyewitnesses reports rumours rumors estimates figures data"
)
_WORD = re.compile(r"[^\W_][\w.'\u2019&-]*")


def unnamed_reason(name: str) -> str | None:
    """Why ``name`` cannot be a registry entry (it names no one in
    particular), or None when it reads as a name a person could confirm."""
    words = _WORD.findall(name.strip())
    lower = [w.lower().rstrip(".").removesuffix("'s").removesuffix("\u2019s") for w in words]
    if not words or len(normalise_name(name).replace(" ", "")) <= 1:
        return "a single letter is not a name"
    if len(words) == 1 and lower[0] in PRONOUNS:
        return "a pronoun is not a name"
    if lower[0] in VAGUE_OPENERS or lower[0] in VAGUE_HEADS or lower[-1] in VAGUE_HEADS:
        return "vague sourcing names no one"
    if not any(ch.isupper() for w in words for ch in w):
        return "a common noun is not a name"
    if len(words) == 1 and lower[0] in lx.ROLE_NOUNS:
        return "a common noun is not a name"
    return None


def refuse_unnamed(name: str) -> None:
    reason = unnamed_reason(name)
    if reason:
        raise ValidationFailed(
            f"“{name}” cannot enter the registry: {reason}. Give the full name "
            "(“U.S. military”, not “military”), or keep the sourcing unnamed on the claim.",
            field="name",
        )


def find_by_name(name: str) -> Source | None:
    """A source by its name or one of its aliases: as written first, then
    ignoring case and spacing. (SQLite's lower() folds only ASCII, so the
    exact match must come first for aliases like "Ümit".)"""
    name = strip_control_chars(name).strip()
    key = name.lower()
    for condition in (Source.name == name, Source.name_key == name_key(name)):
        source = db.session.scalar(sa.select(Source).where(condition))
        if source:
            return source
    for condition in (SourceAlias.alias == name, sa.func.lower(SourceAlias.alias) == key):
        source = db.session.scalar(sa.select(Source).join(SourceAlias).where(condition))
        if source:
            return source
    return None


def all_sources() -> list[Source]:
    return list(db.session.scalars(sa.select(Source).order_by(Source.name)))


def names() -> list[str]:
    """Every source's name, for the claim forms' suggestions."""
    return list(db.session.scalars(sa.select(Source.name).order_by(Source.name)))


def listing(query: str = "", kind: SourceKind | None = None) -> list[Source]:
    """The registry by name, narrowed by a search and a kind."""
    select = sa.select(Source).order_by(Source.name)
    if query:
        select = select.where(Source.id.in_(search.matching_ids("sources", query, limit=500)))
    if kind is not None:
        select = select.where(Source.kind == kind)
    return list(db.session.scalars(select))


def times_cited() -> dict[int, int]:
    """Source id -> how many claims cite it."""
    return dict(
        db.session.execute(
            sa.select(ClaimSource.source_id, sa.func.count()).group_by(ClaimSource.source_id)
        ).all()
    )


def others_than(source: Source) -> list[tuple[int, str]]:
    """(id, name) of every other source, by name: what it may be merged with."""
    return [
        (i, name)
        for i, name in db.session.execute(
            sa.select(Source.id, Source.name).where(Source.id != source.id).order_by(Source.name)
        )
    ]


class CitingClaim(NamedTuple):
    """A claim as the source page lists it: one row of one query, no objects."""

    id: int
    exact: str
    status: ClaimStatus
    article_id: int
    article_title: str
    verdict_label: str | None  # the verdict in force's rating
    attribution: AttributionFinding | None  # and its attribution finding
    proposed_label: str | None  # the rating under review, while in review

    @property
    def rating_label(self) -> str | None:
        """As ``Claim.rating_label``: the one under review, or the one in force."""
        if self.status is ClaimStatus.IN_REVIEW:
            return self.proposed_label
        if self.status is ClaimStatus.APPROVED:
            return self.verdict_label
        return None


@dataclass
class CitingPage(CountedPage):
    items: list[CitingClaim]
    page: int
    per_page: int
    total: int


def citing_claims(
    source: Source, page: int, per_page: int, total: int, labels: dict[str, str]
) -> CitingPage:
    """A page of the claims that cite the source, newest first (``total``
    of them, and the rating ``labels`` by slug, from ``statistics``). The
    verdict in force comes from the copies on the source link; the rating
    under review, for claims in review, from their latest verdict. A page
    past the end shows the last. (Labels are looked up here rather than
    joined: the joins took PostgreSQL longer to plan than to run.)"""
    page = min(max(1, page), max(1, -(-total // per_page)))
    proposed = (
        sa.select(Verdict.rating)
        .where(Verdict.claim_id == Claim.id)
        .order_by(Verdict.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = db.session.execute(
        sa.select(
            Claim.id,
            Claim.exact,
            Claim.status,
            Claim.article_id,
            Article.title,
            ClaimSource.rating_in_force,
            ClaimSource.attribution_in_force,
            sa.case((Claim.status == ClaimStatus.IN_REVIEW, proposed)),
        )
        .select_from(ClaimSource)
        .join(Claim, Claim.id == ClaimSource.claim_id)
        .join(Article, Article.id == Claim.article_id)
        .where(ClaimSource.source_id == source.id)
        .order_by(ClaimSource.claim_id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    items = [
        CitingClaim(
            claim_id,
            exact,
            status,
            article_id,
            title,
            labels.get(in_force, in_force) if in_force else None,
            AttributionFinding(finding) if finding else None,
            labels.get(under_review, under_review) if under_review else None,
        )
        for claim_id, exact, status, article_id, title, in_force, finding, under_review in rows
    ]
    return CitingPage(items, page, per_page, total)


def create_source(
    name: str,
    kind: SourceKind,
    actor: User | None,
    aliases: list[str] | None = None,
    affiliation: str = "",
    reliability_notes: str = "",
) -> Source:
    name = strip_control_chars(name).strip()
    if not name:
        raise ValidationFailed("A source needs a name.", field="name")
    refuse_unnamed(name)
    taken = ValidationFailed(f"“{name}” is already in the registry.", field="name")
    if find_by_name(name):
        raise taken
    clean_aliases = []
    for alias in aliases or []:
        alias = alias.strip()
        if alias and alias.lower() != name.lower() and alias not in clean_aliases:
            if find_by_name(alias):
                raise ValidationFailed(f"“{alias}” already names a source.", field="aliases")
            clean_aliases.append(alias)
    source = _insert_unless_named(
        name=name,
        kind=kind,
        affiliation=strip_control_chars(affiliation).strip()[:200],
        reliability_notes=strip_control_chars(reliability_notes).strip(),
    )
    if source is None:  # another request created the name a moment ago
        raise taken
    source.aliases.extend(SourceAlias(alias=a) for a in clean_aliases)
    db.session.flush()
    audit.record(
        actor,
        "source.create",
        source,
        f"Source {name} ({kind.value}) added",
        after={"name": name, "kind": kind, "aliases": clean_aliases},
    )
    return source


def _insert_unless_named(name: str, **values) -> Source | None:
    """Insert a source unless its name or normalised name is taken, even by
    a request not yet committed (ON CONFLICT DO NOTHING waits for it on
    PostgreSQL); None when taken. No conflict target: with one (name_key),
    two requests inserting the very same name at once met the other unique
    key (name) outside it, and the second answered 409."""
    insert = {"postgresql": pg_insert, "sqlite": sqlite_insert}[db.session.get_bind().dialect.name]
    statement = (
        insert(Source)
        .values(name=name, name_key=name_key(name), **values)
        .on_conflict_do_nothing()
        .returning(Source.id)
    )
    source_id = db.session.execute(statement).scalar_one_or_none()
    return None if source_id is None else db.session.get(Source, source_id)


def find_or_create(name: str, kind: SourceKind, actor: User | None) -> Source:
    """The registry's source of this name, made when new. Two requests
    naming the same new source at once get the same one."""
    found = find_by_name(name)
    if found:
        return found
    try:
        return create_source(name, kind, actor)
    except ValidationFailed:
        found = find_by_name(name)
        if found is None:
            raise
        return found


def update_source(source: Source, actor: User, *, affiliation: str, reliability_notes: str) -> None:
    """Edit what the desk knows about a source (its notes on reliability)."""
    before = audit.snapshot(source, "affiliation", "reliability_notes")
    source.affiliation = affiliation.strip()[:200]
    source.reliability_notes = reliability_notes.strip()
    after = audit.snapshot(source, "affiliation", "reliability_notes")
    if after == before:
        return
    changed = " and ".join(k.replace("_", " ") for k in after if after[k] != before[k])
    audit.record(
        actor,
        "source.edit",
        source,
        f"{actor.name} edited {source.name}: {changed}",
        before=before,
        after=after,
    )
    db.session.flush()


def merge(keep: Source, duplicate: Source, actor: User) -> Source:
    """Fold ``duplicate`` into ``keep``: its claim links and aliases move
    over, its name becomes an alias, its notes are kept, and it is removed."""
    if keep.id == duplicate.id:
        raise ValidationFailed("Choose another source to merge.", field="duplicate")
    links = list(
        db.session.scalars(sa.select(ClaimSource).where(ClaimSource.source_id == duplicate.id))
    )
    claims = [link.claim for link in links]
    for claim in claims:
        chain = list(dict.fromkeys(keep if s.id == duplicate.id else s for s in claim.sources))
        claim.source_links = [ClaimSource(source=s, position=i) for i, s in enumerate(chain)]
    db.session.flush()

    taken = {keep.name.lower(), *(a.lower() for a in keep.alias_names)}
    moved = []
    for alias in list(duplicate.aliases):
        if alias.alias.lower() in taken:
            duplicate.aliases.remove(alias)
        else:
            alias.source = keep
            taken.add(alias.alias.lower())
            moved.append(alias.alias)
    db.session.flush()
    notes = duplicate.reliability_notes.strip()
    if notes and notes not in keep.reliability_notes:
        keep.reliability_notes = "\n\n".join(p for p in (keep.reliability_notes, notes) if p)
    keep.affiliation = keep.affiliation or duplicate.affiliation
    name = duplicate.name
    before = {"duplicate": name, "duplicate_id": duplicate.id, "aliases": moved}
    db.session.delete(duplicate)
    db.session.flush()
    if name.lower() not in taken:
        keep.aliases.append(SourceAlias(alias=name))
    db.session.flush()
    audit.record(
        actor,
        "source.merge",
        keep,
        f"{actor.name} merged “{name}” into {keep.name} ({len(claims)} claim(s) moved)",
        before=before,
        after={"claims": [c.id for c in claims], "aliases": keep.alias_names},
    )
    return keep


def statistics(source: Source) -> dict:
    """How claims citing the source came out: attribution findings (did the
    source say it?) and ratings, from each claim's verdict in force (its
    latest approved one that still rates its words). Counted by the database
    from the copies each source link keeps of its claim (see
    ``ClaimSource.rating_in_force``): one index-only scan however often the
    source is cited. ``cited`` counts withdrawn claims too (the list shows
    them); the rest counts active claims."""
    links = ClaimSource.source_id == source.id
    active_article = sa.case((ClaimSource.claim_active, ClaimSource.article_id))
    totals = sa.select(
        sa.literal(0).label("part"),
        sa.null().label("label"),
        sa.null().label("attribution"),
        sa.func.count().label("cited"),
        sa.func.count(sa.case((ClaimSource.claim_active, 1))).label("claims"),
        sa.func.count(sa.distinct(active_article)).label("articles"),
    ).where(links)
    by_rating = (
        sa.select(
            sa.literal(1),
            ClaimSource.rating_in_force,
            ClaimSource.attribution_in_force,
            sa.func.count(),
            sa.null(),
            sa.null(),
        )
        .where(links, ClaimSource.claim_active, ClaimSource.rating_in_force.is_not(None))
        .group_by(ClaimSource.rating_in_force, ClaimSource.attribution_in_force)
    )
    scale = sa.select(
        sa.literal(2), RatingLevel.slug, RatingLevel.label, sa.null(), sa.null(), sa.null()
    )
    # One statement: the totals' row, a row per rating and finding, and the
    # scale's labels (looked up here rather than joined: faster to plan).
    result = db.session.execute(sa.union_all(totals, by_rating, scale)).all()
    cited, claims, articles = next(row[3:] for row in result if row[0] == 0)
    labels = {row[1]: row[2] for row in result if row[0] == 2}
    attribution = {f: 0 for f in AttributionFinding}
    ratings: dict[str, int] = {}
    for part, slug, finding, count, *_ in result:
        if part == 1:
            label = labels.get(slug, slug)
            ratings[label] = ratings.get(label, 0) + count
            if finding is not None:
                attribution[AttributionFinding(finding)] += count
    checked = sum(attribution.values())
    return {
        "cited": cited,
        "claims": claims,
        "articles": articles,
        "attribution": attribution,
        "attribution_checked": checked,
        "confirmed_share": round(100 * attribution[AttributionFinding.CONFIRMED] / checked)
        if checked
        else None,
        "ratings": ratings,
        "labels": labels,
    }


# --- possible duplicates --------------------------------------------------------


def _name_keys(source: Source) -> list[frozenset[str]]:
    return [
        frozenset(normalise_name(n).split()) - {"of", "for", "and", "the"}
        for n in (source.name, *source.alias_names)
    ]


def _duplicate_reason(a: Source, b: Source) -> str | None:
    for ka in _name_keys(a):
        for kb in _name_keys(b):
            if not ka or not kb:
                continue
            if ka == kb:
                return "the same words"
            if ka < kb or kb < ka:
                shorter, longer = sorted((ka, kb), key=len)
                return f"“{' '.join(sorted(shorter))}” is part of “{' '.join(sorted(longer))}”"
    return None


def possible_duplicates(limit: int = 200) -> list[tuple[Source, Source, str]]:
    """Pairs of sources whose names or aliases share all the words of one of
    them ("military" / "U.S. military"), for a manager to merge or leave.
    Only sources sharing a word are compared."""
    everyone = all_sources()
    by_word: dict[str, set[int]] = {}
    for index, source in enumerate(everyone):
        for key in _name_keys(source):
            for word in key:
                by_word.setdefault(word, set()).add(index)
    candidates = {pair for indexes in by_word.values() for pair in combinations(sorted(indexes), 2)}
    pairs = []
    for i, j in sorted(candidates):
        reason = _duplicate_reason(everyone[i], everyone[j])
        if reason:
            pairs.append((everyone[i], everyone[j], reason))
            if len(pairs) >= limit:
                break
    return pairs


# --- sourcing kept on a claim, outside the registry -----------------------------


class Mentioned(NamedTuple):
    """A name in a claim's attribution chain that the registry does not know."""

    position: int
    text: str
    kind: SourceKind
    unnamed: bool


def note_mentions(claim: Claim, actor: User, names: list[Mentioned]) -> None:
    """Keep the names a claim rests on that the registry does not know:
    vague ones as unnamed sourcing (flagged), the others as proposals for an
    editor to confirm."""
    if not names:
        return
    for name in names:
        unnamed = name.unnamed or unnamed_reason(name.text) is not None
        claim.mentions.append(
            SourceMention(
                position=name.position,
                text=name.text.strip()[:200],
                kind=name.kind,
                status=MentionStatus.UNNAMED if unnamed else MentionStatus.PROPOSED,
            )
        )
    db.session.flush()
    audit.record(
        actor,
        "claim.sourcing",
        claim,
        f"{actor.name} noted sourcing outside the registry: "
        + ", ".join(f"{m.text} ({m.status.label})" for m in claim.mentions),
        after={m.text: m.status for m in claim.mentions},
    )


def names_to_confirm(limit: int) -> tuple[list[SourceMention], int]:
    """New names claims on unpublished articles rest on, waiting for an
    editor to confirm them (oldest first, ``limit`` of them), and how many
    there are in all."""
    waiting = (
        sa.select(SourceMention)
        .join(Claim)
        .join(Article)
        .where(
            SourceMention.status == MentionStatus.PROPOSED,
            Article.status != ArticleStatus.PUBLISHED,
            Claim.status != ClaimStatus.WITHDRAWN,
        )
    )
    total = db.session.scalar(sa.select(sa.func.count()).select_from(waiting.subquery()))
    mentions = db.session.scalars(
        waiting.order_by(SourceMention.id)
        .limit(limit)
        .options(
            selectinload(SourceMention.claim)
            .load_only(Claim.id, Claim.exact, Claim.article_id)
            .selectinload(Claim.article)
            .load_only(Article.id, Article.title)
        )
    ).all()
    return list(mentions), total


def _link(mention: SourceMention, actor: User, source: Source, how: str) -> Source:
    from factcheck.services.articles import void_if_checked

    claim = mention.claim
    if source not in claim.sources:
        claim.source_links.append(ClaimSource(source=source, position=len(claim.source_links)))
    claim.mentions.remove(mention)
    void_if_checked(claim.article, actor, f"{actor.name} changed the sources of claim #{claim.id}.")
    db.session.flush()
    audit.record(
        actor,
        "claim.source_confirm",
        claim,
        f"{actor.name} {how} “{mention.text}” as {source.name}",
        before={"mention": mention.text, "status": mention.status},
        after={"source": source.name, "source_id": source.id},
    )
    return source


def confirm_mention(mention: SourceMention, actor: User, *, name: str, kind: SourceKind) -> Source:
    """A person confirms a new name: it enters the registry and the claim's chain."""
    workflow.check(mention.claim, "edit", actor)
    source = find_by_name(name) or create_source(name, kind, actor)
    return _link(mention, actor, source, "confirmed")


def link_mention(mention: SourceMention, actor: User, name: str) -> Source:
    """The name is a source the registry knows under another name."""
    workflow.check(mention.claim, "edit", actor)
    source = find_by_name(name)
    if source is None:
        raise ValidationFailed(f"No source “{name}” in the registry.", field="existing")
    return _link(mention, actor, source, "linked")


def keep_unnamed(mention: SourceMention, actor: User) -> None:
    """The sourcing stays on the claim as unnamed, flagged for the checker."""
    workflow.check(mention.claim, "edit", actor)
    if mention.status is MentionStatus.UNNAMED:
        return
    mention.status = MentionStatus.UNNAMED
    db.session.flush()
    audit.record(
        actor,
        "claim.source_unnamed",
        mention.claim,
        f"{actor.name} kept “{mention.text}” as unnamed sourcing",
        after={"mention": mention.text, "status": mention.status},
    )
