"""Figures said in words are statistics like figures in digits: a comparison ("more than
double that of", "twice as many as", "a six-fold rise", "has more than doubled"), a range
("four or five degrees", "seven to nine years in prison") and a vague count standing alone
for people ("Tens of thousands have gathered", "left thousands homeless").

Every sentence here is invented for the test.
"""

from factcheck.extraction import suggest_claims


def stats(body: str) -> list[str]:
    return [c.text for c in suggest_claims(body) if c.kind == "statistic"]


# --- a comparison said in words


def test_a_multiple_said_in_words_is_a_statistic_with_what_it_is_compared_with():
    assert stats("Exports from Kessel were more than double that of its neighbour.") == [
        "more than double that of its neighbour"
    ]
    assert stats("The lake holds twice as much water as previously thought.") == [
        "twice as much water as previously thought"
    ]
    assert stats("Arvel has half as many doctors as Kessel, the report said.") == [
        "half as many doctors as Kessel"
    ]
    assert stats("The fire burned an area twice the size of Kessel, officials said.") == [
        "twice the size of Kessel"
    ]
    assert stats("That estimate is double the figures the agency gave on Monday.") == [
        "double the figures"
    ]


def test_a_fold_change_is_a_statistic():
    assert stats("Arrivals in Kessel saw a six-fold rise, the agency said.") == ["six-fold rise"]
    assert stats("Smokers had a 3.5-fold higher risk of the illness.") == ["3.5-fold higher"]


def test_a_doubling_is_a_statistic_when_the_sentence_gives_no_figure_of_its_own():
    assert stats("The number of burglaries in Arvel more than doubled last year.") == [
        "The number of burglaries in Arvel more than doubled last year"
    ]
    assert stats("The bank reported a near doubling of quarterly profit.") == [
        "near doubling of quarterly profit"
    ]
    # the figures in digits carry the change
    assert stats("Flu cases in Arvel have tripled this year, with 1,480 recorded by May.") == [
        "1,480 recorded"
    ]


def test_a_double_that_is_no_comparison_is_no_statistic():
    assert stats("The striker scored twice and his double sealed the match.") == []
    assert stats("He then scored to double the team's lead.") == []
    assert stats("If carbon levels are doubled, the planet would warm.") == []
    assert stats("Kessel doubled down on its threat, the minister said.") == []
    assert stats("The party accused its rival of double standards.") == []


# --- a range in words keeps its first number


def test_a_range_in_words_keeps_its_first_number():
    assert stats("The sea warmed by four or five degrees over the summer.") == [
        "four or five degrees"
    ]
    assert stats("Police said the man fired six to seven shots.") == ["six to seven shots"]
    assert any(
        s.startswith("between six and eight members")
        for s in stats("The council will nominate between six and eight members.")
    )
    assert stats("Prosecutors recommended a prison sentence of seven to nine years.") == [
        "a prison sentence of seven to nine years"
    ]


# --- a vague count standing alone for people


def test_a_vague_count_standing_for_people_is_a_statistic_like_thousands_of_people():
    assert stats("Tens of thousands have gathered in the square of Arvel.") == [
        "Tens of thousands have gathered"
    ]
    assert stats("Thousands were left homeless after the floods in Kessel.") == [
        "Thousands were left homeless"
    ]
    assert "thousands injured" in stats("The quake killed 200 people and left thousands injured.")
    assert stats("Hundreds of thousands of workers joined the strike in Arvel.") == [
        "Hundreds of thousands of workers"
    ]


def test_a_doubling_beside_amounts_leaves_the_amounts_whole():
    found = stats(
        "Kessel Bank reported a near doubling of quarterly profit to $3.1 million, "
        "compared with $1.7 million a year earlier."
    )
    assert not any("doubling" in s for s in found)
    assert any("$3.1 million" in s and "$1.7 million" in s for s in found)
