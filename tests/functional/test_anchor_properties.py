"""Random edits of an article body with claims in every state (issue 9).

After every edit, for every claim: approved means its current words are the
words its approved verdict rated; a placed span is whole words, without
white space at its ends, inside one paragraph; a claim whose words changed
has a history line with the old and new words; a claim that was in review
or approved and whose words changed or were lost is no longer either.
Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
"""

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extensions import db
from factcheck.models import AuditEvent, ClaimStatus, Role
from factcheck.services import articles

WORDS = [
    "The", "army", "said", "two", "civilians", "were", "hurt", "Hospital", "officials",
    "treated", "4,100", "9,100", "homes", "U.S.", "American", "regime’s", "Hama", "40",
    "kilometers", "so-called", "3.5%", "fell",
]  # fmt: skip
FIGURES = ["4,100", "9,100", "40", "3.5%", "two", "12"]
STATES = [
    ClaimStatus.OPEN,
    ClaimStatus.ASSIGNED,
    ClaimStatus.RESEARCHING,
    ClaimStatus.IN_REVIEW,
    ClaimStatus.RETURNED,
    ClaimStatus.APPROVED,
    ClaimStatus.WITHDRAWN,
]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)
sentence = words.map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
bodies = st.lists(paragraph, min_size=2, max_size=5)


def inside_word(text: str, at: int) -> bool:
    """The policy's plain reading: a cut between two letters or digits."""
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def word_spans(paragraphs: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every word of the body the paragraphs make."""
    spans, offset = [], 0
    for text in paragraphs:
        at = 0
        for word in text.split(" "):
            spans.append((offset + at, offset + at + len(word)))
            at += len(word) + 1
        offset += len(text) + 2
    return spans


@st.composite
def an_edit(draw, paragraphs: list[str]) -> list[str]:
    """One editor's change: words inserted, deleted or replaced, a figure
    changed, a paragraph moved or duplicated."""
    paragraphs = list(paragraphs)
    kind = draw(
        st.sampled_from(["insert", "delete", "replace", "figure", "move", "duplicate", "split"])
    )
    index = draw(st.integers(0, len(paragraphs) - 1))
    tokens = paragraphs[index].split(" ")
    if kind == "move" and len(paragraphs) > 1:
        moved = paragraphs.pop(index)
        paragraphs.insert(draw(st.integers(0, len(paragraphs))), moved)
    elif kind == "duplicate":
        paragraphs.insert(draw(st.integers(0, len(paragraphs))), paragraphs[index])
    elif kind == "figure":
        spots = [i for i, t in enumerate(tokens) if t.rstrip(".") in FIGURES]
        if spots:
            at = draw(st.sampled_from(spots))
            end = "." if tokens[at].endswith(".") else ""
            tokens[at] = draw(st.sampled_from(FIGURES)) + end
    elif kind == "split" and len(tokens) > 1:
        at = draw(st.integers(1, len(tokens) - 1))
        paragraphs[index : index + 1] = [" ".join(tokens[:at]), " ".join(tokens[at:])]
        return paragraphs
    else:
        at = draw(st.integers(0, len(tokens) - 1))
        size = draw(st.integers(1, 3))
        if kind == "insert":
            tokens[at:at] = draw(words)
        elif kind == "delete" and len(tokens) > size:
            del tokens[at : at + size]
        elif kind == "replace":
            tokens[at : at + size] = draw(words)
    paragraphs[index] = " ".join(tokens)
    return paragraphs


def history_says(claim_id: int, old: str, new: str) -> bool:
    events = db.session.scalars(
        sa.select(AuditEvent).where(
            AuditEvent.claim_id == claim_id, AuditEvent.action == "claim.words_changed"
        )
    )
    return any(e.before["exact"] == old and e.after["exact"] == new for e in events)


def check_every_claim(article, before: dict[int, tuple[str, ClaimStatus, bool]]) -> None:
    body = article.body
    for claim in article.claims:
        old_words, old_status, was_lost = before[claim.id]
        if claim.status is ClaimStatus.APPROVED:
            verdict = claim.approved_verdict
            assert verdict is not None and verdict.rated_text == claim.exact
            assert not claim.anchor_lost
        if claim.status is ClaimStatus.IN_REVIEW:
            assert claim.latest_verdict.rated_text == claim.exact
        if claim.status is ClaimStatus.WITHDRAWN or claim.anchor_lost:
            continue
        start, end = claim.start, claim.end
        assert body[start:end] == claim.exact
        assert claim.exact == claim.exact.strip()
        assert not inside_word(body, start) and not inside_word(body, end), (
            body,
            claim.exact,
        )
        assert "\n\n" not in claim.exact
        if claim.exact != old_words and not was_lost:
            assert history_says(claim.id, old_words, claim.exact)
            assert claim.status not in (ClaimStatus.APPROVED, ClaimStatus.IN_REVIEW) or (
                old_status not in (ClaimStatus.APPROVED, ClaimStatus.IN_REVIEW)
            )


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), paragraphs=bodies)
def test_random_edits_never_leave_a_claim_approved_on_unchecked_words(app, make, data, paragraphs):
    # Each example works in its own transaction, rolled back and forgotten
    # (as a request's session is), so the next starts clean.
    try:
        editor = make.user("Prop Editor", [Role.EDITOR])
        checker = make.user("Prop Checker", [Role.CHECKER])
        article = make.article(editor, body="\n\n".join(paragraphs))
        spans = word_spans(paragraphs)
        for state in STATES:
            first = data.draw(st.integers(0, len(spans) - 1), label="claim start")
            last = data.draw(st.integers(first, min(first + 4, len(spans) - 1)), label="claim end")
            start, end = spans[first][0], spans[last][1]
            if "\n\n" in article.body[start:end]:
                end = article.body.index("\n\n", start)
            make.claim(
                article,
                quote=article.body[start:end].rstrip("."),
                at=start,
                status=state,
                assignee=checker,
                editor=editor,
            )
        for _ in range(data.draw(st.integers(1, 3), label="edits")):
            paragraphs = data.draw(an_edit(paragraphs), label="edit")
            before = {c.id: (c.exact, c.status, c.anchor_lost) for c in article.claims}
            articles.edit_article(article, editor, None, body="\n\n".join(paragraphs))
            assert article.body == "\n\n".join(paragraphs)
            check_every_claim(article, before)
    finally:
        db.session.rollback()
        db.session.expunge_all()
