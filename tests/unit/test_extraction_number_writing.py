"""Numbers as news copy writes them: Indian digit grouping, parts joined by words,
hyphens, short units, a figure repeated in digits, a bare count doing something.
Every sentence here is invented for the test.
"""

from factcheck.extraction import clean_text, suggest_claims


def stats(body: str) -> list[str]:
    return [c.text for c in suggest_claims(body) if c.kind == "statistic"]


def test_indian_digit_grouping_is_one_number():
    assert stats("The state set aside Rs 3,45,210.50 crore for its roads in Ranpur.") == [
        "Rs 3,45,210.50 crore"
    ]
    assert stats("Of the pupils, 2,14,031 students cleared the board exam in Ranpur.") == [
        "2,14,031 students"
    ]
    assert stats("The scheme has reached 10,00,000 farmers across Ranpur district.") == [
        "10,00,000 farmers"
    ]
    assert stats("Polling booths rose from 72,723 to 1,06,515, an increase of 46.5 per cent.") == [
        "Polling booths rose from 72,723 to 1,06,515, an increase of 46.5 per cent"
    ]


def test_a_magnitude_joined_by_a_hyphen_is_part_of_the_figure():
    assert stats("Veldor on Friday presented a Rs 4,28,384.52-crore budget for the year.") == [
        "Rs 4,28,384.52-crore budget"
    ]
    assert "Rs 200-crore provision" in stats("A Rs 200-crore provision was made for crop loans.")


def test_an_approximation_or_percent_joined_by_a_hyphen_belongs_to_the_figure():
    assert stats("Exports from Veldor posted a near-48% rise in the first quarter.") == [
        "a near-48% rise in the first quarter"
    ]
    found = stats("Ranpur traders did not expect the 1.4-percent increase in exports.")
    assert found and found[0].startswith("1.4-percent increase in exports")


def test_tonnes_written_short_are_the_unit_of_the_figure():
    assert stats("Sugar beet production in Veldor decreased to 16 million MT last season.") == [
        "Sugar beet production in Veldor decreased to 16 million MT"
    ]
    assert stats("The plan sets a target of 581.60 lakh metric tonne (MT) for grain.") == [
        "a target of 581.60 lakh metric tonne (MT)"
    ]
    assert stats("The Ranpur mill turned out 4.5 lakh MT of sugar in the season.") == [
        "4.5 lakh MT of sugar"
    ]
    assert stats("Sugar output in Veldor remained at 2,262,000 MT. The price fell.") == [
        "Sugar output in Veldor remained at 2,262,000 MT"
    ]


def test_a_number_written_in_parts_with_words_between_them_is_one_number():
    assert stats("The farms of Veldor cover 162 million 174 thousand decars in all.") == [
        "162 million 174 thousand decars"
    ]
    assert stats("The council approved Rs 28 thousand 344 crore for the new canal.") == [
        "Rs 28 thousand 344 crore"
    ]


def test_a_clock_time_is_no_statistic():
    assert stats("The quake struck the Veldor coast at 0415 GMT on Sunday.") == []
    assert stats("Polls in Ranpur closed at 1730 local time on Thursday.") == []


def test_a_count_of_a_kind_ends_before_such_as():
    assert stats("He was convicted on 12 of 39 counts of crimes such as fraud and bribery.") == [
        "12 of 39 counts of crimes"
    ]


def test_shares_listed_by_place_carry_their_place():
    assert stats("Unemployment stood at 5% in Veldor, 5.4% in Ostmark and 6.1% in Ranpur.") == [
        "Unemployment stood at 5% in Veldor",
        "5.4% in Ostmark",
        "6.1% in Ranpur",
    ]
    found = stats("Of the arrivals, 52% came from Veldor, 25% from Ostmark and 16% from Ranpur.")
    assert found[1:] == ["25% from Ostmark", "16% from Ranpur"]
    # an adjective of a place is no place: what changed follows it
    assert stats("A fall of 7.1% in Veldorian car sales in May worried dealers.") == [
        "A fall of 7.1% in Veldorian car sales"
    ]


def test_a_bare_count_opening_its_clause_says_what_the_counted_did():
    assert stats("In June, 1,443,382 passed the test in Veldor.") == ["1,443,382 passed the test"]
    assert stats("Last year 155,765 reached Ostmark by sea.") == ["155,765 reached Ostmark"]
    # a breakdown that goes on is one figure, not a count per part
    found = stats("Cases rose to 9,120, of whom 5,400 are in hospital and 3,100 have recovered.")
    assert "3,100 have recovered" not in found


def test_a_count_of_those_doing_something_is_what_it_counts():
    assert stats("The agency found 344 of those seeking asylum in Veldor were minors.") == [
        "344 of those seeking asylum"
    ]


def test_a_number_in_words_repeated_in_digits_is_one_count():
    assert stats("The ministry reported six (6) additional confirmed cases in Ranpur.") == [
        "six (6) additional confirmed cases"
    ]


def test_a_bar_of_view_and_share_counts_is_furniture():
    raw = (
        "Veldor mayor jailed\n\nBy Ann Roe\n\n"
        "The court in Ranpur jailed the former mayor of Veldor on Monday for taking bribes.\n\n"
        "1,204 views | 15 shares\n\n"
        "Also Read | Ranpur council elects new chair, votes to close the old market.\n\n"
        "The mayor had denied the charges throughout the four-month trial in Ranpur.\n"
    )
    body = clean_text(raw).body
    assert "views" not in body
    assert "Also Read" not in body
    assert "denied the charges" in body


def test_an_event_participle_used_as_an_adjective_is_no_event():
    events = [
        c.text
        for c in suggest_claims(
            "Judges Ann Roe and Tom Ruiz held that an acquitted accused stands on a higher "
            "footing than one facing trial."
        )
        if c.kind == "event"
    ]
    assert events == []
