"""Quote anchors: found again after the text around them changes."""

import pytest

from factcheck.extraction.anchoring import anchor_span, find_quote, locate

BODY = (
    "The Syrian army said it withdrew from Hama.\n\n"
    "Homs is about 40 kilometers (25 miles) south of Hama, AP reports.\n\n"
    "Hama is one of the few cities that remained under full government control."
)


def anchor_of(body: str, quote: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(quote, start + 1)
    return anchor_span(body, start, start + len(quote))


def test_anchor_keeps_exact_text_and_context():
    anchor = anchor_of(BODY, "40 kilometers (25 miles)")
    assert anchor.exact == "40 kilometers (25 miles)"
    assert anchor.prefix.endswith("Homs is about ")
    assert anchor.suffix.startswith(" south of Hama")


def test_unchanged_text_finds_the_same_span():
    anchor = anchor_of(BODY, "40 kilometers (25 miles)")
    assert locate(BODY, anchor) == (anchor.start, anchor.end)


def test_quote_moved_by_an_edit_before_it_is_found():
    anchor = anchor_of(BODY, "40 kilometers (25 miles)")
    edited = "A new lede paragraph was added.\n\n" + BODY
    start, end = locate(edited, anchor)
    assert edited[start:end] == "40 kilometers (25 miles)"
    assert start == anchor.start + len("A new lede paragraph was added.\n\n")


def test_repeated_quote_is_told_apart_by_its_context():
    anchor = anchor_of(BODY, "Hama", occurrence=2)  # "Hama is one of the few cities"
    edited = "Breaking.\n\n" + BODY
    start, _end = locate(edited, anchor)
    assert edited[start:].startswith("Hama is one of the few cities")


def test_reworded_quote_is_found_fuzzily():
    anchor = anchor_of(BODY, "Homs is about 40 kilometers (25 miles) south of Hama")
    edited = BODY.replace("about 40 kilometers", "roughly 40 kilometres")
    start, end = locate(edited, anchor)
    assert edited[start:end].startswith("Homs is roughly 40 kilometres")


def test_quote_that_is_gone_is_reported_lost():
    anchor = anchor_of(BODY, "40 kilometers (25 miles)")
    edited = BODY.replace(
        "Homs is about 40 kilometers (25 miles) south of Hama, AP reports.",
        "Homs lies to the south.",
    )
    assert locate(edited, anchor) is None


def test_typed_quote_forgives_quote_style_and_spacing():
    body = "“If Hama falls, it means that the beginning of the regime’s fall has started.”"
    start, end = find_quote(body, "\"If Hama falls,  it means that the beginning of the regime's")
    assert body[start:end] == "“If Hama falls, it means that the beginning of the regime’s"


@pytest.mark.parametrize("quote", ["", "   ", "Damascus fell on Tuesday night"])
def test_typed_quote_not_in_text_is_not_found(quote):
    assert find_quote(BODY, quote) is None


def test_span_outside_text_is_refused():
    with pytest.raises(ValueError):
        anchor_span(BODY, 10, len(BODY) + 1)
