"""Source names: normalisation, registry resolution with aliases, gazetteer kinds."""

import pytest

from factcheck.extraction import (
    GAZETTEER,
    SOURCE_KINDS,
    KnownSource,
    lookup_gazetteer,
    normalise_name,
    resolve_source,
)
from tests.suggested import find, names, story

REGISTRY = [
    KnownSource(id=1, name="The Associated Press", kind="agency", aliases=["AP"]),
    KnownSource(id=2, name="Syrian Observatory for Human Rights", kind="monitor", aliases=["SOHR"]),
    KnownSource(id=3, name="Human Rights Watch", kind="organisation", aliases=["HRW"]),
    KnownSource(id=4, name="Gregory Waters", kind="analyst", aliases=[]),
    KnownSource(id=5, name="World Health Organization", kind="organisation", aliases=[]),
]


def test_source_kinds_are_the_documented_set():
    assert SOURCE_KINDS == (
        "agency",
        "monitor",
        "analyst",
        "official",
        "government",
        "organisation",
        "publication",
        "person",
        "document",
    )


@pytest.mark.parametrize(
    "name",
    [
        "AP",
        "Associated Press",
        "The Associated Press",
        "the associated press",
        "  ASSOCIATED   PRESS ",
    ],
)
def test_alias_and_leading_the_resolve_to_one_record(name):
    source = resolve_source(name, REGISTRY)
    assert source is not None and source.id == 1


def test_fuzzy_match_accepts_a_typo_and_a_shorter_form():
    assert resolve_source("Asociated Press", REGISTRY).id == 1
    assert resolve_source("Syrian Observatory", REGISTRY).id == 2
    assert resolve_source("Britain\u2019s Syrian Observatory for Human Rights", REGISTRY).id == 2


def test_acronym_of_a_registry_name_resolves_when_unique():
    assert resolve_source("WHO", REGISTRY).id == 5


@pytest.mark.parametrize("name", ["Reuters", "Press", "Rights", "Waterstones", "", "   "])
def test_unrelated_or_partial_names_do_not_resolve(name):
    assert resolve_source(name, REGISTRY) is None


def test_empty_registry_resolves_nothing():
    assert resolve_source("AP", []) is None


def test_normalise_name_folds_case_accents_quotes_and_the():
    assert normalise_name("The Associated Press") == "associated press"
    assert normalise_name("M\u00e9decins Sans Fronti\u00e8res") == "medecins sans frontieres"
    assert normalise_name("U.N.") == "un"
    assert normalise_name("the Observatory\u2019s") == "observatory"


@pytest.mark.parametrize(
    ("name", "canonical", "kind"),
    [
        ("AP", "Associated Press", "agency"),
        ("Reuters", "Reuters", "agency"),
        ("AFP", "Agence France-Presse", "agency"),
        ("The Guardian", "The Guardian", "publication"),
        ("the Observatory", "Syrian Observatory for Human Rights", "monitor"),
        ("SOHR", "Syrian Observatory for Human Rights", "monitor"),
        ("Middle East Institute", "Middle East Institute", "organisation"),
        ("WHO", "World Health Organization", "organisation"),
        ("U.N.", "United Nations", "organisation"),
        ("The Syrian army", "Syrian army", "government"),
    ],
)
def test_gazetteer_gives_canonical_names_and_kinds(name, canonical, kind):
    source = lookup_gazetteer(name)
    assert source is not None
    assert (source.name, source.kind) == (canonical, kind)


def test_gazetteer_kinds_are_valid_and_names_unique():
    names = [normalise_name(s.name) for s in GAZETTEER]
    assert len(names) == len(set(names))
    assert all(s.kind in SOURCE_KINDS for s in GAZETTEER)


def test_unknown_name_is_not_in_gazetteer():
    assert lookup_gazetteer("Harwick Foundation") is None


# -- a shared word is not the same body -------------------------------------------------
# Policy: a name left unresolved is better than a claim attached to the wrong body.

BANKS = [
    KnownSource(id=1, name="European Central Bank", kind="government", aliases=["ECB"]),
    KnownSource(id=2, name="Bureau of Labor Statistics", kind="government", aliases=["BLS"]),
    KnownSource(id=3, name="Red Cross", kind="organisation"),
    KnownSource(id=4, name="Syrian Observatory for Human Rights", kind="monitor"),
]


@pytest.mark.parametrize(
    "name",
    [
        "the Central Bank",  # drops what makes the record specific
        "Bureau of Statistics",  # only generic words left
        "Kenya Red Cross",  # a national society, not the generic record
    ],
)
def test_a_name_that_only_shares_words_with_a_record_is_left_unresolved(name):
    assert resolve_source(name, BANKS) is None


@pytest.mark.parametrize(
    ("name", "record"),
    [
        ("Syrian Observatory", 4),  # the specific words kept
        ("Britain\u2019s Syrian Observatory for Human Rights", 4),  # words added to it
        ("Syrain Observatory for Human Rights", 4),  # misspelt
        ("ECB", 1),
    ],
)
def test_shortened_misspelt_and_described_names_still_find_their_record(name, record):
    found = resolve_source(name, BANKS)
    assert (found.id if found else None) == record


def test_the_un_refugee_agency_under_its_full_title_is_unhcr():
    assert lookup_gazetteer("United Nations High Commissioner for Refugees").name == "UNHCR"


def test_the_initials_of_a_name_holding_an_acronym_are_no_acronym_of_it():
    # "Kello Media" is spelled out as "KM"; "KT Media" holds an acronym already, so "KM"
    # (a prime minister's "PM", a "CM") never names it
    registry = [KnownSource(id=9, name="Kello Times", kind="publication", aliases=["KT Media"])]
    assert resolve_source("KM", registry) is None
    spelled = [KnownSource(id=10, name="Kello Media", kind="publication", aliases=[])]
    assert resolve_source("KM", spelled).id == 10


def test_a_prime_minister_is_no_news_agency():
    claims = story(
        "Ann Roe said the party had lost 4 elections. PM also said that the party wanted 20 seats."
    )
    said = find(claims, "statistic", "20 seats")
    assert names(said) != ["Press Association"]
