"""A named body that is the subject of what it does itself answers for it.

Every sentence here is written for the test; none is copied from a page. The policy: when
nobody is quoted in a sentence and a named body opens it with a verb of its own acts
(releasing or publishing figures, deciding, raising or cutting a rate, imposing or
ordering, posting results), the act and the figures in that sentence, and in the rest of
its paragraph, are checked with that body, not with the outlet. What merely happens to a
body or what it achieves ("registered a win") stays with the outlet, and so does a
sentence that starts with something else ("Last year, the bank ...").
"""

from factcheck.extraction import suggest_claims
from tests.suggested import find, names


def test_a_body_releasing_figures_answers_for_them():
    body = (
        "The Ruritanian Electoral Commission (REC) on Wednesday released final figures "
        "confirming that the ruling party won 58% of the vote."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    assert names(find(claims, "statistic", "58%")) == ["Ruritanian Electoral Commission"]


def test_a_central_bank_deciding_a_rate_answers_for_it_and_its_paragraph():
    body = (
        "The Reserve Bank of Ruritania raised its main interest rate by 25 basis points to "
        "4.1 percent on Tuesday. The board also lifted the deposit rate to 3.6 percent."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    assert names(find(claims, "statistic", "4.1 percent")) == ["Reserve Bank of Ruritania"]
    assert names(find(claims, "statistic", "3.6 percent")) == ["Reserve Bank of Ruritania"]


def test_a_court_imposing_a_fine_answers_for_it():
    body = "The Northern High Court has imposed a fine of $25,000 on the city council."
    claims = suggest_claims(body, outlet="Valley Courier")
    assert names(find(claims, "statistic", "25,000")) == ["Northern High Court"]


def test_a_country_s_central_bank_is_the_bank_the_copy_names_later():
    body = (
        "Ruritania\u2019s central bank unexpectedly raised its key rate by a quarter-point on "
        "Tuesday. The governing board of the Reserve Bank of Ruritania met in the capital."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    assert names(find(claims, "statistic", "a quarter-point")) == ["Reserve Bank of Ruritania"]


def test_a_team_registering_a_win_stays_with_the_outlet():
    body = "FC Dunmore Rovers registered a 4-0 win over Port Ellis on Saturday."
    claims = suggest_claims(body, outlet="Valley Courier")
    assert names(find(claims, "event", "registered a 4-0 win")) == ["Valley Courier"]


def test_a_sentence_opening_with_a_time_phrase_stays_with_the_outlet():
    body = "Last year, the Reserve Bank of Ruritania raised its rate four times to 4.5 percent."
    claims = suggest_claims(body, outlet="Valley Courier")
    assert names(find(claims, "statistic", "4.5 percent")) == ["Valley Courier"]


# --- a company's own results ------------------------------------------------------------


def test_results_of_a_company_named_with_its_legal_form_are_its_own():
    body = (
        "Dunmore Software Corp beat forecasts on Thursday.\n\n"
        "Revenue rose 12 per cent to $4.1 billion, helped by sales of its tax software."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    assert names(find(claims, "statistic", "12 per cent")) == ["Dunmore Software"]


def test_a_division_s_results_in_the_clause_are_the_company_s():
    body = (
        "Dunmore Software Corp beat forecasts on Thursday.\n\n"
        "The games group's revenue rose a modest 3 per cent.\n\n"
        "The cloud side was the stronger in the quarter, posting a 19 per cent increase in "
        "revenue."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    assert names(find(claims, "statistic", "3 per cent")) == ["Dunmore Software"]
    assert names(find(claims, "statistic", "19 per cent")) == ["Dunmore Software"]


def test_a_share_price_move_is_not_the_company_s_result():
    body = (
        "Dunmore Software Corp beat forecasts on Thursday.\n\n"
        "Shares of the company dropped 5 percent in after-hours trading."
    )
    claims = suggest_claims(body, outlet="Valley Courier")
    assert names(find(claims, "statistic", "5 percent")) == ["Valley Courier"]
