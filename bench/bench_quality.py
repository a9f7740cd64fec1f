"""Quality of claim suggestions: real news pages first, then the written test articles.

Run from the repository root: ``python bench/bench_quality.py`` (``-v`` lists
misses, false alarms and wrong sources). Prints figures only; asserts nothing.

Real pages (``bench/corpus``, see its README): each page present in
``pages/`` is imported with ``clean_text`` as the app imports pasted text, and
``suggest_claims`` runs on the body (with the page's outlet and title when the
finder takes them). Dev and held-out pages are reported apart.

Matching. A suggestion matches a gold claim when their spans overlap
substantially: the overlap covers at least half of the shorter span and at
least a quarter of the longer one (so "about 60%" matches a gold "60%", but a
number phrase never matches a whole sentence). Kinds need not agree to
match; pairs of the same kind are preferred. Matching is one-to-one and
greedy. Then:

- claim recall: matched required gold claims / required gold claims;
- precision: suggestions matching any gold claim (optional ones included),
  or repeating a matched one where the page repeats its words / suggestions;
- kind right: matched pairs whose kinds agree / matched pairs;
- source right: matched pairs with a gold chain whose suggested chain has the
  same length and whose links match one to one (equal normalised names, the
  same gazetteer record, or rapidfuzz token-set similarity >= 90; an
  anonymous gold link "~officials" matches a source flagged ``unnamed`` that
  shares a word with it) / matched pairs with a gold chain;
- first source right: of the same pairs, those whose first suggested link
  matches the first gold link (whom the checker asks first), relays and
  affiliations aside;
- furniture: suggestions overlapping a line the annotation calls furniture;
- time: milliseconds of CPU time (``time.process_time``, so other work on a
  shared machine does not count) to suggest claims in 1,500 words of these
  pages, median of five runs after one warm-up.
"""

from __future__ import annotations

import inspect
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
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
from factcheck.extraction.cleaning import repair_mojibake  # noqa: E402

CORPUS = ROOT / "bench" / "corpus"
ARTICLES = ROOT / "tests" / "data" / "articles"
KINDS = {"A": "attribution", "S": "statistic", "Q": "quote", "C": "characterization", "E": "event"}
_FINDER_PARAMS = set(inspect.signature(suggest_claims).parameters)


# --------------------------------------------------------------------------
# gold


@dataclass
class Link:
    names: list[str]  # acceptable names; "~" prefix: anonymous or vague
    # "officials" and "~officials" are different promises: the second must be flagged


@dataclass
class Gold:
    kind: str
    quote: str
    chain: list[Link]
    optional: bool
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Page:
    name: str
    split: str
    body: str
    title: str
    outlet: str | None
    gold: list[Gold]
    furniture: list[str]
    batch: str = ""
    byline: str = ""


def parse_annotation(text: str) -> tuple[list[Gold], list[str]]:
    gold, furniture = [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("furniture:"):
            furniture = [f.strip() for f in line.split(":", 1)[1].split(" | ") if f.strip()]
            continue
        parts = line.split("|")
        head, sources = parts[0].strip(), parts[-1].strip()
        quote = "|".join(parts[1:-1]).strip()
        chain = [Link([n.strip() for n in link.split(" / ")]) for link in sources.split(" > ")]
        gold.append(
            Gold(KINDS[head.rstrip("?")], quote, [c for c in chain if c.names[0]], "?" in head)
        )
    return gold, furniture


def find_all(body: str, quote: str) -> list[tuple[int, int]]:
    """Every place the quote stands in the body, whitespace forgiven."""
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, body)]


def load_pages() -> tuple[list[Page], int]:
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    pages = []
    for entry in manifest:
        path = CORPUS / "pages" / f"{entry['id']}.txt"
        annotation = CORPUS / "annotations" / f"{entry['id']}.txt"
        if not path.exists() or not annotation.exists():
            continue
        article = clean_text(path.read_text(encoding="utf-8"))
        # the annotations quote the page as stored: its mojibake is read as the import reads it
        annotated = repair_mojibake(annotation.read_text(encoding="utf-8"))
        gold, furniture = parse_annotation(annotated)
        for g in gold:
            g.spans = find_all(article.body, g.quote)
        pages.append(
            Page(
                entry["id"],
                entry["split"],
                article.body,
                article.title,
                entry["outlet"],
                gold,
                furniture,
                entry.get("batch", ""),
                article.byline,
            )
        )
    return pages, len(manifest)


def load_articles() -> list[Page]:
    """The articles written for the unit tests (tests/data/articles)."""
    pages = []
    for gold_path in sorted(ARTICLES.glob("*.expected.json")):
        doc = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = (ARTICLES / doc["file"]).read_text(encoding="utf-8")
        article = clean_html(raw) if doc["file"].endswith(".html") else clean_text(raw)
        gold = [
            Gold(c["kind"], c["quote"], [Link([s]) for s in c["sources"]], False)
            for c in doc["claims"]
        ]
        for g in gold:
            g.spans = find_all(article.body, g.quote)[:1]
        split = "heldout" if doc.get("heldout") else "dev"
        pages.append(Page(doc["file"], split, article.body, article.title, None, gold, []))
    return pages


def suggest(page: Page) -> list:
    extra = {}
    if "outlet" in _FINDER_PARAMS and page.outlet:
        # the publication's name as the app knows it; the manifest's bracket is a note
        extra["outlet"] = re.sub(r"\s*\([^)]*\)$", "", page.outlet)
    if "title" in _FINDER_PARAMS:
        extra["title"] = page.title
    if "byline" in _FINDER_PARAMS and page.byline:
        extra["byline"] = page.byline
    return suggest_claims(page.body, **extra)


# --------------------------------------------------------------------------
# scoring


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap score in 0..1, or 0 when the spans do not overlap substantially."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    short, long_ = sorted((a[1] - a[0], b[1] - b[0]))
    if inter < 0.5 * short or inter < 0.25 * long_:
        return 0.0
    return inter / long_


def match(gold: list[Gold], suggested: list) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(suggested):
            score = max((overlap(span, (s.start, s.end)) for span in g.spans), default=0.0)
            if score > 0:
                pairs.append((s.kind == g.kind, score, gi, si))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    result = []
    for _same, _score, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            result.append((gi, si))
    return result


def same_name(a: str, b: str) -> bool:
    na, nb = normalise_name(a), normalise_name(b)
    if na == nb:
        return True
    ga, gb = lookup_gazetteer(a), lookup_gazetteer(b)
    if ga is not None and ga is gb:
        return True
    return fuzz.token_set_ratio(na, nb) >= 90


_SMALL = frozenset({"a", "an", "the", "of", "in", "for", "to", "from", "and"})


def link_matches(link: Link, source) -> bool:
    unnamed = bool(getattr(source, "unnamed", False))
    for name in link.names:
        if name.startswith("~"):
            words = set(normalise_name(name[1:]).split()) - _SMALL
            if unnamed and words & set(normalise_name(source.name).split()):
                return True
        elif not unnamed and same_name(name, source.name):
            return True
    return False


def chain_right(chain: list[Link], sources: list) -> bool:
    if len(chain) != len(sources):
        return False
    free = list(sources)
    for link in chain:
        hit = next((s for s in free if link_matches(link, s)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


class Tally:
    """Counts for one group of pages."""

    def __init__(self) -> None:
        self.pages = 0
        self.gold: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.sugg: Counter[str] = Counter()
        self.useful: Counter[str] = Counter()
        self.pairs = self.kind_right = 0
        self.chains = self.chains_right = self.first_right = 0
        self.furniture = 0

    def add(self, page: Page, suggested: list, pairs: list[tuple[int, int]]) -> None:
        self.pages += 1
        self.gold.update(g.kind for g in page.gold if not g.optional)
        self.sugg.update(s.kind for s in suggested)
        for si in repeats(page.gold, suggested, pairs):
            self.useful[suggested[si].kind] += 1
        for gi, si in pairs:
            g, s = page.gold[gi], suggested[si]
            self.useful[s.kind] += 1
            if not g.optional:
                self.found[g.kind] += 1
            self.pairs += 1
            self.kind_right += g.kind == s.kind
            if g.chain:
                self.chains += 1
                self.chains_right += chain_right(g.chain, s.sources)
                self.first_right += bool(s.sources) and link_matches(g.chain[0], s.sources[0])
        self.furniture += len(from_furniture(page, suggested))

    def print(self, title: str) -> None:
        print(f"\n{title} ({self.pages} pages)")
        print(f"{'kind':18} {'gold':>5} {'sugg':>5} {'found':>5} {'precision':>9} {'recall':>7}")
        for kind in CLAIM_KINDS:
            print(
                f"{kind:18} {self.gold[kind]:5} {self.sugg[kind]:5} {self.found[kind]:5} "
                f"{ratio(self.useful[kind], self.sugg[kind]):>9} "
                f"{ratio(self.found[kind], self.gold[kind]):>7}"
            )
        g, s = sum(self.gold.values()), sum(self.sugg.values())
        found, useful = sum(self.found.values()), sum(self.useful.values())
        print(f"{'all claims':18} {g:5} {s:5} {found:5} {ratio(useful, s):>9} {ratio(found, g):>7}")
        print(f"kind right   {ratio(self.kind_right, self.pairs)} of {self.pairs} matched")
        right = ratio(self.chains_right, self.chains)
        print(f"source right {right} of {self.chains} with a source (whole chain)")
        print(f"first source {ratio(self.first_right, self.chains)} right")
        print(f"from page furniture: {self.furniture} suggestions")


def repeats(gold: list[Gold], suggested: list, pairs: list[tuple[int, int]]) -> list[int]:
    """Unmatched suggestions on a second copy of a matched claim's words (a repeated lede)."""
    matched_s = {si for _, si in pairs}
    matched_g = [gold[gi] for gi, _ in pairs]
    return [
        si
        for si, s in enumerate(suggested)
        if si not in matched_s
        and any(
            len(g.spans) > 1 and any(overlap(span, (s.start, s.end)) for span in g.spans)
            for g in matched_g
        )
    ]


def ratio(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "    - "


def from_furniture(page: Page, suggested: list) -> list:
    spans = [span for text in page.furniture for span in find_all(page.body, text)]
    return [s for s in suggested if any(s.start < b and a < s.end for a, b in spans)]


def report(pages: list[Page], verbose: bool) -> dict[str, Tally]:
    groups = {
        "dev": Tally(),
        "heldout": Tally(),
        "dev-first": Tally(),
        "dev-added": Tally(),
        "heldout-first": Tally(),
    }
    for page in pages:
        suggested = suggest(page)
        pairs = match(page.gold, suggested)
        groups[page.split].add(page, suggested, pairs)
        if page.batch:  # each later batch apart too: did the rules generalise to it?
            groups.setdefault(f"{page.split} batch {page.batch}", Tally()).add(
                page, suggested, pairs
            )
        if page.split == "dev":
            groups["dev-added" if page.batch else "dev-first"].add(page, suggested, pairs)
        elif not page.batch:
            groups["heldout-first"].add(page, suggested, pairs)
        # the held-out pages' misses are never printed: nobody tunes on them
        if verbose and page.split == "dev":
            report_misses(page, suggested, pairs)
    return groups


def report_misses(page: Page, suggested: list, pairs: list[tuple[int, int]]) -> None:
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs} | set(repeats(page.gold, suggested, pairs))
    for gi, g in enumerate(page.gold):
        if gi not in matched_g and not g.optional:
            where = "" if g.spans else " (not in the cleaned body)"
            print(f"  [{page.name}] MISSED {g.kind:16} {g.quote[:90]!r}{where}")
    for si, s in enumerate(suggested):
        if si not in matched_s:
            print(f"  [{page.name}] EXTRA  {s.kind:16} {s.text[:90]!r}")
    for gi, si in pairs:
        g, s = page.gold[gi], suggested[si]
        if g.kind != s.kind:
            print(f"  [{page.name}] KIND   {s.kind} for {g.kind}: {g.quote[:70]!r}")
        if g.chain and not chain_right(g.chain, s.sources):
            names = [("~" if getattr(x, "unnamed", False) else "") + x.name for x in s.sources]
            want = [" / ".join(link.names) for link in g.chain]
            print(f"  [{page.name}] SOURCE {names} for {want}: {g.quote[:50]!r}")


def time_1500_words(pages: list[Page]) -> float | None:
    words: list[str] = []
    paragraphs = []
    for page in pages:
        for paragraph in page.body.split("\n\n"):
            paragraphs.append(paragraph)
            words.extend(paragraph.split())
            if len(words) >= 1500:
                break
        if len(words) >= 1500:
            break
    if len(words) < 1500:
        return None
    text = "\n\n".join(paragraphs)
    suggest_claims(text)
    runs = []
    for _ in range(5):
        began = time.process_time()
        suggest_claims(text)
        runs.append((time.process_time() - began) * 1000)
    return statistics.median(runs)


def main(verbose: bool = False, dev_only: bool = False) -> None:
    pages, listed = load_pages()
    if dev_only:  # while working on the rules: the held-out figures are not even printed
        pages = [p for p in pages if p.split == "dev"]
    print(f"Real news pages: {len(pages)} of {listed} present in bench/corpus/pages")
    if pages:
        groups = report(pages, verbose)
        groups["dev"].print("Dev pages (the rules were tuned on these)")
        if groups["dev-added"].pages:
            groups["dev-first"].print("  of which the first batch")
            groups["dev-added"].print("  of which added later (annotated before the finder ran)")
            for name in sorted(g for g in groups if g.startswith("dev batch ")):
                groups[name].print(f"    of which {name.removeprefix('dev ')}")
        if not dev_only:
            groups["heldout"].print("Held-out pages (never tuned on)")
            later = sorted(g for g in groups if g.startswith("heldout batch "))
            if later:  # the first batch's frozen third, and batches frozen since
                groups["heldout-first"].print("  of which the first batch's third")
                for name in later:
                    groups[name].print(f"  of which {name.removeprefix('heldout ')}")
        ms = time_1500_words(pages)
        if ms is not None:
            print(f"\nsuggest_claims on 1,500 words of these pages: {ms:.0f} ms CPU (median of 5)")
    articles = report(load_articles(), verbose)
    articles["dev"].print("Test articles written for the unit tests")
    articles["heldout"].print("Test articles held out")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:], dev_only="--dev" in sys.argv[1:])
