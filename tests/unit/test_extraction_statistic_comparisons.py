"""A statistic carries what it is compared with, and ends where its phrase ends.

Drawn from classes seen on unannotated news pages of many outlets (crime tallies, labour
figures, budgets, exam results, oil output): the second figure of a comparison across time
came out bare ("91", "23.1 per cent"), phrases ran into a dangling "of", "during" or "say",
and currencies, decimal commas and "lakh crore" were cut. Every sentence here is invented.
"""

from factcheck.extraction import split_sentences, suggest_claims


def stats(body: str) -> list[str]:
    return [c.text for c in suggest_claims(body) if c.kind == "statistic"]


# --- a figure and the one it is compared with at another time are one statistic


def test_a_figure_compared_with_another_year_is_one_statistic():
    assert stats("Police counted 240 burglaries in 2021 compared to 198 in 2020.") == [
        "240 burglaries in 2021 compared to 198 in 2020"
    ]


def test_a_change_from_one_period_to_another_keeps_both_levels():
    body = (
        "The jobless rate rose from 6.2 per cent in the second quarter of last year "
        "to 7.9 per cent, the bureau said."
    )
    assert stats(body) == [
        "The jobless rate rose from 6.2 per cent in the second quarter of last year to 7.9 per cent"
    ]
    body = "Thefts fell from 410 in 2019 to 352 in 2020, the report showed."
    assert stats(body) == ["Thefts fell from 410 in 2019 to 352 in 2020"]


def test_parallel_counts_for_two_years_are_one_statistic():
    assert stats("The tally of arrests reached 57 in 2018 and 73 in 2019.") == [
        "The tally of arrests reached 57 in 2018 and 73 in 2019"
    ]


def test_two_changes_over_two_periods_stay_apart():
    # a monthly change and the yearly rate are two figures, not a comparison
    found = stats("The index rose 0.3% in March to 2.4% a year, the statistics office said.")
    assert not any("0.3%" in s and "2.4%" in s for s in found), found
    # counts in two places are not counts at two times
    assert not any("Gondar" in s for s in stats("Floods killed 12 in Gondar and 9 in Mekelle."))


def test_the_previous_value_in_brackets_belongs_to_the_figure():
    body = "The lending rate stood at 5.25 percent (5.5 percent in March), the bank said."
    assert any("5.25 percent (5.5 percent in March)" in s for s in stats(body))


# --- a statistic's phrase does not end on a word that needs more after it


def test_a_phrase_never_ends_on_a_preposition_or_a_bare_verb():
    body = "The deficit is to be cut to 3.8 per cent of the GDP during 2026."
    assert all(not s.endswith(("during", "of")) for s in stats(body)), stats(body)
    body = "The poll found 38% of registered voters say they would back the levy."
    assert all(not s.endswith(" say") for s in stats(body)), stats(body)
    body = "Last year 64.2 per cent of pupils passed their final exams."
    assert all(not s.endswith("their") for s in stats(body)), stats(body)


def test_a_figure_is_never_cut_down_to_bare_digits():
    # trimming stops before the figure itself: better a long phrase than a bare number
    for s in stats("Just 31% of those who say they will vote have decided."):
        assert s.strip() != "Just 31%"


# --- amounts keep their currency and magnitude


def test_an_amount_in_lakh_crore_keeps_both_words():
    assert any(
        s.endswith("Rs 4.15 lakh crore")
        for s in stats("The allocation for roads is now Rs 4.15 lakh crore.")
    )


def test_a_currency_named_before_an_amount_is_the_amount_s():
    assert any(
        "Tk. 812.4 billion" in s
        for s in stats("The House passed a budget of Tk. 812.4 billion for the year.")
    )
    assert any(
        "US dollars 512 million" in s
        for s in stats("Remittances grew to US dollars 512 million in March.")
    )


def test_a_currency_abbreviation_does_not_end_a_sentence():
    body = "The council approved spending of Rs. 48.5 billion on water. The vote was close."
    spans = [body[a:b] for a, b in split_sentences(body)]
    assert spans[0] == "The council approved spending of Rs. 48.5 billion on water."


def test_a_decimal_comma_in_an_amount_is_one_figure():
    found = stats("Revenue climbed by 12%, to $418,6 million, in the quarter.")
    assert any("$418,6 million" in s for s in found), found


def test_oil_output_in_barrels_a_day_is_a_statistic():
    found = stats("The cartel's output rose by 210,000b/d to 28.4mb/d in June.")
    assert any("210,000b/d" in s and "28.4mb/d" in s for s in found), found


# --- years are not figures


def test_the_end_of_a_span_of_years_is_not_a_figure():
    found = stats("Wheat output is put at 98.2 million tonnes in the 2023-24 crop year.")
    assert all(not s.startswith("24") for s in found), found
    assert any("98.2 million tonnes" in s for s in found)


def test_an_amount_for_a_named_body_says_whom_it_is_for():
    body = "The bill sets aside Rs. 84.6 billion for the Ministry of Water Supply and Drainage."
    assert "Rs. 84.6 billion for the Ministry of Water Supply and Drainage" in stats(body)
    # a time is not whom the money is for
    found = stats("The board approved $3 million for the first quarter.")
    assert not any("first quarter" in s for s in found), found
