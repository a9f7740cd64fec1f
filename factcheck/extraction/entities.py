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
    acronym,
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
    unnamed: bool = False  # anonymous or vague ("officials", "a company spokesperson")
    spoke: bool = False  # a speaker, not only named in passing
    quoted: bool = False  # a speaker of words in the copy, not only a sentence's subject
    roles: set[str] = field(default_factory=set)  # role words seen with it ("coach", "governor")
    # titles written before its name: "norland chief minister", "deputy president"
    titles: set[str] = field(default_factory=set)

    @property
    def is_person(self) -> bool:
        return self.kind in ("person", "analyst", "official") and _looks_personal(self.name)

    @property
    def is_named(self) -> bool:
        return not self.unnamed and self.name[:1].isupper()


def _definite_owner(owner: str) -> str:
    """ "bank" in "the bank's annual report" (the article went with the phrase) is "the bank",
    which refers back to the bank named before."""
    if owner[:1].islower() and " " not in owner and owner.lower() not in lx.DETERMINERS:
        return f"the {owner}"
    return owner


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


_NAME_INNER_WORDS = lx.words("of for in on the and de du des la le to at")


def _initials(word: str) -> list[str]:
    """What a capitalised word gives an acronym: "UN" or "U" for "UN"/"U.N.", "AQ" for
    "Al-Qaeda", "S" for "Stabilization"; nothing for a lower-case word."""
    bare = word.replace(".", "")
    if not bare[:1].isupper():
        return ["", bare[:1]]  # "Research in Motion (RIM)" spells its "in"
    parts = [part for part in bare.split("-") if part[:1].isupper()]
    spelled = "".join(part[0] for part in parts)
    if bare.isupper() and 2 <= len(bare) <= 4:
        return [bare, bare[0]]  # "UN Office for ... (OCHA)", "UN ... Mission (UNMISS)"
    return [spelled]


def spells_acronym(name: str, short: str) -> bool:
    """ "UN Stabilization Mission in Haiti" (MINUSTAH), "Al-Qaeda in the Islamic Maghreb"
    (AQIM), "Philippine Atmospheric, Geophysical and Astronomical Services Administration"
    (PAGASA): the acronym given with a name confirms every capitalised word is the name's,
    lower-case "in", "on", "for" and commas between them included. The initials spell it
    in order; an acronym from another language (MINUSTAH) holds all of them."""
    letters = re.sub(r"[^A-Za-z]", "", short).upper()
    name_words = [w for w in name.replace(",", " ").split() if w]
    if len(letters) < 2 or not name_words or not name_words[0][:1].isupper():
        return False
    if re.search(r",\s+(?![A-Z])", name):
        return False  # "central Mali, the UN Mission in Mali": a comma ends the clause before
    if any(not w[:1].isupper() and w.lower() not in _NAME_INNER_WORDS for w in name_words):
        return False
    spellings = [""]
    for word in name_words:
        spellings = [s + i.upper() for s in spellings for i in _initials(word)][:64]
    if letters in spellings:
        return True
    shortest = min(spellings, key=len)
    return len(letters) >= 5 and len(shortest) >= 3 and set(shortest) <= set(letters)


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
        self.last_group: Entity | None = None  # "officials", "residents": later "they"
        self.places: set[str] = set()  # names the copy gives as places ("Ganjam district")
        self._cache: dict[tuple[str, str], Entity | None] = {}
        self.copy = ""  # the article's text, to see whether a name stands on its own in it

    # -- public -------------------------------------------------------------

    def pronoun(self, word: str) -> Entity | None:
        lowered = {"him": "he", "her": "she", "them": "they"}.get(word.lower(), word.lower())
        if lowered in lx.PRONOUNS_PERSON:
            return self.last_person
        if lowered in lx.PRONOUNS_THING:
            return self.last_thing
        if lowered in lx.PRONOUNS_GROUP:
            return self.last_group or self.last_thing
        return None

    def spoke(self, entity: Entity, quoted: bool = True) -> None:
        """Record a speaker so later pronouns can refer to it (``quoted``: words of its
        are in the copy; a sentence's subject is recorded for pronouns only)."""
        entity.spoke = True
        entity.quoted = entity.quoted or quoted
        if entity.unnamed and entity.name.split()[-1].endswith("s"):
            self.last_group = entity
        plural = entity.name.split()[-1].lower().endswith("s") if entity.name.split() else False
        if entity.is_person or (
            entity.unnamed and entity.kind in ("person", "official", "analyst") and not plural
        ):
            self.last_person = entity  # "a police spokesman said ... he added", not "scientists"
        elif entity.is_named or entity.kind != "document":
            self.last_thing = entity  # "it" is never "provisional results"

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
            found = self._resolve(phrase, description)
            if found is not None:
                _note_title_before_name(phrase, found)
                if found.is_named and found.is_person and not found.titles - _HONORIFIC_RANKS:
                    post = _post_written_before(self.copy, phrase)
                    if post:  # "Norland chief minister Captain Ann Roe": the post in lower case
                        _note_title_before_name(f"{post} {phrase}", found)
            self._cache[key] = found
        return self._cache[key]

    # -- internals ----------------------------------------------------------

    def _resolve(self, phrase: str, description: str) -> Entity | None:
        if phrase.lower() in _ALL_PRONOUNS:
            return self.pronoun(phrase)
        bare = strip_determiner(phrase)
        holder = self._holder_by_title(bare)
        if holder is not None:  # "the West Bengal Chief Minister", "the DP", "IG Punjab"
            return holder
        based = _BASED_DESCRIPTION.match(bare)
        if based:  # "the Sunnyvale, Calif.-based company": the company named before
            phrase, bare = f"the {based.group('head')}", based.group("head")
        generic = self._generic_reference(phrase) or self._definite_reference(phrase)
        if generic is not None:
            return generic
        bare, description = _split_role_and_name(bare, description)
        if _not_a_name(bare):
            return None  # "When", "There", "November": a sentence's opener or a date
        head = bare.split()[-1].lower().strip("\u2019'") if bare.split() else ""
        if " of " in bare and bare[:1].islower():
            head = bare.split(" of ")[0].split()[-1].lower()  # "analysis of ... measurements"
        if _ONE_OF_THEM.match(bare):
            head = bare.split()[-1]  # "one of the injured": one injured person
        if (
            (head in lx.ROLE_NOUNS and (not bare[:1].isupper() or len(bare.split()) == 1))
            or _is_role_phrase(bare)
            or (head in lx.UNNAMED_HEADS and bare.split()[-1].islower())
            or (head in lx.UNNAMED_HEADS and len(bare.split()) == 1)  # "People familiar ..."
            or _ROLE_WITH_ITS_BODY.match(bare)  # "Officials at the Electoral Commission"
        ):
            return self._role_entity(phrase, bare, description)
        titles = _title_roles(bare, description)
        bare, title_kind = _strip_titles(bare)
        bare = _strip_trailing_weekday(_strip_trailing_possessive(_strip_leading_possessive(bare)))
        if not bare:
            return None
        owned = re.match(r"^(?:of|for)\s+(?P<org>.+)$", bare)
        if owned:  # "Chairperson of the Commission" names the commission, not a person
            org = owned.group("org")
            return self.resolve(org if org.lower().startswith("the ") else f"the {org}")
        existing = self._find_existing(bare) or self._person_after_a_prefix(bare)
        if existing is not None:
            existing.roles |= titles
            if description:
                self._apply_description(existing, description)
            return existing
        entity = self._new_entity(bare, description, title_kind)
        entity.roles |= titles
        if names_only_a_post(bare):  # "the West Bengal Chief Minister" with no holder named
            entity.unnamed, entity.kind = True, "official"
        if entity.affiliation is not None and not entity.speaks_for_affiliation:
            entity.speaks_for_affiliation = any(
                _speaks_for(r, entity.affiliation) for r in entity.roles & lx.FORCE_RANKS
            )  # "Sgt. Ann Roe with the City Police": the rank came with the name
        if entity.is_person and (
            entity.affiliation is None
            or not names_a_body(entity.affiliation.name)
            or len(entity.affiliation.name.split()) == 1
        ):
            self._post_affiliation(entity, phrase)
        self.entities.append(entity)
        return entity

    def _post_affiliation(self, entity: Entity, phrase: str) -> None:
        """The body a titled person speaks for, when the copy has already named it.

        "Its minister Dr Ann Roe" (after "The Health Ministry ..."): the body just
        named; "Health Minister Ann Roe", "the Minister for Health, Ann Roe": the
        Health Ministry or Ministry of Health, only if the copy named it before.
        """
        if _JUDGE_TITLE.match(phrase):  # "Justice Ann Roe said": the court the copy named
            court = next(
                (
                    e
                    for e in reversed(self.entities)
                    if e.is_named and _COURT_WORDS & set(e.name.lower().split())
                ),
                None,
            )
            if court is not None:
                entity.affiliation, entity.speaks_for_affiliation = court, True
            return
        its = _ITS_ROLE.match(phrase)
        if its and its.group("role") in lx.ROLE_NOUNS:
            owner = self.last_thing
            if owner is not None and owner.is_named and not owner.is_person:
                entity.affiliation = owner
                entity.speaks_for_affiliation = _speaks_for(its.group("role"), owner)
            return
        portfolio = _PORTFOLIO_TITLE.search(phrase)
        if portfolio is None:
            return
        field_ = (portfolio.group("before") or portfolio.group("after")).lower()
        for known in reversed(self.entities):
            names = set(normalise_name(known.name).split())
            if (
                not known.is_person
                and not known.unnamed
                and len(names) > 1
                and field_ in names
                and normalise_name(known.name).split()[-1]
                in ("ministry", "department", "service", "force", field_)
            ):
                entity.affiliation = known
                entity.speaks_for_affiliation = True
                return

    def _generic_reference(self, phrase: str) -> Entity | None:
        """ "the group", "the organisation": the latest organisation named before."""
        words_ = phrase.lower().split()
        if len(words_) != 2 or words_[0] != "the" or words_[1] not in _GENERIC_ORG_NOUNS:
            return None
        kinds = lx.ORG_REFERENCE_KINDS[words_[1]] if words_[1] != "company" else _COMPANY_KINDS
        fitting = [
            e for e in self.entities if e.kind in kinds and not e.is_person and e.name[:1].isupper()
        ]
        if words_[1] in ("company", "firm"):
            # a business story's "the company" is the firm it covers, not the wire or paper
            # it cites ("according to Reuters Estimates ... than the company had forecast")
            firms = [e for e in fitting if e.kind not in ("agency", "publication") and e.spoke]
            latest = (firms or [None])[-1] or self._firm_named_as_a_person()
            if latest is not None:
                return latest
        latest = _latest_that_spoke(fitting)  # "the group said" is not a group in passing
        return latest

    def _firm_named_as_a_person(self) -> Entity | None:
        """ "Lumen reported ... The company said": a one-word name taken for a person."""
        for entity in reversed(self.entities):
            if entity.kind == "person" and len(entity.name.split()) == 1 and entity.spoke:
                entity.kind = "organisation"
                return entity
        return None

    def _definite_reference(self, phrase: str) -> Entity | None:
        """ "the Britain-based watchdog", "the agency", "the head coach": someone named before.

        Only a definite description with nothing capitalised but hyphenated
        modifiers ("London-based") refers back; the antecedent is the latest
        named source of a fitting kind (an organisation noun) or the latest
        person seen with that role (a person noun).
        """
        tokens = phrase.split()
        if (
            len(tokens) in (2, 3)
            and tokens[-1].lower() in lx.STATEMENT_NOUNS
            and tokens[0].lower() in ("a", "an", "the")
            and not any(t[:1].isupper() for t in tokens[1:])
        ):
            last = self.last_thing  # "The statement said", "A press release says"
            return last if last is not None and last.is_named else None
        if len(tokens) == 1 and tokens[0].lower() in lx.PERSON_REFERENCE_ROLES:
            tokens = ["the", *tokens]  # "Minister posted ...": a capitalised bare role
        if (
            2 <= len(tokens) <= 4
            and tokens[-1] == "leader"
            and all(t[:1].isupper() for t in tokens[:-1])
            and tokens[0].lower() not in lx.DETERMINERS
        ):
            tokens = ["the", *tokens]  # "Zantu Party leader said": no article before it
        if len(tokens) < 2 or tokens[0].lower() != "the" or len(tokens) > 5:
            return None
        if len(tokens) == 2 and tokens[1].islower():
            holder = self._one_of_role_family(tokens[1])
            if holder is not None:  # "the lawmaker" after "Senator Ann Roe"
                return holder
        office = _ROLE_OF_FIELD.match(phrase)
        if office and office.group("role").lower() in lx.PERSON_REFERENCE_ROLES:
            # "the Minister of Health" after "the Minister of Public Health, Dr Ann Roe"
            return self._title_holder(office.group("role").lower(), words(office.group("field")))
        head = tokens[-1].lower().strip("\u2019'")
        if (
            len(tokens) == 2
            and tokens[1][:1].isupper()
            and (_DEMONYM.search(tokens[1]) or _one_of_a_people(tokens[1]))
            and lookup_gazetteer(tokens[1]) is None
            and self._find_existing(tokens[1]) is None
        ):
            return self.last_person  # "the Spaniard said"
        if head in lx.TEAM_ROLES and any(t[:1].isupper() for t in tokens[1:-1]):
            return self._team_role_holder()  # "the Gaurs boss", "the Mumbai City FC tactician"
        if head in _LEADER_WORDS and len(tokens) > 2 and tokens[-1][:1].islower():
            figure = self._figure_of_body(tokens[1:-1])
            if figure is not None:  # "the ZP leader": the ZP general secretary named before
                return figure
        if any(
            t[:1].isupper() and "-" not in t and t.lower() not in lx.PERSON_REFERENCE_ROLES
            for t in tokens[1:]
        ):
            if head in lx.PERSON_REFERENCE_ROLES and tokens[-1][:1].islower():
                holder = self._title_holder(head, tokens[1:-1], unique=True)  # "the EC chairman"
                owner = tokens[1:-1]
                if holder is None and all(t[:1].isupper() for t in owner):
                    return self._unnamed_post(" ".join(owner), head)
                return holder
            return self._described_body(tokens)
        if head in lx.PERSON_REFERENCE_ROLES:
            posts = {t.lower() for t in tokens[1:-1]} & _POST_QUALIFIERS
            for entity in reversed(self.entities):
                if (
                    entity.is_named
                    and entity.is_person
                    and head in entity.roles
                    and not _other_post(posts, entity.roles | _words_of(entity.titles))
                ):  # "the Prime Minister" is not the Chief Minister named before
                    return entity
            fields = {t.lower() for t in tokens[1:-1]} - lx.DETERMINERS
            for entity in reversed(self.entities):  # "the health chief": Health Secretary X
                aff = entity.affiliation
                if (
                    fields
                    and entity.is_named
                    and entity.is_person
                    and aff is not None
                    and entity.speaks_for_affiliation
                    and fields <= set(normalise_name(aff.name).split())
                ):
                    return entity
            return self.last_person if head in lx.TEAM_ROLES else None
        if head in lx.STATEMENT_NOUNS:
            last = self.last_thing
            return last if last is not None and last.is_named else None
        kinds = lx.ORG_REFERENCE_KINDS.get(head)
        if kinds is None:
            return None
        for entity in reversed(self.entities):
            if entity.is_named and not entity.is_person and head in normalise_name(entity.name):
                return entity
        # "the Britain-based watchdog", "the UK-registered organization": where or how it is
        modifiers = [t for t in tokens[1:-1] if "-" not in t]
        if modifiers and {m.lower() for m in modifiers} <= _MONITOR_DESCRIPTIONS:
            kinds = lx.ORG_REFERENCE_KINDS["monitor"]  # "the monitoring group"
            modifiers = []
        if modifiers:  # "the rights group": the body whose name has those words
            named_with = self._body_named_with(modifiers, head, kinds)
            if named_with is not None or head not in _GENERIC_BODY_HEADS:
                return named_with
        if head in lx.NAMED_HEAD_ONLY:
            return None  # "the international coalition" is not any organisation
        fitting = [e for e in self.entities if e.is_named and not e.is_person and e.kind in kinds]
        return _latest_that_spoke(fitting)

    def _one_of_role_family(self, word: str) -> Entity | None:
        """The one person the copy named with a post of the kind this word names ("the
        lawmaker" after "Senator Ann Roe", "the executive" after "chief executive Ann
        Roe", "the officer" after "DGP Ann Roe"); two such people name nobody."""
        family = next((f for f in lx.ROLE_FAMILIES if word in f), None)
        if family is None:
            return None
        fitting = {
            id(e): e
            for e in self.entities
            if e.is_named and e.is_person and _post_words(e) & family
        }
        return next(iter(fitting.values())) if len(fitting) == 1 else None

    def _figure_of_body(self, owner: list[str]) -> Entity | None:
        """The one person the copy named with a post in this body, for a loose word
        for its leadership: "the Zantu Party leader" or "the ZP chief" after "Zantu
        Party (ZP) general secretary Ama Kofi". A place or a people is no body ("the
        Vesta leader" may be anyone from Vesta); two such people name nobody.
        """
        defined = len(owner) == 1 and f"({owner[0]})" in self.copy  # "Awami League (AL)"
        if not defined and any(_names_a_people(w) or lookup_gazetteer(w) for w in owner):
            return None
        if len(owner) == 1 and owner[0].isupper() and len(owner[0]) >= 2:
            body = rf"(?:\(\s*{re.escape(owner[0])}\s*\)|\b{re.escape(owner[0])}\b)"
        else:
            body = r"\b" + r"\s+".join(re.escape(w) for w in owner) + r"\b"
        fitting = {}
        for entity in self.entities:
            if not (entity.is_named and entity.is_person and len(entity.name.split()) > 1):
                continue
            posted = re.compile(
                body
                + r"(?P<post>(?:\s+\(\s*[A-Z]{2,6}\s*\))?(?:\s+[\w'\u2019-]+){1,7}?)\s+"
                + re.escape(entity.name)
                + r"\b"
            )
            if any(
                set(m.group("post").lower().split()) & _POST_WORDS
                for m in posted.finditer(self.copy)
            ):
                fitting[id(entity)] = entity
        return next(iter(fitting.values())) if len(fitting) == 1 else None

    def _title_holder(
        self, role: str, field_words: list[str], unique: bool = False
    ) -> Entity | None:
        """The named person the copy gave this title: "the EC chairman", "the Minister of
        Health" after "Chairman of the Election Commission (EC) Ann Roe", "the Minister of
        Public Health, Dr Ann Roe".

        The words with the title must name the holder's body (or its acronym); with
        ``unique``, a lone holder of the title also fits, unless those words name a
        place or a people ("the US president" is someone else).
        """
        holders = [e for e in self.entities if e.is_named and e.is_person and role in e.roles]
        fields = {normalise_name(w) for w in field_words} - lx.DETERMINERS - {"", "of", "for"}
        if not holders or not fields:
            return None
        for holder in reversed(holders):
            body = holder.affiliation
            if body is not None and (
                fields <= set(normalise_name(body.name).split()) | body.keys
                or fields & {acronym(body.name)}
            ):
                return holder
        if not unique or any(_names_a_people(w) or lookup_gazetteer(w) for w in field_words):
            return None
        return holders[0] if all(h is holders[0] for h in holders) else None

    def _holder_by_title(self, bare: str) -> Entity | None:
        """The person the copy named with this title, written again without the name.

        "the Norland Chief Minister" or "IG Norland" (the title as written before
        "Ann Roe"), "the DP" or "the IGP" (its initials, after any place or body
        before it: "Deputy President", "Norland Inspector General Police"), "the
        Chief Minister" (the title without the place or body before it, when only
        one person holds it). A title nobody was named with resolves elsewhere.
        """
        tokens = bare.split()
        if len(tokens) > 1 and tokens[-1].isupper() and all(t.islower() for t in tokens[:-1]):
            bare = tokens[-1]  # "a plain-speaking CM": the post's initials, described
        key = normalise_name(bare)
        holders = [e for e in self.entities if e.titles and e.is_named and e.is_person]
        if not key or not holders:
            return None
        for holder in reversed(holders):
            if key in holder.titles:
                return holder
        if key in _HEAD_OF_STATE:  # "the Head of State" after "President Ann Roe"
            heads = {id(h): h for h in holders if h.roles & _HEAD_OF_STATE[key]}
            return next(iter(heads.values())) if len(heads) == 1 else None
        short = _initialled_post(key)
        if short != key:  # "the Norland chief minister" after "Norland CM Ann Roe"
            fitting = {id(h): h for h in holders if short in h.titles}
            if not fitting:
                fitting = {
                    id(h): h
                    for h in holders
                    if any(_title_without_owner(t, short.split()) for t in h.titles)
                }
            if len(fitting) == 1:
                return next(iter(fitting.values()))
        tokens = key.split()
        if len(tokens) == 1 and bare.isupper() and 2 <= len(bare) <= 6:
            for holder in reversed(holders):
                if any(key in _title_initials(t) for t in holder.titles):
                    return holder
            return None
        if len(tokens) < 2 or tokens[-1] not in lx.PERSON_REFERENCE_ROLES:
            return None  # "the coach" alone: the team-role rules decide
        fitting = {
            id(h): h for h in holders if any(_title_without_owner(t, tokens) for t in h.titles)
        }
        return next(iter(fitting.values())) if len(fitting) == 1 else None

    def _team_role_holder(self) -> Entity | None:
        """The coach or captain the copy named last, else the person who spoke last."""
        for entity in reversed(self.entities):
            if entity.is_named and entity.is_person and entity.roles & lx.TEAM_ROLES:
                return entity
        last = self.last_person
        if last is None or not last.is_named or not last.quoted:
            return None  # "Tom Hale scored twice. The Rovers boss said": not the scorer
        if {w.lower() for w in last.name.split()} & _PLAYER_ROLES:
            return None  # "Striker Tom Hale said ... The Rovers boss said": not the striker
        return last

    def _body_named_with(
        self, modifiers: list[str], head: str, kinds: frozenset[str]
    ) -> Entity | None:
        """ "the rights group" after "the Observatory for Human Rights" spoke: that body
        (of a kind the head noun fits; "the health ministry" is no health organisation)."""
        wanted = set(normalise_name(" ".join(modifiers)).split()) - lx.DETERMINERS
        if not wanted:
            return None
        fitting = [
            e
            for e in self.entities
            if e.is_named
            and not e.is_person
            and e.kind in kinds
            and (head not in lx.NAMED_HEAD_ONLY or head in normalise_name(e.name))
            and wanted <= set(normalise_name(e.name).split()) | {k for k in e.keys if " " not in k}
        ]
        return _latest_that_spoke(fitting)

    def _unnamed_post(self, owner: str, role: str) -> Entity:
        """ "the Tarn chairman" with no chairman named: the post of a named body written in
        place of a holder the copy never names; an unnamed source speaking for the body,
        never a registry name."""
        body = self._find_existing(owner)
        if body is None:
            body = self.resolve(owner)
            if body is not None and body.kind in ("person", "official", "analyst"):
                body.kind = "organisation"  # "the Tarn chairman": Tarn is what he chairs
        entity = Entity(
            name=f"{owner} {role}",
            kind="official",
            affiliation=body,
            speaks_for_affiliation=True,
            unnamed=True,
        )
        entity.keys.add(normalise_name(entity.name))
        self.entities.append(entity)
        return entity

    def _described_body(self, tokens: list[str]) -> Entity | None:
        """ "The Public Health agency said": a capitalised description, lower-case head.

        Refers back to the latest body of a fitting kind that has spoken, unless a
        modifier names a place, a people or a known body ("the Japanese weather
        agency", "the Finance Ministry" are others).
        """
        head = tokens[-1]
        kinds = lx.ORG_REFERENCE_KINDS.get(head)
        modifiers = tokens[1:-1]
        if kinds is None or head in lx.NAMED_HEAD_ONLY or not modifiers or len(modifiers) > 2:
            return None
        for word in modifiers:
            if not word[:1].isupper() or not word.isalpha():
                return None
            if (
                _DEMONYM.search(word)
                or normalise_name(word) in lx.COUNTRIES
                or lookup_gazetteer(word) is not None
                or self._find_existing(word) is not None
            ):
                return None
        spoken = [
            e
            for e in self.entities
            if e.is_named and not e.is_person and e.kind in kinds and e.spoke
        ]
        return spoken[-1] if spoken else None

    def named_later(self) -> dict[int, Entity]:
        """Descriptions that a later name identifies: "a provincial governor" ... "Kunar
        Gov. Asadullah Wafa"; "The U.S. Middle East command" ... "Central Command".

        Keyed by ``id()`` of the description's entity. A person description needs a
        later person seen with the same role; an organisation description a later
        name with the same head noun.
        """
        found: dict[int, Entity] = {}
        for position, entity in enumerate(self.entities):
            head = entity.name.split()[-1] if entity.name.split() else ""
            if not head.islower() or entity.is_person:
                continue
            for later in self.entities[position + 1 :]:
                if not later.is_named or later is entity:
                    continue
                if head in lx.PERSON_REFERENCE_ROLES | {"official"} and later.is_person:
                    if not _same_owner(entity, later):
                        continue  # "a Taliban spokesman" is not NATO's spokesman
                    if head in later.roles or (
                        head == "official" and later.roles & _OFFICIALS_NOT_LEADERS
                    ):  # "an Afghan official" may be the governor named later, not the minister
                        found[id(entity)] = later
                        break
                elif (
                    (
                        head in lx.ORG_REFERENCE_KINDS
                        and not later.is_person
                        and normalise_name(later.name).endswith(head)
                        and (len(later.name) > len(entity.name) or _proper_name_for(entity, later))
                    )
                    or _names_the_owned_body(entity, later)
                    or _generic_body_named(entity, later)
                ):
                    found[id(entity)] = later
                    break
        return found

    def detached(self, name: str) -> Entity:
        """An entity for ``name`` that later references cannot pick up (an outlet)."""
        existing = self._find_existing(name)
        if existing is not None:
            return existing
        return self._new_entity(name, "", None)

    def mention(self, name: str) -> None:
        """A source named in passing ("employed by Reuters"), so "the agency" can refer to it."""
        if self._find_existing(name) is None:
            self.resolve(name)

    def alias(self, name: str, short: str) -> None:
        """ "National Oceanic and Atmospheric Administration (NOAA)": NOAA names it too.

        When the acronym spells every capitalised word ("Pakistan People's Party (PPP)"),
        the whole name is the body's, never cut at a possessive ("Party")."""
        spelled = "".join(w[0] for w in name.split() if w[:1].isupper()).lower()
        found = self.resolve(name) if len(name.split()) >= 3 else None
        cut = (  # "Food and Agriculture Organization of the United Nations (FAO)" is not the UN
            found is not None
            and len(found.name.split()) < len(name.split())
            and acronym(name).startswith(short.lower())
            and not acronym(found.name).startswith(short.lower())
        )
        if cut or (
            spelled == short.lower()
            and len(name.split()) >= 2
            and "'" in name.replace("\u2019", "'")
        ):
            entity = self._find_existing(name) or self._new_entity(name, "", "organisation")
            if entity not in self.entities:
                self.entities.append(entity)
            entity.keys.add(normalise_name(short))
            return
        entity = self.resolve(name)
        if entity is not None:
            entity.keys.add(normalise_name(short))

    def _role_entity(self, phrase: str, bare: str, description: str) -> Entity | None:
        """ "the Syrian army", "officials", "the Observatory's chief", "a study"."""
        existing = self._find_existing(bare)
        if existing is not None:
            return existing
        owner_match = _POSSESSIVE.match(bare)
        affiliation = None
        role_words = bare
        owner = _definite_owner(owner_match.group("owner")) if owner_match else ""
        if owner_match and (
            owner[:1].isupper()
            or self._generic_reference(owner)
            or self._definite_reference(owner)
            or (owner != owner_match.group("owner") and self._find_existing(owner) is not None)
        ):
            affiliation = self.resolve(owner)
            role_words = owner_match.group("rest")
            if (
                affiliation is not None
                and not affiliation.is_person
                and role_words.split()[-1].lower() in lx.OWNED_BODY_NOUNS | lx.GENERIC_DOCUMENTS
            ):
                return affiliation  # "the UN's weather agency" speaks as the UN
        else:
            of_match = re.search(
                r"\b(?P<prep>of|for|at|with|from|in)\s+(?P<org>(?:the\s+)?[A-Z].*)$", bare
            )
            if of_match and of_match.group("prep") == "in" and not names_a_body(of_match["org"]):
                of_match = None  # "officials in Kabul": where they are, not whom they serve
            if of_match:
                affiliation = self.resolve(of_match.group("org"))
                role_words = bare[: of_match.start()].strip()
        head_words = role_words.split(" of ")[0].split()
        if _ONE_OF_THEM.match(role_words):
            head_words = role_words.split()[-1:]  # "one of the injured": one injured person
        head = head_words[-1].lower().strip("\u2019'") if head_words else ""
        issuer = self._document_issuer(head, role_words, affiliation, bare)
        if issuer is not None:
            return issuer  # "a government statement", "the Tide Institute's report"
        speaks_for = head in lx.SPOKES_ROLES or (
            head in ("official", "officials")
            and affiliation is not None
            and affiliation.is_named
            and not affiliation.is_person
        )  # "officials at the Electoral Commission" speak for the commission
        if affiliation is None and head in lx.SPOKES_ROLES | lx.UNNAMED_HEADS:
            affiliation = self._modifier_affiliation(role_words)
            speaks_for = affiliation is not None
        kind = _kind_from_words(bare, description) or _role_kind(head)
        name = bare
        entity = Entity(
            name=name,
            kind=kind,
            affiliation=affiliation,
            speaks_for_affiliation=bool(affiliation) and speaks_for,
            unnamed=head in lx.UNNAMED_HEADS
            or (head in _UNNAMED_PEOPLE and not bare[:1].isupper())  # "the trial judge"
            or (bare.lower() in _GENERIC_ORG_NOUNS and affiliation is None)  # "the company"
            or names_only_a_post(bare),  # "the former Regional Commissioner", no holder named
        )
        self._attach_registry(entity, [name])
        entity.keys.add(normalise_name(name))
        if head in lx.COREF_HEADS and not affiliation:
            entity.keys.add(head)  # "the ministry" later means this ministry
        if entity.unnamed and head in lx.SPOKES_ROLES:
            entity.keys.add(head)  # "the spokesperson said" later means this one
        self.entities.append(entity)
        return entity

    def _document_issuer(
        self, head: str, role_words: str, owner: Entity | None, bare: str
    ) -> Entity | None:
        """A document speaks as the body that issued it, when the phrase names that body:
        in a possessive ("the Tide Institute's report"), after "from" ("a statement from the
        Harbour Board"), after "of" for a body's own statements ("figures of the Census
        Office", not "a study of Ruritanian teachers"), or as the premodifier ("a Tide
        Institute (TI) report", "a government statement", "an army statement"). A document
        whose owner is not named stays a document ("a new study", "earlier figures")."""
        if head not in lx.DOCUMENT_NOUNS | lx.STATEMENT_NOUNS:
            return None
        of_topic = re.search(r"\bof\s+(?:the\s+)?[A-Z]", bare) and head not in _OWN_STATEMENTS
        if owner is None and not _POSSESSIVE.match(bare):
            owner = self._document_premodifier(role_words)
        elif of_topic and not _POSSESSIVE.match(bare):
            return None  # "a survey of Ruritanian teachers": whom it asked, not who made it
        if owner is None or owner.is_person or owner.kind == "document" or owner.unnamed:
            return None
        if owner.is_named or owner.name.lower() in lx.GOVERNMENT_WORDS:
            return owner
        return None

    def _document_premodifier(self, role_words: str) -> Entity | None:
        """ "a Tide Institute (TI) report": the capitalised body name (a defined acronym
        after it dropped); "a government statement": the institution word before the head."""
        words_ = re.sub(r"\s*\([A-Z][\w.&-]{1,10}\)", "", role_words).split()
        if len(words_) < 2:
            return None
        run: list[str] = []
        for word in reversed(words_[:-1]):
            if not word[:1].isupper() or word.lower() in lx.DETERMINERS:
                break
            run.insert(0, word)
        if run:
            name = " ".join(run)
            known = self._find_existing(name)
            if known is not None:
                return known
            if (len(run) > 1 and names_a_body(name)) or (len(run) == 1 and name.isupper()):
                return self.resolve(name) if not _names_a_people(name) else None
            return None
        owner = words_[-2].lower()
        if owner in lx.GOVERNMENT_WORDS and owner not in ("authorities", "forces"):
            return self.resolve(f"the {owner}")
        return None

    def _modifier_affiliation(self, role_words: str) -> Entity | None:
        """ "a PSNI spokesperson", "a company spokesperson": whom the role speaks for."""
        words_ = role_words.split()
        if len(words_) < 2:
            return None
        run = []
        for word in reversed(words_[:-1]):  # "a Meridian Rail spokeswoman": Meridian Rail
            if not word[:1].isupper() or word.lower() in lx.DETERMINERS:
                break
            run.insert(0, word)
        if len(run) > 1:
            known = self._find_existing(" ".join(run))
            if known is not None and not known.is_person:
                return known
        owner = words_[-2]
        if owner.isupper() and owner.replace(".", "") not in lx.COUNTRY_CODES:
            return self.resolve(owner)  # "a PSNI spokesperson", "LSEG economists"
        if owner[:1].isupper() and owner.lower() not in lx.DETERMINERS:
            known = self._find_existing(owner)
            return known if known is not None and not known.is_person else None
        if owner.lower() in _GENERIC_ORG_NOUNS:
            return self._generic_reference(f"the {owner.lower()}")
        return None

    def _find_existing(self, bare: str) -> Entity | None:
        key = normalise_name(bare)
        if not key:
            return None
        for entity in reversed(self.entities):
            if key in entity.keys:
                return entity
        stripped = bare.replace(".", "")
        if 2 <= len(stripped) <= 6 and stripped.isupper() and stripped.isalpha():
            for entity in reversed(self.entities):  # "EC" for the Electoral Commission
                if entity.is_named and not entity.is_person and acronym(entity.name) == key:
                    entity.keys.add(key)
                    return entity
        known = lookup_gazetteer(bare)
        if known is not None:
            known_keys = {normalise_name(n) for n in known.all_names()}
            for entity in reversed(self.entities):
                if entity.keys & known_keys:
                    entity.keys.add(key)
                    return entity
        return None

    def _person_after_a_prefix(self, bare: str) -> Entity | None:
        """ "Argentine Simeone", "Kessel Roe" (a club or a town run into the name when a
        comma was left out: "After the draw with Kessel Roe admitted"): a capitalised run
        that ends with a person already named in full, after words that are not her names
        but a people, or a place or body the copy names on its own, or the object of a
        preposition before the run. The person named before is meant."""
        tokens = bare.split()
        for cut in range(1, min(len(tokens), 4)):
            head, tail = tokens[:cut], " ".join(tokens[cut:])
            person = self._find_existing(tail)
            if person is None or not (person.is_named and person.is_person):
                continue
            full = person.name.split()
            if len(full) < 2 or normalise_name(tail) not in (
                normalise_name(person.name),
                normalise_name(full[-1]),
            ):
                continue  # "Kwabena Agyepong" after "Agyepong": her full name at last
            known = {normalise_name(w) for w in full}
            if any(normalise_name(w) in known or not w[:1].isupper() for w in head):
                continue
            if self._prefix_is_not_a_name(head, bare):
                return person
        return None

    def _prefix_is_not_a_name(self, head: list[str], bare: str) -> bool:
        joined = " ".join(head)
        if len(head) == 1 and _one_of_a_people(joined):
            return True  # "Argentine", "Kenyan": a people, never a given name
        if any(e.is_person and normalise_name(joined) in e.keys for e in self.entities):
            return False  # "Ann" of "Ann Roe" is a given name
        alone = re.search(
            rf"\b{re.escape(joined)}\b(?!\s+{re.escape(bare[len(joined) :].split()[0])})", self.copy
        )
        if alone is not None:
            return True  # the copy names the place or club on its own elsewhere
        at = self.copy.find(bare)
        before = self.copy[max(0, at - 20) : at].split() if at > 0 else []
        return bool(before) and before[-1].lower() in _PREPOSITIONS_BEFORE_A_RUN

    def _new_entity(self, bare: str, description: str, title_kind: str | None) -> Entity:
        short = _LEGAL_FORM.sub("", bare)
        if short != bare and short:
            entity = self._new_entity(short, description, title_kind or "organisation")
            entity.kind = "organisation" if entity.kind == "person" else entity.kind
            entity.keys.add(normalise_name(bare))  # "EXFO Inc" and "EXFO" are one company
            return entity
        known = lookup_gazetteer(bare)
        if known is not None:
            entity = Entity(name=known.name, kind=known.kind)
            names = [bare, *known.all_names()]
        else:
            kind = (
                _kind_from_description(description)
                or title_kind
                or _kind_from_words(bare, "")
                or ("government" if normalise_name(bare) in lx.COUNTRIES else None)
                or _kind_from_shape(bare)
            )
            entity = Entity(name=bare, kind=kind)
            names = [bare]
        if description:
            self._apply_description(entity, description)
        if known is None and _PEOPLE_PLURAL.match(bare):
            entity.unnamed, entity.kind = True, "person"  # "Afghans say"
        self._attach_registry(entity, names)
        entity.keys |= {normalise_name(n) for n in names}
        entity.keys |= _coref_keys(entity)
        return entity

    def _apply_description(self, entity: Entity, description: str) -> None:
        entity.roles |= {w for w in description_head(description) if w in lx.ROLE_WORDS}
        kind = _kind_from_description(description)
        if kind and entity.source_id is None and _may_refine(entity.kind, kind):
            entity.kind = kind
        if entity.affiliation is None:
            org, role = _affiliation_from_description(description)
            if org and org.lower() in ("its", "their"):
                # "Its spokesman, Jon Ames": the body just named, never a source called "Its"
                owner = self.last_thing
                org = None
                if owner is not None and owner.is_named and owner is not entity:
                    entity.affiliation = owner
                    entity.speaks_for_affiliation = _speaks_for(role, owner)
            elif org and org.lower() in ("his", "her"):
                org = None
            if org:
                org = re.sub(r"^(?:of|for|at|with|from)\s+", "", org)
                org = _OWNER_RANK.sub("", org)  # "Senior JUI-F chief", "Co-Cabinet Spokesman"
            if org and _jurisdiction_of_post(org, description):
                org = None  # "Bihar Chief Minister Ann Roe": Bihar is where, not who
            if org:
                entity.affiliation = self.resolve(org)
                ranks = entity.roles & lx.FORCE_RANKS  # "Sgt. Ann Roe, with the City Police"
                entity.speaks_for_affiliation = any(
                    _speaks_for(r, entity.affiliation) for r in {role} | ranks
                )

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


# a rank or share of the post written before the owner: "Senior JUI-F chief", "Former Acme
# chairman", "Co-Cabinet Spokesman" (a co-holder of the Cabinet's post)
_OWNER_RANK = re.compile(r"^(?:(?:Senior|Former|Top|Veteran|Acting|Outgoing|Incoming)\s+|Co-)")
# government posts a place has, not a body: "Bihar Chief Minister", "Tarvia Governor"
_POSTS_OF_A_PLACE = re.compile(
    r"^(?:chief\s+minister|cm|governor|premier|mayor|lieutenant\s+governor|deputy\s+chief"
    r"\s+minister|deputy\s+governor|deputy\s+mayor)\b",
    re.IGNORECASE,
)


def _jurisdiction_of_post(org: str, description: str) -> bool:
    """ "Bihar Chief Minister", "Tarvia Governor": a state or city before a post it has is
    where the holder governs; no body of that name speaks through them. A capitalised
    owner of one or two words that names no body, no people and is no acronym."""
    tokens = org.split()
    if not 1 <= len(tokens) <= 2 or names_a_body(org) or lookup_gazetteer(org) is not None:
        return False
    if any(t.isupper() for t in tokens) or not all(t[:1].isupper() for t in tokens):
        return False
    rest = description.split(",")[0].strip()
    if not rest.startswith(org):
        return False
    return bool(_POSTS_OF_A_PLACE.match(rest[len(org) :].strip()))


_JUDGE_TITLE = re.compile(r"^(?:Justice|Judge|Chief\s+Justice)\s+[A-Z]")
_COURT_WORDS = lx.words("court tribunal bench")
_ITS_ROLE = re.compile(r"^(?:Its|Their)\s+(?P<role>[a-z]+)\s+[A-Z]")
_PORTFOLIO_TITLE = re.compile(
    r"\b(?P<before>[A-Z][a-z]+)\s+(?:Minister|Chief|Commissioner|Secretary)\b"
    r"(?!\s+(?:of|for)\b)"
    r"|\b(?:Minister|Chief|Commissioner|Secretary)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?P<after>[A-Z][a-z]+)"
)
_COMPANY_KINDS = ("organisation", "agency", "publication")
# "Acme Inc", "Acme Corp.": the legal form after a name; never the "Co" of "Booz & Co"
_LEGAL_FORM = re.compile(r"(?<!&),?\s+(?:Inc|Ltd|Corp|Co|LLC|PLC|plc|AG|SA|NV|GmbH|Bhd|Pty)\.?$")
_ALL_PRONOUNS = lx.PRONOUNS_PERSON | lx.PRONOUNS_THING | lx.PRONOUNS_GROUP | {"him", "her", "them"}
_PEOPLE_PLURAL = re.compile(r"^[A-Z][a-z]+(?:ans|ians|is|ese|ards|ards)$")
_DEMONYM = re.compile(r"(?:ard|ian|ese|ish|ean)$")

_PLAYER_ROLES = frozenset(
    {"striker", "midfielder", "defender", "goalkeeper", "keeper", "forward", "winger", "player"}
)
_MONITOR_DESCRIPTIONS = frozenset({"monitoring", "monitor", "war", "conflict"})
# a body's own statements: "figures of the Census Office" are the office's
_OWN_STATEMENTS = lx.words(
    "report reports statement statements release bulletin update notice communique figures "
    "data results statistics tally count estimates"
)
# "the weather body", "the poll body": no body is named so; the one that spoke last
_GENERIC_BODY_HEADS = frozenset({"body"})
_GENERIC_ORG_NOUNS = frozenset(
    {"group", "organisation", "organization", "militia", "movement", "company", "firm"}
)


# "one of the injured", "two of the passengers": people of a described group
_ONE_OF_THEM = re.compile(
    r"^(?:one|some|two|three|several|many|most|another) of (?:the|those) [a-z]+$"
)
# a person described by a post and never named: vague sourcing ("the trial judge said")
_UNNAMED_PEOPLE = lx.words(
    "judge magistrate lawyer prosecutor doctor surgeon physician nurse counsel advocate "
    "solicitor barrister attorney coroner"
)
# "the draw with Kessel Roe admitted": the run opens as the object of a preposition
_PREPOSITIONS_BEFORE_A_RUN = lx.words("with against about over from to at for of by")

_OFFICIALS_NOT_LEADERS = (
    lx.OFFICIAL_ROLES
    - lx.words("minister ministers president premier chancellor secretary")
    - lx.SPOKES_ROLES
)  # "a local official" is not the army's spokesman named later


def _names_a_people(word: str) -> bool:
    """ "Afghan", "Iraqi", "Syrian", "U.S.": a country or its people, not an owner."""
    lowered = normalise_name(word)
    if not lowered or lowered in lx.COUNTRIES or _DEMONYM.search(lowered):
        return True
    stem = lowered[: max(4, len(lowered) - 3)]
    return lowered in ("american", "british", "french", "dutch") or any(
        c.startswith(stem) for c in lx.COUNTRIES
    )


def _one_of_a_people(word: str) -> bool:
    """ "the Argentine", "the German": one of a people, as a noun (not "the French", "the
    Dutch", who are the nation, nor a country's own name)."""
    lowered = normalise_name(word)
    return (
        _names_a_people(word)
        and lowered not in lx.COUNTRIES
        and not lowered.endswith(("ch", "ss", "s"))
    )


# "Sunnyvale, Calif.-based company", "New York-based firm": where a body is, in place of
# its name
_BASED_DESCRIPTION = re.compile(
    r"^(?:[A-Z][\w.\u2019'-]*,?\s+){0,3}[A-Z][\w.\u2019']*-(?:based|headquartered|registered)"
    r"\s+(?:[a-z][\w-]*\s+){0,3}?(?P<head>company|firm|group|bank|lender|insurer|retailer|carrier|maker|manufacturer"
    r"|operator|developer|startup|conglomerate|chain)$"
)
_DATE_WORDS = (lx.MONTHS - {"may"}) | lx.WEEKDAYS | lx.words("today yesterday tomorrow")


def _not_a_name(bare: str) -> bool:
    """A lone capitalised function word or date is never a source ("When asked, ...")."""
    tokens = bare.split()
    return (
        len(tokens) == 1
        and tokens[0].lower().strip(".,") in lx.NOT_NAME_OPENERS | _DATE_WORDS | lx.SPEAKING_OPENERS
    )


def _same_owner(description: Entity, named: Entity) -> bool:
    """May ``named`` be the person ``description`` stands for, by whom they work for?

    "a Taliban spokesman" names its owner: the later person must speak for it.
    """
    owners = {
        w.lower()
        for w in description.name.split()[:-1]
        if w[:1].isupper() and not _names_a_people(w)
    }
    owners -= lx.DETERMINERS
    if description.affiliation is not None:
        owners |= set(normalise_name(description.affiliation.name).split())
    if not owners:
        return True
    if named.affiliation is None:
        return False
    return bool(owners & set(normalise_name(named.affiliation.name).split()))


# "the Minister of Health", "the Governor for the Central Bank": a title and its field
_ROLE_OF_FIELD = re.compile(
    r"^[Tt]he\s+(?P<role>[A-Za-z]+)\s+(?:of|for)\s+(?:the\s+)?(?P<field>[A-Z][\w\s&-]*)$"
)


_PORTFOLIO_WORDS = "|".join(sorted(w.capitalize() for w in lx.PORTFOLIO_NOUNS))
# "Ogun State Commissioner of Police Ann Roe", "Assistant Undersecretary for Public Health
# Affairs Dr. Ann Roe": a title with what it is over (up to three words) before the name
_TITLE_OF = re.compile(
    r"^(?P<title>(?:[A-Z][\w.-]*\s+){0,3}(?:Chief|Commissioner|Minister|Secretary|Director"
    r"|Head|Superintendent|Inspector|Governor|Undersecretary|Under-Secretary|Coordinator"
    # "Under-Secretary-General for Humanitarian Affairs", "Secretary General for ..."
    r"|(?:Under-|Deputy-|Assistant-)?(?:Secretary|Director)[-\s]General)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+(?:" + _PORTFOLIO_WORDS + r")){0,2}){1,2})\s+"
    r"(?P<name>[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){1,3})$"
)


# "Kessel North Member of Parliament Ann Roe", "Tadley Member of County Assembly Mr Ann
# Roe": a member of a house, after the place she was elected for, written before her name
_MEMBER_OF = re.compile(
    r"^(?P<title>(?:[A-Z][\w.\u2019'-]*\s+){0,3}Member\s+of\s+(?:the\s+)?(?:Parliament"
    r"|European\s+Parliament|Congress|(?:County|Legislative|National|Provincial|State)"
    r"\s+Assembly))\s+(?P<name>[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){1,3})$"
)


# "Chairman of the Electoral Commission", "Chief Executive Officer of Acme Corp": a head's
# capitalised title and the body it heads, written before the holder's name
_HEAD_OF = re.compile(
    r"^(?P<title>(?:Deputy\s+|Vice\s+|Acting\s+|Executive\s+)?(?:Chairman|Chairwoman"
    r"|Chairperson|Chair|President|Chief\s+Executive(?:\s+Officer)?|CEO|Managing\s+Director"
    r"|Director(?:-General)?|Secretary(?:-General)?|Head|Commissioner|Governor|Spokesman"
    r"|Spokeswoman|Spokesperson))\s+(?:of|for|at)\s+(?:the\s+)?(?P<rest>[A-Z].+)$"
)


def _head_of_named_body(bare: str) -> tuple[str, str] | None:
    """ "Chairman of the Electoral Commission Ann Roe" -> ("Ann Roe", "Chairman of the
    Electoral Commission"): the body ends on a word that names a body ("Commission",
    "Corp"), and a person's name of two or three capitalised words follows it."""
    match = _HEAD_OF.match(bare)
    if match is None:
        return None
    tokens = [t for t in match.group("rest").split() if not _ACRONYM_IN_BRACKETS.match(t)]
    for size in (2, 3):
        body, name = tokens[:-size], tokens[-size:]
        if (
            len(body) >= 2
            and (names_a_body(body[-1]) or _body_of_a_place(body))
            and all(t[:1].isupper() and _is_name_token(t) for t in name)
            and not names_a_body(" ".join(name))
        ):
            title = bare[: len(bare) - len(" ".join(name))].strip()
            return " ".join(name), title
    return None


# "Officials at the Electoral Commission": a sentence's capitalised role word and the body
_ROLE_WITH_ITS_BODY = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?i:officials?|spokes(?:man|men|woman|person|people)|staff|sources"
    r"|experts|researchers|scientists|doctors)\s+(?:at|from|of|for|with|in)\s+(?:the\s+)?[A-Z]"
)
_ACRONYM_IN_BRACKETS = re.compile(r"^\([A-Z][A-Za-z.&-]*\),?$")


def _body_of_a_place(tokens: list[str]) -> bool:
    """ "Central Bank of Ruritania": a body's name ending on the place it serves."""
    return len(tokens) >= 3 and tokens[-2] == "of" and names_a_body(tokens[-3])


def _split_role_and_name(bare: str, description: str) -> tuple[str, str]:
    """ "Opposition leader Marta Solis" -> ("Marta Solis", "Opposition leader").

    A capitalised title splits too when a full name follows it: "WMO Secretary
    General Michel Jarraud", "Kunar Gov. Asadullah Wafa".
    """
    head_of_body = _head_of_named_body(bare)
    if head_of_body is not None:  # "Chairman of the Electoral Commission Ann Roe"
        name, title = head_of_body
        return name, f"{title}, {description}" if description else title
    titled = _TITLE_OF.match(bare) or _MEMBER_OF.match(bare)
    if titled:  # "Chief of Police Barry M. Weber", "Minister of Health Ana Roe"
        title = titled.group("title")
        return titled.group("name"), f"{title}, {description}" if description else title
    tokens = bare.split()
    for index in range(len(tokens) - 2, -1, -1):
        word = tokens[index]
        lowered = word.lower().strip(".,")
        rest = tokens[index + 1 :]
        if _part_before_name(word, rest):  # "the army's media wing Joint Relations"
            role = " ".join(tokens[: index + 1])
            return " ".join(rest), f"{role}, {description}" if description else role
        if lowered in lx.ROLE_NOUNS and word[:1].islower():
            if rest and rest[0][:1].isupper() and all(_is_name_token(t) for t in rest):
                role = " ".join(tokens[: index + 1])
                return " ".join(rest), f"{role}, {description}" if description else role
            break
        if (
            index > 0
            and (lowered in _PERSON_TITLES or _hyphenated_title(lowered))
            and len(rest) >= 2
            and rest[0][:1].isupper()
            and all(_is_name_token(t) for t in rest)
        ):
            if lowered in lx.PERSON_TITLES and index > 0:
                index -= 1  # "Zanu PF spokesperson Cde Ann Roe": the post is before the Cde
            role = " ".join(tokens[: index + 1])
            return " ".join(rest), f"{role}, {description}" if description else role
    return bare, description


def _hyphenated_title(lowered: str) -> bool:
    """ "secretary-general", "director-general", "attorney-general": a title in two parts."""
    first, _, second = lowered.partition("-")
    return second == "general" and first in _PERSON_TITLES | lx.words("attorney")


def _part_before_name(word: str, rest: list[str]) -> bool:
    return (
        word in lx.PART_NOUNS
        and len(rest) >= 2
        and all(t[:1].isupper() or t in lx.NAME_CONNECTORS for t in rest)
    )


_TITLE_WORDS = lx.OFFICIAL_TITLES | lx.PERSON_TITLES | lx.words("magistrate executive manager")
_PERSON_TITLES = (
    _TITLE_WORDS
    | lx.PERSON_REFERENCE_ROLES
    | lx.words("member analyst officer official")
    | set(lx.TITLE_ABBREVIATIONS)
) - lx.words("foreign defence defense interior finance health justice vice")


def _is_name_token(token: str) -> bool:
    lowered = token.lower().strip(".,")
    return (
        token[:1].isupper() and lowered not in lx.ROLE_NOUNS and lowered not in _TITLE_WORDS
    ) or lowered in lx.NAME_CONNECTORS


def _title_word(word: str) -> str | None:
    """ "Gov." -> "governor", "minister", "DGP": a word of a post, else None."""
    lowered = word.lower().strip(".")
    lowered = lx.TITLE_ABBREVIATIONS.get(lowered, lowered)
    known = lx.OFFICIAL_TITLES | lx.PERSON_REFERENCE_ROLES | lx.FORCE_RANKS
    return lowered if lowered in known else None


# heads of a post that are seldom surnames ("Tom King", "Ann Judge" are people)
_POST_HEADS = lx.words(
    "minister president secretary officer commissioner spokesperson spokesman spokeswoman "
    "director chairman chairwoman chairperson governor inspector superintendent premier "
    "mayor chief"
)


# words that make one post another: "prime", "chief", "deputy" minister
# loose words for whoever leads a body: "the ZP leader", "the DMK president"
_LEADER_WORDS = lx.words("leader chief supremo boss head president chairman chairperson")
_POST_WORDS = lx.PERSON_REFERENCE_ROLES | lx.words("supremo leader founder stalwart general")
_POST_QUALIFIERS = lx.words("prime chief deputy vice assistant associate junior acting interim")


def _other_post(wanted: set[str], held: set[str]) -> bool:
    """ "prime" minister wanted, "chief" minister held: another post of the same kind."""
    held &= _POST_QUALIFIERS
    return bool(wanted and held and not wanted <= held)


def _words_of(titles: set[str]) -> set[str]:
    return {w for t in titles for w in t.split()}


def names_only_a_post(bare: str) -> bool:
    """ "West Bengal Chief Minister", "State President", "Police Public Relations Officer":
    a capitalised post (after any place or body) in place of a holder's name."""
    tokens = bare.split()
    while tokens and tokens[0] in _POST_TIME_WORDS:
        tokens = tokens[1:]  # "former Regional Commissioner": a post, now or once held
    return (
        len(tokens) >= 2
        and tokens[0][:1].isupper()
        and tokens[-1].lower() in _POST_HEADS
        and tokens[-1][:1].isupper()
    )


_POST_TIME_WORDS = lx.words("former outgoing incoming acting interim then new retired")


def _note_title_before_name(phrase: str, entity: Entity) -> None:
    """ "West Bengal Chief Minister Ann Roe", "IG Punjab Dr Ann Roe": remember the title
    written before a person's name, so the title alone refers back to her."""
    if not (entity.is_named and entity.is_person):
        return
    tokens = strip_determiner(phrase).split()
    name = entity.name.split()
    if len(tokens) <= len(name) or tokens[-len(name) :] != name:
        return
    title = tokens[: -len(name)]
    for index in range(len(title) - 1, -1, -1):
        word = title[index]
        if word[:1].islower() and not _title_word(word) and word not in ("of", "for", "the"):
            title = title[index + 1 :]  # "He directed Sub-Divisional Magistrate": the post
            break
    while title and (
        title[-1].lower().strip(".") in lx.PERSON_TITLES
        or (
            title[-1].lower().strip(".") in _HONORIFIC_RANKS
            and any(_title_word(t) for t in title[:-1])
        )
    ):
        # "IG Punjab Dr", "Norland chief minister Captain": the honorific or the old rank
        # the holder keeps before the name is no part of the post
        title = title[:-1]
    if (
        not title
        or len(title) > 6
        or any(t.lower() in ("and", "or", "&") or t.endswith(",") for t in title)
        or not any(_title_word(t) or (t.isupper() and len(t) > 1) for t in title)
    ):
        return
    entity.titles.add(normalise_name(" ".join(title)))


# words that make a post another, lesser one ("Sub-Divisional", "Additional District")
_POST_PREFIXES = lx.words("sub additional addl deputy assistant joint vice under")
# military ranks a civilian office holder keeps as an honorific ("Captain Ann Roe")
_HONORIFIC_RANKS = lx.words("captain capt colonel col general gen major maj brigadier brig")


def _post_words(entity: Entity) -> set[str]:
    """The words of the posts a person was named with: roles and titles."""
    found = set(entity.roles)
    for title in entity.titles:
        found |= set(title.split())
    if "chief" in found and "executive" in found:
        found.add("ceo")
    return found


def _post_written_before(copy: str, phrase: str) -> str:
    """ "Norland chief minister" before "Captain Ann Roe" in the copy: a post in lower-case
    words (with the place or body it serves) written just before the name, in its clause."""
    at = copy.find(phrase)
    if at <= 0 or not phrase[:1].isupper():
        return ""
    clause = re.split(r"[.,;:()\n\"\u201c\u201d]", copy[max(0, at - 80) : at])[-1].split()
    taken: list[str] = []
    while clause and len(taken) < 6:
        word = clause[-1]
        if not (_title_word(word) or (word[:1].isupper() and taken)):
            break
        taken.insert(0, clause.pop())
    if not any(t[:1].islower() for t in taken):
        return ""  # a capitalised post came with the name already
    return " ".join(taken)


def _title_initials(title: str) -> set[str]:
    """ "norland inspector general police" -> {"nigp", "igp"}: the post's initials, with
    or without the place or body before it (never without a word of the post itself)."""
    tokens = [t for t in title.split() if t not in ("of", "the", "for")]
    found = set()
    for start in range(len(tokens)):
        if start and tokens[start - 1] in _POST_PREFIXES:
            continue  # "sub divisional magistrate" is no "DM", "additional DM" no DM
        found.add("".join(t[0] for t in tokens[start:]))
        if _title_word(tokens[start]):
            break
    return found


# the head of a state or of its government, by the posts that hold it
_HEAD_OF_STATE = {
    "head of state": lx.words("president king queen emir"),
    "head of government": lx.words("premier chancellor"),
}


def _initialled_post(title: str) -> str:
    """ "norland chief minister" -> "norland cm": the post at its end written as the
    initials the copy may have used before the name (the place or body left whole)."""
    tokens = title.split()
    start = len(tokens)
    while start > 0 and _title_word(tokens[start - 1]) and len(tokens[start - 1]) > 3:
        start -= 1
    if len(tokens) - start < 2:
        return title
    return " ".join([*tokens[:start], "".join(t[0] for t in tokens[start:])])


def _title_without_owner(title: str, wanted: list[str]) -> bool:
    """ "chief minister" in "norland chief minister": the post, the place before it left
    out ("prime minister" is not in "chief minister", "minister" is not "chief minister")."""
    tokens = title.split()
    if len(wanted) >= len(tokens) or tokens[-len(wanted) :] != wanted:
        return False
    return not any(_title_word(t) for t in tokens[: -len(wanted)])


def _title_roles(bare: str, description: str) -> set[str]:
    """Role words a name was given: "Kunar Gov. Asadullah Wafa" -> {"governor"}."""
    found = set()
    for word in (bare + " " + description).replace(",", " ").split():
        lowered = word.lower().strip(".")
        lowered = lx.TITLE_ABBREVIATIONS.get(lowered, lowered)
        if lowered in lx.ROLE_WORDS or lowered in lx.FORCE_RANKS:
            found.add(lowered)
    return found


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


_JUSTICE_BODIES = lx.words("ministry department minister secretary system league")
_PORTFOLIOS = lx.words("foreign defence defense interior finance health justice vice deputy")
_PORTFOLIO_HOLDERS = lx.words(
    "minister ministers secretary chief spokesman spokesperson spokeswoman president director"
)


# "Opposition Leader Ann Roe", "the leader of the Opposition Ann Roe": a post before a name
_OPPOSITION_POST = re.compile(r"^(?:Leader\s+of\s+the\s+)?Opposition\s+(?:Leader\s+)?(?=[A-Z])")


def _strip_titles(bare: str) -> tuple[str, str | None]:
    post = _OPPOSITION_POST.match(bare)
    if post and not names_a_body(bare[post.end() :]):
        stripped, _kind = _strip_titles(bare[post.end() :])
        return stripped, "official"
    tokens = bare.split()
    kind = None
    titles = lx.OFFICIAL_TITLES | lx.PERSON_TITLES | lx.TEAM_ROLES  # "Coach Ann Lee"
    while len(tokens) > 1 and tokens[0].lower().strip(".") in titles:
        word = tokens[0].lower().strip(".")
        if all(_title_word(t) for t in tokens[1:]):
            break  # "Prime Minister", "Deputy Commissioner": a post with no name after it
        judge = word == "justice" and len(tokens) > 2 and tokens[1].lower() not in _JUSTICE_BODIES
        if word in _PORTFOLIOS and tokens[1].lower() not in _PORTFOLIO_HOLDERS and not judge:
            break  # "Health Ministry" is a ministry, "Health Minister X" a person
        if _kind_from_words(tokens[1], "") not in (None, "official", "analyst", "document"):
            break  # "General Administration of Customs": a body's name, not a title
        if (tokens[1][:1].islower() and tokens[1] not in ("of", "for")) or "&" in tokens[1]:
            break  # "DM instructed", "DGP J&K": no name follows the title
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
    if match and match.group("rest")[:1].isupper() and "&" not in match.group("owner"):
        return match.group("rest")  # "Standard & Poor's Ratings Services": all one name
    return bare


def _strip_trailing_possessive(bare: str) -> str:
    """ "Ann Roe's" (her comments), "Kessel Bank AG's" (its chief): the owner is the name."""
    match = _TRAILING_POSSESSIVE.match(bare)
    return match.group("owner") if match else bare


def _strip_trailing_weekday(bare: str) -> str:
    """ "Governor Ann Roe Saturday dubbed ...": the day the copy dates her words by."""
    words = bare.split()
    if len(words) >= 2 and words[-1].lower().strip(".,") in lx.WEEKDAYS:
        return " ".join(words[:-1])
    return bare


# "Standard & Poor's": a firm named with an ampersand keeps its possessive
_TRAILING_POSSESSIVE = re.compile(r"^(?P<owner>[A-Z][\w.\-\u2019' ]*?\w)[\u2019']s$")


def _coref_keys(entity: Entity) -> set[str]:
    tokens = [t for t in normalise_name(entity.name).split() if t]
    keys: set[str] = set()
    if entity.is_person and "and" in tokens:
        return keys  # "Ann and Tom Roe": two people; "Tom Roe" alone is not the pair
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
    if head in lx.ORGANISATION_WORDS | _GENERIC_ORG_NOUNS | _ORG_DESCRIPTIONS | lx.PART_NOUNS:
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
        "maker",
    }
)


def _proper_name_for(description: Entity, later: Entity) -> bool:
    """ "The U.S. Pacific command" ... "Northern Command": a later name with the same head
    noun capitalised names the body, unless it names another country or people
    ("the Syrian army" is not the "Lebanese Army")."""
    if not later.name.split()[-1][:1].isupper():
        return False
    described = set(normalise_name(description.name).split())
    return all(
        normalise_name(w) in described
        for w in later.name.split()[:-1]
        if normalise_name(w) in lx.COUNTRIES or _PEOPLE_WORD.search(w)
    )


def _generic_body_named(description: Entity, later: Entity) -> bool:
    """ "the official counting body" ... "the National Vote Counting Commission": a body
    described by the generic head "body" is the later body whose name holds a word of
    the description's (past "official", "national" and the like)."""
    tokens = normalise_name(description.name).split()
    if len(tokens) < 2 or tokens[-1] != "body" or later.is_person or not later.is_named:
        return False
    if later.kind in ("publication", "document", "person"):
        return False
    wanted = set(tokens[:-1]) - lx.DETERMINERS - _VAGUE_MODIFIERS
    return bool(wanted & set(normalise_name(later.name).split()))


_PEOPLE_WORD = re.compile(r"(?:ard|ian|ese|ish|ean|[^aeiou]i)$")
_VAGUE_MODIFIERS = lx.words("official national state federal main top new local regional")


def _names_the_owned_body(description: Entity, later: Entity) -> bool:
    """ "Ruritania's central bank" ... "the National Bank of Ruritania": a body described
    by its owner and a body noun is the later body whose name holds both words."""
    owned = _POSSESSIVE.match(description.name)
    if owned is None or later.is_person or later.kind in ("publication", "document"):
        return False
    head = owned.group("rest").split()[-1].lower()
    if head not in lx.ORGANISATION_WORDS | lx.GOVERNMENT_WORDS:
        return False
    later_words = set(normalise_name(later.name).split())
    owner_words = set(normalise_name(owned.group("owner")).split())
    return head in later_words and bool(owner_words) and owner_words <= later_words


def _latest_that_spoke(fitting: list[Entity]) -> Entity | None:
    """The latest of ``fitting`` that has spoken, else the latest named at all."""
    spoken = [e for e in fitting if e.spoke]
    return (spoken or fitting or [None])[-1]


def names_a_body(name: str) -> bool:
    """ "Harbour Institute", "University College": words that name an organisation."""
    return _kind_from_words(name, "") is not None


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
    if name.isupper() or " & " in name:  # "Booz & Co", "Hollis & Partners": a firm
        return "organisation"
    if _looks_personal(name):
        return "person"
    return "organisation"


_AFFILIATION = re.compile(
    r"\b(?P<prep>with|at|from|for|of)\s+(?P<org>(?:the\s+)?[A-Z][\w\u2019'&.-]*"
    r"(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w\u2019'&.-]*)*)"
)
_DESCRIBED_BODY = re.compile(
    r"\b(?:of|for)\s+(?P<org>(?:the\s+)?[a-z]+\s+[A-Z][\w.-]*(?:\s+[A-Z0-9][\w.-]*)*)"
)
_LOWER_BODY = re.compile(
    r"\b(?P<prep>for|of|at|with|from|in)\s+(?P<org>the\s+(?:[\w.-]+\s+){0,3}"
    r"(?i:ministry|army|police|government|council|agency|department|office|directorate|military"
    r"|committee|group|militia|organisation|organization|coalition|alliance|union|company|firm"
    r"|commission|command|forces|party))\b"
)
_LOWER_OWNER = re.compile(
    r"(?P<org>the\s+(?:group|organisation|organization|militia|ministry|council|agency|union"
    r"|company|firm|party|coalition))"
    r"[\u2019']s\s+(?:[a-z-]+\s+){0,2}(?P<role>[a-z-]+)"
)
_WHO_HEADS = re.compile(
    r"\bwho\s+(?:heads|leads|chairs|runs|directs)\s+(?P<org>(?:the\s+)?[A-Z][\w\u2019'&.-]*"
    r"(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w\u2019'&.-]*)*)"
)
# "a police spokeswoman", "the central bank governor": a spokesperson or head after the
# body they speak for, named by its kind
_BODY_BEFORE_SPOKES_ROLE = re.compile(
    r"^(?:(?:an?|the)\s+)?(?P<org>(?:central\s+|electoral\s+|election\s+)?(?:police|army"
    r"|military|ministry|government|navy|party|company|council|court|hospital|embassy|bank"
    r"|commission|agency|board))\s+(?P<role>spokes(?:man|woman|person)|chief|head|director"
    r"|governor|chairman|chairwoman|chairperson|chair|president)\b"
)
_OWNER = re.compile(
    r"(?:^|\s)(?:the\s+)?(?P<org>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*"
    r"(?:\s+(?:police|army|military|ministry|government|navy|forces|council))?)"
    r"(?:[\u2019']s?)?\s+(?:[a-z-]+\s+){0,2}(?P<role>[a-z-]+)\s*$"
)


_FORCE_WORDS = lx.words(
    "police department army force forces guard patrol military sheriff command troops "
    "constabulary gendarmerie"
)


def _speaks_for(role: str, affiliation: Entity | None) -> bool:
    """A spokesman or head speaks for the body; an officer of a force for the force."""
    if affiliation is None:
        return False
    if role in lx.SPOKES_ROLES:
        return True
    if role == "official" and affiliation.is_named and not affiliation.is_person:
        return True  # "an official of the Election Watch" speaks for it
    if role == "" and affiliation.is_named and len(affiliation.name.split()) > 1:
        return True  # "Ann Roe, at Harbour Capital Advisers": only where she works is said
    if role in ("councillor", "councilor", "cllr") and "council" in affiliation.name.lower():
        return True
    words = set(affiliation.name.lower().split())
    if role == "minister" and words & {"ministry", "department"}:
        return True  # the Health Minister speaks for the Health Ministry
    if len(words) == 1 and words <= _FORCE_WORDS:
        return False  # "Police Lt. Ann Roe": which police the copy does not say
    return role in lx.FORCE_RANKS and bool(words & _FORCE_WORDS)


_COMPOUND_TITLE_OPENERS = lx.words("chief deputy assistant acting vice senior principal")
# the kind of area a post serves, written alone before it ("County Commissioner")
_UNIT_WORDS = lx.words("county district regional region state provincial divisional sub-county")


def _capitalised_title(description: str) -> tuple[str | None, str] | None:
    """ "WMO Secretary General" -> ("WMO", "secretary"): an owner before a capitalised title."""
    tokens = description.split(",")[0].split()
    if not tokens or not all(t[:1].isupper() for t in tokens):
        return None
    peeled: list[str] = []
    while tokens and (
        tokens[-1].lower().strip(".") in _TITLE_WORDS | lx.ROLE_NOUNS
        or _hyphenated_title(tokens[-1].lower())
    ):
        if peeled and tokens[-1].lower() in _FORCE_WORDS | lx.GOVERNMENT_WORDS:
            break  # "Michigan State Police Lt.": the force is the owner
        peeled.insert(0, tokens.pop().lower().strip("."))
    if tokens and tokens[-1].lower() == "cabinet":
        tokens.pop()  # "Defence Cabinet Secretary": a cabinet post over defence, no body
        if all(t.lower() in lx.PORTFOLIO_NOUNS for t in tokens):
            return None
    if (
        not peeled
        or not tokens
        or tokens[0].lower().strip(".") in _COMPOUND_TITLE_OPENERS
        or (len(tokens) == 1 and tokens[0].lower() in _UNIT_WORDS)
    ):
        # "Chief Election Commissioner": one title, no owner in it; "County Commissioner":
        # the post of a county, which county the word alone does not say
        return None
    role = next((w for w in peeled if w in lx.SPOKES_ROLES), peeled[-1])
    return " ".join(tokens), role


def _names_a_portfolio(org: str) -> bool:
    """ "Public Health Affairs", "Humanitarian Affairs": what a post is over, not a body."""
    tokens = org.split()
    return (
        len(tokens) >= 2
        and tokens[-1].lower() in lx.PORTFOLIO_NOUNS
        and not names_a_body(org)
        and tokens[0].lower() != "the"
    )


def _affiliation_from_description(description: str) -> tuple[str | None, str]:
    """("Middle East Institute", "analyst") from "an analyst ... with the Middle East Institute".

    "of" names an affiliation only for roles that belong to the body
    ("chief of the Observatory"); "an analyst of the Syrian army" studies it.
    """
    head = [w for part in description.split(",") for w in description_head(part)]
    roles = [w for w in head if w in lx.ROLE_NOUNS or w in lx.SPOKES_ROLES]
    role = roles[-1] if roles else ""
    if role in ("officer", "executive") and "chief" in head:
        role = "chief"  # a chief privacy officer speaks for the company; a chief economist not
    titled = _capitalised_title(description)
    if titled is not None and (titled[1] in lx.SPOKES_ROLES or "," not in description):
        return titled
    if titled is not None:  # "U.S. Col., a spokesman for NATO troops": the later post
        rest = description.split(",", 1)[1]
        org, rest_role = _affiliation_from_description(rest)
        return (org, rest_role) if org else titled
    candidates = [
        m
        for m in _AFFILIATION.finditer(description)
        if not re.search(r"-(?:led|based|backed|run|linked|owned)$", m.group("org"))
        and not _names_a_portfolio(m.group("org"))
    ]
    for match in candidates:
        if match.group("prep") != "of":
            return match.group("org"), role
    for match in candidates:
        if role in lx.SPOKES_ROLES or role in lx.OFFICIAL_ROLES:
            return match.group("org"), role
    lower = _LOWER_BODY.search(description) or _LOWER_OWNER.search(description)
    if lower:
        return lower.group("org"), role
    heads = _WHO_HEADS.search(description)
    if heads:  # "who heads the Electoral Commission"
        return heads.group("org"), "head"
    premodifier = _BODY_BEFORE_SPOKES_ROLE.search(description)
    if premodifier:  # "a police spokeswoman", "the central bank governor"
        held = premodifier.group("role")
        return premodifier.group("org"), held if held in lx.SPOKES_ROLES else "head"
    described = _DESCRIBED_BODY.search(description)
    if described and role in lx.SPOKES_ROLES:  # "a spokesman of army Corps 205 Attal"
        return described.group("org"), role
    cut = _DESCRIPTION_END.search(description)
    owner = _OWNER.search(description[: cut.start()] if cut else description)
    if owner and owner.group("role") in (lx.SPOKES_ROLES | lx.OFFICIAL_ROLES | lx.ANALYST_ROLES):
        return owner.group("org"), owner.group("role")
    return None, role
