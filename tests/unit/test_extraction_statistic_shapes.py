"""Statistic shapes where the figure alone says nothing: what it counts stands apart from it.

Each test is one shape of news copy found among the dev pages' misses (the words
between a change verb and its figure, a sign before the figure, a pair of figures,
a unit of two words, a sentence length, a cost with its payer, money for something,
a run of months). Every sentence here is written for the test; the expected spans
follow the corpus README: the figure with the thing measured and, for a change, its
subject and verb.
"""

from factcheck.extraction import suggest_claims


def stats(body: str) -> list[str]:
    return [c.text for c in suggest_claims(body) if c.kind == "statistic"]


def test_an_adjective_between_the_change_verb_and_the_figure_keeps_the_subject():
    assert stats("Dutch imports fell by a surprisingly steep 4.8% in March, the bureau said.") == [
        "Dutch imports fell by a surprisingly steep 4.8%"
    ]
    assert stats("The bank's lending arm grew a more moderate 3 per cent last year.") == [
        "The bank's lending arm grew a more moderate 3 per cent last year"
    ]


def test_minus_and_negative_belong_to_the_figure():
    assert stats(
        "After a wet fortnight, the rainfall shortfall has narrowed to minus 9 per cent."
    ) == ["the rainfall shortfall has narrowed to minus 9 per cent"]
    assert stats("The pension fund's return was negative 2.4% over the year.") == [
        "The pension fund's return was negative 2.4%"
    ]


def test_two_figures_joined_by_and_state_one_thing():
    assert stats(
        "The shortfall is as high as minus 23 per cent and 31 per cent in the two regions."
    ) == ["The shortfall is as high as minus 23 per cent and 31 per cent"]
    # two changes with their own verbs stay two figures
    assert stats("Rents rose 4% and wages fell 1% in the city.") == [
        "Rents rose 4%",
        "wages fell 1%",
    ]


def test_more_or_less_after_the_figure_names_what_it_counts():
    assert stats(
        "The coastal district has received 28 per cent more snowfall than the average."
    ) == ["The coastal district has received 28 per cent more snowfall than the average"]
    assert stats("Ferries carried 12% fewer passengers in April.") == ["12% fewer passengers"]


def test_a_comparison_stops_before_a_figure_of_its_own():
    found = stats(
        "Sea temperatures were 0.8 degrees Celsius higher than the seasonal average of 17 C"
        " (62.6 F) for May."
    )
    assert "average of 17 C (62.6 F)" in found


def test_square_and_cubic_units_keep_their_second_word():
    assert stats("The lake has shrunk by 1,200 square kilometres since the dam opened.") == [
        "1,200 square kilometres"
    ]
    assert stats("Crews pumped 900 cubic metres of sludge out of the tunnel.") == [
        "900 cubic metres of sludge"
    ]


def test_a_decimal_comma_stays_in_the_figure():
    assert stats("Officials confirmed the incumbent won with 54,36% of votes.") == [
        "54,36% of votes"
    ]


def test_a_word_after_the_share_that_is_no_noun_is_left_out():
    found = stats("Districts with a turnout of above 80 per cent include Riverside and Elm Park.")
    assert found == ["a turnout of above 80 per cent"]
    assert stats(
        "Registration was put at 71.4 per cent out of a total of 3,200 eligible residents."
    ) == ["Registration was put at 71.4 per cent out of a total of 3,200 eligible residents"]


def test_a_prison_term_is_a_figure():
    assert stats(
        "The charge carries a maximum sentence of 15 years in prison, the judge said."
    ) == ["a maximum sentence of 15 years in prison"]
    assert stats("She could be sentenced to eight years in jail on each of the counts.") == [
        "sentenced to eight years in jail on each of the counts"
    ]
    # a duration that is no penalty stays out
    assert stats("The bridge took 12 years to build.") == []


def test_lakh_and_crore_are_magnitudes():
    assert stats("The survey found 46 lakh smoked daily, the minister told the House.") == [
        "46 lakh smoked daily"
    ]
    assert "Rs 318.4 crore" in " ".join(stats("The board recovered Rs 318.4 crore from the firms."))


def test_figures_with_their_own_verbs_are_not_one_compound():
    found = stats("Of those asked, 12 lakh owned cars, 30 lakh rode bikes and 9 lakh were walkers.")
    assert "30 lakh rode bikes" in found
    assert "9 lakh were walkers" in found


def test_a_cost_or_fine_keeps_who_pays_it():
    assert stats("The botched merger will cost the retailer $3.4 million in the end.") == [
        "cost the retailer $3.4 million"
    ]
    assert stats("Regulators fined Harbour Bank $12 million on Monday.") == [
        "Regulators fined Harbour Bank $12 million"
    ]


def test_an_in_phrase_after_money_says_what_the_money_is():
    assert stats("The developer was asked for £14,200 in school contributions.") == [
        "£14,200 in school contributions"
    ]
    # a time or a place after "in" is no such phrase
    assert stats("The club raised £8,000 in the spring.") == ["The club raised £8,000"]
    assert stats("The club raised £8,000 in Leeds.") == ["The club raised £8,000"]


def test_a_run_of_months_or_quarters_is_a_figure():
    found = stats(
        "The bank held its main rate at 3 percent, the sixth consecutive month of no change."
    )
    assert "the sixth consecutive month of no change" in found
    assert stats("The carmaker reported a fourth straight quarterly loss.") == [
        "a fourth straight quarterly loss"
    ]
    assert stats("She won the race for the second consecutive time.") == []


def test_a_change_noun_with_adjectives_takes_what_changed():
    assert stats("A steep fall of 7.1% in Italian car sales in May worried dealers.") == [
        "A steep fall of 7.1% in Italian car sales"
    ]
    assert stats("The trial showed a further reduction of 12 percent in hospital admissions.") == [
        "a further reduction of 12 percent in hospital admissions"
    ]
    # a time after "in" is not what changed
    assert stats("Rents showed a rise of 6% in the past year.") == ["a rise of 6%"]


def test_won_by_trading_at_and_unchanged_at_keep_their_subject():
    assert stats("Official results showed the ruling alliance won by almost 58%.") == [
        "the ruling alliance won by almost 58%"
    ]
    assert stats("The Hungarian forint was trading at €0.0026 on Thursday.") == [
        "The Hungarian forint was trading at €0.0026"
    ]
    assert stats("The central bank left the deposit rate unchanged at 2.5 percent.") == [
        "the deposit rate unchanged at 2.5 percent"
    ]


def test_a_change_keeps_the_figure_it_changed_from():
    assert stats("The jobless rate fell to 5.2% from 5.9% in the autumn.") == [
        "The jobless rate fell to 5.2% from 5.9%"
    ]
    # a count after "from" is where the money came from, not a base
    assert stats("The appeal grew to $40,000 from 600 donors.") == [
        "The appeal grew to $40,000",
        "600 donors",
    ]
