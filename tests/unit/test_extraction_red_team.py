"""Over-reaches of the generic finder rules: sentences where a rule written from
real copy should not fire, or should give another answer.

Every sentence here is written for the test; none is copied from a page. The policy
(corpus README): the attribution chain names whom a checker asks, first speaker first;
a plan, a rule or a custom is nobody's source.
"""

from factcheck.extraction import clean_text, suggest_claims
from factcheck.extraction.cleaning import repair_mojibake
from tests.suggested import find, names


def test_a_capitalised_name_opening_an_aside_between_hyphens_is_no_dateline():
    body = "NATO - the alliance of 32 countries - said it would send 5,000 troops to the border."
    claims = suggest_claims(body)
    said = find(claims, "attribution", "said it would send")
    assert said.text.startswith("NATO")
    assert names(said) == ["NATO"]


def test_a_bare_dateline_before_an_aside_between_hyphens_is_still_a_dateline():
    body = "HARBOURTON - The port authority - which runs 12 docks - said 40 ships were late."
    claims = suggest_claims(body)
    said = find(claims, "attribution", "40 ships were late")
    assert said.text.startswith("The port authority")


def test_a_monitor_that_recorded_a_figure_is_the_source_when_it_said_so():
    body = "The Harbour Rights Monitor has documented 1,200 arrests since March, it said."
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "1,200 arrests")) == ["Harbour Rights Monitor"]


def test_a_place_that_recorded_a_figure_is_still_no_source_when_a_body_said_it():
    body = (
        "The Coastal Weather Office said the storm had passed.\n\n"
        "In the south, Bay Harbour recorded 90 mm of rain on Sunday, it said."
    )
    claims = suggest_claims(body)
    said = find(claims, "attribution", "Bay Harbour recorded")
    assert names(said) == ["Coastal Weather Office"]


def test_as_per_usual_names_no_source():
    claims = suggest_claims("As per usual, 300 protesters gathered outside the parliament.")
    assert names(find(claims, "statistic", "300 protesters")) == []


def test_a_custom_or_a_plan_followed_is_no_source():
    claims = suggest_claims("As per tradition, 300 riders crossed the bridge at noon.")
    assert names(find(claims, "statistic", "300 riders")) == []
    body = "According to plan, 300 boats left the harbour at dawn, the port authority said."
    said = find(suggest_claims(body), "attribution", "300 boats left")
    assert names(said) == ["port authority"]


def test_the_plans_themselves_are_still_a_document_to_read():
    body = "According to the plans, the new block will hold 40 flats."
    said = find(suggest_claims(body), "attribution", "40 flats")
    assert [n.lstrip("~") for n in names(said)] == ["plans"]


def test_as_per_a_body_is_still_its_source():
    claims = suggest_claims("As per the Harbour Police, 40 cars were stolen in May.")
    assert names(find(claims, "statistic", "40 cars")) == ["Harbour Police"]


def test_two_bodies_joined_by_and_stay_two_when_each_is_known_or_national():
    body = "The Red Cross and World Health Organization said 40 clinics had been shut."
    said = find(suggest_claims(body), "attribution", "40 clinics")
    assert len(names(said)) == 2
    assert names(said)[1] == "World Health Organization"
    body = "The Taliban and Pakistan Army said 12 fighters were captured."
    said = find(suggest_claims(body), "attribution", "12 fighters")
    assert names(said) == ["Taliban", "Pakistan Army"]


def test_a_body_named_with_and_is_still_one_body():
    body = "The Ocean and Ice Data Center said the ice shelf lost 12% of its area."
    said = find(suggest_claims(body), "attribution", "ice shelf lost")
    assert names(said) == ["Ocean and Ice Data Center"]


def test_the_clubs_boss_is_not_a_player_named_before():
    body = (
        "Ivo Brandt scored twice as Quay Athletic won 2-1 at home.\n\n"
        "The Quay Athletic boss said the side had improved since March."
    )
    said = find(suggest_claims(body), "attribution", "the side had improved")
    assert "Ivo Brandt" not in names(said)
    body = (
        "Striker Ivo Brandt said 30,000 fans had sung all night.\n\n"
        "The Quay Athletic boss said the side had improved since March."
    )
    said = find(suggest_claims(body), "attribution", "the side had improved")
    assert not any("Ivo Brandt" in n for n in names(said))


def test_the_clubs_boss_is_still_the_manager_who_spoke_before():
    body = (
        "Nadia Orsk said her side deserved the win at Quay Park.\n\n"
        "The Quay Athletic boss said she wanted two new defenders."
    )
    said = find(suggest_claims(body), "attribution", "two new defenders")
    assert names(said) == ["Nadia Orsk"]


def test_a_change_that_came_after_another_goes_on_with_the_speaker_s_data():
    body = (
        "Exports rose 4% in June, the statistics office said. The rise came after a 2% fall in May."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "2% fall")) == ["statistics office"]


def test_hailing_a_taxi_is_no_statement():
    body = "Fans hailed a taxi outside the stadium, where 40,000 people had watched the final."
    claims = suggest_claims(body)
    assert not [c for c in claims if c.kind == "attribution"]
    assert names(find(claims, "statistic", "40,000 people")) == []


def test_an_order_by_anyone_but_a_court_is_an_act_not_a_statement():
    claims = suggest_claims("The Harbour Shipping Company directed that 300 staff work from home.")
    assert not [c for c in claims if c.kind == "attribution"]
    claims = suggest_claims("The Eastern High Court ordered that the port pay $2 million in fees.")
    assert names(find(claims, "attribution", "ordered that")) == ["Eastern High Court"]


def test_a_capital_a_with_tilde_ending_a_quoted_word_is_no_mojibake():
    text = "Marchers chanted \u201cAMANH\u00c3\u201d as 4,000 people filled the square."
    assert repair_mojibake(text) == text
    assert "\u201cAMANH\u00c3\u201d" in clean_text(text).body
    assert repair_mojibake("ESPA\u00c3\u2018A") == "ESPA\u00d1A"  # still repaired inside a word
