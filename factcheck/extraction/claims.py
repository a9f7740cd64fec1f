"""Suggest checkable claims in an article body.

The editor gets a list of suggestions to accept, edit or ignore, so the finder
prefers precision: every suggestion should be something a checker would
actually look at.

Kinds and spans (``body[start:end] == text`` always):

* ``attribution``: a sentence in which someone said, told, reported,
  announced, accused, admitted... The span is the whole sentence; the sources
  are the attribution chain, first speaker first, relays after ("Rami
  Abdurrahman -> Syrian Observatory for Human Rights -> Associated Press").
  A direct quote inside an attributed sentence belongs to this claim.
* ``statistic``: a number phrase that says what it counts ("about 40
  kilometers (25 miles)", "77% of the patients", "the CPI rose 0.3%",
  "hundreds of detainees"). The span is the *phrase*, not the sentence, so it
  never duplicates the attribution claim of the same sentence; its sources
  are that sentence's chain (who gave the figure), else the chain given
  earlier in its paragraph, else whoever carries it: the headline's speaker
  when the headline gives that figure, a wire agency credited in the copy,
  or the outlet.

Sources: anonymous or vague sourcing ("officials", "witnesses", "a company
spokesperson", "unconfirmed reports") comes back with ``unnamed=True`` and is
never a registry entry; a description named later in the copy ("a provincial
governor" ... "Kunar Gov. Asadullah Wafa") takes that name. Captions,
breadcrumbs and syndication credit lines give no claims.
* ``quote``: direct speech of four or more words outside any attributed
  sentence; the speaker is taken from context (the last named speaker in the
  same or previous paragraph). The span covers the sentences of the quote.
* ``characterization``: a description of a source or actor that could be
  wrong: appositives between dashes or commas ("Britain's Syrian Observatory
  for Human Rights - a war monitor run by MI6"), labels such as
  "Iranian-backed", and loaded labels attached to a name ("Hayat Tahrir
  al-Sham mercenaries"). Always high priority.
* ``event``: a remaining unhedged sentence asserting a concrete event or a
  superlative about a named actor. Conservative on purpose.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from factcheck.extraction import lexicon as lx
from factcheck.extraction.entities import (
    Entity,
    EntityTracker,
    names_a_body,
    names_only_a_post,
    spells_acronym,
)
from factcheck.extraction.numbers import find_numbers
from factcheck.extraction.sentences import split_sentences
from factcheck.extraction.sources import (
    GAZETTEER,
    KnownSource,
    lookup_gazetteer,
    normalise_name,
)
from factcheck.vocabulary import ClaimKind, Priority

CLAIM_KINDS = tuple(k.value for k in ClaimKind)  # the models' vocabulary
PRIORITIES = tuple(p.value for p in Priority)

MASK = "\u00a4"  # stands in for a quotation; neither a word nor whitespace
MIN_QUOTE_WORDS = 4


@dataclass
class SuggestedSource:
    """One link of an attribution chain; ``source_id`` is set when the registry knows it."""

    name: str
    kind: str
    source_id: int | None = None
    affiliation: str | None = None
    # anonymous or vague sourcing ("officials", "witnesses"): shown flagged on the
    # claim and never proposed as a new registry name
    unnamed: bool = False


@dataclass
class SuggestedClaim:
    """A suggested claim; ``body[start:end] == text``."""

    text: str
    start: int
    end: int
    kind: str
    sources: list[SuggestedSource]
    priority: str  # "high" | "normal" | "low"
    reason: str
    subject: SuggestedSource | None = None  # who a characterization describes

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "sources": [
                {"name": s.name, "kind": s.kind, "unnamed": s.unnamed} for s in self.sources
            ],
            "priority": self.priority,
            "reason": self.reason,
        }


# --------------------------------------------------------------------------
# tokens


class Tok(NamedTuple):
    """A word or punctuation mark with its offsets in the (masked) sentence."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        first = self.text[:1]
        if first.isupper() or (first.islower() and self.text[1:2].isupper()):
            return True  # "Reuters", "iSuppli"
        return bool(_PARTICLE_NAME.match(self.text))


_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}(?:-\w+)*"
    r"|(?<=[a-z] )[A-Z]\.(?=\s+[A-Z][a-z])"  # the middle initial of "John F. Kennedy"
    r"|(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Lt|Sen|Rep|Gov|Sgt|Capt|Maj|Adm|Rev|St|Ste|Det|Insp|Supt"
    r"|Cpl|Mt|Ft)\.(?=\s+[A-Z])"
    r"|(?:Corp|Inc|Ltd|Co|Bros|Jr|Sr)\.(?!\w)"
    r"|\w+(?:[\u2019'&.\-]{1,2}\w+)*|[^\w\s]"
)
_PARTICLE_NAME = re.compile(r"^(?:al|el|ad|as|ash|at|an|ar|az|bin|ibn|abu)-[A-Z]")
_QUOTES = re.compile(
    r"\u201c[^\u201d\"\n]*\"(?=[\s,.;:!?]|$)"  # curly opening, straight closing
    r"|\u201c[^\u201d\n]*(?:\u201d|(?=\n)|$)"  # curly double, may run to the paragraph end
    r"|\"[^\"\u201d\n]*\u201d"  # straight opening, curly closing (scrapes mix them)
    # a closing mark used to open ("\u201dI am disappointed,\u201d he said"), as scrapes do
    r"|(?:^|(?<=\n)|(?<=\s))\u201d(?=\w)[^\u201d\"\n]*(?:[\u201d\"]|(?=\n)|$)"
    r"|\"[^\"\n]*\""  # straight double
    r"|(?:^|(?<=\n))\"[^\"\n]*(?=\n|$)"  # straight double opening a paragraph that runs on
    r"|\u00ab[^\u00bb\n]*\u00bb"  # guillemets
    r"|(?<![\w])\u2018[^\n]{1,400}?\u2019(?![\w])"  # curly single (not apostrophes)
    # straight single quoting a sentence: opens before a capital, closes after punctuation
    r"|(?:^|(?<=\n)|(?<=\s))'(?=[A-Z])[^\n]{8,400}?[,.!?]'(?=\s|$)",
)
_PARAGRAPH = re.compile(r"[^\n]+")
_DASH_PAIR = re.compile(
    r"\s(?:\u2014|\u2013|--)\s(?P<desc>[^\u2014\u2013\n]{3,160}?)\s(?:\u2014|\u2013|--)(?=\s)"
)
# a measure is no label: "a 158-run defeat", "a two-run homer", "a 10-member run-off"
_MEASURE_PREFIX = r"(?!(?:\d[\d.,]*|(?i:one|two|three|four|five|six|seven|eight|nine|ten))-)"
# nor is the tail of a longer compound: "hit-and-run attacks"
_LABEL = re.compile(
    r"(?<![\w-])(?P<label>" + _MEASURE_PREFIX + r"[\w.]+-(?:" + "|".join(lx.LABEL_SUFFIXES) + r"))"
    r"\s+(?P<np>[\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]*)*)"
)
_SUPERLATIVE = re.compile("|".join(lx.SUPERLATIVE_PATTERNS), re.IGNORECASE)
_ACCORDING = re.compile(r"\b(?:[Aa]ccording\s+(?:to\s+)?|[Aa]s\s+per\s+)(?=[\w\u2018\u201c])")
_CITING = re.compile(r"\b(?:citing|quoting)\s+")
# "The daily, quoting the governor, said": the source it quotes sits between it and the verb
_CITING_ASIDE = re.compile(r",\s*(?:citing|quoting)\s+(?P<who>[^,\u00a4]{2,60}?),\s*$")
_SAYING = re.compile(
    r",\s+(?:while\s+)?(?:saying|adding|claiming|insisting|arguing|warning|noting|stressing"
    r"|explaining|stating|confirming|estimating)\b"
    # "chided the party by saying that", "delivered good news by confirming X was fit"
    r"|\s+by\s+(?:saying|claiming|insisting|arguing|warning|noting|stressing|explaining"
    r"|stating|confirming|revealing|announcing|admitting|denying|declaring|disclosing)\b"
    # no comma: "backed the merger saying it would", "regretted the mistake noting that"
    r"|(?<=\w)\s+(?P<bare>saying\b|(?:adding|claiming|insisting|arguing|warning|noting"
    r"|stressing|explaining|stating|confirming)\s+that\b)"
)
# "have been saying", "is saying", "despite saying that": no participle after a clause
_NOT_BEFORE_BARE_SAYING = lx.words(
    "is are was were be been being am keep keeps kept despite after before without while for of on"
)
_LEADING_ADVERBIAL = re.compile(r"^[^,\u00a4]{2,60},\s+(?=[A-Za-z])")


def _word_before(text: str, end: int) -> str:
    words = re.findall(r"[\w'\u2019-]+", text[max(0, end - 30) : end])
    return words[-1].lower() if words else ""


_WITH_SAYING = re.compile(
    r"\bwith\s+(?P<who>(?:the\s+)?[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,3})$"
)


def _saying_speech(
    sent: str, masked: str, toks: list[Tok], match: re.Match[str], tracker: EntityTracker
) -> _Speech | None:
    """ "Opposition candidates have rejected the reports, saying ...": the clause's subject."""
    with_who = _WITH_SAYING.search(masked, 0, match.start())
    if with_who:  # "There is no count, with Ann Roe saying ...": the one after "with"
        entity = tracker.resolve(with_who.group("who"))
        if entity is None or entity.kind == "document":
            return None
        verb = Tok(match.group(0).strip(", "), match.start(), match.end())
        return _Speech(verb, entity, (with_who.start("who"), with_who.end("who")))
    lead = _LEADING_ADVERBIAL.match(masked)
    begin = _token_index_at(toks, lead.end() if lead else 0)
    if begin is None or begin >= len(toks):
        return None
    clause = _clause_subject_start(toks, match.start())
    if clause is not None:  # "Hard on the heels of ..., IDC has weighed in, noting that"
        begin = clause
    span = np_after(toks, begin)
    if (not span or toks[span[1] - 1].start >= match.start()) and lead and clause is None:
        # "Mayor X opened the bridge on Monday, noting that": the "adverbial" was the clause
        span = np_after(toks, 0)
    if span and toks[span[0]].lower in _CLAUSE_SUBORDINATORS and toks[span[0]].is_cap:
        span = np_after(toks, span[0] + 1)  # "When Roe retorted saying ...": Roe
    if not span or toks[span[1] - 1].start >= match.start():
        return None
    start, end = toks[span[0]].start, toks[span[1] - 1].end
    phrase = sent[start:end]
    named = _name_before_its_description(sent, toks, span) if lead and clause is None else None
    if named is not None:  # "Ann Roe, the Chief Executive of X, welcomed it, stating"
        entity = tracker.resolve(sent[named[0] : named[1]], description=phrase)
        if entity is None:
            return None
        verb = Tok(match.group(0).strip(", "), match.start(), match.end())
        return _Speech(verb, entity, named, phrase, (start, end))
    # "He praised the team, noting that": the one last named
    pronoun = phrase.lower() in _PRONOUNS
    entity = tracker.pronoun(phrase) if pronoun else tracker.resolve(phrase)
    if entity is None or entity.kind == "document":
        return None
    verb_end = match.end()
    return _Speech(Tok(match.group(0).strip(", "), match.start(), verb_end), entity, (start, end))


_CALENDAR_WORDS = lx.WEEKDAYS | lx.MONTHS


def _name_before_its_description(
    sent: str, toks: list[Tok], span: tuple[int, int]
) -> tuple[int, int] | None:
    """ "Ann Roe, the Chief Executive of X, welcomed ...": the sentence opens with a name
    set off by a comma, and the noun phrase after it is her description between commas
    (it opens with "a" or "the" and a comma closes it): the name, not the post, is the
    subject. Returns the name's character span."""
    if span[0] < 2 or toks[span[0] - 1].text != ",":
        return None
    if toks[span[0]].lower not in ("a", "an", "the"):
        return None
    if span[1] >= len(toks) or toks[span[1]].text != ",":
        return None
    name = toks[: span[0] - 1]
    if not _all_name(name) or len(name) > 5 or name[0].lower in _PREPOSITIONS:
        return None  # "In Kessel, the mayor, a veteran, ...": a place, not a name
    if any(t.lower in lx.ROLE_NOUNS | _CALENDAR_WORDS for t in name):
        return None
    return name[0].start, name[-1].end


def _clause_subject_start(toks: list[Tok], before: int) -> int | None:
    """Where the clause that a ", noting ..." follows starts: after the last comma before it
    whose words open with a capitalised name and go on with a verb ("IDC has weighed in")."""
    commas = [k for k, t in enumerate(toks) if t.text == "," and t.start < before]
    for comma in reversed(commas[:-1] if commas and toks[commas[-1]].end >= before else commas):
        begin = comma + 1
        if begin + 1 < len(toks) and toks[begin].is_cap and toks[begin].is_word:
            span = np_after(toks, begin)
            if span and span[1] < len(toks) and toks[span[1]].lower in _FINITE_STARTS:
                return begin
    return None


_FINITE_STARTS = lx.words(
    "has have had is are was were said says added also will would could did does"
)
_PASSIVE_BY = re.compile(
    r"\b(?:are|is|was|were|been|being)\s+(?:estimated|predicted|forecast|projected|reported"
    r"|compiled|calculated|published|released|announced|confirmed|declared"
    # "The reports were denied by the army": the army's statement
    r"|denied|disputed|rejected|claimed|alleged)\s+by\s+"
)


def tokenize(text: str) -> list[Tok]:
    return list(_tokenize(text))


@lru_cache(maxsize=256)
def _tokenize(text: str) -> tuple[Tok, ...]:
    """Tokens of a (masked) sentence; each sentence is read by several passes."""
    return tuple(Tok(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text))


# --------------------------------------------------------------------------
# noun phrases


def _plural_of_a_role(word: str) -> bool:
    """ "poll monitors", "the coaches": people in a role (not "public hospitals")."""
    return (word.endswith("s") and word[:-1] in _PERSON_ROLES) or (
        word.endswith("es") and word[:-2] in _PERSON_ROLES
    )


_PERSON_ROLES = lx.PERSON_REFERENCE_ROLES | lx.words("monitor observer")


_SPEAKING_BODIES = lx.words(
    "firm company party group agency bank union government ministry council committee "
    "organisation organization commission coalition broadcaster newspaper court militia"
)


def _plural_of_a_body(word: str) -> bool:
    """ "both firms", "opposition parties", "aid agencies": bodies that make statements (not
    "public hospitals had admitted eight patients")."""
    return word.endswith("s") and (
        word[:-1] in _SPEAKING_BODIES
        or (word.endswith("ies") and word[:-3] + "y" in _SPEAKING_BODIES)
    )


def _year_after_a_name(toks: list[Tok], i: int) -> bool:
    """ "Report 2022", "Vision 2030": a year closing a capitalised name."""
    return (
        len(toks[i].text) == 4
        and toks[i].text.isdigit()
        and i > 0
        and toks[i - 1].is_cap
        and toks[i - 1].is_word
    )


def np_before(toks: list[Tok], end: int) -> tuple[int, int] | None:
    """Token range [i, end) of the noun phrase ending just before token ``end``."""
    i = end - 1
    if i < 0 or not toks[i].is_word:
        return None
    last = toks[i]
    if last.lower in _PRONOUNS:
        if i == 0 or not toks[i - 1].is_word or toks[i - 1].lower in ("and", "but", "that"):
            return i, end
        return None
    if last.is_cap and last.lower not in lx.ROLE_NOUNS | lx.DOCUMENT_NOUNS:
        return _cap_np_before(toks, i, end)
    if last.text[:1].isdigit() and _year_after_a_name(toks, i):
        return _cap_np_before(toks, i - 1, end)  # "The Emissions Gap Report 2022 finds"
    if (
        last.lower in lx.ROLE_NOUNS
        or _plural_of_a_role(last.lower)  # "poll monitors", "the coaches"
        or _plural_of_a_body(last.lower)  # "both firms", "opposition parties"
        or last.lower.endswith("ists")
        or last.lower == "person"
    ):
        return _role_np_before(toks, i, end)  # "neuroscientists found that"
    if _unnamed_people(last.lower):  # "two people said", "an aid worker said"
        span = _role_np_before(toks, i, end)
        if span and span[0] > 0 and toks[span[0] - 1].lower == "of":
            return None  # "The cheers of a few supporters welcomed": the cheers did
        return span
    return _role_of_np_before(toks, i, end)


def _unnamed_people(word: str) -> bool:
    return word in lx.UNNAMED_HEADS and word not in lx.DOCUMENT_NOUNS | lx.STATEMENT_NOUNS


def _role_of_np_before(toks: list[Tok], i: int, end: int) -> tuple[int, int] | None:
    """ "The deputy governor of Paktia province", "analysis of surface temperature
    measurements": a role or document noun with its "of" phrase."""
    for k in range(i - 1, max(i - 6, 0), -1):
        if not toks[k].is_word or toks[k].lower in _STOP_IN_NP - {"of"}:
            return None
        if toks[k].lower == "of" and toks[k - 1].lower in lx.ROLE_NOUNS:
            head = _role_np_before(toks, k - 1, k)
            return (head[0], end) if head else None
    return None


def _opens_a_name(tok: Tok) -> bool:
    """ "Al Jazeera", "El Salvador": a capitalised Arabic or Spanish article opens the name."""
    return tok.text in ("Al", "El")


_SURNAME_PARTICLES = lx.words("de van von der den du da di del le la ter")


def _surname_particles_before(toks: list[Tok], start: int) -> int:
    """'"...," de Villiers said', "van der Berg added" opening a sentence: the lower-case
    particles before the surname belong to the name when nothing else comes before them."""
    k = start
    while k > 0 and toks[k - 1].text in _SURNAME_PARTICLES:
        k -= 1
    if k < start and (k == 0 or not toks[k - 1].is_word):
        return k
    return start


def _cap_np_before(toks: list[Tok], i: int, end: int) -> tuple[int, int] | None:
    start = i
    j = i - 1
    while j >= 0:
        tok = toks[j]
        if tok.is_cap and tok.is_word:
            start = j
        elif (
            tok.lower in lx.NAME_CONNECTORS
            and j > 0
            and toks[j - 1].is_cap
            and toks[j - 1].is_word
            and tok.lower != "the"
        ):
            pass
        else:
            break
        j -= 1
    while start < i and toks[start].lower in lx.NAME_CONNECTORS and not _opens_a_name(toks[start]):
        start += 1
    start = _surname_particles_before(toks, start)
    if (
        start >= 3
        and toks[start - 1].lower in lx.ROLE_NOUNS
        and not toks[start - 1].is_cap
        and toks[start - 2].lower in _BODY_NOUNS
        and toks[start - 3].is_cap
        and toks[start - 3].is_word
    ):  # "Utrecht police chief Rob van Bree": the owner is "Utrecht police"
        start -= 3
        while start > 0 and toks[start - 1].is_cap and toks[start - 1].is_word:
            start -= 1
    elif (
        start >= 2
        and toks[start - 1].lower in lx.ROLE_NOUNS
        and not toks[start - 1].is_cap
        and toks[start - 2].is_cap
        and toks[start - 2].is_word
    ):  # "Observatory head Rami Abdel Rahman", "Taliban spokesman Zabihullah"
        start -= 2
        while start > 0 and toks[start - 1].is_cap and toks[start - 1].is_word:
            start -= 1
    elif (
        start >= 2
        and toks[start - 1].lower in lx.SPOKES_ROLES
        and toks[start - 2].lower in _BODY_NOUNS
    ):  # "..., police spokesman Ann Roe told reporters": the body is in the title
        start -= 2
    if start > 0 and toks[start - 1].lower == "the":
        start -= 1
    start = _head_title_before(toks, start)
    first = toks[start]
    if first.lower in lx.NOT_NAME_OPENERS and start == i:
        return None
    if first.lower in lx.NOT_NAME_OPENERS and first.lower != "the":
        start += 1
    return (start, end) if start < end else None


_BODY_NOUNS = lx.words("police army military ministry navy council")
_HEAD_TITLE_WORDS = lx.words(
    "chairman chairwoman chairperson chair president officer executive director "
    "director-general secretary secretary-general head commissioner governor "
    "spokesman spokeswoman spokesperson"
)


def _head_title_before(toks: list[Tok], start: int) -> int:
    """ "Chairman of" + "the Electoral Commission Ann Roe": a capitalised head's title
    before the body it heads and the holder's name is part of the phrase."""
    k = start
    if k >= 3 and toks[k - 1].text == ")" and toks[k - 3].text == "(" and toks[k - 2].is_cap:
        k -= 3  # "... Electoral Commission (INEC) Ann Roe": the body and its acronym
        while k > 0 and toks[k - 1].is_cap and toks[k - 1].is_word:
            k -= 1
        if k > 0 and toks[k - 1].lower == "the":
            k -= 1
    if k < 2 or toks[k - 1].lower not in ("of", "for", "at"):
        return start
    k -= 2
    if not (toks[k].is_cap and toks[k].lower in _HEAD_TITLE_WORDS):
        return start
    while k > 0 and toks[k - 1].is_cap and toks[k - 1].is_word:
        k -= 1  # "Chief Executive Officer of", "Deputy Chairman of"
    return k


_PLACE_PREPOSITIONS = lx.words("from in of at")


def _role_before_place(toks: list[Tok], end: int) -> tuple[int, int] | None:
    """ "Two provincial officials from eastern Paktika province confirmed": the officials."""
    for at in range(end - 2, max(end - 7, 0), -1):
        tok = toks[at]
        if not tok.is_word or tok.lower in _STOP_IN_NP - _PLACE_PREPOSITIONS:
            return None
        if tok.lower not in _PLACE_PREPOSITIONS:
            continue
        head = toks[at - 1]
        body = _names_a_body_between(toks, at + 1, end)
        if (head.is_cap and at - 1 > 0) or not (head.lower.endswith("s") or body):
            return None
        if head.lower not in lx.ROLE_NOUNS and head.lower not in lx.UNNAMED_HEADS:
            return None
        role = _role_np_before(toks, at - 1, at)
        if role and body:
            return role[0], end  # "officials at the Electoral Commission": theirs, not a place
        return role
    return None


_STAFF_NOUNS = lx.words(
    "official officials spokesman spokesmen spokeswoman spokesperson spokespeople staff "
    "sources experts researchers scientists doctors"
)


def _names_a_body_between(toks: list[Tok], start: int, end: int) -> bool:
    """ "the Electoral Commission", "Acme Corp": a body's capitalised name fills the range."""
    if start < end and toks[start].lower == "the":
        start += 1
    words = toks[start:end]
    if not words or not all(t.is_word and (t.is_cap or t.lower in ("of", "and")) for t in words):
        return False
    name = " ".join(t.text for t in words)
    known = lookup_gazetteer(name)
    return names_a_body(name) if known is None else known.kind != "place"


def _role_np_before(toks: list[Tok], i: int, end: int) -> tuple[int, int] | None:
    """ "the de facto HTS leader", "the Observatory's chief", "Israeli officials"."""
    start = i
    j = i - 1
    steps = 0
    while j >= 0 and steps < 5:
        tok = toks[j]
        if tok.text == ")" and j >= 3 and toks[j - 2].text == "(" and toks[j - 1].text.isupper():
            j -= 3  # "a Tide Institute (TI) report": the acronym the body's name defines
            continue
        if not tok.is_word or tok.text[:1].isdigit():
            break
        if tok.lower in lx.DETERMINERS:
            start = j
            break
        if tok.lower in _STOP_IN_NP:
            break
        start = j
        j -= 1
        steps += 1
    # "the head of the agency": extend over "X of"
    if (
        start >= 2
        and toks[start - 1].lower in ("of", "for", "at")
        and toks[start - 2].lower in lx.ROLE_NOUNS
    ):
        outer = _role_np_before(toks, start - 2, start - 1)
        if outer:
            start = outer[0]
    return start, end


_STOP_IN_NP = (
    lx.words(
        "that which who whom whose and but or after before as if when while because in on at to "
        "from by with of than then was were is are be been has have had not no said says told "
        "reported also although though whereas unless"
    )
    | lx.SPEECH_VERBS
    | lx.DOCUMENT_VERBS
    | lx.words("reveal")
)


def np_after(toks: list[Tok], begin: int) -> tuple[int, int] | None:
    """Noun phrase starting at token ``begin`` ("The Associated Press", "a spokesperson for X")."""
    i = begin
    if i >= len(toks) or not toks[i].is_word:
        return None
    if toks[i].lower in lx.DETERMINERS:
        i += 1
    start_content = i
    while i < len(toks) and toks[i].is_word:
        tok = toks[i]
        if tok.is_cap or tok.lower in lx.ROLE_NOUNS:
            i += 1
            continue
        if (
            tok.lower in lx.NAME_CONNECTORS
            and i > start_content
            and i + 1 < len(toks)
            and (toks[i + 1].is_cap or toks[i + 1].lower in ("the",))
            and toks[i + 1].lower not in _NOT_ACTORS
        ):  # "told CNN on Sunday"
            i += 1
            continue
        post_end = _post_in_a_body(toks, start_content, i)
        if post_end is not None:
            i = post_end  # "Vesta People Front general secretary Ola Mensah"
            continue
        if (
            i - start_content < 2
            and (tok.lower not in _STOP_IN_NP or _informed_sources(toks, i))
            and _role_noun_ahead(toks, i + 1, 3 - (i - start_content))
        ):
            i += 1  # modifiers before a role noun: "a military spokesperson", "two local officials"
            continue
        break
    if i == start_content:
        return None
    # trim trailing connectors
    while i > start_content and toks[i - 1].lower in lx.NAME_CONNECTORS:
        i -= 1
    return begin, i


def _post_in_a_body(toks: list[Tok], start_content: int, i: int) -> int | None:
    """The end of a lower-case post after a body's name ("Vesta People Front general
    secretary", "Kora location area Chief", "Acme Foods chief executive officer"): up to
    four lower-case words ending on a role noun, followed by its holder's name or the end
    of the phrase, never by a verb ("told Reuters local officials had fled")."""
    begin = i
    while begin > start_content and toks[begin - 1].is_word and not toks[begin - 1].is_cap:
        begin -= 1
    if begin == start_content or not toks[begin - 1].is_cap:
        return None
    end = begin
    while end < len(toks) and end - begin < 4 and toks[end].is_word and not toks[end].is_cap:
        if toks[end].lower in _STOP_IN_NP:
            break
        end += 1
    roles = end
    if roles < len(toks) and toks[roles].is_cap and toks[roles].lower in lx.ROLE_NOUNS:
        roles += 1  # "location area Chief Daniel Ketam"
    while roles > i and toks[roles - 1].lower not in lx.ROLE_NOUNS:
        roles -= 1
    if roles <= i:
        return None
    follows = toks[roles] if roles < len(toks) else None
    if follows is not None and follows.is_word and not follows.is_cap:
        return None
    return roles


def _informed_sources(toks: list[Tok], i: int) -> bool:
    """ "informed sources", "well informed sources": an adjective, not "informed" as a verb."""
    return (
        toks[i].lower == "informed"
        and i + 1 < len(toks)
        and toks[i + 1].lower in ("source", "sources")
    )


def _role_noun_ahead(toks: list[Tok], begin: int, limit: int) -> bool:
    for tok in toks[begin : begin + limit]:
        if tok.lower in lx.ROLE_NOUNS:
            return True
        if not tok.is_word or tok.lower in _STOP_IN_NP:
            return False
    return False


# --------------------------------------------------------------------------
# attributions


@dataclass
class _Speech:
    verb: Tok
    speaker: Entity | None
    speaker_span: tuple[int, int] | None  # char offsets in the sentence
    description: str = ""
    description_span: tuple[int, int] | None = None
    recipient: Entity | None = None
    cited: Entity | None = None
    relays: list[Entity] = field(default_factory=list)
    inside: bool = False  # a speaker inside what another says: no link of the chain


def _find_speeches(sent: str, masked: str, tracker: EntityTracker) -> list[_Speech]:
    toks = tokenize(masked)
    speeches: list[_Speech] = []
    reported_by_pronoun = _PRONOUN_SAID_AT_END.search(masked) is not None
    for index, tok in enumerate(toks):
        if (
            reported_by_pronoun
            and tok.text in _RECORDING_VERBS
            and not _recorder_names_a_body(masked, toks, index)
        ):
            continue  # "Port Ellis has recorded 20 cm, it said": "it" is not Port Ellis
        following = toks[index + 1].text if index + 1 < len(toks) else ""
        if index + 2 < len(toks) and _manner_adverb(toks[index + 1]):
            following = toks[index + 2].text  # "found unanimously that"
        if following in lx.SPEECH_VERBS or following in lx.DOCUMENT_VERBS:
            continue  # "Unconfirmed reports indicate": "reports" names the source
        if tok.lower in ("hailed", "hails", "hail") and _NOT_ACCLAIM.match(masked, tok.end):
            continue  # "Fans hailed a taxi", "who hails from Ohio": no statement
        if tok.lower == "states" and following not in ("that", ":", MASK, ","):
            continue  # "in Ondo and Edo states": the noun
        if _informed_sources(toks, index):
            continue  # "citing informed sources": who they are, not what they did
        if tok.lower in ("denied", "denies", "deny") and _object_in(toks, index, _DENIED_REQUESTS):
            continue  # "City Council denied the plan": a decision, an event
        took_responsibility = tok.lower in ("took", "takes") and following == "responsibility"
        # "The report called for urgent action": a call made is a statement
        called_for = tok.lower in ("called", "calls") and following == "for"
        # "shared that", "questioned whether", "pointed out that", "expressed concern"
        clause_verb = (tok.text in lx.CLAUSE_VERBS and following in lx.CLAUSE_OPENERS) or (
            tok.text == "pointed"
            and following == "out"
            and index + 2 < len(toks)
            and toks[index + 2].lower in lx.CLAUSE_OPENERS
        )
        stance = (tok.text in lx.STANCE_VERBS and following in lx.STANCE_NOUNS) or (
            tok.text in lx.REJECTING_VERBS and _rejects_a_claim(toks, index)
        )
        forecast = tok.text in _FORECAST_VERBS and _forecasters_before(toks, index)
        # "NASA put the average temperature at 14.7C": an estimate is a statement
        estimate = (
            tok.text in _PUT_VERBS
            and bool(_PUT_AT.match(masked, tok.end))
            and not (index and toks[index - 1].lower in _PREPOSITIONS)  # "at places with"
        )
        continued = (
            tok.text in lx.CONTINUED_VERBS
            and index >= 2
            and toks[index - 1].lower == "to"
            and toks[index - 2].lower in _CONTINUES
        )
        if (
            tok.text in lx.SPEECH_VERBS
            or tok.text in lx.DOCUMENT_VERBS
            or took_responsibility
            or called_for
            or clause_verb
            or stance
            or forecast
            or continued
            or estimate
        ):
            if _modifies_a_noun(toks, index):
                continue  # "Cumulative confirmed cases stand at 48"
            if index and toks[index - 1].lower in ("and", "but") and speeches:
                earlier = speeches[-1]  # "EXFO posted a loss and said ...": the same subject
                if earlier.speaker is not None and earlier.verb.text != "according to":
                    speeches.append(_Speech(tok, earlier.speaker, earlier.speaker_span))
                    continue
            speech = _speech_at(sent, toks, index, tracker)
            if speech is not None and clause_verb and not _orders_by_a_court(tok, speech):
                continue  # "The company directed that 300 staff work from home": an order
            if speech is not None:
                _owner_before(sent, speech, tracker)
                speeches.append(speech)
                if speech.speaker is not None:
                    tracker.spoke(speech.speaker)  # "Solis said ... \u201c...,\u201d she said."
    for match in _QUOTED_AS_SAYING.finditer(masked):  # "X was quoted by Y as saying"
        index = _token_index_at(toks, match.start("aux"))
        speech = _subject_speech(sent, toks, index, tracker) if index else None
        if speech is None or speech.speaker is None:
            continue
        speech.verb = Tok("quoted", match.start("verb"), match.end("verb"))
        if match.group("by"):
            relay = tracker.resolve(sent[match.start("by") : match.end("by")])
            if relay is not None:
                speech.relays = [relay]
        speeches.append(speech)
        tracker.spoke(speech.speaker)
    speeches.extend(_quoted_by_the_subject(sent, masked, toks, tracker))
    asides = [(m.start(), m.end()) for m in _DASH_PAIR.finditer(masked)]
    for match in _SAYING.finditer(masked):
        if match.group("bare") and _word_before(masked, match.start()) in _NOT_BEFORE_BARE_SAYING:
            continue
        previous = [
            s
            for s in speeches
            if s.speaker is not None
            and 0 <= match.start() - s.verb.end <= 40
            and MASK not in masked[s.verb.end : match.start()]
        ]
        if previous:  # "..., the statement said, adding that": the same speaker goes on
            verb = Tok(match.group(0).strip(", "), match.start(), match.end())
            speeches.append(_Speech(verb, previous[-1].speaker, previous[-1].speaker_span))
            continue
        speech = _saying_speech(sent, masked, toks, match, tracker)
        if speech is not None:
            speeches.append(speech)
    for match in _PASSIVE_BY.finditer(masked):
        speech = according_speech(sent, toks, match, tracker)
        if speech is not None:
            speeches.append(speech)
    for match in _ACCORDING.finditer(masked):
        if any(a <= match.start() < b for a, b in asides):
            continue  # "X \u2014 a militia, according to diplomats \u2014": the aside's source
        speech = according_speech(sent, toks, match, tracker)
        if speech is not None:
            speeches.append(speech)
    for speech in speeches:
        _given_name(sent, speech, tracker)
    speeches.sort(key=lambda s: s.verb.start)
    _mark_content_speakers(masked, speeches)
    speeches = _according_as_relay(masked, speeches)
    if any(s.verb.text not in _RECORDING_VERBS for s in speeches):
        # "Jammu has recorded 20 cm of snow, it said.": what was recorded is in the
        # speaker's report; the place that recorded it is no source
        speeches = [s for s in speeches if s.verb.text not in _RECORDING_VERBS]
    return speeches


# "a doctor, who gave his name as Ramadan,", "one of the injured, surnamed Zhang",
# "a witness who identified himself as Liang": the copy names the one described
_GIVEN_NAME = re.compile(
    r",?\s*(?:(?:an?|the)\s+[a-z]+\s+)?(?:who\s+)?(?:gave\s+(?:his|her)\s+(?:first\s+)?name"
    r"\s+(?:only\s+)?as|identified\s+(?:himself|herself)\s+(?:only\s+)?as|(?:sur)?named)"
    r"\s+(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})"
)


def _given_name(sent: str, speech: _Speech, tracker: EntityTracker) -> None:
    if speech.speaker is None or speech.speaker_span is None or speech.speaker.is_named:
        return
    match = _GIVEN_NAME.match(sent, speech.speaker_span[1])
    if match is None:
        return
    described = sent[speech.speaker_span[0] : speech.speaker_span[1]]
    named = tracker.resolve(match.group("name"), description=described)
    if named is not None and named.kind in ("person", "official", "analyst"):
        speech.speaker = named
        speech.speaker_span = (match.start("name"), match.end("name"))
        tracker.spoke(named)


# "while the council said", "as officials stated earlier", "a charge that the rebels
# denied": a speaker inside what another says or in a clause set against it
_CONTENT_SPEAKER_BEFORE = re.compile(
    r"(?:\b(?:while|whilst|whereas|although|though|as)"
    r"|\b(?:charge|charges|claim|claims|allegation|allegations|accusation|accusations)"
    r"\s+(?:that|which))\s+$"
)


def _inside_the_content(masked: str, speech: _Speech) -> bool:
    if speech.speaker_span is None or speech.verb.text == "according to":
        return False
    if speech.speaker_span[0] > speech.verb.start:
        return False  # "..., said Ann Roe": an inverted speech closes its own clause
    before = masked[max(0, speech.speaker_span[0] - 40) : speech.speaker_span[0]]
    return _CONTENT_SPEAKER_BEFORE.search(before) is not None


def _mark_content_speakers(masked: str, speeches: list[_Speech]) -> None:
    """ "Roe said that while the council said the budget was balanced, the city faced a
    deficit": the council is part of what Roe said, not a link between her and the reader
    (a figure in its own clause stays the council's)."""
    inside = [s for s in speeches if s.speaker is not None and _inside_the_content(masked, s)]
    if any(s.speaker is not None and s not in inside for s in speeches):
        for speech in inside:
            speech.inside = True


def _according_as_relay(masked: str, speeches: list[_Speech]) -> list[_Speech]:
    """ "..., Ann Roe said, according to USA Today.": the paper relays her words."""
    kept: list[_Speech] = []
    for speech in speeches:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and speech.verb.text == "according to"
            and previous.speaker is not None
            and speech.speaker is not None
            and speech.speaker is not previous.speaker
            and re.fullmatch(r"[\s,]*", masked[previous.verb.end : speech.verb.start])
        ):
            previous.relays = [*previous.relays, speech.speaker]
            continue
        kept.append(speech)
    return kept


_NOT_ACCLAIM = re.compile(r"\s+(?:from\b|(?:a|the|an)\s+(?:taxi|cab|ride|bus|car|boat)\b)")
_ORDER_VERBS = lx.words("directed directs ordered orders")
_BENCH_WORDS = lx.words(
    "court courts bench tribunal judge judges justice justices magistrate magistrates"
)


def _object_in(toks: list[Tok], index: int, nouns: frozenset[str]) -> bool:
    """Whether the verb's object, after at most three modifiers, is one of ``nouns``."""
    for tok in toks[index + 1 : index + 6]:
        if tok.lower in nouns:
            return True
        if not tok.is_word or tok.text in (",", MASK):
            return False
    return False


def _rejects_a_claim(toks: list[Tok], index: int) -> bool:
    """ "rejected the provisional results", "dismissed accusations that": the object is a
    claim or a count."""
    return _object_in(toks, index, lx.REJECTED_CLAIMS)


# "The council denied the plan", "The court denied him bail": a decision, not a denial
_DENIED_REQUESTS = lx.words(
    "plan plans application applications request requests permit permits permission bail "
    "access entry visa visas appeal appeals motion petition licence license"
)


# what forecasters do with a figure ("Analysts polled by X expect", "anticipated")
_FORECAST_VERBS = lx.words("expected expect anticipated anticipate predict project projected")
_FORECAST_FILLERS = lx.SUBJECT_VERB_FILLERS | lx.words("all widely generally on average ,")


def _forecasters_before(toks: list[Tok], index: int) -> bool:
    """ "Analysts had expected", "Economists polled by a wire all expected": forecasters
    are the subject (not "is expected to", the writer's expectation)."""
    k = index - 1
    while k >= 0 and toks[k].lower in _FORECAST_FILLERS:
        k -= 1
    for tok in reversed(toks[max(0, k - 5) : k + 1]):
        if tok.lower in lx.FORECASTERS:
            return True
        if tok.lower in _PROGRESSIVE or tok.text == MASK:
            return False
    return False


def _orders_by_a_court(verb: Tok, speech: _Speech) -> bool:
    """A court "directed/ordered that" reports its ruling; anyone else's order is an act."""
    if verb.text not in _ORDER_VERBS:
        return True
    speaker = speech.speaker
    if speaker is None:
        return False
    words_ = {w.lower() for w in speaker.name.split()} | speaker.roles
    return bool(words_ & _BENCH_WORDS)


# "Ganjam district", "Rumphi District Hospital", "the district of Nayagarh", "the capital,
# Kathmandu,": names the copy gives as places
_PLACE_NAMED = re.compile(
    r"\b(?P<before>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\s+"
    r"(?:[Dd]istrict|[Pp]rovince|[Cc]ounty|[Rr]egency|[Uu]pazila|[Pp]refecture|[Gg]overnorate"
    r"|[Mm]unicipality|[Tt]ehsil)\b"
    r"|\b(?:district|province|county|regency|city|town|village|capital|municipality)"
    r"(?:\s+of|,)\s+(?P<after>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})"
)
# a name ending on what kind of place it is: "Kaduna State", "Laikipia County"
_PLACE_SUFFIX = re.compile(
    r"\s(?:State|District|Province|County|Regency|Upazila|Prefecture|Governorate|Municipality)$"
)
# "Ganjam reported 5 new cases", "Balasore has reported 90": a tally from a place
_TALLY_VERBS = lx.words("reported reports report recorded records registered logged")
_TALLIED = lx.CASUALTY_WORDS | lx.words(
    "case cases infections patients positive missing displaced affected evacuated"
)


def _places_named(body: str) -> set[str]:
    """Names the copy gives as places below a country (a country speaks as its government)."""
    found = set()
    for match in _PLACE_NAMED.finditer(body):
        name = normalise_name(match.group("before") or match.group("after"))
        if name and name not in lx.COUNTRIES and not names_a_body(name):
            found.add(name)
    return found


def _speaker_is_a_place(
    toks: list[Tok], index: int, speech: _Speech, tracker: EntityTracker
) -> bool:
    """A place is never a person, and a place that reports a tally is nobody to ask: the
    district's administration or health office is, if the copy names one ("Kaduna State
    stressed", "the capital, Kathmandu, said", "Ganjam reported 5 new cases", "Katihar and
    West Champaran have reported no deaths")."""
    entity = speech.speaker
    if entity is None or entity.unnamed or not entity.name[:1].isupper() or entity.roles:
        return False
    key = normalise_name(entity.name)
    if _PLACE_SUFFIX.search(entity.name) or key in tracker.places:
        return True
    if toks[index].lower not in _TALLY_VERBS or speech.speaker_span is None:
        return False
    if speech.speaker_span[1] > toks[index].start or entity.spoke or entity.affiliation:
        return False  # "..., Ganjam reported": only a subject before the verb
    after = toks[index + 1 : index + 6]
    counted = any(t.text[:1].isdigit() or t.lower in ("no", "zero") for t in after[:3])
    if not counted or not any(t.lower in _TALLIED for t in toks):
        return False  # "Motorola reported a 45 per cent drop": a firm's results
    words_ = entity.name.split()
    joined = " and " in entity.name or "&" in words_
    return (
        (len(words_) == 1 or joined)
        and not names_a_body(entity.name)
        and (lookup_gazetteer(entity.name) is None)
    )


_RECORDING_VERBS = lx.words("recorded documented counted registered")
_RECORDING_AUXILIARIES = lx.words("has have had also already so far")


def _recorder_names_a_body(masked: str, toks: list[Tok], index: int) -> bool:
    """ "The Harbour Rights Monitor has documented 1,200 arrests, it said": a monitor or
    another body recorded it, and "it" is that body (not a place that recorded snow)."""
    end = index
    while end > 0 and toks[end - 1].lower in _RECORDING_AUXILIARIES:
        end -= 1
    begin = end
    while begin > 0 and toks[begin - 1].is_word and end - begin < 6:
        begin -= 1
    return begin < end and names_a_body(masked[toks[begin].start : toks[end - 1].end])


_PRONOUN_SAID_AT_END = re.compile(
    r",\s+(?:it|they|he|she)\s+(?:said|says|added|adds|noted|notes)\s*[.!]?\s*$"
)


_OWNER_WORD = re.compile(r"(?:^|\s)(?:Its|Their|its|their)\s+$")


def _owner_before(sent: str, speech: _Speech, tracker: EntityTracker) -> None:
    """ "Its minister Dr Ann Roe said" after "The Health Ministry ...": Roe speaks for
    the body the copy has just named (the possessive is not part of the phrase)."""
    speaker, span = speech.speaker, speech.speaker_span
    if speaker is None or span is None or speaker.affiliation is not None:
        return
    role = sent[span[0] : span[1]].split()[0]
    owner = tracker.last_thing
    if (
        speaker.is_person
        and role.islower()
        and role in lx.ROLE_NOUNS
        and _OWNER_WORD.search(sent[: span[0]])
        and owner is not None
        and owner.is_named
        and not owner.is_person
    ):
        speaker.affiliation = owner
        speaker.speaks_for_affiliation = role in lx.SPOKES_ROLES or (
            role == "minister" and "ministry" in owner.name.lower()
        )


_QUOTED_AS_SAYING = re.compile(
    r"\b(?P<aux>was|were|is|are|has\s+been)\s+(?P<verb>quoted)\s+"
    r"(?:by\s+(?P<by>(?:the\s+)?[^,;\u00a4]{2,60}?)\s+)?(?:as\s+)?saying\b"
)


# "The state news agency quoted Ann Roe as saying": she spoke, the agency relays her
_SUBJECT_QUOTED = re.compile(
    r"\b(?P<verb>quoted)\s+(?P<who>(?!as\b)[^,;\u00a4]{2,80}?)\s+as\s+(?:saying|telling)\b"
)


def _quoted_by_the_subject(
    sent: str, masked: str, toks: list[Tok], tracker: EntityTracker
) -> list[_Speech]:
    speeches = []
    for match in _SUBJECT_QUOTED.finditer(masked):
        index = _token_index_at(toks, match.start("verb"))
        relay = _subject_speech(sent, toks, index, tracker) if index else None
        speaker = tracker.resolve(sent[match.start("who") : match.end("who")])
        if speaker is None or relay is None or relay.speaker is None:
            continue
        verb = Tok("quoted", match.start("verb"), match.end("verb"))
        speech = _Speech(verb, speaker, (match.start("who"), match.end("who")))
        speech.relays = [relay.speaker]
        speeches.append(speech)
        tracker.spoke(speaker)
    return speeches


# What a measured thing does: "confirmed cases stand at 48", "reported deaths rose".
_MEASURE_VERBS = lx.words(
    "stand stands stood is are was were has have had rose fell jumped climbed dropped remain "
    "remains remained reached hit total totalled totaled increased decreased"
)


def _modifies_a_noun(toks: list[Tok], index: int) -> bool:
    """ "confirmed" in "Cumulative confirmed cases stand at 48" is an adjective."""
    if not toks[index].lower.endswith("ed") or index + 2 >= len(toks):
        return False
    noun, verb = toks[index + 1], toks[index + 2]
    return (
        noun.is_word
        and not noun.is_cap
        and noun.lower.endswith("s")
        and noun.lower not in lx.DETERMINERS
        and noun.lower not in _PRONOUNS
        and verb.lower in _MEASURE_VERBS
    )


def according_speech(
    sent: str, toks: list[Tok], match: re.Match[str], tracker: EntityTracker
) -> _Speech | None:
    """ "according to a survey by the Tenants Union": the survey, then who made or saw it."""
    begin = _token_index_at(toks, match.end())
    if begin is not None and toks[begin].lower in _PRONOUNS | _OBJECT_PRONOUNS:
        entity = tracker.pronoun(toks[begin].text)  # "According to him, ..."
        if entity is None:
            return None
        tok = toks[begin]
        return _Speech(
            Tok("according to", match.start(), match.end()), entity, (tok.start, tok.end)
        )
    span = np_after(toks, begin) if begin is not None else None
    if not span and begin is not None:
        span = _plain_np_after(toks, begin)  # "according to calculations by an agency"
    if not span:
        return None
    span = _name_after_description(toks, span)
    start, end = toks[span[0]].start, toks[span[1] - 1].end
    owned = _OWNED_DOCUMENT_REST.match(sent, end)
    if owned and _OWNER_POSSESSIVE.search(sent[start:end]):
        end = owned.end()  # "the bank's recently published unaudited financial statements"
    named = _NAME_AFTER_POST.match(sent, end)
    if named and _ends_on_a_post(sent[start:end] + named.group("post")):
        # "according to the UN's top aid official in the country, Ann Roe.": she is the source
        entity = tracker.resolve(
            named.group("name"), description=sent[start:end] + named.group("post")
        )
        if entity is not None:
            return _Speech(
                Tok("according to", match.start(), match.end()),
                entity,
                (named.start("name"), named.end("name")),
            )
    employer = _EMPLOYER_AFTER.match(sent, end)
    description = employer.group(0).strip() if employer else ""
    person_of = _PERSON_OF.match(sent[start:end])
    if person_of and not description and not names_a_body(person_of.group("name")):
        end = start + person_of.end("name")  # "according to Ann Roe of the Tide Institute"
        description = person_of.group("employer")
    data_of = _DATA_OF.match(sent, start, end)
    if data_of:  # "as per the final tally of the ECI": the ECI's figures
        start = data_of.start("body")
    issued_by = _ISSUED_BY.match(sent, end)
    if not (issued_by and sent[start:end].lower().split()[-1] in _OWN_RELEASES):
        issued_by = None
    if issued_by:
        # "according to an update from the UN humanitarian office": the office's update
        start, end = issued_by.start("body"), issued_by.end("body")
    phrase = sent[start:end].lower()
    if phrase.split(" of ")[0].split()[-1:] in ([w] for w in _MANNERS) or phrase in _BARE_NORMS:
        return None  # "as per usual", "according to tradition", "according to plan": a manner
    if phrase.split()[-1] in _BASES:
        return None  # "according to International Financial Reporting Standards": a basis
    if any(w in _NORMS for w in phrase.split()[:4]):
        # "as per the will of Ann Roe", "as per the rules laid down by the board": what the
        # claim conforms to, no source; the body that laid the rules down, if named, is one
        by = _NORM_MADE_BY.match(sent, end)
        body = tracker.resolve(by.group("body")) if by else None
        if body is None:
            return None
        return _Speech(
            Tok("according to", match.start(), match.end()),
            body,
            (by.start("body"), by.end("body")),
        )
    entity = tracker.resolve(sent[start:end], description=description)
    if entity is None:
        return None
    speech = _Speech(Tok("according to", match.start(), match.end()), entity, (start, end))
    if not issued_by:  # "figures from the Office": the office is the source, no relay of it
        speech.relays = _trailing_relays(sent, toks, span[1], tracker)
    return speech


# "according to the bank's recently published unaudited financial statements": a phrase
# cut short inside a body's own document goes on, over lower-case words, to the document
_OWNER_POSSESSIVE = re.compile(r"[\w)][\u2019']s?\s")
_OWNED_DOCUMENT_REST = re.compile(
    r"(?:\s+[a-z][\w-]*){0,4}?\s+(?:"
    + "|".join(sorted(lx.DOCUMENT_NOUNS | lx.STATEMENT_NOUNS | lx.words("statements accounts")))
    + r")\b"
)


# "according to the UN's top aid official in the country, Ann Roe." : the rest of a post
# (lower-case words, a place it serves), a comma and the holder's name ending the sentence
_NAME_AFTER_POST = re.compile(
    r"(?P<post>(?:\s+[a-z][\w-]*){0,3}?(?:\s+(?:in|at|for|of|on)\s+[^,.;]{1,40}?)?),\s+"
    r"(?P<name>[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w.\u2019'-]*){1,3})\s*(?:[.;]\s*$|$)"
)
# a person's post, never a body ("according to the police, Ann Roe ..." is no appositive)
_PERSON_POSTS = lx.words(
    "official spokesman spokeswoman spokesperson chief head director minister commissioner "
    "officer coordinator governor secretary analyst envoy representative administrator "
    "superintendent inspector mayor chairman chairwoman chairperson president"
)


def _ends_on_a_post(phrase: str) -> bool:
    """ "the UN's top aid official in the country": its head word, before any place it
    serves, is a person's post."""
    head = re.split(r"\s+(?:in|at|for|of|on)\s+", phrase)[0].split()
    return bool(head) and head[-1].lower() in _PERSON_POSTS


def _name_after_description(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int]:
    """ "according to the army's media wing Inter Forces Public Relations": a description
    cut at a lower-case part noun goes on to the name it describes."""
    at = span[1]
    if at < len(toks) and toks[at].lower in lx.PART_NOUNS:
        at += 1
        end = at
        while (
            end < len(toks)
            and toks[end].is_word
            and (toks[end].is_cap or (toks[end].lower in lx.NAME_CONNECTORS and end > at))
        ):
            end += 1
        while end > at and toks[end - 1].lower in lx.NAME_CONNECTORS:
            end -= 1
        if end - at >= 2 or (end - at == 1 and toks[at].text.isupper()):
            return span[0], end
    return span


# how a thing is done, not whom to ask ("the plans", "the rules" are documents to read)
_MANNERS = lx.words("usual normal tradition custom customs practice indication case")
_BARE_NORMS = lx.words("plan schedule")  # "according to plan", "as per schedule"
# the rules a figure is drawn up by ("according to Ruritanian Accounting Standards")
_BASES = lx.words("standards principles")
# norms a claim conforms to ("as per the will of", "as per the rules", "the advisories")
_NORMS = lx.words(
    "will wish wishes rules norms guidelines advisory advisories directions directives "
    "instructions provisions regulations"
)
_NORM_MADE_BY = re.compile(
    r"(?:\s+(?:issued|laid\s+down|framed|set|prescribed|notified|made))?\s+by\s+"
    r"(?P<body>(?:the\s+)?[A-Za-z][^,.;()]{0,60}?)\s*(?=[,.;(]|\s+to\s|$)"
)
# what a body issues, cut before "from" the body: "an update from the UN office"
_OWN_RELEASES = lx.words("update bulletin statement release figures data estimates")
_ISSUED_BY = re.compile(
    r"\s+from\s+(?P<body>(?:the\s+)?[A-Z][^,.;()\u201c\u201d\"]{0,60}?)\s*(?=[,(.;]|$)"
)
_DATA_OF = re.compile(
    r"(?:(?:the|an?)\s+)?(?:[a-z-]+\s+){0,2}?(?:figures|data|tally|count|statistics|estimates"
    r"|results|update|bulletin)\s+(?:of|from)\s+(?P<body>(?:the\s+)?[A-Z])"
)
_PERSON_OF = re.compile(
    r"^(?:[A-Z][a-z]{0,4}\.\s+)?(?P<name>[A-Z][a-z\u2019'-]+(?:\s+[A-Z][\w.\u2019'-]*){1,3})\s+"
    r"(?P<employer>(?:of|with|at|from)\s+(?:the\s+)?[A-Z].*)$"
)
# "according to Sgt. Ann Roe with the City Police (CPD),": whom the speaker works for
_EMPLOYER_AFTER = re.compile(
    r"\s+(?:with|of|at|from)\s+(?:the\s+)?[A-Z][\w\u2019'&.-]*"
    r"(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w\u2019'&.-]*)*(?=\s*[,(.;]|$)"
)


def _plain_np_after(toks: list[Tok], begin: int) -> tuple[int, int] | None:
    """A lower-case noun phrase of up to four words, up to "by", "of", "from" or a comma."""
    end = begin
    if end < len(toks) and toks[end].lower in lx.DETERMINERS:
        end += 1
    first = end
    while end < len(toks) and end - first < 4 and toks[end].is_word:
        if toks[end].lower in _STOP_IN_NP:
            break
        end += 1
    return (begin, end) if end > first else None


_RELAY_VERBS = frozenset(
    {
        "contacted",
        "interviewed",
        "reached",
        "seen",
        "obtained",
        "reviewed",
        "published",
        "released",
        "announced",
        "declared",
        "issued",
        "provided",
        "compiled",
        "conducted",
        "commissioned",
        "polled",
        "surveyed",
        "voted",
        "cited",
        "quoted",
        "by",
        "from",
    }
)


_BODY_HEADS = frozenset(lx.ORG_REFERENCE_KINDS)


def _trailing_relays(
    sent: str,
    toks: list[Tok],
    index: int,
    tracker: EntityTracker,
) -> list[Entity]:
    """ "... by the Tenants Union", "... seen by the Daily Courier"."""
    relays: list[Entity] = []
    website = _website_owner_at(toks, index)  # the "of" in "on the website of X"
    index = website if website is not None else index
    while index < len(toks) and (
        toks[index].lower in _RELAY_VERBS
        or index == website
        or (toks[index].lower == "in" and toks[index - 1].lower == "published")
    ):
        published_in = toks[index].lower == "in" and toks[index - 1].lower == "published"
        if toks[index].lower in ("by", "from") or published_in or index == website:
            span = np_after(toks, index + 1)
            if not span or not (
                any(t.is_cap for t in toks[span[0] : span[1]])
                or (toks[span[0]].lower == "the" and toks[span[1] - 1].lower in _BODY_HEADS)
            ):
                break
            start, end = toks[span[0]].start, toks[span[1] - 1].end
            entity = tracker.resolve(sent[start:end])
            if entity is not None:
                relays.append(entity)
            index = span[1]
        else:
            index = _skip_to_agent(toks, index + 1)
    return relays


_ISSUED_WHEN = (
    lx.words("online today yesterday earlier later last this next week month year on") | lx.WEEKDAYS
)


def _website_owner_at(toks: list[Tok], index: int) -> int | None:
    """ "a statement on the website of the Harbour Board": the board put it out (the
    index of "of", which then reads like "by")."""
    words_ = [t.lower for t in toks[index : index + 4]]
    return index + 3 if words_ == ["on", "the", "website", "of"] else None


def _skip_to_agent(toks: list[Tok], index: int) -> int:
    """ "a review published online on Tuesday by The Clinic": a participle's "by" may come
    after words saying when or how it was issued."""
    for ahead in range(index, min(index + 4, len(toks))):
        if toks[ahead].lower in ("by", "from"):
            return ahead
        if toks[ahead].lower not in _ISSUED_WHEN and not toks[ahead].lower.endswith("ly"):
            break
    return index


def _token_index_at(toks: list[Tok], offset: int) -> int | None:
    """Index of the first token starting at or after ``offset`` (tokens are sorted)."""
    index = bisect.bisect_left(toks, offset, key=lambda tok: tok.start)
    return index if index < len(toks) else None


_PUT_VERBS = lx.words("put puts pegged pegs placed places")
_PUT_AT = re.compile(
    r"\s+(?!(?:on|in|into|out|off|up|down|forward)\b)[^,.;:\u00a4]{1,60}?\s+at\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|over\s+)?"
    r"(?:(?:US|A|C)?[$\u00a3\u20ac]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\s+hundred|dozens|hundreds"
    r"|thousands)\b)"
)
_CONTINUES = lx.words("continues continue continued")
_GOES_ON_TO = lx.words("on went") | _CONTINUES


def _speech_at(sent: str, toks: list[Tok], index: int, tracker: EntityTracker) -> _Speech | None:
    verb = toks[index]
    prev = index - 1
    went_on_to = (
        toks[prev].lower == "to" and prev > 0 and toks[prev - 1].lower in _GOES_ON_TO
    )  # "went on to say", "continues to expect"
    if prev >= 0 and toks[prev].lower in _NOT_REPORTING and not went_on_to:
        return None  # "would say", "did not say"; "went on to say" still reports
    speech = _inverted_speech(sent, toks, index, tracker)
    if speech is None:
        speech = _subject_speech(sent, toks, index, tracker)
    if speech is None or speech.speaker is None:
        speech = _release_subject_speech(sent, toks, index, tracker)
    if speech is None or speech.speaker is None:
        return None
    if speech.speaker_span and sent[: speech.speaker_span[0]].endswith("#"):
        return None  # "86 new #COVID19 confirmed cases": a hashtag is nobody
    if _speaker_is_a_place(toks, index, speech, tracker):
        return None  # "Ganjam reported 5 new cases", "Kaduna State stressed": nobody to ask
    if (
        verb.text in lx.DOCUMENT_VERBS
        and speech.speaker.kind != "document"
        and not _names_a_document(sent, speech.speaker_span)
        and not _clause_final(toks, index)
        and not (index + 1 < len(toks) and toks[index + 1].lower == "that")
        and not (
            index + 2 < len(toks)
            and _manner_adverb(toks[index + 1])
            and toks[index + 2].lower == "that"
        )
        and not _thatless_clause(toks, index)
    ):
        return None
    if verb.text in lx.TELLING_VERBS:
        speech.recipient = _recipient(sent, toks, index + 1, tracker)
    quoted_by = _AS_QUOTED_BY.match(sent, verb.end)
    if quoted_by and not speech.relays:  # "Roe said as quoted by the league's website"
        begin = _token_index_at(toks, quoted_by.end())
        span = np_after(toks, begin) if begin is not None else None
        if span:
            relay = tracker.resolve(sent[toks[span[0]].start : toks[span[1] - 1].end])
            if relay is not None and relay is not speech.speaker:
                speech.relays = [relay]
    reported_by = _REPORTED_BY_AFTER.match(sent, verb.end)
    if reported_by and not speech.relays:  # "officials said Saturday, reported dpa."
        relay = tracker.resolve(reported_by.group("who"))
        if relay is not None and relay is not speech.speaker:
            speech.relays = [relay]
    interview = _INTERVIEW_WITH.match(sent, verb.end)
    if interview and speech.recipient is None:  # "said in an interview with Reuters"
        begin = _token_index_at(toks, interview.end())
        if begin is not None:
            speech.recipient = _recipient(sent, toks, begin, tracker)
    cited = _CITING.search(sent, verb.end)
    if cited:
        begin = _token_index_at(toks, cited.end())
        span = np_after(toks, begin) if begin is not None else None
        if span:
            speech.cited = tracker.resolve(sent[toks[span[0]].start : toks[span[1] - 1].end])
    aside = _cited_aside(sent, speech, verb)
    if aside is not None and speech.cited is None:
        speech.cited = tracker.resolve(aside)
    _note_carrier(sent, toks, speech, verb, tracker)
    return speech


def _cited_aside(sent: str, speech: _Speech, verb: Tok) -> str | None:
    """ "Local papers, quoting the governor, said": the governor is the one quoted."""
    if speech.speaker_span is None or speech.speaker_span[1] > verb.start:
        return None
    aside = _CITING_ASIDE.search(sent, speech.speaker_span[1], verb.start)
    return aside.group("who") if aside else None


# "said in a statement quoted by the Daily Ledger", "in comments published by IRNA, said":
# the outlet that printed the words passes them on
_CARRIED_BY = re.compile(
    r"\bin\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|statements|comments?|remarks|interview|message|post|letter|op-ed|article)\s+"
    r"(?:quoted|carried|published|cited|aired|broadcast)\s+(?:by|in|on)\s+"
)


def _note_carrier(
    sent: str, toks: list[Tok], speech: _Speech, verb: Tok, tracker: EntityTracker
) -> None:
    if speech.relays or speech.speaker is None:
        return
    start = verb.start
    if speech.speaker_span is not None and speech.speaker_span[1] < start:
        start = speech.speaker_span[1]  # "Ann Roe, in comments published by X, said"
    match = _CARRIED_BY.search(sent, start, verb.end + 60)
    begin = _token_index_at(toks, match.end()) if match else None
    span = np_after(toks, begin) if begin is not None else None
    if span:
        relay = tracker.resolve(sent[toks[span[0]].start : toks[span[1] - 1].end])
        if relay is not None and relay is not speech.speaker:
            speech.relays = [relay]


# Press-release openings: "Acme Corp. (OTCBB: ACME), a company engaged in ..., reported
# today", "Ann Roe, Area Manager and a local native said, \u201c...\u201d": the name opens the
# sentence, then a description (an article and any commas, closed by a comma) or a title
# of at most eight words.
_TICKER = r"\((?:[A-Z][A-Za-z]{1,10}(?:\s[A-Z][A-Za-z]{1,10})?)\s*:\s*[A-Z][A-Z.]{0,7}\)"
_RELEASE_SUBJECT = re.compile(
    r"^\s*(?P<name>[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,4}?),?"
    r"(?:\s*(?P<ticker>" + _TICKER + r"))?"
    r",\s+(?:(?P<desc>(?:an?|the)\s+[^\u00a4;:]{3,250}?),"
    r"|(?P<title>[A-Z][\w\u2019'-]*(?:\s+[\w\u2019'-]+){0,7}),?)\s*$"
)
_TICKER_AFTER = re.compile(r"\s*" + _TICKER)


def _release_subject_speech(
    sent: str, toks: list[Tok], index: int, tracker: EntityTracker
) -> _Speech | None:
    """ "NAME (EXCHANGE: TICKER), a company engaged in ..., reported today" and "NAME, TITLE
    and a local native said,": the name opening the sentence speaks, the rest describes it."""
    found = _RELEASE_SUBJECT.match(sent, 0, toks[index].start)
    if not found:
        return None
    name = found.group("name").rstrip(",")
    words = name.split()
    if words[0].lower() in lx.NOT_NAME_OPENERS or (len(words) < 2 and not found.group("ticker")):
        return None
    part = "desc" if found.group("desc") else "title"
    entity = tracker.resolve(name, description=found.group(part))
    if entity is None:
        return None
    span = (found.start("name"), found.start("name") + len(name))
    return _Speech(toks[index], entity, span, found.group(part), found.span(part))


_AS_QUOTED_BY = re.compile(r"[^,.;\u00a4]{0,40}?,?\s*\bas\s+(?:quoted\s+by|per)\s+")
_REPORTED_BY_AFTER = re.compile(
    r"[^,.;\u00a4]{0,30}?,\s*(?:reported|reports|according\s+to)\s+"
    r"(?P<who>(?:the\s+)?[A-Za-z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s*[.;]?\s*$"
)
_INTERVIEW_WITH = re.compile(
    r"\s+(?:on\s+\w+\s+|late\s+\w+\s+|\w+day\s+)?in\s+an?\s+(?:[\w-]+\s+){0,2}?"
    r"interview\s+(?:with|on)\s+"
)
_DOCUMENT_CLAUSE = lx.words("that which published released conducted carried commissioned by of in")


def _leading_document(toks: list[Tok], index: int) -> tuple[int, int] | None:
    """ "A survey that asked researchers ... has found that": the survey opening the
    sentence is the subject, whatever its clause says before the verb."""
    begin = 1 if toks and toks[0].lower in lx.DETERMINERS else 0
    if toks and toks[0].lower.endswith("ing"):
        return None  # "Presenting the details of ..., the minister said"
    for head in range(begin, min(begin + 3, index)):
        if toks[head].lower in lx.DOCUMENT_NOUNS and toks[head].lower not in ("data", "figures"):
            following = toks[head + 1] if head + 1 < index else None
            if following is not None and following.lower in _DOCUMENT_CLAUSE and index - head > 4:
                return (0, head + 1)
            return None
        if not toks[head].is_word:
            return None
    return None


def _names_a_document(sent: str, span: tuple[int, int] | None) -> bool:
    """ "The results show": the words are a document's, whoever it turns out to be from."""
    words = sent[span[0] : span[1]].split() if span else []
    return bool(words) and words[-1].lower() in lx.DOCUMENT_NOUNS


_PARTICIPLES = lx.words(
    "released published issued seen obtained compiled announced cited quoted posted made"
)
_NOT_REPORTING = frozenset({"not", "to", "n't", "never", "would", "could", "will"})


_CLAUSE_FINITES = lx.words("is are was were has have had")


def _thatless_clause(toks: list[Tok], index: int) -> bool:
    """ "C3S found June was 3C hotter", "Researchers found the drug was safe": a clause
    with its "that" left out (not "Police found the body in a river")."""
    for tok in toks[index + 2 : index + 6]:
        if tok.lower in _CLAUSE_FINITES:
            return True
        if not tok.is_word:
            return False
    return False


def _clause_final(toks: list[Tok], index: int) -> bool:
    """ "..., iSuppli found.": a finding verb that closes its sentence reports a source."""
    following = toks[index + 1] if index + 1 < len(toks) else None
    return following is None or following.text in (".", ";", "!")


def _bracket_after(toks: list[Tok], index: int) -> int | None:
    """Index of the token after a short bracketed aside ("(IMD)", "(local time)") at ``index``."""
    if index >= len(toks) or toks[index].text != "(":
        return None
    for close in range(index + 1, min(index + 6, len(toks))):
        if toks[close].text == ")":
            return close + 1
    return None


def _when_after(toks: list[Tok], index: int) -> int | None:
    """Index after "on Thursday", "late Monday", "yesterday" at ``index``, if one is there."""
    position = index
    if position < len(toks) and toks[position].lower in ("on", "late", "early", "last"):
        position += 1
    if position < len(toks) and toks[position].lower in _WHEN_WORDS:
        position += 1
        if position < len(toks) and toks[position].lower in _PARTS_OF_DAY:
            position += 1
        return position
    return None


def _bracket_before(toks: list[Tok], end: int) -> int | None:
    """Index of the "(" of a short bracketed aside that ends just before ``end``."""
    if end < 3 or toks[end - 1].text != ")":
        return None
    for opening in range(end - 2, max(end - 7, 0), -1):
        if toks[opening].text == "(":
            return opening
    return None


def _end_of_phrase(toks: list[Tok], begin: int) -> Tok | None:
    """The punctuation that closes a short phrase of words starting at ``begin``."""
    for tok in toks[begin : begin + 10]:
        if not tok.is_word:
            return tok
    return None if begin + 10 >= len(toks) else toks[begin + 10]


_OUTLET_HEADS = lx.words("daily weekly newspaper paper agency channel website broadcaster")
# "said a resident after a night under curfew", "said a shop owner near the market"
_WHERE_OR_WHEN = lx.words("near outside inside after during")
_ONE_OF = lx.words("one some two three several many most another")


def _one_of_them(toks: list[Tok], begin: int) -> tuple[int, int] | None:
    """ "said one of the injured", "said two of the passengers": one of a described group."""
    if begin + 3 >= len(toks) or toks[begin].lower not in _ONE_OF:
        return None
    if toks[begin + 1].lower != "of" or toks[begin + 2].lower not in ("the", "those"):
        return None
    head = toks[begin + 3]
    if head.lower not in lx.UNNAMED_HEADS or head.is_cap:
        return None
    return begin, begin + 4


def _inverted_speech(
    sent: str,
    toks: list[Tok],
    index: int,
    tracker: EntityTracker,
) -> _Speech | None:
    """ ", said Waters." / "\u201d said the Observatory"."""
    if toks[index].text not in lx.INVERTING_VERBS:
        return None
    if index == 0 or toks[index - 1].text not in (",", MASK, "\u201d", '"'):
        return None
    span = _one_of_them(toks, index + 1) or np_after(toks, index + 1)
    if not span:
        return None
    after = toks[span[1]] if span[1] < len(toks) else None
    if after is not None and after.lower in _OUTLET_HEADS and toks[span[1] - 1].is_cap:
        span = (span[0], span[1] + 1)  # "reports Al-Wadi daily": the paper's name and head
        after = toks[span[1]] if span[1] < len(toks) else None
    if (
        after is not None
        and after.lower in ("from", "by")
        and toks[span[1] - 1].lower in (lx.STATEMENT_NOUNS)
    ):  # "said a statement from Reuters"
        owner = np_after(toks, span[1] + 1)
        if owner:
            span = owner
            after = toks[span[1]] if span[1] < len(toks) else None
    bracket = _bracket_after(toks, span[1])
    if bracket is not None:  # ", says the India Meteorological Department (IMD)."
        after = toks[bracket] if bracket < len(toks) else None
    when = _when_after(toks, span[1])
    if when is not None:  # ", said the military on Thursday."
        after = toks[when] if when < len(toks) else None
    placed = after is not None and after.lower in _PLACE_PREPOSITIONS | _WHERE_OR_WHEN
    if placed:  # ", said researchers in a news release.", ", said officials at the port."
        after = _end_of_phrase(toks, span[1] + 1)
    if after is not None and after.lower in ("quoting", "citing"):
        after = None  # "reports Al-Wadi daily quoting sources": the cited source follows
    if after is not None and after.text not in (".", ",", ";", "!", "?", MASK):
        return None
    start, end = toks[span[0]].start, toks[span[1] - 1].end
    description, desc_span = "", None
    if after is not None and after.text == "," and not placed:
        named = _name_after_role(toks, span, span[1] + 1)
        if named is not None:  # "said the provincial governor, Ali Karimi."
            role = sent[start:end]
            start, end = toks[named[0]].start, toks[named[1] - 1].end
            entity = tracker.resolve(sent[start:end], description=role)
            return _Speech(toks[index], entity, (start, end), role) if entity else None
        desc_span = _trailing_description(sent, toks, span[1] + 1)
        if desc_span:
            description = sent[desc_span[0] : desc_span[1]]
    works_at = _employed_person(sent[start:end])
    if works_at is not None and not description:  # "said Ben May of Capital Economics"
        end, description = start + works_at[0], works_at[1]
    entity = tracker.resolve(sent[start:end], description=description)
    if entity is None:
        return None
    return _Speech(toks[index], entity, (start, end), description, desc_span)


# "economist Ben May of the Capital Economics research group", "Ann Roe of BNP Paribas"
_EMPLOYED_PERSON = re.compile(
    r"^(?:(?:[a-z-]+\s+){1,3})?(?P<name>[A-Z][a-z\u2019'-]+(?:\s+[A-Z][\w.\u2019'-]*){1,3})\s+"
    r"(?P<employer>(?:of|with|at|from)\s+(?:the\s+)?[A-Z].*)$"
)


def _employed_person(phrase: str) -> tuple[int, str] | None:
    """(end of the person's name, "of the firm") when a phrase is a person and employer."""
    match = _EMPLOYED_PERSON.match(phrase)
    if match is None or names_a_body(match.group("name")):
        return None
    if match.group("name").split()[-1] == "Member":
        return None  # "Kessel North Member of Parliament Ann Roe": a post, then the name
    return match.end("name"), match.group("employer")


def _name_after_role(toks: list[Tok], role: tuple[int, int], begin: int) -> tuple[int, int] | None:
    """The name in ", said the provincial governor, Ali Karimi." (to the sentence end)."""
    head = toks[role[1] - 1]
    if head.is_cap or head.lower not in lx.ROLE_NOUNS or toks[role[0]].lower not in ("the", "a"):
        return None
    end = begin
    while end < len(toks) and (toks[end].is_cap or toks[end].lower in lx.NAME_CONNECTORS):
        end += 1
    closed = end < len(toks) and toks[end].text in (".", "!", "?") and end + 1 >= len(toks)
    if end - begin >= 2 and closed and _all_name(toks[begin:end]):
        return begin, end
    return None


def _trailing_description(sent: str, toks: list[Tok], begin: int) -> tuple[int, int] | None:
    """ ", said Priya Raman, chief economist at the Harwick Foundation." -> the role part."""
    if begin >= len(toks) or not toks[begin].is_word:
        return None
    first = toks[begin]
    if first.is_cap and first.lower not in lx.DETERMINERS and not _role_noun_ahead(toks, begin, 3):
        return None  # another name or a new clause
    end = begin
    while end < len(toks) and toks[end].text not in (",", ".", ";", "!", "?", MASK):
        end += 1
    if end == begin:
        return None
    return toks[begin].start, toks[end - 1].end


def _opening_participle(toks: list, span: tuple[int, int]) -> bool:
    """ "Addressing party workers, the party chief said": a clause opening with a
    participle and its lower-case object ("Pointing to", "Hitting out at") is what
    the speaker did, never a name described by the title after the comma."""
    first = toks[span[0]]
    return (
        span[1] - span[0] >= 2
        and first.is_cap
        and first.lower.endswith("ing")
        and not toks[span[0] + 1].is_cap
    )


def _opens_with_a_participle(toks: list[Tok]) -> bool:
    """ "Hitting out at ...,", "Addressing the media in Erode,": the sentence opens with
    a participle and its lower-case object."""
    return len(toks) > 2 and _opening_participle(toks, (0, 2))


def _inside_an_opening_participle(toks: list[Tok], span: tuple[int, int]) -> bool:
    """ "Hitting out at Ruto, Kalonzo and Raila, the minister said", "Reacting to claims by
    Ali, the minister said": the names are what the opening clause is about, not the
    speaker the title after them describes. A lone name set off by its own comma
    ("Speaking in Nairobi, Ann Roe, the party leader said") is the speaker."""
    if span[0] < 2 or not _opens_with_a_participle(toks):
        return False
    if toks[span[0] - 1].text != ",":
        return True  # the name follows a word of the clause: "claims by Ali"
    return any(tok.lower in ("and", "&") for tok in toks[span[0] : span[1]])


def _subject_speech(
    sent: str,
    toks: list[Tok],
    index: int,
    tracker: EntityTracker,
) -> _Speech | None:
    end = index
    fillers = 0
    while end > 0 and toks[end - 1].lower in lx.SUBJECT_VERB_FILLERS and fillers < 3:
        end -= 1
        fillers += 1
    if toks[index].lower.endswith("ing") and end > 0 and toks[end - 1].lower in _PROGRESSIVE:
        end -= 1  # "NASA scientists are hinting", "the ministry is claiming"
    if end >= 3 and [t.lower for t in toks[end - 3 : end]] == ["went", "on", "to"]:
        end -= 3  # "Coyle further went on to say"
        while end > 0 and toks[end - 1].lower in lx.SUBJECT_VERB_FILLERS | {"further"}:
            end -= 1
    elif end >= 2 and toks[end - 1].lower == "to" and toks[end - 2].lower in _CONTINUES:
        end -= 2  # "iSuppli continues to expect"
        while end > 0 and toks[end - 1].lower in lx.SUBJECT_VERB_FILLERS | {"further"}:
            end -= 1
    end = _skip_circumstance(toks, end)
    while (
        end > 0
        and fillers < 5
        and (toks[end - 1].lower in lx.SUBJECT_VERB_FILLERS or _manner_adverb(toks[end - 1]))
    ):
        end -= 1  # "Duque earlier this week said", "They largely blamed"
        fillers += 1
    if end > 1 and toks[end - 1].lower in _PARTICIPLES:
        end = _skip_circumstance(toks, end - 1)  # "The commission's results released Monday show"
    end = _skip_comma_circumstance(toks, end)
    end = _skip_relative_clause(toks, end)
    if end > 0 and toks[end - 1].text in (",", "\u2014", "\u2013"):
        return _appositive_speech(sent, toks, index, end - 1, tracker)
    if end > 0 and toks[end - 1].lower in ("and", "but"):
        return _coordinated_speech(sent, toks, index, tracker)
    leading = _leading_document(toks, index)
    if leading and toks[leading[0]].lower in _PREPOSITIONS:
        leading = None  # "In a statement released Thursday, the Directorate confirmed"
    bracket = None if leading else _acronym_bracket_before(toks, index)
    spelled = _name_its_acronym_spells(sent, toks, bracket) if bracket is not None else None
    span = leading or spelled or _role_before_place(toks, end) or np_before(toks, end)
    if span and not leading and not spelled:
        commas = [k for k in range(span[0], span[1]) if toks[k].text == ","]
        if commas and commas[-1] + 1 < span[1]:
            span = (commas[-1] + 1, span[1])  # "Separately, the government informed"
    if span and span[0] >= 2 and toks[span[0] - 1].lower in _INSTRUMENT_WORDS:
        holder = np_before(toks, span[0] - 1)  # "Researchers using Google Trends found":
        if holder:  # the researchers found it, not the tool they used
            span = holder
    if not span:
        return None
    if span[0] > 0 and toks[span[0] - 1].lower == "no":
        return None  # "No group has claimed responsibility": nobody spoke
    if toks[span[1] - 1].text.endswith(("\u2019s", "'s")):
        if span[1] == index and toks[index].lower in _PLAIN_SPEECH_VERBS:
            name = sent[toks[span[0]].start : toks[span[1] - 1].end]
            if _all_name(toks[span[0] : span[1]]):  # "Moody's said": a firm's own name
                return _Speech(
                    toks[index],
                    tracker.detached(name),
                    (toks[span[0]].start, toks[span[1] - 1].end),
                )
        return None  # "Nokia's recently announced tie-up": not a speaker
    start_c, end_c = toks[span[0]].start, toks[span[1] - 1].end
    phrase = sent[start_c:end_c]
    described = _description_before_name(sent, toks, span)
    if described is not None:  # "Its minister, Nik Ahmad said", "Chairperson of X, Ann Roe"
        entity = tracker.resolve(phrase, description=described[0])
        if entity is not None:
            return _Speech(toks[index], entity, (start_c, end_c))
    if len(phrase.split()) == 1 and phrase.lower() in _PRONOUNS:
        entity = tracker.pronoun(phrase)
        return _Speech(toks[index], entity, (start_c, end_c)) if entity else None
    if (
        span[0] == 0
        and first_is_the(toks, span)
        and toks[span[1] - 1].lower in lx.GENERIC_DOCUMENTS
        and tracker.last_thing is not None
        and tracker.last_thing.is_named
    ):  # "The results show ...": the results of the body just quoted
        return _Speech(toks[index], tracker.last_thing, (start_c, end_c))
    surveyed = _surveyed_by(sent, toks, span, index, tracker)
    if surveyed is not None:
        return surveyed
    first_conjunct = _first_conjunct(sent, toks, span, index, tracker)
    if first_conjunct is not None:
        return first_conjunct
    if not spelled:
        both = _two_names_with_and(sent, toks, span, index, tracker)
        if both is not None:
            return both
    # "al-Golani, the de facto HTS leader announced": a description after a name
    first = toks[span[0]]
    role_head = toks[span[1] - 1]
    if (
        first.lower == "the"
        and span[0] >= 2
        and toks[span[0] - 1].text == ","
        and role_head.lower in lx.ROLE_NOUNS
        and not role_head.is_cap
    ):
        name_span = np_before(toks, span[0] - 1)
        if (
            name_span
            and _is_actor_name(toks, name_span)
            and not _sentence_adverb(toks, name_span)
            and not _opening_participle(toks, name_span)
            and not _inside_an_opening_participle(toks, name_span)
        ):
            n_start, n_end = toks[name_span[0]].start, toks[name_span[1] - 1].end
            entity = tracker.resolve(sent[n_start:n_end], description=phrase)
            return _Speech(toks[index], entity, (n_start, n_end), phrase, (start_c, end_c))
    name_span = _name_before_bare_role(toks, span)
    if name_span is not None:  # '"...," Ann the shopkeeper said': Ann, the shopkeeper
        n_start, n_end = toks[name_span[0]].start, toks[name_span[1] - 1].end
        entity = tracker.resolve(sent[n_start:n_end], description=phrase)
        if entity is not None and entity.is_person:
            return _Speech(toks[index], entity, (n_start, n_end), phrase, (start_c, end_c))
    works_at = _employed_person(phrase)
    if works_at is not None:  # "Frederic Cerisier of BNP Paribas added"
        end_c = start_c + works_at[0]
        entity = tracker.resolve(sent[start_c:end_c], description=works_at[1])
        return _Speech(toks[index], entity, (start_c, end_c)) if entity is not None else None
    entity = tracker.resolve(phrase)
    if entity is None:
        return None
    if (
        entity.is_person
        and span[0] > 0
        and toks[span[0] - 1].lower in lx.ROLE_WORDS
        and not toks[span[0] - 1].is_cap
    ):
        entity.roles.add(toks[span[0] - 1].lower)  # "deputy governor Ann Roe said"
    speech = _Speech(toks[index], entity, (start_c, end_c))
    if leading:  # "A study published in The Lancet found"
        speech.relays = _trailing_relays(sent, toks, span[1], tracker)
    return speech


_ACRONYM_TOKEN = re.compile(r"^[A-Z][A-Za-z]{1,8}$")
_UN_PREFIX = (("UN",), ("U.N.",), ("United", "Nations"))


def _name_its_acronym_spells(sent: str, toks: list[Tok], bracket: int) -> tuple[int, int] | None:
    """ "The UN Stabilization Mission in Haiti (MINUSTAH) said", "the Philippine Atmospheric,
    Geophysical and Astronomical Services Administration (PAGASA) reported": the acronym in
    brackets after the subject confirms the whole name, lower-case "in", "for", "on" and
    commas included (never "Officials in Kabul"). Token range of the name, or None."""
    if not (
        bracket + 2 < len(toks)
        and toks[bracket].text == "("
        and toks[bracket + 2].text == ")"
        and _ACRONYM_TOKEN.match(toks[bracket + 1].text)
        and sum(c.isupper() for c in toks[bracket + 1].text) >= 2
    ):
        return None
    first = bracket
    while first > 0 and bracket - first < 14:
        tok = toks[first - 1]
        if not (
            (tok.is_cap and tok.is_word)
            or tok.lower in _ACRONYM_NAME_INNER
            or (tok.text == "," and toks[first].is_cap)
        ):
            break
        first -= 1
    for start in range(first, bracket - 1):
        if not (toks[start].is_cap and toks[start].is_word):
            continue
        name = sent[toks[start].start : toks[bracket - 1].end]
        if not re.search(r",|\s(?:in|on|for|the)\s", name):
            return None  # a plain capitalised run: the usual reading finds it
        owned = re.split(r"\s+of\s+(?:the\s+)?(?=[A-Z])", name)[0]  # "FAO": "... of the UN"
        if spells_acronym(name, toks[bracket + 1].text) or (
            owned != name and spells_acronym(owned, toks[bracket + 1].text)
        ):
            for prefix in _UN_PREFIX:  # "UN Office for the Coordination of ... (OCHA)"
                if [t.text for t in toks[max(start - len(prefix), 0) : start]] == list(prefix):
                    start -= len(prefix)
                    break
            return start, bracket
    return None


_ACRONYM_NAME_INNER = lx.words("of for in on the and de du des la le")
_AFTER_THE_ACRONYM = lx.words("in at on earlier also today yesterday") | lx.WEEKDAYS


def _acronym_bracket_before(toks: list[Tok], verb: int) -> int | None:
    """Where the "(ACRONYM)" closing the subject opens, the verb at ``verb``: right before
    it, or before a place or time ("(OCHA) in Sudan expects", "(WMO) on Monday said")."""
    for k in range(verb - 3, max(verb - 9, -1), -1):
        if toks[k].text == "(" and toks[k + 2].text == ")":
            between = toks[k + 3 : verb]
            if all(
                t.is_word and (t.is_cap or t.lower in _AFTER_THE_ACRONYM | lx.SUBJECT_VERB_FILLERS)
                for t in between
            ):
                return k
            return None
    return None


# -ly words that are nouns or adjectives, not adverbs ("the family said", "the tally shows")
_LY_NOT_ADVERBS = lx.words(
    "family ally rally assembly supply reply anomaly monopoly tally only early daily weekly "
    "monthly yearly quarterly likely unlikely elderly friendly"
)


def _manner_adverb(tok: Tok) -> bool:
    """ "largely", "unanimously", "quickly": an adverb between a subject and its verb."""
    return (
        len(tok.text) > 4
        and tok.text.islower()
        and tok.text.endswith("ly")
        and tok.text not in _LY_NOT_ADVERBS
    )


_INSTRUMENT_WORDS = lx.words("using via through")
_PROGRESSIVE = lx.words("is are was were")


def _role_of_a_body_before(toks: list[Tok], end: int) -> bool:
    """ "A spokesman for the Interior Ministry" ends before ``end``: a role of a named body."""
    for k in range(end - 1, max(end - 8, 0), -1):
        if toks[k].lower in ("of", "for", "at", "from", "with"):
            return toks[k - 1].lower in lx.ROLE_NOUNS and _names_a_body_between(toks, k + 1, end)
        if not toks[k].is_word:
            return False
    return False


def _description_after_a_name(toks: list[Tok], end: int) -> bool:
    """ "Ann Roe, a former Kessel West MP" ends before ``end``: a description opening with
    "a", "an" or "the" after a name and its comma (the post is not the speaker's name)."""
    for k in range(end - 1, max(end - 10, 1), -1):
        if toks[k].text == ",":
            return (
                toks[k + 1].lower in ("a", "an", "the")
                and toks[k - 1].is_cap
                and toks[k - 1].is_word
                and toks[k - 1].lower not in lx.ROLE_NOUNS
            )
        if not toks[k].is_word:
            return False
    return False


def _skip_relative_clause(toks: list[Tok], end: int) -> int:
    """ "A rebel spokesman who claimed the attack told reporters": the subject is the noun
    phrase before "who" (or "which"); "Two officials, who spoke on condition of anonymity,
    said": before the comma that opens the clause; "Sources close to the talks said",
    "a person familiar with the plan said": before the words that say who they are."""
    closing_comma = end > 0 and toks[end - 1].text == ","
    last = end - 1 if closing_comma else end
    for k in range(last - 1, max(last - 16, 0), -1):
        tok = toks[k]
        if tok.lower in ("who", "which"):
            before = toks[k - 1]
            if closing_comma and before.text == "," and _description_after_a_name(toks, k - 1):
                return k  # "Ann Roe, a former Kessel MP, who ..., said": name, then post
            if (
                closing_comma
                and before.text == ","
                and k >= 2
                and toks[k - 2].is_word
                and (not toks[k - 2].is_cap or _role_of_a_body_before(toks, k - 1))
            ):  # a named speaker keeps its description ("Ann Roe, who heads X, said")
                return k - 1  # a clause set off by commas: the head before it
            if not closing_comma and before.is_word and before.lower not in _PREPOSITIONS:
                return k if k < end - 1 else end
            return end
        if (
            not closing_comma
            and tok.lower in _POSTMODIFIERS
            and k + 1 < last
            and toks[k + 1].lower in _POSTMODIFIERS[tok.lower]
            and k > 0
            and toks[k - 1].lower in lx.UNNAMED_HEADS | {"person", "people", "persons"}
        ):
            return k
        if (
            not closing_comma
            and tok.lower in ("reached", "contacted", "interviewed", "speaking")
            and k + 2 < last
            and toks[k + 1].lower in ("by", "on", "to")
            and not toks[k + 2].is_cap
            and k > 0
            and toks[k - 1].is_word
        ):
            return k  # "A doctor reached by telephone said": how they were reached
        if not tok.is_word or tok.lower in ("and", "but", "that"):
            return end
    return end


# "sources close to the talks", "a person familiar with the matter", "people briefed on it"
_POSTMODIFIERS = {
    "close": frozenset({"to"}),
    "familiar": frozenset({"with"}),
    "briefed": frozenset({"on"}),
    "involved": frozenset({"in"}),
    "with": frozenset({"knowledge", "direct"}),
}


def _description_before_name(
    sent: str, toks: list[Tok], span: tuple[int, int]
) -> tuple[str, tuple[int, int]] | None:
    """ "Its minister, Nik Ahmad said", "Chairperson of the Commission, Jean Mensa
    announced": a short role phrase opening the sentence, a comma, then the name."""
    comma = span[0] - 1
    if comma < 2 or toks[comma].text != "," or not _all_name(toks[span[0] : span[1]]):
        return None
    words = toks[:comma]
    if len(words) > 8 or any(not t.is_word for t in words):
        return None
    lowered = [t.lower for t in words]
    roles = [w for w in lowered if w in lx.ROLE_NOUNS or w in lx.OFFICIAL_TITLES]
    opener = lowered[0] in ("its", "their", "the", "a", "an") or lowered[0] in lx.OFFICIAL_TITLES
    if not roles or not opener or set(lowered) & (lx.SPEECH_VERBS | lx.DOCUMENT_VERBS):
        return None
    first, last = words[0].start, words[-1].end
    return sent[first:last], (first, last)


def _name_before_bare_role(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int] | None:
    """'"...," Ann the shopkeeper said': a name, then "the" and a lower-case role with no
    commas, right after the quote or a comma. Token range of the name, or None."""
    role_head = toks[span[1] - 1]
    if (
        toks[span[0]].lower != "the"
        or span[1] - span[0] != 2
        or role_head.lower not in lx.ROLE_NOUNS
        or role_head.is_cap
        or span[0] < 2
        or not toks[span[0] - 1].is_cap
    ):
        return None
    name_span = np_before(toks, span[0])
    if not name_span or name_span[0] == 0 or toks[name_span[0] - 1].is_word:
        return None
    if not _is_actor_name(toks, name_span) or _sentence_adverb(toks, name_span):
        return None
    return name_span


def _sentence_adverb(toks: list[Tok], span: tuple[int, int]) -> bool:
    """ "Separately, the government informed": an adverb opening the sentence, not a name."""
    if span[1] - span[0] != 1:
        return False
    word = toks[span[0]].lower
    return word.endswith("ly") or word in _OPENING_ADVERBS


_OPENING_ADVERBS = lx.words(
    "meanwhile however earlier later elsewhere moreover furthermore additionally also "
    "instead nevertheless still yet thus therefore besides overall today yesterday"
)
_NOT_ACTORS = lx.MONTHS | lx.WEEKDAYS | lx.words("jan feb mar apr jun jul aug sep sept oct nov dec")
_PREPOSITIONS = lx.words("in on at from since by during until to of for with after before")


def _is_actor_name(toks: list[Tok], span: tuple[int, int]) -> bool:
    """A capitalised name that can be described ("al-Golani"), not "in September"."""
    first = toks[span[0]]
    if not first.is_cap or first.lower == "the":
        return False
    if any(t.lower in _NOT_ACTORS for t in toks[span[0] : span[1]]):
        return False
    return not (span[0] > 0 and toks[span[0] - 1].lower in _PREPOSITIONS)


_CIRCUMSTANCE_OPENERS = lx.words("in on at via during through over late early")
_OBJECT_PRONOUNS = lx.words("him her them")
_SUBORDINATORS = lx.words("when while whilst after before as if though although once since until")
_PRONOUNS = lx.PRONOUNS_PERSON | lx.PRONOUNS_THING | lx.PRONOUNS_GROUP
_COMMA_ASIDE_OPENERS = lx.words(
    "in on at near outside inside from during after before within across"
    # "One of the sources, however, said": a connective between subject and verb
    " however though meanwhile moreover nevertheless therefore instead likewise too"
)


def _skip_comma_circumstance(toks: list[Tok], end: int) -> int:
    """ "Tauranga City Council, in a statement on October 5, claimed": skip the aside."""
    for _ in range(2):
        if end < 3 or toks[end - 1].text != ",":
            return end
        open_ = end - 2
        while open_ > 0 and toks[open_].text not in (",", MASK):
            open_ -= 1
        if (
            open_ <= 0
            or toks[open_].text != ","
            or toks[open_ + 1].lower not in _COMMA_ASIDE_OPENERS
        ):
            return end
        end = _skip_circumstance(toks, open_)
    return end


def first_is_the(toks: list[Tok], span: tuple[int, int]) -> bool:
    return toks[span[0]].lower == "the" and span[1] - span[0] <= 3


def _surveyed_by(
    sent: str, toks: list[Tok], span: tuple[int, int], index: int, tracker: EntityTracker
) -> _Speech | None:
    """ "Economists surveyed by The Wall Street Journal projected": the economists speak,
    the Journal relays."""
    by = span[0] - 1
    if by < 2 or toks[by].lower != "by" or toks[by - 1].lower not in _RELAY_VERBS:
        return None
    inner = np_before(toks, by - 1)
    if not inner:
        return None
    speaker = tracker.resolve(sent[toks[inner[0]].start : toks[inner[1] - 1].end])
    relay = tracker.resolve(sent[toks[span[0]].start : toks[span[1] - 1].end])
    if speaker is None:
        return None
    speech = _Speech(toks[index], speaker, (toks[inner[0]].start, toks[inner[1] - 1].end))
    speech.relays = [relay] if relay is not None else []
    return speech


def _first_conjunct(
    sent: str, toks: list[Tok], span: tuple[int, int], index: int, tracker: EntityTracker
) -> _Speech | None:
    """ "Jennifer Francis and other climate scientists said": the named one speaks.
    "NOAA and NASA reported": both do (the first here, the second as usual)."""
    if span[0] < 2 or toks[span[0] - 1].lower != "and":
        return None
    end = span[0] - 1
    if end > 3 and toks[end - 1].text == ")" and toks[end - 3].text == "(":
        end -= 3
    first = np_before(toks, end)
    if not first or not toks[first[0]].is_cap:
        return None
    whole = _one_name_with_and(sent, toks, first, span)
    if whole is not None:  # "The Food and Drug Administration said": one body
        entity = tracker.resolve(sent[whole[0] : whole[1]])
        return _Speech(toks[index], entity, whole) if entity is not None else None
    name = tracker.resolve(sent[toks[first[0]].start : toks[first[1] - 1].end])
    if name is None or name.unnamed:
        return None
    second = tracker.resolve(sent[toks[span[0]].start : toks[span[1] - 1].end])
    speech = _Speech(toks[index], name, (toks[first[0]].start, toks[first[1] - 1].end))
    if second is not None and second.is_named:
        speech.relays = [second]
    return speech


def _two_names_with_and(
    sent: str, toks: list[Tok], span: tuple[int, int], index: int, tracker: EntityTracker
) -> _Speech | None:
    """ "Harlow Motors and Kessel Auto said in a joint statement": two bodies speak, the
    first with the second as its own link, when each name stands on its own elsewhere in
    the copy ("the National Snow and Ice Data Center" is one body: neither part does).
    "... early on Thursday and Israel vowed": the date closes the clause before; Israel
    speaks."""
    ands = [k for k in range(span[0] + 1, span[1] - 1) if toks[k].lower == "and"]
    if len(ands) != 1 or (span[0] > 0 and toks[span[0] - 1].text == ","):
        return None  # "Nissan, Honda and Mitsubishi confirmed": a list, left as it was
    middle = ands[0]
    left = (span[0] + (toks[span[0]].lower == "the"), middle)
    right = (middle + 1, span[1])
    if not all(toks[k].is_cap and toks[k].is_word for k in (left[0], middle - 1, right[0])):
        return None
    left_name = sent[toks[left[0]].start : toks[left[1] - 1].end]
    right_name = sent[toks[right[0]].start : toks[right[1] - 1].end]
    if left_name.lower() in _CALENDAR_WORDS:  # "on Thursday and Israel vowed"
        entity = tracker.resolve(right_name)
        ends = (toks[right[0]].start, toks[right[1] - 1].end)
        return _Speech(toks[index], entity, ends) if entity is not None else None
    whole = sent[toks[left[0]].start : toks[right[1] - 1].end]
    if lookup_gazetteer(whole) or whole.lower() in lx.COUNTRIES:
        return None  # "Trinidad and Tobago", "Procter and Gamble"
    if not (_stands_alone(left_name, tracker.copy) and _stands_alone(right_name, tracker.copy)):
        return None
    first = tracker.resolve(left_name)
    second = tracker.resolve(right_name)
    if first is None or second is None or first.unnamed or second.unnamed:
        return None
    if " and " in first.name or " and " in second.name:
        return None  # the pair was already taken for one name elsewhere: keep it so
    speech = _Speech(toks[index], first, (toks[left[0]].start, toks[left[1] - 1].end))
    speech.relays = [second]
    return speech


def _stands_alone(name: str, copy: str) -> bool:
    """The name occurs in the copy outside an "X and Y" pair ("Nissan projected a loss")."""
    pattern = re.compile(rf"(?<![\w-])(?<!\band ){re.escape(name)}(?![\w-])(?!,? and [A-Z])(?! & )")
    return bool(pattern.search(copy))


def _one_name_with_and(
    sent: str, toks: list[Tok], first: tuple[int, int], second: tuple[int, int]
) -> tuple[int, int] | None:
    """ "The Food and Drug Administration", "the National Snow and Ice Data Center": a
    body's name with "and" in it, not two sources (the first part names no body)."""
    if toks[first[0]].lower != "the" or first[1] - first[0] < 2:
        return None
    before = sent[toks[first[0] + 1].start : toks[first[1] - 1].end]
    after = sent[toks[second[0]].start : toks[second[1] - 1].end]
    if names_a_body(before) or not names_a_body(after):
        return None
    if lookup_gazetteer(before) or lookup_gazetteer(after) or _NATION.search(after.split()[0]):
        return None  # "The Red Cross and World Health Organization", "... and Pakistan Army"
    if not all(t.is_cap for t in toks[first[0] + 1 : first[1]]) or not toks[second[0]].is_cap:
        return None
    return toks[first[0]].start, toks[second[1] - 1].end


# "Pakistan", "Syrian", "Chinese": a body of a nation names its own body
_NATION = re.compile(
    r"^(?:"
    + "|".join(re.escape(c) for c in sorted(lx.COUNTRIES, key=len, reverse=True))
    + r"|[A-Z][a-z]+(?:ian|ese|ish|ani|aqi|eli))$",
    re.IGNORECASE,
)
_PARTS_OF_DAY = lx.words("night morning afternoon evening")
_PERIODS = lx.words("week weekend month year night morning")
_WHEN_WORDS = lx.WEEKDAYS | lx.words("today yesterday tonight")


def _skip_circumstance(toks: list[Tok], end: int) -> int:
    """ "The Ministry of Defense in a statement on Friday said": the subject ends before
    "in a statement on Friday" (up to two such phrases, or a bare day name)."""
    for _ in range(3):
        opening = _bracket_before(toks, end)
        if opening is not None:  # "the World Meteorological Organization (WMO) said",
            end = opening  # "the Health Ministry on Monday (local time) confirmed"
            continue
        if end > 2 and toks[end - 1].lower in _PARTS_OF_DAY and toks[end - 2].lower in _WHEN_WORDS:
            end -= 1  # "on Sunday night"
        if end > 1 and toks[end - 1].lower in _WHEN_WORDS:
            end -= 1
            if end > 1 and toks[end - 1].lower in ("on", "last", "this", "early", "late"):
                end -= 1
            continue
        if (
            end > 2
            and toks[end - 1].lower in _PERIODS
            and toks[end - 2].lower in ("this", "last", "next", "earlier", "later")
        ):
            end -= 2  # "Duque earlier this week said", "last week said"
            continue
        for j in range(end - 1, max(end - 7, 0), -1):
            tok = toks[j]
            if not tok.is_word or tok.lower in _STOP_IN_NP - _CIRCUMSTANCE_OPENERS:
                return end
            if (
                tok.is_cap
                and j > 0
                and toks[j - 1].is_word
                and not toks[j - 1].is_cap
                and toks[j - 1].lower not in _CIRCUMSTANCE_OPENERS | lx.DETERMINERS
            ):
                return end  # "in the first half Coyle said": Coyle is the subject
            if tok.lower in _CIRCUMSTANCE_OPENERS and j > 0 and toks[j - 1].is_word:
                if toks[j - 1].lower in _STAFF_NOUNS and _names_a_body_between(toks, j + 1, end):
                    return end  # "Officials at the Electoral Commission said": their body
                end = j
                break
        else:
            return end
    return end


# "-ed" words that describe people before their role noun ("Israeli armed forces")
_DESCRIBING_PARTICIPLES = lx.words(
    "armed elected retired unnamed concerned affected displaced detained injured"
)


def _name_before_its_verb(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int]:
    """ "Okello assured residents that ... and added": the subject is the name; the
    lower-case past tense after it is the first verb, not a modifier of "residents"."""
    for k in range(span[0] + 1, span[1]):
        tok = toks[k]
        if (
            toks[k - 1].is_cap
            and not tok.is_cap
            and tok.lower.endswith("ed")
            and tok.lower not in _DESCRIBING_PARTICIPLES
        ):
            return span[0], k
    return span


def _comma_closing_the_opener(toks: list[Tok], index: int) -> int | None:
    """The comma after an opening clause, past any list of names in it ("Hitting out at
    Ruto, Kalonzo and Raila, Mudavadi called ... and said"): a name followed by "and"
    or by a comma and another name is still in the list."""
    commas = [i for i, t in enumerate(toks[:index]) if t.text == ","]
    for k, comma in enumerate(commas):
        span = np_after(toks, comma + 1)
        after = span[1] if span is not None else comma + 1
        listed = (
            span is not None
            and after + 1 < index
            and (
                toks[after].lower in ("and", "&")
                or (toks[after].text == "," and toks[after + 1].is_cap)
            )
        )
        listed = listed or any(t.lower in ("and", "&") for t in toks[comma + 1 : after])
        if not listed or k == len(commas) - 1:
            return comma
    return None


def _coordinated_speech(
    sent: str,
    toks: list[Tok],
    index: int,
    tracker: EntityTracker,
) -> _Speech | None:
    """ "Marta Solis called the budget ... and accused ...": the subject opens the sentence
    (after a leading "In a statement on Monday," when there is one)."""
    begin = 0
    if toks and (
        toks[0].lower in _CIRCUMSTANCE_OPENERS | _SUBORDINATORS | lx.SPEAKING_OPENERS
        or _opens_with_a_participle(toks)
    ):
        # "When asked about it, the commissioner rejected ...": the subject after the comma
        comma = _comma_closing_the_opener(toks, index)
        if comma is None:
            return None
        begin = comma + 1
    if begin < index and toks[begin].lower in _PRONOUNS:  # "It polled 300 people and found"
        entity = tracker.pronoun(toks[begin].text)
        span_c = (toks[begin].start, toks[begin].end)
        return _Speech(toks[index], entity, span_c) if entity else None
    span = np_after(toks, begin)
    if not span or span[1] >= index:
        return None
    stray_comma = (  # "Speaking at the summit, President Ann Roe, referenced X and claimed"
        toks[0].lower in lx.SPEAKING_OPENERS
        and toks[span[1]].text == ","
        and toks[span[1] + 1].is_word
        and not toks[span[1] + 1].is_cap
    )
    if toks[span[1]].is_word is False and not stray_comma:
        return None
    if toks[span[1]].lower in ("and", "but") or (toks[span[1]].text == "," and not stray_comma):
        return None
    span = _name_before_its_verb(toks, span)
    start, end = toks[span[0]].start, toks[span[1] - 1].end
    entity = tracker.resolve(sent[start:end])
    return _Speech(toks[index], entity, (start, end)) if entity else None


# a name that ends in a possessive right before one of these is the speaker's own name
# ("Moody's said", "Standard & Poor's says"), not an owner ("Nokia's announced tie-up")
_PLAIN_SPEECH_VERBS = lx.words("said says told")
# "the chief executive of Kello Bank, Ann Roe, said": a post that heads the body named after it
_POSTS_OF_A_BODY = lx.words("executive")


def _appositive_speech(
    sent: str, toks: list[Tok], index: int, close: int, tracker: EntityTracker
) -> _Speech | None:
    """ "NAME, DESCRIPTION, said" or "DESCRIPTION, NAME, told" (commas or dashes)."""
    mark = toks[close].text
    open_ = close - 1
    while open_ >= 0 and toks[open_].text != mark and toks[open_].text != MASK:
        open_ -= 1
    if open_ < 0 or toks[open_].text == MASK or open_ == close - 1:
        return None
    inner = (open_ + 1, close)
    outer = np_before(toks, open_)
    inner_text = sent[toks[inner[0]].start : toks[inner[1] - 1].end]
    inner_span = (toks[inner[0]].start, toks[inner[1] - 1].end)
    if outer is None:
        if _all_name(toks[inner[0] : inner[1]]):
            entity = tracker.resolve(inner_text)
            return _Speech(toks[index], entity, inner_span) if entity else None
        return None
    if (
        outer[0] >= 2
        and toks[outer[0] - 1].lower in ("of", "for", "at", "with")
        and toks[outer[0] - 2].lower in lx.ROLE_NOUNS | _POSTS_OF_A_BODY
        and _all_name(toks[inner[0] : inner[1]])
    ):  # "An official of the Election Watch, Dr Ann Roe, said": the role owns the phrase
        role = _role_np_before(toks, outer[0] - 2, outer[0] - 1)
        if role is not None:
            outer = (role[0], outer[1])
    elif outer[0] > 0 and toks[outer[0] - 1].lower in _PREPOSITIONS:
        return None  # "Lumen, based in Napier, Hawke's Bay, posted": a place, not a speaker
    outer_text = sent[toks[outer[0]].start : toks[outer[1] - 1].end]
    outer_span = (toks[outer[0]].start, toks[outer[1] - 1].end)
    inner_is_name = _all_name(toks[inner[0] : inner[1]])
    if inner_is_name and toks[outer[0]].lower in lx.SPEAKING_OPENERS:
        entity = tracker.resolve(inner_text)  # "Speaking at the summit, Ann Roe, claimed"
        return _Speech(toks[index], entity, inner_span) if entity else None
    outer_is_name = (
        toks[outer[0]].is_cap
        and toks[outer[0]].lower not in lx.DETERMINERS
        and toks[outer[1] - 1].lower not in lx.ROLE_NOUNS
        # "VP of Business Development, Jamie Michael, commented": a title, then the name
        and not (inner_is_name and toks[outer[0]].lower in lx.ROLE_NOUNS | _TITLE_INITIALS)
        # "U.S. Attorney for the District of Kell, Ann Roe, said": the post, then the holder
        and not (inner_is_name and _post_of_a_body(outer_text))
    )
    if inner_is_name and not outer_is_name:
        entity = tracker.resolve(inner_text, description=outer_text)
        return _Speech(toks[index], entity, inner_span, outer_text, outer_span)
    if outer_is_name or toks[outer[0]].lower == "the":
        entity = tracker.resolve(outer_text, description=inner_text)
        return _Speech(toks[index], entity, outer_span, inner_text, inner_span)
    return None


_TITLE_INITIALS = lx.words("vp svp evp cfo coo cto cmo cio")


def _post_of_a_body(phrase: str) -> bool:
    """ "U.S. Attorney for the District of Kell", "Chief Executive of Kello Bank": a post
    (its last word before "of" or "for" a title) and the body it serves."""
    head = re.split(r"\s(?:of|for)\s", phrase, maxsplit=1)
    if len(head) < 2 or not head[0]:
        return False
    last = head[0].split()[-1].lower()
    return last in _HOLDER_TITLES | _POSTS_OF_A_BODY


def _all_name(toks: list[Tok]) -> bool:
    return (
        bool(toks)
        and toks[0].is_cap
        and toks[0].lower not in lx.DETERMINERS
        and all(t.is_cap or t.lower in lx.NAME_CONNECTORS for t in toks)
    )


def _recipient(sent: str, toks: list[Tok], begin: int, tracker: EntityTracker) -> Entity | None:
    span = np_after(toks, begin)
    if not span:
        return None
    entity = tracker.resolve(sent[toks[span[0]].start : toks[span[1] - 1].end])
    if entity is not None and entity.kind in ("agency", "publication"):
        if not entity.name[:1].isupper():
            entity.unnamed = True  # "told a broadcaster": an outlet the copy does not name
        return entity
    after = toks[span[1]] if span[1] < len(toks) else None
    if (
        after is not None
        and after.is_word
        and not after.is_cap
        and after.lower not in _CLAUSE_OPENERS
    ):
        return None  # "told NATO allies": the allies were told, not a newsroom
    if entity is not None and entity.kind == "organisation" and _MEDIA_NAME.search(entity.name):
        entity.kind = "publication"  # "told VOA", "told Radio Kabul": people tell the news
        return entity
    return None


_CLAUSE_OPENERS = (
    lx.DETERMINERS
    | _PRONOUNS
    | lx.words(
        "that on in at last late earlier by during after before when while there his her their its"
    )
)
_MEDIA_NAME = re.compile(
    r"^[A-Z]{2,5}$|\b(?:News|Radio|Television|TV|Times|Post|Herald|Journal|Press|Tribune"
    r"|Telegraph|Gazette|Daily|Magazine|Channel|Broadcasting)\b"
)


def _chain(speeches: list[_Speech]) -> list[Entity]:
    """Order sources first speaker first: nested reports are reversed, relays appended.

    "AP reports the Syrian army admitted ..." -> [Syrian army, AP];
    "Rami Abdurrahman, the Observatory's chief, told AP" -> [Rami, Observatory, AP].
    """
    speeches = [s for s in speeches if not s.inside] or speeches
    groups: list[list[_Speech]] = []
    for speech in speeches:
        if groups and _nested(groups[-1][-1], speech):
            groups[-1].append(speech)
        else:
            groups.append([speech])
    chain: list[Entity] = []
    for group in groups:
        for speech in reversed(group):
            links = []
            if speech.cited is not None and not _bare_document(speech.cited, speech.speaker):
                links.append(speech.cited)
            if speech.speaker is not None:
                links.append(speech.speaker)
                aff = speech.speaker.affiliation
                if aff is not None and speech.speaker.speaks_for_affiliation:
                    links.append(aff)
            if speech.recipient is not None:
                links.append(speech.recipient)
            links.extend(speech.relays)
            for link in links:
                if link not in chain:
                    chain.append(link)
    bare_documents = [
        s.speaker
        for s in speeches
        if s.speaker is not None
        and s.speaker.unnamed
        and s.speaker.kind == "document"
        and not s.relays
        and s.cited is None
    ]
    bare_documents += [
        e
        for e in chain
        if e.unnamed and e.kind == "document" and e.name.split()[-1].lower() in lx.GENERIC_DOCUMENTS
    ]
    bare_documents += [
        e
        for e, after in itertools.pairwise(chain)
        if e.unnamed
        and e.kind == "document"
        and e.name.split()[-1].lower() in _OWN_STATEMENTS
        and after.is_named
        and not after.is_person
    ]  # "the latest situation report released by the NCDC": the NCDC speaks
    if bare_documents and any(
        e.is_named
        or (not e.unnamed and e.kind not in ("document", "person"))
        or names_only_a_post(e.name)  # "results declared by the Returning Officer"
        for e in chain
    ):
        # "the Commission says provisional results show": the Commission is the source
        chain = [e for e in chain if e not in bare_documents]
    return chain


def _bare_document(cited: Entity, speaker: Entity | None) -> bool:
    """ "the Government told the house, quoting a 2000-01 survey": no one to call behind it."""
    return cited.unnamed and cited.kind == "document" and speaker is not None and speaker.is_named


# a body's own statement: the body is the source ("a survey by X" stays a survey)
_OWN_STATEMENTS = lx.words(
    "report reports statement release bulletin update notice communique figures data"
)


def _nested(outer: _Speech, inner: _Speech) -> bool:
    """Is ``inner`` reported inside ``outer`` ("AP reports [the army admitted ...]")?

    True when the inner speaker follows the outer verb directly (allowing
    "that"), or the outer is an "according to" whose source comes after.
    """
    if inner.speaker_span is None or outer.recipient is not None:
        return False
    gap = inner.speaker_span[0] - outer.verb.end
    if inner.verb.text == "according to" and 0 <= inner.verb.start - outer.verb.end <= 6:
        return True  # "the Commission said that according to provisional results ..."
    return 0 <= gap <= 6 or (outer.verb.text == "according to" and gap < 0)


# --------------------------------------------------------------------------
# the article pass


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int
    masked: str = ""
    chain: list[Entity] = field(default_factory=list)
    speeches: list[_Speech] = field(default_factory=list)
    context: tuple[int, Entity] | None = None  # (paragraph, entity) of the last speaker
    figures_from: list[Entity] = field(default_factory=list)  # chain earlier in the paragraph
    figures_reason: str = ""
    subject: Entity | None = None  # a person or named body opening a sentence with no speech


def suggest_claims(
    body: str,
    registry: list[KnownSource] | None = None,
    *,
    outlet: str | None = None,
    title: str | None = None,
    byline: str | None = None,
) -> list[SuggestedClaim]:
    """Claims worth checking in ``body``, in text order (see the module docstring).

    ``outlet`` (the publication the copy comes from), ``title`` (its
    headline) and ``byline`` let a figure no one is credited with point to
    whoever carries it: the headline's speaker when the headline gives that
    figure, else a wire agency credited in the copy ("KABUL (Reuters) -") or
    as the byline ("AFP"), else the outlet.
    """
    if not body or not body.strip():
        return []
    tracker = EntityTracker(registry)
    tracker.copy = f"{title or ''}\n{body}"
    tracker.places = _places_named(body)
    quotes = [(m.start(), m.end()) for m in _QUOTES.finditer(body)]
    sentences = _sentences(body, quotes)
    claims: list[SuggestedClaim] = []
    last_speaker_paragraph: tuple[int, Entity] | None = None
    paragraph_chain: tuple[int, list[Entity]] | None = None
    carrier = _Carrier(body, title, outlet, tracker, byline)
    furniture = _furniture_paragraphs(body)
    quoted_by: list[tuple[int, int, Entity, Entity]] = []  # (paragraph, at, speaker, relay)
    told: _Sentence | None = None  # a sentence a body "was told", waiting for who told it
    for sentence in sentences:
        text = body[sentence.start : sentence.end]
        if sentence.paragraph in furniture or _FURNITURE_SENTENCE.search(text):
            continue
        declared = _QUOTED_BY_SENTENCE.match(sentence.masked)
        if declared:  # "She was quoted by news agency Press Trust of India."
            _note_relay(declared, sentence, tracker, quoted_by)
            continue
        interview = _GAVE_INTERVIEW.search(sentence.masked)
        if interview:  # "Ann Roe gave the Daily Courier an interview": her words came through it
            _note_relay(interview, sentence, tracker, quoted_by)
        _note_named_bodies(sentence.masked, tracker)
        first_verb = _FIRST_SPEECH_VERB.search(sentence.masked)
        cut = first_verb.start() if first_verb else len(sentence.masked)
        _note_mentions(sentence.masked[:cut], tracker)  # "employed by Reuters ... the agency said"
        sentence.speeches = _find_speeches(text, sentence.masked, tracker)
        reports = _THERE_WERE_REPORTS.match(sentence.masked)
        if reports and not sentence.speeches:  # "There were unconfirmed reports that ..."
            verb = Tok("reports", reports.start("what"), reports.end("what"))
            reporter = tracker.resolve(reports.group("what"))
            if reporter is not None:
                sentence.speeches = [_Speech(verb, reporter, (verb.start, verb.end))]
        impersonal = _IMPERSONAL_REPORT.match(sentence.masked)
        if impersonal and not sentence.speeches and last_speaker_paragraph:
            # "It is added that ...": the report goes on in the last speaker's words
            verb = Tok(impersonal.group("verb"), impersonal.start("verb"), impersonal.end("verb"))
            sentence.speeches = [_Speech(verb, last_speaker_paragraph[1], None)]
        sentence.chain = _chain(sentence.speeches)
        _note_mentions(sentence.masked[cut:], tracker)
        if not sentence.speeches:
            _note_subject(sentence, tracker)
            introducer = _colon_introducer(text, sentence.masked, tracker)
            if introducer is not None:  # "Mayor Ann Roe was blunt: \u201c...\u201d"
                tracker.spoke(introducer)
                last_speaker_paragraph = (sentence.paragraph, introducer)
        for speech in sentence.speeches:
            if speech.speaker is not None:
                tracker.spoke(speech.speaker)
                last_speaker_paragraph = (sentence.paragraph, speech.speaker)
                carrier.note_issuer(text, speech)
        if (
            sentence.chain
            and all(_generic_document(e) for e in sentence.chain)
            and paragraph_chain
            and paragraph_chain[0] == sentence.paragraph
        ):  # "He said ... According to the official data, ...": the data are his
            sentence.chain = list(paragraph_chain[1])
        owned = _OWNED_DATA.search(sentence.masked) if not sentence.chain else None
        owner = (
            tracker.resolve(owned.group("org") or owned.group("counter") or owned.group("source"))
            if owned
            else None
        )
        if owner is None and not sentence.chain and _ITS_DOCUMENT.match(sentence.masked):
            owner = tracker.last_thing  # "In its previous report, ...": the body last quoted
        acting = _acting_body(sentence) if not sentence.chain else None
        reviser = _forecast_reviser(sentence, tracker) if not sentence.chain else None
        if reviser is not None:  # "Deutsche Bank boosted its price target to $241"
            sentence.figures_from = [reviser]
            sentence.figures_reason = "the forecast of"
            paragraph_chain = (sentence.paragraph, [reviser])
        elif owner is not None and owner.is_named and not owner.is_person:
            sentence.figures_from = [owner]  # "placed within IDC's Top 5 leaderboard"
            sentence.figures_reason = "from the data of"
            paragraph_chain = (sentence.paragraph, [owner])
        elif acting is not None:  # "The Harbour Board raised fees by 5%": its own decision
            sentence.figures_from = [acting]
            sentence.figures_reason = "the act or figures of the body that is the subject,"
            paragraph_chain = (sentence.paragraph, [acting])
        elif sentence.chain:
            paragraph_chain = (sentence.paragraph, sentence.chain)
        elif (
            paragraph_chain
            and paragraph_chain[0] == sentence.paragraph
            and not _WRITERS_CONTEXT.match(sentence.masked)
            and not _MARKET_MOVE.match(sentence.masked)
        ):
            sentence.figures_from = paragraph_chain[1]
            sentence.figures_reason = "given in this paragraph by"
        if told is not None:
            _told_by(told, sentence)
            claims.extend(_sentence_claims(body, told, tracker, carrier))
            told = None
        sentence.context = last_speaker_paragraph
        if not sentence.chain and _TOLD_BODY.search(sentence.masked):
            told = sentence  # "..., the assembly was told today. Minister X said ...": X's
            continue
        claims.extend(_sentence_claims(body, sentence, tracker, carrier))
    if told is not None:
        claims.extend(_sentence_claims(body, told, tracker, carrier))
    claims.extend(_quote_claims(body, quotes, sentences))
    _relay_quoted_by(claims, quoted_by, sentences)
    _name_descriptions(claims, tracker)
    _research_references(body, claims, tracker)
    _documents_to_their_body(claims, sentences)
    return _dedupe(claims, body)


# "This comes two days after ...", "The strike came as ...", "This made it the deadliest
# ...": the writer's background, not the speaker's words
_WRITERS_CONTEXT = re.compile(
    # (not "The rise came after a 2% fall": a change or a figure goes on with the data)
    r"^\s*(?:This|That|It|The\s+(?!(?:rise|fall|increase|decrease|drop|decline|jump|gain|growth"
    r"|figure|figures|number|total|rate|increases|falls|rises|drops|declines|gains)\b)[a-z]+)"
    r"\s+(?:comes|came|follows|followed)\s+"
    r"(?:as|after|amid|days|weeks|months|a\s+day|a\s+week|just|only|less|more|two|three|hours)\b"
    r"|^\s*(?:This|That)\s+(?:made|makes)\s+(?:it|them)\b"
)
# "Shares of Acme fell $2.31 to $13", "During the regular session, the shares rose 31
# cents", "Acme shares are down 17%": the writer's own market report, not the figures of
# whoever spoke before in the paragraph
_MARKET_MOVE = re.compile(
    r"^\s*(?:(?:During|In|On)\s[^,\u00a4]{0,60},\s+)?(?:[A-Z][\w.&\u2019'-]*\s+){0,4}?"
    r"(?:the\s+|its\s+)?(?:[Ss]hares|[Ss]tocks?)\b(?:\s+of\s+[^\u00a4]{1,60}?)?\s+"
    r"(?:(?:are|were|was|is|have|has|had|closed|ended|also)\s+)*"
    r"(?:up|down|rose|fell|jumped|slid|dropped|gained|lost|climbed|plunged|soared|tumbled"
    r"|sank|surged|slipped|edged|declined|added)\b"
)
# "..., the Dewan Rakyat was told today.", "The Senate was told that ...": who told it
# comes in the next sentence.
_TOLD_BODY = re.compile(
    r"(?:^|,\s+|\bthe\s+)(?!(?:He|She|They|It|We|I|You)\b)(?:[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*){0,3}|(?:house|court|senate"
    r"|assembly|parliament|council|committee|meeting|inquiry|hearing|tribunal|jury|panel"
    r"|conference|chamber|legislature))\s+(?:was|were)\s+(?:also\s+)?(?P<verb>told)\b(?!\s+(?:by|to)\b)"
)


def _told_by(told: _Sentence, after: _Sentence) -> None:
    """The sentence a body was told gets the chain of the next sentence in the same or the
    next paragraph, when that one names who speaks."""
    if (
        not after.chain
        or after.paragraph - told.paragraph > 1
        or not after.speeches
        or after.speeches[0].speaker is None
        or not after.speeches[0].speaker.is_named
    ):
        return
    match = _TOLD_BODY.search(told.masked)
    verb = Tok("told", match.start("verb"), match.end("verb"))
    told.speeches = [_Speech(verb, after.speeches[0].speaker, None)]
    told.chain = list(after.chain)


_QUOTED_BY_SENTENCE = re.compile(
    r"^\s*(?P<who>He|She|They|[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){0,2})\s+"
    r"(?:was|were|is|are)\s+(?:also\s+)?quoted\s+by\s+"
    r"(?:[\w-]+\s+){0,4}?(?P<by>[A-Z][\w.&\u2019'-]*(?:\s+(?:of\s+)?[A-Z][\w.&\u2019'-]*)*)"
    r"\s*\.?\s*$"
)

# "Ann Roe gave the Daily Courier a brief interview", "... granted Channel Five an
# exclusive interview": what she says in the copy came through that outlet
_GAVE_INTERVIEW = re.compile(
    r"(?P<who>[A-Z][\w\u2019'.-]+(?:\s+[A-Z][\w\u2019'.-]+){0,3})\s+"
    r"(?:has\s+|had\s+)?(?:gave|given|granted)\s+(?:the\s+)?"
    r"(?P<by>[A-Z][\w.&\u2019'-]*(?:\s+[A-Z][\w.&\u2019'-]*){0,3})\s+"
    r"an?\s+(?:[\w-]+\s+){0,2}?interview\b"
)


def _note_relay(
    declared: re.Match[str],
    sentence: _Sentence,
    tracker: EntityTracker,
    quoted_by: list[tuple[int, int, Entity, Entity]],
) -> None:
    """Keep "who" and the outlet "by" that relays what they say in the copy."""
    speaker = tracker.resolve(declared.group("who"))
    relay = tracker.resolve(declared.group("by"))
    if speaker is not None and relay is not None and speaker is not relay:
        quoted_by.append((sentence.paragraph, sentence.start, speaker, relay))


def _relay_quoted_by(
    claims: list[SuggestedClaim],
    quoted_by: list[tuple[int, int, Entity, Entity]],
    sentences: list[_Sentence],
) -> None:
    """ "... she said. She was quoted by Pakistani news outlet Dawn.": her words in the
    copy reached it through Dawn. A claim takes the declaration in its own paragraph,
    else the latest one before it."""
    if not quoted_by:
        return
    starts = [s.start for s in sentences]
    for claim in claims:
        if not claim.sources or claim.kind == "characterization":
            continue
        index = max(0, bisect.bisect_right(starts, claim.start) - 1)
        paragraph = sentences[index].paragraph if sentences else -1
        first = claim.sources[0].name
        same = [q for q in quoted_by if q[0] == paragraph and q[2].name == first]
        before = [q for q in quoted_by if q[1] <= claim.start and q[2].name == first]
        chosen = (same or before or [None])[-1]
        if chosen is None:
            continue
        relay = _source(chosen[3])
        if all(s.name != relay.name for s in claim.sources):
            claim.sources = [*claim.sources, relay]


def _documents_to_their_body(claims: list[SuggestedClaim], sentences: list[_Sentence]) -> None:
    """ "Official statistics showed exports fell 6%. ... the statistics office said.": bare
    figures, results or statistics are those of the body that speaks for the data next to
    them (the sentence after, or the one after that when the one between names nobody
    ("Economists cautioned ..."), else the one before; no paragraph between them)."""
    for index, sentence in enumerate(sentences):
        if not sentence.chain or not all(_generic_document(e) for e in sentence.chain):
            continue
        body = _data_body_near(sentences, index)
        if body is None:
            continue
        bare = [e.name for e in sentence.chain]
        for claim in claims:
            if (
                sentence.start <= claim.start < sentence.end
                and [s.name for s in claim.sources] == bare
            ):
                claim.sources = [_source(body)]


def _data_body_near(sentences: list[_Sentence], index: int) -> Entity | None:
    here = sentences[index].paragraph
    for other in (index + 1, index + 2, index - 1):
        if not 0 <= other < len(sentences) or abs(sentences[other].paragraph - here) > abs(
            other - index
        ):
            continue
        if other == index + 2 and any(e.is_named for e in sentences[index + 1].chain):
            continue  # the sentence between names its own speaker: the data are not further on
        chain = sentences[other].chain
        if chain and _data_body(chain[0]):
            return chain[0]
    return None


def _data_body(entity: Entity) -> bool:
    """A named body that puts out data (not a person, an outlet or a document)."""
    return (
        entity.is_named
        and not entity.is_person
        and entity.kind not in ("publication", "document", "agency")
    )


def _generic_document(entity: Entity) -> bool:
    """ "the official data", "figures": nobody named stands behind them."""
    words = [w.lower() for w in entity.name.split()]
    return (
        entity.unnamed
        and entity.kind == "document"
        and bool(words)
        and words[-1] in lx.GENERIC_DOCUMENTS
        and all(w in lx.GENERIC_DOCUMENTS | _PLAIN_DATA_WORDS for w in words)
    )


_PLAIN_DATA_WORDS = lx.words(
    "official latest new available the these those such final earlier previous preliminary "
    "provisional initial monthly quarterly annual weekly recent"
)


def _name_descriptions(claims: list[SuggestedClaim], tracker: EntityTracker) -> None:
    """Replace "a provincial governor" by the governor the copy names later."""
    later = tracker.named_later()
    if not later:
        return
    by_name = {(e.name, e.kind): later[id(e)] for e in tracker.entities if id(e) in later}
    for claim in claims:
        replaced: list[SuggestedSource] = []
        for source in claim.sources:
            named = by_name.get((source.name, source.kind))
            links = [_source(named) if named is not None else source]
            if named is not None and named.affiliation is not None and named.speaks_for_affiliation:
                links.append(_source(named.affiliation))  # "a police chief" -> X of Y police
            for link in links:
                if all(link.name != r.name for r in replaced):
                    replaced.append(link)
        claim.sources = replaced


# "the researchers", "the team", "the study", "his research": vague only when the copy
# has not named the study, the journal or the author they refer back to.
_RESEARCH_HEADS = lx.words(
    "research researchers researcher team study studies paper authors report assessment"
)
_NAME = (
    r"[A-Z][\w&\u2019'-]*"
    r"(?:\s+(?:of|for|and|&|in|on)\s+[A-Z][\w&\u2019'-]*|\s+[A-Z][\w&\u2019'-]*){0,6}"
)
# "Two new studies in the New England Journal of Medicine", "Research in Science Advances",
# "a paper published in the journal Nature"
_JOURNAL = re.compile(
    r"\b(?:[Ss]tud(?:y|ies)|[Rr]esearch|[Pp]apers?|[Ff]indings|[Pp]ublished|[Aa]rticles?|[Tt]rials?)\b"
    r"[^.;\n]{0,40}?\bin\s+(?:the\s+)?(?:(?:medical|scientific|academic)\s+)?(?:journal\s+)?"
    r"(?P<name>" + _NAME + r")"
)
# "the report by the Intergovernmental Panel on Climate Change", "The IPCC report"
_REPORT_BY = re.compile(
    r"\b(?:report|assessment)\s+(?:by|from|of)\s+(?:the\s+)?(?P<name>" + _NAME + r")"
    r"|\b[Tt]he\s+(?P<owner>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})\s+(?:report|assessment)\b"
)
# "The lead author, John Wiens, said", "the study's author Ann Roe"
_AUTHOR = re.compile(
    r"\b(?:lead|senior|first|principal|co-?)?\s*(?:author|investigator)s?,?\s+"
    r"(?P<name>[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w.\u2019'-]+){1,3})"
)
_STUDY_SUBJECT = re.compile(
    r"\s*(?:The|One|A|This|That|Both|Each)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:study|studies|trial|trials|paper|researchers|team|authors)\b"
)
_POSSESSED_RESEARCH = re.compile(
    r"\b(?:his|her|their)\s+(?:own\s+|latest\s+|new\s+)?(?:research|study|studies|team|paper|work)\b",
    re.IGNORECASE,
)


def _research_references(body: str, claims: list[SuggestedClaim], tracker: EntityTracker) -> None:
    """A claim credited to "the researchers", "the team" or "One Italian study" after the copy
    has named the study's journal or author is checked with that journal or author; "his
    research" is the research of the person last quoted before it."""
    anchors = [(m.start(), m.group("name"), "publication") for m in _JOURNAL.finditer(body)]
    anchors += [(m.start(), m.group("name"), "person") for m in _AUTHOR.finditer(body)]
    anchors += [
        (m.start(), m.group("name") or m.group("owner"), "organisation")
        for m in _REPORT_BY.finditer(body)
    ]
    anchors.sort()
    speaker: list[SuggestedSource] = []
    for claim in sorted(claims, key=lambda c: c.start):
        first = claim.sources[0] if claim.sources else None
        if first is not None and not first.unnamed and first.kind == "person":
            speaker = [s for s in claim.sources if not s.unnamed]
        opening = max(body.rfind(". ", 0, claim.start), body.rfind("\n", 0, claim.start))
        closing = [at for at in (body.find(". ", claim.end), body.find("\n", claim.end)) if at >= 0]
        sentence = body[opening + 1 : min(closing, default=len(body))]
        vague = (
            first is not None
            and first.unnamed
            and bool(first.name.split())
            and first.name.split()[-1].lower() in _RESEARCH_HEADS
            and all(s.unnamed for s in claim.sources)  # "A study in The Lancet": relayed
        )
        # "The second study, of almost 1,000 children, introduced ...", "The team reported
        # that ...": the study or its team is the subject
        carried = "no source named" in claim.reason and _STUDY_SUBJECT.match(sentence)
        if not vague and not carried:
            continue
        links: list[SuggestedSource] = []
        if speaker and _POSSESSED_RESEARCH.search(sentence):
            links = list(speaker)  # "according to his research"
        else:
            earlier = [(name, kind) for at, name, kind in anchors if at < claim.end]
            entity = tracker.resolve(earlier[-1][0]) if earlier else None
            if entity is not None and entity.is_named:
                links = [_source(entity)]
                links[0].kind = earlier[-1][1]
        if not links:
            continue
        for link in claim.sources[1:]:
            if all(link.name != r.name for r in links):
                links.append(link)
        claim.sources = links
        claim.reason += " (the study named earlier: " + links[0].name + ")"


_WIRE_DATELINE = re.compile(
    r"^(?:\s*date \d{4}-\d\d-\d\d\s+)?"
    r"[A-Z][A-Za-z .,'\u2019()/-]{1,60}?\((?P<agency>[A-Z][\w .&-]{1,30})\)"
    r"\s*(?:-|\u2014|\u2013|--|:)",
    re.MULTILINE,
)
_WIRE_LINE = re.compile(
    r"^\s*(?:/\s*)?Source:(?!\s*[Aa]gencies\b)\s*(?P<agency>[^\n|]{2,40}?)\s*$"
    r"|^(?:Content|This (?:article|story)) (?:was )?(?:created|written|produced|first published)"
    r" by (?:[Tt]he )?(?P<content>[A-Z][\w&' -]{2,50}?)(?= is\b| and\b|[.,])"
    r"|^\s*(?P<bare>AFP|AP|Reuters|Agence France-Presse|Associated Press)\s*\|?\s*$"
    r"|^[A-Z]{3,}\s+-\s+(?P<after>Agence France-Presse|Associated Press|Reuters)\s*$",
    re.MULTILINE,
)
_HEADLINE_LABEL = re.compile(r"^(?:[A-Z]{3,}|[A-Z][a-z]+ news)\s*:\s*")


class _Carrier:
    """Whom to check an unattributed figure with: headline speaker, wire agency or outlet."""

    def __init__(
        self,
        body: str,
        title: str | None,
        outlet: str | None,
        tracker: EntityTracker,
        byline: str | None = None,
    ) -> None:
        self.tracker = tracker
        self.body = body
        self.title = _HEADLINE_LABEL.sub("", title or "").strip()
        self.wire = _wire_credit(body) or _agency_byline(byline)
        self.outlet = outlet.strip() if outlet and outlet.strip() else None
        self.issuer: Entity | None = None

    def note_issuer(self, sent: str, speech: _Speech) -> None:
        """ "Acme Corp. (OTCBB: ACME), a company engaged in ..., reported today": the copy is
        the company's release, so figures no one else is credited with are its own."""
        if (
            self.issuer is None
            and speech.speaker is not None
            and speech.speaker.is_named
            and not speech.speaker.is_person
            and speech.speaker_span is not None
            and _TICKER_AFTER.match(sent, speech.speaker_span[1])
        ):
            self.issuer = speech.speaker

    def for_figure(self, figure: str) -> tuple[list[Entity], str]:
        digits = re.sub(r"[^\d.]", "", figure)
        if (digits and digits in re.sub(r"[^\d. ]", " ", self.title).split()) or (
            self._same_count_word(figure)
        ):
            speaker = self._headline_speaker()
            if speaker is not None:
                return [speaker], "the headline gives it to"
        if self.issuer is not None:
            return [self.issuer], "no source named: a release from"
        for name, reason in (
            (self.wire, "no source named: wire copy from"),
            (self.outlet, "no source named: check with the outlet,"),
        ):
            if name:
                return [self.tracker.detached(name)], reason
        return [], ""

    def _body_named_later(self, label: str) -> Entity | None:
        """ "Monitor: ..." over a story that names the Syrian Observatory only further down."""
        fitting = lx.MONITOR_WORDS if label in lx.MONITOR_WORDS else {label}
        for match in _NAMED_BODY.finditer(self.body):
            words = {w.lower() for w in match.group(0).split()}
            if words & fitting and len(words) > 1:
                rest = _NAME_GOES_ON.match(self.body, match.end())
                return self.tracker.resolve(match.group(0) + (rest.group(0) if rest else ""))
        return None

    def _same_count_word(self, figure: str) -> bool:
        """ "Dozens of people were killed" under "Monitor: dozens killed in ...": the
        headline's count in words."""
        words = re.findall(r"[a-z]+", figure.lower())
        count = words[0] if words and words[0] in _COUNT_WORDS else None
        return count is not None and count in re.findall(r"[a-z]+", self.title.lower())

    def _headline_speaker(self) -> Entity | None:
        """ "EC announces 72.69% turnout", "Monitor: dozens killed"."""
        labelled = re.match(r"^(?P<who>[A-Z][\w .'\u2019&-]{1,40}?):\s", self.title)
        trailing = re.search(
            r"[:\u2013\u2014-]\s*(?P<who>[A-Za-z][\w .'\u2019&-]{1,40})$", self.title
        )
        for found in (labelled, trailing):  # "Monitor: dozens killed", "Dozens killed: UN"
            who = found.group("who").strip() if found else ""
            if (
                who
                and len(who.split()) <= 4
                and not re.search(r"\d", who)
                and who.lower() not in _HEADLINE_KICKERS
            ):
                if len(who.split()) == 1 and who.lower() in lx.ORG_REFERENCE_KINDS:
                    named = self.tracker.resolve(f"the {who.lower()}")  # "Monitor:" the monitor
                    if named is not None and named.is_named:
                        return named
                    named = self._body_named_later(who.lower())
                    if named is not None:  # the monitor the story names further down
                        return named
                return self.tracker.resolve(who)
        masked = _QUOTES.sub(lambda m: MASK + " " * (len(m.group(0)) - 1), self.title)
        speeches = _find_speeches(self.title, masked, self.tracker)
        return speeches[0].speaker if speeches else None


# "... Observatory" + " for Human Rights": the rest of a body's name
_NAME_GOES_ON = re.compile(
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)*)+"
)
_COUNT_WORDS = lx.words("dozens scores hundreds thousands millions tens")
_HEADLINE_KICKERS = lx.words(
    "watch video live breaking update updated opinion analysis explainer photos exclusive "
    "report listen podcast editorial comment"
)


def _wire_credit(body: str) -> str | None:
    """The agency a story is credited to ("KABUL (Reuters) -", "Source: BBC", "AFP |")."""
    head = body[:3000]
    match = _WIRE_DATELINE.search(head)
    if match is not None and not _credits_an_agency(match.group("agency")):
        match = None  # "Indore (Madhya Pradesh):": the state the city is in, not a wire
    match = match or _WIRE_LINE.search(head)
    if match is None:
        match = _WIRE_LINE.search(body[-600:])
    if match is None:
        match = _TRAILING_CREDIT.search(body[-300:])
        if (
            match is not None
            and match.group("agency")
            and not _names_an_agency(match.group("agency"))
        ):
            match = None
    if match is None:
        return None
    name = next(g for g in match.groups() if g)
    return name.strip(" .")


# "... 35 candidates contested. (NAN)", "... he added. \u2014 Bernama": the wire at the end
_TRAILING_CREDIT = re.compile(
    r"(?:[(\[]\s*(?P<agency>[A-Z][A-Za-z]{1,14})\s*[)\]]"
    r"|[.\u201d\"]\s+[-\u2013\u2014]\s*(?P<dash>[A-Z][A-Za-z]{2,14}))\s*$"
)


def _names_an_agency(name: str) -> bool:
    known = lookup_gazetteer(name)
    if known is not None:
        return known.kind in ("agency", "publication")
    return 2 <= len(name) <= 6 and name.isupper() and name not in _NOT_AGENCIES


def _credits_an_agency(name: str) -> bool:
    """ "(PTI)", "(Reuters)", "(Kuwait News Agency)"; never a place in brackets ("(Madhya
    Pradesh)", "(West Java)"): one word, an acronym, a known wire or an agency's name."""
    name = name.strip()
    return (
        len(name.split()) == 1
        or _names_an_agency(name)
        or bool(_AGENCY_NAME_WORDS & set(name.lower().split()))
    ) and normalise_name(name) not in lx.COUNTRIES


_AGENCY_NAME_WORDS = lx.words("news agency press wire service media agence presse")


_NOT_AGENCIES = frozenset({"PDT", "EDT", "EST", "GMT", "IST", "UTC", "BST", "CET", "AM", "PM"})


def _agency_byline(byline: str | None) -> str | None:
    """ "AFP" as the byline: the copy is the agency's."""
    match = _WIRE_LINE.fullmatch(byline.strip()) if byline else None
    return match.group("bare") if match and match.group("bare") else None


_NAMED_BODY = re.compile(
    r"\b(?:[A-Z][\w\u2019'&.-]*\s+(?:(?:of|for|and|on|the)\s+)*){1,5}(?:"
    + "|".join(sorted(h.capitalize() for h in lx.COREF_HEADS))
    + r")\b"
)


_DEFINED_ACRONYM = re.compile(
    r"\b(?P<name>[A-Z][\w\u2019'&.-]*(?:,?\s+(?:(?:of|for|and|on|in|the|de)\s+)*[A-Z][\w\u2019'&.-]*)"
    r"{1,9})\s+\((?P<short>[A-Z]{2,8})\)"
)


def _defined_name(name: str, short: str) -> str:
    """The name an acronym defines: from the first word that spells it ("UN Stabilization
    Mission in Haiti (MINUSTAH)", "Philippine Atmospheric, Geophysical and ... (PAGASA)"),
    else the capitalised run before it, never across "in" or a comma ("Kabul")."""
    name_words = name.split()
    for start, word in enumerate(name_words):
        if word[:1].isupper() and spells_acronym(" ".join(name_words[start:]), short):
            for prefix in _UN_PREFIX:  # "UN Office for the Coordination of ... (OCHA)"
                if tuple(name_words[max(start - len(prefix), 0) : start]) == prefix:
                    start -= len(prefix)
                    break
            return " ".join(name_words[start:])
    run = re.split(r",\s+|\s+in\s+", name)[-1]
    return run if len(run.split()) >= 2 else ""  # "DAKAR, Senegal (AP)": no name defined


def _gazetteer_mentions() -> re.Pattern[str]:
    names = {n for known in GAZETTEER for n in known.all_names() if len(n) > 2}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


_MENTIONS = _gazetteer_mentions()


def _note_named_bodies(masked: str, tracker: EntityTracker) -> None:
    """Register "the Transport Workers Union" when named, so "the union" can refer back;
    well-known sources named in passing ("employed by Reuters") and acronyms defined
    in brackets ("Electoral Commission (EC)") likewise."""
    for match in _NAMED_BODY.finditer(masked):
        rest = _NAME_GOES_ON.match(masked, match.end())  # "Reserve Bank" + " of Ruritania"
        name = match.group(0) + (rest.group(0) if rest else "")
        first = name.split()[0].lower()
        if first in lx.NOT_NAME_OPENERS and first != "the":
            name = name.split(maxsplit=1)[1] if " " in name else ""
        if len(name.split()) >= 2:
            tracker.resolve(name)


_FIRST_SPEECH_VERB = re.compile(
    r"\b(?:" + "|".join(sorted(lx.SPEECH_VERBS | lx.DOCUMENT_VERBS)) + r")\b|\b[Aa]ccording\b"
)


_COMPANY_NAME = r"(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
_COMPANY_MENTION = re.compile(
    r"\b[Ss]hares\s+(?:of|in)\s+" + _COMPANY_NAME + r"(?=[\s,.;])"
    r"|(?<![\w.-])" + _COMPANY_NAME.replace("name", "described") + r",\s+(?:the|a|an)\s+"
    r"(?:[\w\u2019'-]+\s+){0,5}?(?:company|maker|firm|provider|retailer|manufacturer|carrier"
    r"|operator|bank|lender|insurer|developer|producer|chain|conglomerate)\b"
)


def _note_companies(masked: str, tracker: EntityTracker) -> None:
    """ "Shares of Motorola", "Motorola, the world's second-biggest maker of phones":
    a company named in passing, so a later "the company said" refers to it."""
    for match in _COMPANY_MENTION.finditer(masked):
        name = match.group("name") or match.group("described")
        if name.split()[0].lower() in lx.NOT_NAME_OPENERS or tracker.existing(name) is not None:
            continue
        entity = tracker.resolve(name, description="a company")
        if entity is not None and not entity.unnamed and entity.kind in ("person", "official"):
            entity.kind = "organisation"


def _note_mentions(masked: str, tracker: EntityTracker) -> None:
    """After the sentence's own speakers: sources named in passing, defined acronyms."""
    _note_companies(masked, tracker)
    for match in _MENTIONS.finditer(masked):
        tracker.mention(match.group(0))
    for match in _DEFINED_ACRONYM.finditer(masked):
        name = _defined_name(match.group("name"), match.group("short"))
        if name and name.split()[0].lower() in lx.NOT_NAME_OPENERS:
            name = name.split(maxsplit=1)[1] if " " in name else ""
        if name and not _note_titled_holder(masked, match, name, tracker):
            tracker.alias(name, match.group("short"))


_HOLDER_AFTER_ACRONYM = re.compile(
    r"(?P<comma>,)?\s+(?P<words>[A-Z][\w\u2019'-]+(?:\s+(?:[A-Z][\w\u2019'-]+|al|bin|de|van|von)){1,4})\b"
)
_DEFINED_AFTER = re.compile(r"\s*\([A-Z]{2,6}\)")
_HOLDER_TITLES = lx.OFFICIAL_TITLES | lx.PERSON_REFERENCE_ROLES | lx.FORCE_RANKS
_HONORIFICS = lx.PERSON_TITLES | lx.OFFICIAL_TITLES | lx.FORCE_RANKS


def _names_a_post(name: str) -> bool:
    """ "Chief Election Commissioner", "Police Public Relations Officer", "Inspector
    General Police" (a post written without its "of"): a title, not a body."""
    tokens = name.lower().split()
    return tokens[-1] in _HOLDER_TITLES or (
        tokens[-1] == "police" and any(t in _HOLDER_TITLES for t in tokens[:-1])
    )


def _note_titled_holder(
    masked: str, match: re.Match[str], name: str, tracker: EntityTracker
) -> bool:
    """A defined acronym right before a titled person's name: "Chief Election Commissioner
    (CEC) Sam Roe" makes "the CEC" and "the Chief Election Commissioner" Sam Roe;
    "Election Commission (EC) Chairman Sam Roe" makes Sam Roe the chairman of that body
    (so "the Chairman" refers to him). True when the acronym names the holder's title."""
    holder = _HOLDER_AFTER_ACRONYM.match(masked, match.end())
    if holder is None or (holder.group("comma") and not _names_a_post(name)):
        return False
    words_ = holder.group("words").split()
    if _names_a_post(name):  # "(IGP) Dr Sam Roe", "(PPRO), CSP Sam Roe": honorific or rank
        while len(words_) > 2 and words_[0].lower().strip(".") in _HONORIFICS:
            words_ = words_[1:]
    title = words_[0] if words_[0].lower() in _HOLDER_TITLES else None
    person = " ".join(words_[1:] if title else words_)
    if len(person.split()) < 2 or any(
        w.lower() in _HOLDER_TITLES | lx.ROLE_NOUNS for w in person.split()
    ):
        return False
    if _names_a_post(name):  # "... (CEC) Justice Sam Roe": an honorific
        entity = tracker.resolve(person)  # the post is what she is, never a body she serves
        if entity is not None and entity.is_person:
            entity.keys |= {normalise_name(name), normalise_name(match.group("short"))}
            entity.titles.add(normalise_name(name))
            entity.roles |= {w for w in name.lower().split() if w in _HOLDER_TITLES}
            return True
        return False
    if title is not None:  # the acronym names the body the titled person heads
        tracker.alias(name, match.group("short"))
        body = name if name.lower().startswith("the ") else f"the {name}"
        tracker.resolve(person, description=f"{title} of {body}")
        return True
    return False


# a word opening a subordinate clause before the sentence's own subject
_CLAUSE_SUBORDINATORS = lx.words(
    "when whenever while if after before as once since because although though unless until "
    "whereas whether"
)


def _owner_in_a_phrase(text: str) -> bool:
    """ "Most of Kessel's", "Half of Roe's": a possessive after lower-case words."""
    words = text.split()
    return words[-1].endswith(("'s", "\u2019s")) and any(w[:1].islower() for w in words)


def _note_subject(sentence: _Sentence, tracker: EntityTracker) -> None:
    """ "Ekberg dismissed the figure." makes Ekberg the referent of a following "he said"."""
    toks = tokenize(sentence.masked)
    if _note_document_maker(sentence, toks, tracker):
        return
    span = np_after(toks, 0)
    if not span or not toks[span[0]].is_cap:
        return
    if span[1] - span[0] == 1 and toks[span[0]].lower in lx.PRONOUNS_THING:
        referent = tracker.pronoun(toks[span[0]].text)  # "It polled 3,000 teachers": the body
        if referent is not None and referent.is_named and not referent.is_person:
            sentence.subject = referent
        return
    if toks[span[0]].lower in _PREPOSITIONS | lx.words("among amongst"):
        return  # "Among the Observatory's documented deaths were ...": no subject named
    if toks[span[0]].lower in _CLAUSE_SUBORDINATORS:
        # "When Roe retorted that ...": Roe, the clause's subject, never "When Roe"
        span = np_after(toks, span[0] + 1)
        if not span or not toks[span[0]].is_cap:
            return
    text = sentence.masked[toks[span[0]].start : toks[span[1] - 1].end]
    if _owner_in_a_phrase(text):
        return  # "Most of Kessel's cities saw ...": the cities are the subject, no one named
    entity = tracker.existing(text)
    if (
        entity is None
        and _names_a_post(text)
        and _DEFINED_AFTER.match(sentence.masked, toks[span[1] - 1].end)
    ):
        return  # "Punjab Inspector General Police (IGP) Dr X ordered": the holder, named next
    if entity is None and len(text.split()) >= 2 and toks[span[0]].lower != "the":
        entity = tracker.resolve(text)  # "Transport minister Helen Achterberg urged ..."
    elif entity is None and toks[span[0]].lower == "the" and span[1] - span[0] >= 3:
        body = tracker.resolve(text)  # "The Harbour Board met ... Its spokesman said"
        entity = body if body is not None and names_a_body(body.name) else None
    if entity is not None and entity.is_person and entity.affiliation is None:
        described = _SUBJECT_DESCRIPTION.match(sentence.masked, toks[span[1] - 1].end)
        if described:  # "Mr Jon Ames, the spokesperson of the Ministry didn't ..."
            tracker.resolve(text, description=described.group("d"))
    # "Acme Corp posted ...": the legal form names a body the entity's short name drops
    if (
        entity is not None
        and entity.is_named
        and (names_a_body(entity.name) or (not entity.is_person and names_a_body(text)))
    ):
        tracker.last_thing = entity
        sentence.subject = entity
    elif entity is not None and entity.is_person:
        tracker.spoke(entity, quoted=False)  # "Ekberg dismissed the figure": not his words
        sentence.subject = entity
    elif entity is not None and _described_body(entity, toks, span):
        sentence.subject = entity  # "The elections commission has begun announcing results"


def _described_body(entity: Entity, toks: list[Tok], span: tuple[int, int]) -> bool:
    """ "The elections commission", "the state electricity board": a body described in lower
    case by what it is for, with an institution's head noun (not "the company", which
    refers back, nor "the commission" alone)."""
    return (
        not entity.unnamed
        and entity.kind in ("government", "organisation")
        and span[1] - span[0] >= 3
        and all(t.is_word and not t.is_cap for t in toks[span[0] + 1 : span[1]])
        and toks[span[1] - 1].lower in lx.NAMED_HEAD_ONLY
    )


# "The survey was conducted by the Tide Institute", "This study was funded by Acme": the
# maker answers for the document, so a later "it" (the survey) speaks as the maker.
_DOCUMENT_MADE_BY = re.compile(
    r"^\s*(?:The|This|That|These|A|An|Its|Their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:" + "|".join(sorted(lx.DOCUMENT_NOUNS)) + r")\s+"
    r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:jointly\s+)?"
    r"(?:conducted|carried\s+out|commissioned|published|compiled|released|produced|prepared"
    r"|written|led|funded|run|done|issued|undertaken)\s+by\s+"
)


def _note_document_maker(sentence: _Sentence, toks: list[Tok], tracker: EntityTracker) -> bool:
    """ "The survey was conducted by the Tide Institute. It polled ...": the maker is the
    referent of the "it" that follows."""
    made = _DOCUMENT_MADE_BY.match(sentence.masked)
    begin = _token_index_at(toks, made.end()) if made else None
    span = np_after(toks, begin) if begin is not None else None
    if span is None:
        return False
    maker = tracker.resolve(sentence.masked[toks[span[0]].start : toks[span[1] - 1].end])
    if maker is None or not maker.is_named:
        return False
    if maker.is_person:
        tracker.spoke(maker, quoted=False)
    else:
        tracker.last_thing = maker
    return True


# What a body does itself and answers for: releasing, deciding, ordering, posting its
# results. "The Harbour Board released figures", "The central bank raised its rate",
# "The High Court has imposed a fine", "Acme posted a 5% rise in profit". Not what merely
# happens to it or what it achieves ("FC Rovers registered a win", "Acme's shares fell").
_BODY_ACTS = (
    "released|published|issued|decided|voted|approved|raised|cut|lowered|lifted|hiked"
    "|kept|imposed|ordered|fined|sentenced|awarded|upheld|posted|polled|surveyed"
    "|(?:began|begun|started)\\s+(?:announcing|releasing|publishing)"
)
_BODY_ACT_AFTER_SUBJECT = re.compile(
    r"\s*(?:\([A-Z][\w.&-]{1,10}\)\s*)?,?\s*"  # "Ruritania's Electoral Commission (REC)"
    r"(?:(?:on\s+[A-Z][a-z]+day|has|have|had|also|today|yesterday|since\s+[A-Z][a-z]+day"
    r"|officially|formally|unexpectedly|unanimously|again|last\s+(?:week|month))\s+)*"
    r"(?:" + _BODY_ACTS + r")\b"
)


_FORECAST_REVISION = re.compile(
    r"^\s*(?:(?:And|But|Meanwhile|Separately),?\s+)?(?P<who>[A-Z][^,\u00a4]*?)"
    r"(?P<described>,\s+(?:an?|the)\s+[^,\u00a4]+,)?"
    r"\s+(?:(?:also|has|have|had|on\s+[A-Z][a-z]+day)\s+)*"
    r"(?:raised|lowered|lifted|boosted|cut|trimmed|increased|reduced|hiked|slashed|kept"
    r"|maintained|reiterated|upgraded|downgraded)\s+(?:its|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:target|forecast|estimate|rating|outlook|guidance|projection)s?\b"
)


def _forecast_reviser(sentence: _Sentence, tracker: EntityTracker) -> Entity | None:
    """Who raises, lowers or keeps its own target, forecast or estimate gives the figure:
    "Deutsche Bank boosted its price target to $241 from $197", "Tom Lee, an analyst at
    Acme, lowered his forecast to 5 cents a share"."""
    match = _FORECAST_REVISION.match(sentence.masked)
    if match is None:
        return None
    described = match.group("described")
    entity = tracker.resolve(
        match.group("who"), description=described.strip(" ,") if described else ""
    )
    if entity is None or entity.unnamed or not entity.name[:1].isupper():
        return None
    if entity.kind == "person" and not entity.roles and " its " in match.group(0):
        entity.kind = "organisation"  # "Oppenheimer lifted its price target": a firm
    return entity


def _acting_body(sentence: _Sentence) -> Entity | None:
    """A named body opening a sentence nobody is quoted in, with a verb of what the body
    itself does (releases, decides, orders, posts): the figures and the act are its own
    ("The Harbour Board on Monday released figures showing ...")."""
    subject = sentence.subject
    if subject is None or subject.is_person or sentence.speeches:
        return None
    if not subject.is_named and not names_a_body(subject.name):
        return None
    if subject.kind in ("publication", "document"):
        return None  # "The Courier published ...": the outlet's own copy, not a source
    toks = tokenize(sentence.masked)
    span = np_after(toks, 0)
    if not span:
        return None
    verb = _BODY_ACT_AFTER_SUBJECT.match(sentence.masked, toks[span[1] - 1].end)
    return subject if verb else None


_SUBJECT_DESCRIPTION = re.compile(
    r",\s+(?P<d>(?:the|a|an)\s+(?:[A-Za-z-]+\s+){0,3}?(?:of|for|at|with)\s+(?:the\s+)?"
    r"[A-Z][\w&.\u2019'-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w&.\u2019'-]*))*)"
)


_THERE_WERE_REPORTS = re.compile(
    r"^\s*There\s+(?:also\s+)?(?:were|are|have\s+been)\s+(?:also\s+)?"
    r"(?P<what>(?:unconfirmed|unverified|conflicting|local|media|press|further|other)?\s*"
    r"(?:reports|claims|rumours|rumors))\s+that\b"
)
_IMPERSONAL_REPORT = re.compile(
    r"^\s*It\s+(?:is|was|has\s+been)\s+(?:also\s+|further\s+)?"
    r"(?P<verb>added|noted|stated|said|reported|announced|explained|stressed)\s+that\b"
)
_COLON_INTRO = re.compile(r"^(?P<intro>[^\u00a4:]{3,160}?):\s*\u00a4")


def _colon_introducer(sent: str, masked: str, tracker: EntityTracker) -> Entity | None:
    """Who speaks a quotation that a colon introduces without a speech verb:
    "Mayor Ann Roe was blunt: \u201c...\u201d", "The coach had a message: \u201c...\u201d".

    The subject opening the sentence, when it is a person or a named body.
    """
    match = _COLON_INTRO.match(masked)
    if match is None:
        return None
    toks = tokenize(match.group("intro"))
    begin = _skip_comma_circumstance_ahead(toks)
    span = np_after(toks, begin)
    if span and begin == 0 and span[1] == len(toks) and span[1] - span[0] >= 2:
        return _transcript_speaker(sent, toks, span, tracker)
    if not span or span[1] >= len(toks) or not toks[span[1]].is_word:
        return None  # a label ("Note:") or a bare noun phrase, not a subject and its verb
    phrase = sent[toks[span[0]].start : toks[span[1] - 1].end]
    if phrase.split()[0].lower() in lx.NOT_NAME_OPENERS - {"the"}:
        return None
    entity = tracker.resolve(phrase)
    if entity is None or entity.kind == "document":
        return None
    if entity.is_person or entity.is_named or entity.kind in ("official", "person"):
        return entity
    return None


def _transcript_speaker(
    sent: str, toks: list[Tok], span: tuple[int, int], tracker: EntityTracker
) -> Entity | None:
    """'Ann Roe: "We played well."' as a press conference is written up: a person's full
    name alone before the colon speaks the quotation (never a one-word label, "Note:")."""
    if not _all_name(toks[span[0] : span[1]]) or toks[span[0]].lower in lx.NOT_NAME_OPENERS:
        return None
    entity = tracker.resolve(sent[toks[span[0]].start : toks[span[1] - 1].end])
    return entity if entity is not None and entity.is_person and entity.is_named else None


def _skip_comma_circumstance_ahead(toks: list[Tok]) -> int:
    """ "On Monday, the mayor was blunt:": the subject after a leading circumstance."""
    if toks and toks[0].lower in _CIRCUMSTANCE_OPENERS:
        for k, tok in enumerate(toks[:8]):
            if tok.text == ",":
                return k + 1
    return 0


def _sentences(body: str, quotes: list[tuple[int, int]]) -> list[_Sentence]:
    paragraph_starts = _paragraph_starts(body)
    quote_ends = [q_end for _, q_end in quotes]
    result = []
    p = 0
    for start, end in split_sentences(body):
        while p + 1 < len(paragraph_starts) and paragraph_starts[p + 1] <= start:
            p += 1
        masked = _hyphen_pairs_as_dashes(_blank_stamp(_mask(body, start, end, quotes, quote_ends)))
        result.append(_Sentence(start, end, p, masked))
    return result


# a scrape's spaced hyphens around an aside: "Eurostat - the EU's statistics office - said"


def _hyphen_pairs_as_dashes(masked: str) -> str:
    """Read spaced hyphens that come in a pair as the dashes they stand for (same length)."""
    hyphens = [m.start() for m in re.finditer(r"(?<=\s)-(?=\s)", masked)]
    if len(hyphens) < 2:
        return masked
    chars = list(masked)
    for first, second in itertools.pairwise(hyphens):
        if 3 <= second - first <= 84 and chars[first] == "-":
            chars[first] = chars[second] = "\u2014"
    return "".join(chars)


def _blank_stamp(masked: str) -> str:
    """ " date 2022-01-22 Health Ministry said": the scraped date is not part of the subject,
    nor is a wire dateline ("ISLAMABAD, April 25 (KUNA) -- At least three ...")."""
    offset = len(masked) - len(masked.lstrip())
    stamp = _DATE_STAMP.match(masked, offset)
    if stamp:
        masked = masked[:offset] + " " * (stamp.end() - offset) + masked[stamp.end() :]
        offset = stamp.end()
    dateline = _dateline_at(masked, offset, len(masked))
    if dateline:
        masked = masked[:offset] + " " * (dateline.end() - offset) + masked[dateline.end() :]
    return masked


def _dateline_at(text: str, start: int, end: int) -> re.Match[str] | None:
    """A wire dateline opening the sentence; not a capitalised name opening an aside
    between dashes ("NATO - the alliance of 32 countries - said"): a bare place with
    no date and no agency is a dateline only when its dash is not one of a pair."""
    dateline = _DATELINE_OPENING.match(text, start, end)
    if dateline is None:
        return _DASHLESS_DATELINE.match(text, start, end) or _COLON_DATELINE.match(text, start, end)
    if dateline.group("date") or dateline.group("agency"):
        return dateline
    dash = dateline.group("dash")
    if dash in ("-", "\u2014", "\u2013"):
        spaced = re.findall(rf"(?<=\s){re.escape(dash)}(?=\s)", text[start:end])
        if len(spaced) % 2 == 0:
            return None
    return dateline


# "(MENAFN- Kuwait News Agency (KUNA)) ISLAMABAD, April 25 (KUNA) -- ", "KABUL (AP) - "
_DATELINE_OPENING = re.compile(
    r"(?:\((?:[^()]|\([^()]*\))*\)\s*)?"  # a syndication credit before the dateline
    r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"  # the place, in capitals
    r"(?P<date>,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"  # the date
    r"\s*(?P<agency>\([A-Z][\w .&-]{1,30}\)\s*)?"  # the agency
    r"(?P<dash>--|-|\u2014|\u2013|:)\s+"
)
# A dateline whose dash the scrape lost, glued to the first sentence: a place with a
# date ("Lucknow, Jan 11 The High Court ..."), or a place in capitals before an article
# ("PARIS The UN climate panel said"); an acronym opening a sentence is followed by a
# name or a verb, never by "The".
_MONTH = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_DASHLESS_DATELINE = re.compile(
    r"(?:[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,2}"
    r",\s*(?:(?:" + _MONTH + r")\.?\s+\d{1,2}|\d{1,2}\s+(?:" + _MONTH + r"))"
    r"(?:,\s*\d{4})?\s*(?:\([A-Z][\w .&-]{1,30}\)\s*)?"
    r"|[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,2}\s+(?=(?:The|A|An)\s))"
    r"(?=[A-Z])"
)


# An Indian paper's dateline, a place in title case and a colon before the story's first
# words ("Rampur: Chief Minister Ann Roe said", "Una (Northshire): The party chief said",
# "Rampur, 30 Jan: The minister said"); a name before a colon that opens a quotation
# ('Ann Roe: "We played well"') is a transcript's speaker, not a dateline.
_COLON_DATELINE = re.compile(
    r"[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][a-z][\w.'’-]*){0,2}"
    r"(?:,\s*(?:(?:" + _MONTH + r")\.?\s+\d{1,2}|\d{1,2}\s+(?:" + _MONTH + r"))\.?)?"
    r"(?:\s*\([A-Z][\w .&-]{1,30}\))?"
    r":\s+(?=[A-Z])"
)


_FURNITURE_SENTENCE = re.compile(
    r"(?:\S+ / ){2,}"  # breadcrumbs: Home / World News / ...
    r"|^(?:Content|This (?:article|story)) (?:was )?(?:created|written|produced) by\b"
    r"|\b(?:All rights reserved|Click here|Sign in|Subscribe now|Leave a Reply|Read more)\b"
    r"|^(?:Published|Updated|Posted)(?: on)?\s+\S*\d",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"\b(?:Photo|Photograph|Picture|Image|Credit)\s*(?:/|:)|\(Photo\b"
    # "... Photo courtesy Cal Fire", "Photo by Ann Roe", "... Photo courte..." cut short
    r"|\b(?:Photo|Photograph|Picture|Image)s?\s+(?:courtesy\b|courte\S*\.\.\.|by\b|credit\b)"
)


def _furniture_paragraphs(body: str) -> set[int]:
    """Paragraphs that are captions ("... Photo / Alex Cairns"): nothing to check there."""
    found = set()
    for index, start in enumerate(_paragraph_starts(body)):
        end = body.find("\n", start)
        if _CAPTION.search(body, start, end if end >= 0 else len(body)):
            found.add(index)
    return found


def _paragraph_starts(body: str) -> list[int]:
    """Where paragraphs start; a line cut off mid-sentence ("The Commission reports")
    continues in the next one when that one starts in lower case."""
    starts: list[int] = []
    previous = ""
    for match in _PARAGRAPH.finditer(body):
        line = match.group(0).strip()
        if not (starts and previous and previous[-1].isalnum() and line[:1].islower()):
            starts.append(match.start())
        previous = line
    return starts


def _mask(
    body: str, start: int, end: int, quotes: list[tuple[int, int]], quote_ends: list[int]
) -> str:
    """The sentence with each quotation replaced by MASK and spaces (same length)."""
    chars = list(body[start:end])
    first = bisect.bisect_right(quote_ends, start)
    for q_start, q_end in quotes[first:]:
        if q_start >= end:
            break
        a, b = max(q_start, start) - start, min(q_end, end) - start
        chars[a:b] = [MASK] + [" "] * (b - a - 1)
    return "".join(chars)


def _sources(entities: list[Entity]) -> list[SuggestedSource]:
    return [_source(e) for e in entities]


def _source(entity: Entity) -> SuggestedSource:
    return SuggestedSource(
        name=entity.name,
        kind=entity.kind,
        source_id=entity.source_id if not entity.unnamed else None,
        affiliation=entity.affiliation.name if entity.affiliation else None,
        unnamed=entity.unnamed,
    )


_DATE_STAMP = re.compile(r"date \d{4}-\d\d-\d\d\s+")


def _claim(
    body: str,
    start: int,
    end: int,
    kind: str,
    sources: list[SuggestedSource],
    priority: str,
    reason: str,
    subject: SuggestedSource | None = None,
) -> SuggestedClaim:
    while start < end and body[start].isspace():
        start += 1
    stamp = _DATE_STAMP.match(body, start, end)
    if stamp:
        start = stamp.end()  # " date 2022-01-22 Health Ministry said ..."
    dateline = _dateline_at(body, start, end)
    if dateline:
        start = dateline.end()  # "KABUL (AP) - Six soldiers were killed ..."
    while end > start and body[end - 1] in " \t,;:\u2014\u2013":
        end -= 1
    return SuggestedClaim(body[start:end], start, end, kind, sources, priority, reason, subject)


_DATA_NOUNS = (
    r"(?:figures|data|report|estimates|survey|study|tally|count|leaderboard|ranking|rankings"
    r"|index|tracker|statistics|numbers|forecast|analysis|poll)\b"
)
_OWNED_DATA = re.compile(
    r"(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})[\u2019']s\s+(?:[\w-]+\s+){0,4}?"
    + _DATA_NOUNS
    # "the Observatory's documented deaths": what a monitor counted is its data
    + r"|(?P<counter>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})[\u2019']s\s+"
    r"(?:documented|recorded|counted|verified|confirmed|registered)\s+[a-z]"
    # "As per the final tally of the ECI", "data from the Census Bureau show"
     + r"|\b" + _DATA_NOUNS + r"\s+(?:[a-z]+\s+)?(?:of|from|by)\s+(?:the\s+)?"
    r"(?P<source>[A-Z][\w&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&.-]*){0,5})"
)
# "In its previous report on Friday, the count was ...", "According to their latest
# update, ...": the document of the body last named as a speaker
_ITS_DOCUMENT = re.compile(
    r"^\s*(?:In|According\s+to|Under)\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:" + "|".join(sorted(lx.DOCUMENT_NOUNS | lx.STATEMENT_NOUNS)) + r"|update|bulletin)\b"
)
_RESULTS_SUBJECT = re.compile(
    r"^\s*(?:(?:The|Its)\s+(?:company|firm|group)(?:[\u2019']s)?\b"
    r"|(?:The\s+company[\u2019']s\s+|Its\s+)?(?:[\w-]+\s+)?(?:net\s+)?(?:revenue|revenues|sales"
    r"|profit|profits|earnings|income|loss|turnover)\b)",
    re.IGNORECASE,
)
# "The devices group's revenue rose 4%", "..., posting a 10 per cent increase in revenue":
# a result of the company's named in the clause, not only at the sentence's start
_RESULTS_CLAUSE = re.compile(
    r"^[^,;:\u00a4]{0,60}?\b(?:revenue|revenues|sales|profit|profits|earnings|net\s+income)"
    r"\s+(?:rose|fell|grew|increased|decreased|declined|jumped|dropped|climbed|slipped|surged"
    r"|slumped|was|were|totalled|totaled)\b"
    r"|\b(?:posted|posting|reported|reporting)\s+an?\s+(?:[\w-]+\s+){0,4}?(?:increase|rise"
    r"|fall|drop|decline|gain|jump)\s+in\s+(?:\w+\s+)?(?:revenue|revenues|sales|profit|profits"
    r"|earnings|net\s+income)\b",
    re.IGNORECASE,
)
_REPORTEDLY = re.compile(r"\b(?:reportedly|purportedly)\b")


def _sentence_claims(
    body: str,
    sentence: _Sentence,
    tracker: EntityTracker,
    carrier: _Carrier,
) -> list[SuggestedClaim]:
    text = body[sentence.start : sentence.end]
    claims: list[SuggestedClaim] = []
    if not sentence.chain and not sentence.figures_from and _REPORTEDLY.search(sentence.masked):
        chain, _given = carrier.for_figure("")  # "was reportedly killed": the outlet's report
        if chain:
            sentence.chain = chain
    if (
        not sentence.chain
        and not sentence.figures_from
        and (_RESULTS_SUBJECT.match(sentence.masked) or _RESULTS_CLAUSE.search(sentence.masked))
    ):
        company = tracker.last_thing  # "The company earned $643 million", "Revenue rose 53%"
        if company is not None and company.is_named and company.kind == "organisation":
            sentence.figures_from = [company]
            sentence.figures_reason = "the company's own results, reported by"
    if sentence.chain:
        claims.append(_attribution_claim(body, sentence, text))
    claims.extend(_statistic_claims(body, sentence, text, carrier))
    claims.extend(_characterization_claims(body, sentence, tracker))
    if not sentence.chain and _only_scare_quotes(text, sentence.masked):
        event = _event_claim(body, sentence, text)
        if event is not None and not _event_is_the_figure(event, claims):
            _event_source(event, sentence, carrier)
            claims.append(event)
    return claims


_MASKED_QUOTE = re.compile("\u00a4 *")


def _only_scare_quotes(text: str, masked: str) -> bool:
    """No quotation, or only words in quotation marks too short to be anyone's speech
    (a scare quote, a nickname, a title): "approved a new bungalow near the village
    \u2018green\u2019" still reports what happened."""
    return all(
        len(re.findall(r"[\w\u2019'-]+", text[m.start() : m.end()])) < MIN_QUOTE_WORDS
        for m in _MASKED_QUOTE.finditer(masked)
    )


def _event_source(event: SuggestedClaim, sentence: _Sentence, carrier: _Carrier) -> None:
    """An event nobody is credited with is checked where its figures would be: with the
    paragraph's speaker for its data ("The company ..."), else the wire agency or outlet
    that carries the copy ("Police XI won the game 1-0 after ...")."""
    chain, given = sentence.figures_from, sentence.figures_reason
    if not chain:
        chain, given = carrier.for_figure("")
    if chain:
        event.sources = _sources(chain)
        event.reason += f" ({given} " + " \u2192 ".join(e.name for e in chain) + ")"


def _event_is_the_figure(event: SuggestedClaim, claims: list[SuggestedClaim]) -> bool:
    """ "Sales rose 10 percent to $64.4 million.": what happened is the statistic already
    suggested; the sentence is no second claim. An event verb outside every figure
    ("19 people were killed in the violence") keeps the event."""
    figures = [(c.start, c.end) for c in claims if c.kind == "statistic"]
    if not figures:
        return False
    words = list(re.finditer(r"[\w\u2019'-]+", event.text))
    lowered = [w.group(0).lower() for w in words]
    triggers = set(_past_tense_verbs(lowered)) | (set(lowered) & lx.EVENT_VERBS)
    if not triggers or _SUPERLATIVE.search(event.text):
        return False
    covered = sum(min(b, event.end) - max(a, event.start) for a, b in figures)
    if covered < 0.4 * (event.end - event.start):
        return False  # a long sentence around a short figure may say more than the figure
    return all(
        any(a <= event.start + w.start() < b for a, b in figures)
        for w, low in zip(words, lowered, strict=True)
        if low in triggers
    )


def _attribution_claim(body: str, sentence: _Sentence, text: str) -> SuggestedClaim:
    verbs = [s.verb.text for s in sentence.speeches]
    names = " \u2192 ".join(e.name for e in sentence.chain)
    priority, reason = "normal", f"attributed to {names}"
    lowered = {w.lower() for w in re.findall(r"\w+", sentence.masked)}
    if any(v in lx.ACCUSATORY_VERBS for v in verbs):
        priority, reason = "high", f"accusation or disputed claim attributed to {names}"
    elif lowered & lx.CASUALTY_WORDS:
        priority, reason = "high", f"casualty claim attributed to {names}"
    if MASK in sentence.masked:
        reason += " (includes a direct quote)"
    return _claim(
        body,
        sentence.start,
        sentence.end,
        "attribution",
        _sources(sentence.chain),
        priority,
        reason,
    )


_SOURCE_COUNT_BEFORE = re.compile(r"\b(?:citing|according to|quoting)\s+$")
_SOURCE_COUNT_AFTER = re.compile(r"\s+(?:said|say|says|told|reported)\b")


# "two suspected cases of measles": in an outbreak even a pair is a tally to check
_OUTBREAK_COUNT = re.compile(
    r"(?i:two)\s+(?:(?:new|more|suspected|confirmed|probable|imported|local)\s+)*"
    r"(?:cases|infections)\b"
)
_PAIR = re.compile(r"(?i:two|both|a couple of)\s+(?!(?:hundred|thousand|million|billion)\b)")


def _speech_groups(speeches: list[_Speech]) -> list[list[_Speech]]:
    groups: list[list[_Speech]] = []
    for speech in speeches:
        if groups and _nested(groups[-1][-1], speech):
            groups[-1].append(speech)
        else:
            groups.append([speech])
    return groups


def _figure_chain(sentence: _Sentence, start: int, end: int) -> list[Entity]:
    """Whose figure it is when a sentence reports several speakers one after another.

    "An official said a strike killed seven civilians, but the coalition said it killed
    eight militants": seven is the official's, eight the coalition's. A figure belongs to
    the last speaker whose words it follows ("A said ..."), or else to the first that
    closes the clause it stands in ("..., A said", "..., said A").
    """
    groups = _speech_groups(sentence.speeches)
    if len(groups) < 2:
        return sentence.chain
    before = [g for g in groups if g[0].verb.end <= start and _opens_its_words(g[0])]
    after = [g for g in groups if g[0].verb.start >= end]
    if before:
        return _chain(before[-1])
    if after and _closes_its_words(after[0][0], sentence.masked, end):
        return _chain(after[0])
    return sentence.chain


def _opens_its_words(speech: _Speech) -> bool:
    """ "A said ...", "according to A, ...": the reported words come after the verb."""
    span = speech.speaker_span
    return speech.verb.text == "according to" or (span is not None and span[1] <= speech.verb.start)


def _closes_its_words(speech: _Speech, masked: str, figure_end: int) -> bool:
    """ "..., A said" or "..., said A": the speech closes the clause the figure is in."""
    first = min(speech.verb.start, speech.speaker_span[0] if speech.speaker_span else 10**9)
    between = masked[figure_end:first]
    return "," in between or "\u00a4" in between or first == speech.verb.start


_FIGURE_WORD = re.compile(
    r"(?<![A-Za-z])\d|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|dozens|hundreds|thousands|millions|half|a\s+third|a\s+quarter)\b"
)


# "the average analyst forecast of 46 cents": a said-verb followed by "of" is a noun, and the
# figure after it is the forecast's, not words the speaker said
_NOUN_USE = re.compile(r"\s+of\b")


def _figure_start(text: str, start: int, end: int) -> int:
    """Where the number itself stands in a statistic phrase: a speaker named before a figure
    ("the average analyst forecast of 46 cents") does not make the figure the speaker's."""
    number = _FIGURE_WORD.search(text, start, end)
    return number.start() if number else start


def _asks_or_shouts(text: str, masked: str) -> bool:
    """The writer's own question ("If it cuts your risk by 37 percent, what was your risk to
    begin with?") asserts no figure; a line all in capitals ("REVENUE JUMPS 40 PERCENT") is a
    shouted headline whose figures the story gives again in its own words."""
    if masked.rstrip().endswith("?"):
        return True
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and not any(c.islower() for c in letters)


def _statistic_claims(
    body: str, sentence: _Sentence, text: str, carrier: _Carrier
) -> list[SuggestedClaim]:
    claims: list[SuggestedClaim] = []
    if _asks_or_shouts(text, sentence.masked):
        return claims
    lowered = {w.lower() for w in re.findall(r"\w+", text)}
    casualty = bool(lowered & lx.CASUALTY_WORDS)
    for phrase in find_numbers(text):
        if (
            not casualty
            and _PAIR.match(text, phrase.start)
            and phrase.label == "count"
            and not _OUTBREAK_COUNT.match(text, phrase.start)
        ):
            continue  # "two bodyguards", "two nations": a pair is rarely a figure to check
        if phrase.label != "percentage" and (
            _SOURCE_COUNT_BEFORE.search(text, 0, phrase.start)
            or _SOURCE_COUNT_AFTER.match(text, phrase.end)
        ):
            continue  # "citing two local officials": who says it, not what is said
        start = phrase.start
        speaker = next(
            (
                sp
                for sp in sentence.speeches
                if sp.speaker_span and sp.speaker_span[0] <= phrase.start < sp.speaker_span[1]
            ),
            None,
        )
        if speaker is not None and not _NOUN_USE.match(text, speaker.verb.end):
            figure_at = _figure_start(text, phrase.start, phrase.end)
            if phrase.end <= speaker.verb.end or figure_at < speaker.speaker_span[1]:
                continue  # "Two provincial officials confirmed": the speakers, not a figure
            # "C3S found June was 3C hotter": the figure is what was found, after the verb
            start = len(text) - len(text[speaker.verb.end :].lstrip())
        in_quote = (
            MASK in sentence.masked[phrase.start : phrase.end]
            or sentence.masked[phrase.start : phrase.end].strip() == ""
        )
        if casualty:
            priority, reason = "high", "casualty figure"
        elif in_quote:
            priority, reason = "low", f"{phrase.label} inside a direct quote"
        else:
            priority, reason = "normal", phrase.label
        chain, given = _figure_chain(sentence, start, phrase.end), "given by"
        if not chain and sentence.figures_from:
            chain, given = sentence.figures_from, sentence.figures_reason
        if not chain:
            chain, given = carrier.for_figure(text[phrase.start : phrase.end])
        if chain:
            reason += f" {given} " + " \u2192 ".join(e.name for e in chain)
        claims.append(
            _claim(
                body,
                sentence.start + start,
                sentence.start + phrase.end,
                "statistic",
                _sources(chain),
                priority,
                reason,
            )
        )
    return claims


def _characterization_claims(
    body: str,
    sentence: _Sentence,
    tracker: EntityTracker,
) -> list[SuggestedClaim]:
    claims = []
    base = sentence.start
    text = body[sentence.start : sentence.end]
    masked = sentence.masked
    toks = tokenize(masked)
    for match in _DASH_PAIR.finditer(masked):
        if MASK in match.group("desc"):
            continue
        close = _token_index_at(toks, match.start())
        span = np_before(toks, close) if close is not None else None
        if not span or (not toks[span[0]].is_cap and toks[span[0]].lower != "the"):
            claim = _unnamed_aside(body, sentence, match)
            if claim is not None:
                claims.append(claim)
            continue
        name = text[toks[span[0]].start : toks[span[1] - 1].end]
        entity = tracker.resolve(name, description=match.group("desc"))
        reason = f"characterises a source: {entity.name if entity else name}"
        claim = _char_claim(
            body, base + toks[span[0]].start, base + match.end("desc"), entity, reason
        )
        according = _ACCORDING.search(masked, match.start("desc"), match.end("desc"))
        if according:
            speech = according_speech(text, toks, according, tracker)
            if speech is not None and speech.speaker is not None:
                claim.sources = _sources([speech.speaker, *speech.relays])
        claims.append(claim)
    # after the dash asides, which may carry their own source (kept by _dedupe)
    for speech in sentence.speeches:
        if (
            speech.description
            and speech.description_span
            and speech.speaker_span
            and _is_characterising(speech.description)
        ):
            a = min(speech.speaker_span[0], speech.description_span[0])
            b = max(speech.speaker_span[1], speech.description_span[1])
            claims.append(
                _char_claim(
                    body,
                    base + a,
                    base + b,
                    speech.speaker,
                    f"characterises a source: {speech.speaker.name}",
                )
            )
    for match in _LABEL.finditer(masked):
        reason = f"label \u201c{match.group('label')}\u201d characterises an actor"
        claims.append(_char_claim(body, base + match.start(), base + match.end(), None, reason))
    claims.extend(_loaded_label_claims(body, sentence, toks))
    return claims


def _unnamed_aside(
    body: str,
    sentence: _Sentence,
    match: re.Match[str],
) -> SuggestedClaim | None:
    """ "Residents who brought the case \u2014 a coalition backed by X \u2014": no name before the
    dash, but the aside still characterises someone; the span starts at the clause."""
    if not _is_characterising(match.group("desc")):
        return None
    before = sentence.masked[: match.start()]
    clause_start = max(before.rfind(","), before.rfind(";"), before.rfind(MASK)) + 1
    start = sentence.start + clause_start
    return _char_claim(
        body, start, sentence.start + match.end("desc"), None, "characterises an actor"
    )


def _is_characterising(description: str) -> bool:
    lowered = description.lower()
    if lowered.startswith(("quoting ", "citing ")):
        return False  # "The daily, quoting the governor, said": whom it quotes, no label
    if any(p in lowered for p in lx.CHARACTERISING_PHRASES):
        return True
    return any(
        re.sub(r"[\u2019']s?$", "", w) in lx.CHARACTERISING_ROLES
        for w in re.findall(r"[\w\u2019'-]+", lowered)
    )


def _char_claim(
    body: str,
    start: int,
    end: int,
    entity: Entity | None,
    reason: str,
) -> SuggestedClaim:
    subject = _source(entity) if entity is not None else None
    return _claim(body, start, end, "characterization", [], "high", reason, subject)


def _loaded_label_claims(body: str, sentence: _Sentence, toks: list[Tok]) -> list[SuggestedClaim]:
    claims = []
    for index, tok in enumerate(toks):
        if tok.lower not in lx.LOADED_LABELS:
            continue
        span = np_before(toks, index)
        if span and toks[span[0]].is_cap and toks[span[0]].lower != "the" and span[0] != index:
            a, b = toks[span[0]].start, tok.end
            name = sentence.masked[a : toks[index - 1].end]
            claims.append(
                _claim(
                    body,
                    sentence.start + a,
                    sentence.start + b,
                    "characterization",
                    [],
                    "high",
                    f"loaded label \u201c{tok.text}\u201d applied to {name}",
                )
            )
    return claims


def _event_claim(body: str, sentence: _Sentence, text: str) -> SuggestedClaim | None:
    words = re.findall(r"[\w\u2019'-]+", text)
    if len(words) < 6 or text.rstrip().endswith("?") or text.rstrip()[-1:].isalnum():
        return None  # a question, or a heading with no full stop
    lowered = [w.lower() for w in words]
    if _hedged(_main_clause(text)):
        return None
    has_name = (
        any(w[:1].isupper() for w in words[1:])
        or bool(find_numbers(text))
        or (words[0].lower() not in lx.NOT_NAME_OPENERS and text[len(words[0]) :][:1] == ",")
        # "The defendant pleaded not guilty", "No officers were injured": a court's or a
        # casualty record is checkable without a name in the sentence
        or bool(set(lowered) & (_COURT_RECORD_WORDS | lx.CASUALTY_WORDS))
    )
    if _SUPERLATIVE.search(text) and has_name:
        return _claim(
            body,
            sentence.start,
            sentence.end,
            "event",
            [],
            "normal",
            "superlative or comparative claim",
        )
    verbs = _event_verbs(lowered) or _past_tense_verbs(lowered, words)
    if verbs and has_name:
        casualty = bool(set(lowered) & lx.CASUALTY_WORDS)
        return _claim(
            body,
            sentence.start,
            sentence.end,
            "event",
            [],
            "high" if casualty else "normal",
            ("casualty event" if casualty else "asserted event") + f": {verbs[0]}",
        )
    return None


# "X were killed, but their number could not be confirmed": what the main clause asserts
# stands; a hedge after the turn qualifies the rest
# (not "X is aware of it, but could not confirm": the same subject goes on, hedged)
_CLAUSE_TURN = re.compile(
    r"(?:,\s+(?:but|although|though|while|whereas)|;)\s+(?!(?:"
    + "|".join(sorted(lx.HEDGE_WORDS))
    + r")\b)[A-Za-z]"
)


def _main_clause(text: str) -> str:
    turn = _CLAUSE_TURN.search(text)
    return text[: turn.start()] if turn else text


def _hedged(text: str) -> bool:
    """A modal ("may", "will") or an intention ("plans to") makes it no event yet."""
    words = re.findall(r"[\w\u2019'-]+", text)
    lowered = [w.lower() for w in words]
    hedges = {w for i, w in enumerate(lowered) if i == 0 or words[i].islower()}  # not "in May"
    return bool(hedges & lx.HEDGE_WORDS) or any(
        w in lx.HEDGE_BEFORE_TO and nxt == "to" and before not in _NOUN_BEFORE
        for before, w, nxt in zip(["", *lowered], lowered, lowered[1:], strict=False)
    )


# "objecting to plans to build", "the plans to": the noun, no intention of the subject's
_NOUN_BEFORE = lx.DETERMINERS | _PREPOSITIONS | lx.words("against over about new any such")
_COURT_RECORD_WORDS = lx.words(
    "charged pleaded convicted acquitted sentenced remanded indicted jailed bail arraigned"
)


def _event_verbs(lowered: list[str]) -> list[str]:
    """Event verbs said of something ("were arrested", "signed"), not an event's participle
    used as an adjective ("an acquitted accused", "the wounded officers")."""
    return [
        word
        for index, word in enumerate(lowered)
        if word in lx.EVENT_VERBS and (index == 0 or lowered[index - 1] not in lx.DETERMINERS)
    ]


def _past_tense_verbs(lowered: list[str], words: list[str] | None = None) -> list[str]:
    """Finite past-tense verbs ("suffered", "was charged", "came"), not adjectives
    ("the armed group", "so-called", "unconfirmed reports"). After "also", a verb with a
    name or a determined object ("Acme also named Ann Roe as", "also signed the deal") is
    one; "also known as" is not."""
    found = []
    for index, word in enumerate(lowered):
        previous = lowered[index - 1] if index else ""
        irregular = word in lx.IRREGULAR_PAST and previous not in lx.DETERMINERS
        regular = (
            len(word) > 4
            and word.endswith("ed")
            and "-" not in word
            and index > 0
            and (
                previous not in lx.DETERMINERS | lx.NOT_PAST_BEFORE
                or (previous == "also" and _object_follows(words, index))
            )
            and word not in lx.NOT_PAST_VERBS
        )
        if irregular or regular:
            found.append(word)
    return found


def _object_follows(words: list[str] | None, index: int) -> bool:
    if not words or index + 1 >= len(words):
        return False
    following = words[index + 1]
    return following[:1].isupper() or following.lower() in ("a", "an", "the")


def _speaker_chain_before(
    sentences: list[_Sentence], sentence: _Sentence, speaker: Entity | None
) -> list[Entity]:
    """The chain of the speaker's last attributed sentence in the same paragraph."""
    if speaker is None:
        return []
    index = sentences.index(sentence)
    for earlier in reversed(sentences[max(0, index - 3) : index]):
        if earlier.paragraph != sentence.paragraph:
            break
        if earlier.chain and earlier.chain[0] is speaker:
            return earlier.chain
    return []


_PRONOUN_SUBJECT = re.compile(r"^\s*(?:(?:And|But|Yet|Still)\s+)?(?:[Hh]e|[Ss]he)\s+[a-z]")


def _still_about_the_speaker(
    sentences: list[_Sentence], quote: _Sentence, context: tuple[int, Entity]
) -> bool:
    """'He said ... / And he cast doubt on ... / "This is ...': the paragraph between the
    last speaker's words and the quotation goes on about him ("he", "she" opening it, with
    no speech of its own), so the quotation is still his. So does a paragraph just before
    the quotation with the last speaker, by name, as a subject ("..., and Roe, who rarely
    starts, paid tribute to his team-mates."), however far back he last spoke."""
    gap = quote.paragraph - context[0]
    if gap < 2 or not context[1].is_person or not context[1].is_named:
        return False
    index = sentences.index(quote)
    if index > 0 and sentences[index - 1].paragraph == quote.paragraph:
        return False  # the quotation does not open its paragraph
    between = [s for s in sentences if s.paragraph == quote.paragraph - 1]
    if not between or any(s.speeches for s in between):
        return False
    if gap == 2 and _PRONOUN_SUBJECT.match(between[0].masked):
        return True
    return any(_names_as_subject(s.masked, context[1]) for s in between)


_NOT_BEFORE_A_SUBJECT = lx.words(
    "of to by with for from at on in against about over than like as into onto"
)


def _names_as_subject(masked: str, person: Entity) -> bool:
    """The person's surname followed (after an aside in commas, if any) by a lower-case
    word, and not the object of a preposition: "and Roe, who rarely starts, paid"."""
    surname = person.name.split()[-1]
    pattern = re.compile(
        rf"(?<![\w-]){re.escape(surname)}(?:,[^,\u00a4]{{3,80}},)?\s+(?P<verb>[a-z]+)\b"
    )
    for match in pattern.finditer(masked):
        before = re.findall(r"[\w\u2019']+", masked[: match.start()])
        if before and before[-1].lower() in _NOT_BEFORE_A_SUBJECT:
            continue
        if match.group("verb") in _NOT_BEFORE_A_SUBJECT | lx.words("and or but"):
            continue  # "Roe and Lee", "Roe in the final": not his clause
        return True
    return False


def _quote_claims(
    body: str,
    quotes: list[tuple[int, int]],
    sentences: list[_Sentence],
) -> list[SuggestedClaim]:
    """Direct speech of MIN_QUOTE_WORDS or more that no attributed sentence covers.

    Runs after every sentence has been analysed, so that a quote attributed in
    its last sentence (\u201c... ends,\u201d he said.) is left to that attribution.
    """
    claims = []
    starts = [s.start for s in sentences]
    last_quote: tuple[int, Entity] | None = None
    for number, (q_start, q_end) in enumerate(quotes):
        if len(re.findall(r"[\w\u2019'-]+", body[q_start:q_end])) < MIN_QUOTE_WORDS:
            continue
        first = max(0, bisect.bisect_right(starts, q_start) - 1)
        last = bisect.bisect_left(starts, q_end)
        covered = [s for s in sentences[first:last] if s.start < q_end and q_start < s.end]
        if not covered or any(s.chain for s in covered):
            continue
        context = covered[0].context
        speaker = context[1] if context and covered[0].paragraph == context[0] else None
        if speaker is None:  # "The club thanked its fans. \u201c...\u201d": the club's words
            speaker = _paragraph_subject(sentences, covered[0])
        if speaker is None and context and covered[0].paragraph - context[0] == 1:
            speaker = context[1]
        if speaker is None and context and _still_about_the_speaker(sentences, covered[0], context):
            speaker = context[1]
        closer = _closing_speaker(body, quotes, number, sentences, starts)
        if closer is not None:  # "\u201cA ...\n\u201cB ...,\u201d she said.": the quote is hers
            speaker = closer
        if speaker is None and last_quote and covered[0].paragraph - last_quote[0] <= 1:
            speaker = last_quote[1]  # a quotation running on over paragraphs
        if speaker is not None:
            last_quote = (covered[-1].paragraph, speaker)
        sources = [_source(speaker)] if speaker is not None else []
        if speaker is not None and speaker.affiliation and speaker.speaks_for_affiliation:
            sources.append(_source(speaker.affiliation))  # the minister for the ministry
        said_before = _speaker_chain_before(sentences, covered[0], speaker)
        if said_before:  # "..., she said, according to USA Today. “...”": relayed too
            sources = _sources(said_before)
        reason = (
            f"direct quote, speaker from context: {speaker.name}"
            if speaker
            else "direct quote; the finder did not find who said it: check the speaker"
        )
        claims.append(
            _claim(
                body,
                covered[0].start,
                covered[-1].end,
                "quote",
                sources,
                "normal" if speaker else "high",
                reason,
            )
        )
    return claims


def _paragraph_subject(sentences: list[_Sentence], quoted: _Sentence) -> Entity | None:
    """The person or named body an earlier sentence of the quote's paragraph is about."""
    index = sentences.index(quoted)
    for earlier in reversed(sentences[:index]):
        if earlier.paragraph != quoted.paragraph:
            return None
        if earlier.subject is not None:
            return earlier.subject
    return None


_CLOSING_MARKS = ("\u201d", '"', "\u00bb")


def _closing_speaker(
    body: str,
    quotes: list[tuple[int, int]],
    number: int,
    sentences: list[_Sentence],
    starts: list[int],
) -> Entity | None:
    """Who closes a quotation that runs on over paragraphs: a paragraph opening with a
    quotation mark and left open continues in the next one, whose closing sentence
    names the speaker (the press convention for long quotes)."""
    while number < len(quotes):
        q_start, q_end = quotes[number]
        if body[q_end - 1 : q_end] in _CLOSING_MARKS and q_end - q_start > 1:
            if number == 0 or body[quotes[number - 1][1] - 1 : quotes[number - 1][1]] in (
                _CLOSING_MARKS
            ):
                return None  # the first quotation closes in its own paragraph
            index = max(0, bisect.bisect_right(starts, q_end - 1) - 1)
            chain = sentences[index].chain if index < len(sentences) else []
            return chain[0] if chain else None
        following = number + 1
        if following >= len(quotes) or body[q_end : quotes[following][0]].strip():
            return None  # the next paragraph does not open with a quotation mark
        number = following
    return None


def _said_around(body: str, claim: SuggestedClaim) -> str:
    """A claim's words, and for a figure the sentence around it: "175 countries" said
    twice is the same claim only when the sentence around it is the same."""
    if claim.kind != "statistic":
        return claim.text
    before = _SENTENCE_BREAK.findall(body, 0, claim.start)
    start = body.rfind(before[-1], 0, claim.start) + len(before[-1]) if before else 0
    after = _SENTENCE_BREAK.search(body, claim.end)
    return f"{claim.text} | {body[start : after.start() if after else len(body)]}"


_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def _dedupe(claims: list[SuggestedClaim], body: str) -> list[SuggestedClaim]:
    """Drop empty and repeated spans, the same words suggested twice, and characterizations
    inside a longer one."""
    seen: set[tuple[int, int, str]] = set()
    result = []
    characterization_end = -1  # furthest end of the characterizations kept so far
    said: set[tuple[str, str]] = set()  # (kind, words) of the claims kept so far
    for claim in sorted(claims, key=lambda c: (c.start, CLAIM_KINDS.index(c.kind), -c.end)):
        key = (claim.start, claim.end, claim.kind)
        words = (claim.kind, " ".join(_said_around(body, claim).split()))
        if key in seen or claim.start >= claim.end or words in said:
            continue  # a repeated span, or the same words again (a lead or headline run twice)
        if claim.kind == "characterization":
            if claim.end <= characterization_end:
                continue
            characterization_end = claim.end
        seen.add(key)
        said.add(words)
        result.append(claim)
    return result
