"""Events nobody is credited with point to whoever carries the copy (batch h12e classes).

Every sentence here is written for the test; none is copied from a page. The policy
(issue 12, point 3, and the corpus README): a claim no one is credited with in its
paragraph is checked with the wire agency or the outlet that carries it.
"""

from factcheck.extraction import suggest_claims
from tests.suggested import find, names


def test_an_unattributed_match_result_is_checked_with_the_outlet():
    body = (
        "Harbour Rovers beat Mill Lane United 2-1 at Quayside Park on Saturday after "
        "a late header from their captain.\n\n"
        "The visitors had led for most of the second half."
    )
    claims = suggest_claims(body, outlet="Valley Sport")
    event = find(claims, "event", "Harbour Rovers beat Mill Lane United")
    assert names(event) == ["Valley Sport"]
    assert "outlet" in event.reason


def test_an_unattributed_event_in_wire_copy_is_the_agency_s():
    body = (
        "PORT ELLIS (Reuters) - Workers completed the new ferry terminal in Port Ellis "
        "on Tuesday, three months behind schedule."
    )
    claims = suggest_claims(body, outlet="Bay Gazette")
    assert names(find(claims, "event", "Workers completed the new ferry terminal")) == ["Reuters"]


def test_an_event_told_by_a_named_speaker_keeps_the_speaker_not_the_outlet():
    body = "The bridge was reopened on Monday, city engineer Dara Quint said."
    claims = suggest_claims(body, outlet="Valley Sport")
    assert all(c.kind != "event" for c in claims)
    assert names(find(claims, "attribution", "The bridge was reopened")) == ["Dara Quint"]


def test_without_an_outlet_or_agency_an_unattributed_event_has_no_source():
    body = "Harbour Rovers beat Mill Lane United 2-1 at Quayside Park on Saturday."
    claims = suggest_claims(body)
    assert find(claims, "event", "Harbour Rovers beat").sources == []


def test_a_court_or_casualty_record_is_an_event_without_a_name_in_the_sentence():
    body = (
        "The defendant, who had no lawyer, pleaded not guilty to the charges.\n\n"
        "No officers were injured during the arrest.\n\n"
        "The visitors had led for most of the second half."
    )
    claims = suggest_claims(body, outlet="Valley Courts Weekly")
    assert names(find(claims, "event", "pleaded not guilty")) == ["Valley Courts Weekly"]
    assert names(find(claims, "event", "No officers were injured")) == ["Valley Courts Weekly"]
    assert all("The visitors had led" not in c.text for c in claims)


def _events(body: str) -> list[str]:
    return [c.text for c in suggest_claims(body) if c.kind == "event"]


def test_an_impression_or_a_schedule_is_no_event_yet():
    assert _events("It seemed the visitors from Ranpur were stronger on the flanks all game.") == []
    assert _events("Ann Roe is scheduled to be sentenced by the Veldor court on March 3.") == []


def test_a_resignation_or_appointment_is_an_event():
    quit_ = "Tom Ruiz quit on the eve of the Veldor summit after weeks of pressure."
    assert _events(quit_) == [quit_]
    named = "Acme also named Ann Roe as its head of communications, effective May 1."
    assert _events(named) == [named]
    assert _events("The Ranpur club, also known as the Reds, is at home in Veldor.") == []
