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
