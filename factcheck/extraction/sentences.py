"""Sentence boundaries as exact character offsets into the article body.

pysbd does the hard part (abbreviations, decimals, quotes); this module maps
its segments back onto the original string so that ``text[start:end]`` is
always exactly the sentence, and never lets a sentence cross a line break.
Every newline is a boundary: the cleaned body separates paragraphs with a
blank line, and a single newline in other text marks a heading or list item.
"""

from __future__ import annotations

import re
import threading

import pysbd

_LINE = re.compile(r"[^\n]+")
# Fallback splitter if pysbd fails or its output cannot be mapped back.
_SIMPLE_BOUNDARY = re.compile(r"[.!?\u2026][\"\u201d\u2019)\]]*(?=\s+[\"\u201c\u2018(\[]?[A-Z0-9])")

# A terminator followed by more text; without one a line is a single sentence.
_INNER_TERMINATOR = re.compile(r"[.!?\u2026\u3002\uff01\uff1f\u061f\u06d4](?=.*\w)")

WINDOW_CHARS = 1500
MAX_WINDOW_CHARS = 6000

_local = threading.local()


def _segmenter() -> pysbd.Segmenter:
    """One Segmenter per thread: building one is costly and segment() keeps state."""
    segmenter = getattr(_local, "segmenter", None)
    if segmenter is None:
        segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
        _local.segmenter = segmenter
    return segmenter


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text or ""):
        spans.extend(_split_line(text, line.start(), line.end()))
    return spans


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    start, end = _trim(text, start, end)
    if start >= end:
        return []
    chunk = text[start:end]
    if not _INNER_TERMINATOR.search(chunk):
        return [(start, end)]  # no possible boundary inside: skip pysbd (the slow part)
    spans: list[tuple[int, int]] = []
    for w_start, w_end in _windows(chunk):
        window = chunk[w_start:w_end]
        spans.extend((start + w_start + s, start + w_start + e) for s, e in _segment(window))
    return _rejoin_after_abbreviations(text, spans)


# Abbreviations that a name or title always follows: "Sault Ste. Marie", "Sgt. Ali Khan".
_NAME_ABBREVIATION = re.compile(
    r"\b(?:St|Ste|Mt|Ft|Pt|Sgt|Lt|Col|Capt|Cpl|Gov|Gen|Det|Insp|Supt|Maj|Adm|Rep|Sen)\.$"
)


# Currencies abbreviated before an amount: "a budget of Tk. 465.2 billion", "Ksh. 3 million".
_CURRENCY_ABBREVIATION = re.compile(r"\b(?:Rs|Tk|Ksh|Kshs|Shs|Sh)\.$")


def _rejoin_after_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for span in spans:
        first = text[span[0] : span[0] + 1]
        if joined and (
            (_NAME_ABBREVIATION.search(text, joined[-1][0], joined[-1][1]) and first.isupper())
            or (
                _CURRENCY_ABBREVIATION.search(text, joined[-1][0], joined[-1][1])
                and first.isdigit()
            )
        ):
            joined[-1] = (joined[-1][0], span[1])
            continue
        joined.append(span)
    return joined


def _segment(chunk: str) -> list[tuple[int, int]]:
    try:
        segments = _segmenter().segment(chunk)
    except Exception:  # pysbd has choked on pathological input before
        segments = None
    spans = _map_segments(chunk, segments) if segments else None
    return spans if spans is not None else _simple_split(chunk)


def _windows(chunk: str) -> list[tuple[int, int]]:
    """Cut a long paragraph into windows of about WINDOW_CHARS at likely sentence ends.

    pysbd's cost grows with the square of the text length (it re-scans the whole
    text for every rule and every sentence), so a 200,000-character paragraph
    would take minutes in one piece. Windows are cut at the same boundaries the
    simple splitter uses; a window with no boundary at all is cut at a space.
    """
    if len(chunk) <= WINDOW_CHARS:
        return [(0, len(chunk))]
    windows: list[tuple[int, int]] = []
    begin = 0
    for boundary in _SIMPLE_BOUNDARY.finditer(chunk):
        if boundary.end() - begin >= WINDOW_CHARS:
            windows.append((begin, boundary.end()))
            begin = boundary.end()
    windows.append((begin, len(chunk)))
    return [piece for w in windows for piece in _hard_cut(chunk, *w)]


def _hard_cut(chunk: str, begin: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - begin > MAX_WINDOW_CHARS:
        cut = chunk.rfind(" ", begin + 1, begin + MAX_WINDOW_CHARS)
        cut = cut if cut > begin else begin + MAX_WINDOW_CHARS
        pieces.append((begin, cut))
        begin = cut
    pieces.append((begin, end))
    return pieces


def _map_segments(chunk: str, segments: list[str]) -> list[tuple[int, int]] | None:
    """Locate each segment in order; None if pysbd altered the text so it cannot be found."""
    spans: list[tuple[int, int]] = []
    position = 0
    for segment in segments:
        piece = segment.strip()
        if not piece:
            continue
        found = chunk.find(piece, position)
        if found < 0:
            return None
        if found > position and chunk[position:found].strip():
            # text pysbd skipped: attach it to the previous sentence
            if not spans:
                return None
            spans[-1] = (spans[-1][0], found)
        spans.append((found, found + len(piece)))
        position = found + len(piece)
    if chunk[position:].strip():
        if not spans:
            return None
        spans[-1] = (spans[-1][0], len(chunk.rstrip()))
    return [_trim(chunk, s, e) for s, e in spans if chunk[s:e].strip()]


def _simple_split(chunk: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for boundary in _SIMPLE_BOUNDARY.finditer(chunk):
        spans.append(_trim(chunk, position, boundary.end()))
        position = boundary.end()
    spans.append(_trim(chunk, position, len(chunk)))
    return [(s, e) for s, e in spans if s < e]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
