"""Source names: normalisation, a built-in gazetteer and registry resolution.

The newsroom keeps one registry of sources shared by all articles. Names found
in copy ("AP", "The Associated Press", "the Observatory") are resolved against
that registry first; the small built-in gazetteer only supplies a *kind* (and a
canonical spelling) for well-known names the registry does not know yet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from factcheck.vocabulary import SourceKind

SOURCE_KINDS = tuple(k.value for k in SourceKind)  # the models' vocabulary

# Token-set similarity (order-insensitive, subset-friendly) needed to accept a
# fuzzy match. Subset matches score 100, so a high bar is safe for names of
# two or more significant words; one-word names must match almost exactly.
FUZZY_THRESHOLD = 90.0
SINGLE_WORD_THRESHOLD = 92.0

_STOPWORDS = frozenset({"the", "of", "for", "and", "on", "in", "at", "a", "an", "&"})


@dataclass
class KnownSource:
    """One source record: a registry row, or a gazetteer entry (id None)."""

    id: int | None
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_LEADING_THE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w'&]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def normalise_name(name: str) -> str:
    """Fold a source name for comparison: case, accents, quotes, a leading "The".

    "The Associated Press" and "associated  press" give the same key; so do
    "Médecins Sans Frontières" and "Medecins Sans Frontieres". Dots in
    abbreviations are dropped ("U.N." -> "un").
    """
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).casefold().replace(".", "")
    text = _NON_WORD.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    text = _LEADING_THE.sub("", text)
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip("' ")


def _significant_tokens(key: str) -> list[str]:
    return [tok for tok in key.split() if tok not in _STOPWORDS]


@lru_cache(maxsize=4096)
def _has_acronym_word(name: str) -> bool:
    """ "PA Media": a name that already holds an acronym is not spelled out by its initials
    ("PM" is a prime minister, not the agency); a country code ("U.S. Geological Survey")
    still is."""
    return any(
        len(word) > 1 and word.isupper() and word.isalpha() and word not in _COUNTRY_CODES
        for word in name.replace(".", "").split()
    )


_COUNTRY_CODES = frozenset({"US", "UK", "USA", "UAE", "EU", "UN"})


def acronym(name: str) -> str:
    """Initials of the significant words: "Syrian Observatory for Human Rights" -> "sohr"."""
    return "".join(tok[0] for tok in _significant_tokens(normalise_name(name)) if tok)


def resolve_source(name: str, registry: list[KnownSource]) -> KnownSource | None:
    """Find the registry record a name in copy refers to, or None.

    Order of tests: exact name or alias (normalised), unique acronym match for
    short all-capital names ("WHO"), then rapidfuzz similarity. A fuzzy tie
    between two different records is treated as no match: it is better to
    leave a name unresolved than to attach a claim to the wrong source.
    For many look-ups against one registry, build a ``SourceIndex`` once.
    """
    if not registry:
        return None
    return SourceIndex(registry).resolve(name)


class SourceIndex:
    """Registry names prepared once (normalised keys, tokens, acronyms) for fast look-ups."""

    def __init__(self, registry: list[KnownSource]) -> None:
        self.records = list(registry)
        self.exact: dict[str, int] = {}
        self.acronyms: dict[str, set[int]] = {}
        self.keys: list[str] = []
        self.significant: list[str] = []
        self.owners: list[int] = []
        for index, source in enumerate(self.records):
            for candidate in source.all_names():
                key = normalise_name(candidate)
                if not key:
                    continue
                self.exact.setdefault(key, index)
                tokens = _significant_tokens(key)
                if len(tokens) > 1 and not _has_acronym_word(candidate):
                    self.acronyms.setdefault(acronym(candidate), set()).add(index)
                self.keys.append(key)
                self.significant.append(" ".join(tokens))
                self.owners.append(index)

    def resolve(self, name: str) -> KnownSource | None:
        key = normalise_name(name)
        if not key:
            return None
        if key in self.exact:
            return self.records[self.exact[key]]
        stripped = name.strip().replace(".", "")
        if 2 <= len(stripped) <= 6 and stripped.isupper() and stripped.isalpha():
            hits = self.acronyms.get(key, set())
            if len(hits) == 1:
                return self.records[next(iter(hits))]
        return self._fuzzy(key)

    def _fuzzy(self, key: str) -> KnownSource | None:
        tokens = _significant_tokens(key)
        if not tokens or not self.keys:
            return None
        candidates: set[int] = set()
        for choices, query, scorer, cutoff in (
            (self.keys, key, fuzz.ratio, SINGLE_WORD_THRESHOLD),
            (self.keys, key, fuzz.token_sort_ratio, SINGLE_WORD_THRESHOLD),
            (self.significant, " ".join(tokens), fuzz.token_set_ratio, FUZZY_THRESHOLD),
        ):
            for _choice, _score, position in process.extract(
                query, choices, scorer=scorer, score_cutoff=cutoff, limit=8
            ):
                candidates.add(position)
        best: dict[int, tuple[float, float]] = {}
        for position in candidates:
            cand_key = self.keys[position]
            score = _similarity(key, tokens, cand_key)
            if score > 0:
                owner = self.owners[position]
                best[owner] = max(best.get(owner, (0.0, 0.0)), (score, fuzz.ratio(key, cand_key)))
        if not best:
            return None
        ranked = sorted(((v, k) for k, v in best.items()), reverse=True)
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None
        return self.records[ranked[0][1]]


def _similarity(key: str, tokens: list[str], cand_key: str) -> float:
    """Similarity in 0..100, or 0 when the pair must not match at all.

    Single significant words ("Reuters", "Waters") only match near-identical
    spellings, because token-set similarity would let "Press" match every
    "... Press". Longer names may match a superset ("Syrian Observatory" vs
    "Syrian Observatory for Human Rights") when they share two or more words and
    name the same body (``_other_body``).
    """
    cand_tokens = _significant_tokens(cand_key)
    if not cand_tokens:
        return 0.0
    if len(tokens) == 1 or len(cand_tokens) == 1:
        score = fuzz.ratio(key, cand_key)
        return score if score >= SINGLE_WORD_THRESHOLD else 0.0
    shared = set(tokens) & set(cand_tokens)
    if len(shared) < 2:
        score = fuzz.token_sort_ratio(key, cand_key)
        return score if score >= SINGLE_WORD_THRESHOLD else 0.0
    if _other_body(tokens, cand_tokens) or _body_of_the_record(key, cand_key):
        return 0.0
    score = fuzz.token_set_ratio(" ".join(tokens), " ".join(cand_tokens))
    return score if score >= FUZZY_THRESHOLD else 0.0


def _other_body(tokens: list[str], cand_tokens: list[str]) -> bool:
    """Two names that share words but name different bodies.

    Each has words the other lacks ("Kenya Red Cross", "International Committee of the
    Red Cross"), or the name in the copy drops what makes the record's name specific:
    its first word ("Central Bank" is not the European Central Bank) or every word but
    generic ones ("Bureau of Statistics" is not the Bureau of Labor Statistics). A name
    with words added stays the record ("Britain's Syrian Observatory for Human Rights")
    unless the record's name is only generic words ("Kenya Red Cross" is not the "Red
    Cross"), and a misspelt word still counts as the same word.
    """
    added = [t for t in tokens if t not in cand_tokens]
    dropped = [t for t in cand_tokens if t not in tokens]
    for word in list(added):
        twin = next((d for d in dropped if fuzz.ratio(word, d) >= 80), None)
        if twin is not None:
            added.remove(word)
            dropped.remove(twin)
    if not dropped:  # words added to a generic name make another body: "Kenya Red Cross"
        return bool(added) and set(cand_tokens) <= _GENERIC_BODY_WORDS
    return bool(added) or cand_tokens[0] in dropped or set(tokens) <= _GENERIC_BODY_WORDS


def _body_of_the_record(key: str, cand_key: str) -> bool:
    """ "Food and Agriculture Organization of the United Nations", "United Nations Office for
    the Coordination of Humanitarian Affairs": a body of its own (an office, a mission, a
    commission, an organization) within the record's body is not the record."""
    at = key.find(cand_key)
    if at == 0:  # "United Nations Office for the Coordination of ...", "UN Stabilization Mission"
        return bool(_OWN_BODY_AFTER.match(key[len(cand_key) :]))
    return at > 0 and bool(_BODY_OF.search(key[:at]))


_OWN_BODY_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:office|mission|fund|programme|program|commission|council|panel"
    r"|organi[sz]ation)\b"
)


_BODY_OF = re.compile(
    r"\b(?:organi[sz]ation|commission|agency|fund|programme|program|mission|panel)"
    r"\s+(?:\w+\s+){0,4}?(?:of|for|to)\s+(?:the\s+)?$"
)


_GENERIC_BODY_WORDS = frozenset(
    {
        "agency",
        "army",
        "association",
        "authority",
        "bank",
        "board",
        "bureau",
        "central",
        "commission",
        "committee",
        "council",
        "court",
        "department",
        "federal",
        "government",
        "institute",
        "ministry",
        "national",
        "news",
        "office",
        "organisation",
        "organization",
        "party",
        "police",
        "reserve",
        "service",
        "statistics",
        "union",
        "university",
        "red",
        "cross",
        "health",
        "public",
        "state",
        "electoral",
        "election",
        # an owner before a generic word describes, never names ("the UN agency")
        "un",
        "eu",
    }
)


def _g(name: str, kind: str, *aliases: str) -> KnownSource:
    return KnownSource(id=None, name=name, kind=kind, aliases=list(aliases))


GAZETTEER: list[KnownSource] = [
    # news agencies
    _g("Associated Press", "agency", "AP", "The Associated Press", "AP News"),
    _g("Reuters", "agency", "Thomson Reuters"),
    _g("Agence France-Presse", "agency", "AFP", "Agence France Presse"),
    _g("Bloomberg", "agency", "Bloomberg News"),
    _g("Xinhua", "agency", "Xinhua News Agency"),
    _g("TASS", "agency"),
    _g("Syrian Arab News Agency", "agency", "SANA"),
    _g("Anadolu Agency", "agency", "Anadolu"),
    _g("Deutsche Presse-Agentur", "agency", "dpa"),
    _g("United Press International", "agency", "UPI"),
    _g("Press Association", "agency", "PA Media", "PA"),
    # publications and broadcasters
    _g("The Guardian", "publication", "Guardian"),
    _g("The New York Times", "publication", "New York Times", "NYT"),
    _g("The Washington Post", "publication", "Washington Post"),
    _g("The Wall Street Journal", "publication", "Wall Street Journal", "WSJ"),
    _g("Financial Times", "publication", "FT"),
    _g("The Times", "publication", "Times of London"),
    _g("The Economist", "publication", "Economist"),
    _g("BBC", "publication", "BBC News", "British Broadcasting Corporation"),
    _g("CNN", "publication", "Cable News Network"),
    _g("Al Jazeera", "publication", "Al-Jazeera", "Aljazeera"),
    _g("Le Monde", "publication"),
    _g("Der Spiegel", "publication", "Spiegel"),
    _g("Haaretz", "publication"),
    _g("The Times of Israel", "publication", "Times of Israel"),
    _g("Politico", "publication"),
    _g("Axios", "publication"),
    _g("The Lancet", "publication", "Lancet"),
    # monitors
    _g(
        "Syrian Observatory for Human Rights",
        "monitor",
        "SOHR",
        "the Observatory",
        "Syrian Observatory",
        "Britain-based Syrian Observatory for Human Rights",
    ),
    _g("Airwars", "monitor"),
    _g("Armed Conflict Location & Event Data Project", "monitor", "ACLED"),
    _g("NetBlocks", "monitor"),
    # organisations, think tanks, NGOs, international bodies
    _g("Middle East Institute", "organisation", "MEI"),
    _g("Institute for the Study of War", "organisation", "ISW"),
    _g("International Crisis Group", "organisation", "Crisis Group"),
    _g("Chatham House", "organisation"),
    _g("Brookings Institution", "organisation", "Brookings"),
    _g("Human Rights Watch", "organisation", "HRW"),
    _g("Amnesty International", "organisation", "Amnesty"),
    _g("Médecins Sans Frontières", "organisation", "MSF", "Doctors Without Borders"),
    _g(
        "International Committee of the Red Cross",
        "organisation",
        "ICRC",
        "Red Cross",
    ),
    _g("World Health Organization", "organisation", "WHO", "World Health Organisation"),
    _g("United Nations", "organisation", "UN", "U.N.", "the UN"),
    _g("UNICEF", "organisation", "United Nations Children's Fund"),
    _g(
        "UNHCR",
        "organisation",
        "UN refugee agency",
        "United Nations refugee agency",
        "United Nations High Commissioner for Refugees",
        "UN High Commissioner for Refugees",
    ),
    _g("World Bank", "organisation"),
    _g("International Monetary Fund", "organisation", "IMF"),
    _g("OECD", "organisation", "Organisation for Economic Co-operation and Development"),
    _g("European Union", "organisation", "EU"),
    _g("NATO", "organisation", "North Atlantic Treaty Organization"),
    _g("Hayat Tahrir al-Sham", "organisation", "HTS"),
    # governments and state bodies
    _g("European Central Bank", "government", "ECB"),
    _g("Federal Reserve", "government", "the Fed", "US Federal Reserve"),
    _g("Bank of England", "government", "BoE"),
    _g("Centers for Disease Control and Prevention", "government", "CDC"),
    _g("Office for National Statistics", "government", "ONS"),
    _g("Bureau of Labor Statistics", "government", "BLS"),
    _g("Pentagon", "government", "US Department of Defense"),
    _g("White House", "government"),
    _g("Kremlin", "government"),
    _g("Syrian army", "government", "Syrian Arab Army", "Syrian military"),
    _g("Israel Defense Forces", "government", "IDF", "Israeli military"),
]


_GAZETTEER_INDEX = SourceIndex(GAZETTEER)


@lru_cache(maxsize=4096)
def lookup_gazetteer(name: str) -> KnownSource | None:
    """Resolve a name against the built-in gazetteer (same rules as the registry)."""
    return _GAZETTEER_INDEX.resolve(name)
