"""Quote anchors that survive edits of the article body.

A claim keeps the exact text it points at, a little context either side and
the offsets (the W3C TextQuoteSelector and TextPositionSelector ideas). When
the body changes, the quote is found again: first where it was, then at any
exact occurrence with the best-matching context, then fuzzily.
"""

from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT_CHARS = 32
FUZZY_MIN_SCORE = 85.0

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


def _context_score(body: str, anchor: Anchor, start: int) -> float:
    end = start + len(anchor.exact)
    prefix = body[max(0, start - len(anchor.prefix)) : start]
    suffix = body[end : end + len(anchor.suffix)]
    score = fuzz.ratio(prefix, anchor.prefix) + fuzz.ratio(suffix, anchor.suffix)
    # Break ties by closeness to where the quote used to be.
    return score - abs(start - anchor.start) / (len(body) + 1)


def _exact_occurrences(body: str, exact: str) -> list[int]:
    found, at = [], body.find(exact)
    while at != -1:
        found.append(at)
        at = body.find(exact, at + 1)
    return found


def locate(body: str, anchor: Anchor) -> tuple[int, int] | None:
    """Where the anchored quote now stands in body, or None if it is gone."""
    if not anchor.exact:
        return None
    if body[anchor.start : anchor.end] == anchor.exact and (
        body[max(0, anchor.start - len(anchor.prefix)) : anchor.start] == anchor.prefix
    ):
        return anchor.start, anchor.end
    occurrences = _exact_occurrences(body, anchor.exact)
    if occurrences:
        best = max(occurrences, key=lambda at: _context_score(body, anchor, at))
        return best, best + len(anchor.exact)
    return _fuzzy_locate(body, anchor.exact)


def _fuzzy_locate(body: str, quote: str) -> tuple[int, int] | None:
    alignment = fuzz.partial_ratio_alignment(quote, body, score_cutoff=FUZZY_MIN_SCORE)
    if alignment is None:
        return None
    start, end = alignment.dest_start, alignment.dest_end
    # Trim to whole words so a highlight never starts mid-word.
    while start > 0 and body[start - 1].isalnum() and body[start].isalnum():
        start -= 1
    while end < len(body) and body[end - 1].isalnum() and body[end].isalnum():
        end += 1
    return (start, end) if start < end else None


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
    spacing, then fuzzily."""
    quote = quote.strip()
    if not quote:
        return None
    at = body.find(quote)
    if at != -1:
        return at, at + len(quote)
    folded_body, positions = _folded(body)
    folded_quote, _ = _folded(quote)
    at = folded_body.find(folded_quote)
    if at != -1:
        return positions[at], positions[at + len(folded_quote) - 1] + 1
    return _fuzzy_locate(body, quote)
