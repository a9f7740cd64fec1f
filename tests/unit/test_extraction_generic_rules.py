"""Generic attribution rules drawn from failure classes on the dev pages of the corpus.

Every sentence here is written for the test; none is copied from a page. The
expected chains follow the policy: the person who spoke first, the body they
speak for when the copy names it, then whoever relayed it; vague sourcing is
flagged as unnamed.
"""

from factcheck.extraction import suggest_claims
from tests.suggested import find, names

# -- a body's own report is the body's word -----------------------------------


def test_a_report_released_by_a_named_body_is_that_body_speaking():
    body = (
        "The Coastal Fisheries Authority (CFA) counted 40 seal deaths in May.\n\n"
        "According to the latest monthly report released by the CFA on Friday, 12 seals "
        "were found dead in June."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "12 seals")) == ["Coastal Fisheries Authority"]


def test_a_survey_by_a_named_body_keeps_the_survey():
    body = "Nearly half of nurses work unpaid overtime, according to a survey by the Care Union."
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "according to a survey")) == [
        "~survey",
        "Care Union",
    ]


# -- a capitalised description refers back to the body that spoke -----------


def test_capitalised_description_with_lower_case_head_refers_back():
    body = (
        "The Lakeland Disease Control Centre has reported 31 cases of dengue this year.\n\n"
        "The Public Health agency said that the cases span nine districts."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "The Public Health agency said")) == [
        "Lakeland Disease Control Centre"
    ]


def test_a_description_naming_a_people_is_another_body():
    body = (
        "The Lakeland Disease Control Centre has reported 31 cases of dengue this year.\n\n"
        "The Japanese weather agency said the rains would continue."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "weather agency said")) != [
        "Lakeland Disease Control Centre"
    ]


# -- a company named in passing is "the company" -----------------------------


def test_company_named_in_passing_is_the_company_that_speaks_later():
    body = (
        "Shares of Veltrix, the second-largest maker of garden tools, fell after the "
        "company reported a 20 percent drop in sales.\n\n"
        "Orders may recover next year, the company said."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "the company said")) == ["Veltrix"]
    assert names(find(claims, "statistic", "20 percent")) == ["Veltrix"]


# -- titled people speak for the body the copy named ---------------------------


def test_its_minister_speaks_for_the_ministry_just_named():
    body = (
        "The Water Ministry fears the drought will last into spring.\n\n"
        "Its minister Dr Ana Kovac said reservoirs were at 30 percent."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Kovac said")) == ["Ana Kovac", "Water Ministry"]


def test_portfolio_minister_speaks_for_the_ministry_named_before():
    body = (
        "The Water Ministry said on Monday the drought would last into spring.\n\n"
        "Water Minister Ana Kovac said reservoirs were at 30 percent."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Kovac said")) == ["Ana Kovac", "Water Ministry"]


def test_portfolio_minister_alone_when_no_ministry_was_named():
    claims = suggest_claims("Water Minister Ana Kovac said reservoirs were at 30 percent.")
    assert names(find(claims, "attribution", "Kovac said")) == ["Ana Kovac"]


def test_subject_with_an_unclosed_description_keeps_it_for_he_said():
    body = (
        "The Water Ministry said on Monday the drought would last into spring.\n\n"
        "Mr Tomas Vell, the spokesperson of the Ministry gave no details. He said the "
        "minister would visit the dam."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "He said")) == ["Tomas Vell", "Water Ministry"]


# -- belief and forecast verbs attribute ---------------------------------------


def test_suspects_and_expects_attribute_their_clause():
    body = (
        "The Water Ministry suspects the number of dry wells is growing.\n\n"
        "Veltrix expects a profit of 5 cents a share next quarter."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "suspects")) == ["Water Ministry"]
    assert names(find(claims, "attribution", "expects a profit")) == ["Veltrix"]


# -- a relative clause between subject and verb --------------------------------


def test_relative_clause_between_subject_and_verb_keeps_the_subject():
    claims = suggest_claims(
        "A rebel spokesman who claimed the ambush told reporters the convoy was the target."
    )
    assert names(find(claims, "attribution", "told reporters")) == ["~rebel spokesman"]


def test_described_speaker_is_not_a_later_person_of_another_body():
    body = (
        "A Red Hand spokesman who claimed the ambush told reporters the convoy was the "
        "target.\n\nTwo soldiers were hurt, said Maj. Tom Reyes, a spokesman for the army."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "told reporters")) == ["~Red Hand spokesman"]


# -- statistics say the whole figure -------------------------------------------


def stats(body: str) -> list[str]:
    return [c.text for c in suggest_claims(body) if c.kind == "statistic"]


def test_compound_count_joined_by_and_is_one_figure():
    body = "The agency said it had found six new cases of measles and two deaths this week."
    assert "six new cases of measles and two deaths" in stats(body)


def test_percentages_joined_by_and_stay_apart():
    body = "Rents rose 0.4% in May and 3.1% over the year, the statistics office said."
    found = stats(body)
    assert not any("0.4%" in s and "3.1%" in s for s in found), found


def test_per_share_amounts_and_ranges_are_one_figure():
    body = "Veltrix expects a profit of 2-4 cents a share on sales of $30-$35 million."
    assert stats(body) == ["a profit of 2-4 cents a share on sales of $30-$35 million"]


def test_amount_with_its_equivalents_and_its_conversion():
    body = (
        "Net income was $2.5 million, or 4 cents a share, the company said.\n\n"
        "Orders may reach NZ$3.2 billion ($2 billion), the company said."
    )
    found = stats(body)
    assert "income was $2.5 million, or 4 cents a share" in " ".join(found)
    assert "NZ$3.2 billion ($2 billion)" in " ".join(found)
    assert "$2 billion" not in found


def test_a_price_says_what_closed_at_it():
    assert stats("The shares closed at $4.10 on Friday, Reuters said.") == [
        "The shares closed at $4.10"
    ]


def test_range_from_to_keeps_what_it_counts():
    body = "The ministry raised its count of suspected cases from 30 to over 40 on Monday."
    assert "suspected cases from 30 to over 40" in stats(body)


def test_count_keeps_what_happened_to_it_but_casualties_stay_bare():
    body = (
        "According to the ministry, 12 people have so far been tested positive.\n\n"
        "At least 9 people were killed, police said."
    )
    found = stats(body)
    assert "12 people have so far been tested positive" in found
    assert "At least 9 people" in found


def test_count_with_capitalised_words_before_its_noun():
    body = (
        "Three Americans were hurt, police said. Police said three top Harbour province "
        "officials were hurt too."
    )
    found = stats(body)
    assert "Three Americans" in found
    assert "three top Harbour province officials" in found


def test_a_name_or_a_time_after_a_number_is_no_count():
    body = "A briefing is set for 9:30 Eastern time, and Ten Rapid Response Teams were sent."
    found = stats(body)
    assert not any("Eastern" in s or "Teams" in s for s in found), found


def test_a_pair_is_not_a_figure_outside_casualty_copy():
    assert stats("The mayor met two bodyguards and the two nations signed.") == []


def test_word_number_after_remains_at_says_what_it_counts():
    body = "The minister said the number of confirmed incidents remains at four."
    assert any("confirmed incidents remains at four" in s for s in stats(body))


# -- quotes: introduced by a colon, or closed in a later paragraph ----------------


def test_quote_running_over_paragraphs_belongs_to_who_closes_it():
    body = (
        "According to an official, 12 people have tested positive.\n\n"
        "\u201cCases were found because our surveillance works. We follow the protocols.\n\n"
        "\u201cThere is no need to panic,\u201d Water Minister Ana Kovac said."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "quote", "Cases were found")) == ["Ana Kovac"]


# -- anonymous sourcing with what describes it ----------------------------------


def test_sources_described_after_the_noun_are_the_unnamed_speakers():
    body = (
        "Sources close to the talks said a deal was near.\n\n"
        "A person familiar with the plan said it would cost $5 million.\n\n"
        "People with knowledge of the bid told reporters it had failed."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Sources close")) == ["~Sources"]
    assert names(find(claims, "attribution", "A person familiar")) == ["~person"]
    assert names(find(claims, "attribution", "People with knowledge")) == ["~People"]


def test_officials_with_a_clause_between_commas_are_the_speakers():
    body = "Two officials, who spoke on condition of anonymity, said the minister would resign."
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Two officials")) == ["~Two officials"]


def test_an_unnamed_official_is_not_the_minister_named_later():
    body = (
        "The Water Ministry said on Monday the drought would last.\n\n"
        "According to a Water Ministry official, 40 wells have dried up.\n\n"
        "\u201cThere is no need to panic,\u201d Water Minister Ana Kovac said."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "According to a Water")) == [
        "~Water Ministry official",
        "Water Ministry",
    ]


# -- titles with "of", several speakers in one sentence ------------------------------


def test_chief_of_police_is_a_title_and_speaks_for_the_police_named_before():
    body = (
        "A man was arrested, the Lakeside Police Department said in a statement.\n\n"
        "\u201cWe are pleased with the arrest,\u201d Chief of Police Ann B. Roe said.\n\n"
        "\u201cIt was not a random act,\u201d the local police chief said."
    )
    claims = suggest_claims(body)
    expected = ["Ann B. Roe", "Lakeside Police Department"]
    assert names(find(claims, "attribution", "Chief of Police")) == expected
    assert names(find(claims, "attribution", "local police chief")) == expected


def test_each_figure_belongs_to_the_speaker_whose_words_it_is_in():
    body = (
        "A provincial official said the raid killed nine farmers, but the army said on "
        "Monday the raid killed six fighters."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "nine farmers")) == ["~provincial official"]
    assert names(find(claims, "statistic", "six fighters")) == ["army"]


def test_figure_before_its_speaker_belongs_to_the_first_speaker_after_it():
    body = (
        "Eleven guards were killed in the attack, the deputy governor said, however, a "
        "rebel spokesman said the target was the general."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "Eleven guards")) == ["deputy governor"]


def test_said_that_according_to_results_is_the_speakers_figure():
    body = (
        "The Harbour Election Commission said that according to provisional results, "
        "the mayor won 58.3 percent of the votes."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "58.3 percent")) == ["Harbour Election Commission"]


def test_role_before_a_name_lets_an_earlier_description_take_the_name():
    body = (
        "Nine guards were killed, the deputy provincial governor said.\n\n"
        "The province\u2019s deputy provincial governor Ali Karimi said the chief died at once."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "Nine guards")) == ["Ali Karimi"]


# -- more ways to quote --------------------------------------------------------


def test_straight_single_quotes_quote_a_sentence():
    body = (
        "Council leader Ruth Mann spoke on Monday.\n\n"
        "'We will fight this decision in every court in the land,' she said."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "she said")) == ["Ruth Mann"]


def test_quote_after_a_sentence_about_its_speaker_is_the_speakers():
    body = (
        "Coach Ann Lee thanked the fans after the match. \u201cWithout you we would never "
        "have reached the final this year.\u201d\n\n"
        "The Harbour City Council thanked residents. \u201cYour patience during the "
        "roadworks made all the difference to us.\u201d"
    )
    claims = suggest_claims(body)
    assert names(find(claims, "quote", "Without you")) == ["Ann Lee"]
    assert names(find(claims, "quote", "Your patience")) == ["Harbour City Council"]


def test_it_is_added_that_and_the_statement_reads_go_on_in_the_last_speakers_words():
    body = (
        "The Water Ministry said on Friday that 70% of wells are dry.\n\n"
        "It is added that 5% of the wells are polluted.\n\n"
        '"Reservoirs stand at 15 percent," the statement reads further.'
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "5% of the wells")) == ["Water Ministry"]
    assert names(find(claims, "attribution", "the statement reads")) == ["Water Ministry"]


# -- headlines, tools, how a speaker was reached --------------------------------


def test_headline_label_before_or_after_names_who_gives_the_figure():
    body = "At least 40 people were killed in shelling on Monday."
    for title, expected in (
        ("Death toll tops 40: activists", ["~activists"]),
        ("40 killed in shelling - UN", ["United Nations"]),
        ("Watch: 40 killed in shelling", []),
    ):
        claim = find(suggest_claims(body, title=title), "statistic", "40 people")
        assert names(claim) == expected, title


def test_headline_monitor_label_is_the_monitor_the_copy_names():
    body = (
        "The Harbour Observatory for Human Rights said shelling continued.\n\n"
        "At least 40 people were killed in shelling on Monday."
    )
    claims = suggest_claims(body, title="Monitor: 40 killed in shelling")
    assert names(find(claims, "statistic", "40 people")) == ["Harbour Observatory for Human Rights"]


def test_a_tool_the_speakers_used_is_not_the_speaker():
    claims = suggest_claims("Researchers using Harbour Trends found that searches rose 40%.")
    assert names(find(claims, "statistic", "40%")) == ["~Researchers"]


def test_how_a_speaker_was_reached_is_skipped_and_a_doctor_is_unnamed():
    claims = suggest_claims("A doctor reached by telephone said 12 people were treated.")
    assert names(find(claims, "attribution", "A doctor")) == ["~doctor"]


# -- more reporting constructions ------------------------------------------------


def test_figures_stop_at_while_and_at_the_sentence_before():
    body = (
        "The ministry said deaths have jumped to 17 while recoveries stand at 14.\n\n"
        '"Infections stand at 9 cases. Admissions stand at 15," the statement reads.'
    )
    found = stats(body)
    assert "deaths have jumped to 17" in found
    assert "recoveries stand at 14" in found
    assert "Admissions stand at 15" in found


def test_reportedly_is_the_outlets_report_and_there_were_reports_is_unnamed():
    body = (
        "The governor was killed on Monday.\n\n"
        "His driver was reportedly killed in the attack.\n\n"
        "There also were unconfirmed reports that the spokesman had been killed."
    )
    claims = suggest_claims(body, outlet="Harbour Times")
    assert names(find(claims, "attribution", "reportedly")) == ["Harbour Times"]
    assert names(find(claims, "attribution", "There also were")) == ["~unconfirmed reports"]


def test_believe_and_suspected_attribute():
    body = (
        "Police believe the gunman acted alone.\n\n"
        "No group has claimed the attack, but officials suspected it was the rebels."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Police believe")) == ["Police"]
    assert names(find(claims, "attribution", "officials suspected")) == ["~officials"]


def test_interview_with_and_quoted_as_saying_relay_through_the_newsroom():
    body = (
        "Dana Fox said in an interview with Reuters that 8 mines closed.\n\n"
        "Finn Hale was quoted by Xinhua as saying that 14 wells dried up.\n\n"
        '"We deserved to win," Tom Reid said as quoted by the league website.'
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Dana Fox")) == ["Dana Fox", "Reuters"]
    assert names(find(claims, "attribution", "Finn Hale")) == ["Finn Hale", "Xinhua"]
    assert names(find(claims, "attribution", "Tom Reid")) == ["Tom Reid", "league website"]


def test_the_chair_of_a_body_speaks_for_it():
    body = (
        "The Harbour Electoral Commission said 79 percent voted.\n\n"
        "Ivan Jost, chairperson of the commission, announced that 80 percent voted in 2016."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Ivan Jost")) == [
        "Ivan Jost",
        "Harbour Electoral Commission",
    ]


# -- scraped quote marks, openers before the subject, circumstances ------------------


def test_mixed_quote_marks_are_quotes_and_their_speaker_is_found():
    body = (
        "Mayor Ann Roe spoke after the vote.\n\n"
        '"We will study this claim and the council will respond soon,\u201d she said.\n\n'
        "\u201dIt is obvious that the wishes of the people have prevailed,\u201d she added."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "she said")) == ["Ann Roe"]
    assert names(find(claims, "attribution", "she added")) == ["Ann Roe"]


def test_a_leading_adverb_or_participle_clause_is_not_the_speaker():
    body = (
        "Separately, the government informed the house that 3 wells were shut.\n\n"
        "Presenting the details of the budget, Minister of State for Law Ana Kovac said "
        "that Rs1.2 billion was allocated."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Separately")) == ["government"]
    assert names(find(claims, "attribution", "Presenting")) == ["Ana Kovac"]


def test_adding_after_a_speech_goes_on_in_that_speakers_words():
    body = (
        "Seven rebels were killed when troops clashed with a group of rebels, the statement "
        "said, adding that the raid targeted a commander."
    )
    claims = suggest_claims(body)
    assert "rebels" not in " ".join(names(find(claims, "attribution", "adding that")))


def test_reported_by_after_a_speech_relays_it():
    claims = suggest_claims("Two soldiers were killed, officials said Saturday, reported dpa.")
    assert names(find(claims, "attribution", "reported dpa")) == [
        "~officials",
        "Deutsche Presse-Agentur",
    ]


def test_a_secretary_speaks_for_the_department_named_before():
    body = (
        "The Department of Health (DOH) on Sunday reported that 64 more cases had recovered.\n\n"
        "In a statement, Health Secretary Ana Cruz said 79 percent of all cases had recovered."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "The Department of Health")) == [
        "Department of Health"
    ]
    assert names(find(claims, "attribution", "Ana Cruz")) == ["Ana Cruz", "Department of Health"]


def test_time_words_between_subject_and_verb_are_skipped():
    body = (
        "The election body stated on Sunday night that the mayor had won 52 percent.\n\n"
        "Dr. Ann Roe, chairman of the Harbour Kidney Institute, last week said admissions "
        "had topped 200."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Ann Roe")) == ["Ann Roe", "Harbour Kidney Institute"]


def test_commended_and_forecast_attribute():
    body = (
        "An official of the Harbour Election Watch, Dr Ann Roe, on Sunday commended the "
        "turnout of 70 percent.\n\nVeltrix forecast second-quarter revenue of $1.2 billion."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "commended")) == ["Ann Roe", "Harbour Election Watch"]
    assert names(find(claims, "attribution", "Veltrix forecast")) == ["Veltrix"]


# -- relays declared after the words, company results, wire credits at the end ------


def test_quoted_by_a_newsroom_after_the_words_relays_them():
    body = (
        "Information Minister Ann Roe said on Thursday that the office spent more than "
        "USD 5 million on trips. She was quoted by Pakistani news outlet Dawn.\n\n"
        "Roe claimed that Khan paid only 20 per cent.\n\n"
        '"Where is the money trail?" she asked. She was quoted by news agency Press Trust '
        "of India.\n\n"
        '"The law set the price at 50% of the cost," Roe said.'
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "USD 5 million")) == ["Ann Roe", "Dawn"]
    assert names(find(claims, "attribution", "Roe claimed")) == ["Ann Roe", "Dawn"]
    assert names(find(claims, "attribution", 'cost," Roe said')) == [
        "Ann Roe",
        "Press Trust of India",
    ]


def test_a_companys_results_without_a_speech_are_the_companys():
    body = (
        "Veltrix Inc posted a 62 percent fall in quarterly profit on Tuesday.\n\n"
        "The company's net income was $1.9 million, or 3 cents a share.\n\n"
        "Sales from continuing operations rose 10 percent to $64.4 million."
    )
    claims = suggest_claims(body, byline="Reuters")
    assert names(find(claims, "statistic", "$1.9 million")) == ["Veltrix"]
    assert names(find(claims, "statistic", "$64.4 million")) == ["Veltrix"]


def test_a_wire_credit_closing_the_copy_carries_its_figures():
    body = "The poll was held in 2,195 polling units across 16 areas. (NAN)"
    claims = suggest_claims(body, outlet="Harbour Daily")
    assert names(find(claims, "statistic", "2,195 polling units")) == ["NAN"]


def test_generic_official_data_are_the_paragraphs_speakers():
    body = (
        "Minister Ann Roe said the office spent Rs1.17 billion. According to the official "
        "data, the office spent Rs 315 million in 2019."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "Rs 315 million")) == ["Ann Roe"]


def test_description_before_the_name_with_a_comma():
    body = (
        "The National Forest Ministry (NFM) will study a report.\n\n"
        "Its minister, Nik Ahmad said the ministry will keep 50 per cent forest cover.\n\n"
        "The Harbour Electoral Commission said turnout was 79 percent.\n\n"
        "Chairperson of the Commission, Jean Mensa said 13 million people voted."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Nik Ahmad")) == [
        "Nik Ahmad",
        "National Forest Ministry",
    ]
    assert names(find(claims, "attribution", "Jean Mensa")) == [
        "Jean Mensa",
        "Harbour Electoral Commission",
    ]


def test_a_judge_speaks_for_the_court_and_where_someone_works_is_their_body():
    body = (
        "The Harbour High Court has said a bail plea should not be dismissed.\n\n"
        "\u201cAbsence of counsel deprives the prisoner,\u201d Justice Ann Roe said.\n\n"
        '"I am lukewarm," said Dan Moy, at Harbour Capital Advisers in Florida.\n\n'
        "The trial judge said the order did not mention 2 sums."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Justice Ann Roe")) == [
        "Ann Roe",
        "Harbour High Court",
    ]
    assert names(find(claims, "attribution", "Dan Moy")) == [
        "Dan Moy",
        "Harbour Capital Advisers",
    ]
    assert names(find(claims, "attribution", "trial judge")) == ["~trial judge"]


def test_state_media_is_vague_sourcing_and_currency_codes_are_amounts():
    body = "State media said turnout was 87 percent and the poll cost RM100 million."
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "State media")) == ["~State media"]
    assert any("RM100 million" in c.text for c in claims if c.kind == "statistic")


# -- institutions, clause subjects, owned data, counts that recovered -------------


def test_the_bench_and_the_election_body_are_institutions_that_speak():
    body = (
        "The Supreme Court Vacation Bench heard the case on Thursday.\n\n"
        'The bench agreed with the counsel and observed, "The magistrate had 2 options."'
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "The bench agreed")) == [
        "Supreme Court Vacation Bench"
    ]


def test_a_spokesman_of_a_described_unit_speaks_for_it():
    claims = suggest_claims(
        "Ali Karimi, a spokesman of army Corps 205 Atal based in the south, confirmed "
        "the clashes killed 5 soldiers."
    )
    assert names(find(claims, "attribution", "Ali Karimi")) == ["Ali Karimi", "army Corps 205 Atal"]


def test_noting_after_a_long_opening_phrase_reports_the_clause_subject():
    body = (
        "Right on the heels of many financial reports and more research, IDC has weighed in "
        "with its own analysis, noting that the market grew by 1.9 percent."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "1.9 percent")) == ["IDC"]


def test_figures_from_a_bodys_own_table_are_that_bodys():
    body = (
        "ZTE placed within IDC\u2019s Top 5 vendor leaderboard, with a 4.3 percent share. "
        "Samsung saw a 76 percent increase since 2011."
    )
    claims = suggest_claims(body, outlet="Harbour Gadgets")
    assert names(find(claims, "statistic", "4.3 percent")) == ["IDC"]
    assert names(find(claims, "statistic", "76 percent")) == ["IDC"]


def test_the_health_chief_is_the_health_secretary_named_before():
    body = (
        "The Department of Health (DOH) on Sunday reported that 64 more cases of influenza "
        "A (H1N1) have fully recovered.\n\n"
        "In a statement, Health Secretary Ana Cruz said 79 percent of all cases recovered.\n\n"
        "The health chief also said six of the new patients had travelled abroad."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "health chief")) == [
        "Ana Cruz",
        "Department of Health",
    ]
    assert "64 more cases of influenza A (H1N1) have fully recovered" in stats(body)


def test_units_glued_to_the_number_are_figures_and_codes_are_not():
    found = stats(
        "The forest area rose by 14,000ha per year and tax collection reached 104pc. "
        "The 4x4 and COVID-19 are no figures."
    )
    assert any("14,000ha" in s for s in found)
    assert any("104pc" in s for s in found)
    assert not any("4x4" in s or "19" in s for s in found), found


def test_progressive_reporting_verbs_and_a_curly_quote_closed_straight():
    body = (
        "Harbour scientists are hinting they have made 1 major discovery.\n\n"
        "Coach Ann Lee spoke after the game.\n\n"
        '\u201cBefore the goal, we had two clear chances to score," she said.'
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "are hinting")) == ["~Harbour scientists"]
    assert names(find(claims, "attribution", "she said")) == ["Ann Lee"]
