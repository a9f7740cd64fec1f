"""Importing articles: title, byline, paragraphs, and site furniture left out."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import (
    ImportedArticle,
    RemovedLine,
    clean_html,
    clean_text,
    restore_lines,
    suggest_claims,
)

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def read(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def test_example_article_title_and_byline():
    article = clean_text(read("hama-scraped.txt"))
    assert article.title == "Hama city falls to HTS as Syrian army flees"
    assert article.byline == "Alameen Templeton"


def test_example_article_body_is_exactly_the_story():
    article = clean_text(read("hama-scraped.txt"))
    # one paragraph per story line of the scrape: 13 lines from "Hayat..." to "...previously."
    assert len(article.paragraphs) == 13
    assert article.paragraphs[0].startswith("Hayat Tahrir al-Sham mercenaries have entered")
    assert article.paragraphs[-1].endswith("the level of support we\u2019ve seen previously.\u201d")
    assert article.body.startswith("Hayat Tahrir al-Sham mercenaries")
    assert article.body.endswith("we\u2019ve seen previously.\u201d")


@pytest.mark.parametrize(
    "furniture",
    [
        "in , ,",
        "What do you think?",
        "500 Points",
        "Upvote Downvote",
        "Written by WebAdmin",
        "Comments",
        "Leave a Reply",
        "Your email address will not be published",
        "GIPHY App Key not set",
        "Loading\u2026",
        "Iran preparing to send troops to Syria",
        "Netanyahu corruption trial must proceed, court rules",
    ],
)
def test_example_article_furniture_is_removed_and_reported(furniture):
    article = clean_text(read("hama-scraped.txt"))
    assert furniture not in article.body
    assert any(furniture in line for line in article.removed)


def test_lone_number_line_is_dropped():
    article = clean_text(read("hama-scraped.txt"))
    assert "0" in article.removed
    assert "\n\n0\n\n" not in f"\n\n{article.body}\n\n"


def test_body_joins_paragraphs_with_blank_lines():
    article = ImportedArticle(title="t", byline="", paragraphs=["One.", "Two."], removed=[])
    assert article.body == "One.\n\nTwo."


def test_by_prefix_byline_and_date_line():
    text = (
        "Council approves new budget for schools\nBy Jane Q. Doe\n12 March 2024\n\n"
        "The council approved the budget on Monday after a long debate.\n"
    )
    article = clean_text(text)
    assert article.title == "Council approves new budget for schools"
    assert article.byline == "Jane Q. Doe"
    assert article.paragraphs == ["The council approved the budget on Monday after a long debate."]
    assert "12 March 2024" in article.removed


def test_breadcrumb_is_not_taken_for_the_title():
    article = clean_text(read("conflict-fuel-depot.txt"))
    assert article.title == "Shelling hits fuel depot as fighting spreads along northern border"
    assert "Home | World | Conflict" in article.removed
    assert article.byline == "Maren Okafor"


def test_share_and_related_links_after_the_story_are_removed():
    article = clean_text(read("conflict-fuel-depot.txt"))
    for line in (
        "Share this:",
        "Tweet",
        "Ceasefire talks stall in the capital",
        "Border crossings: what we know",
    ):
        assert line not in article.body
        assert line in article.removed
    assert article.paragraphs[-1].startswith("The United Nations said aid convoys")


def test_inline_read_more_list_is_dropped_and_story_resumes():
    text = (
        "Storm closes the coastal road for a second day\n\n"
        "The coastal road stayed closed on Tuesday after a second night of storms.\n\n"
        "Read more\n\nTown braces for more rain\n\nSchools shut early\n\n"
        "Engineers said the road would reopen once the debris had been cleared.\n"
    )
    article = clean_text(text)
    assert article.paragraphs == [
        "The coastal road stayed closed on Tuesday after a second night of storms.",
        "Engineers said the road would reopen once the debris had been cleared.",
    ]
    assert "Town braces for more rain" in article.removed


def test_hard_wrapped_paragraphs_are_rejoined():
    article = clean_text(read("health-measles.txt"))
    assert article.paragraphs[0] == (
        "Measles cases in the region have tripled this year, with 1,284 confirmed infections "
        "recorded by the end of September, compared with 412 in the whole of last year, the "
        "regional public health agency said."
    )
    assert article.byline == "Hana Whitcombe and Luis Ortega"
    assert "Leave a comment" in article.removed


def test_whitespace_inside_paragraph_is_normalised_but_text_kept():
    raw = "A title that is long enough\n\nSome   text\twith\u00a0odd   spacing here."
    article = clean_text(raw)
    assert article.paragraphs == ["Some text with odd spacing here."]


def test_unicode_survives_cleaning():
    arabic = "\u0644\u0627 \u0644\u0644\u062a\u0642\u0634\u0641"
    text = (
        "Protest outside parliament over austerity\n\n"
        f"Protesters held a banner reading \u201c{arabic}\u201d \U0001f4e3 and the mayor said "
        "\u2018enough\u2019.\n\n"
        "\u200fA line that starts with a right-to-left mark stays intact.\n"
    )
    article = clean_text(text)
    assert arabic in article.body
    assert "\U0001f4e3" in article.body
    assert "\u201c" in article.body and "\u2019" in article.body
    assert article.paragraphs[1].startswith("\u200f")


def test_body_text_matches_source_characters_exactly():
    article = clean_text(read("politics-budget-vote.txt"))
    assert "\u201c\u0644\u0627 \u0644\u0644\u062a\u0642\u0634\u0641\u201d" in article.body
    assert article.paragraphs[-1].endswith("chanted until midnight \U0001f4e3.")


@pytest.mark.parametrize(
    "raw",
    ["", "   \n\t \n ", "\x00\x00\x00", "\n\n\n", "\ud800\udfff", "0\n\n1\n\n2"],
)
def test_degenerate_text_gives_empty_article(raw):
    article = clean_text(raw)
    assert article.title == ""
    assert article.paragraphs == []


def test_nul_bytes_and_lone_surrogates_are_stripped():
    raw = "Headline about the city council vote\n\nThe coun\x00cil voted \ud800yes on Monday.\n"
    article = clean_text(raw)
    assert article.paragraphs == ["The council voted yes on Monday."]
    article.body.encode("utf-8")  # would raise on a lone surrogate


def test_huge_paragraph_is_kept_whole():
    paragraph = " ".join(["The committee examined the evidence carefully."] * 20000)
    article = clean_text(f"A headline for a very long report\n\n{paragraph}\n")
    assert article.paragraphs == [paragraph]


def test_pasted_body_without_title_keeps_first_paragraph():
    text = (
        "The city council voted on Monday to close three libraries, citing a budget shortfall "
        "of more than two million dollars over the next financial year.\n\n"
        "Residents said they would appeal.\n"
    )
    article = clean_text(text)
    assert article.title == ""
    assert len(article.paragraphs) == 2


def test_a_single_pasted_sentence_is_the_story_not_a_headline():
    sentence = "The ministry said 27% of maize farmers lost their crops last year."
    article = clean_text(sentence + "\n")
    assert article.title == ""
    assert article.paragraphs == [sentence]


def test_a_headline_alone_with_furniture_is_still_no_empty_story():
    article = clean_text("Share this:\n\nCouncil votes to close three libraries\n")
    assert article.title == ""
    assert article.paragraphs == ["Council votes to close three libraries"]


# -- restoring removed lines where they stood -------------------------------------

STORY = (
    "Home | World | Conflict\n\n"
    "Shelling hits fuel depot as fighting spreads\n\n"
    "By Maren Okafor\n\n"
    "Artillery fire struck a fuel depot on the outskirts of Karvella on Tuesday.\n\n"
    "Photo: Reuters\n\n"
    "At least 14 civilians were killed and 37 wounded in the strike, officials said.\n\n"
    "Reuters reported that the depot supplied about 60% of the province's diesel.\n\n"
    "Read more\n\n"
    "Ceasefire talks stall in the capital\n\n"
    "The United Nations said aid convoys to the district had been suspended.\n\n"
    "Share this:\n"
)
FIRST, SECOND, THIRD, LAST = (
    "Artillery fire struck a fuel depot on the outskirts of Karvella on Tuesday.",
    "At least 14 civilians were killed and 37 wounded in the strike, officials said.",
    "Reuters reported that the depot supplied about 60% of the province's diesel.",
    "The United Nations said aid convoys to the district had been suspended.",
)


def removed_line(article: ImportedArticle, text: str) -> RemovedLine:
    return next(line for line in article.removed if line == text)


def kept(article: ImportedArticle, *texts: str) -> list[str]:
    return [removed_line(article, t).restore_value for t in texts]


def test_removed_lines_know_where_they_stood():
    article = clean_text(STORY)
    assert article.paragraphs == [FIRST, SECOND, THIRD, LAST]
    assert article.removed == [
        "Home | World | Conflict",
        "Photo: Reuters",
        "Read more",
        "Ceasefire talks stall in the capital",
        "Share this:",
    ]
    caption = removed_line(article, "Photo: Reuters")
    assert (caption.after, caption.previous, caption.following) == (1, FIRST, SECOND)
    assert caption.where == "after paragraph 1"
    assert removed_line(article, "Home | World | Conflict").where == "above the story"
    assert removed_line(article, "Share this:").where == "after the story"


def test_restored_line_goes_back_into_the_middle():
    article = clean_text(STORY)
    body = restore_lines(article.body, kept(article, "Photo: Reuters"))
    assert body.split("\n\n") == [FIRST, "Photo: Reuters", SECOND, THIRD, LAST]


def test_lines_above_the_story_go_at_the_start_and_after_it_at_the_end():
    article = clean_text(STORY)
    values = kept(article, "Home | World | Conflict", "Read more", "Share this:")
    assert restore_lines(article.body, values).split("\n\n") == [
        "Home | World | Conflict",
        FIRST,
        SECOND,
        THIRD,
        "Read more",
        LAST,
        "Share this:",
    ]


def test_several_lines_after_one_paragraph_keep_their_order():
    article = clean_text(STORY)
    values = kept(article, "Read more", "Ceasefire talks stall in the capital")
    assert restore_lines(article.body, values).split("\n\n") == [
        FIRST,
        SECOND,
        THIRD,
        "Read more",
        "Ceasefire talks stall in the capital",
        LAST,
    ]


def test_restored_line_follows_its_paragraph_through_the_editors_changes():
    article = clean_text(STORY)
    values = kept(article, "Photo: Reuters")
    # a new paragraph above, the paragraph after rewritten, spacing changed
    edited = f"A new opening line.\n\n{FIRST.replace(' ', '  ')}\n\nRewritten.\n\n{LAST}"
    assert restore_lines(edited, values).split("\n\n") == [
        "A new opening line.",
        FIRST,
        "Photo: Reuters",
        "Rewritten.",
        LAST,
    ]


def test_without_the_paragraph_before_it_the_line_goes_before_the_one_after():
    article = clean_text(STORY)
    edited = f"{SECOND}\n\n{THIRD}\n\n{LAST}"
    assert restore_lines(edited, kept(article, "Photo: Reuters")).split("\n\n") == [
        "Photo: Reuters",
        SECOND,
        THIRD,
        LAST,
    ]


def test_with_both_neighbours_gone_the_line_goes_at_the_end():
    article = clean_text(STORY)
    edited = f"Something else entirely.\n\n{THIRD}"
    assert restore_lines(edited, kept(article, "Photo: Reuters")).split("\n\n") == [
        "Something else entirely.",
        THIRD,
        "Photo: Reuters",
    ]


def test_a_repeated_paragraph_anchors_the_line_to_the_nearest_copy():
    article = clean_text(
        "A headline for the repeated test\n\nSame.\n\nPhoto: x\n\nOther.\n\nSame.\n\nEnd."
    )
    value = kept(article, "Photo: x")
    assert restore_lines(article.body, value).split("\n\n") == [
        "Same.",
        "Photo: x",
        "Other.",
        "Same.",
        "End.",
    ]


@pytest.mark.parametrize(
    "value, expected_end",
    [
        ("What do you think?", "What do you think?"),  # a bare line: at the end
        ("999999999999:zz:x", "999999999999:zz:x"),
        ("-1::x", "-1::x"),
        ("3:" + "g" * 16 + "::x", "3:" + "g" * 16 + "::x"),
        ("5:" + "0" * 16 + ":" + "1" * 16 + ":Caption", "Caption"),  # unknown neighbours
        ("900000:::Caption", "Caption"),
        ("2:::Line\n\nwith\x00 breaks", "Line with breaks"),  # stays one line
    ],
)
def test_values_the_preview_did_not_write_go_at_the_end(value, expected_end):
    assert restore_lines(f"{FIRST}\n\n{SECOND}", [value]).split("\n\n") == [
        FIRST,
        SECOND,
        expected_end,
    ]


@pytest.mark.parametrize("value", ["", "   ", "\x00", "1:::", "0:::  ", "1:::\n\n"])
def test_empty_values_restore_nothing(value):
    assert restore_lines(f"{FIRST}\n\n{SECOND}", [value]) == f"{FIRST}\n\n{SECOND}"


@settings(max_examples=200, deadline=None)
@given(body=st.text(max_size=300), values=st.lists(st.text(max_size=80), max_size=5))
def test_restoring_never_raises_and_keeps_the_text(body, values):
    result = restore_lines(body, values)
    result.encode("utf-8")
    # the editor's paragraphs are all there, in their order
    paragraphs = iter(result.split("\n\n"))
    assert all(p in paragraphs for p in restore_lines(body, []).split("\n\n") if p)


# -- HTML -------------------------------------------------------------------


def test_messy_html_story_extracted_without_furniture():
    gold = json.loads(read("messy-scrape.expected.json"))
    article = clean_html(read("messy-scrape.html"), url="https://example.org/news/flood")
    assert article.title == "Hundreds evacuated as River Leden floods Millbrook again"
    assert article.byline == "Rowan Pike"
    assert len(article.paragraphs) == gold["paragraphs"]
    assert article.paragraphs[0].startswith("Floodwater forced the evacuation of 240 homes")
    for junk in gold["absent_from_body"]:
        assert junk not in article.body


def test_html_entities_become_characters():
    article = clean_html(read("messy-scrape.html"))
    assert "\u00a36.8 million" in article.body
    assert "\u201cWe were told" in article.body
    assert "&ldquo;" not in article.body


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html",
        "<<<>>>&&&#xD800;",
        "<p>unclosed <b>bold <div>and more",
        "\x00<p>nul</p>\x00",
        "<html><body><script>alert(1)</script></body></html>",
    ],
)
def test_malformed_html_never_raises(html):
    article = clean_html(html)
    assert isinstance(article, ImportedArticle)
    assert "alert(1)" not in article.body


def test_html_fallback_strips_tags_when_extractor_finds_nothing():
    article = clean_html("<div><p>Short note one.</p><p>Short note two.</p><script>x()</script>")
    assert article.paragraphs == ["Short note one.", "Short note two."]
    assert article.title == ""


def test_empty_html_gives_empty_fields():
    article = clean_html("")
    assert (article.title, article.byline, article.paragraphs, article.removed) == ("", "", [], [])


# -- scrapes as the crawlers store them --------------------------------------


def test_hard_wrapped_wire_copy_is_one_paragraph_per_paragraph():
    # a feed wrapped at ~60 columns: lines cut mid-sentence start with capitals and digits
    raw = (
        "Harbour Freight Ltd reported a 12 percent rise in yearly\n"
        "revenue on Monday and said it would open two depots in\n"
        "Napier. Its shares closed up 3 percent at\n"
        "$4.10 on the NZX, the highest since the listing of\n"
        "Harbour Freight in March.\n"
    )
    article = clean_text(raw)
    assert article.paragraphs == [
        "Harbour Freight Ltd reported a 12 percent rise in yearly revenue on Monday and said it "
        "would open two depots in Napier. Its shares closed up 3 percent at $4.10 on the NZX, "
        "the highest since the listing of Harbour Freight in March."
    ]


def test_one_paragraph_per_line_scrape_is_not_joined():
    raw = (
        "Council votes to close the old pool\n"
        "The council voted on Tuesday to close the Elm Street pool after an inspection found "
        "cracks in its walls.\n"
        "Residents said they would petition the mayor to keep it open for one more summer.\n"
    )
    article = clean_text(raw)
    assert article.title == "Council votes to close the old pool"
    assert len(article.paragraphs) == 2


def test_leading_scraped_date_stamp_is_not_story_text():
    raw = (
        " date 2024-03-09 The water board said on Friday that 40 wells in the upper valley had "
        "run dry after the third summer without rain.\n"
    )
    assert clean_text(raw).body.startswith("The water board said on Friday")


def test_scraped_date_stamp_with_close_button_goes_too():
    raw = " date 2024-03-09 x\nWells run dry in the valley\n\nThe board said 40 wells ran dry."
    article = clean_text(raw)
    assert article.title == "Wells run dry in the valley"
    assert article.body == "The board said 40 wells ran dry."


def test_breadcrumb_trail_ending_in_the_headline_is_furniture():
    raw = (
        "Home / Sport / Local side wins the regional cup\n"
        "Local side wins the regional cup\n"
        "The Riverside club beat the holders 2-1 on Saturday in front of 3,000 fans.\n"
    )
    article = clean_text(raw)
    assert article.title == "Local side wins the regional cup"
    assert article.paragraphs == [
        "The Riverside club beat the holders 2-1 on Saturday in front of 3,000 fans."
    ]


def test_breadcrumb_before_the_headline_and_repeated_headline_go():
    raw = (
        "Home NEWS Floods Close Mountain Pass\n"
        "Floods Close Mountain Pass\n"
        "Floods Close Mountain Pass\n"
        "The transport ministry closed the pass on Sunday after a river burst its banks.\n"
    )
    article = clean_text(raw)
    assert article.title == "Floods Close Mountain Pass"
    assert article.paragraphs == [
        "The transport ministry closed the pass on Sunday after a river burst its banks."
    ]


def test_bare_agency_credit_line_becomes_the_byline():
    raw = (
        "Storm cuts power to thousands\n"
        "AFP |\n"
        "A storm cut power to 12,000 homes on the island overnight, the utility said.\n"
    )
    article = clean_text(raw)
    assert article.byline == "AFP"
    assert article.paragraphs == [
        "A storm cut power to 12,000 homes on the island overnight, the utility said."
    ]


def test_name_broken_after_its_middle_initial_is_joined_back():
    raw = (
        "Tram line reopens\n\n"
        '"The line is safe again," transport director Alice K.\n\n'
        "Morrow said in a statement.\n"
    )
    article = clean_text(raw)
    assert article.paragraphs == [
        '"The line is safe again," transport director Alice K. Morrow said in a statement.'
    ]


def test_a_line_ending_on_according_to_is_joined_to_the_next_even_if_it_starts_capitalised():
    article = clean_text(
        "Harbour ice at record low\n\n"
        '"The bay has never frozen so late," Ana Velde, a scientist at the port, said, '
        "according to\n"
        "Valley Courier. She spoke on Monday.\n\n"
        "Ferries are running as normal."
    )
    assert "said, according to Valley Courier. She spoke on Monday." in article.body
    assert "Ferries are running as normal." in article.body


def test_sentences_a_scrape_ran_together_are_parted_but_web_addresses_are_not():
    article = clean_text(
        "Harbour rates\n\n"
        "The board raised the rate on Tuesday.The decision was unanimous, Mayor Ann Roe "
        "said.Roe added that fares would hold. Details at www.Harbour.example.org today."
    )
    assert "on Tuesday. The decision was unanimous" in article.body
    assert "said. Roe added" in article.body
    assert "www.Harbour.example.org" in article.body


def test_a_comment_link_above_the_story_does_not_end_it():
    raw = (
        "Tarn Motors posts record sales\n\n"
        "Posted March 3rd, 2021 at 10:25 pm (UTC-5)\n\n"
        "Leave a comment\n\n"
        "Tarn Motors said on Monday it sold 1.2 million cars last year, up 8% on the year.\n\n"
        "The carmaker said it would open two new plants in the north of the country."
    )
    article = clean_text(raw)
    assert "1.2 million cars" in article.body
    assert "two new plants" in article.body
    assert "Leave a comment" not in article.body


def test_a_comment_link_after_the_story_still_ends_it():
    raw = (
        "Tarn Motors posts record sales\n\n"
        "Tarn Motors said on Monday it sold 1.2 million cars last year, up 8% on the year.\n\n"
        "Leave a comment\n\n"
        "Great article, thanks for writing it."
    )
    assert "Great article" not in clean_text(raw).body


@pytest.mark.parametrize(
    "caption",
    [
        "Smoke rises over a tower in Vesta City on May 12. REUTERS/Ann Roe",
        "New models stand next to the Tarn Motors plant in Harlow \u2013 File photo/Reuters",
        "The bridge under an orange sky darkened by smoke (AN/Ben Hale)",
        "Stay up to date with notifications from The Daily Tarn",
    ],
)
def test_a_signed_photo_caption_or_a_push_prompt_is_furniture(caption):
    raw = (
        "Tarn Motors posts record sales\n\n"
        f"{caption}\n\n"
        "Tarn Motors said on Monday it sold 1.2 million cars last year, up 8% on the year before."
    )
    assert caption not in clean_text(raw).body


def test_a_poll_credited_with_a_slash_is_story_text():
    raw = (
        "Poll shows support\n\n"
        "A poll by Reuters/Ipsos pollsters found 40% of voters back the plan, up from 32% in May."
    )
    assert "Reuters/Ipsos" in clean_text(raw).body


def test_a_byline_whose_by_runs_into_the_name_is_a_byline_line():
    article = clean_text(
        "Mayor denies land claims\n\n"
        "The mayor said the party alleges money goes to Kell. \u201cIs it going to Kell?\u201d "
        "she asked.\n\nByTom Hale\n\n"
        "She said 40 families were moved, news agency PTI reported.\n"
    )
    claims = suggest_claims(article.body, title=article.title, byline=article.byline)
    assert all("ByTom" not in s.name for c in claims for s in c.sources)
    assert "ByTom" not in article.body
