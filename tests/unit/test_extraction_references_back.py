"""A body named once and referred to later ("the group", "the rights group", "the
Observatory's documented deaths", "as per the tally of the commission") is the
source of what follows, and an interview given to an outlet relays what the speaker
says after it (batch h12e and h12f classes).

Every sentence here is written for the test; none is copied from a page. The policy
(corpus README): the attribution chain names whom a checker asks, first speaker first;
a body named only in passing is nobody's source.
"""

from factcheck.extraction import suggest_claims
from tests.suggested import find, names

MONITOR = "the Coastal Rights Monitor"


def _monitor_story(*later: str) -> list:
    body = "\n\n".join(
        (
            f"The number of boats lost this year has risen to 412, {MONITOR} said on Friday.",
            "Among the boats were 40 fishing vessels owned by groups such as Harbour Front "
            "and the Pier Cooperative.",
            *later,
        )
    )
    return suggest_claims(body)


def test_the_group_is_the_body_that_spoke_not_one_named_in_passing():
    claims = _monitor_story("The real figure was probably higher, the group said.")
    said = find(claims, "attribution", "The real figure was probably higher")
    assert names(said) == ["Coastal Rights Monitor"]


def test_the_group_s_chief_speaks_for_the_body_that_spoke():
    claims = _monitor_story("The count was likely to rise, said the group's chief, Ana Velde.")
    said = find(claims, "attribution", "The count was likely to rise")
    assert names(said) == ["Ana Velde", "Coastal Rights Monitor"]


def test_a_description_with_words_of_the_name_refers_back_to_that_body():
    claims = _monitor_story("The rights group said it had counted 96 lost crew members.")
    said = find(claims, "attribution", "The rights group said")
    assert names(said) == ["Coastal Rights Monitor"]


def test_a_description_whose_words_name_no_body_is_not_resolved_to_one():
    claims = _monitor_story("The shipping group said 14 of its boats were missing.")
    said = find(claims, "attribution", "The shipping group said")
    assert "Coastal Rights Monitor" not in names(said)


def test_what_a_body_documented_is_its_data():
    claims = _monitor_story("Among the Monitor's documented losses were 57 cargo boats.")
    figure = find(claims, "statistic", "57 cargo boats")
    assert names(figure) == ["Coastal Rights Monitor"]


def test_a_sentence_opening_with_a_preposition_names_no_speaker():
    claims = _monitor_story(
        "Among the Monitor's documented losses were 57 cargo boats.",
        "It said most were lost in storms.",
    )
    said = find(claims, "attribution", "most were lost in storms")
    assert names(said) == ["Coastal Rights Monitor"]


def test_as_per_reads_as_according_to():
    body = "As per the Port Authority, 1,200 ships called at the harbour last year."
    claims = suggest_claims(body)
    said = find(claims, "attribution", "As per the Port Authority")
    assert names(said) == ["Port Authority"]


def test_as_per_the_tally_of_a_body_is_the_body_s_figure():
    body = (
        "As per the final tally of the Election Commission, turnout of 63.4 per cent was "
        "recorded in the northern district."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "63.4 per cent")) == ["Election Commission"]


def test_an_interview_given_to_an_outlet_relays_what_the_speaker_says_after_it():
    body = (
        "Governor Lena Marsh gave the Valley Courier a brief interview on Tuesday.\n\n"
        "On the budget:\n\n"
        "\u201cWe will not raise the fuel tax this year,\u201d Ms. Marsh said."
    )
    claims = suggest_claims(body)
    said = find(claims, "attribution", "We will not raise the fuel tax")
    assert names(said) == ["Lena Marsh", "Valley Courier"]


def test_a_heading_that_opens_with_a_preposition_is_nobody():
    body = (
        "Governor Lena Marsh gave the Valley Courier a brief interview on Tuesday.\n\n"
        "On Harbour Bridge and the Ferry Board:\n\n"
        "\u201cThe bridge tolls stay where they are,\u201d she said."
    )
    claims = suggest_claims(body)
    said = find(claims, "attribution", "The bridge tolls stay")
    assert names(said)[0] == "Lena Marsh"


def test_the_clubs_boss_is_the_coach_named_before():
    body = (
        "Coach Nadia Orsk was pleased with the draw at Quay Park.\n\n"
        "The Harbour Rovers tactician revealed that she wanted two new defenders."
    )
    claims = suggest_claims(body)
    said = find(claims, "attribution", "wanted two new defenders")
    assert names(said) == ["Nadia Orsk"]


def test_a_court_directing_that_reports_the_order():
    body = (
        "The Eastern High Court heard the petition on Monday.\n\n"
        "With this observation, the court directed that the district pay a fine of $2,000."
    )
    claims = suggest_claims(body)
    order = find(claims, "attribution", "the court directed that")
    assert names(order) == ["Eastern High Court"]


def test_results_declared_by_an_officer_are_the_officer_s():
    body = "Other results declared by the Chief Returning Officer showed the party won 12 seats."
    claims = suggest_claims(body)
    # a post whose holder the copy never names: an unnamed source, never a name
    assert names(find(claims, "statistic", "12 seats")) == ["~Chief Returning Officer"]


def test_a_speaker_named_with_its_acronym_after_an_inverted_verb_is_found():
    body = "Nine districts had too little rain in July, says the Coastal Weather Office (CWO)."
    claims = suggest_claims(body)
    said = find(claims, "attribution", "Nine districts had too little rain")
    assert names(said) == ["Coastal Weather Office"]


def test_a_bracketed_aside_between_subject_and_verb_keeps_the_subject():
    body = "The Health Ministry on Monday (local time) confirmed a total of 83 deaths from the flu."
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "83 deaths")) == ["Health Ministry"]


def test_a_place_that_recorded_a_figure_is_not_the_source_when_someone_said_it():
    body = (
        "The Coastal Weather Office said the week was the coldest in a decade.\n\n"
        "In the north, Port Ellis has recorded 20 cm of snow, it said."
    )
    claims = suggest_claims(body)
    said = find(claims, "attribution", "Port Ellis has recorded")
    assert names(said) == ["Coastal Weather Office"]


def test_a_wire_dateline_is_neither_the_source_nor_part_of_the_claim():
    body = (
        "(Syndicated - Gulf News Agency (GNA)) PORT ELLIS, April 25 (GNA) -- At least "
        "three fishermen were rescued off the coast, said the army on Thursday."
    )
    claims = suggest_claims(body)
    said = find(claims, "attribution", "three fishermen were rescued")
    assert said.text.startswith("At least three fishermen")
    assert "PORT ELLIS" not in names(said)
    assert names(said) == ["army"]


def test_an_inverted_speaker_followed_by_the_day_is_found():
    body = "Six boats were lost in the storm, said Colonel Ann Roe late Monday night."
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Six boats were lost")) == ["Ann Roe"]


def test_bare_official_statistics_are_those_of_the_office_named_next():
    body = (
        "Fish exports dropped by 6.3% in March, official statistics showed today.\n\n"
        "Imports grew by 2%, the Coastal Statistics Office said."
    )
    claims = suggest_claims(body)
    figure = find(claims, "statistic", "6.3%")
    assert names(figure) == ["Coastal Statistics Office"]


def test_bare_figures_with_no_body_beside_them_stay_unnamed():
    body = "Fish exports dropped by 6.3% in March, official statistics showed today."
    claims = suggest_claims(body)
    figure = find(claims, "statistic", "6.3%")
    assert names(figure) == ["~official statistics"]


def test_a_body_whose_name_has_and_in_it_is_one_source():
    body = "The Fish and Wildlife Agency said the herring stock had fallen by a third."
    claims = suggest_claims(body)
    said = find(claims, "attribution", "herring stock had fallen")
    assert names(said) == ["Fish and Wildlife Agency"]


def test_the_center_refers_back_to_the_center_that_spoke():
    body = (
        "The Polar Snow and Ice Data Center said sea ice was at a record low.\n\n"
        "The data center said warm winds contributed to the record."
    )
    claims = suggest_claims(body)
    said = find(claims, "attribution", "warm winds contributed")
    assert names(said) == ["Polar Snow and Ice Data Center"]


def test_the_writer_s_background_is_not_the_paragraph_speaker_s():
    body = (
        "Harbour rebels said on Saturday that the navy shelled the port. This comes two "
        "days after a strike on the docks that killed more than 70 people."
    )
    claims = suggest_claims(body, outlet="Valley Gazette")
    figure = find(claims, "statistic", "70 people")
    assert names(figure) == ["Valley Gazette"]


def test_a_body_that_anticipates_that_reports():
    body = "The Health Agency anticipates that there will be more cases this winter."
    claims = suggest_claims(body)
    said = find(claims, "attribution", "there will be more cases")
    assert names(said) == ["Health Agency"]


def test_said_according_to_an_outlet_is_relayed_by_it_and_so_is_the_quote_after():
    body = (
        "\u201cThe bay has never frozen so late,\u201d Ana Velde said, according to Valley "
        "Courier. \u201cYear by year the ice comes later and leaves sooner.\u201d"
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "never frozen so late")) == [
        "Ana Velde",
        "Valley Courier",
    ]
    assert names(find(claims, "quote", "Year by year the ice")) == ["Ana Velde", "Valley Courier"]


def test_the_monitoring_group_is_the_monitor_that_spoke():
    claims = _monitor_story("The air raids killed 19 people, the monitoring group said.")
    said = find(claims, "attribution", "The air raids killed 19 people")
    assert names(said) == ["Coastal Rights Monitor"]


def test_a_hyphenated_description_refers_back_to_the_body_that_spoke():
    body = (
        "The Harbour Network for Boat Safety said 200 boats were lost.\n\n"
        "The UK-registered organization said in a statement that 40 of them were ferries."
    )
    claims = suggest_claims(body)
    said = find(claims, "attribution", "The UK-registered organization said")
    assert names(said) == ["Harbour Network for Boat Safety"]


def test_results_released_by_a_body_are_the_body_s_not_a_document_s():
    body = "Results released by the electoral commission showed the mayor with 55 percent."
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "55 percent")) == ["electoral commission"]


def test_a_coach_who_praised_the_fans_made_a_statement():
    body = "Harbour Rovers head coach Nadia Orsk has praised the fans for their support."
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "praised the fans")) == ["Nadia Orsk"]


def test_the_report_is_the_report_of_the_body_named_with_it():
    body = (
        "Scientists warn in a report from the Coastal Panel on Sea Levels that the bay "
        "will flood.\n\n"
        "Unless defences are raised, the report says, 40% of the harbour will be under water."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "40%")) == ["Coastal Panel on Sea Levels"]


def test_an_official_in_a_ministry_speaks_for_it():
    body = (
        "\u201cThis data is very important,\u201d said Ana Velde, joint secretary in the "
        "harbour ministry."
    )
    claims = suggest_claims(body)
    said = find(claims, "attribution", "This data is very important")
    assert names(said) == ["Ana Velde", "harbour ministry"]


def test_a_farmer_in_a_village_has_no_affiliation():
    body = "\u201cThe frost came early this year,\u201d said Ana Velde, a farmer in the village."
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "The frost came early")) == ["Ana Velde"]


def test_an_aside_between_spaced_hyphens_is_read_as_one_between_dashes():
    body = (
        "Fares rose 2.7 per cent in May, Harbourstat - the port's statistics office - "
        "said as it released the data."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "2.7 per cent")) == ["Harbourstat"]


def test_a_person_of_a_firm_is_the_person_not_a_name_with_the_firm_in_it():
    body = (
        "\u201cFares will fall back next year,\u201d said economist Ben Oduya of the "
        "Quay Capital research group."
    )
    claims = suggest_claims(body)
    said = find(claims, "attribution", "Fares will fall back")
    assert names(said)[0] == "Ben Oduya"


def test_a_brigadier_s_rank_is_not_part_of_the_name():
    body = "Brigadier Omar Haddad told reporters that 17 rebels were killed."
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "17 rebels"))[0] == "Omar Haddad"


def test_the_health_ministry_is_not_a_health_organisation_named_before():
    body = (
        "The World Health Organization says 95% of children need two doses.\n\n"
        "The health ministry announced a catch-up campaign on Monday."
    )
    claims = suggest_claims(body)
    said = find(claims, "attribution", "The health ministry announced")
    assert "World Health Organization" not in names(said)


def test_plural_people_in_a_role_are_speakers_flagged_as_unnamed():
    claims = suggest_claims("Poll monitors said 40 people were turned away at the booths.")
    assert names(find(claims, "attribution", "40 people were turned away")) == ["~Poll monitors"]
    claims = suggest_claims("Election observers said the count was orderly.")
    assert names(find(claims, "attribution", "the count was orderly")) == ["~Election observers"]


def test_plural_institutions_are_not_made_speakers_by_it():
    body = "Public hospitals had admitted eight more patients, the Harbour Health Centre said."
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "eight more patients")) == ["Harbour Health Centre"]


def test_a_headline_monitor_is_the_monitor_the_story_names_further_down():
    body = (
        "Dozens of people were killed in the shelling on Monday, most of them in the port.\n\n"
        "The Coastal Observatory for Human Rights said the toll could rise."
    )
    claims = suggest_claims(body, title="Monitor: dozens killed in port shelling")
    assert names(find(claims, "statistic", "Dozens of people")) == [
        "Coastal Observatory for Human Rights"
    ]


def _earnings_story(company_said: str) -> list:
    body = "\n\n".join(
        (
            "Six analysts had expected a small loss for the quarter, according to Reuters "
            "Estimates.",
            company_said,
            "Revenue in the quarter included $14 million of sales from new dealers, more "
            "than the company had forecast.",
        )
    )
    return suggest_claims(body)


def test_the_company_is_the_firm_that_spoke_not_the_wire_cited_for_estimates():
    claims = _earnings_story("Dunmore Steel Inc said in June it expected sales of $600 million.")
    figure = find(claims, "statistic", "$14 million")
    assert names(figure) == ["Dunmore Steel"]


def test_the_company_is_a_one_word_firm_that_spoke_not_the_wire_cited():
    claims = _earnings_story("Dunmore said in June it expected sales of $600 million.")
    figure = find(claims, "statistic", "$14 million")
    assert names(figure) == ["Dunmore"]
