"""More statistic shapes: the figure with what it counts, and figures that are no claim.

Each test is one shape of news copy found among the dev pages' misses and false
alarms (a count with the part of it that stands out, a bare count with what befell
it, the whole a breakdown is taken from, two counts that state one thing). Every
sentence here is written for the test; the expected spans follow the corpus README:
the figure with the thing measured and, for a change, its subject and verb.
"""

from factcheck.extraction import suggest_claims


def stats(body: str) -> list[str]:
    return [c.text for c in suggest_claims(body) if c.kind == "statistic"]


def test_a_count_and_the_part_of_it_named_after_including_are_one_figure():
    assert stats("The floods drowned 31 villagers, including nine pupils, in the valley.") == [
        "31 villagers, including nine pupils"
    ]
    assert stats("Shelling hit 14 homes, among them 3 schools, near the border.") == [
        "14 homes, among them 3 schools"
    ]


def test_a_bare_count_with_what_befell_it_is_a_figure():
    assert "8 had been beaten" in stats(
        "Inspectors found 620 inmates had been held without trial, while 8 had been beaten."
    )


def test_died_belongs_to_the_count():
    assert stats("In all, 40 miners died in floods across the province.") == [
        "40 miners died in floods"
    ]


def test_been_is_not_what_befell_the_count():
    assert stats("Since the spring more than 4,000 cows have been culled.") == [
        "more than 4,000 cows have been culled"
    ]
    assert stats("More than 900 fishermen have been killed at sea this decade.") == [
        "More than 900 fishermen"
    ]


def test_the_whole_a_breakdown_is_taken_from_is_no_figure_of_its_own():
    assert stats("Of the 480 pupils, 16 failed the exam.") == []
    assert stats("Among the 2,300 voters polled, 55% backed the plan.") == ["55% backed the plan"]


def test_two_counts_that_state_one_thing():
    assert stats("Some 1,200 hopefuls are vying for 90 council seats.") == [
        "Some 1,200 hopefuls are vying for 90 council seats"
    ]
    assert stats("The champions lost seven wickets for only 60 runs after lunch.") == [
        "seven wickets for only 60 runs"
    ]


def test_a_count_that_will_be_done_keeps_its_verb():
    assert stats("The last 12 tickets will be raffled on Sunday.") == ["12 tickets will be raffled"]
