"""A post written again for a person the copy already named with it ("the West Bengal
Chief Minister", "the DP", "the IGP", "IG Punjab", "the PPRO") is that person, never
the post as a source; a post nobody was named with is an unnamed source.

Every sentence here is written for the test; none is copied from a page.
"""

from factcheck.extraction import suggest_claims
from tests.suggested import find, names


def test_the_title_written_before_the_name_refers_back_to_the_holder():
    claims = suggest_claims(
        "Norland Chief Minister Ann Roe accused the centre of ignoring the state. "
        '"They left us out of the talks for 3 years," the Norland Chief Minister said.'
    )
    assert names(find(claims, "attribution", "left us out")) == ["Ann Roe"]


def test_the_post_without_its_place_is_its_only_holder():
    claims = suggest_claims(
        "Norland Chief Minister Ann Roe accused the centre of ignoring the state.\n\n"
        "Later the Chief Minister said 40 schemes were stalled."
    )
    assert names(find(claims, "statistic", "40 schemes")) == ["Ann Roe"]


def test_a_post_nobody_was_named_with_is_an_unnamed_source():
    claims = suggest_claims("The Norland Chief Minister said 40 schemes were stalled.")
    assert names(find(claims, "statistic", "40 schemes")) == ["~Norland Chief Minister"]


def test_the_initials_of_a_post_refer_back_to_its_holder():
    claims = suggest_claims(
        "Deputy President Tom Hale said he would visit the region.\n\n"
        "Speaking on Saturday, the DP said 12 villages had been attacked."
    )
    assert names(find(claims, "statistic", "12 villages")) == ["Tom Hale"]


def test_a_post_and_its_place_written_alone_is_the_holder():
    claims = suggest_claims(
        "IG Norland Dr Ann Roe said the crackdown should go on.\n\n"
        "IG Norland said that 130 fugitives had been arrested this year."
    )
    assert names(find(claims, "statistic", "130 fugitives")) == ["Ann Roe"]


def test_a_post_defined_with_initials_before_an_honorific_and_a_name():
    claims = suggest_claims(
        "Norland Inspector General Police (IGP) Dr Ann Roe had ordered a crackdown.\n\n"
        "The IGP said the police brought back 20 fugitives."
    )
    assert names(find(claims, "statistic", "20 fugitives")) == ["Ann Roe"]


def test_a_post_defined_with_initials_before_a_rank_and_a_name():
    claims = suggest_claims(
        "In a statement on Monday by the Police Public Relations Officer (PPRO), "
        "CSP Tom Hale, noted that the command was aware of 3 false reports.\n\n"
        '"We urge everyone to stay calm and check the facts," the PPRO stated.'
    )
    assert names(find(claims, "statistic", "3 false reports")) == ["Tom Hale"]
    assert names(find(claims, "attribution", "stay calm")) == ["Tom Hale"]


def test_another_post_of_the_same_kind_is_not_the_holder():
    claims = suggest_claims(
        "Chief Minister Ann Roe said the budget was Rs 40 crore.\n\n"
        "Roe said that the Prime Minister had announced a mere Rs 1,000 crore."
    )
    assert names(find(claims, "statistic", "Rs 1,000 crore"))[0] == "~Prime Minister"


def test_the_coach_alone_is_left_to_the_team_rules():
    claims = suggest_claims(
        "The Warriors coach Tom Hale was sent off in the second half.\n\n"
        "Stars head coach Ann Roe said he was happy with the response.\n\n"
        '"We grew into the match and won 3-1 in the end," the coach said.'
    )
    assert names(find(claims, "attribution", "grew into the match")) == ["Ann Roe"]


def test_a_post_defined_with_initials_is_not_the_force_named_before():
    claims = suggest_claims(
        "Norland police claimed on Sunday to have arrested 86 fugitives.\n\n"
        "Norland Inspector General Police (IGP) Dr Ann Roe had ordered a crackdown.\n\n"
        "The IGP said the police brought back 20 of them."
    )
    assert names(find(claims, "statistic", "86 fugitives")) == ["Norland police"]
    assert names(find(claims, "statistic", "20 of them")) == ["Ann Roe"]
