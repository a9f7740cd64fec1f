"""Mojibake (UTF-8 copy read in a single-byte code page) is repaired on import.

Every way in (pasted text, uploaded files, the API, the CLI) goes through
clean_text or clean_html, so the repair is tested there. The sentences are
our own; the broken forms are what each code page makes of them.
"""

import pytest

from factcheck.extraction import clean_html, clean_text, suggest_claims
from factcheck.extraction.cleaning import repair_mojibake
from tests.suggested import find, names


def as_cp1252(text: str) -> str:
    """What a page read in Windows-1252 shows: every UTF-8 byte as one character
    (the five bytes that code page leaves undefined as C1 controls)."""
    return "".join(
        chr(byte) if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([byte]).decode("cp1252")
        for byte in text.encode("utf-8")
    )


def body(text: str) -> str:
    """The imported text: a one-line text is taken as its title."""
    article = clean_text(text)
    return "\n\n".join(
        [article.title, *article.paragraphs] if article.title else article.paragraphs
    )


# -- Windows-1252 and Latin-1: reversible ---------------------------------------


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        (
            "The mayor\u00e2\u20ac\u2122s office disputed it.",
            "The mayor\u2019s office disputed it.",
        ),
        (
            "\u00e2\u20ac\u0153We will rebuild,\u00e2\u20ac\x9d she said.",
            "\u201cWe will rebuild,\u201d she said.",
        ),
        # the "\u201d" whose last byte a scraper dropped
        (
            "\u00e2\u20ac\u0153We will rebuild,\u00e2\u20ac she said.",
            "\u201cWe will rebuild,\u201d she said.",
        ),
        ("Turnout was 61\u00c2\u00a0percent.", "Turnout was 61 percent."),
        ("Turnout was 61\u00c2 percent.", "Turnout was 61 percent."),
        (
            "The caf\u00c3\u00a9 owner in Qu\u00c3\u00a9bec agreed.",
            "The caf\u00e9 owner in Qu\u00e9bec agreed.",
        ),
        (
            "Prices rose \u00e2\u20ac\u201c again \u00e2\u20ac\u201d in May.",
            "Prices rose \u2013 again \u2014 in May.",
        ),
        ("The fee is \u00e2\u201a\u00ac40 or \u00c2\u00a335.", "The fee is \u20ac40 or \u00a335."),
        ("Wait\u00e2\u20ac\u00a6 and see.", "Wait\u2026 and see."),
        (
            "The minister, Jan Wa\u00c5\u201a\u00c4\u2122sa, agreed.",
            "The minister, Jan Wa\u0142\u0119sa, agreed.",
        ),
        # mojibake of mojibake
        (
            "The mayor\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s office.",
            "The mayor\u2019s office.",
        ),
    ],
)
def test_windows_1252_mojibake_is_repaired(broken, repaired):
    assert body(broken) == repaired


def test_a_whole_paragraph_read_in_windows_1252_comes_back_exactly():
    original = (
        "\u201cWe can\u2019t promise more,\u201d said Ren\u00e9e Dub\u00e9 \u2013 "
        "the board\u2019s chair \u2013 after the vote in Z\u00fcrich\u2026"
    )
    assert body(as_cp1252(original)) == original


def test_a_byte_order_mark_read_in_windows_1252_goes():
    article = clean_text("\u00ef\u00bb\u00bfCouncil backs the budget\n\nThe vote was 7 to 2.")
    assert article.title == "Council backs the budget"


# -- the Thai code page: the quotes' last bytes were lost -------------------------


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("Turnout in last Sunday\u0e42s vote rose.", "Turnout in last Sunday\u2019s vote rose."),
        ("She said they don\u0e42t agree.", "She said they don\u2019t agree."),
        (
            "\u0e42We will appeal,\u0e42 the lawyer said.",
            "\u201cWe will appeal,\u201d the lawyer said.",
        ),
        ("He called it \u0e42a fair deal\u0e42.", "He called it \u201ca fair deal\u201d."),
        ("The farmers\u0e42 union objected.", "The farmers\u2019 union objected."),
        ("The home side won 3\u0e42\u20ac\u201c1.", "The home side won 3\u20131."),
    ],
)
def test_thai_code_page_mojibake_is_repaired(broken, repaired):
    assert body(broken) == repaired


# -- the Arabic code page: a no-break space read as "\u0622" ---------------------


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("The navy\u0622's press office confirmed it.", "The navy's press office confirmed it."),
        ("The rebels\u0622' camp was emptied.", "The rebels' camp was emptied."),
        (
            "The navy\u0622\u00a0's press office confirmed it.",
            "The navy's press office confirmed it.",
        ),
        ("About 40\u0622\u00a0km of road was shut.", "About 40 km of road was shut."),
        ("The UN\u0622 envoy arrived.", "The UN envoy arrived."),
        ("Tickets cost \u0622\u00a312.", "Tickets cost \u00a312."),
    ],
)
def test_arabic_code_page_mojibake_is_repaired(broken, repaired):
    assert body(broken) == repaired


# -- real text is never touched ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\u0e42\u0e23\u0e07\u0e40\u0e23\u0e35\u0e22\u0e19\u0e1b\u0e34\u0e14\u0e27\u0e31\u0e19\u0e08\u0e31\u0e19\u0e17\u0e23\u0e4c",
        "The sign read \u0e42\u0e23\u0e07\u0e40\u0e23\u0e35\u0e22\u0e19 (school) in Thai.",
        "\u0622\u0645\u0646\u0629 \u0630\u0647\u0628\u062a"
        " \u0625\u0644\u0649 \u0627\u0644\u0633\u0648\u0642",
        "The banner read \u0622\u0645\u0646\u0629 (Amina) above the door.",
        "Caf\u00e9s in Z\u00fcrich, Montr\u00e9al and S\u00e3o Paulo"
        " na\u00efvely priced it at \u20ac4.",
        "S\u00c3O PAULO and MA\u00c7\u00c3 VERDE are in capitals.",
        "CAF\u00c9\u2019S OWNER said \u201cno\u201d \u2013 twice\u2026",
        "Emojis \U0001f44d and direction marks \u200f stay.",
    ],
)
def test_real_thai_arabic_and_accented_text_is_untouched(text):
    assert repair_mojibake(text) == text
    assert body(text) == text


def test_html_import_repairs_the_title_and_the_story():
    page = (
        "<html><head><title>Council\u00e2\u20ac\u2122s vote</title></head><body>"
        "<h1>Council\u00e2\u20ac\u2122s vote</h1>"
        "<p>\u00e2\u20ac\u0153It passed,\u00e2\u20ac\x9d the clerk said on Monday evening.</p>"
        "</body></html>"
    )
    article = clean_html(page)
    assert article.title == "Council\u2019s vote"
    assert article.body == "\u201cIt passed,\u201d the clerk said on Monday evening."


# -- through the finder -------------------------------------------------------------


def test_after_cleaning_the_finder_sees_the_quote_and_the_possessive_speaker():
    scraped = (
        "Harbour queue grows at Port Vell\n\n"
        "The harbour master spoke to reporters at the quay on Tuesday.\n\n"
        "\u0e42We have never seen a queue this long in twenty years of work here.\u0e42\n\n"
        "The Transport Ministry\u00e2\u20ac\u2122s figures showed that cargo volumes fell "
        "12 percent in March."
    )
    broken = suggest_claims(scraped)
    assert not [c for c in broken if c.kind == "quote"]
    assert names(find(broken, "statistic", "12 percent")) != ["Transport Ministry"]

    claims = suggest_claims(clean_text(scraped).body)
    quote = find(claims, "quote", "We have never seen")
    assert quote.text == (
        "\u201cWe have never seen a queue this long in twenty years of work here.\u201d"
    )
    assert names(find(claims, "attribution", "Ministry\u2019s figures")) == ["Transport Ministry"]
    assert names(find(claims, "statistic", "12 percent")) == ["Transport Ministry"]
