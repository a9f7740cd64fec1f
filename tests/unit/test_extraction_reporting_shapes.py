"""Reporting shapes of English news copy the finder passed over: a said-participle with no
comma before it, a claim rejected or denied, a call made, forecasters' expectations, an
estimate put at a number word, a connective between subject and verb, plural bodies as
speakers, a finding with its "that" left out; and events whose sentence holds only a
scare quote or the noun "plans".

Every sentence here is written for the test; none is copied from a page.
"""

from factcheck.extraction import suggest_claims


def attributions(body: str) -> dict[str, list[str]]:
    return {
        c.text: [s.name for s in c.sources] for c in suggest_claims(body) if c.kind == "attribution"
    }


def kinds(body: str) -> list[str]:
    return [c.kind for c in suggest_claims(body)]


def test_a_said_participle_without_a_comma_reports_the_clause_subject():
    body = "In 2019, Mayor Joan Pike backed the bypass saying it would cut traffic in half."
    assert list(attributions(body).values()) == [["Joan Pike"]]
    body = "Coach Tom Hale praised his players noting that they had trained hard all week."
    assert list(attributions(body).values()) == [["Tom Hale"]]
    body = "The Norland army could not confirm the loss, while saying that the crew was safe."
    assert list(attributions(body).values()) == [["Norland army"]]


def test_a_participle_that_is_no_report_after_its_clause_stays_none():
    assert attributions("Residents have been saying the same thing for years.") == {}
    assert attributions("The team ended the night without adding any points.") == {}


def test_a_he_before_the_participle_is_the_person_last_named():
    body = (
        "Coach Tom Hale said the pitch was heavy. "
        "He also credited his new formation stating that the players had adapted well."
    )
    assert list(attributions(body).values()) == [["Tom Hale"], ["Tom Hale"]]


def test_rejecting_or_dismissing_a_claim_or_a_result_is_a_statement():
    body = "Opposition parties in Norland on Monday rejected the provisional results."
    assert list(attributions(body).values()) == [["Opposition parties"]]
    body = "Senator Ann Roe dismissed accusations that she had hidden the donations."
    assert list(attributions(body).values()) == [["Ann Roe"]]


def test_rejecting_or_dismissing_a_person_or_a_thing_is_no_statement():
    assert attributions("The board dismissed the coach after six defeats.") == {}
    assert attributions("The council rejected the planning application for the mall.") == {}


def test_a_claim_denied_by_someone_is_their_statement():
    body = "The reports were denied by the Norland army."
    assert list(attributions(body).values()) == [["Norland army"]]


def test_calling_for_something_is_a_statement():
    body = "The Tide Institute called for an urgent review of harbour safety."
    assert list(attributions(body).values()) == [["Tide Institute"]]


def test_forecasters_expectations_are_their_forecast():
    body = "Analysts had expected revenue to increase 12 percent."
    assert list(attributions(body).values()) == [["Analysts"]]
    body = "Economists polled by the Daily Ledger all expected the rate to stay unchanged."
    assert next(iter(attributions(body).values()))[0] == "Economists"


def test_what_the_writer_expects_is_no_forecast():
    assert attributions("The bridge is expected to reopen in May.") == {}


def test_an_estimate_put_at_a_number_word_is_the_estimator_speaking():
    assert list(attributions("Police put the number of dead at five.").values()) == [["Police"]]


def test_a_connective_between_subject_and_verb_is_skipped():
    body = "One of the officials, however, said the convoy had been delayed."
    assert list(attributions(body).values()) == [["officials"]]


def test_several_bodies_speak_as_a_plural():
    body = "Despite the gap, both firms assert that tablet sales are falling."
    assert list(attributions(body).values()) == [["both firms"]]


def test_a_plural_that_is_no_body_does_not_speak():
    body = "Officials said public hospitals had admitted nine more patients."
    assert list(attributions(body).values()) == [["Officials"]]


def test_a_named_report_ending_in_a_year_is_the_speaker():
    body = "The Coastal Outlook Report 2031 finds that the sea rose faster than forecast."
    assert list(attributions(body).values()) == [["Coastal Outlook Report 2031"]]


def test_a_finding_with_its_that_left_out_is_reported():
    body = "Using buoy records, the Tide Institute found May was 2 degrees warmer than usual."
    claims = suggest_claims(body)
    assert [c.kind for c in claims] == ["attribution", "statistic"]
    assert claims[1].text == "May was 2 degrees warmer"
    assert [s.name for s in claims[1].sources] == ["Tide Institute"]


def test_something_found_with_no_clause_is_no_finding():
    assert attributions("Police found the car in a river near Eastwick.") == {}


def test_expressed_that_reports_like_said_that():
    body = "Coach Tom Hale did not hold back and expressed that the defence had been careless."
    assert list(attributions(body).values()) == [["Tom Hale"]]


def test_a_scare_quote_does_not_stop_an_event():
    body = "Councillors in Eastwick approved a new bungalow near the village \u2018green\u2019."
    assert kinds(body) == ["event"]


def test_a_quotation_of_four_words_or_more_is_speech_not_an_event():
    body = "Councillors in Eastwick approved it \u201cwith great reluctance and regret\u201d."
    assert "event" not in kinds(body)


def test_plans_as_a_noun_is_no_hedge():
    body = "At Monday's meeting, Eastwick councillors voted against plans to build a mall."
    assert kinds(body) == ["event"]
    assert kinds("Eastwick Council plans to build a mall near the station.") == []


def test_a_board_is_a_body_that_speaks():
    body = "Turnout rose to 61 percent, the country's election board said on Saturday."
    assert list(attributions(body).values()) == [["country's election board"]]


def test_an_inverted_speaker_may_be_followed_by_where_they_said_it():
    body = "The reservoir reached its lowest level on May 3, said researchers at Eastwick Dam."
    assert list(attributions(body).values()) == [["researchers"]]
    body = "The bridge closed twice in May, said officials in a news release on Monday."
    assert list(attributions(body).values()) == [["officials"]]


def test_an_adverb_between_subject_and_verb_is_skipped():
    body = "Eastwick officials largely blamed the outage on the storm."
    assert list(attributions(body).values()) == [["Eastwick officials"]]
    body = "A jury found unanimously that the mayor had lied."
    assert list(attributions(body).values()) == [["jury"]]


def test_the_family_is_no_adverb():
    body = "Police said the Roe family quickly left the town."
    assert list(attributions(body).values()) == [["Police"]]


def test_it_before_a_second_verb_is_the_body_last_named():
    body = (
        "The Tide Institute said it had run a survey. "
        "It polled 300 anglers in May, and found that most fish at night."
    )
    found = attributions(body)
    assert found["It polled 300 anglers in May, and found that most fish at night."] == [
        "Tide Institute"
    ]


def test_denying_a_plan_or_a_request_is_a_decision_not_a_denial():
    body = "In the end, Eastwick Council denied the plan with a 5-to-2 vote."
    assert attributions(body) == {}
    assert "event" in kinds(body)
    body = "Eastwick Council denied that it had approved the plan."
    assert list(attributions(body).values()) == [["Eastwick Council"]]


def test_a_hedge_after_a_turn_to_a_new_subject_leaves_the_event():
    body = "Six rebels were killed in the Eastwick clash, but the toll could not be confirmed."
    assert "event" in kinds(body)


def test_a_hedge_on_the_same_subject_after_but_stops_the_event():
    body = "The Eastwick garrison saw the reports, but could not confirm who was hit."
    assert "event" not in kinds(body)


def test_an_emotion_expressed_is_a_stance_stated():
    body = "Coach Tom Hale expressed pride in his young squad after the Eastwick final."
    assert list(attributions(body).values()) == [["Tom Hale"]]
