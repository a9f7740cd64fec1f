"""Pure-Python text layer: article cleaning, sentence splitting, source and claim finding.

No database and no Flask here, so everything can be used from services, the
CLI and benchmarks alike.
"""

from factcheck.extraction.cleaning import ImportedArticle, clean_html, clean_text
from factcheck.extraction.sentences import split_sentences
from factcheck.extraction.sources import (
    GAZETTEER,
    SOURCE_KINDS,
    KnownSource,
    lookup_gazetteer,
    normalise_name,
    resolve_source,
)

__all__ = [
    "GAZETTEER",
    "SOURCE_KINDS",
    "ImportedArticle",
    "KnownSource",
    "clean_html",
    "clean_text",
    "lookup_gazetteer",
    "normalise_name",
    "resolve_source",
    "split_sentences",
]
