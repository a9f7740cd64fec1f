"""Turn pasted text or fetched HTML into a clean article: title, byline, paragraphs.

Scraped pages carry site furniture around the story (vote widgets, share
buttons, comment forms, lists of related headlines). The cleaner keeps the
story text intact (curly quotes, Arabic, emoji and direction marks survive;
only whitespace inside a paragraph is normalised; mojibake, UTF-8 read in a
wrong code page as in "Sundayâ€™s", is put right) and reports every line it
dropped in ``removed`` so an editor can see what the import threw away. Each
removed line knows where it stood, so a line the editor keeps goes back there
(``restore_lines``), even after the editor has changed the text around it.

Nothing here raises on bad input: empty, whitespace-only, NUL-ridden or
malformed documents give an ``ImportedArticle`` with empty fields.
"""

from __future__ import annotations

import hashlib
import logging
import re
import warnings
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

_log = logging.getLogger(__name__)

# --------------------------------------------------------------------------
# result type


class RemovedLine(str):
    """A line left out of the story, and where it stood.

    It is the line's text (compares, prints and escapes as the text), plus
    ``after``: how many kept paragraphs came before it (0 for a line above the
    story: before the title, the byline or the first paragraph), and the text
    of the kept paragraphs just before (``previous``) and after (``following``)
    it, "" where there is none.
    """

    after: int
    previous: str
    following: str

    def __new__(cls, text: str, after: int = 0, previous: str = "", following: str = ""):
        line = super().__new__(cls, text)
        line.after, line.previous, line.following = after, previous, following
        return line

    @property
    def restore_value(self) -> str:
        """What the preview's checkbox sends back to put this line where it was."""
        return restore_value(self, self.after, self.previous, self.following)

    @property
    def where(self) -> str:
        if not self.after:
            return "above the story"
        if not self.following:
            return "after the story"
        return f"after paragraph {self.after}"


@dataclass
class ImportedArticle:
    title: str = ""
    byline: str = ""
    paragraphs: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)  # in the order they stood

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def dateline(self) -> str:
        """Where the story was filed, as its first paragraph says (kept in the text)."""
        return find_dateline(self.paragraphs)


# --------------------------------------------------------------------------
# text sanitising

# C0/C1 controls except tab and newline; lone UTF-16 surrogates (they cannot be
# encoded to UTF-8 and would break the database or the template layer).
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_INLINE_SPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0\u3000\u2000-\u200a]*\n")


def sanitize(raw: str | bytes | None) -> str:
    """Return text safe to store: str, no NUL/control chars or lone surrogates, \\n newlines."""
    if raw is None:
        return ""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _BAD_CHARS.sub("", text)


def _imported(raw: str | bytes | None) -> str:
    """``sanitize`` for copy coming in: mojibake repaired first (before the C1
    controls go: a Windows-1252 "”" ends in one)."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    return sanitize(repair_mojibake(raw) if raw else raw)


def normalize_paragraph(text: str) -> str:
    """Collapse runs of whitespace (including NBSP and ideographic space) to one space,
    and part sentences a scrape ran together ("on Tuesday.The board ...")."""
    text = _RUN_ON_SENTENCE.sub(_part_sentences, _INLINE_SPACE.sub(" ", text).strip())
    return _GLUED_BYLINE.sub("By ", text)


# "ByAnn Roe": a byline line whose "By" a scrape ran into the writer's name
_GLUED_BYLINE = re.compile(r"^By(?=[A-Z][a-z]+(?: [A-Z][\w.\u2019'-]*){0,3}$)")


# "... on Tuesday.The board", "... Lowe said.Lowe said": a full stop glued to a capitalised
# word; a web address ("www.Example.com", "https://") is left alone
_RUN_ON_SENTENCE = re.compile(r"(?P<word>\S*[a-z]{2}[.!?][\u201d\u2019\"]?)(?=[A-Z][a-z])")


def _part_sentences(match: re.Match[str]) -> str:
    word = match.group("word")
    if "www" in word.lower() or "://" in word or word.count(".") > 1:
        return word
    return word + " "


# --------------------------------------------------------------------------
# mojibake: UTF-8 copy read in a single-byte code page
#
# Windows-1252 (and Latin-1) is reversible: "â€™" is the three bytes of "’"
# read one by one, so the bytes are put back and read as UTF-8. Only the
# lead characters that start such a run in news copy are taken (Â Ã for
# U+0080-U+00FF, Ä Å for U+0100-U+017F, â for the punctuation block), never
# a lone accented letter. The Thai and Arabic code pages dropped bytes on the
# way, so a narrow rule reads what is left by its place, only on a line that
# has no Thai (or Arabic) text of its own.


def _code_page(name: str) -> dict[int, str]:
    """Bytes 0x80-0xFF as the code page reads them; a byte it leaves undefined
    as the C1 control of that value (as browsers and scrapers do)."""
    table = {}
    for byte in range(0x80, 0x100):
        try:
            table[byte] = bytes([byte]).decode(name)
        except UnicodeDecodeError:
            table[byte] = chr(byte)
    return table


def _tail(table: dict[int, str], skip: str = "", first: int = 0x80) -> str:
    """A character class of what the code page makes of UTF-8's trailing bytes."""
    return "".join(re.escape(table[b]) for b in range(first, 0xC0) if table[b] not in skip)


_CP1252 = _code_page("cp1252")
_CP874 = _code_page("cp874")  # Thai
_CP1256 = _code_page("cp1256")  # Arabic
_REVERSE = {
    id(table): {char: byte for byte, char in table.items()} for table in (_CP1252, _CP874, _CP1256)
}
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_CURLY = "\u2018\u2019\u201c\u201d"
_WIN1252 = re.compile(
    # not a capital Â/Ã ending a word before a closing quote ("AMANHÃ”", "ROMÂ’s")
    f"(?![\u00c2\u00c3][\u2019\u201d](?![{_LATIN}]))"
    f"[\u00c2\u00c3][{_tail(_CP1252)}]"  # é ü ñ, no-break space, £ ©
    f"|[\u00c4\u00c5][{_tail(_CP1252, skip=_CURLY)}]"  # ł ę ğ ş (not "Å”": a word, a quote)
    f"|\u00e2[{_tail(_CP1252)}]{{2}}"  # ’ “ ” – — … € ™
    "|\u00ef\u00bb\u00bf"  # a byte-order mark
)
# what is left once a byte was dropped: "â€" of a "”" (its 0x9D gone), "Â" of
# a no-break space turned into a plain space, "Ã" of an "à" the same way
_WIN1252_LOSSY = re.compile(
    f"\u00e2\u20ac(?![{_tail(_CP1252)}])|(?<=\\S)\u00c2(?= )|(?<=[a-z])\u00c3(?= )"
)
_WIN1252_LOSSY_READING = {"\u00e2\u20ac": "\u201d", "\u00c2": "", "\u00c3": "\u00e0"}
_THAI_LETTER = re.compile("[\u0e01-\u0e41\u0e43-\u0e7f]")  # any but "โ"
_THAI_RUN = re.compile(f"\u0e42\u20ac[{_tail(_CP874)}]")  # "โ€“" for "–"
_THAI_QUOTE = re.compile("\u0e42\u20ac?")  # "’ “ ”": their last bytes are undefined in cp874
_ARABIC_LETTER = re.compile("[\u0600-\u0621\u0623-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
# "آ£" for "£", "آ\u00a0" for a no-break space: after Latin text only
_ARABIC_RUN = re.compile(f"(?<![^\\x00-\\u024f])\u0622[{_tail(_CP1256, first=0xA0)}]")
_ARABIC_SPACE = re.compile(
    f"(?<=[{_LATIN}0-9.,])\u0622\u00a0?(?=['\u2019\\s])|(?<=[{_LATIN}])\u0622\u00a0?(?=[{_LATIN}])"
)


def repair_mojibake(text: str) -> str:
    """UTF-8 copy that was read in Windows-1252, Thai or Arabic code pages, put
    right: "â€™" to "’", "Ã©" to "é", "Â " to a space, "Sundayโs" to
    "Sunday’s", "militaryآ's" to "military's". Real Thai, Arabic and accented
    text is left alone; text without these marks costs one scan."""
    if text.isascii():
        return text
    for _ in range(3):  # mojibake of mojibake: "Ã¢â‚¬â„¢"
        repaired = _WIN1252.sub(_redecode_1252, text)
        if repaired == text:
            break
        text = repaired
    if "\u00e2\u20ac" in text or "\u00c2 " in text or "\u00c3 " in text:
        text = _WIN1252_LOSSY.sub(lambda m: _WIN1252_LOSSY_READING[m.group()], text)
    if "\u0e42" in text:
        text = _by_line(text, _THAI_LETTER, _repair_thai)
    if "\u0622" in text:
        text = _by_line(text, _ARABIC_LETTER, _repair_arabic)
    return text


def _redecode(run: str, table: dict[int, str]) -> str:
    """The run's characters back to the code page's bytes, read as UTF-8."""
    reverse = _REVERSE[id(table)]
    try:
        return bytes(reverse.get(char, ord(char)) for char in run).decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return run


def _redecode_1252(match: re.Match[str]) -> str:
    return _redecode(match.group(), _CP1252).replace("\ufeff", "")


def _by_line(text: str, script: re.Pattern[str], repair) -> str:
    """``repair`` on each line that has none of the script's own letters."""
    lines = text.split("\n")
    return "\n".join(line if script.search(line) else repair(line) for line in lines)


def _repair_thai(line: str) -> str:
    line = _THAI_RUN.sub(lambda m: _redecode(m.group(), _CP874), line)
    parts, last, quoting = [], 0, False
    for match in _THAI_QUOTE.finditer(line):
        before, after = line[match.start() - 1 : match.start()], line[match.end() : match.end() + 1]
        mark = _thai_mark(before, after, quoting)
        if mark is None:
            continue
        quoting = mark == "\u201c" or (quoting and mark != "\u201d")
        parts += [line[last : match.start()], mark]
        last = match.end()
    return "".join(parts) + line[last:] if parts else line


def _thai_mark(before: str, after: str, quoting: bool) -> str | None:
    """Which of ’ “ ” a lone "โ" stood for, by the characters around it."""
    latin_before = bool(re.match(f"[{_LATIN}]", before))
    if latin_before and re.match(f"[{_LATIN}]", after):
        return "\u2019"  # Sunday’s, don’t
    if (not before or before.isspace() or before in "([{\u2014\u2013-") and re.match(
        f"[{_LATIN}0-9$\u00a3\u20ac]", after
    ):
        return "\u201c"
    if (latin_before or re.match(r"[0-9.,!?;:\u2026%]", before)) and (
        not after or after.isspace() or after in ".,;:!?)]\u2014\u2013"
    ):
        if not quoting and before in "sS" and after == " ":
            return "\u2019"  # the voters’ choice
        return "\u201d"
    return None


def _repair_arabic(line: str) -> str:
    line = _ARABIC_SPACE.sub(_arabic_space, line)
    return _ARABIC_RUN.sub(lambda m: _redecode(m.group(), _CP1256), line)


def _arabic_space(match: re.Match[str]) -> str:
    """A no-break space read as "آ": glued to a word before an apostrophe
    ("militaryآ's") it goes, between two words it is a space."""
    end = match.end()
    following = match.string[end : end + 1]
    return " " if following and not following.isspace() and following not in "'\u2019" else ""


# --------------------------------------------------------------------------
# furniture patterns

_I = re.IGNORECASE


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _I)


# Lines that are never story text, wherever they appear.
_FURNITURE = _rx(
    r"^\d[\d,.]*\s*(?:k\s*)?(?:points?|votes?|pts|likes?|shares?|views?|reads?|comments?)$",
    r"^(?:upvote|downvote|up\s*vote|down\s*vote|like|dislike|love|haha|wow|sad|angry)"
    r"(?:\s+(?:upvote|downvote|like|dislike|love|haha|wow|sad|angry))*$",
    r"^what do you think\??$",
    r"^written by\b.{0,60}$",
    r"^posted by\b.{0,60}$",
    r"^\d*\s*comments?$",
    r"^(?:no|view|show|load|hide)\s+(?:more\s+)?comments?$",
    r"^leave a (?:reply|comment)\b.{0,40}$",
    r"^(?:cancel reply|post comment|submit comment|reply)$",
    r"^your email address will not be published\b.*$",
    r"^required fields are marked\b.*$",
    r"^giphy app key not set\b.*$",
    r"^loading(?:…|\.\.\.|\s*\.\s*\.\s*\.)?$",
    # numbers, dates and times on their own, but not a list heading ("2003:")
    r"^(?!\d{4}:$)[\d\s.,:/-]+$",
    # a weather widget ("12.1 C", "-3°F", "Boston Weather: 50.0°F | Mostly Cloudy")
    r"^-?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]$",
    r"^(?:[\w.'-]+\s){0,3}weather\s*:\s*-?\d{1,3}(?:[.,]\d)?\s*°\s*[CF]\b.{0,40}$",
    # a notice to the reader: "Please note that these reports are hosted by ...", "Please
    # refresh the page", "Please login to comment"
    r"^please\s+(?:note|read|refresh|click|tap|visit|see|contact|enable|share|log\s?in|sign"
    r"|subscribe|support|help|consider|allow|turn|disable|update|check)\b.*$",
    # a bare link
    r"^(?:https?://|www\.)\S+$",
    # calls to action: "Watch the first episode…", "Donate $25 for…", "Listen to the podcast"
    r"^(?:watch|listen(?: to)?|download|donate|subscribe|support us|become a (?:member|subscriber)"
    r"|sign up|get (?:the|our)|join (?:us|our))\b(?!.*[.!?\u201d\"]$).{0,120}$",
    r"^.{0,60}\bdonate\b.{0,80}$",
    r"^(?:share|tweet|pin|pin it|email|e-mail|print|whatsapp|telegram|reddit|linkedin"
    r"|facebook|twitter|x|flipboard|copy link|copy url|save|follow)(?:\s*(?:this|it))?[:!]?$",
    r"^share (?:on|via|to|this|with)\b.{0,40}$",
    r"^(?:click|tap) to (?:share|print|email|tweet)\b.{0,60}$",
    r"^(?:share|tweet|pin|email|print)(?:\s+(?:share|tweet|pin|email|print|on|facebook"
    r"|twitter|whatsapp|linkedin|reddit))+$",
    r"^(?:like this|share this|related|related (?:posts?|articles?|stories|news|content"
    r"|topics)|read more|read next|read also|see also|more stories|more news|you may also like"
    r"|you might also like|recommended(?: for you)?|most (?:read|popular|viewed)|trending"
    r"|trending now|latest (?:news|stories|posts)|popular posts|editor'?s picks"
    r"|post navigation|previous (?:post|article)|next (?:post|article)|tags?|topics?"
    r"|advertisement|sponsored(?: content)?|ad|skip to (?:main )?content|menu|search"
    r"|sign in|log in|subscribe|newsletter|about the author)\s*[:\u00bb\u203a>]?$",
    r"^(?:read more|see also|also read|read also|related|tags?|filed under|posted in|categories)"
    r"\s*[:|].{0,200}$",
    # a bar of counts: "1,204 views | 15 shares", "12 likes \u00b7 3 comments"
    r"^(?:\d[\d,.]*\s*(?:k\s*)?(?:likes?|shares?|views?|reads?|comments?)\s*[|\u00b7\u2022,/]?\s*){2,}$",
    r"^(?:sign up|subscribe) (?:for|to) (?:our|the)\b.{0,80}$",
    r"^follow us on\b.{0,60}$",
    r"^(?:©|copyright\b|\(c\)\s).{0,200}$",
    r"^all rights reserved\.?$",
    r"^(?:we use cookies|this (?:site|website) uses cookies)\b.*$",
    r"^(?:photo|image|picture|video)\s*(?:credit)?\s*:.{0,120}$",
    r"^(?:in\s*)?[,\s]*$",
    r"^.{0,40}\bwants to (?:start )?send(?:ing)? you (?:push )?notifications\b.{0,80}$",
    r"^stay up to date with (?:push )?notifications\b.{0,80}$",
    r"^notifications can be managed\b.{0,60}$",
    # a bare credit line: "AFP |", "Reuters |"
    r"^[\w&.-]+(?:\s[\w&.-]+){0,3}\s*\|$",
    # a breadcrumb trail ending in the headline: "Home / World News / Two journalists ..."
    r"^home\s*[/|\u00bb\u203a>]\s*\S.*$",
    # breadcrumbs and nav bars: "Home | World | Conflict", "News \u203a Politics"
    r"^(?:[\w&'.-]+(?:\s[\w&'.-]+){0,2}\s*[|\u00bb\u203a>/\u2022\u00b7]\s*)+"
    r"[\w&'.-]+(?:\s[\w&'.-]+){0,2}$",
)

# Lines after which the story is over: what follows is furniture or related links.
_END_OF_STORY = _rx(
    r"^what do you think\??$",
    r"^\d*\s*comments?$",
    r"^leave a (?:reply|comment)\b.{0,40}$",
    r"^your email address will not be published\b.*$",
    r"^written by\b.{0,60}$",
    r"^about the author$",
    r"^(?:related|related (?:posts?|articles?|stories|news|content)|read next|more stories"
    r"|more news|you may also like|you might also like|recommended(?: for you)?"
    r"|most (?:read|popular|viewed)|trending(?: now)?|latest (?:news|stories|posts)"
    r"|popular posts|editor'?s picks|post navigation)\s*[:\u00bb\u203a>]?$",
    r"^(?:share this|like this)\s*:?$",
    r"^(?:©|copyright\b).{0,200}$",
    r"^\d[\d,.]*\s*(?:points?|votes?)$",
    r"^upvote\s+downvote$",
)

# "Related"-style inline markers: the marker line and the short headline-like
# lines right after it go; the story resumes at the next real paragraph.
_INLINE_LINKS_MARKER = _rx(
    r"^(?:read more|read also|also read|see also|related|related (?:posts?|articles?|stories"
    r"|coverage))\s*[:\u00bb\u203a>]?$",
)

_SENTENCE_END = re.compile(r"[.!?\u2026:;\"\u201d\u2019\u00bb)\]]\s*$")
_BYLINE_BY = re.compile(r"^\s*(?:by|written by|words by|reporting by)\s+(.{2,80})$", _I)
_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s*[a-z]{2,4})?)?\.?$",
    _I,
)
_NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "van",
        "von",
        "le",
        "la",
        "du",
        "dos",
        "das",
        "abu",
        "umm",
        "ben",
        "ter",
        "ten",
        "and",
        "&",
    }
)
_NOT_NAMES = frozenset(
    {
        "home",
        "news",
        "world",
        "politics",
        "business",
        "sport",
        "sports",
        "opinion",
        "menu",
        "search",
        "subscribe",
        "share",
        "comments",
        "related",
        "latest",
        "video",
        "live",
        "the",
        "a",
        "an",
        "in",
        "on",
        "of",
        "for",
        "with",
        "is",
        "are",
        "was",
        "has",
        "have",
    }
)


# A photo's caption signed by its photographer or agency: "... in Gaza City. REUTERS/Ann
# Roe", "... in Wolfsburg – File photo/Reuters", "... wildfires (AN/Ann Roe)".
_SIGNED_CAPTION = re.compile(
    r"^.{0,300}(?:\bREUTERS/[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,3}(?:\s+\w+_tickers)?"
    r"|[–—-]\s*(?:[Ff]ile\s+)?[Pp]hoto\s*/\s*[A-Z][\w]+"
    r"|\((?:[A-Z]{2,6}|Reuters|Getty Images)/[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,3}\))$"
)


def is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line) or _SIGNED_CAPTION.match(line.rstrip()))


def _is_end_marker(line: str) -> bool:
    return bool(_END_OF_STORY.match(line))


def _looks_like_headline_link(line: str) -> bool:
    """Short line, no sentence punctuation at the end: a related-article link."""
    words = line.split()
    return 0 < len(words) <= 16 and len(line) <= 140 and not _SENTENCE_END.search(line)


def _word_count(line: str) -> int:
    return len(re.findall(r"\w+", line))


def looks_like_name(text: str) -> bool:
    """A person-name-like line: 2-5 capitalised words (name particles allowed), no sentence."""
    text = text.strip()
    if not text or len(text) > 60 or _SENTENCE_END.search(text) or any(c.isdigit() for c in text):
        return False
    parts = [p for p in re.split(r"[\s,]+", text) if p]
    if not 2 <= len(parts) <= 6:
        return False
    capitalised = 0
    for part in parts:
        bare = part.strip(".'\u2019")
        lowered = bare.lower()
        if lowered in _NOT_NAMES and lowered not in ("and",):
            return False
        if lowered in _NAME_PARTICLES or re.match(r"^(?:al|el|bin|ibn|abu)-", lowered):
            continue
        if bare[:1].isupper() or (bare[:1].isalpha() and not bare[:1].islower()):
            capitalised += 1
        else:
            return False
    return capitalised >= 2


def _extract_byline(line: str) -> str | None:
    match = _BYLINE_BY.match(line)
    if match:
        candidate = re.split(r"\s+[|•·\u2013\u2014-]\s+|,\s*(?=\d)", match.group(1))[0].strip()
        candidate = candidate.rstrip(".,;")
        if candidate and _word_count(candidate) <= 8:
            return candidate
        return None
    if looks_like_name(line):
        return line.strip()
    return None


# --------------------------------------------------------------------------
# splitting text into candidate paragraphs


def _split_lines(text: str) -> list[str]:
    """Paragraph candidates: one per non-empty line, with hard-wrapped lines re-joined.

    Pasted text comes either one paragraph per line (most scrapes) or hard
    wrapped (e-mail, PDFs, wire feeds). A line is joined to the previous one when the
    previous line stops mid-sentence and the next one begins in lower case, or
    when the previous one ends with a comma or a hyphen, inside one block. In
    a block that is hard wrapped as a whole (short lines of about one width,
    many cut mid-sentence) any line cut mid-sentence continues in the next:
    "EXFO" / "Inc posted ...", "They closed at" / "$6.01 on Nasdaq.".
    """
    paragraphs: list[str] = []
    text = _SCRAPE_STAMP.sub("", text, count=1)
    for block in _BLANK_LINE.split(text):
        current: str | None = None
        raw_lines = [normalize_paragraph(raw) for raw in block.split("\n")]
        wrapped = _hard_wrapped([line for line in raw_lines if line])
        for line in raw_lines:
            if not line:
                continue
            if current is not None and (
                _continues(current, line) or (wrapped and _cut_mid_sentence(current, line))
            ):
                joiner = "" if current.endswith("-") and line[:1].islower() else " "
                current = f"{current}{joiner}{line}"
                continue
            if current is not None:
                paragraphs.append(current)
            current = line
        if current is not None:
            paragraphs.append(current)
    return _rejoin_initials(paragraphs)


# a scraper's leading " date 2022-01-22" stamp (and a close button's "x" after it)
_SCRAPE_STAMP = re.compile(r"^\s*date \d{4}-\d\d-\d\d(?:\s+x(?=\s))?[ \t]*\n?")
_WRAP_WIDTH = 90
_NAME_INITIAL_END = re.compile(r"\b[A-Z][a-z]+ [A-Z]\.$")
_SURNAME_START = re.compile(r"^[A-Z][a-z'\u2019-]+ [a-z]")


def _hard_wrapped(lines: list[str]) -> bool:
    """Short lines of about one width (but the last), half of them cut mid-sentence."""
    widest = max((len(line) for line in lines), default=0)
    if len(lines) < 4 or widest > _WRAP_WIDTH:
        return False
    body = lines[:-1]
    cut = sum(1 for line in body if not _SENTENCE_END.search(line))
    full = sum(1 for line in body if len(line) >= 0.6 * widest)
    return cut * 2 >= len(body) and full * 3 >= len(body) * 2


def _cut_mid_sentence(previous: str, line: str) -> bool:
    return not (_SENTENCE_END.search(previous) or is_furniture(previous) or is_furniture(line))


def _rejoin_initials(paragraphs: list[str]) -> list[str]:
    """A scrape that broke a name after its middle initial ("... said Barry M." /
    "Weber said ...") as if the initial ended a sentence: join the two back."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _NAME_INITIAL_END.search(joined[-1]) and _SURNAME_START.match(paragraph):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _continues(previous: str, line: str) -> bool:
    if _SENTENCE_END.search(previous) or is_furniture(previous) or is_furniture(line):
        return False
    if len(previous) < 40:
        return False
    first = line[:1]
    return (
        first.islower()
        or previous.endswith((",", "-", "\u2013"))
        or _ENDS_ON_A_FUNCTION_WORD.search(previous) is not None
    )


# "... Ted Scambos said, according to" / "USA Today. ...": no paragraph ends on these
_ENDS_ON_A_FUNCTION_WORD = re.compile(
    r"\b(?:to|of|the|a|an|and|or|by|in|on|for|with|at|from|that|said|told|says|per)\s*$"
)


# --------------------------------------------------------------------------
# plain text


def clean_text(raw: str) -> ImportedArticle:
    """Clean pasted or scraped plain text (see the module docstring)."""
    try:
        lines = _split_lines(_imported(raw))
    except Exception:  # defensive: never fail an import on odd input
        return ImportedArticle()
    return _assemble(lines, title=None, byline=None)


def _assemble(lines: list[str], title: str | None, byline: str | None) -> ImportedArticle:
    """Pick title and byline (unless given), then split story from furniture.

    ``title=None`` means "find it in the lines"; ``""`` means "there is none".
    The helpers below collect the positions in ``lines`` of what they leave out.
    """
    removed: list[int] = []
    index = 0
    if title is None:
        title, index = _find_title(lines, removed)
        if title and not _story_paragraphs(lines, index, []):
            # a pasted paragraph on its own: the line that looked like a headline is the story
            untitled = _assemble(lines, title="", byline=byline)
            if untitled.paragraphs:
                return untitled
    elif title:
        index = _skip_repeated_title(lines, title, removed)
    if not byline:
        byline, index = _find_byline(lines, index, removed)
    else:
        index = _skip_byline_line(lines, index, byline, removed)
    kept = _story_paragraphs(lines, index, removed)
    if not byline:
        # only lines above the story: a "By …" in a footer names nobody's story
        story_start = kept[0] if kept else len(lines)
        byline = _byline_from_removed([lines[i] for i in removed if i < story_start])
    paragraphs = [lines[i] for i in kept]
    return ImportedArticle(
        title=title or "",
        byline=byline or "",
        paragraphs=paragraphs,
        removed=_placed(lines, sorted(removed), kept, paragraphs),
    )


def _placed(
    lines: list[str], removed: list[int], kept: list[int], paragraphs: list[str]
) -> list[RemovedLine]:
    """Each removed line with the kept paragraphs around it."""
    placed = []
    for position in removed:
        after = bisect_left(kept, position)
        previous = paragraphs[after - 1] if after else ""
        following = paragraphs[after] if after < len(paragraphs) else ""
        placed.append(RemovedLine(lines[position], after, previous, following))
    return placed


def _find_title(lines: list[str], removed: list[int]) -> tuple[str, int]:
    """The headline: the first substantial line after the site furniture.

    Lines that are rarely headlines (bullets, captions, dates, a push-alert
    prompt, "Tag archives: …") are passed over, and a candidate followed by
    the story (a byline, a dateline, a date or a paragraph within a few
    lines) wins over one that is not. A first line that reads like a body
    sentence (long, ends with a full stop) is not a title: the text then has
    no title. Lines before the title are left out.
    A breadcrumb before the headline on its line ("Home WORLD Guards Killed
    ...") is not part of it, and the headline repeated under itself goes too.
    """
    candidates = []
    for index, line in enumerate(lines[:_TITLE_WINDOW]):
        if is_furniture(line) or _DATE_LINE.match(line) or _word_count(line) < 3:
            continue
        words = _word_count(line)
        if words > 30 or (words >= 14 and line.rstrip().endswith(".")):
            if not candidates:
                removed.extend(range(index))
                return "", index
            break
        if _word_count(_headline(line)) >= 3 and not _UNLIKELY_HEADLINE.search(_headline(line)):
            candidates.append(index)
    if not candidates:
        return _find_title_plainly(lines, removed)
    chosen = next((i for i in candidates if _story_follows(lines, i)), candidates[0])
    removed.extend(range(chosen))
    title = _CRUMB_PREFIX.sub("", _headline(lines[chosen]))
    return title, _skip_title_repeats(lines, chosen + 1, title, removed)


def _headline(line: str) -> str:
    """The line without a scrape's date stamp ("date 2024-03-16 Maghera: …")."""
    return _DATE_STAMP.sub("", line)


_DATE_STAMP = re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)


def _find_title_plainly(lines: list[str], removed: list[int]) -> tuple[str, int]:
    for index, line in enumerate(lines):
        if is_furniture(line) or _DATE_LINE.match(line) or _word_count(line) < 3:
            removed.append(index)
            continue
        words = _word_count(line)
        if words > 30 or (words >= 14 and line.rstrip().endswith(".")):
            return "", index
        title = _CRUMB_PREFIX.sub("", line)
        if title != line:
            removed.append(index)
        return title, _skip_title_repeats(lines, index + 1, title, removed)
    return "", len(lines)


_TITLE_WINDOW = 15
_UNLIKELY_HEADLINE = _rx(
    r"^[\u2022\u00b7*/|]",
    r"^(?:date|published|updated|posted|publish)\b.{0,40}\d",
    r"\b(?:photograph|photo|image|picture|credit|source)\s*:",
    r"^(?:you are here|no image available)\b",
    r"^(?:tag|category|archives?|tag archives)\s*:",
    r"\bsending you (?:push )?notifications\b",
    r"^get (?:all )?(?:your|the latest|our)\b",
    r"\((?:AFP|AP|Reuters|dpa|Xinhua|IANS|PTI|ANI|UPI|EFE|Anadolu)\)\s*$",
    r"^[^.!?]{0,60}\([^)]{1,40}\)$",
)
# "ACCRA, Ghana (Reuters) -", "HAMA, Syria (AP) —", "LONDON —": wire copy's dateline.
_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .'\u2019-]{2,40}(?:,\s*[A-Z][\w .'\u2019-]{1,40})?"
    r"(?:\s*\([^)]{1,40}\))?)\s*(?:-|\u2013|\u2014|--)\s+"
)


def _story_follows(lines: list[str], index: int) -> bool:
    """Within a few lines after ``index`` comes a byline, a dateline, a date
    or a paragraph of the story (furniture and short lines passed over)."""
    for line in lines[index + 1 : index + 5]:
        bare = line.lstrip("\u2022\u00b7*\u2013\u2014- ").strip()
        if _BYLINE_BY.match(bare) or _DATELINE.match(bare) or _DATE_LINE.match(bare):
            return True
        if _word_count(bare) >= 14 and _SENTENCE_END.search(bare):
            return True
    return False


def find_dateline(paragraphs: list[str]) -> str:
    """The dateline that opens the story ("ACCRA, Ghana (Reuters)"), if any."""
    if paragraphs:
        match = _DATELINE.match(paragraphs[0])
        if match:
            return match.group("dateline").strip()
    return ""


_CRUMB_PREFIX = re.compile(r"^Home\s+(?:[A-Z][A-Z&-]+\s+)+(?=[A-Z][a-z])")


def _skip_title_repeats(lines: list[str], index: int, title: str, removed: list[int]) -> int:
    wanted = title.casefold()
    while index < len(lines) and lines[index].casefold() == wanted:
        removed.append(index)
        index += 1
    return index


def _skip_repeated_title(lines: list[str], title: str, removed: list[int]) -> int:
    """HTML extractors often repeat the headline as the first text line; drop it."""
    wanted = normalize_paragraph(title).casefold()
    for index, line in enumerate(lines[:3]):
        if line.casefold() == wanted:
            removed.extend(range(index))
            return index + 1
    return 0


def _find_byline(lines: list[str], index: int, removed: list[int]) -> tuple[str, int]:
    """Byline: within the two lines after the title, "By X" or a bare name line."""
    for offset in range(2):
        position = index + offset
        if position >= len(lines):
            break
        line = lines[position]
        found = _extract_byline(line)
        if found:
            removed.extend(range(index, position))
            return found, position + 1
        if not (_DATE_LINE.match(line) or is_furniture(line)):
            break
    return "", index


def _skip_byline_line(lines: list[str], index: int, byline: str, removed: list[int]) -> int:
    for position in range(index, min(index + 3, len(lines))):
        line = lines[position]
        if byline.casefold() in line.casefold() and _word_count(line) <= _word_count(byline) + 4:
            removed.extend(range(index, position))
            return position + 1
    return index


def _byline_from_removed(removed: list[str]) -> str:
    for line in removed:
        match = re.match(r"^written by\s+(.+)$", line, _I)
        if match and looks_like_name(match.group(1)):
            return match.group(1).strip()
    for line in removed:
        credit = _CREDIT_LINE.match(line)
        if credit:
            return credit.group(1)  # "AFP |": the copy is the agency's
    return ""


_CREDIT_LINE = re.compile(
    r"^(AFP|AP|Reuters|Agence France-Presse|Associated Press|PTI|IANS|ANI|Xinhua|Bernama)\s*\|$"
)


def _story_paragraphs(lines: list[str], start: int, removed: list[int]) -> list[int]:
    """Positions of the story lines from ``start`` on; furniture, inline link
    lists and everything after the end of the story go to ``removed``."""
    kept: list[int] = []
    in_links = False
    for position in range(start, len(lines)):
        line = lines[position]
        if kept and _is_end_marker(line):
            if not any(_story_sentence(lines[k]) for k in kept):
                removed.append(position)  # "Comments" by the date above the story: a link
                continue
            removed.extend(range(position, len(lines)))
            break
        if _INLINE_LINKS_MARKER.match(line):
            in_links = True
            removed.append(position)
            continue
        if in_links and _looks_like_headline_link(line):
            removed.append(position)
            continue
        in_links = False
        if is_furniture(line) or (not kept and _DATE_LINE.match(line)):
            removed.append(position)
            continue
        kept.append(position)
    _drop_trailing_links(lines, kept, removed)
    return kept


def _story_sentence(line: str) -> bool:
    """A paragraph of the story: a sentence of some length, not a date or a prompt."""
    return _word_count(line) >= 12 and bool(_SENTENCE_END.search(line))


def _drop_trailing_links(lines: list[str], kept: list[int], removed: list[int]) -> None:
    """Short unpunctuated lines after the last real paragraph are related links."""
    tail: list[int] = []
    while (
        len(kept) > 1
        and _looks_like_headline_link(lines[kept[-1]])
        and _word_count(lines[kept[-1]]) <= 14
    ):
        tail.append(kept.pop())
    # Only a run of two or more is convincing; one short last line may be a sign-off.
    if len(tail) < 2:
        kept.extend(reversed(tail))
        return
    removed.extend(tail)


# --------------------------------------------------------------------------
# putting restored lines back

# Checkbox value: "<after>:<previous>:<following>:<text>", the two middle parts
# a digest of the neighbouring paragraph's text (empty where there is none).
_DIGEST_LENGTH = 16
_RESTORE_VALUE = re.compile(r"(\d{1,6}):([0-9a-f]{16})?:([0-9a-f]{16})?:(.*)", re.DOTALL)


def text_digest(text: str) -> str:
    """Stands for a text, whitespace differences forgiven."""
    data = normalize_paragraph(text).encode("utf-8", errors="replace")
    return hashlib.sha256(data).hexdigest()[:_DIGEST_LENGTH]


def restore_value(text: str, after: int, previous: str, following: str) -> str:
    """Encode a removed line and its place for the preview form."""
    return ":".join(
        [
            str(after),
            text_digest(previous) if previous else "",
            text_digest(following) if following else "",
            text,
        ]
    )


@dataclass(frozen=True)
class _Restore:
    text: str
    after: int = -1  # -1: no place known, the line goes at the end
    previous: str = ""
    following: str = ""


def _parse_restore(value: str) -> _Restore:
    """A checkbox value back to a line and its place. Anything that is not a
    value the preview wrote is taken as a bare line for the end of the text."""
    match = _RESTORE_VALUE.fullmatch(value)
    if not match:
        return _Restore(normalize_paragraph(sanitize(value)))
    after, previous, following, text = match.groups()
    text = normalize_paragraph(sanitize(text))
    return _Restore(text, int(after), previous or "", following or "")


def body_paragraphs(body: str) -> list[str]:
    """An article body's paragraphs as stored: blank-line blocks, or one per
    line when there is no blank line, each on one line, none empty."""
    text = sanitize(body)
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [p for p in (normalize_paragraph(b) for b in blocks) if p]


def restore_lines(body: str, values: Iterable[str]) -> str:
    """Put the removed lines the editor kept back into ``body`` where they stood.

    ``values`` are the preview's checkbox values (``RemovedLine.restore_value``);
    they come from the client, so each is checked, never trusted. A line goes
    after the paragraph it followed on import, found by its text in the body as
    submitted (the editor may have changed the text since); failing that,
    before the paragraph it preceded; failing both, at the end. Lines from
    above the story go at the start. Lines keep their order; a value that is
    not one the preview wrote is kept as a line at the end. Pure: no database,
    never raises.
    """
    paragraphs = body_paragraphs(body)
    positions: dict[str, list[int]] = {}
    for index, paragraph in enumerate(paragraphs):
        positions.setdefault(text_digest(paragraph), []).append(index)

    def nearest(digest: str, guess: int) -> int | None:
        found = positions.get(digest) if digest else None
        return min(found, key=lambda i: (abs(i - guess), i)) if found else None

    start: list[str] = []
    after: dict[int, list[str]] = {}  # paragraph index -> lines after it
    before: dict[int, list[str]] = {}  # paragraph index -> lines before it
    end: list[str] = []
    for value in values:
        line = _parse_restore(value if isinstance(value, str) else "")
        if not line.text:
            continue
        if line.after == 0:
            start.append(line.text)
            continue
        if line.after > 0:
            index = nearest(line.previous, line.after - 1)
            if index is not None:
                after.setdefault(index, []).append(line.text)
                continue
            index = nearest(line.following, line.after)
            if index is not None:
                before.setdefault(index, []).append(line.text)
                continue
        end.append(line.text)
    result = list(start)
    for index, paragraph in enumerate(paragraphs):
        result.extend(before.get(index, []))
        result.append(paragraph)
        result.extend(after.get(index, []))
    result.extend(end)
    return "\n\n".join(result)


# --------------------------------------------------------------------------
# HTML


def clean_html(html: str, url: str | None = None) -> ImportedArticle:
    """Extract the story from an HTML page with trafilatura, tag-stripping as a fallback."""
    try:
        text = _imported(html)
    except Exception:
        return ImportedArticle()
    if not text.strip():
        return ImportedArticle()
    try:
        extracted = _trafilatura_extract(text, url)
    except Exception:  # trafilatura or lxml choking on a malformed page
        extracted = None
    fallback = _fallback_html(text)
    if extracted is not None:
        title, author, body_text = extracted
        lines = _split_lines(sanitize(body_text))
        if lines:
            article = _assemble(lines, title=sanitize(title) or None, byline=sanitize(author))
            if article.paragraphs and not _fallback_is_better(article, fallback):
                return article
    return fallback


def _fallback_is_better(extracted: ImportedArticle, fallback: ImportedArticle) -> bool:
    """On short documents trafilatura sometimes keeps only part of the text.

    Its heuristics are tuned for full web pages; when the page is small and the
    plain tag strip (which already skips nav, header, footer, aside and forms)
    keeps much more text, the tag strip is the better reading.
    """
    kept, stripped = len(extracted.body), len(fallback.body)
    return stripped < SHORT_DOCUMENT_CHARS and kept < 0.6 * stripped


SHORT_DOCUMENT_CHARS = 1500


def _trafilatura_extract(html: str, url: str | None) -> tuple[str, str, str] | None:
    try:
        import trafilatura
    except ImportError as error:  # e.g. lxml_html_clean missing: justext needs it
        _log.warning("trafilatura unavailable, using the plain tag strip: %s", error)
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
        )
    if document is None:
        return None
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    body_text = data.get("text") or data.get("raw_text") or ""
    if not body_text.strip():
        return None
    return (data.get("title") or "", _clean_author(data.get("author") or ""), body_text)


def _clean_author(author: str) -> str:
    author = normalize_paragraph(author)
    match = _BYLINE_BY.match(author)
    if match:
        author = match.group(1)
    return author.replace(";", ",").strip(" ,")


class _TextCollector(HTMLParser):
    """Minimal tag stripper: block elements become paragraph breaks."""

    _SKIP = frozenset(
        {
            "script",
            "style",
            "noscript",
            "nav",
            "header",
            "footer",
            "aside",
            "form",
            "template",
            "svg",
            "iframe",
            "button",
            "select",
            "head",
        }
    )
    _BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "article",
            "section",
            "blockquote",
            "tr",
            "table",
            "pre",
            "figure",
            "figcaption",
            "main",
            "dd",
            "dt",
            "hr",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._skip_depth = 0
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip_depth += 1
        if tag == "h1":
            self._in_h1 = True
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip_depth:
            self._skip_depth -= 1
        if tag == "h1":
            self._in_h1 = False
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skip_depth:
            return
        if self._in_h1:
            self.h1_parts.append(data)
        self.parts.append(data)


def _fallback_html(html: str) -> ImportedArticle:
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:
        pass
    text = sanitize(unescape("".join(collector.parts)))
    # every block is its own paragraph: inline newlines from source formatting are spaces
    blocks = [normalize_paragraph(b) for b in re.split(r"\n\s*\n", text)]
    lines = [b for b in blocks if b]
    heading = normalize_paragraph(sanitize("".join(collector.h1_parts)))
    title = heading or normalize_paragraph(sanitize("".join(collector.title_parts)))
    if not lines and not title:
        return ImportedArticle()
    # No <title>/<h1>: do not promote a body line to the title.
    return _assemble(lines, title=title, byline=None)
