"""Reading the finder's suggestions in tests: a claim by kind and words, and
its chain of sources as written in the corpus annotations ("~" for unnamed)."""

from factcheck.extraction import SuggestedClaim, suggest_claims


def story(*paragraphs: str) -> list[SuggestedClaim]:
    """The suggestions for a story given paragraph by paragraph."""
    return suggest_claims("\n\n".join(paragraphs))


def find(claims: list[SuggestedClaim], kind: str, fragment: str) -> SuggestedClaim:
    hits = [c for c in claims if c.kind == kind and fragment in c.text]
    assert hits, f"no {kind} claim containing {fragment!r} in {[c.text for c in claims]}"
    return hits[0]


def names(claim: SuggestedClaim) -> list[str]:
    return [("~" if s.unnamed else "") + s.name for s in claim.sources]


def chain_of(body: str, fragment: str, kind: str = "attribution") -> list[str]:
    """The chain of the ``kind`` claim containing ``fragment`` in ``body``."""
    return names(find(suggest_claims(body), kind, fragment))
