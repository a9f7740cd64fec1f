"""Study references and press-release copy (batch h12e classes).

Every sentence here is written for the test; none is copied from a page. The policy
(the corpus README): "the researchers", "the team" or "the study" is vague sourcing only
when the copy has not named the study, journal or author they refer back to; a press
release is the issuing company speaking, and "Name, Title, said" is that person's quote.
"""

from factcheck.extraction import suggest_claims
from tests.suggested import find, names

# --- 1. the researchers, the team, the study, his research -------------------------------


def test_the_researchers_refer_back_to_the_journal_named_earlier():
    body = (
        "A study in the Journal of Coastal Ecology looked at oyster reefs along the bay.\n\n"
        "The researchers said reef cover fell by 35 percent between 2001 and 2021."
    )
    claims = suggest_claims(body, outlet="Bay Gazette")
    claim = find(claims, "attribution", "The researchers said")
    assert names(claim) == ["Journal of Coastal Ecology"]
    assert claim.sources[0].kind == "publication"
    assert names(find(claims, "statistic", "35 percent")) == ["Journal of Coastal Ecology"]


def test_the_team_refers_back_to_the_named_lead_author():
    body = (
        "The lead author, Marta Quill, said the results surprised her.\n\n"
        "The team reported that 412 of the 900 nests failed in the dry years."
    )
    claims = suggest_claims(body, outlet="Bay Gazette")
    assert names(find(claims, "statistic", "412 of the 900 nests")) == ["Marta Quill"]


def test_research_in_a_named_journal_is_that_journal_s():
    body = "Research in Harbour Science shows that 60 percent of the gulls nest on roofs."
    claims = suggest_claims(body, outlet="Bay Gazette")
    assert names(find(claims, "attribution", "Research in Harbour Science")) == ["Harbour Science"]


def test_a_sentence_led_by_the_study_is_the_journal_s_not_the_outlet_s():
    body = (
        "Two new trials in the Annals of Tide Medicine tested a seasickness patch.\n\n"
        "The second study, of 640 sailors, gave half of them a sugar patch."
    )
    claims = suggest_claims(body, outlet="Bay Gazette")
    assert names(find(claims, "statistic", "640 sailors")) == ["Annals of Tide Medicine"]


def test_his_research_is_the_research_of_the_person_last_quoted():
    body = (
        "\u201cWe see it every winter now,\u201d Dr Owen Pike said.\n\n"
        "Ferry delays are three times as common as they were in 1990, according to his "
        "research, which was published in the journal Harbour Science."
    )
    claims = suggest_claims(body, outlet="Bay Gazette")
    assert names(find(claims, "statistic", "three times"))[0] == "Owen Pike"


def test_the_researchers_stay_vague_when_no_study_is_named():
    body = "The researchers said reef cover fell by 35 percent between 2001 and 2021."
    claims = suggest_claims(body, outlet="Bay Gazette")
    claim = find(claims, "attribution", "The researchers said")
    assert claim.sources and claim.sources[0].unnamed


def test_they_note_that_reports_like_noted():
    body = (
        "A paper in the Journal of Coastal Ecology mapped the reefs.\n\n"
        "The researchers note that 20% of the reefs have gone."
    )
    claims = suggest_claims(body, outlet="Bay Gazette")
    assert names(find(claims, "statistic", "20% of the reefs")) == ["Journal of Coastal Ecology"]


# --- 2. press releases ------------------------------------------------------------------


def test_a_company_with_a_ticker_and_a_long_description_reports_its_figures():
    body = (
        "Quayside Ferries Inc. (NASDAQ: QFER), a company engaged in ferry services, harbour "
        "tours and boat repair, reported today revenue of $4,120,000 for the quarter.\n\n"
        "For the six months, net income increased 40.0% to $310,500."
    )
    claims = suggest_claims(body, outlet="Wire Desk")
    assert names(find(claims, "attribution", "reported today revenue")) == ["Quayside Ferries"]
    assert names(find(claims, "statistic", "$310,500")) == ["Quayside Ferries"]


def test_without_a_release_the_unattributed_figure_stays_the_outlet_s():
    body = "For the six months, net income increased 40.0% to $310,500."
    claims = suggest_claims(body, outlet="Wire Desk")
    assert names(find(claims, "statistic", "$310,500")) == ["Wire Desk"]


def test_name_then_title_without_a_closing_comma_said_is_that_person():
    body = (
        "Ann Roe, Fleet Operations Manager and a Port Ellis native said, \u201cWe simply ran "
        "out of berths for the new boats this year.\u201d"
    )
    claims = suggest_claims(body, outlet="Wire Desk")
    claim = find(claims, "attribution", "Ann Roe, Fleet Operations Manager")
    assert names(claim) == ["Ann Roe"]


def test_title_then_name_commented_is_that_person():
    body = (
        "VP of Harbour Sales, Tom Brill, commented, \u201cThe port handles over two million "
        "passengers a year and keeps growing.\u201d"
    )
    claims = suggest_claims(body, outlet="Wire Desk")
    assert names(find(claims, "attribution", "Tom Brill, commented")) == ["Tom Brill"]


def test_a_sentence_adverb_before_a_description_is_no_speaker():
    body = "However, a spokesman said the plant would close."
    claims = suggest_claims(body, outlet="Wire Desk")
    assert names(find(claims, "attribution", "a spokesman"))[0].startswith("~")
