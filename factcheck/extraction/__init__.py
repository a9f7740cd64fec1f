"""Pure-Python text layer: article cleaning, sentence splitting, source and claim finding.

No database and no Flask here, so everything can be used from services, the
CLI and benchmarks alike.
"""

from factcheck.extraction.claims import (
    CLAIM_KINDS,
    SuggestedClaim,
    SuggestedSource,
    suggest_claims,
)
from factcheck.extraction.cleaning import (
    ImportedArticle,
    RemovedLine,
    clean_html,
    clean_text,
    restore_lines,
)
from factcheck.extraction.sentences import split_sentences
from factcheck.extraction.sources import (
    GAZETTEER,
    SOURCE_KINDS,
    KnownSource,
    SourceIndex,
    lookup_gazetteer,
    normalise_name,
    resolve_source,
)

__all__ = [
    "CLAIM_KINDS",
    "GAZETTEER",
    "SOURCE_KINDS",
    "ImportedArticle",
    "KnownSource",
    "RemovedLine",
    "SourceIndex",
    "SuggestedClaim",
    "SuggestedSource",
    "clean_html",
    "clean_text",
    "lookup_gazetteer",
    "normalise_name",
    "resolve_source",
    "restore_lines",
    "split_sentences",
    "suggest_claims",
]
