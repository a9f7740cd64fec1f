"""Quote anchors: found again after the text around them changes."""

import pytest

from factcheck.extraction.anchoring import (
    BodyEdit,
    anchor_span,
    find_quote,
    locate,
    word_diff,
    word_span,
)

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


def follow(old: str, new: str, anchor):
    span = BodyEdit(old, new).relocate(anchor)
    return None if span is None else new[span[0] : span[1]]


def test_unchanged_text_finds_the_same_span():
    anchor = anchor_of(BODY, "40 kilometers (25 miles)")
    assert locate(BODY, anchor) == (anchor.start, anchor.end)
    assert BodyEdit(BODY, BODY).relocate(anchor) == (anchor.start, anchor.end)


def test_quote_moved_by_an_edit_before_it_is_found():
    anchor = anchor_of(BODY, "40 kilometers (25 miles)")
    edited = "A new lede paragraph was added.\n\n" + BODY
    start, end = BodyEdit(BODY, edited).relocate(anchor)
    assert edited[start:end] == "40 kilometers (25 miles)"
    assert start == anchor.start + len("A new lede paragraph was added.\n\n")


def test_repeated_quote_is_told_apart_by_its_context():
    anchor = anchor_of(BODY, "Hama", occurrence=2)  # "Hama is one of the few cities"
    edited = "Breaking.\n\n" + BODY
    start, _end = locate(edited, anchor)
    assert edited[start:].startswith("Hama is one of the few cities")


def test_moved_paragraph_is_followed_by_its_words_and_context():
    anchor = anchor_of(BODY, "40 kilometers (25 miles)")
    first, second, third = BODY.split("\n\n")
    edited = "\n\n".join([third, first, second])
    assert follow(BODY, edited, anchor) == "40 kilometers (25 miles)"


def test_changed_words_inside_the_quote_are_the_new_words():
    anchor = anchor_of(BODY, "Homs is about 40 kilometers (25 miles) south of Hama")
    edited = BODY.replace("about 40 kilometers", "roughly 40 kilometres")
    assert follow(BODY, edited, anchor) == "Homs is roughly 40 kilometres (25 miles) south of Hama"


def test_a_changed_figure_is_a_change_not_a_near_match():
    body = "Flooding cut power to 4,100 homes on Monday."
    anchor = anchor_of(body, "4,100 homes")
    assert follow(body, body.replace("4,100", "9,100"), anchor) == "9,100 homes"


def test_words_never_jump_to_the_same_words_in_another_sentence():
    body = (
        "The army said two civilians were hurt.\n\n"
        "Hospital officials said two civilians were treated."
    )
    anchor = anchor_of(body, "two civilians")
    edited = body.replace("said two civilians were hurt", "said three civilians were hurt")
    assert follow(body, edited, anchor) == "three civilians"
    gone = body.replace("The army said two civilians were hurt.\n\n", "")
    assert follow(body, gone, anchor) is None


def test_equal_contexts_cannot_decide_so_the_stored_words_place_nothing():
    body = "Talks resumed.\n\nTwo civilians were hurt.\n\nOther news."
    anchor = anchor_of(body, "Two civilians were hurt.")
    copied = "Two civilians were hurt.\n\nOther news.\n\nTwo civilians were hurt."
    assert locate(copied, anchor) is None


def test_a_duplicated_paragraph_keeps_the_claim_where_the_edit_left_it():
    body = "Talks resumed.\n\nTwo civilians were hurt.\n\nOther news."
    anchor = anchor_of(body, "Two civilians were hurt.")
    doubled = body.replace("Other news.", "Two civilians were hurt.\n\nOther news.")
    assert BodyEdit(body, doubled).relocate(anchor) == (anchor.start, anchor.end)


def test_a_changed_word_never_runs_the_quote_into_the_next_paragraph():
    body = (
        "An American official apologised for the deaths.\n\nPhotographer Jane Doe took the picture."
    )
    anchor = anchor_of(body, "An American official apologised for the deaths.")
    edited = body.replace("American", "U.S.")
    assert follow(body, edited, anchor) == "An U.S. official apologised for the deaths."
    split = body.replace("official apologised", "official.\n\nHe apologised")
    assert follow(body, split, anchor) is None


def test_a_quote_whose_first_words_are_rewritten_with_their_sentence_is_not_guessed():
    body = "Officials said that the bridge at Hama was destroyed on Monday night."
    anchor = anchor_of(body, "the bridge at Hama was destroyed")
    edited = "Residents reported a collapse on Monday night."
    assert follow(body, edited, anchor) is None


def test_quote_that_is_gone_is_reported_lost():
    anchor = anchor_of(BODY, "40 kilometers (25 miles)")
    edited = BODY.replace(
        "Homs is about 40 kilometers (25 miles) south of Hama, AP reports.",
        "Homs lies to the south.",
    )
    assert locate(edited, anchor) is None
    assert follow(BODY, edited, anchor) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "words"),
    [
        ("Flooding cut power", 2, 10, "Flooding cut"),
        ("power to 4,100 homes", 10, 14, "4,100"),
        ("the regime’s fall", 5, 9, "regime’s"),
        ("  spaced  out ", 0, 9, "spaced"),
    ],
)
def test_a_selection_becomes_whole_words(text, start, end, words):
    s, e = word_span(text, start, end)
    assert text[s:e] == words


def test_word_diff_marks_what_changed():
    assert word_diff("cut power to 4,100 homes", "cut power to 9,100 homes") == [
        ("equal", "cut power to "),
        ("delete", "4,100"),
        ("insert", "9,100"),
        ("equal", " homes"),
    ]


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
