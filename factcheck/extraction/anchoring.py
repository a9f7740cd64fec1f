"""Quote anchors that follow the article's words, exactly or not at all.

A claim keeps the exact text it points at, a little context either side and
the offsets (the W3C TextQuoteSelector and TextPositionSelector ideas).

When the body is edited, the edit itself places each claim: a word diff of
the old and new body says where the claim's words went and whether any of
them changed (``BodyEdit.relocate``). Where the diff cannot place a claim
(its paragraph moved, or its first or last words were rewritten together
with the text around them), the stored words are looked for again, and an
occurrence counts only when the context in its paragraph is the stored
context (``locate``); several such occurrences, or none, and the claim is
flagged for an editor to re-mark. Nothing is found "fuzzily".

Every span, new or moved, is whole words: it never starts or ends inside a
word, never starts or ends with white space, and never runs across a
paragraph break its words did not already cross.
"""

import difflib
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT_CHARS = 32
FUZZY_MIN_SCORE = 85.0
PARAGRAPH_BREAK = "\n\n"
# Between two word characters these keep one word: 4,100 · 3.5 · regime’s · so-called
_JOINERS = frozenset(",.'’-")

_QUOTE_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})


@dataclass(frozen=True)
class Anchor:
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


def anchor_span(body: str, start: int, end: int) -> Anchor:
    """Describe body[start:end] so it can be found again after edits."""
    if not 0 <= start < end <= len(body):
        raise ValueError("span outside the text")
    return Anchor(
        exact=body[start:end],
        prefix=body[max(0, start - CONTEXT_CHARS) : start],
        suffix=body[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
    )


# --- words --------------------------------------------------------------------------


def is_word_char(char: str) -> bool:
    """Letters and digits of any script, and the marks that combine with them."""
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def inside_word(text: str, at: int) -> bool:
    """Whether a cut at ``at`` would split a word (4,100 and regime’s count as one)."""
    if not 0 < at < len(text):
        return False
    left, right = text[at - 1], text[at]
    if is_word_char(left) and is_word_char(right):
        return True
    if right in _JOINERS and is_word_char(left):
        return at + 1 < len(text) and is_word_char(text[at + 1])
    if left in _JOINERS and is_word_char(right):
        return at >= 2 and is_word_char(text[at - 2])
    return False


def word_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span widened to whole words and trimmed of white space; None when
    nothing but white space is left."""
    start, end = max(0, start), min(len(text), end)
    while start > 0 and inside_word(text, start):
        start -= 1
    while end < len(text) and inside_word(text, end):
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def is_whole_words(text: str, start: int, end: int) -> bool:
    return (
        0 <= start < end <= len(text)
        and not inside_word(text, start)
        and not inside_word(text, end)
        and not text[start].isspace()
        and not text[end - 1].isspace()
    )


def tokens(text: str) -> list[tuple[int, int]]:
    """The text cut into words, runs of white space and single other
    characters, as (start, end) spans that cover it end to end."""
    spans, at, size = [], 0, len(text)
    while at < size:
        end = at + 1
        char = text[at]
        if is_word_char(char):
            while end < size and inside_word(text, end):
                end += 1
        elif char.isspace():
            while end < size and text[end].isspace():
                end += 1
        spans.append((at, end))
        at = end
    return spans


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Old and new words as runs of ("equal" | "delete" | "insert", text),
    for showing what an edit changed."""
    a, b = _token_texts(old), _token_texts(new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(str.isspace, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("insert", "".join(b[j1:j2])))
    return runs


def _token_texts(text: str) -> list[str]:
    return [text[a:b] for a, b in tokens(text)]


# --- following an edit ------------------------------------------------------------


def _paragraph_breaks(text: str) -> int:
    return text.count(PARAGRAPH_BREAK)


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix (halving, so the comparisons run in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _common_suffix(a: str, b: str, limit: int) -> int:
    low, high = 0, min(len(a), len(b)) - limit
    while low < high:
        mid = (low + high + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            low = mid
        else:
            high = mid - 1
    return low


class BodyEdit:
    """One edit of an article body, as the opcodes of a word diff in
    character offsets: ("equal" | "replace" | "delete" | "insert", i1, i2, j1, j2)."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self.opcodes = self._diff()
        self._starts = [op[1] for op in self.opcodes]

    def _diff(self) -> list[tuple[str, int, int, int, int]]:
        old, new = self.old, self.new
        # Most edits touch a few words: diff only the middle that differs,
        # cut back to white space so no word is split.
        head = _common_prefix(old, new)
        while head > 0 and not old[head - 1].isspace():
            head -= 1
        tail = _common_suffix(old, new, head)
        while tail > 0 and not old[len(old) - tail].isspace():
            tail -= 1
        old_mid, new_mid = old[head : len(old) - tail], new[head : len(new) - tail]
        a, b = tokens(old_mid), tokens(new_mid)
        matcher = difflib.SequenceMatcher(
            str.isspace, [old_mid[x:y] for x, y in a], [new_mid[x:y] for x, y in b]
        )

        def old_at(index: int) -> int:
            return head + (a[index][0] if index < len(a) else len(old_mid))

        def new_at(index: int) -> int:
            return head + (b[index][0] if index < len(b) else len(new_mid))

        ops = [("equal", 0, head, 0, head)] if head else []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            ops.append((tag, old_at(i1), old_at(i2), new_at(j1), new_at(j2)))
        if tail:
            ops.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
        return ops

    def _op_holding(self, char: int) -> tuple[str, int, int, int, int]:
        """The opcode whose old text holds the character at ``char``."""
        index = bisect_right(self._starts, char) - 1
        while self.opcodes[index][2] <= char:  # skip insertions, which hold none
            index += 1
        return self.opcodes[index]

    def _new_start(self, start: int) -> int | None:
        tag, i1, _i2, j1, _j2 = self._op_holding(start)
        if tag == "equal":
            return j1 + start - i1
        return j1 if start == i1 else None

    def _new_end(self, end: int) -> int | None:
        tag, i1, i2, j1, j2 = self._op_holding(end - 1)
        if tag == "equal":
            return j1 + end - i1
        return j2 if end == i2 else None

    def relocate(self, anchor: Anchor) -> tuple[int, int] | None:
        """Where the anchored words stand after the edit: the same words, or
        the words that replaced some of them (the caller compares). None when
        neither the edit nor the context places them."""
        if self.old[anchor.start : anchor.end] == anchor.exact:
            span = self._follow(anchor.start, anchor.end)
            if span is not None and _keeps_paragraphs(self.new, span, anchor.exact):
                return span
        return locate(self.new, anchor)

    def _follow(self, start: int, end: int) -> tuple[int, int] | None:
        new_start, new_end = self._new_start(start), self._new_end(end)
        if new_start is None or new_end is None or new_start >= new_end:
            return None
        if self.new[new_start:new_end] == self.old[start:end]:
            return new_start, new_end
        return word_span(self.new, new_start, new_end)


def _keeps_paragraphs(body: str, span: tuple[int, int], exact: str) -> bool:
    return _paragraph_breaks(body[span[0] : span[1]]) <= _paragraph_breaks(exact)


# --- finding the stored words again -------------------------------------------------


def _exact_occurrences(body: str, exact: str) -> list[int]:
    found, at = [], body.find(exact)
    while at != -1:
        found.append(at)
        at = body.find(exact, at + 1)
    return found


def _context_holds(body: str, anchor: Anchor, start: int) -> bool:
    """The stored context, as far as it runs inside the paragraph, is the
    text around ``start``; where it ran into a paragraph break or the edge of
    the text, the new place must too."""
    end = start + len(anchor.exact)
    _, brk, local_prefix = anchor.prefix.rpartition(PARAGRAPH_BREAK)
    local_suffix, brk_after, _ = anchor.suffix.partition(PARAGRAPH_BREAK)
    if not body[:start].endswith(local_prefix) or not body[end:].startswith(local_suffix):
        return False
    paragraph_start = start - len(local_prefix)
    paragraph_end = end + len(local_suffix)
    if (brk or len(anchor.prefix) < CONTEXT_CHARS) and not (
        paragraph_start == 0 or body[:paragraph_start].endswith(PARAGRAPH_BREAK)
    ):
        return False
    return not (brk_after or len(anchor.suffix) < CONTEXT_CHARS) or (
        paragraph_end == len(body) or body[paragraph_end:].startswith(PARAGRAPH_BREAK)
    )


def locate(body: str, anchor: Anchor) -> tuple[int, int] | None:
    """Where the anchored words stand in ``body`` with their own context,
    or None when they are gone or the context does not tell one place."""
    if not anchor.exact:
        return None
    places = [
        at
        for at in _exact_occurrences(body, anchor.exact)
        if not inside_word(body, at) and not inside_word(body, at + len(anchor.exact))
        if _context_holds(body, anchor, at)
    ]
    if len(places) != 1:
        return None
    return places[0], places[0] + len(anchor.exact)


# --- a quote typed by hand -------------------------------------------------------------


def _fuzzy_locate(body: str, quote: str) -> tuple[int, int] | None:
    alignment = fuzz.partial_ratio_alignment(quote, body, score_cutoff=FUZZY_MIN_SCORE)
    if alignment is None:
        return None
    return word_span(body, alignment.dest_start, alignment.dest_end)


def _folded(text: str) -> tuple[str, list[int]]:
    """Fold quotes and collapse white space, keeping a map back to text."""
    out, positions = [], []
    for index, char in enumerate(text.translate(_QUOTE_FOLD)):
        if char.isspace():
            if out and out[-1] == " ":
                continue
            char = " "
        out.append(char)
        positions.append(index)
    return "".join(out), positions


def find_quote(body: str, quote: str) -> tuple[int, int] | None:
    """Find a quote typed by hand: exact, then ignoring quote style and
    spacing, then fuzzily; always whole words within the paragraphs the
    quote spans, for the editor to see and confirm."""
    quote = quote.strip()
    if not quote:
        return None
    span = None
    at = body.find(quote)
    if at != -1:
        span = word_span(body, at, at + len(quote))
    else:
        folded_body, positions = _folded(body)
        folded_quote, _ = _folded(quote)
        at = folded_body.find(folded_quote)
        if at != -1:
            span = word_span(body, positions[at], positions[at + len(folded_quote) - 1] + 1)
        else:
            span = _fuzzy_locate(body, quote)
    if span is None or _paragraph_breaks(body[span[0] : span[1]]) > _paragraph_breaks(quote):
        return None
    return span
