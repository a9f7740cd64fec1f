"""Reading names and references back: datelines glued to the first sentence, names
that run over a lower-case connector, and pronouns that refer to a body named before.

Every sentence here is written for the test; none is copied from a page. The policy
(corpus README): the attribution chain names whom a checker asks, first speaker first.
"""

from factcheck.extraction import suggest_claims
from tests.suggested import find, names


def test_a_capitalised_dateline_that_lost_its_dash_is_not_part_of_the_speaker():
    body = "OSLOVIA The UN reef panel warned on Monday, saying 40 percent of reefs had died."
    said = find(suggest_claims(body), "attribution", "40 percent of reefs had died")
    assert names(said) == ["UN reef panel"]
    assert said.text.startswith("The UN reef panel")


def test_a_place_and_date_dateline_that_lost_its_dash_is_not_part_of_the_speaker():
    body = (
        "Port Ellis, Mar 4 The Harbour Board has imposed a fine of 25,000 crowns on the "
        "ferry operator."
    )
    fined = find(suggest_claims(body), "statistic", "25,000 crowns")
    assert names(fined) == ["Harbour Board"]


def test_an_acronym_opening_a_sentence_before_a_title_is_no_dateline():
    body = "TRWA Secretary General Ann Roe said 40 percent of the wells were dry."
    said = find(suggest_claims(body), "attribution", "40 percent of the wells")
    assert names(said) == ["Ann Roe", "TRWA"]
