"""Statistics say what they count: the figure carries the thing measured.

Shapes of English news copy where a bare figure was suggested, or the figure was
cut away from what it measures: a distance and the place it is measured from,
a score and the result it is, a vote share and whom it went to, a change and the
level it came from. Every sentence here is invented for the test.
"""

from factcheck.extraction import suggest_claims


def stats(body: str) -> list[str]:
    return [c.text for c in suggest_claims(body) if c.kind == "statistic"]


def test_a_distance_carries_its_conversion_and_the_place_it_is_measured_from():
    assert stats("Rebel units are now only 6km (4 miles) from the northern gate of the port.") == [
        "only 6km (4 miles) from the northern gate of the port"
    ]
    assert stats("The new depot sits about 15 miles outside the ring road of Dunmore.") == [
        "about 15 miles outside the ring road of Dunmore"
    ]


def test_a_movement_over_a_distance_is_a_claim():
    assert stats("Troops pushed the raiders back about 9 kilometres from the dam.") == [
        "about 9 kilometres from the dam"
    ]


def test_a_distance_that_only_locates_a_place_is_no_statistic():
    assert stats("He was arrested in Kelso, about 40 miles south of the border town.") == []
    assert stats("Gunmen struck Tarvi, a village around 80km (50 miles) east of Morra.") == []


def test_a_result_named_by_its_score_is_a_figure_with_the_result_and_the_opponent():
    assert stats("The rout surpassed the 48-10 defeat at the hands of the Kestrels in 1994.") == [
        "the 48-10 defeat at the hands of the Kestrels"
    ]
    assert stats("It followed the Harriers’ 21-14 win in Lowmoor the week before.") == [
        "Harriers’ 21-14 win in Lowmoor"
    ]


def test_a_result_and_its_score_in_apposition_are_one_figure():
    assert stats("They suffered the heaviest home defeat in club history, 41-3, on Friday.") == [
        "the heaviest home defeat in club history, 41-3"
    ]


def test_the_match_result_itself_is_no_statistic():
    assert stats("Dunmore Town registered a 4-0 win against Kelso Rovers on Sunday.") == []
    assert stats("Harbour XI won the final 2-1 after extra time.") == []


def test_a_first_in_so_many_years_is_a_record_with_what_was_done():
    assert stats("Fans hoped the club could win at Marsh Lane for the first time since 1988.") == [
        "win at Marsh Lane for the first time since 1988"
    ]
    assert stats("Wages are rising faster than rents for the first time in 12 years.") == [
        "rising faster than rents for the first time in 12 years"
    ]
    assert stats("The draw ended a slump, their first point in Kelso in nine years.") == [
        "their first point in Kelso in nine years"
    ]


def test_a_first_without_how_long_is_no_record():
    assert stats("It was the first monthly fall since August, the office said.") == []


def test_a_vote_share_carries_whom_it_went_to():
    assert stats("Hollis won 55 percent against 41 percent for the main challenger, Ann Dale.") == [
        "Hollis won 55 percent",
        "41 percent for the main challenger, Ann Dale",
    ]
    assert "28% for the Greens" in stats("Polls gave 33% for Reform and 28% for the Greens.")


def test_a_share_for_a_period_is_not_whom_it_went_to():
    assert stats("Net income increased 12.5% for the Second Quarter.") == [
        "Net income increased 12.5%"
    ]


def test_shares_that_were_taken_respectively_carry_the_takers():
    assert stats("Rivals Tom Brae and Ida Lusk took 19% and 9% respectively, he said.") == [
        "Ida Lusk took 19% and 9% respectively"
    ]


def test_a_level_that_had_been_reached_carries_its_subject():
    assert stats("The returning officer said turnout had been 71%.") == ["turnout had been 71%"]


def test_the_level_a_figure_changed_from_belongs_to_the_figure():
    assert stats("Fewer patients were in intensive care, falling to six from 14, it said.") == [
        "falling to six from 14"
    ]
    assert stats("Officials said 72 pupils were sent home with a rash, up from 51 on Monday.") == [
        "72 pupils were sent home with a rash, up from 51"
    ]
    (cut,) = stats("The plan cuts the garrison to about 9,000 in May \u2014 from a high of 20,000.")
    assert "about 9,000" in cut and cut.endswith("from a high of 20,000")


def test_a_total_that_is_now_a_figure_says_what_it_totals():
    (total,) = stats("It said the total number of measles cases is now 31, including 4 deaths.")
    assert total.startswith("number of measles cases is now 31")


def test_a_figure_from_another_clause_is_not_a_base():
    figures = stats("Deaths remain at four, but the estimate of cases rose from 30 to 40.")
    assert not any("four" in figure and "30" in figure for figure in figures)


def test_a_part_of_a_whole_named_before_carries_what_it_is_or_did():
    assert "14 were in the hill districts" in stats(
        "Among the 40 seats declared by the commission, 14 were in the hill districts and went"
        " to the Greens, the chairman said."
    )
    assert "five have reported water shortages" in stats(
        "Of the nine northern towns, including Kelso and Brae, five have reported water"
        " shortages, it said."
    )


def test_a_tally_carries_whom_it_belongs_to():
    assert stats("After the draw, they now have 11 points, level with Kelso.") == [
        "they now have 11 points"
    ]


def test_points_from_games_are_one_figure():
    assert stats("With just 8 points from 10 games, Brae sit bottom of the table.") == [
        "just 8 points from 10 games"
    ]


def test_a_fraction_in_words_is_a_change_with_what_changed():
    assert stats("The new drug cut the rate of falls among older patients by one-fifth.") == [
        "cut the rate of falls among older patients by one-fifth"
    ]


def test_half_a_million_is_a_figure_with_what_it_counts():
    assert stats("Nearly half a million voters stayed home.") == ["Nearly half a million voters"]
    assert stats("Experts said the final tally could exceed half a million.") == [
        "the final tally could exceed half a million"
    ]


def test_a_figure_after_the_words_taken_for_a_speaker_is_still_a_figure():
    assert "the average analyst forecast of 47 cents" in stats(
        "Acme earned 50 cents a share, beating the average analyst forecast of 47 cents,"
        " according to Dataline Estimates."
    )


def test_a_counted_speaker_is_not_a_figure():
    assert stats("Two senior officials said the talks had stalled.") == []


def test_a_state_that_has_lasted_for_the_last_so_many_months_is_a_run():
    assert stats("Output is weak, and the deficit has grown for the past nine quarters.") == [
        "the deficit has grown for the past nine quarters"
    ]
    assert stats("The league has ruled the town for all 30 years since the mill closed.") == [
        "The league has ruled the town for all 30 years since the mill closed"
    ]


def test_a_plain_duration_is_not_a_run():
    assert stats("She has been a nurse for 12 years.") == []


def test_counts_joined_by_as_well_as_are_one_figure():
    assert stats("The dead included six nurses, as well as four drivers, officials said.") == [
        "six nurses, as well as four drivers"
    ]


def test_a_pair_of_outbreak_cases_is_a_tally():
    assert stats("The minister said two suspected cases of cholera were reported in Lomar.") == [
        "two suspected cases of cholera were reported"
    ]
    assert stats("Two bodyguards stood at the gate.") == []


def test_one_new_case_or_death_is_an_addition_to_a_tally():
    assert stats("It said there has been one new death in Kessa since Monday.") == [
        "one new death in Kessa"
    ]


def test_a_level_and_the_change_it_represents_are_one_figure():
    assert stats("Sales in the third quarter were $8.1 million, an increase of 12.5%.") == [
        "Sales in the third quarter were $8.1 million, an increase of 12.5%"
    ]
    assert stats("Vendors shipped a total of 2.1 billion units in 2019, declining 3 percent.") == [
        "a total of 2.1 billion units in 2019, declining 3 percent"
    ]


def test_a_change_and_the_level_it_reached_are_one_figure():
    assert stats("Tablet shipments grew 4 percent, topping 200 million units.") == [
        "Tablet shipments grew 4 percent, topping 200 million units"
    ]
    assert stats("Revenue rose 20 percent, to $3.1 billion from $2.6 billion a year earlier.") == [
        "Revenue rose 20 percent, to $3.1 billion from $2.6 billion"
    ]


def test_a_digit_inside_a_speaker_name_is_not_the_figure():
    assert stats("After the survey, K2T found May was 2 deg C warmer than the average.") == [
        "May was 2 deg C warmer"
    ]


def test_ages_and_street_numbers_are_no_statistics():
    assert stats("A care home for people over the age of 65 has been approved.") == []
    assert stats("Police described the suspect as a man, around 25-34 years old.") == []
    assert stats("The depot is located at 212 Marsh Mill Rd in Kelso.") == []


def test_crore_written_cr_is_a_magnitude():
    assert stats("The regulator has collected Rs 415 cr in fines.") == ["Rs 415 cr in fines"]


def test_an_irregular_participle_says_what_befell_the_count():
    assert stats("Officials said eleven more pupils were found with a rash on Monday.") == [
        "eleven more pupils were found"
    ]


def test_a_tally_that_was_won_carries_how():
    assert stats("Ann Dale was declared the winner after securing 41,200 votes.") == [
        "after securing 41,200 votes"
    ]


def test_counts_spread_across_counts_are_one_figure():
    assert stats(
        "Voting took place in 812 polling stations spread across 60 wards in the 4 districts."
    ) == ["812 polling stations spread across 60 wards in the 4 districts"]


def test_a_fiscal_year_belongs_to_the_subject():
    assert stats("Revenue for the first half of fiscal 2004 was $3,112,050.") == [
        "half of fiscal 2004 was $3,112,050"
    ]
