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


def test_a_described_command_is_the_command_named_later_by_its_proper_name():
    body = (
        "The U.S. Pacific command said Wednesday that 12 civilians may have been killed.\n\n"
        "Northern Command said in a statement that the claims were credible."
    )
    said = find(suggest_claims(body), "attribution", "12 civilians may have been killed")
    assert names(said) == ["Northern Command"]


def test_a_described_army_is_not_another_country_s_army_named_later():
    body = (
        "The Ruritanian army said on Monday that 12 soldiers had been wounded.\n\n"
        "The Oslovian Army said in a statement that its border posts were quiet."
    )
    said = find(suggest_claims(body), "attribution", "12 soldiers had been wounded")
    assert "Oslovian Army" not in names(said)


def test_a_body_described_with_the_generic_head_body_is_the_body_named_later():
    body = (
        "Ann Roe won re-election with 58 percent of votes cast, according to results "
        "announced by the official counting body on Thursday.\n\n"
        "Her rivals have not commented on the Ruritania Vote Counting Commission's results."
    )
    won = find(suggest_claims(body), "statistic", "58 percent of votes cast")
    assert names(won) == ["Ruritania Vote Counting Commission"]


def test_the_weather_body_refers_back_to_the_body_that_spoke_last():
    body = (
        "Twelve districts have recorded deficient rain, says the Ruritania Met Department.\n\n"
        "The deficiency is as high as 41 per cent in the north, the weather body said."
    )
    said = find(suggest_claims(body), "attribution", "as high as 41 per cent")
    assert names(said) == ["Ruritania Met Department"]


def test_it_after_a_survey_made_by_a_body_speaks_as_that_body():
    body = (
        "The survey was conducted by the Harwick Teachers Institute, a research charity. "
        "It polled 2,417 teachers in May and found that 40 per cent planned to leave."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "2,417 teachers")) == ["Harwick Teachers Institute"]
    assert names(find(claims, "statistic", "40 per cent")) == ["Harwick Teachers Institute"]


def test_it_opening_a_sentence_acts_as_the_body_named_before():
    body = (
        "The Harbour Board met on Monday to review ferry fares.\n\n"
        "It raised the fares by 5 per cent from June."
    )
    raised = find(suggest_claims(body), "statistic", "5 per cent")
    assert names(raised) == ["Harbour Board"]


def test_its_previous_report_is_the_report_of_the_body_last_quoted():
    body = (
        "Flu cases have risen to 6,764 in 48 states, the Ruritania Health Institute "
        "reported on Monday.\n\n"
        "In its previous report on Friday, the number of cases was 6,552 with nine deaths."
    )
    earlier = find(suggest_claims(body), "statistic", "6,552")
    assert names(earlier) == ["Ruritania Health Institute"]


def test_a_body_described_in_lower_case_acts_as_itself():
    body = (
        "Opposition parties in Ruritania on Saturday rejected the provisional results. "
        "The elections commission has since Thursday begun announcing the results, with "
        "Ann Roe ahead with 45.4 percent of the votes."
    )
    ahead = find(suggest_claims(body), "statistic", "45.4 percent")
    assert names(ahead) == ["elections commission"]


def test_a_part_of_a_body_described_before_its_name_is_the_named_body():
    body = (
        "According to the Ruritanian army's media wing Joint Defence Public Relations "
        "(JDPR), three militants were killed in the raid.\n\n"
        "It confirmed that 12 soldiers were wounded."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "three militants")) == ["Joint Defence Public Relations"]
    assert names(find(claims, "statistic", "12 soldiers")) == ["Joint Defence Public Relations"]


def test_a_hyphenated_title_before_a_name_is_a_title_and_names_the_body():
    body = "TRWA Director-General Ann Roe said 40 percent of the wells were dry."
    said = find(suggest_claims(body), "attribution", "40 percent of the wells")
    assert names(said) == ["Ann Roe", "TRWA"]


def test_a_panel_named_in_passing_is_not_the_he_of_the_next_quote():
    body = (
        "Ruritania Secretary-General Ann Roe said the report by the Coastal Panel on "
        "Reef Change revealed a litany of broken promises.\n\n"
        "\u201cIt is a file of shame,\u201d she said."
    )
    quoted = find(suggest_claims(body), "attribution", "file of shame")
    assert names(quoted)[0] == "Ann Roe"
