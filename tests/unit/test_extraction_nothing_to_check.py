"""What the finder never suggests: a checker would throw it away unread.

Notices to the reader and weather widgets on an imported page, the writer's own
question, a headline shouted in capitals, the same words suggested twice, a
photo credit, and a road's or a house's number taken for a count."""

from factcheck.extraction import clean_text, suggest_claims
from factcheck.extraction.numbers import find_numbers
from tests.suggested import find, story


def test_a_notice_to_the_reader_is_page_furniture():
    article = clean_text(
        "Harbour council approves ferry fares\n\n"
        "The Harbour Council voted 7-2 on Tuesday to raise ferry fares by 8 percent.\n\n"
        "Please note that these summaries are provided by the Coastline Archive as a "
        "service to readers. Unless otherwise stated, they are not the work of the archive.\n\n"
        "Please login to comment"
    )
    assert "Please" not in article.body
    assert "8 percent" in article.body


def test_a_weather_widget_with_its_town_is_page_furniture():
    article = clean_text(
        "Valemont Weather: 61.5°F | Partly Cloudy\n\n"
        "Quake rattles Valemont\n\n"
        "A magnitude 5.2 earthquake shook Valemont on Friday, the geological survey said."
    )
    assert "Weather" not in article.body
    assert "5.2" in article.body


def test_no_figure_is_suggested_from_the_writers_own_question():
    study = (
        "A study in the Northfield Medical Review found that people who drank tea had a "
        "21 percent lower risk of stroke."
    )
    question = "But if tea cuts your risk by 21 percent, what was the risk to begin with?"
    claims = story(study, question)
    figures = [c for c in claims if c.kind == "statistic" and "21 percent" in c.text]
    assert len(figures) == 1
    assert figures[0].end <= len(study)  # the study's figure, not the question's


def test_no_figure_is_suggested_from_a_headline_shouted_in_capitals():
    claims = story(
        "ACME MILLS PROFIT JUMPS 40 PERCENT",
        "Acme Mills said on Monday its quarterly profit rose 40 percent to $12 million.",
    )
    figures = [c.text for c in claims if c.kind == "statistic"]
    assert figures and all("PERCENT" not in f for f in figures)
    assert any("40 percent" in f for f in figures)


def test_a_lead_printed_twice_is_suggested_once():
    lead = (
        "Opposition leader Ann Roe led a march of 5,000 people through Port Vesta on "
        "Sunday and told the crowd the government had lost its mandate."
    )
    claims = story(lead, lead, "Police said the march ended peacefully.")
    assert sum(1 for c in claims if c.text == lead) == 1


def test_the_same_figure_in_two_sentences_is_two_claims():
    claims = story(
        "The charity ranked 175 countries by the risks children face.",
        "Conditions improved in 95 out of 175 countries, the charity said.",
    )
    assert len([c for c in claims if c.kind == "statistic" and "175" in c.text]) == 2


def test_a_photo_courtesy_line_is_a_caption():
    claims = story(
        "Crews battle the Ridge Fire near Dunmore. Photo courtesy Dunmore Fire District",
        "The Ridge Fire has burned 4,200 acres and was 10 percent contained, "
        "the fire district said.",
    )
    assert all("Photo courtesy" not in c.text for c in claims)
    assert find(claims, "statistic", "4,200 acres")


def test_a_numbered_road_is_no_count():
    text = (
        "Orders were lifted for the Highway 12 and County Road 48 areas, and for homes "
        "within a mile of 31550 Road 210."
    )
    assert [text[p.start : p.end] for p in find_numbers(text)] == []


def test_a_count_next_to_a_road_is_still_a_count():
    text = "Route 9 was closed after 40 cars were trapped by the flood."
    assert [text[p.start : p.end] for p in find_numbers(text)] == ["40 cars were trapped"]
    assert "Route" not in find(suggest_claims(text), "statistic", "40 cars").text


def test_a_standfirst_printed_again_as_the_lead_gives_its_figures_once():
    standfirst = "Visitor numbers rose 12 percent in 2023 and hotel income grew 9 percent."
    claims = story(
        standfirst + "\nFile photo of the Port Vesta waterfront.",
        standfirst + " The tourism board gave the figures on Friday.",
    )
    figures = [c.text for c in claims if c.kind == "statistic"]
    assert len([f for f in figures if "12 percent" in f]) == 1
    assert len([f for f in figures if "9 percent" in f]) == 1


def test_the_digit_of_a_bare_score_is_no_figure():
    text = "Our keeper made 3 fine saves to keep us in it at 1-0."
    assert [text[p.start : p.end] for p in find_numbers(text)] == ["3 fine saves"]


def test_a_caption_cut_short_is_still_a_caption():
    claims = story(
        "Crews battle the Ridge Fire near Dunmore on Sunday. Photo courte...",
        "The Ridge Fire has burned 4,200 acres, the fire district said.",
    )
    assert all("Crews battle" not in c.text for c in claims)
