"""A source the finder offers to the shared registry is a name a checker could look up:
never a name with its title still on it ("Acme CEO Ann Roe"), never what a post is over
("Public Health Affairs"), never a bare title ("the Tarn chairman"), never a word that
opens a sentence or a date ("When", "There", "November").

Every sentence here is written for the test; none is copied from a page.
"""

import pytest

from tests.suggested import find, names, story


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Acme Corp CEO Tom Brandt told reporters revenue rose 12%.", "Tom Brandt"),
        ("CEO Maria Delgado said 300 jobs would go this year.", "Maria Delgado"),
        ("Norland CM Ravi Kohl said 40 schools would close.", "Ravi Kohl"),
        ("PM Anil Verma said the plan would cost $2 billion.", "Anil Verma"),
        ("Alder SP Manoj Rai said 3 men were arrested.", "Manoj Rai"),
        ("ASP Jim Ola said 13 suspects were arrested.", "Jim Ola"),
        ("Labour MP Ann Roe said 300 jobs would go.", "Ann Roe"),
        ("Harbor County Attorney Lisa Grant said 3 men were charged.", "Lisa Grant"),
        ("Knott County Coroner Ben Hale said 14 people died.", "Ben Hale"),
        ("Police Commissioner Bo Lee said 30 men were arrested.", "Bo Lee"),
    ],
)
def test_a_title_or_its_initials_before_a_full_name_is_no_part_of_the_name(sentence, person):
    claims = story(sentence)
    said = find(claims, "attribution", sentence[:20])
    assert names(said)[0] == person


def test_a_title_with_what_it_is_over_before_the_name_leaves_the_name():
    claims = story(
        "Ogun State Commissioner of Police Kay Ude said 13 suspects were arrested.",
        "The Assistant Undersecretary for Public Health Affairs Dr. Lina Wadi announced "
        "that 43 cases were found.",
    )
    assert names(find(claims, "attribution", "Commissioner of Police"))[0] == "Kay Ude"
    assert names(find(claims, "attribution", "Undersecretary"))[0] == "Lina Wadi"


def test_what_a_post_is_over_is_no_body_the_holder_speaks_for():
    claims = story(
        "The Assistant Undersecretary for Public Health Affairs Dr. Lina Wadi announced "
        "that 43 cases were found.",
    )
    assert names(find(claims, "attribution", "Undersecretary")) == ["Lina Wadi"]


def test_a_compound_title_names_no_owner():
    claims = story("Chief Election Commissioner Ali Khan said 12 seats were declared.")
    assert names(find(claims, "attribution", "Chief Election")) == ["Ali Khan"]


def test_a_bare_post_of_a_body_with_no_holder_named_is_unnamed():
    claims = story("The Tarn chairman said 12 seats were lost.")
    said = find(claims, "attribution", "The Tarn chairman")
    assert names(said)[0] == "~Tarn chairman"


def test_a_subordinate_clause_opening_the_sentence_names_no_speaker():
    claims = story(
        "Chief Election Commissioner Ali Khan said the vote was fair.",
        "When asked about the complaints, the commissioner rejected them and promised "
        "action on 12 seats.",
    )
    for claim in claims:
        assert "When" not in names(claim)


def test_the_one_after_with_speaks_in_a_with_saying_clause():
    claims = story(
        'There is no count of the missing, with Dana Pike saying, "It will be hard to '
        'get a good number soon."'
    )
    assert names(find(claims, "attribution", "There is no count")) == ["Dana Pike"]


def test_a_date_in_a_dateline_is_never_a_source():
    claims = story(
        "Norland [Ruritania], November 22 : The alliance chief Omar Bashir on Saturday "
        "lashed out at the government, saying it had lost 30 seats."
    )
    for claim in claims:
        assert "November" not in names(claim)


def test_a_company_described_by_where_it_is_based_is_the_company_named_before():
    claims = story(
        "Lorvan said on Monday it would cut its forecast.",
        "The Brookfield, Wis.-based company reported sales of $29 million for the quarter.",
        '"This cut affects 2,400 employees," the New Harbor-based company added.',
    )
    assert names(find(claims, "attribution", "Wis.-based company")) == ["Lorvan"]
    assert names(find(claims, "attribution", "New Harbor-based")) == ["Lorvan"]


def test_the_company_with_no_company_named_before_is_unnamed():
    claims = story("The shares fell 19 percent after the company reported a $511 million loss.")
    said = find(claims, "attribution", "the company reported")
    assert names(said) == ["~company"]


def test_according_to_him_is_the_person_named_before():
    claims = story(
        "Police spokesman Ben Ade said 14 suspects were arrested at the scene.",
        "Items recovered from the suspects according to him include knives and a cash sum "
        "of 77,000 naira.",
    )
    said = find(claims, "attribution", "according to him")
    assert names(said)[0] == "Ben Ade"


@pytest.mark.parametrize(
    ("sentence", "fragment", "vague"),
    [
        ("Fourteen people died, according to the county coroner.", "Fourteen", "~county coroner"),
        (
            '"We are not commenting on any rumor," the representative told the website.',
            "not commenting",
            "~representative",
        ),
        (
            "Clashes began on Sunday near the square, a Tass correspondent reported.",
            "Clashes began",
            "~Tass correspondent",
        ),
    ],
)
def test_a_post_or_a_reporter_never_named_is_unnamed(sentence, fragment, vague):
    claims = story(sentence)
    assert names(find(claims, "attribution", fragment))[0] == vague


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("IIC Ravi Sahu said the two men surrendered before court.", "Ravi Sahu"),
        ("SDPO Bina Das said the accused were absconding.", "Bina Das"),
        ("CP Ade Olu said 12 suspects were arrested.", "Ade Olu"),
        ("Secretary-General Ana Mirel said 40 teams were sent.", "Ana Mirel"),
        (
            "Under-Secretary-General for Humanitarian Affairs Ana Mirel said 40 teams were sent.",
            "Ana Mirel",
        ),
        (
            "Deputy Secretary General for Political Affairs Ana Mirel said 40 teams were sent.",
            "Ana Mirel",
        ),
    ],
)
def test_police_posts_as_initials_and_general_titles_are_no_part_of_the_name(sentence, person):
    claims = story(sentence)
    assert names(find(claims, "attribution", sentence[:20])) == [person]


def test_cde_before_a_name_is_an_honorific_and_the_post_before_it_still_names_the_party():
    claims = story("Vero Front spokesperson Cde Tom Dube said the party will win 40 seats.")
    assert names(find(claims, "attribution", "Vero Front")) == ["Tom Dube", "Vero Front"]


def test_a_state_before_a_government_post_is_where_the_holder_governs_not_a_source():
    claims = story(
        "Tarvia Chief Minister Ravi Mendel said the state will seek 40 crore in aid.",
        "Norden Governor Ann Hale said 300 homes were lost.",
    )
    assert names(find(claims, "attribution", "Tarvia Chief")) == ["Ravi Mendel"]
    assert names(find(claims, "attribution", "Norden Governor")) == ["Ann Hale"]


def test_a_rank_or_co_before_the_owner_is_no_part_of_the_body():
    claims = story(
        "Senior KLP-F chief Omar Durran said the march will begin on Friday.",
        "Co-Cabinet Spokesman Lal Perera said the coalition will continue.",
    )
    assert names(find(claims, "attribution", "Senior KLP-F")) == ["Omar Durran", "KLP-F"]
    assert names(find(claims, "attribution", "Co-Cabinet")) == ["Lal Perera", "Cabinet"]


def test_according_to_a_post_then_the_holders_name_credits_the_holder():
    claims = story(
        "The toll could pass 9,000, according to the agency's top aid official in the "
        "region, Ines Varga.",
        "Fares will rise 5%, according to the city's transport chief, Tom Bale.",
    )
    assert names(find(claims, "attribution", "The toll"))[0] == "Ines Varga"
    assert names(find(claims, "attribution", "Fares will"))[0] == "Tom Bale"


def test_according_to_a_body_then_a_name_is_no_appositive():
    claims = story("According to the police chief, Tom Bale, 45, was arrested on Monday.")
    assert "Tom Bale" not in names(find(claims, "attribution", "According to"))


def test_a_quote_after_a_titled_holders_sentence_is_the_holders():
    claims = story(
        "Former president Bill Rowan stressed that people should give cash. "
        "\u201cEven a dollar helps.\u201d",
        "Under-Secretary-General for Humanitarian Affairs Ann Holm identified rescue as the "
        "priority. "
        "\u201cEvery hour counts when people are trapped.\u201d",
    )
    assert names(find(claims, "quote", "Every hour")) == ["Ann Holm"]


def test_a_firm_named_with_ampersand_keeps_its_co():
    claims = story("Sales will slow, said Tom Bale, a partner at Hollis & Co.")
    assert names(find(claims, "attribution", "Sales will")) == ["Tom Bale", "Hollis & Co"]


def test_an_acronym_that_spells_the_whole_name_keeps_the_name_whole():
    claims = story(
        "Norland People's Party (NPP) officials said the house was sealed.",
        "NPP claimed that police had arrested 500 of its supporters.",
    )
    assert names(find(claims, "attribution", "NPP claimed")) == ["Norland People's Party"]


def test_an_update_from_a_body_is_the_bodys_and_a_manner_phrase_is_no_source():
    claims = story(
        "About 200 people died, according to an update from the UN relief office.",
        "At 7 am, as per indication of an informer, the police stopped a van.",
    )
    assert names(find(claims, "attribution", "About 200")) == ["UN relief office"]
    assert not any("indication" in names(c) for c in claims)


def test_an_industry_in_the_plural_is_an_unnamed_source_never_a_person():
    claims = story("Carmakers said sales fell 14 percent last month.")
    (source,) = find(claims, "attribution", "Carmakers").sources
    assert source.unnamed and source.kind != "person"


def test_figures_from_a_body_name_the_body_once():
    claims = story("Fares rose 15%, according to figures from the Office of Harbor Rail.")
    assert names(find(claims, "attribution", "Fares rose")) == ["Office of Harbor Rail"]


def test_the_un_agency_is_no_specific_un_agency_the_copy_never_names():
    claims = story("In total, 4,200 people were affected, the UN agency said.")
    assert "UNHCR" not in names(find(claims, "attribution", "In total"))


@pytest.mark.parametrize(
    ("paragraphs", "fragment", "person"),
    [
        (
            (
                "Tom Hale\u2019s remarks come as Norland debates its budget.",
                "Hale told bankers the state wanted to cut spending by 20 percent.",
            ),
            "Hale told bankers",
            "Tom Hale",
        ),
        (
            ("According to Finance Minister Ann Roe's budget speech, 4.7 million found work.",),
            "budget speech",
            "Ann Roe",
        ),
    ],
)
def test_a_name_written_with_a_possessive_is_the_owner_without_it(paragraphs, fragment, person):
    said = find(story(*paragraphs), "attribution", fragment)
    assert names(said)[0] == person


def test_a_body_written_with_a_possessive_before_its_chief_is_the_body_without_it():
    said = find(
        story("Kessel Exchange\u2019s Chief Executive Officer Tom Hale said 40 jobs would go."),
        "attribution",
        "40 jobs",
    )
    assert names(said) == ["Tom Hale", "Kessel Exchange"]


def test_a_possessive_after_lower_case_words_names_no_subject():
    claims = story(
        "Most of Norland\u2019s big towns saw marches.", "\u201cKeep marching,\u201d he said."
    )
    assert all("Most" not in n for c in claims for n in names(c))


@pytest.mark.parametrize("day", ["Saturday", "Tuesday"])
def test_a_weekday_after_a_name_dates_the_words_and_is_no_part_of_the_name(day):
    said = find(
        story(f"Norland Governor Ann Lee Roe {day} said taxes rose 12 percent."),
        "attribution",
        "taxes rose",
    )
    assert names(said)[0] == "Ann Lee Roe"


def test_a_firm_named_with_a_possessive_speaks_under_that_name():
    claims = story(
        "Kemp's said the rating was cut to 3 percent.",
        "Sales rose 4 percent, Tarn & Lowe's said.",
        "Tarn & Lowe's Ratings Services said 13 firms were cut.",
    )
    assert names(find(claims, "attribution", "rating was cut"))[0] == "Kemp's"
    assert names(find(claims, "attribution", "Sales rose"))[0] == "Tarn & Lowe's"
    assert names(find(claims, "attribution", "13 firms"))[0] == "Tarn & Lowe's Ratings Services"


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("The chief executive of Kello Bank, Ann Roe, said profits rose 12 percent.", "Ann Roe"),
        (
            "U.S. Attorney for the District of Kessel, Ann B. Roe, said 40 people were charged.",
            "Ann B. Roe",
        ),
    ],
)
def test_a_post_of_a_body_between_commas_before_a_name_describes_the_speaker(sentence, person):
    said = find(story(sentence), "attribution", sentence[:20])
    assert names(said)[0] == person
