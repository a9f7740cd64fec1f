"""Speed and memory of suggest_claims on a ~1,500-word article.

Run from the repository root: ``python bench/bench_suggest.py [runs]``.
The article is built from the cleaned bodies of the test corpus
(tests/data/articles), repeated until it reaches 1,500 words. One warm-up run
(it builds the pysbd segmenter and fills caches), then N timed runs; prints the
median and p95 wall time and the peak memory of one run under tracemalloc.
Also times the import step (clean_text / clean_html) for the whole corpus.
Prints figures only; asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.extraction import clean_html, clean_text, suggest_claims  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "articles"
TARGET_WORDS = 1500


def corpus_bodies() -> list[str]:
    bodies = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix == ".txt":
            bodies.append(clean_text(path.read_text(encoding="utf-8")).body)
        elif path.suffix == ".html":
            bodies.append(clean_html(path.read_text(encoding="utf-8")).body)
    return bodies


def build_article(bodies: list[str], words: int = TARGET_WORDS) -> str:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        for body in bodies:
            for paragraph in body.split("\n\n"):
                paragraphs.append(paragraph)
                count += len(paragraph.split())
                if count >= words:
                    return "\n\n".join(paragraphs)
    return "\n\n".join(paragraphs)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def main(runs: int = 50) -> None:
    started = time.perf_counter()
    bodies = corpus_bodies()
    import_ms = (time.perf_counter() - started) * 1000
    article = build_article(bodies)
    words = len(article.split())

    suggest_claims(article)  # warm-up
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        claims = suggest_claims(article)
        timings.append((time.perf_counter() - started) * 1000)

    tracemalloc.start()
    suggest_claims(article)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"article: {words} words, {len(article)} chars, {len(claims)} claims suggested")
    print(f"import of {len(bodies)} corpus files (first call, cold): {import_ms:.1f} ms")
    print(
        f"suggest_claims over {runs} runs: median {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 95):.1f} ms, min {min(timings):.1f} ms, "
        f"max {max(timings):.1f} ms"
    )
    print(f"peak traced memory during one run: {peak / 1024:.0f} KiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
