"""Who is speaking: turn noun phrases from the copy into sources, with coreference.

An ``EntityTracker`` lives for one article. It remembers every source named so
far so that later mentions ("the Observatory", "Waters", "he", "it") resolve
to the first, fullest mention, and it attaches registry ids and kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.extraction import lexicon as lx
from factcheck.extraction.sources import (
    SOURCE_KINDS,
    KnownSource,
    SourceIndex,
    lookup_gazetteer,
    normalise_name,
)

_POSSESSIVE = re.compile(r"^(?P<owner>.+?)[\u2019']s?\s+(?P<rest>.+)$")
_WORD = re.compile(r"[\w\u2019'&.-]+")


@dataclass
class Entity:
    name: str
    kind: str
    source_id: int | None = None
    affiliation: Entity | None = None
    speaks_for_affiliation: bool = False
    keys: set[str] = field(default_factory=set)

    @property
    def is_person(self) -> bool:
        return self.kind in ("person", "analyst", "official") and _looks_personal(self.name)


def _looks_personal(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 5 and all(
        w[:1].isupper()
        or w.lower() in lx.NAME_CONNECTORS
        or re.match(r"^(?:al|el|bin|ibn|abu)-", w.lower())
        for w in words
    )


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def strip_determiner(text: str) -> str:
    parts = text.split(maxsplit=1)
    if len(parts) == 2 and parts[0].lower() in lx.DETERMINERS:
        return parts[1]
    return text


class EntityTracker:
    """Per-article memory of sources, for coreference and consistent naming."""

    def __init__(self, registry: list[KnownSource] | None) -> None:
        self.registry = SourceIndex(registry) if registry else None
        self.entities: list[Entity] = []
        self.last_person: Entity | None = None
        self.last_thing: Entity | None = None
        self._cache: dict[tuple[str, str], Entity | None] = {}

    # -- public -------------------------------------------------------------

    def pronoun(self, word: str) -> Entity | None:
        lowered = word.lower()
        if lowered in lx.PRONOUNS_PERSON:
            return self.last_person
        if lowered in lx.PRONOUNS_THING:
            return self.last_thing
        return None

    def spoke(self, entity: Entity) -> None:
        """Record a speaker so later pronouns can refer to it."""
        if entity.is_person:
            self.last_person = entity
        else:
            self.last_thing = entity

    def existing(self, phrase: str) -> Entity | None:
        """An entity already named in the article, without creating one."""
        bare, _kind = _strip_titles(strip_determiner(phrase.strip(" ,.;:")))
        return self._find_existing(bare) if bare else None

    def resolve(self, phrase: str, description: str = "") -> Entity | None:
        """Entity for a noun phrase ("The Syrian army", "Waters", "the Observatory's chief")."""
        phrase = phrase.strip(" ,.;:\u2014\u2013-")
        if not phrase:
            return None
        key = (phrase, description)
        if key not in self._cache:
            self._cache[key] = self._resolve(phrase, description)
        return self._cache[key]

    # -- internals ----------------------------------------------------------

    def _resolve(self, phrase: str, description: str) -> Entity | None:
        bare = strip_determiner(phrase)
        generic = self._generic_reference(phrase)
        if generic is not None:
            return generic
        bare, description = _split_role_and_name(bare, description)
        head = bare.split()[-1].lower().strip("\u2019'") if bare.split() else ""
        if (head in lx.ROLE_NOUNS and not bare[:1].isupper()) or _is_role_phrase(bare):
            return self._role_entity(phrase, bare, description)
        bare, title_kind = _strip_titles(bare)
        bare = _strip_leading_possessive(bare)
        if not bare:
            return None
        existing = self._find_existing(bare)
        if existing is not None:
            if description:
                self._apply_description(existing, description)
            return existing
        entity = self._new_entity(bare, description, title_kind)
        self.entities.append(entity)
        return entity

    def _generic_reference(self, phrase: str) -> Entity | None:
        """ "the group", "the organisation": the latest organisation named before."""
        words_ = phrase.lower().split()
        if len(words_) != 2 or words_[0] != "the" or words_[1] not in _GENERIC_ORG_NOUNS:
            return None
        for entity in reversed(self.entities):
            if entity.kind == "organisation" and not entity.is_person and entity.name[:1].isupper():
                return entity
        return None

    def _role_entity(self, phrase: str, bare: str, description: str) -> Entity | None:
        """ "the Syrian army", "officials", "the Observatory's chief", "a study"."""
        existing = self._find_existing(bare)
        if existing is not None:
            return existing
        owner_match = _POSSESSIVE.match(bare)
        affiliation = None
        role_words = bare
        if owner_match and (
            owner_match.group("owner")[:1].isupper()
            or self._generic_reference(owner_match.group("owner"))
        ):
            affiliation = self.resolve(owner_match.group("owner"))
            role_words = owner_match.group("rest")
        else:
            of_match = re.search(r"\b(?:of|for|at|with|from)\s+(?P<org>(?:the\s+)?[A-Z].*)$", bare)
            if of_match:
                affiliation = self.resolve(of_match.group("org"))
                role_words = bare[: of_match.start()].strip()
        head = role_words.split()[-1].lower() if role_words.split() else ""
        kind = _kind_from_words(bare, description) or _role_kind(head)
        name = bare
        entity = Entity(
            name=name,
            kind=kind,
            affiliation=affiliation,
            speaks_for_affiliation=bool(affiliation) and head in lx.SPOKES_ROLES,
        )
        self._attach_registry(entity, [name])
        entity.keys.add(normalise_name(name))
        if head in lx.COREF_HEADS and not affiliation:
            entity.keys.add(head)  # "the ministry" later means this ministry
        self.entities.append(entity)
        return entity

    def _find_existing(self, bare: str) -> Entity | None:
        key = normalise_name(bare)
        if not key:
            return None
        for entity in reversed(self.entities):
            if key in entity.keys:
                return entity
        known = lookup_gazetteer(bare)
        if known is not None:
            known_keys = {normalise_name(n) for n in known.all_names()}
            for entity in reversed(self.entities):
                if entity.keys & known_keys:
                    entity.keys.add(key)
                    return entity
        return None

    def _new_entity(self, bare: str, description: str, title_kind: str | None) -> Entity:
        known = lookup_gazetteer(bare)
        if known is not None:
            entity = Entity(name=known.name, kind=known.kind)
            names = [bare, *known.all_names()]
        else:
            kind = (
                _kind_from_description(description)
                or title_kind
                or _kind_from_words(bare, "")
                or _kind_from_shape(bare)
            )
            entity = Entity(name=bare, kind=kind)
            names = [bare]
        if description:
            self._apply_description(entity, description)
        self._attach_registry(entity, names)
        entity.keys |= {normalise_name(n) for n in names}
        entity.keys |= _coref_keys(entity)
        return entity

    def _apply_description(self, entity: Entity, description: str) -> None:
        kind = _kind_from_description(description)
        if kind and entity.source_id is None and _may_refine(entity.kind, kind):
            entity.kind = kind
        if entity.affiliation is None:
            org, role = _affiliation_from_description(description)
            if org:
                entity.affiliation = self.resolve(org)
                entity.speaks_for_affiliation = role in lx.SPOKES_ROLES

    def _attach_registry(self, entity: Entity, names: list[str]) -> None:
        if not self.registry:
            return
        for name in names:
            record = self.registry.resolve(name)
            if record is not None:
                entity.name = record.name
                entity.kind = record.kind if record.kind in SOURCE_KINDS else entity.kind
                entity.source_id = record.id
                entity.keys |= {normalise_name(n) for n in record.all_names()}
                return


_GENERIC_ORG_NOUNS = frozenset(
    {"group", "organisation", "organization", "militia", "movement", "company", "firm"}
)


def _split_role_and_name(bare: str, description: str) -> tuple[str, str]:
    """ "Opposition leader Marta Solis" -> ("Marta Solis", "Opposition leader")."""
    tokens = bare.split()
    for index in range(len(tokens) - 2, -1, -1):
        word = tokens[index]
        if word.lower() in lx.ROLE_NOUNS and word[:1].islower():
            rest = tokens[index + 1 :]
            if rest and all(t[:1].isupper() for t in rest):
                role = " ".join(tokens[: index + 1])
                return " ".join(rest), f"{role}, {description}" if description else role
            break
    return bare, description


def _may_refine(current: str, described: str) -> bool:
    """A description may sharpen a guessed kind: person -> analyst, organisation -> monitor."""
    if current == "person":
        return described in ("analyst", "official")
    return current == "organisation" and described in ("monitor", "publication", "agency")


def _is_role_phrase(bare: str) -> bool:
    """ "the Observatory's chief": a capitalised owner and a lower-case role."""
    match = _POSSESSIVE.match(bare)
    if not match:
        return False
    rest = match.group("rest").split()
    return bool(rest) and rest[-1].lower() in lx.ROLE_NOUNS and rest[-1][:1].islower()


def _strip_titles(bare: str) -> tuple[str, str | None]:
    tokens = bare.split()
    kind = None
    titles = lx.OFFICIAL_TITLES | lx.PERSON_TITLES
    while len(tokens) > 1 and tokens[0].lower().strip(".") in titles:
        word = tokens[0].lower().strip(".")
        if kind is None:
            kind = (
                "official"
                if word in lx.OFFICIAL_TITLES
                else ("analyst" if word in ("prof", "professor") else "person")
            )
        tokens = tokens[1:]
    return " ".join(tokens), kind


def _strip_leading_possessive(bare: str) -> str:
    """ "Britain's Syrian Observatory for Human Rights" -> the Observatory itself."""
    match = _POSSESSIVE.match(bare)
    if match and match.group("rest")[:1].isupper():
        return match.group("rest")
    return bare


def _coref_keys(entity: Entity) -> set[str]:
    tokens = [t for t in normalise_name(entity.name).split() if t]
    keys: set[str] = set()
    if entity.is_person and len(tokens) >= 2:
        keys.add(tokens[-1])
        if tokens[-1].startswith(("al-", "el-")):
            keys.add(tokens[-1][3:])
        keys.add(" ".join(tokens[-2:]))
    elif not entity.is_person:
        keys |= {t for t in tokens if t in lx.COREF_HEADS}
    return keys


_DESCRIPTION_END = re.compile(
    r"\s(?:of|with|at|for|from|by|in|on|run|who|which|that|whose|based|funded|backed|linked"
    r"|according)\s|,"
)


def description_head(description: str) -> list[str]:
    """Lower-cased words of the description's first noun phrase: "a war monitor" of
    "a war monitor run by MI6", "chief economist" of "chief economist at X"."""
    cut = _DESCRIPTION_END.search(description)
    head = description[: cut.start()] if cut else description
    return [re.sub(r"[\u2019']s?$", "", w.lower()) for w in words(head)]


def _kind_from_description(description: str) -> str | None:
    """Kind from the head noun of a description: "a war monitor run by MI6" -> monitor.

    Only the head counts: "the Observatory's chief" is a person, not a monitor.
    """
    head_words = description_head(description)
    if not head_words:
        return None
    head = head_words[-1]
    if head in lx.MONITOR_WORDS:
        return "monitor"
    if head in lx.ANALYST_ROLES:
        return "analyst"
    if head in lx.OFFICIAL_ROLES:
        return "official"
    if head in ("newspaper", "broadcaster", "outlet", "magazine", "channel", "website"):
        return "publication"
    if head == "agency" and "news" in head_words:
        return "agency"
    if head in lx.ORGANISATION_WORDS | _GENERIC_ORG_NOUNS | _ORG_DESCRIPTIONS:
        return "organisation"
    return None


_ORG_DESCRIPTIONS = frozenset(
    {
        "faction",
        "tank",
        "operator",
        "owner",
        "contractor",
        "subsidiary",
        "developer",
        "manufacturer",
        "supplier",
        "retailer",
        "lender",
        "insurer",
        "producer",
        "exporter",
    }
)


def _kind_from_words(name: str, description: str) -> str | None:
    lowered = [w.lower().strip("\u2019'") for w in words(name)]
    if not lowered:
        return None
    last = lowered[-1]
    if last in lx.DOCUMENT_NOUNS:
        return "document"
    if any(w in lx.MONITOR_WORDS for w in lowered):
        return "monitor"
    if ("news" in lowered and "agency" in lowered) or any(
        w in lx.AGENCY_WORDS for w in lowered[1:]
    ):
        return "agency"
    if any(w in lx.GOVERNMENT_WORDS for w in lowered):
        return "government"
    if last in lx.OFFICIAL_ROLES:
        return "official"
    if last in lx.ANALYST_ROLES:
        return "analyst"
    if any(w in lx.PUBLICATION_WORDS for w in lowered):
        return "publication"
    if any(w in lx.ORGANISATION_WORDS for w in lowered):
        return "organisation"
    return None


def _role_kind(head: str) -> str:
    if head in lx.DOCUMENT_NOUNS:
        return "document"
    if head in lx.ANALYST_ROLES:
        return "analyst"
    if head in lx.OFFICIAL_ROLES:
        return "official"
    if head in lx.GOVERNMENT_WORDS:
        return "government"
    if head in lx.MONITOR_WORDS:
        return "monitor"
    if head in ("witnesses", "residents", "survivors", "doctors"):
        return "person"
    return "organisation"


def _kind_from_shape(name: str) -> str:
    """Unknown names: an acronym is an organisation, capitalised words a person.

    A lone capitalised word ("Solis") is taken for a surname: news copy
    names organisations in full or by acronym far more often.
    """
    if name.isupper():
        return "organisation"
    if _looks_personal(name):
        return "person"
    return "organisation"


_AFFILIATION = re.compile(
    r"\b(?P<prep>with|at|from|for|of)\s+(?P<org>(?:the\s+)?[A-Z][\w\u2019'&.-]*"
    r"(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w\u2019'&.-]*)*)"
)
_LOWER_BODY = re.compile(
    r"\b(?P<prep>for|of|at|with|from)\s+(?P<org>the\s+(?:[a-z]+\s+){0,2}"
    r"(?:ministry|army|police|government|council|agency|department|office|directorate|military"
    r"|committee|group|militia|organisation|organization))\b"
)
_LOWER_OWNER = re.compile(
    r"(?P<org>the\s+(?:group|organisation|organization|militia|ministry|council|agency|union"
    r"|company|firm|party|coalition))"
    r"[\u2019']s\s+(?:[a-z-]+\s+){0,2}(?P<role>[a-z-]+)"
)
_OWNER = re.compile(
    r"(?:^|\s)(?:the\s+)?(?P<org>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)(?:[\u2019']s?)?\s+"
    r"(?:[a-z-]+\s+){0,2}(?P<role>[a-z-]+)\s*$"
)


def _affiliation_from_description(description: str) -> tuple[str | None, str]:
    """("Middle East Institute", "analyst") from "an analyst ... with the Middle East Institute".

    "of" names an affiliation only for roles that belong to the body
    ("chief of the Observatory"); "an analyst of the Syrian army" studies it.
    """
    head = description_head(description)
    roles = [w for w in head if w in lx.ROLE_NOUNS or w in lx.SPOKES_ROLES]
    role = roles[-1] if roles else ""
    candidates = list(_AFFILIATION.finditer(description))
    for match in candidates:
        if match.group("prep") != "of":
            return match.group("org"), role
    for match in candidates:
        if role in lx.SPOKES_ROLES or role in lx.OFFICIAL_ROLES:
            return match.group("org"), role
    lower = _LOWER_BODY.search(description) or _LOWER_OWNER.search(description)
    if lower:
        return lower.group("org"), role
    cut = _DESCRIPTION_END.search(description)
    owner = _OWNER.search(description[: cut.start()] if cut else description)
    if owner and owner.group("role") in (lx.SPOKES_ROLES | lx.OFFICIAL_ROLES | lx.ANALYST_ROLES):
        return owner.group("org"), owner.group("role")
    return None, role
