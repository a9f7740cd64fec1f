"""Anonymous and vague sourcing at the end of a sentence is recorded as such.

The policy (issue 12, corpus README): anonymous or vague sourcing ("officials said",
"witnesses", "sources close to ...") is flagged unnamed on the claim and never becomes a
registry entry; the outlet it was told to follows it in the chain. Every sentence here is
written for the test.
"""

import pytest

from factcheck.extraction import suggest_claims
from tests.suggested import chain_of, find, names


def chain(body: str) -> list[str]:
    return chain_of(body, "were killed")


@pytest.mark.parametrize(
    ("speaker", "flagged"),
    [
        ("eyewitnesses said", "~eyewitnesses"),
        ("two people said", "~two people"),
        ("an aid worker in the town said", "~aid worker"),
        ("people familiar with the matter said", "~people"),
    ],
)
def test_unnamed_people_after_the_claim_are_its_flagged_source(speaker, flagged):
    assert chain(f"Thirty rebels were killed, {speaker}.") == [flagged]


def test_eyewitnesses_who_told_an_outlet_come_before_it():
    assert chain("Thirty rebels were killed, eyewitnesses told the BBC.") == [
        "~eyewitnesses",
        "BBC",
    ]


def test_an_official_in_a_named_ministry_is_unnamed_and_speaks_for_it():
    links = chain("Thirty rebels were killed, a senior official in the Defence Ministry said.")
    assert links[0].startswith("~") and links[1:] == ["Defence Ministry"]


def test_officials_in_a_city_are_not_a_body():
    assert chain("Thirty rebels were killed, officials in Kabul said.") == ["~officials"]


def test_a_memo_seen_by_a_paper_is_an_unnamed_document_relayed_by_it():
    links = chain("Thirty rebels were killed, according to a memo seen by The Guardian.")
    assert links == ["~memo", "The Guardian"]


def test_the_cheers_of_supporters_are_no_speaker():
    body = "The cheers of a few supporters welcomed the results. Thirty rebels were killed."
    claims = suggest_claims(body)
    assert not [c for c in claims if c.kind == "attribution" and "cheers" in c.text]


def test_a_former_post_nobody_was_named_with_is_an_unnamed_official():
    body = "Thirty rebels were killed, the former Northern Regional Commissioner told reporters."
    assert chain(body) == ["~former Northern Regional Commissioner"]


def test_a_firm_described_by_where_it_is_and_what_it_became_is_no_source_name():
    body = (
        "Harlow and Kessel published its results on Monday.\n\n"
        "The Kessel-based building society-turned bank said 30 branches were killed off."
    )
    said = find(suggest_claims(body), "attribution", "30 branches")
    assert not any("based" in name or "society" in name for name in names(said))
