"""The board counted by the database: every blocking reason with its exact
text, the needs-resolution rule agreeing in Python and SQL, the workflow's
own rules where the board sees nothing, pagination, and a fixed number of
queries however many articles there are."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from factcheck import workflow
from factcheck.extensions import db
from factcheck.models import Claim, ClaimStatus, RatingLevel, ResolutionKind
from factcheck.models.base import utcnow
from factcheck.services import articles, blockers, board, claims, ratings, verdicts
from factcheck.web import charts
from tests.conftest import login

ALL = 10_000  # rows per board page: every row on one page

# One distinct sentence per claim, so editing one out loses only its quote.
SENTENCES = [
    "Harbour cranes unloaded four hundred containers on Monday.",
    "The mayor promised twelve new buses for the northern routes.",
    "Wheat prices fell by a third since the spring auction.",
    "Two bridges over the canal were closed for repairs in May.",
    "The museum counted nine thousand visitors during the festival.",
    "A court fined the utility for polluting the river twice.",
    "Teachers voted to strike after pay talks collapsed in June.",
    "The airport expects record passenger numbers this winter.",
    "Hospital waiting lists grew for the sixth month running.",
    "Police recovered stolen paintings from a warehouse near Leeds.",
    "Solar panels now cover half the roofs in the old quarter.",
    "The orchestra cancelled its tour because of rising costs.",
    "Fishermen reported the smallest cod catch in forty years.",
]
BODY = "\n\n".join(SENTENCES)


def quote(i: int) -> str:
    return SENTENCES[i].rstrip(".")


def walk(make, article, i, editor, checker, status, due=None, rating="accurate"):
    """A claim on sentence ``i`` walked to ``status``, optionally with a due date."""
    return make.claim(
        article,
        quote=quote(i),
        status=status,
        editor=editor,
        assignee=checker,
        rating=rating,
        due_at=due,
    )


def reasons(article):
    return [(b.kind, b.text) for b in blockers.blockers_of(article)]


def test_every_blocking_reason_in_order_with_plural_texts(make, editor, checker):
    now = utcnow()
    article = make.article(editor, body=BODY, title="Everything at once")
    late = now - timedelta(hours=2)
    for i in (0, 1):
        walk(make, article, i, editor, checker, ClaimStatus.OPEN)
    walk(make, article, 2, editor, checker, ClaimStatus.ASSIGNED, due=late)
    walk(make, article, 3, editor, checker, ClaimStatus.RESEARCHING, due=late)
    walk(make, article, 4, editor, checker, ClaimStatus.RESEARCHING)
    walk(make, article, 5, editor, checker, ClaimStatus.RETURNED, due=now + timedelta(days=2))
    for i in (6, 7):
        walk(make, article, i, editor, checker, ClaimStatus.IN_REVIEW)
    for i in (8, 9):
        walk(make, article, i, editor, checker, ClaimStatus.APPROVED, rating="inaccurate")
    walk(make, article, 10, editor, checker, ClaimStatus.APPROVED)
    # Withdrawn claims count for nothing, however late.
    withdrawn = walk(make, article, 11, editor, checker, ClaimStatus.ASSIGNED, due=late)
    claims.move_claim(withdrawn, "withdraw", editor)
    # The two open claims lose their quote: they stay open (no checker yet).
    articles.edit_article(article, editor, None, body="\n\n".join(SENTENCES[2:]))
    db.session.flush()

    assert reasons(article) == [
        ("unassigned", "2 claims unassigned"),
        ("overdue", "2 claims overdue"),
        ("in_research", "2 claims in research"),
        ("awaiting_review", "2 verdicts awaiting review"),
        ("missing_resolution", "2 resolutions missing"),
        ("anchor_lost", "2 quotes no longer in the text"),
    ]
    (row,) = board.board_page(board.BoardFilters(), per_page=ALL).rows
    assert row.total == 11
    assert (
        charts.claim_bar(row.counts).label
        == "3 approved, 2 in review, 2 researching, 1 assigned, 1 returned, 2 open"
    )
    assert row.checkers == ["Sam Checker"]


def test_singular_texts_and_late_work_wherever_it_waits(make, editor, checker):
    now = utcnow()
    late = now - timedelta(minutes=5)
    returned = make.article(editor, body=BODY, title="Returned late")
    walk(make, returned, 0, editor, checker, ClaimStatus.RETURNED, due=late)
    # Late but with the reviewer: overdue and awaiting review both.
    reviewing = make.article(editor, body=BODY, title="Review late")
    walk(make, reviewing, 0, editor, checker, ClaimStatus.IN_REVIEW, due=late)
    resolved = make.article(editor, body=BODY, title="One of each")
    claim = walk(make, resolved, 0, editor, checker, ClaimStatus.APPROVED, rating="misleading")
    walk(make, resolved, 1, editor, checker, ClaimStatus.APPROVED, rating="unverifiable")
    verdicts.resolve_claim(claim, editor, ResolutionKind.CONTEXT_ADDED, "Added the caveat.")
    db.session.flush()

    assert reasons(returned) == [("overdue", "1 claim overdue")]
    assert reasons(reviewing) == [
        ("overdue", "1 claim overdue"),
        ("awaiting_review", "1 verdict awaiting review"),
    ]
    assert reasons(resolved) == [("missing_resolution", "1 resolution missing")]
    everything = blockers.blockers_for([a.id for a in (returned, reviewing, resolved)])
    assert {a.id: blockers.blockers_of(a) for a in (returned, reviewing, resolved)} == everything


def needing_resolution_in_sql() -> set[int]:
    return set(db.session.scalars(sa.select(Claim.id).where(Claim.needs_resolution)))


def needing_resolution_in_python() -> set[int]:
    db.session.expire_all()
    return {c.id for c in db.session.scalars(sa.select(Claim)) if c.needs_resolution}


def test_needs_resolution_means_the_same_in_python_and_sql(make, editor, manager, checker):
    """One rule, written for a loaded claim and as SQL side by side on the
    model: the two must pick the same claims in every case."""
    article = make.article(editor, body=BODY)
    cases = {
        "open": walk(make, article, 0, editor, checker, ClaimStatus.OPEN),
        "proposed inaccurate": walk(
            make, article, 1, editor, checker, ClaimStatus.IN_REVIEW, rating="inaccurate"
        ),
        "returned inaccurate": walk(
            make, article, 2, editor, checker, ClaimStatus.RETURNED, rating="inaccurate"
        ),
        "approved accurate": walk(make, article, 3, editor, checker, ClaimStatus.APPROVED),
        "approved inaccurate": walk(
            make, article, 4, editor, checker, ClaimStatus.APPROVED, rating="inaccurate"
        ),
        "resolved": walk(
            make, article, 5, editor, checker, ClaimStatus.APPROVED, rating="misleading"
        ),
        "re-approved after resolution": walk(
            make, article, 6, editor, checker, ClaimStatus.APPROVED, rating="inaccurate"
        ),
        "re-opened unresolved": walk(
            make, article, 7, editor, checker, ClaimStatus.APPROVED, rating="inaccurate"
        ),
        "re-approved accurate": walk(
            make, article, 8, editor, checker, ClaimStatus.APPROVED, rating="inaccurate"
        ),
        "level no longer needs one": walk(
            make, article, 9, editor, checker, ClaimStatus.APPROVED, rating="needs_context"
        ),
    }
    verdicts.resolve_claim(cases["resolved"], editor, ResolutionKind.CORRECTED, "Fixed.")
    again = cases["re-approved after resolution"]
    verdicts.resolve_claim(again, editor, ResolutionKind.CORRECTED, "Fixed.")
    claims.move_claim(again, "reopen", editor)
    verdicts.propose_verdict(again, checker, None, rating="misleading", rationale="New facts.")
    verdicts.approve_verdict(again, editor, None)
    claims.move_claim(cases["re-opened unresolved"], "reopen", editor)
    fixed = cases["re-approved accurate"]
    claims.move_claim(fixed, "reopen", editor)
    verdicts.propose_verdict(fixed, checker, None, rating="accurate", rationale="Corrected.")
    verdicts.approve_verdict(fixed, editor, None)
    db.session.flush()

    expected = {
        cases[name].id
        for name in ("approved inaccurate", "re-approved after resolution", "re-opened unresolved")
    }
    assert needing_resolution_in_sql() == needing_resolution_in_python() == expected

    # The scale is data: a level that starts needing resolutions changes both.
    level = db.session.scalar(sa.select(RatingLevel).where(RatingLevel.slug == "needs_context"))
    ratings.update_level(level, manager, needs_resolution=True)
    db.session.flush()
    expected.add(cases["level no longer needs one"].id)
    assert needing_resolution_in_sql() == needing_resolution_in_python() == expected
    ratings.update_level(level, manager, needs_resolution=False)
    db.session.flush()
    expected.discard(cases["level no longer needs one"].id)
    assert needing_resolution_in_sql() == needing_resolution_in_python() == expected


def test_the_workflow_signs_off_exactly_when_the_board_sees_nothing(make, editor, manager, checker):
    """One definition: the sign-off precondition is the board's blockers,
    in the board's words, and nothing else."""
    done = make.article(editor, body=BODY, title="Checked through")
    walk(make, done, 0, editor, checker, ClaimStatus.APPROVED)
    busy = make.article(editor, body=BODY, title="Still busy")
    walk(make, busy, 0, editor, checker, ClaimStatus.IN_REVIEW)
    walk(make, busy, 1, editor, checker, ClaimStatus.APPROVED, rating="inaccurate")
    db.session.flush()

    assert blockers.blockers_of(done) == []
    assert workflow.can(editor, "mark_ready", done)
    assert reasons(busy) == [
        ("awaiting_review", "1 verdict awaiting review"),
        ("missing_resolution", "1 resolution missing"),
    ]
    with pytest.raises(workflow.InvalidTransition) as refused:
        workflow.apply(busy, "mark_ready", editor)
    assert str(refused.value) == "1 verdict awaiting review; 1 resolution missing."
    options = {o.action: o for o in workflow.available_actions(busy, editor)}
    assert options["mark_ready"].blocked == "1 verdict awaiting review; 1 resolution missing."
    # Withdrawn claims are no claims at all.
    empty = make.article(editor, body=BODY, title="Cut")
    walk(make, empty, 0, editor, checker, ClaimStatus.WITHDRAWN)
    db.session.flush()
    assert reasons(empty) == [("no_claims", "No claims marked yet")]
    rows = {r.article.title: r for r in board.board_page(board.BoardFilters(), per_page=ALL).rows}
    assert rows["Checked through"].blockers == []
    assert [b.kind for b in rows["Still busy"].blockers] == [
        "awaiting_review",
        "missing_resolution",
    ]


def test_only_managers_sign_off(make, editor, manager, checker):
    article = make.article(editor, body=BODY)
    walk(make, article, 0, editor, checker, ClaimStatus.APPROVED)
    articles.transition(article, "mark_ready", editor)
    db.session.flush()
    assert not workflow.can(editor, "sign_off", article)
    assert "sign_off" not in {o.action for o in workflow.available_actions(article, editor)}
    assert workflow.can(manager, "sign_off", article)


def test_board_rows_are_light_and_take_a_fixed_number_of_queries(make, editor, checker):
    """However many articles, the same statements; and the article body is
    never read for the board (only the columns a row shows)."""

    def newsroom(n):
        for k in range(n):
            article = make.article(editor, body=BODY, title=f"Story {k}")
            walk(make, article, 0, editor, checker, ClaimStatus.OPEN)
            walk(make, article, 1, editor, checker, ClaimStatus.IN_REVIEW)
            walk(make, article, 2, editor, checker, ClaimStatus.APPROVED, rating="inaccurate")
        db.session.commit()

    def statements(call):
        seen = []

        def record(_conn, _cursor, statement, *_args):
            seen.append(statement)

        sa.event.listen(db.engine, "before_cursor_execute", record)
        try:
            call()
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", record)
        return seen

    newsroom(2)
    db.session.expire_all()
    few = statements(lambda: board.board_page(board.BoardFilters(), per_page=ALL).rows)
    few_page = statements(lambda: board.board_page(board.BoardFilters()))
    newsroom(5)
    db.session.expire_all()
    many = statements(lambda: board.board_page(board.BoardFilters(), per_page=ALL).rows)
    many_page = statements(lambda: board.board_page(board.BoardFilters()))
    assert len(few) == len(many) and len(few_page) == len(many_page)
    assert not any("articles.body" in s for s in many + many_page)
    assert len(board.board_page(board.BoardFilters(), per_page=ALL).rows) == 7


@pytest.fixture
def five_stories(make, editor):
    now = utcnow()
    stories = []
    for k, desk in enumerate(["World", "Metro", "World", "Metro", "World"]):
        stories.append(
            make.article(
                editor,
                title=f"Story {k}",
                desk=desk,
                deadline=now + timedelta(hours=k + 1),
            )
        )
    db.session.commit()
    return stories


def shown(client, **params):
    """The story titles on the page, in the order shown, and the page."""
    page = client.get("/board", query_string=params).get_data(as_text=True)
    found = [(page.find(f">Story {k}</a>"), f"Story {k}") for k in range(5)]
    return [title for _, title in sorted(f for f in found if f[0] >= 0)], page


def test_board_pages_keep_deadline_order_and_filters(app, editor, five_stories, monkeypatch):
    monkeypatch.setattr(board, "PER_PAGE", 2)
    client = login(app, editor)
    titles, page = shown(client)
    assert titles == ["Story 0", "Story 1"]
    assert "Unpublished articles (5)" in page and "Showing 1–2 of 5" in page
    assert "Page 1 of 3" in page and 'rel="next"' in page and 'rel="prev"' not in page
    assert shown(client, page=2)[0] == ["Story 2", "Story 3"]
    last_titles, last = shown(client, page=3)
    assert last_titles == ["Story 4"] and 'rel="next"' not in last and "Showing 5–5 of 5" in last
    # Past the end shows the last page; nonsense shows the first.
    assert shown(client, page=99)[0] == ["Story 4"]
    assert shown(client, page="x")[0] == ["Story 0", "Story 1"]

    world, page = shown(client, desk="World", sort="newest")
    assert world == ["Story 4", "Story 2"] and "Unpublished articles (3)" in page
    assert "newest first" in page
    assert 'href="/board?page=2&amp;desk=World&amp;sort=newest"' in page
    assert shown(client, desk="World", sort="newest", page=2)[0] == ["Story 0"]


def test_one_page_needs_no_pager(editor_client, five_stories):
    titles, page = shown(editor_client)
    assert titles == [f"Story {k}" for k in range(5)]
    assert "Unpublished articles (5)" in page
    assert 'class="pager"' not in page and "Showing" not in page


def test_board_page_numbers(make, editor, five_stories):
    page = board.board_page(board.BoardFilters(desk="Metro"), 1, per_page=1)
    assert (page.total, page.pages, page.first, page.last) == (2, 2, 1, 1)
    assert page.has_next and not page.has_prev
    assert [r.article.title for r in page.rows] == ["Story 1"]
    empty = board.board_page(board.BoardFilters(desk="Sport"))
    assert (empty.total, empty.pages, empty.first, empty.last, empty.rows) == (0, 1, 0, 0, [])
    assert board.BoardFilters(desk="Metro", sort="newest").as_args() == {
        "desk": "Metro",
        "sort": "newest",
    }
    assert board.BoardFilters().as_args() == {}
