"""Quality of claim suggestions against the annotated corpus in tests/data/articles.

Run from the repository root: ``python bench/bench_quality.py`` (add ``-v`` to
list misses and false alarms). Prints figures only; asserts nothing.

Each ``NAME.expected.json`` lists gold claims as an exact quote of the cleaned
body, a kind and the source names of its attribution chain.

Matching rule. The article is imported with ``clean_text``/``clean_html`` and
``suggest_claims`` runs on the body. A suggested claim matches a gold claim
when the kinds are equal and their spans overlap substantially: the overlap
covers at least half of the shorter span and at least a quarter of the longer
one (so "about 60%" matches a gold "60%", but a number phrase never matches a
whole sentence). Matching is one-to-one and greedy, best overlap first.
Precision = matched suggestions / suggestions, recall = matched gold / gold,
per kind and overall. Articles whose gold file says ``"heldout": true`` were
annotated before the finder was ever run on them; their figures are reported
separately because the rules were tuned on the others.

Source names are scored on matched pairs only: a suggested source name matches
a gold one when their normalised forms are equal, when they resolve to the
same gazetteer record ("AP" and "Associated Press"), or when rapidfuzz
token-set similarity of the normalised names is at least 90 ("two local
officials" vs "local officials"). Order is not scored.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from factcheck.extraction import (  # noqa: E402
    CLAIM_KINDS,
    clean_html,
    clean_text,
    lookup_gazetteer,
    normalise_name,
    suggest_claims,
)

CORPUS = ROOT / "tests" / "data" / "articles"


def load_corpus() -> list[tuple[str, str, dict]]:
    """(file name, cleaned body, gold document) for each annotated article."""
    items = []
    for gold_path in sorted(CORPUS.glob("*.expected.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = (CORPUS / gold["file"]).read_text(encoding="utf-8")
        article = clean_html(raw) if gold["file"].endswith(".html") else clean_text(raw)
        items.append((gold["file"], article.body, gold))
    return items


def overlap_ok(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap score in 0..1, or 0 when the spans do not overlap substantially."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    short, long_ = sorted((a[1] - a[0], b[1] - b[0]))
    if inter < 0.5 * short or inter < 0.25 * long_:
        return 0.0
    return inter / long_


def same_source(a: str, b: str) -> bool:
    na, nb = normalise_name(a), normalise_name(b)
    if na == nb:
        return True
    ga, gb = lookup_gazetteer(a), lookup_gazetteer(b)
    if ga is not None and ga is gb:
        return True
    return fuzz.token_set_ratio(na, nb) >= 90


def match(gold: list[dict], body: str, suggested: list) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        start = body.find(g["quote"])
        span = (start, start + len(g["quote"]))
        for si, s in enumerate(suggested):
            if s.kind == g["kind"]:
                score = overlap_ok(span, (s.start, s.end))
                if score > 0:
                    pairs.append((score, gi, si))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    result = []
    for _score, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            result.append((gi, si))
    return result


def ratio(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "    - "


class Tally:
    """Counts for one group of articles."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.gold: Counter[str] = Counter()
        self.sugg: Counter[str] = Counter()
        self.src_tp = self.src_gold = self.src_sugg = 0

    def add(self, gold: list[dict], suggested: list, pairs: list[tuple[int, int]]) -> None:
        self.gold.update(g["kind"] for g in gold)
        self.sugg.update(s.kind for s in suggested)
        self.tp.update(gold[gi]["kind"] for gi, _ in pairs)
        for gi, si in pairs:
            gold_names = gold[gi]["sources"]
            sugg_names = [s.name for s in suggested[si].sources]
            self.src_gold += len(gold_names)
            self.src_sugg += len(sugg_names)
            self.src_tp += sum(any(same_source(g, s) for s in sugg_names) for g in gold_names)

    def print(self, title: str) -> None:
        print(f"\n{title}")
        print(f"{'kind':18} {'gold':>5} {'sugg':>5} {'match':>5} {'precision':>9} {'recall':>7}")
        for kind in CLAIM_KINDS:
            tp, g, s = self.tp[kind], self.gold[kind], self.sugg[kind]
            print(f"{kind:18} {g:5} {s:5} {tp:5} {ratio(tp, s):>9} {ratio(tp, g):>7}")
        tp, g, s = sum(self.tp.values()), sum(self.gold.values()), sum(self.sugg.values())
        print(f"{'all claims':18} {g:5} {s:5} {tp:5} {ratio(tp, s):>9} {ratio(tp, g):>7}")
        print(
            f"{'source names':18} {self.src_gold:5} {self.src_sugg:5} {self.src_tp:5} "
            f"{ratio(self.src_tp, self.src_sugg):>9} {ratio(self.src_tp, self.src_gold):>7}"
        )


def main(verbose: bool = False) -> None:
    groups = {"tuned": Tally(), "held-out": Tally(), "all": Tally()}
    for name, body, doc in load_corpus():
        gold = doc["claims"]
        suggested = suggest_claims(body)
        pairs = match(gold, body, suggested)
        group = "held-out" if doc.get("heldout") else "tuned"
        groups[group].add(gold, suggested, pairs)
        groups["all"].add(gold, suggested, pairs)
        if verbose:
            report_misses(name, body, gold, suggested, pairs)
    groups["tuned"].print("Articles used while developing the rules (optimistic):")
    groups["held-out"].print("Held-out articles (annotated before the finder was run on them):")
    groups["all"].print("All annotated articles:")


def report_misses(
    name: str, body: str, gold: list[dict], suggested: list, pairs: list[tuple[int, int]]
) -> None:
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            print(f"  [{name}] MISSED {g['kind']:16} {g['quote'][:80]!r}")
    for si, s in enumerate(suggested):
        if si not in matched_s:
            print(f"  [{name}] EXTRA  {s.kind:16} {s.text[:80]!r}")
    for gi, si in pairs:
        gold_names = gold[gi]["sources"]
        sugg_names = [s.name for s in suggested[si].sources]
        if not all(any(same_source(g, s) for s in sugg_names) for g in gold_names) or len(
            sugg_names
        ) != len(gold_names):
            print(f"  [{name}] SOURCES {sugg_names} vs gold {gold_names}")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:])
