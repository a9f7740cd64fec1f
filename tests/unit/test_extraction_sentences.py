"""Sentence offsets: exact, trimmed, never across a paragraph break."""

from pathlib import Path

import pytest

from factcheck.extraction import clean_text, split_sentences

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_offsets_are_exact_and_ordered_on_the_example():
    body = clean_text((ARTICLES / "hama-scraped.txt").read_text(encoding="utf-8")).body
    spans = split_sentences(body)
    assert len(spans) == 16
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end
        piece = body[start:end]
        assert piece == piece.strip()
        assert "\n" not in piece
        previous_end = end


def test_two_sentences_in_one_paragraph_are_split():
    body = clean_text((ARTICLES / "hama-scraped.txt").read_text(encoding="utf-8")).body
    found = sentences(body)
    first = "Homs is likely to be their next target, if they can hold onto Hama, AP reports."
    assert first in found
    assert found[found.index(first) + 1].startswith("Homs, which is about 40 kilometers")


def test_quote_with_attribution_stays_one_sentence():
    text = "\u201cIf Hama falls, it means the regime\u2019s fall has started,\u201d he told AP."
    assert sentences(text) == [text]


def test_abbreviations_and_decimals_do_not_split():
    text = "Dr. Smith paid $3.5 million to the U.S. Treasury on Monday. Then he left."
    assert sentences(text) == [
        "Dr. Smith paid $3.5 million to the U.S. Treasury on Monday.",
        "Then he left.",
    ]


def test_never_spans_a_paragraph_break():
    text = "First paragraph has no full stop\n\nSecond paragraph ends here."
    assert sentences(text) == ["First paragraph has no full stop", "Second paragraph ends here."]


def test_surrounding_whitespace_is_trimmed():
    text = "   Leading space.   Trailing space.   \n\n  \n"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Leading space.", "Trailing space."]
    assert spans[0][0] == 3


def test_unicode_text_keeps_exact_offsets():
    text = (
        "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645. "
        "Emoji \U0001f389 works here! \u201cCurly,\u201d she said."
    )
    found = sentences(text)
    assert found[0] == "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645."
    assert "Emoji \U0001f389 works here!" in found
    assert found[-1] == "\u201cCurly,\u201d she said."


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "...", "\u200f"])
def test_degenerate_input(text):
    for start, end in split_sentences(text):
        assert text[start:end].strip()


def test_very_long_line_without_punctuation():
    text = "word " * 5000
    spans = split_sentences(text)
    assert spans == [(0, len(text.rstrip()))]


def test_very_long_paragraph_is_split_exactly_in_windows():
    text = " ".join(f"Sentence number {i} ends here." for i in range(3000))
    spans = split_sentences(text)
    assert len(spans) == 3000
    assert all(text[s:e] == f"Sentence number {i} ends here." for i, (s, e) in enumerate(spans))
