"""The shared source registry."""

import sqlalchemy as sa

from factcheck.database import strip_control_chars
from factcheck.extensions import db
from factcheck.models import Source, SourceAlias, SourceKind, User
from factcheck.services import audit
from factcheck.services.errors import ValidationFailed


def find_by_name(name: str) -> Source | None:
    """A source by its name or one of its aliases: as written first, then
    ignoring case. (SQLite's lower() folds only ASCII, so the exact match
    must come first for names like "Ümit".)"""
    name = strip_control_chars(name).strip()
    key = name.lower()
    for condition in (Source.name == name, sa.func.lower(Source.name) == key):
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


def create_source(
    name: str,
    kind: SourceKind,
    actor: User | None,
    aliases: list[str] | None = None,
    affiliation: str = "",
    reliability_notes: str = "",
) -> Source:
    name = name.strip()
    if not name:
        raise ValidationFailed("A source needs a name.", field="name")
    if find_by_name(name):
        raise ValidationFailed(f"“{name}” is already in the registry.", field="name")
    clean_aliases = []
    for alias in aliases or []:
        alias = alias.strip()
        if alias and alias.lower() != name.lower() and alias not in clean_aliases:
            if find_by_name(alias):
                raise ValidationFailed(f"“{alias}” already names a source.", field="aliases")
            clean_aliases.append(alias)
    source = Source(
        name=name,
        kind=kind,
        affiliation=affiliation.strip(),
        reliability_notes=reliability_notes.strip(),
        aliases=[SourceAlias(alias=a) for a in clean_aliases],
    )
    db.session.add(source)
    db.session.flush()
    audit.record(
        actor,
        "source.create",
        source,
        f"Source {name} ({kind.value}) added",
        after={"name": name, "kind": kind, "aliases": clean_aliases},
    )
    return source


def find_or_create(name: str, kind: SourceKind, actor: User | None) -> Source:
    return find_by_name(name) or create_source(name, kind, actor)


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
    from factcheck.models import ClaimSource

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
    source say it?) and ratings, from each claim's approved verdict in force
    (its latest approved one). Counted by the database."""
    from factcheck.models import AttributionFinding, Claim, ClaimSource, RatingLevel, Verdict
    from factcheck.models.verdict import VerdictDecision

    citing = (
        sa.select(Claim.id, Claim.article_id)
        .join(ClaimSource)
        .where(ClaimSource.source_id == source.id, Claim.is_active)
        .subquery()
    )
    claims, articles = db.session.execute(
        sa.select(sa.func.count(), sa.func.count(sa.distinct(citing.c.article_id)))
    ).one()
    in_force = (
        sa.select(sa.func.max(Verdict.id).label("id"))
        .where(
            Verdict.claim_id.in_(sa.select(citing.c.id)),
            Verdict.decision == VerdictDecision.APPROVED,
        )
        .group_by(Verdict.claim_id)
        .subquery()
    )
    label = sa.func.coalesce(RatingLevel.label, Verdict.rating)
    rows = db.session.execute(
        sa.select(label, Verdict.attribution, sa.func.count())
        .join(in_force, in_force.c.id == Verdict.id)
        .outerjoin(RatingLevel, RatingLevel.slug == Verdict.rating)
        .group_by(label, Verdict.attribution)
    ).all()
    attribution = {f: 0 for f in AttributionFinding}
    ratings: dict[str, int] = {}
    for rating_label, finding, count in rows:
        ratings[rating_label] = ratings.get(rating_label, 0) + count
        if finding is not None:
            attribution[AttributionFinding(finding)] += count
    checked = sum(attribution.values())
    return {
        "claims": claims,
        "articles": articles,
        "attribution": attribution,
        "attribution_checked": checked,
        "confirmed_share": round(100 * attribution[AttributionFinding.CONFIRMED] / checked)
        if checked
        else None,
        "ratings": ratings,
    }
