"""Attribution chains on patterns found in a second batch of real pages.

The sentences are written for these tests; each stands for a pattern that
wire copy and local news use. The expected chain follows the policy: the
person who spoke first, then the body they speak for when the copy names
it, then whoever relayed it.
"""

from factcheck.extraction import SuggestedClaim, suggest_claims
from factcheck.extraction.sentences import split_sentences
from tests.suggested import find


def names(claim: SuggestedClaim) -> list[str]:
    return [s.name for s in claim.sources]


# -- an officer speaks for the force, a spokesman for the body -----------------


def test_force_and_rank_before_the_name_chain_to_the_force():
    claims = suggest_claims("Harbour City Police Sgt. Lena Ortiz said the van was stolen at dawn.")
    assert names(find(claims, "attribution", "Lena Ortiz said")) == [
        "Lena Ortiz",
        "Harbour City Police",
    ]


def test_rank_is_not_part_of_the_name_and_later_surname_keeps_the_chain():
    body = (
        "According to Det. Omar Haddad with the Lakeside Police Department, two cars were "
        "burned overnight.\n\nHaddad says the fire started at about 2 a.m."
    )
    claims = suggest_claims(body)
    expected = ["Omar Haddad", "Lakeside Police Department"]
    assert names(find(claims, "attribution", "According to Det.")) == expected
    assert names(find(claims, "attribution", "Haddad says")) == expected


def test_town_and_force_before_the_role_name_the_body():
    claims = suggest_claims("Leiden police chief Anna de Wit told reporters a man was held.")
    assert names(find(claims, "attribution", "told reporters")) == ["Anna de Wit", "Leiden police"]


def test_spokesman_post_after_a_military_rank_names_the_body():
    claims = suggest_claims(
        "Two soldiers were hurt, said Maj. Tom Reyes, a spokesman for UNIFIL in Lebanon."
    )
    assert names(find(claims, "attribution", "Two soldiers")) == ["Tom Reyes", "UNIFIL"]


def test_rank_of_an_army_alone_does_not_speak_for_a_country():
    claims = suggest_claims("Col. Ivan Petrov said the bridge had been repaired.")
    assert names(find(claims, "attribution", "Petrov said")) == ["Ivan Petrov"]


def test_person_of_an_institute_is_cut_at_of():
    claims = suggest_claims("According to Rosa Lind of the Fjord Institute, rents rose 6 percent.")
    assert names(find(claims, "attribution", "According to"))[0] == "Rosa Lind"


# -- who told whom ---------------------------------------------------------------


def test_telling_a_newsroom_by_its_acronym_relays_through_it():
    claims = suggest_claims("A district chief was shot dead, provincial officials told KTN.")
    said = find(claims, "attribution", "told KTN")
    assert [(s.name, s.unnamed) for s in said.sources] == [
        ("provincial officials", True),
        ("KTN", False),
    ]


def test_telling_a_group_of_people_is_no_relay():
    claims = suggest_claims("The minister told EU partners the plan was ready.")
    assert names(find(claims, "attribution", "told EU partners")) == ["minister"]


def test_taking_responsibility_is_a_statement_and_he_too_said_refers_back():
    body = (
        "Rebel spokesman Yusuf Dari took responsibility for the ambush. "
        "He too said all four guards were killed."
    )
    claims = suggest_claims(body)
    took = find(claims, "attribution", "took responsibility")
    assert names(took)[0] == "Yusuf Dari"
    assert names(find(claims, "attribution", "He too said"))[0] == "Yusuf Dari"


def test_second_verb_of_the_subject_keeps_the_subject():
    claims = suggest_claims(
        "Oct 3 Lumen Corp posted a 40 percent fall in profit and said sales would slow."
    )
    assert names(find(claims, "attribution", "posted a 40 percent")) == ["Lumen"]


# -- what is not a speaker -------------------------------------------------------


def test_nobody_speaks_in_no_group_has_claimed():
    claims = suggest_claims("No group has claimed the bombing of the depot.")
    assert all(not c.sources for c in claims if "No group" in c.text)


def test_confirmed_before_a_plural_noun_is_an_adjective():
    claims = suggest_claims("Cumulative confirmed infections stand at 61, the ministry said.")
    said = find(claims, "attribution", "the ministry said")
    assert names(said) == ["ministry"]


def test_legal_form_is_not_part_of_a_company_name():
    body = "Lumen Corp. said orders rose 8 percent.\n\nLumen said it would hire 200 people."
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Corp. said")) == ["Lumen"]
    assert names(find(claims, "attribution", "Lumen said")) == ["Lumen"]


# -- sentences and credits ---------------------------------------------------------


def test_place_and_rank_abbreviations_do_not_end_a_sentence():
    text = "The depot is in Sault Ste. Marie and the guard was Sgt. Bo Lee."
    assert split_sentences(text) == [(0, len(text))]


def test_agency_byline_is_the_credit_for_unattributed_figures():
    claims = suggest_claims(
        "Floods cut the coastal road in 14 places on Tuesday.",
        outlet="Island Times",
        byline="AFP",
    )
    assert names(find(claims, "statistic", "14 places")) in (["AFP"], ["Agence France-Presse"])


def test_a_bare_police_rank_names_no_body():
    claims = suggest_claims("Police Lt. Chris Cole said the man had a rifle.")
    assert names(find(claims, "attribution", "Cole said")) == ["Chris Cole"]


def test_role_then_name_after_said_is_the_name_and_the_role_refers_back_to_it():
    body = (
        "Eleven people were killed, said the provincial governor, Ali Karimi.\n\n"
        "In Herat, the governor said the attackers came from the west."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Eleven people"))[0] == "Ali Karimi"
    assert names(find(claims, "attribution", "the governor said"))[0] == "Ali Karimi"


def test_described_speaker_named_later_brings_the_body_they_speak_for():
    body = (
        "A man was arrested, a police chief said.\n\n"
        '"We have him," Leiden police chief Anna de Wit told reporters.'
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "a police chief said")) == [
        "Anna de Wit",
        "Leiden police",
    ]


def test_leading_in_a_statement_is_not_the_speaker():
    claims = suggest_claims(
        "In a statement released on Monday, the Coastal Water Board condemned the spill "
        "and confirmed that 40 wells were closed."
    )
    said = find(claims, "attribution", "In a statement")
    assert names(said) == ["Coastal Water Board"]


def test_states_as_a_plural_noun_is_no_speech_verb():
    claims = suggest_claims("Cases were found in Ondo, Edo and Benue states.")
    assert all(not c.sources for c in claims)
    claims = suggest_claims("The report states that 40 wells were closed.")
    assert find(claims, "attribution", "report states").sources


# -- what a figure counts ----------------------------------------------------------


def test_figure_after_stand_at_says_what_it_counts():
    claims = suggest_claims("Confirmed infections stand at 61, the ministry said.")
    figure = find(claims, "statistic", "61")
    assert figure.text == "Confirmed infections stand at 61"


def test_figure_after_have_jumped_to_keeps_its_subject():
    claims = suggest_claims("Recorded deaths have jumped to 17, the ministry said.")
    assert find(claims, "statistic", "17").text == "Recorded deaths have jumped to 17"


def test_the_company_refers_back_to_a_one_word_name_that_spoke():
    claims = suggest_claims("Lumen reported a loss. The company said sales fell 4 percent.")
    assert names(find(claims, "attribution", "The company said")) == ["Lumen"]


def test_a_place_inside_an_appositive_is_not_the_speaker():
    claims = suggest_claims("Lumen, based in Napier, New Zealand, said its sales fell.")
    assert all("Napier" not in names(c) for c in claims)


def test_officials_from_a_place_are_the_vague_speakers_and_not_a_figure():
    claims = suggest_claims(
        "Two district officials from northern Kunar province confirmed on Monday that the "
        "bridge was destroyed."
    )
    said = find(claims, "attribution", "confirmed on Monday")
    assert [(s.name, s.unnamed) for s in said.sources] == [("Two district officials", True)]
    assert not [c for c in claims if c.kind == "statistic"]


def test_residents_of_a_named_place_are_not_the_place():
    claims = suggest_claims("Residents of the Old Town said the water was brown.")
    said = find(claims, "attribution", "said the water")
    assert [(s.name, s.unnamed) for s in said.sources] == [("Residents", True)]


def test_its_spokesman_speaks_for_the_body_just_named_and_its_is_never_a_source():
    claims = suggest_claims(
        "The Harbour Board met on Monday. Its spokesman, Jon Ames, said fees would rise."
    )
    assert names(find(claims, "attribution", "Its spokesman")) == ["Jon Ames", "Harbour Board"]
    claims = suggest_claims("Its spokesman, Jon Ames, said fees would rise.")
    assert names(find(claims, "attribution", "Its spokesman")) == ["Jon Ames"]


def test_a_minister_speaks_for_the_ministry_named_with_the_post():
    claims = suggest_claims(
        "Sara Lind, the minister of the Fisheries Ministry, said quotas would be cut."
    )
    assert names(find(claims, "attribution", "quotas")) == ["Sara Lind", "Fisheries Ministry"]
