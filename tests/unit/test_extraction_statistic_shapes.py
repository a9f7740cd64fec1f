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
