"""The person is the source, not her post nor the words run into her name.

A name with its post between commas ("Ann Roe, the Chief Executive of X, ...") is
the person, described by the post, whatever follows: a participle that carries her
words, or a relative clause. A place, a club or a people written before a person
already named ("Argentine Roe", a club left without its comma) is not part of the
name; nor is a member's house and constituency before it ("Kessel North Member
of Parliament Ann Roe")."""

from tests.suggested import chain_of, find, names, story


def test_a_name_and_its_post_then_a_participle_carrying_her_words():
    body = (
        "Lorna Vasquez, the Chief Executive of Tamberly Bank, expressed her satisfaction "
        "with the results, stating, \u201cThe year has been very positive.\u201d"
    )
    assert chain_of(body, "expressed her satisfaction") == ["Lorna Vasquez", "Tamberly Bank"]


def test_an_opening_place_with_a_comma_is_no_name_before_a_post():
    claims = story(
        "In Kessel, the mayor, a former teacher, opened the bridge, saying it had cost "
        "4 million dollars."
    )
    assert all("Kessel" not in names(c) for c in claims)


def test_a_name_its_post_and_a_relative_clause_before_the_verb():
    body = (
        "Mr Okello, a former Kisumba West MP, who has been out of politics since 2013, "
        "said security would come first."
    )
    assert chain_of(body, "security would come first") == ["Okello"]


def test_an_analyst_with_her_firm_and_a_relative_clause_is_the_analyst():
    body = (
        "Ann Roe, a senior analyst at Kessel Capital, who has covered banks for years, "
        "said profit would rise."
    )
    assert chain_of(body, "profit would rise")[0] == "Ann Roe"


def test_a_people_before_a_person_named_before_is_not_part_of_her_name():
    claims = story(
        "Diego Morales has coached the side for ten years, the club said.",
        "\u201cWe deserved more,\u201d Argentine Morales, 42, said.",
    )
    assert names(find(claims, "attribution", "We deserved more")) == ["Diego Morales"]


def test_the_people_she_belongs_to_refers_back_to_the_person():
    claims = story(
        "Anna Weber said profits rose.",
        "\u201cWe lost the trust of our clients,\u201d the German said.",
    )
    assert names(find(claims, "attribution", "We lost the trust")) == ["Anna Weber"]


def test_a_club_left_without_its_comma_before_a_manager_named_before():
    claims = story(
        "Manager Ann Carlsson said her squad was tired.",
        "After the 1-1 draw with Rivermouth Carlsson admitted: \u201cI was out late.\u201d",
    )
    assert names(find(claims, "attribution", "I was out late")) == ["Ann Carlsson"]


def test_a_place_named_on_its_own_before_a_prosecutor_named_before():
    claims = story(
        "Deputy prosecutor Ann Roth said the case would go to trial.",
        "Crime in Kessel rose by 5 percent last year.",
        "When talking about Kessel Roth said, \u201cCrime is out of control.\u201d",
    )
    assert names(find(claims, "attribution", "Crime is out of control")) == ["Ann Roth"]


def test_two_people_of_one_family_stay_two_people():
    claims = story("Ann Smith said the deal was close.", "Bob Smith said the deal was done.")
    assert names(find(claims, "attribution", "the deal was done")) == ["Bob Smith"]


def test_a_full_name_after_the_surname_alone_is_the_same_person_in_full():
    claims = story(
        "Ofori praised the vote.",
        "Kwesi Ofori said the party would respect the result.",
    )
    assert names(find(claims, "attribution", "respect the result")) == ["Kwesi Ofori"]


def test_a_member_of_a_house_after_her_constituency_is_the_member():
    assert chain_of(
        "Kessel North Member of Parliament Ann Roe said 12 people were killed.", "12 people"
    ) == ["Ann Roe"]
    assert chain_of(
        "Lokori Member of County Assembly Mr John Lokol said 9 people were hurt.", "9 people"
    ) == ["John Lokol"]
