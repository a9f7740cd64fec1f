"""A title used later for a person the copy named with it ("the Minister", "the EC
chairman", "the Minister of Health", "the CEC") refers back to that person, who is the
source a checker would call, never a source named after the bare title.

Every sentence here is written for the test; none is copied from a page.
"""

from tests.suggested import find, names, story


def test_the_minister_is_the_person_introduced_as_minister_in_an_apposition():
    claims = story(
        "Tom Brandt, the Minister of Public Works, met the press on Monday.",
        "According to the Minister, the new bridge will open in May.",
    )
    said = find(claims, "attribution", "According to the Minister")
    assert names(said)[0] == "Tom Brandt"


def test_the_minister_of_a_field_is_the_minister_whose_portfolio_has_that_field():
    claims = story(
        "The Minister of Public Health and Population, Dr. Ana Velde, announced two new "
        "cases in the capital.",
        "The Minister of Health stressed that the rate of recovery matters most.",
    )
    said = find(claims, "attribution", "The Minister of Health stressed")
    assert names(said)[0] == "Ana Velde"


def test_a_title_with_the_acronym_of_the_holder_s_body_refers_to_the_holder():
    claims = story(
        "Chairman of the Harbour Commission (HC) Lina Okoro has said the port reopened.",
        "The HC chairman said on Sunday that traffic was back to normal.",
    )
    said = find(claims, "attribution", "The HC chairman said")
    assert names(said)[0] == "Lina Okoro"


def test_a_title_with_words_that_name_no_place_refers_to_its_only_holder():
    claims = story(
        "Paul Dune, Governor of the Central Bank of Norland, said on Thursday that "
        "inflation will fall.",
        'The BCN governor also said that "there is no need to be alarmed."',
    )
    said = find(claims, "attribution", "The BCN governor also said")
    assert names(said)[0] == "Paul Dune"


def test_a_title_of_another_country_is_not_the_holder_named_before():
    claims = story(
        "Paul Dune, Governor of the Central Bank of Norland, said on Thursday that "
        "inflation will fall.",
        "The US governor said that rates would stay where they are.",
    )
    said = find(claims, "attribution", "The US governor said")
    assert "Paul Dune" not in names(said)


def test_an_acronym_defined_for_a_title_before_a_name_refers_to_the_holder():
    claims = story(
        "Chief Harbour Commissioner (CHC) Omar Bakri has said the delay was caused by a "
        "fault in the cranes.",
        "Addressing reporters, the CHC said he was displeased with the delay.",
    )
    said = find(claims, "attribution", "the CHC said he was displeased")
    assert names(said) == ["Omar Bakri"]


def test_the_chairman_is_the_titled_person_after_the_acronym_of_his_body():
    claims = story(
        "Harbour Commission (HC) Chairman Omar Bakri gave assurances that the work was "
        "done safely.",
        "According to the Chairman, 1,204 berths were open on Monday.",
    )
    said = find(claims, "attribution", "According to the Chairman")
    assert names(said)[0] == "Omar Bakri"
    assert names(find(claims, "statistic", "1,204 berths"))[0] == "Omar Bakri"


def test_the_party_leader_is_the_one_person_named_with_a_post_in_that_party():
    claims = story(
        "Zantu Party general secretary Ama Kofi said on Monday that prices had risen.",
        "The Zantu Party leader also said the opposition had failed.",
        'Zantu Party leader said, "We are passing through a hard time."',
    )
    assert names(find(claims, "attribution", "The Zantu Party leader also"))[0] == "Ama Kofi"
    assert names(find(claims, "attribution", "Zantu Party leader said"))[0] == "Ama Kofi"


def test_the_leader_by_the_party_s_initials_is_the_post_holder_named_with_them():
    claims = story(
        "Zantu Party (ZP) General Secretary Ama Kofi on Saturday asked activists to stay calm.",
        'The ZP leader also said, "The rival camp has a new plan."',
    )
    assert names(find(claims, "attribution", "The ZP leader also said"))[0] == "Ama Kofi"


def test_the_party_president_after_its_supremo_is_the_supremo():
    claims = story(
        "Vesta Party supremo and state chief minister Ann Roe on Sunday said the party "
        "mattered most.",
        "The Vesta Party president said that hard work had paid off.",
    )
    assert names(find(claims, "attribution", "The Vesta Party president said"))[0] == "Ann Roe"


def test_a_party_leader_fits_nobody_when_two_people_hold_posts_in_the_party():
    claims = story(
        "Zantu Party general secretary Ama Kofi said on Monday that prices had risen.",
        "Zantu Party chairman Ben Osei said the budget was weak.",
        "The Zantu Party leader also said the opposition had failed.",
    )
    said = names(find(claims, "attribution", "The Zantu Party leader also"))
    assert said[0] not in ("Ama Kofi", "Ben Osei")


def test_an_opening_participle_clause_is_not_the_name_the_title_describes():
    claims = story(
        "Vesta Party supremo Ann Roe on Sunday said the party mattered most.",
        "Addressing party workers, the Vesta Party president said that hard work had paid off.",
    )
    said = find(claims, "attribution", "Addressing party workers")
    assert names(said)[0] == "Ann Roe"
    assert not any(c.kind == "characterization" and c.text.startswith("Addressing") for c in claims)
