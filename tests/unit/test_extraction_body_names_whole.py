"""A body's name is credited whole: the acronym given with it in brackets confirms every
capitalised word ("UN Stabilization Mission in Haiti (MINUSTAH)", "Research in Motion
(RIM)"), lower-case "in", "on", "for" and commas between them included; a plain "Officials
in Kabul said" stays the officials. A body of a well-known body ("Food and Agriculture
Organization of the United Nations") is never that body.

Every sentence here is written for the test; none is copied from a page.
"""

import pytest

from factcheck.extraction import suggest_claims
from factcheck.extraction.entities import spells_acronym
from factcheck.extraction.sources import lookup_gazetteer
from tests.suggested import find, names


def _story(*paragraphs: str) -> list:
    return suggest_claims("\n\n".join(paragraphs))


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "The Norland Stabilization Mission in Vesta (NSMV) said 12 peacekeepers were hurt.",
            "Norland Stabilization Mission in Vesta",
        ),
        (
            "The UN Office for the Relief of Flood Victims (ORFV) said 3,000 people had fled.",
            "UN Office for the Relief of Flood Victims",
        ),
        (
            "The Vesta Atmospheric, Geophysical and Marine Services Administration (VAGMSA) "
            "said the storm would bring 200 mm of rain.",
            "Vesta Atmospheric, Geophysical and Marine Services Administration",
        ),
        (
            "Brightway in Motion (BIM) said it sold 4 million phones.",
            "Brightway in Motion",
        ),
        (
            "The Panel on Coastal Erosion (PCE) said 40 km of shore was lost.",
            "Panel on Coastal Erosion",
        ),
        (
            "The Tarn Office for Refugee Aid (TORA) in Vesta expects 4,000 more people to flee.",
            "Tarn Office for Refugee Aid",
        ),
    ],
)
def test_an_acronym_in_brackets_confirms_the_whole_name(sentence, body):
    claims = _story(sentence)
    said = find(claims, "attribution", sentence[:20])
    assert names(said) == [body]


def test_a_place_after_officials_is_no_part_of_a_name_even_before_a_credit():
    claims = _story("Officials in Kabul (AFP) said 14 people were killed.")
    said = find(claims, "attribution", "Officials in Kabul")
    assert said.sources[0].unnamed


def test_the_acronym_later_names_the_whole_body():
    claims = _story(
        "The Norland Stabilization Mission in Vesta (NSMV) was set up in 2004.",
        "Later, NSMV said 12 peacekeepers were hurt.",
    )
    said = find(claims, "attribution", "Later, NSMV said")
    assert names(said) == ["Norland Stabilization Mission in Vesta"]


def test_a_body_of_a_well_known_body_is_not_that_body():
    claims = _story(
        "The Grain and Seed Organization of the United Nations (GSO) warned of hunger.",
        '"We are deeply concerned about the harvest," said GSO Director-General Ann Roe.',
    )
    said = find(claims, "attribution", "We are deeply concerned")
    assert names(said) == ["Ann Roe", "Grain and Seed Organization of the United Nations"]


@pytest.mark.parametrize(
    "name",
    [
        "Grain and Seed Organization of the United Nations",
        "United Nations Office for Flood Relief",
        "United Nations Stabilization Mission in Vesta",
    ],
)
def test_the_gazetteer_keeps_a_body_of_the_united_nations_apart(name):
    known = lookup_gazetteer(name)
    assert known is None or known.name != "United Nations"


@pytest.mark.parametrize(
    ("name", "short", "spelled"),
    [
        ("UN Stabilization Mission in Haiti", "MINUSTAH", True),
        ("Al-Qaeda in the Islamic Maghreb", "AQIM", True),
        ("Research in Motion", "RIM", True),
        ("Office for the Coordination of Humanitarian Affairs", "OCHA", True),
        ("Officials in Kabul", "AFP", False),
        ("Mission in Vesta", "NSMV", False),
    ],
)
def test_an_acronym_spells_the_capitalised_words_of_its_name(name, short, spelled):
    assert spells_acronym(name, short) is spelled


def test_two_bodies_joined_by_and_are_two_links_when_each_stands_alone():
    claims = _story(
        "Harlow Motors and Kessel Auto said in a joint statement that sales fell 4%.",
        "Harlow Motors later reported a loss, while Kessel Auto projected a profit.",
    )
    said = find(claims, "attribution", "in a joint statement")
    assert names(said) == ["Harlow Motors", "Kessel Auto"]


def test_a_body_with_and_in_its_name_stays_one_body():
    claims = _story("The National Snow and Ice Data Center said the ice shrank by 5%.")
    said = find(claims, "attribution", "The National Snow")
    assert names(said) == ["National Snow and Ice Data Center"]


def test_a_day_before_and_closes_the_clause_before_the_speaker():
    claims = _story(
        "Rockets hit the city early on Thursday and Tarnia vowed to strike back, "
        "saying 14 launchers were destroyed."
    )
    said = find(claims, "attribution", "Rockets hit")
    assert names(said) == ["Tarnia"]


def test_a_place_before_a_comma_is_no_part_of_the_name_the_acronym_defines():
    claims = _story(
        "Two peacekeepers died as their convoy passed through central Vesta, the UN Mission "
        "in Vesta (MINUVES) announced.",
        "MINUVES said 3 more were hurt.",
    )
    said = find(claims, "attribution", "MINUVES said")
    assert names(said) == ["UN Mission in Vesta"]


def test_a_list_of_three_bodies_is_not_split_into_a_pair():
    claims = _story(
        "Harlow Motors, Kessel Auto and Brant Cars confirmed the report, saying 3 plans "
        "were on the table.",
        "Kessel Auto later reported a loss, while Brant Cars projected a profit.",
    )
    said = find(claims, "attribution", "Harlow Motors, Kessel")
    assert "Kessel Auto" not in names(said)[:1]
