"""A place is never a person, and a place that reports a tally is nobody to ask: the
figure is the paragraph speaker's or the outlet's unless the copy names the district's
administration or health office. A place in brackets after a dateline is no wire.

Every sentence here is written for the test; none is copied from a page.
"""

from factcheck.extraction import suggest_claims
from tests.suggested import find, names


def test_a_district_reporting_new_cases_is_no_source():
    claims = suggest_claims("Tarvia: Norfield reported 5 new positive cases on Monday.")
    assert all(not c.sources for c in claims)


def test_districts_reporting_no_deaths_leave_the_figure_to_who_said_it():
    claims = suggest_claims(
        "Two of the flooded districts - Kelby and West Marra - have reported no deaths "
        "so far, the department said."
    )
    assert names(find(claims, "attribution", "have reported no deaths")) == ["department"]


def test_a_person_named_before_still_reports_a_tally():
    claims = suggest_claims("Dr Tom Hale said the clinic was full. Hale reported 5 new cases.")
    assert names(find(claims, "statistic", "5 new cases")) == ["Tom Hale"]


def test_a_state_is_never_the_speaker():
    claims = suggest_claims(
        "Abiodun, who said bandits had crossed from the area of Kelby State, stressed: "
        '"The report is false and no curfew was imposed."'
    )
    assert all("Kelby State" not in names(c) for c in claims)


def test_a_place_the_copy_gives_as_a_capital_is_never_the_speaker():
    claims = suggest_claims(
        "The landslide buried 15 homes in Brema district, east of the capital, Kasta, "
        "said the district administrator."
    )
    assert all("Kasta" not in names(c) for c in claims)


def test_a_hashtag_is_never_the_speaker():
    claims = suggest_claims("Westmark reports 86 new #COVID19 confirmed cases on Monday.")
    assert all("COVID19" not in names(c) for c in claims)


def test_a_place_in_brackets_after_the_dateline_is_no_wire():
    claims = suggest_claims("Kalpur (West Marra): Five people were killed on Monday.")
    assert all("West Marra" not in names(c) for c in claims)
    wired = suggest_claims("Kalpur (WNA): Five people were killed on Monday.")
    assert names(find(wired, "statistic", "Five people")) == ["WNA"]
