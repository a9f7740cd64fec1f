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
    # a toll to date keeps its verb and what it was killed in; "were killed" stays apart
    assert stats("More than 900 sailors have been killed in storms at sea this decade.") == [
        "More than 900 sailors have been killed in storms"
    ]
    assert stats("At least 30 fishermen were killed in the storm.") == ["At least 30 fishermen"]


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


def test_a_figure_written_in_words_after_put_at():
    assert stats("Rescuers put the number of missing at six.") == ["the number of missing at six"]


def test_two_figures_put_at_in_one_report_are_one_claim():
    assert stats("Medics put the number of dead at four and the injured at up to twelve.") == [
        "the number of dead at four and the injured at up to twelve"
    ]
    assert stats("The agency put the number of dead at 8 and wounded at 21, it said.") == [
        "the number of dead at 8 and wounded at 21"
    ]


def test_a_time_of_day_is_no_figure():
    assert stats("Polls closed at 5 p.m. and the count began at 6pm.") == []


def test_a_count_with_its_share_in_brackets():
    assert stats(
        "Of those in hospital, 1,250 (4.1 per cent) patients need oxygen and"
        " 95 (0.3%) are on ventilators."
    ) == ["1,250 (4.1 per cent) patients", "95 (0.3%) are on ventilators"]


def test_a_share_in_brackets_is_the_named_ones():
    assert stats(
        "Per the tracker, Lenovo led the laptop market in Q2 (24%), ahead of HP (21%)."
    ) == [
        "Lenovo led the laptop market in Q2 (24%)",
        "HP (21%)",
    ]


def test_shares_in_brackets_joined_by_and_or_followed_by_are_one_claim():
    assert stats("The tracker ranked Vivo second, ahead of HP (21%) and Dell (17%).") == [
        "HP (21%) and Dell (17%)"
    ]
    assert stats(
        "In Kenya the brand took 28% of sales, followed by Tecno (20%), and Itel (12%)."
    ) == ["the brand took 28% of sales, followed by Tecno (20%), and Itel (12%)"]  # and who took it


def test_a_change_with_its_article_is_its_own_phrase_after_a_reporting_verb():
    assert stats("Acme Corp. posted a 40 percent rise in quarterly revenue Tuesday.") == [
        "a 40 percent rise in quarterly revenue"
    ]


def test_a_forecast_names_what_the_figure_is():
    assert "the average market forecast of 10 cents" in stats(
        "Acme earned 12 cents a share, beating the average market forecast of 10 cents."
    )


def test_crossing_a_mark_keeps_the_subject_and_the_verb():
    assert stats("Attendance topped the 80% mark in most counties.") == [
        "Attendance topped the 80% mark"
    ]


def test_recording_the_highest_figure_keeps_the_subject():
    assert stats("The port city recorded the highest figure of 72% on Sunday.") == [
        "The port city recorded the highest figure of 72%"
    ]


def test_the_one_with_the_share_is_named():
    assert stats("Counting ended early, with the delta district with 61%.") == [
        "the delta district with 61%"
    ]
    assert stats("She led 4 other candidates with 12 percent of the vote.") == [
        "4 other candidates with 12 percent of the vote"
    ]
    # a verb before "with" is no name: "won with", "compared with"
    assert stats("The president won with 54 percent, the commission said.") == ["54 percent"]


def test_a_warming_goal_is_no_measurement():
    assert (
        stats(
            "Most nations agreed to limit global warming to 1.5 deg C, and ideally keep it well"
            " below 2 degrees Celsius."
        )
        == []
    )


def test_deg_c_is_a_temperature_and_a_threshold_names_it():
    assert stats(
        "The average surface temperature will likely cross the 2 deg C warming threshold."
    ) == ["The average surface temperature will likely cross the 2 deg C warming threshold"]


def test_a_month_and_year_are_the_subject_of_a_figure():
    assert stats("The agency said May 2021 was 2 deg C colder than usual.") == [
        "May 2021 was 2 deg C colder"
    ]


def test_a_figure_cut_off_at_the_end_of_the_text_is_dropped():
    assert stats("To meet the goal, the country must cut its emissions by 4") == []


def test_a_vague_amount_in_words():
    assert stats("Regulators said a few million drivers may have been affected.") == [
        "a few million drivers"
    ]


def test_a_quarter_point_is_a_change_of_rate():
    assert stats("The central bank raised its key lending rate by a quarter-point on Tuesday.") == [
        "The central bank raised its key lending rate by a quarter-point"
    ]


def test_a_prison_term_sought_is_a_figure():
    assert stats("He received less than the 15-year prison term federal prosecutors sought.") == [
        "the 15-year prison term federal prosecutors sought"
    ]


def test_sport_tallies():
    assert stats("Pakistan posted 287/6 batting first at the stadium.") == ["287/6 batting first"]
    assert stats(
        "The opener played a match-winning 112, while the captain chipped in with a brisk"
        " 30-ball 45."
    ) == ["played a match-winning 112", "a brisk 30-ball 45"]
    assert stats("The win moves the hosts four points clear in Group B before the break.") == [
        "four points clear in Group B"
    ]


def test_votes_and_the_share_they_represent_are_one_figure():
    assert stats(
        "The incumbent obtained 412,500 votes representing 51.2 percent of the votes."
    ) == ["obtained 412,500 votes representing 51.2 percent of the votes"]  # and how won


def test_whom_is_not_what_a_share_is_of():
    assert stats(
        "The new cases have raised the state's total confirmed infections to 20,450 of whom"
        " most are at home."
    ) == ["The new cases have raised the state's total confirmed infections to 20,450"]


def test_a_majority_of_seats_is_one_figure():
    assert stats("A simple majority of 76 seats is needed to govern.") == [
        "A simple majority of 76 seats"
    ]


def test_a_figure_with_its_deaths_and_places_is_one_claim():
    assert stats("By Friday the tally of cases was 3,210 with six deaths in 12 counties.") == [
        "the tally of cases was 3,210 with six deaths in 12 counties"
    ]
    assert stats("Voting is held for 120 seats in 14 districts this year.") == [
        "120 seats in 14 districts"
    ]
