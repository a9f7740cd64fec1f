"""Figures a checker must see whole: a range with both its ends, a rough share
with the word that makes it rough, a poll's margin with its "plus or minus".

Every sentence here is invented for the test.
"""

from factcheck.extraction import suggest_claims


def stats(body: str) -> list[str]:
    return [c.text for c in suggest_claims(body) if c.kind == "statistic"]


def test_a_range_keeps_its_first_number():
    assert any(
        s.startswith("between 4,000 and 6,000 people")
        for s in stats("Police said between 4,000 and 6,000 people marched through Dunmore.")
    )
    assert any(
        s.startswith("between 1.8 and 2.6 degrees")
        for s in stats("The model puts the warming at between 1.8 and 2.6 degrees by 2080.")
    )
    assert any(
        s.startswith("30 to 45,000 people")
        for s in stats("Organisers said 30 to 45,000 people filled Harbour Square.")
    )
    assert any(
        "2 to 8 percent damaged" in s
        for s in stats("The map marks homes lightly hit (2 to 8 percent damaged) in yellow.")
    )


def test_a_year_or_a_figure_listed_before_is_no_first_number_of_a_range():
    assert not any(
        s.startswith("2019") for s in stats("From 2019 to 40 percent of the budget went on roads.")
    )
    assert not any(
        s.startswith("6 and") for s in stats("The clinic saw 6 and 300 people came to the fair.")
    )


def test_a_margin_of_error_keeps_plus_or_minus():
    assert any(
        "plus or minus 3.5 percentage points" in s
        for s in stats(
            "The survey of 1,100 adults has a margin of error of "
            "plus or minus 3.5 percentage points."
        )
    )
    assert any(
        "+/- 4 percentage points" in s
        for s in stats("The Valemont poll has a margin of error of +/- 4 percentage points.")
    )


def test_a_rough_share_keeps_the_word_that_makes_it_rough():
    assert any(
        s.startswith("Nearly a third of")
        for s in stats("Nearly a third of the new tax will come from fuel duty, the ministry said.")
    )
    assert any(
        s.startswith("about half of")
        for s in stats("The insurers paid about half of the total losses from the Ridge storm.")
    )


def test_a_share_in_words_keeps_its_words_before_the_digits_in_brackets():
    found = stats(
        "Almost two-thirds (61%) back the new ferry, and just over half (51%) want lower fares."
    )
    assert any(s.startswith("Almost two-thirds (61%)") for s in found)
    assert any(s.startswith("just over half (51%)") for s in found)
    assert any(
        "three in ten (31%)" in s for s in stats("Roughly three in ten (31%) said they oppose it.")
    )


def test_so_many_in_ten_is_one_figure():
    found = stats("About seven in ten Valemont voters say the toll is too high.")
    assert any(s.startswith("About seven in ten") for s in found)
    assert not any(s.startswith("ten") for s in found)


def test_a_date_is_no_share_said_as_so_many_in_so_many():
    assert stats("The ice peaked as late as March 3 in 2011, the survey said.") == []
    assert any(
        s.startswith("About 1 in 4 adults") for s in stats("About 1 in 4 adults in Dunmore smoke.")
    )


def test_a_share_of_initials_is_not_cut_at_their_first_stop():
    assert any(
        s.startswith("Sixty percent of U.S. adults")
        for s in stats("Sixty percent of U.S. adults back the new ferry.")
    )


def test_a_range_of_large_numbers_is_a_figure_even_with_nothing_counted_after_it():
    assert any(
        s.startswith("between 45,000 and 60,000")
        for s in stats("Police in Dunmore said between 45,000 and 60,000 turned out on Sunday.")
    )
    assert not any("9 and 11" in s for s in stats("The meeting ran between 9 and 11 on Monday."))


def test_a_multiple_keeps_what_it_is_compared_with():
    assert any(
        s.startswith("4 times higher than the 2015 level")
        for s in stats("Fares are now 4 times higher than the 2015 level, the council said.")
    )
    assert any(
        s.startswith("12 times larger")
        for s in stats("The Ridge Fire burned an area 12 times larger than the 2019 blaze.")
    )


def test_so_many_out_of_so_many_is_one_figure():
    found = stats("More than one out of four renters in Dunmore saw a rise of $200 a month.")
    assert any(s.startswith("More than one out of four renters") for s in found)
    assert not any(s.startswith("four renters") for s in found)
