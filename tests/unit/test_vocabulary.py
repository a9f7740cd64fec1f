"""The claim finder and the models speak one vocabulary: every kind,
priority and source kind the finder (and its built-in list of sources) can
give back is a value the models store, so accepting a suggestion never
meets a word the database refuses."""

from pathlib import Path

import pytest

from factcheck.extraction import CLAIM_KINDS, GAZETTEER, SOURCE_KINDS, clean_text, suggest_claims
from factcheck.extraction.claims import PRIORITIES
from factcheck.models import ClaimKind, Priority, SourceKind

ARTICLES = sorted((Path(__file__).resolve().parents[1] / "data" / "articles").glob("*.txt"))


def test_the_finders_vocabularies_are_the_models():
    assert set(CLAIM_KINDS) == {k.value for k in ClaimKind}
    assert set(PRIORITIES) == {p.value for p in Priority}
    assert set(SOURCE_KINDS) == {k.value for k in SourceKind}
    assert {s.kind for s in GAZETTEER} <= {k.value for k in SourceKind}


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_suggestion_speaks_the_models_words(path):
    suggestions = suggest_claims(clean_text(path.read_text(encoding="utf-8")).body)
    assert suggestions
    # a word outside the models' enums raises ValueError here
    assert all(ClaimKind(s.kind) and Priority(s.priority) for s in suggestions)
    assert all(SourceKind(source.kind) for s in suggestions for source in s.sources)
