"""A document that speaks is its owner's words (the body that issued it).

Every sentence here is written for the test; none is copied from a page. The policy: a
statement, report or set of figures given as the speaker resolves to the body the
sentence names as its owner (in a premodifier, a possessive, "from X", "of X" for a
body's own statements, "released/published ... by X", "on the website of X"), else to
the body that speaks for the data in the neighbouring sentence; a document whose owner
is not named anywhere near stays an unnamed document.
"""

from factcheck.extraction import suggest_claims
from tests.suggested import find, names, story


def _first_source(claims, kind, text):
    claim = find(claims, kind, text)
    return claim.sources[0]


def test_a_government_statement_is_the_government_s():
    body = (
        "Nine border guards were killed on Monday in an attack on their post in the north, "
        "a government statement said."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    source = _first_source(claims, "attribution", "Nine border guards were killed")
    assert source.name == "government"
    assert not source.unnamed


def test_a_report_named_for_its_body_is_that_body_s():
    body = (
        "A Lakeland Water Institute (LWI) report has revealed that the region's rivers are "
        "drying faster than any model expected."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    source = _first_source(claims, "attribution", "report has revealed")
    assert source.name == "Lakeland Water Institute"
    assert not source.unnamed


def test_a_body_s_possessive_report_is_that_body_s():
    body = "The Lakeland Water Institute's report found that 40 percent of the wells are dry."
    claims = suggest_claims(body, outlet="Valley Courier")
    assert names(find(claims, "statistic", "40 percent")) == ["Lakeland Water Institute"]


def test_a_statement_on_a_body_s_website_is_that_body_s():
    body = (
        "Fewer patients were in intensive care, falling to four from nine, according to a "
        "statement on the website of the Dunmore Health Commission."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    claim = find(claims, "attribution", "Fewer patients were in intensive care")
    assert names(claim) == ["Dunmore Health Commission"]


def test_an_issuer_after_when_it_was_published_is_still_its_issuer():
    body = (
        "Ferry fares rose 9 percent last year, according to a report released on Tuesday by "
        "the Harbour Transport Board."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    assert names(find(claims, "statistic", "9 percent")) == ["Harbour Transport Board"]


def test_earlier_figures_are_those_of_the_body_that_gives_the_data_next():
    body = (
        "Earlier figures showed that exports grew faster than expected in March.\n"
        "Economists cautioned against reading too much into a single month.\n"
        "Exports jumped 12% in April from a year earlier, the Ruritanian Customs Office said."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    claim = find(claims, "attribution", "Earlier figures showed")
    assert names(claim) == ["Ruritanian Customs Office"]


def test_a_document_with_no_owner_named_stays_unnamed():
    body = "A new report has revealed that 30 percent of the region's bridges need repair."
    claims = suggest_claims(body, outlet="Valley Courier")
    source = _first_source(claims, "attribution", "A new report has revealed")
    assert source.unnamed


def test_a_survey_of_people_is_not_owned_by_them():
    body = "A survey of Ruritanian teachers found that 30 percent plan to leave the job."
    claims = suggest_claims(body, outlet="Valley Courier")
    source = _first_source(claims, "attribution", "A survey of Ruritanian teachers")
    assert source.unnamed
    assert source.kind == "document"


def test_a_body_named_general_is_no_general():
    body = (
        "Imports fell 6% in May, the General Administration of Trade said on Friday.\n\n"
        "The administration also said exports rose 3%."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    source = _first_source(claims, "statistic", "Imports fell 6%")
    assert source.name == "General Administration of Trade"
    assert source.kind != "official"


def test_a_body_s_own_statements_cut_short_are_the_whole_document():
    claims = story(
        "The lender's net profit rose 14 percent to Rs 2.1 billion in the quarter, "
        "according to the bank's recently published unaudited financial statements."
    )
    said = find(claims, "statistic", "14 percent")
    assert names(said) == ["~bank's recently published unaudited financial statements"]


def test_a_named_body_s_own_statements_speak_as_the_body():
    claims = story(
        "Kello Bank said on Monday it would open 20 branches. Its net profit rose 14 "
        "percent, according to the bank's latest unaudited financial statements."
    )
    said = find(claims, "statistic", "14 percent")
    assert names(said) == ["Kello Bank"]
