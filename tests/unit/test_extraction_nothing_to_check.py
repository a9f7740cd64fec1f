"""What the finder never suggests: a checker would throw it away unread.

Notices to the reader and weather widgets on an imported page, the writer's own
question, a headline shouted in capitals, the same words suggested twice, a
photo credit, and a road's or a house's number taken for a count."""

from factcheck.extraction import clean_text, suggest_claims
from factcheck.extraction.numbers import find_numbers
from tests.suggested import find


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
