"""The newsroom board: blocking reasons, filters, urgency, workload,
throughput, and the activity page."""

import csv
import io
import json
import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from factcheck.exports import activity_csv
from factcheck.extensions import db
from factcheck.models import ArticleStatus, AuditEvent, ClaimStatus, ResolutionKind, Role
from factcheck.models.base import clock, utcnow
from factcheck.services import activity, articles, blockers, board, claims, verdicts
from factcheck.web import charts
from tests.conftest import login

ALL = 10_000  # rows per board page: every row on one page

QUOTES = (
    "The army said it withdrew from the city to protect civilians.",
    "about 40 kilometers south of Hama",
    "Salaries rose by 50% last week",
)


def assign(make, article, quote, editor, checker, due):
    return make.claim(
        article,
        quote=quote,
        editor=editor,
        assignee=checker,
        status=ClaimStatus.ASSIGNED,
        due_at=due,
    )


def kinds(article):
    return [b.kind for b in blockers.blockers_of(article)]


def test_blocking_reasons_name_who_holds_each_claim(make, editor, checker):
    article = make.article(editor)
    make.claim(article, quote=QUOTES[0], editor=editor)  # open
    assign(make, article, QUOTES[1], editor, checker, utcnow() - timedelta(hours=1))
    make.claim(
        article,
        quote="Salaries rose",
        status=ClaimStatus.IN_REVIEW,
        editor=editor,
        assignee=checker,
    )
    assert kinds(article) == ["unassigned", "overdue", "awaiting_review"]
    texts = [b.text for b in blockers.blockers_of(article)]
    assert texts == ["1 claim unassigned", "1 claim overdue", "1 verdict awaiting review"]


def test_missing_resolution_and_in_research_are_blockers(make, editor, checker):
    article = make.article(editor)
    make.claim(
        article,
        quote=QUOTES[0],
        status=ClaimStatus.APPROVED,
        rating="inaccurate",
        editor=editor,
        assignee=checker,
    )
    make.claim(
        article, quote=QUOTES[1], status=ClaimStatus.RESEARCHING, editor=editor, assignee=checker
    )
    assert kinds(article) == ["in_research", "missing_resolution"]


def test_article_without_claims_and_a_checked_one(make, editor, checker):
    empty = make.article(editor, title="Empty")
    assert kinds(empty) == ["no_claims"]
    done = make.article(editor, title="Done")
    make.claim(done, quote=QUOTES[1], status=ClaimStatus.APPROVED, editor=editor, assignee=checker)
    assert blockers.blockers_of(done) == []


@pytest.fixture
def newsroom(make, editor, manager, checker, other_checker):
    now = utcnow()
    world = make.article(
        editor, title="World late", desk="World", deadline=now - timedelta(hours=2)
    )
    assign(make, world, QUOTES[1], editor, checker, now - timedelta(hours=3))
    metro = make.article(
        editor, title="Metro soon", desk="Metro", deadline=now + timedelta(hours=5)
    )
    assign(make, metro, QUOTES[1], editor, other_checker, now + timedelta(hours=3))
    later = make.article(
        editor, title="Later story", desk="World", deadline=now + timedelta(days=5)
    )
    nodeadline = make.article(editor, title="Someday", desk="Metro")
    published = make.article(editor, title="Old news", desk="World")
    make.claim(
        published, quote=QUOTES[1], status=ClaimStatus.APPROVED, editor=editor, assignee=checker
    )
    for action, actor in (("mark_ready", editor), ("sign_off", manager), ("publish", editor)):
        articles.transition(published, action, actor)
    assert published.status is ArticleStatus.PUBLISHED
    db.session.commit()
    return {"world": world, "metro": metro, "later": later, "none": nodeadline}


def titles(client, **params):
    response = client.get("/board", query_string=params)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    return [
        t for t in ("World late", "Metro soon", "Later story", "Someday", "Old news") if t in page
    ]


def test_board_lists_unpublished_by_deadline(editor_client, newsroom):
    assert titles(editor_client) == ["World late", "Metro soon", "Later story", "Someday"]
    rows = board.board_page(board.BoardFilters(), per_page=ALL).rows
    assert [r.article.title for r in rows] == ["World late", "Metro soon", "Later story", "Someday"]
    newest = board.board_page(board.BoardFilters(sort="newest"), per_page=ALL).rows
    assert newest[0].article.title == "Someday"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"desk": "Metro"}, ["Metro soon", "Someday"]),
        ({"desk": "World"}, ["World late", "Later story"]),
        ({"status": "checking"}, ["World late", "Metro soon"]),
        ({"status": "draft"}, ["Later story", "Someday"]),
        ({"window": "overdue"}, ["World late"]),
        ({"window": "24h"}, ["Metro soon"]),
        ({"window": "week"}, ["Metro soon", "Later story"]),
        ({"window": "none"}, ["Someday"]),
        ({"desk": "World", "window": "overdue"}, ["World late"]),
    ],
)
def test_board_filters(editor_client, newsroom, params, expected):
    assert titles(editor_client, **params) == expected


def test_board_filter_by_checker(editor_client, newsroom, checker, other_checker):
    assert titles(editor_client, checker=checker.id) == ["World late"]
    assert titles(editor_client, checker=other_checker.id) == ["Metro soon"]


def test_board_marks_overdue_and_due_soon_with_words(editor_client, newsroom):
    page = editor_client.get("/board").get_data(as_text=True)
    world = page.split(f'data-article="{newsroom["world"].id}"')[1].split("</tr>")[0]
    metro = page.split(f'data-article="{newsroom["metro"].id}"')[1].split("</tr>")[0]
    later = page.split(f'data-article="{newsroom["later"].id}"')[1].split("</tr>")[0]
    assert "Overdue" in world and "1 claim overdue" in world
    assert "Due within 24 h" in metro and "Overdue" not in metro
    assert "Overdue" not in later and "Due within" not in later
    assert 'class="board-row is-overdue"' in page and 'class="board-row is-due-soon"' in page
    assert "style=" not in page  # the CSP forbids inline styles


def test_claims_bar_counts_by_status(make, editor, checker):
    article = make.article(editor)
    make.claim(article, quote=QUOTES[0], editor=editor)
    make.claim(
        article, quote=QUOTES[1], status=ClaimStatus.APPROVED, editor=editor, assignee=checker
    )
    make.claim(article, quote="Salaries rose", status=ClaimStatus.WITHDRAWN, editor=editor)
    (row,) = board.board_page(board.BoardFilters(), per_page=ALL).rows
    assert row.total == 2
    assert [(s.status, s.count, s.width) for s in charts.claim_bar(row.counts).segments] == [
        (ClaimStatus.APPROVED, 1, 50.0),
        (ClaimStatus.OPEN, 1, 50.0),
    ]
    assert charts.claim_bar(row.counts).label == "1 approved, 1 open"


def test_workload_counts_open_and_overdue(editor_client, newsroom, checker, other_checker):
    loads = {w.checker.id: w for w in board.workload()}
    assert (loads[checker.id].open, loads[checker.id].overdue) == (1, 1)  # published not counted
    assert (loads[other_checker.id].open, loads[other_checker.id].overdue) == (1, 0)
    assert loads[other_checker.id].due_soon == 1
    page = editor_client.get("/board").get_data(as_text=True)
    assert "1 overdue" in page.split(f'data-checker="{checker.id}"')[1].split("</tr>")[0]


def test_approvals_per_day_and_median(make, editor, checker, other_checker):
    """Each claim's round starts at its first assignment (a reassignment
    does not restart it) and ends at the approval; 30 days are counted."""
    now = utcnow()
    start = now - timedelta(days=2)

    def approved_after(hours, begun):
        with clock(begun):
            claim = make.claim(editor=editor, status=ClaimStatus.ASSIGNED, assignee=checker)
        with clock(begun + timedelta(hours=1)):
            claims.assign_claim(claim, editor, other_checker, None)  # a reassignment
        with clock(begun + timedelta(hours=hours)):
            claims.move_claim(claim, "start", other_checker)
            make.evidence(claim, other_checker)
            verdicts.propose_verdict(
                claim, other_checker, None, rating="accurate", rationale="Checked."
            )
            verdicts.approve_verdict(claim, editor, None)
        return claim

    for hours in (2, 4, 10):
        approved_after(hours, start)
    again = approved_after(3, now - timedelta(days=60))  # outside the window
    with clock(now - timedelta(days=1, hours=5)):  # re-opened: a new round
        claims.move_claim(again, "reopen", editor)
    with clock(now - timedelta(days=1)):
        verdicts.propose_verdict(again, other_checker, None, rating="accurate", rationale="Yes.")
        verdicts.approve_verdict(again, editor, None)
    db.session.flush()
    # 2, 4 and 10 hours; the re-opened claim's second round had no
    # assignment (a re-open keeps the checker), so it has no time to count.
    durations = sorted(board.assignment_to_approval(30, now))
    assert durations == [timedelta(hours=h) for h in (2, 4, 10)]
    assert board.median_assignment_to_approval(30, now) == timedelta(hours=4)
    per_day = board.approvals_per_day(30, now)
    assert len(per_day) == 30 and per_day[-1].day == now.date()
    assert sum(d.count for d in per_day) == 4
    chart = charts.approvals_chart(per_day)
    assert chart.total == 4 and chart.peak == max(d.count for d in per_day)
    assert charts.format_duration(timedelta(hours=4)) == "4 h 0 min"


def test_median_through_the_real_workflow(manager_client, make, editor, checker):
    make.claim(editor=editor, status=ClaimStatus.APPROVED, assignee=checker)
    db.session.commit()
    page = manager_client.get("/board").get_data(as_text=True)
    assert "<strong>1</strong> approved" in page
    assert "0 min" in page


def test_board_access(app, make, checker, editor, manager):
    assert login(app, checker).get("/board").status_code == 403
    assert login(app, editor).get("/board").status_code == 200
    assert login(app, manager).get("/board").status_code == 200


def test_activity_for_managers_filtered_by_person_and_action(app, make, editor, manager, checker):
    article = make.article(editor, title="Activity story")
    claim = make.claim(article, editor=editor, status=ClaimStatus.IN_REVIEW, assignee=checker)
    articles.edit_article(article, manager, None, desk="Metro")
    db.session.commit()
    assert login(app, editor).get("/activity").status_code == 403
    client = login(app, manager)
    page = client.get("/activity").get_data(as_text=True)
    assert "imported “Activity story”" in page and "proposed" in page
    # each line reads as a sentence, the actor named once
    assert f'<span class="actor">{editor.name}</span> imported “Activity story”' in page
    mine = client.get("/activity", query_string={"person": checker.id}).get_data(as_text=True)
    assert 'data-action="verdict.propose"' in mine
    assert 'data-action="article.create"' not in mine
    assigns = client.get("/activity", query_string={"action": "claim.assign"}).get_data(
        as_text=True
    )
    assert assigns.count("<li data-action=") == 1 and f"claim #{claim.id}" in assigns
    assert "in “Activity story”" in assigns  # which article the claim belongs to
    family = client.get("/activity", query_string={"action": "article"}).get_data(as_text=True)
    assert 'data-action="article.edit"' in family and 'data-action="claim.' not in family


def test_my_claims_marks_overdue_and_links_each_claim(app, make, editor, checker):
    now = utcnow()
    late = assign(
        make,
        make.article(editor, title="Late one"),
        QUOTES[1],
        editor,
        checker,
        now - timedelta(hours=1),
    )
    soon = assign(
        make,
        make.article(editor, title="Soon one"),
        QUOTES[1],
        editor,
        checker,
        now + timedelta(hours=2),
    )
    db.session.commit()
    page = login(app, checker).get("/my-claims").get_data(as_text=True)
    assert page.index(f'data-claim="{late.id}"') < page.index(f'data-claim="{soon.id}"')
    late_row = page.split(f'data-claim="{late.id}"')[1].split("</tr>")[0]
    assert "Overdue" in late_row and f'href="/claims/{late.id}"' in late_row
    assert "Due within 24 h" in page.split(f'data-claim="{soon.id}"')[1].split("</tr>")[0]


def test_waiting_lists_articles_ready_for_sign_off(app, make, editor, manager, checker):
    checked = make.article(editor, title="Checked through")
    make.claim(
        checked, quote=QUOTES[1], status=ClaimStatus.APPROVED, editor=editor, assignee=checker
    )
    ready = make.article(editor, title="Ready one")
    make.claim(ready, quote=QUOTES[1], status=ClaimStatus.APPROVED, editor=editor, assignee=checker)
    articles.transition(ready, "mark_ready", editor)
    pending = make.article(editor, title="Still checking")
    make.claim(
        pending, quote=QUOTES[1], status=ClaimStatus.IN_REVIEW, editor=editor, assignee=checker
    )
    db.session.commit()
    page = login(app, manager).get("/waiting").get_data(as_text=True)
    assert f'data-ready="{checked.id}"' in page
    assert f'data-signoff="{ready.id}"' in page and "sign it off" in page
    assert f'data-ready="{pending.id}"' not in page
    assert "1 verdict awaiting review" in page


def test_waiting_lists_the_resolutions_still_to_write(app, make, editor, checker):
    article = make.article(editor, title="Needs fixing")
    misleading = make.claim(
        article,
        quote=QUOTES[1],
        status=ClaimStatus.APPROVED,
        editor=editor,
        assignee=checker,
        rating="misleading",
    )
    make.claim(
        article, quote=QUOTES[2], status=ClaimStatus.APPROVED, editor=editor, assignee=checker
    )
    db.session.commit()

    def listed() -> str:
        page = login(app, editor).get("/waiting").get_data(as_text=True)
        return page.split('id="resolve-heading"')[1].split("</section>")[0]

    section = listed()
    assert "Resolutions to write (1)" in section
    assert f'href="/claims/{misleading.id}"' in section and "Misleading" in section
    verdicts.resolve_claim(misleading, editor, ResolutionKind.CORRECTED, "Fixed the figure.")
    db.session.commit()
    assert "Resolutions to write (0)" in listed()


def test_demo_newsroom_has_every_state_and_loads_once(app, runner):
    import sqlalchemy as sa

    from factcheck.models import Article, Claim, Notification

    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    states = set(db.session.scalars(sa.select(Article.status)))
    assert states == set(ArticleStatus)
    claim_states = set(db.session.scalars(sa.select(Claim.status)))
    assert claim_states >= {
        ClaimStatus.OPEN,
        ClaimStatus.ASSIGNED,
        ClaimStatus.RESEARCHING,
        ClaimStatus.IN_REVIEW,
        ClaimStatus.RETURNED,
        ClaimStatus.APPROVED,
    }
    kinds_seen = {
        b.kind
        for r in board.board_page(board.BoardFilters(), per_page=ALL).rows
        for b in r.blockers
    }
    assert {"unassigned", "overdue", "awaiting_review", "missing_resolution"} <= kinds_seen
    notes = db.session.scalar(sa.select(sa.func.count()).select_from(Notification))
    assert notes > 0
    again = runner.invoke(args=["seed-demo"])
    assert "nothing changed" in again.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)) == notes


def test_demo_board_shows_weeks_of_approvals_and_a_real_median(app, runner, client):
    from factcheck.demo import DEMO_PASSWORD

    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    credentials = {"email": "manager@example.org", "password": DEMO_PASSWORD}
    assert client.post("/login", data=credentials).status_code == 302
    page = client.get("/board").get_data(as_text=True)
    bars = re.findall(r"<title>\d\d \w+: ([1-9]\d*) approved</title>", page)
    assert len(bars) >= 6
    median = re.search(r'<strong class="median">([^<]+)</strong>', page).group(1)
    assert median.startswith(("1 d", "2 d", "3 d")), median


@pytest.mark.parametrize("hour", [0, 7, 8, 13, 18, 19, 23])
def test_demo_history_holds_whatever_the_time_it_is_loaded(app, hour):
    """Replayed through the services on a clock: every timestamp in the past,
    the audit trail in order, approvals spread over the weeks, and the
    present (unassigned, overdue, in research, awaiting review) as meant."""
    from factcheck import demo

    now = datetime(2024, 12, 6, hour, 30, tzinfo=UTC)
    with clock(now):
        demo.load_demo()
    stamps = list(db.session.scalars(sa.select(AuditEvent.created_at).order_by(AuditEvent.id)))
    assert stamps == sorted(stamps) and stamps[-1] <= now
    assert stamps[0] < now - timedelta(days=25)
    days = [d for d in board.approvals_per_day(now=now) if d.count]
    assert len(days) >= 6 and sum(d.count for d in days) == 10
    median = board.median_assignment_to_approval(now=now)
    assert timedelta(hours=12) < median < timedelta(days=4)
    kinds_seen = {
        b.kind
        for r in board.board_page(board.BoardFilters(), now=now, per_page=ALL).rows
        for b in r.blockers
    }
    assert {"unassigned", "overdue", "in_research", "awaiting_review"} <= kinds_seen


def test_managers_download_the_activity_as_csv(app, make, editor, manager, checker):
    """Prepared by a job (tests/functional/test_prepared_exports.py has the
    job's side); here what the file holds."""
    prankster = make.user('=HYPERLINK("http://evil")', [Role.EDITOR])
    article = make.article(prankster, title="Figures")
    make.claim(article, editor=prankster, status=ClaimStatus.ASSIGNED, assignee=checker)
    db.session.commit()
    assert login(app, editor).post("/exports/activity").status_code == 403
    client = login(app, manager)

    def prepared(**filters):
        asked = client.post("/exports/activity", data=filters)
        assert asked.status_code == 303
        return client.get(asked.headers["Location"] + "/download")

    asked_upto = activity.last_event_id()  # the trail as it stands when asked
    response = prepared()
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    # all, oldest first, as they stood when asked (the export's own events come after)
    events = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.id <= asked_upto).order_by(AuditEvent.id)
    ).all()
    assert [int(r["event_id"]) for r in rows] == [e.id for e in events]
    # the header says how many rows a whole file has: a cut-off one shows
    assert response.headers["X-Row-Count"] == str(len(events))
    created = next(r for r in rows if r["action"] == "article.create")
    assert created["article_id"] == str(article.id)
    # a cell that a spreadsheet would run as a formula stays text
    assert created["who"] == "'" + prankster.name
    assert created["summary"].startswith("'=HYPERLINK")
    # read in chunks: the same events, in order, whatever the chunk size
    chunked = [e.id for e in activity.activity_oldest_first(chunk=2, upto=asked_upto)]
    assert chunked == [e.id for e in events]
    # written in batches of lines: the same file, whatever the batch
    lines = "".join(activity_csv(activity.activity_oldest_first(chunk=3, upto=asked_upto), batch=2))
    assert lines == response.get_data(as_text=True)
    # an export reads the trail as it stood when it began
    make.claim(article, editor=prankster, quote="Salaries rose")  # more events
    db.session.flush()
    assert [e.id for e in activity.activity_oldest_first(upto=asked_upto)] == [e.id for e in events]
    assert activity.count_events(upto=asked_upto) == len(events)
    db.session.rollback()
    # the same filters as the page
    mine = prepared(action="claim.assign")
    only = list(csv.DictReader(io.StringIO(mine.get_data(as_text=True))))
    assert [r["action"] for r in only] == ["claim.assign"]
    assert mine.headers["X-Row-Count"] == "1"
    assert json.loads(only[0]["after"])["assignee_id"] == checker.id
