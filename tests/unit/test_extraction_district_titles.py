"""A district post written before a name ("DM Ann Roe", "District Collector Ann Roe",
"Norland chief minister Captain Ann Roe") is her post, not part of her name, and the
post used again alone ("the DM", "the Collector", "the CM", "the Norland chief
minister") refers back to her. A lesser post of the same words ("Sub-Divisional
Magistrate") is another post; a county or a cabinet written before a post is no
employer ("County Commissioner", "Defence Cabinet Secretary").

Every sentence here is written for the test; none is copied from a page.
"""

from tests.suggested import find, names, story


def test_a_dm_is_named_without_the_initials_of_the_post():
    claims = story("DM Ravi Lal said the roads to Tarnpur would reopen on Friday.")
    said = find(claims, "attribution", "would reopen on Friday")
    assert names(said) == ["Ravi Lal"]


def test_the_dm_alone_refers_back_to_the_dm_named_before():
    claims = story(
        "DM Ravi Lal said the roads to Tarnpur would reopen on Friday.",
        "The DM also said schools in the district would stay shut for a week.",
    )
    said = find(claims, "attribution", "would stay shut for a week")
    assert names(said) == ["Ravi Lal"]


def test_the_collector_refers_back_to_the_district_collector_named_before():
    claims = story(
        "District Collector P.K. Menon said a review meeting would be held every month.",
        "The Collector said officials must attend the meeting in person.",
    )
    assert names(find(claims, "attribution", "review meeting would be held")) == ["P.K. Menon"]
    assert names(find(claims, "attribution", "must attend the meeting")) == ["P.K. Menon"]


def test_the_dm_is_not_the_sub_divisional_magistrate_named_after_the_dm():
    claims = story(
        "District Magistrate Ravi Kant Lal toured the flooded villages on Monday.",
        "He directed Sub-Divisional Magistrate Mira Sen to stay in the villages.",
        "The DM said relief teams were on high alert across the district.",
    )
    said = find(claims, "attribution", "relief teams were on high alert")
    assert names(said) == ["Ravi Kant Lal"]


def test_the_cm_refers_back_to_the_chief_minister_named_with_a_rank_before_the_name():
    claims = story(
        "Norland chief minister Captain Ravi Dhillon on Tuesday told all deputy "
        "commissioners that elected members must be respected.",
        "The CM asked the officers to involve local representatives in the waiver scheme.",
    )
    said = find(claims, "attribution", "The CM asked")
    assert names(said) == ["Ravi Dhillon"]


def test_the_chief_minister_in_words_refers_back_to_the_cm_named_in_initials():
    claims = story(
        "Earlier, Norland CM Ravi Bora had said that a district commissioner must focus on "
        "development.",
        '"The commissioners should work as chief secretaries of their districts," the '
        "Norland chief minister had said.",
    )
    said = find(claims, "attribution", "chief secretaries of their districts")
    assert names(said) == ["Ravi Bora"]


def test_a_county_commissioner_has_no_employer_named_county():
    claims = story(
        "County Commissioner Jane Wanjiru called for unity between national and county officials.",
        "In the neighbouring Tarn County, County Commissioner Paul Otieno warned of a rise "
        "in cattle theft.",
    )
    assert names(find(claims, "attribution", "called for unity")) == ["Jane Wanjiru"]
    assert names(find(claims, "attribution", "warned of a rise")) == ["Paul Otieno"]


def test_a_cabinet_secretary_of_a_portfolio_has_no_employer_named_after_the_cabinet():
    claims = story("Defence Cabinet Secretary John Kamau said the parade would go ahead.")
    said = find(claims, "attribution", "parade would go ahead")
    assert names(said) == ["John Kamau"]


def test_a_title_before_words_that_are_no_name_is_not_cut_off_them():
    claims = story("The DGP J&K said 400 officers had been deployed in the city.")
    said = find(claims, "attribution", "400 officers")
    assert "J&K" not in names(said)
