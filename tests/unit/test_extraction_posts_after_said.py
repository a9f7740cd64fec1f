"""Speech shapes of regional news copy: a post written after "said" in lower case,
alone or after the name of the body it is held in ("said district commissioner Amos
Keter", "said Vesta People Front general secretary Ola Mensah"); and an opening
participle clause ("Hitting out at ..., Reacting to claims by ...,") whose names are
what the speaker talked about, never the speaker.

Every sentence here is written for the test; none is copied from a page.
"""

from tests.suggested import chain_of, find, names, story


def test_a_lower_case_post_after_said_names_its_holder():
    assert chain_of(
        '"The road will reopen next week," said district commissioner Amos Keter.', "road"
    ) == ["Amos Keter"]
    assert chain_of(
        '"We sent 40 officers to the area," said government administrator Ruth Wanjiku.',
        "officers",
    ) == ["Ruth Wanjiku"]
    assert chain_of('"The party will not split," said party stalwart Joseph Olembe.', "split") == [
        "Joseph Olembe"
    ]


def test_a_post_alone_after_said_refers_back_to_its_holder():
    claims = story(
        "District commissioner Amos Keter toured the flooded villages on Monday.",
        '"The bridge will cost 12 million shillings," said the district commissioner.',
    )
    assert names(find(claims, "attribution", "bridge"))[0] == "Amos Keter"


def test_a_post_after_the_name_of_its_body_names_its_holder():
    said = chain_of(
        '"We will contest all 30 seats," said Vesta People Front general secretary Ola Mensah.',
        "30 seats",
    )
    assert said[0] == "Ola Mensah"
    said = chain_of(
        "The alliance will win 25 seats, said Zantu Nala Kazhagam general secretary K.R. Balan.",
        "25 seats",
    )
    assert said[0] == "K.R. Balan"
    said = chain_of(
        '"More than 100 raiders attacked the village," said Kora location area Chief Dan Ketam.',
        "raiders",
    )
    assert said[0] == "Dan Ketam"


def test_a_body_then_lower_case_words_then_a_verb_is_no_post():
    # the lower-case words after the body are a new clause, not a post in the body
    said = chain_of("The fighters fled, Ali Omar told Reuters local officials had fled.", "fled")
    assert said[0] == "Ali Omar"


def test_names_in_an_opening_participle_clause_are_not_the_speaker():
    said = chain_of(
        "Reacting to the claims by Ali, Joseph and Wanjiru, the minister said "
        "20 people had been arrested.",
        "20 people",
    )
    assert said == ["minister"]
    said = chain_of(
        "Reacting to the claims by Ali, the minister said 20 people had been arrested.",
        "20 people",
    )
    assert said == ["minister"]


def test_a_lone_name_after_an_opening_clause_with_its_title_is_the_speaker():
    said = chain_of(
        "Speaking in Nairobi, Ann Roe, the party leader said 15 seats were safe.", "15 seats"
    )
    assert said[0] == "Ann Roe"


def test_the_speaker_of_a_second_verb_follows_the_opening_participle_clause():
    said = chain_of(
        "Urging farmers to plant seeds, Okello assured residents that stocks were enough "
        "and added that 30 stores were full.",
        "30 stores",
    )
    assert said == ["Okello"]
    said = chain_of(
        "Hitting out at Ruto, Kalonzo and Raila, Mudavadi called the plan a fraud and said "
        "40,000 farmers lost out.",
        "40,000",
    )
    assert said == ["Mudavadi"]
    claims = story(
        "Okoth Mwangi, the party leader, visited Kisumu on Monday.",
        "Addressing the media in Kisumu, he termed the decision illegal and said "
        "40 schools would close.",
    )
    assert names(find(claims, "attribution", "40 schools")) == ["Okoth Mwangi"]


def test_an_administrator_not_named_is_an_unnamed_source():
    claims = story(
        "A senior administrator in the regional security committee confirmed the attack.",
        '"The raiders came at night," said the administrator.',
    )
    assert names(find(claims, "attribution", "senior administrator")) == ["~senior administrator"]
    assert names(find(claims, "attribution", "raiders")) == ["~administrator"]
