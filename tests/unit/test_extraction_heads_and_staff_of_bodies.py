"""Heads and staff of a named body speak for it.

The policy (corpus README): the chain names whom a checker asks, first speaker first; a
spokesperson, official or head speaking for a body is "Name > Body" ("~officials > Body"
when unnamed), and a place is never a body. Every sentence here is written for the test.
"""

from tests.suggested import chain_of


def test_a_head_titled_before_the_body_and_the_name_speaks_for_the_body():
    body = "Chairman of the Electoral Commission James Ford said 45 percent of votes were in."
    assert chain_of(body, "45 percent") == ["James Ford", "Electoral Commission"]


def test_the_body_of_a_head_title_may_carry_its_acronym_in_brackets():
    body = (
        "Chairman of the Independent National Electoral Commission (INEC) Musa Bello said "
        "93 million voters had registered."
    )
    assert chain_of(body, "93 million voters") == [
        "Musa Bello",
        "Independent National Electoral Commission",
    ]


def test_a_three_word_name_after_a_company_is_the_person_not_part_of_the_company():
    body = "Chief Executive Officer of Tarn Holdings Corp Ann Marie Roe said 12 stores would shut."
    assert chain_of(body, "12 stores")[0] == "Ann Marie Roe"


def test_officials_at_a_named_body_are_unnamed_and_speak_for_it():
    body = "Officials at the Electoral Commission said 45 percent of the votes had been counted."
    links = chain_of(body, "45 percent")
    assert links[0].startswith("~")  # flagged as unnamed, never a registry entry
    assert links[1:] == ["Electoral Commission"]


def test_counted_officials_from_a_ministry_are_unnamed_and_speak_for_it():
    body = "Two officials from the Health Ministry said 12 people had died."
    links = chain_of(body, "12 people had died")
    assert links[0].startswith("~")
    assert links[1:] == ["Health Ministry"]


def test_officials_in_a_place_are_only_unnamed_officials():
    body = "Officials in Kabul said 12 people had died."
    assert chain_of(body, "12 people had died") == ["~Officials"]


def test_officials_at_the_scene_are_only_unnamed_officials():
    body = "Officials at the scene said 12 people had died."
    assert chain_of(body, "12 people had died") == ["~Officials"]


def test_a_spokesperson_for_a_named_body_kept_anonymous_speaks_for_it():
    body = (
        "A spokesman for the Interior Ministry, who asked not to be named, said 12 people "
        "were arrested."
    )
    links = chain_of(body, "12 people were arrested")
    assert links[0].startswith("~spokesman")
    assert links[1:] == ["Interior Ministry"]


def test_a_police_spokeswoman_speaks_for_the_police_and_through_the_agency_she_told():
    body = "Ann Roe, a police spokeswoman, told Reuters that 12 people were arrested."
    assert chain_of(body, "12 people were arrested") == ["Ann Roe", "police", "Reuters"]


def test_who_heads_a_body_speaks_for_it():
    body = "Ann Roe, who heads the Electoral Commission, said turnout was 60 percent."
    assert chain_of(body, "turnout was 60 percent") == ["Ann Roe", "Electoral Commission"]


def test_a_capitalised_arabic_article_opens_the_name_of_an_outlet():
    body = "Twelve people were arrested, Al Jazeera reported, citing security sources."
    assert chain_of(body, "Twelve people were arrested") == ["~security sources", "Al Jazeera"]


def test_a_lower_case_body_before_a_spokesman_named_mid_sentence_is_his_body():
    body = "Twelve people were arrested, police spokesman Ann Roe told reporters."
    assert chain_of(body, "Twelve people were arrested") == ["Ann Roe", "police"]


def test_the_central_bank_governor_speaks_for_the_central_bank():
    body = "\u201cTwelve banks have failed,\u201d the central bank governor, Ann Roe, said."
    assert chain_of(body, "Twelve banks have failed") == ["Ann Roe", "central bank"]


def test_an_agency_that_quoted_a_person_as_saying_relays_her_words():
    body = "The state news agency quoted Ann Roe as saying that 40 patients were in hospital."
    assert chain_of(body, "40 patients") == ["Ann Roe", "state news agency"]


def test_an_agency_that_quoted_an_unnamed_spokesman_relays_his_words():
    body = "Xinhua quoted a police spokesman as saying 40 people were arrested."
    links = chain_of(body, "40 people were arrested")
    assert links[0].startswith("~") and links[-1] == "Xinhua"
