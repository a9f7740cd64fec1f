"""Restore the real-page corpus texts from saved search answers, and check them.

The page texts are other people's copyright, so git keeps only their address,
outlet, beat and a SHA-256 digest (``manifest.json``) plus our annotations
(``annotations/ID.txt``). The texts live in ``pages/ID.txt``, which git ignores.

To restore them, run the search tool's ``pages`` corpus with each entry's
``query`` (the manifest keeps it), save each JSON answer to a file, then:

    python bench/corpus/restore.py ANSWER.json [ANSWER.json ...]

Every answer result whose ``url`` is in the manifest is written to
``pages/ID.txt`` when its digest matches (a different text is reported and
skipped). JSON Lines files of ``{"url": ..., "excerpt": ...}`` objects work
too. ``python bench/corpus/restore.py --check`` lists what is present.
The quality bench reports on whatever pages are present.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"
PAGES = HERE / "pages"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_manifest() -> list[dict]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def page_path(entry: dict) -> Path:
    return PAGES / f"{entry['id']}.txt"


def present(entry: dict) -> bool:
    path = page_path(entry)
    return path.exists() and digest(path.read_text(encoding="utf-8")) == entry["sha256"]


def _results(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    try:
        answer = json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if isinstance(answer, dict):  # a search answer, or a JSON Lines file of one record
        return list(answer.get("results", [answer]))
    return list(answer)


def restore(paths: list[Path]) -> int:
    by_url = {entry["url"]: entry for entry in load_manifest()}
    PAGES.mkdir(exist_ok=True)
    written = 0
    for path in paths:
        for result in _results(path):
            entry = by_url.get(result.get("url", ""))
            if entry is None:
                continue
            text = result.get("excerpt", "")
            if digest(text) != entry["sha256"]:
                print(f"{entry['id']}: the stored text differs from the annotated one; skipped")
                continue
            page_path(entry).write_text(text, encoding="utf-8")
            written += 1
    return written


def check() -> None:
    entries = load_manifest()
    missing = [e["id"] for e in entries if not present(e)]
    print(f"{len(entries) - len(missing)} of {len(entries)} pages present")
    if missing:
        print("missing: " + " ".join(missing))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "answers", nargs="*", type=Path, help="saved search answers (JSON or JSON Lines)"
    )
    parser.add_argument("--check", action="store_true", help="only list the pages present")
    args = parser.parse_args(argv)
    unreadable = [str(p) for p in args.answers if not p.is_file()]
    if unreadable:
        parser.error("no such file: " + ", ".join(unreadable))
    if args.answers:
        print(f"{restore(args.answers)} pages written")
    check()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
