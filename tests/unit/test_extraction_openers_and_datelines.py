"""Words around a source that are not the source.

- A dateline in title case with a colon ("Rampur: Chief Minister Ann Roe lashed out ...")
  is where the story was filed, never who spoke.
- A word opening a subordinate clause ("When Varma retorted ...") is not part of a name.
- A plural noun after a preposition ("Events at places with ...") is no verb of putting
  a figure ("the ministry put the toll at 140").

Every sentence here is written for the test; none is copied from a page.
"""

from tests.suggested import find, names, story


def test_a_title_case_dateline_with_a_colon_is_no_speaker():
    claims = story(
        "Rampur: Chief Minister Anil Verma lashed out at the opposition on Monday, saying "
        "the party had failed 40 lakh farmers."
    )
    said = find(claims, "statistic", "40 lakh farmers")
    assert names(said) == ["Anil Verma"]


def test_a_dateline_with_a_region_and_a_date_is_no_speaker():
    claims = story(
        "Una (Northshire), 30 Jan: Party President Ann Roe said 512 offices would be built."
    )
    said = find(claims, "statistic", "512 offices")
    assert names(said) == ["Ann Roe"]


def test_a_transcript_speaker_before_a_quotation_still_speaks():
    claims = story("Ann Roe: \u201cWe played well and deserved the 3 points.\u201d")
    said = find(claims, "quote", "played well")
    assert names(said) == ["Ann Roe"]


def test_a_subordinator_is_not_part_of_a_name():
    claims = story(
        "Ann Varma spoke first. When Varma retorted that the budget was too small, the "
        "minister objected. The state received 65 percent less rain this year, he said."
    )
    said = find(claims, "statistic", "65 percent")
    assert names(said) == ["Ann Varma"]


def test_a_noun_after_a_preposition_is_no_verb():
    claims = story(
        "Ann Roe said the party would win. Events at places with a population of 100 will "
        "be organised at 100 booths."
    )
    said = find(claims, "statistic", "100 booths")
    assert "Events" not in names(said)


def test_a_figure_put_at_a_number_still_has_its_source():
    claims = story("The Norland Health Ministry put the toll at 140.")
    said = find(claims, "statistic", "140")
    assert names(said) == ["Norland Health Ministry"]


def test_a_subordinator_before_a_saying_clause_is_not_part_of_the_name():
    claims = story(
        "Ann Varma spoke first. When Varma retorted saying that the budget was 20 percent "
        "short, the minister objected."
    )
    said = find(claims, "statistic", "20 percent")
    assert names(said) == ["Ann Varma"]
