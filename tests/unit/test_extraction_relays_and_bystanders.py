"""Who passed the words on, and who the copy describes instead of naming.

Policy (issue 12): the chain runs from the one who spoke to whoever relayed the words,
so a checker knows whom to call and where the words were printed. A paper or agency
"quoting" someone passes that person's words on; a statement "quoted by" or comments
"published by" an outlet came through it. People a street report quotes by what they
are ("said a fruit seller", "one of the injured") are unnamed sources, and a name the
copy gives them ("who gave his name as Karim", "surnamed Lind") is the one to call.
Every sentence here is written for the test.
"""

import pytest

from factcheck.extraction import suggest_claims
from tests.suggested import chain_of, find, names, story

# -- a relay that quotes someone -------------------------------------------------


def test_a_paper_reporting_what_sources_told_it_comes_after_them():
    body = (
        "Talks between Norland and Vesta will resume in May, reports Al-Wadi daily "
        "quoting informed sources."
    )
    assert chain_of(body, "Talks between") == ["~informed sources", "Al-Wadi daily"]


def test_an_inverted_report_by_a_named_daily_is_the_daily_s():
    body = "The bridge will reopen in May, reports Al-Wadi daily."
    assert chain_of(body, "The bridge") == ["Al-Wadi daily"]


def test_an_agency_quoting_a_ministry_passes_on_the_ministry_s_words():
    body = (
        "The fishing ban will run to March, the Vesta News Agency said, "
        "quoting the Fisheries Ministry."
    )
    assert chain_of(body, "The fishing ban") == ["Fisheries Ministry", "Vesta News Agency"]


def test_papers_quoting_a_governor_in_an_aside_pass_on_his_words():
    claims = suggest_claims("Local newspapers, quoting the governor, said the bridge would reopen.")
    expected = ["governor", "Local newspapers"]
    assert names(find(claims, "attribution", "Local newspapers")) == expected
    assert not [c for c in claims if c.kind == "characterization"]  # whom they quote, no label


def test_a_statement_quoted_by_a_paper_came_through_the_paper():
    body = "Tom Brill said in a statement quoted by the Daily Ledger that the strike would end."
    assert chain_of(body, "Tom Brill said") == ["Tom Brill", "Daily Ledger"]


def test_comments_published_by_an_outlet_before_the_verb_came_through_it():
    body = "Ann Roe, in her comments published by the Vesta Times, said the port was closed."
    assert chain_of(body, "Ann Roe") == ["Ann Roe", "Vesta Times"]


def test_an_unnamed_survey_quoted_by_a_named_body_is_no_link():
    body = "About 3,000 people use the ferry, the Harbour Board said, quoting a 2019 survey."
    assert chain_of(body, "About 3,000") == ["Harbour Board"]


# -- people described, not named ---------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "flagged"),
    [
        ("said a fruit seller", "~fruit seller"),
        ("said a shop owner near the market", "~shop owner"),
        ("said one of the injured", "~one of the injured"),
        ("said a resident after a night of shelling", "~resident"),
    ],
)
def test_a_person_described_after_the_quote_is_its_flagged_speaker(speaker, flagged):
    claims = suggest_claims(f'"The water came in minutes," {speaker}.')
    assert names(find(claims, "attribution", "The water")) == [flagged]


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        ('"I ran to the door," said one of the injured, surnamed Lind.', "I ran", ["Lind"]),
        (
            '"The ward is full," the doctor, who gave his name as Karim, told Reuters by phone.',
            "The ward",
            ["Karim", "Reuters"],
        ),
        (
            "The bus was hit from behind, according to a witness who identified himself as Pavel.",
            "The bus",
            ["Pavel"],
        ),
    ],
)
def test_a_name_the_copy_gives_a_described_speaker_is_the_one_to_call(sentence, anchor, expected):
    assert chain_of(sentence, anchor) == expected


# -- a speaker inside what another says --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        (
            "Mayor Ann Roe said that while the council said the budget was balanced, "
            "the city faced a deficit.",
            "Mayor Ann Roe",
            ["Ann Roe"],
        ),
        (
            "The suspect is 25, not 30 as officials stated earlier, police chief Dan Cole said.",
            "The suspect",
            ["Dan Cole", "police"],
        ),
        (
            "The ministry said it shut the border to stop smuggling, a charge that the "
            "rebels have denied.",
            "The ministry",
            ["ministry"],
        ),
        (
            "The ministry said the border was shut, while the rebels said it was open.",
            "The ministry",
            ["ministry"],
        ),
    ],
)
def test_a_speaker_inside_the_words_of_another_is_no_link(sentence, anchor, expected):
    assert chain_of(sentence, anchor) == expected


def test_a_figure_in_the_clause_of_a_speaker_set_against_another_stays_theirs():
    claims = suggest_claims(
        "Four civilians were killed, according to an official toll, while rebels said "
        "30 soldiers were killed."
    )
    assert names(find(claims, "statistic", "30 soldiers")) == ["rebels"]


def test_a_clause_set_against_nothing_keeps_its_speaker():
    body = "While the council said the budget was balanced, the city faced a deficit."
    assert chain_of(body, "While the council") == ["council"]


def test_an_outlet_nobody_named_is_an_unnamed_link():
    claims = story("Prices would fall by 10 percent next month, Tom Reed told a broadcaster.")
    said = find(claims, "statistic", "10 percent")
    assert names(said) == ["Tom Reed", "~broadcaster"]


def test_a_named_outlet_stays_named():
    claims = story("Prices would fall by 10 percent, Tom Reed told local broadcaster Radio Kello.")
    said = find(claims, "statistic", "10 percent")
    assert names(said) == ["Tom Reed", "Radio Kello"]
