"""Import finds the story: the headline after the site furniture, the byline
above the story (never a footer's), the dateline, and list headings kept
while bare links and calls to action are set aside. The two pages under
tests/data/imports were written for these tests."""

from pathlib import Path

from factcheck.extraction import clean_html, clean_text

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
HEADLINE = "Parliament approves new cocoa pricing plan"


def pasted():
    return clean_text((DATA / "furniture-around-story.txt").read_text(encoding="utf-8"))


def test_the_headline_is_the_first_headline_after_the_furniture():
    article = pasted()
    assert article.title == HEADLINE
    set_aside = [str(line) for line in article.removed]
    for banner in ("Donate $25 for two DVDs of our documentary series", "12.1 C", "Accra"):
        assert banner in set_aside


def test_the_byline_and_dateline_come_from_above_the_story_not_the_footer():
    article = pasted()
    assert article.byline == "Kwame Mensah"
    assert article.dateline == "ACCRA, Ghana (Reuters)"
    assert article.paragraphs[0].startswith("ACCRA, Ghana (Reuters) - Ghana's parliament")


def test_bare_links_and_calls_to_action_are_set_aside_list_headings_kept():
    article = pasted()
    assert "2003:" in article.paragraphs and "2004:" in article.paragraphs
    assert article.paragraphs.index("2003:") + 1 == article.paragraphs.index(
        "Output peaked at 740,000 tonnes."
    )
    set_aside = [str(line) for line in article.removed]
    assert "https://example.com/related/cocoa-story" in set_aside
    assert "Watch the first episode of our cocoa documentary here" in set_aside
    assert not any("http" in p or p.startswith("Watch") for p in article.paragraphs)


def test_html_takes_the_headline_element_and_metadata_not_the_banner():
    article = clean_html((DATA / "headline-and-metadata.html").read_text(encoding="utf-8"))
    assert article.title == HEADLINE
    assert article.byline == "Kwame Mensah"
    assert article.dateline == "ACCRA, Ghana (Reuters)"
    assert "2003:" in article.paragraphs
    assert not any("Donate" in p or "12.1 C" in p for p in article.paragraphs)


def test_a_headline_with_a_date_line_under_it_beats_a_caption_or_bullet():
    text = (
        "• World\n\n"
        "Storm closes ports along the northern coast\n\n"
        "• Monday, 13 Oct 2014\n\n"
        "LISBON (Reuters) - A storm closed four ports on Monday, the harbour authority said, "
        "and officials expect them to stay shut until Wednesday.\n"
    )
    assert clean_text(text).title == "Storm closes ports along the northern coast"
