"""The finder on the failure classes seen in real copy (issue 12).

Each body is a short paraphrase of a pattern that real pages use; the
expected chain follows the policy: whom a checker must ask, first speaker
first, anonymous sourcing flagged, unattributed figures pointing to whoever
carries them.
"""

from factcheck.extraction import SuggestedClaim, suggest_claims
from tests.suggested import find


def names(claim: SuggestedClaim) -> list[tuple[str, bool]]:
    return [(s.name, s.unnamed) for s in claim.sources]


# -- anonymous and vague sourcing ----------------------------------------------


def test_vague_sources_are_flagged_unnamed_and_carry_no_registry_id():
    claims = suggest_claims("Witnesses said at least 30 people were killed in the raid.")
    said = find(claims, "attribution", "Witnesses said")
    assert names(said) == [("Witnesses", True)]
    assert said.sources[0].source_id is None
    assert said.to_dict()["sources"][0]["unnamed"] is True
    figure = find(claims, "statistic", "30 people")
    assert [s.unnamed for s in figure.sources] == [True]


def test_a_named_source_is_not_flagged():
    claims = suggest_claims("The Syrian Observatory for Human Rights said 14 civilians died.")
    said = find(claims, "attribution", "said 14")
    assert names(said) == [("Syrian Observatory for Human Rights", False)]


def test_an_unnamed_spokesperson_speaks_for_the_named_body():
    body = "A PSNI spokesperson said all charges would be reviewed by prosecutors."
    said = find(suggest_claims(body), "attribution", "spokesperson said")
    assert names(said) == [("PSNI spokesperson", True), ("PSNI", False)]


def test_officials_described_by_place_stay_unnamed():
    body = "Ghazni officials said that 15 bodies were found in the area."
    said = find(suggest_claims(body), "attribution", "officials said")
    assert names(said) == [("Ghazni officials", True)]


# -- figures no one is credited with --------------------------------------------


def test_an_unattributed_figure_points_to_the_outlet():
    claims = suggest_claims("Prices rose 4% in May.", outlet="Daily Courier")
    figure = find(claims, "statistic", "4%")
    assert names(figure) == [("Daily Courier", False)]
    assert "outlet" in figure.reason


def test_wire_copy_points_to_the_agency_in_the_dateline():
    body = "KABUL (Reuters) - At least 12 people were killed in a blast on Monday."
    figure = find(suggest_claims(body, outlet="The Star"), "statistic", "12 people")
    assert names(figure) == [("Reuters", False)]
    assert "wire" in figure.reason


def test_a_figure_given_in_the_headline_points_to_the_headline_speaker():
    body = (
        "The Electoral Commission says 92,231 voters took part on Thursday.\n\n"
        "The exercise recorded a 72.69% national turnout despite problems with the list."
    )
    claims = suggest_claims(body, title="EC announces 72.69% turnout", outlet="GhanaWeb")
    figure = find(claims, "statistic", "72.69%")
    assert names(figure) == [("Electoral Commission", False)]


def test_a_figure_later_in_the_paragraph_keeps_its_source():
    body = (
        "The Healthcare Ministry said 14,000 citizens were diagnosed in three weeks. "
        "Of those in hospital, 89 percent are unvaccinated."
    )
    figure = find(suggest_claims(body, outlet="Republika"), "statistic", "89 percent")
    assert names(figure) == [("Healthcare Ministry", False)]


# -- statistics say what they count --------------------------------------------


def test_statistics_name_what_they_measure():
    body = (
        "Food prices increased 0.9% in October. A survey found 27% of maize farmers lost "
        "their crop, and 83 percent were unvaccinated. Turnout stood at 68.38 percent."
    )
    texts = {c.text for c in suggest_claims(body) if c.kind == "statistic"}
    assert "Food prices increased 0.9%" in texts
    assert any(t.startswith("27% of maize farmers") for t in texts)
    assert "83 percent were unvaccinated" in texts
    assert any(t.endswith("stood at 68.38 percent") for t in texts)
    assert not {"0.9%", "27%", "83 percent", "68.38 percent"} & texts


# -- who is speaking -----------------------------------------------------------


def test_a_description_takes_the_name_given_later():
    body = (
        "A U.S. airstrike killed 17 villagers, a provincial governor said Monday.\n\n"
        "\u201cSeventeen civilians were killed,\u201d Kunar Gov. Asadullah Wafa told "
        "The Associated Press."
    )
    claims = suggest_claims(body)
    first = find(claims, "attribution", "a provincial governor said")
    assert names(first) == [("Asadullah Wafa", False)]
    told = find(claims, "attribution", "told The Associated Press")
    assert names(told) == [("Asadullah Wafa", False), ("Associated Press", False)]


def test_a_monitor_described_after_it_is_named_is_the_same_source():
    body = (
        "The Syrian Observatory for Human Rights said 50 people were killed.\n\n"
        "Another 14 people died in Homs, the Britain-based watchdog said."
    )
    said = find(suggest_claims(body), "attribution", "watchdog said")
    assert names(said) == [("Syrian Observatory for Human Rights", False)]


def test_a_chat_app_is_never_the_speaker():
    body = "Residents contacted by AFP via a messaging app said the shelling lasted all night."
    said = find(suggest_claims(body), "attribution", "via a messaging app said")
    assert names(said) == [("Residents", True), ("Agence France-Presse", False)]


def test_a_middle_initial_does_not_cut_the_name():
    said = find(suggest_claims("John F. Kennedy said the plan was sound."), "attribution", "said")
    assert names(said) == [("John F. Kennedy", False)]


def test_a_country_or_a_command_is_not_a_person():
    claims = suggest_claims(
        "Ukraine said 12 drones were shot down overnight.\n\n"
        "Central Command said in a statement that the claims had been deemed credible."
    )
    ukraine = find(claims, "attribution", "Ukraine said")
    command = find(claims, "attribution", "Central Command said")
    assert ukraine.sources[0].kind == "government"
    assert command.sources[0].kind not in ("person", "official", "analyst")


def test_according_to_calculations_names_who_calculated():
    body = "Prices rose 4% last year, according to calculations by Reuters of official data."
    said = find(suggest_claims(body), "attribution", "according to calculations")
    assert names(said) == [("calculations", True), ("Reuters", False)]


def test_a_headline_attribution_in_the_copy_is_an_attribution():
    body = "Monitor: dozens killed in Hama\n\nThe Syrian Observatory said 40 people died."
    claims = suggest_claims(body, title="Monitor: dozens killed in Hama")
    said = find(claims, "attribution", "Observatory said")
    assert names(said) == [("Syrian Observatory for Human Rights", False)]


# -- furniture -----------------------------------------------------------------


def test_captions_breadcrumbs_and_credit_lines_give_no_claims():
    body = (
        "Home / World News / Two journalists killed in Ukraine: Report\n\n"
        "Rubbish bins which were damaged in Tauranga. Photo / Alex Cairns\n\n"
        "Content created by The Daily Caller News Foundation is available without charge.\n\n"
        "The council said 16 bins were destroyed on October 3."
    )
    claims = suggest_claims(body)
    assert claims
    for claim in claims:
        assert "Home /" not in claim.text
        assert "Rubbish bins which" not in claim.text
        assert "Content created" not in claim.text


# -- documents and clauses -------------------------------------------------------


def test_the_results_speak_for_the_body_just_quoted():
    body = (
        "The Maldives Election Commission says provisional results show Solih winning.\n\n"
        "The commission's results released Monday show Solih with 134,616 votes.\n\n"
        "The results show 89.2 percent voter turnout."
    )
    claims = suggest_claims(body)
    for fragment in ("released Monday show", "The results show"):
        said = find(claims, "attribution", fragment)
        assert names(said) == [("Maldives Election Commission", False)]


def test_a_study_opening_the_sentence_is_its_subject_and_its_journal_relays_it():
    body = (
        "A study published in The Lancet that followed 2,000 families found that "
        "12 percent of children were affected."
    )
    said = find(suggest_claims(body), "attribution", "A study published")
    assert names(said) == [("study", True), ("The Lancet", False)]


def test_saying_reports_what_the_clause_subject_says():
    body = (
        "Since Sunday's vote, opposition candidates have rejected the reports, saying "
        "their tallies point to a second round."
    )
    said = find(suggest_claims(body), "attribution", "saying")
    assert names(said) == [("opposition candidates", True)]
