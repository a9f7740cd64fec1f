"""The shared source registry."""

import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import Source, SourceAlias, SourceKind, User
from factcheck.services import audit
from factcheck.services.errors import ValidationFailed


def find_by_name(name: str) -> Source | None:
    """A source by its name or one of its aliases, ignoring case."""
    key = name.strip().lower()
    source = db.session.scalar(sa.select(Source).where(sa.func.lower(Source.name) == key))
    if source:
        return source
    return db.session.scalar(
        sa.select(Source).join(SourceAlias).where(sa.func.lower(SourceAlias.alias) == key)
    )


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
