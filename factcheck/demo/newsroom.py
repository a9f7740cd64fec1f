"""The demo newsroom's own stories, written for the demo (not real news),
walked through the real services into every state: draft, checking (claims
open, assigned, overdue, researching, in review, returned, approved, one
missing its resolution), ready, signed off and published.

Each story has a history over the past weeks (see ``timeline``): when it came
in, when each claim was assigned, proposed and reviewed, when the article
moved on. Times are desk hours before now (``desk_hours(days, hours)``), so
the board's approvals-per-day chart and the median time from assignment to
approval show a working desk. Due dates of claims still in hand and
article deadlines are set from now, so overdue and due-soon hold whenever
the demo is loaded."""

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from factcheck.demo.timeline import Timeline, desk_hours
from factcheck.models import (
    AttributionFinding,
    ClaimKind,
    ClaimStatus,
    Priority,
    ResolutionKind,
    SourceKind,
    Stance,
    User,
)
from factcheck.models.base import utcnow
from factcheck.services import articles, claims, evidence, sources, verdicts

S = ClaimStatus

NEWSROOM_SOURCES = [
    ("Eastbrook Water Authority", SourceKind.GOVERNMENT, ["the water authority"], ""),
    ("Helen Marsh", SourceKind.OFFICIAL, [], "Eastbrook Water Authority"),
    ("National Weather Service", SourceKind.GOVERNMENT, ["NWS"], ""),
    # A duplicate on purpose, for the merge on the source page.
    ("Weather Service", SourceKind.GOVERNMENT, [], ""),
    ("Eastbrook Farmers' Union", SourceKind.ORGANISATION, ["farmers' union"], ""),
    ("St Anne's Health Board", SourceKind.GOVERNMENT, ["the health board"], ""),
    ("Omar Reyes", SourceKind.OFFICIAL, [], "St Anne's Health Board"),
    ("Priya Anand", SourceKind.OFFICIAL, [], "Ministry of Transport"),
    ("Regional Electoral Commission", SourceKind.GOVERNMENT, ["electoral commission"], ""),
]


@dataclass
class DemoClaim:
    quote: str
    kind: ClaimKind
    to: ClaimStatus
    sources: tuple[str, ...] = ()
    checker: str = "sam@example.org"
    due_hours: float | None = 24
    rating: str = "accurate"
    attribution: AttributionFinding | None = None
    evidence: str = ""
    rationale: str = "Matches the published figures."
    returned: str = ""
    resolution: ResolutionKind | None = None
    priority: Priority = Priority.NORMAL
    # Desk hours ago (desk_hours): assigned (None: just after it was marked),
    # verdict proposed, verdict reviewed (approved or returned).
    assigned: float | None = None
    proposed: float = 0
    reviewed: float = 0


@dataclass
class DemoArticle:
    title: str
    desk: str
    byline: str
    body: str
    deadline_hours: float | None  # from now
    created: float  # desk hours ago
    claims: tuple[DemoClaim, ...] = ()
    # The article's moves after its claims: (action, desk hours ago).
    moves: tuple[tuple[str, float], ...] = ()


STORIES = [
    DemoArticle(
        "Reservoir levels fall to lowest in a decade",
        "Metro",
        "By Demo Reporter",
        "Water levels at the Eastbrook reservoir fell to 38% of capacity last week, the lowest "
        "reading in a decade, the regional water authority said on Monday.\n\n"
        "The authority's director, Helen Marsh, said a hosepipe ban was “not on the table for "
        "now” but urged households to cut their use by a fifth.\n\n"
        "Rainfall across the catchment was 45% below the long-term average between March and "
        "May, according to the national weather service.\n\n"
        "Local farmers say the shortage has already cut the barley harvest by a third. A "
        "spokesperson for the farmers' union called the authority's planning “a decade "
        "behind”.\n\n"
        "The authority said it had fixed 1,400 leaks since January and plans to open a second "
        "pipeline by 2027.",
        20,
        desk_hours(2, 10),
        (
            DemoClaim(
                "fell to 38% of capacity last week",
                ClaimKind.STATISTIC,
                S.APPROVED,
                ("Eastbrook Water Authority",),
                evidence="Weekly reservoir bulletin",
                proposed=desk_hours(2, 5),
                reviewed=desk_hours(2, 3),
            ),
            DemoClaim(
                "the lowest reading in a decade",
                ClaimKind.STATISTIC,
                S.IN_REVIEW,
                ("Eastbrook Water Authority",),
                checker="lee@example.org",
                rating="mostly_accurate",
                evidence="Ten years of bulletins",
                rationale="Lowest since 2013, which is eleven years, not ten.",
                proposed=desk_hours(0, 3),
            ),
            DemoClaim(
                "a hosepipe ban was “not on the table for now”",
                ClaimKind.ATTRIBUTION,
                S.RETURNED,
                ("Helen Marsh",),
                attribution=AttributionFinding.CONFIRMED,
                evidence="Press conference recording",
                returned="The recording cuts off; find the full transcript.",
                assigned=desk_hours(2, 9),
                proposed=desk_hours(1, 2),
                reviewed=desk_hours(0, 5),
            ),
            DemoClaim(
                "45% below the long-term average between March and May",
                ClaimKind.STATISTIC,
                S.RESEARCHING,
                ("National Weather Service",),
                due_hours=6,
                priority=Priority.HIGH,
                assigned=desk_hours(1, 4),
            ),
            DemoClaim(
                "cut the barley harvest by a third",
                ClaimKind.CHARACTERIZATION,
                S.ASSIGNED,
                ("Eastbrook Farmers' Union",),
                checker="lee@example.org",
                due_hours=-3,
                priority=Priority.HIGH,
                assigned=desk_hours(1, 9),
            ),
            DemoClaim("“a decade behind”", ClaimKind.QUOTE, S.OPEN, ("Eastbrook Farmers' Union",)),
            DemoClaim(
                "fixed 1,400 leaks since January",
                ClaimKind.STATISTIC,
                S.APPROVED,
                ("Eastbrook Water Authority",),
                checker="lee@example.org",
                rating="inaccurate",
                evidence="Leak repair log",
                rationale="The log shows 940 repairs; 1,400 counts reported leaks.",
                assigned=desk_hours(2, 9),
                proposed=desk_hours(0, 6),
                reviewed=desk_hours(0, 2),
            ),
        ),
    ),
    DemoArticle(
        "Hospital waiting lists shrink for third month",
        "Health",
        "By Demo Reporter",
        "The number of patients waiting more than a year for planned surgery at St Anne's "
        "hospital fell for a third month running in October, figures published by the health "
        "board show.\n\n"
        "The board said 212 patients had waited longer than 52 weeks, down from 301 in July."
        "\n\nChief executive Omar Reyes said the fall was “the result of weekend theatre "
        "lists”, which began in the summer.",
        48,
        desk_hours(6, 9),
        (
            DemoClaim(
                "fell for a third month running in October",
                ClaimKind.STATISTIC,
                S.APPROVED,
                ("St Anne's Health Board",),
                evidence="Monthly dashboard",
                proposed=desk_hours(6, 5),
                reviewed=desk_hours(6, 3),
            ),
            DemoClaim(
                "212 patients had waited longer than 52 weeks, down from 301 in July",
                ClaimKind.STATISTIC,
                S.APPROVED,
                ("St Anne's Health Board",),
                checker="lee@example.org",
                rating="mostly_accurate",
                evidence="Board papers, November meeting",
                proposed=desk_hours(4, 9),
                reviewed=desk_hours(4, 4),
            ),
            DemoClaim(
                "“the result of weekend theatre lists”",
                ClaimKind.ATTRIBUTION,
                S.APPROVED,
                ("Omar Reyes",),
                rating="needs_context",
                attribution=AttributionFinding.CONFIRMED,
                evidence="Board minutes",
                rationale="He said it; the board also cut referrals over the period.",
                assigned=desk_hours(6, 8),
                proposed=desk_hours(3, 10),
                reviewed=desk_hours(3, 7),
            ),
        ),
        (("mark_ready", desk_hours(3, 6)),),
    ),
    DemoArticle(
        "Port expansion to create 1,200 jobs, minister says",
        "Business",
        "By Demo Reporter",
        "The expansion of Northgate port will create 1,200 jobs over five years, the transport "
        "minister, Priya Anand, told parliament on Wednesday.\n\n"
        "The project, costing an estimated 340 million, was approved after a two-year planning "
        "inquiry.\n\n"
        "Opponents say the new quay will destroy a mudflat used by 20,000 migrating birds each "
        "winter.",
        30,
        desk_hours(12, 10),
        (
            DemoClaim(
                "will create 1,200 jobs over five years",
                ClaimKind.ATTRIBUTION,
                S.APPROVED,
                ("Priya Anand",),
                rating="misleading",
                attribution=AttributionFinding.CONFIRMED,
                evidence="Parliament record",
                rationale="She said it, but 800 of the jobs are temporary construction work.",
                resolution=ResolutionKind.CONTEXT_ADDED,
                proposed=desk_hours(11, 4),
                reviewed=desk_hours(10, 9),
            ),
            DemoClaim(
                "costing an estimated 340 million",
                ClaimKind.STATISTIC,
                S.APPROVED,
                checker="lee@example.org",
                evidence="Planning inquiry report",
                proposed=desk_hours(11, 8),
                reviewed=desk_hours(11, 6),
            ),
            DemoClaim(
                "used by 20,000 migrating birds each winter",
                ClaimKind.STATISTIC,
                S.APPROVED,
                rating="unverifiable",
                evidence="Bird survey request",
                rationale="No survey since 2015; the figure cannot be checked.",
                resolution=ResolutionKind.ATTRIBUTION_ADDED,
                assigned=desk_hours(12, 9),
                proposed=desk_hours(9, 3),
                reviewed=desk_hours(8, 7),
            ),
        ),
        (("mark_ready", desk_hours(8, 5)), ("sign_off", desk_hours(1, 3))),
    ),
    DemoArticle(
        "Turnout in regional election reached 61%",
        "Politics",
        "By Demo Reporter",
        "Turnout in Sunday's regional election reached 61%, up six points on the last vote, "
        "the electoral commission said.\n\n"
        "The governing party kept its majority with 34 of 60 seats.",
        None,
        desk_hours(23, 9),
        (
            DemoClaim(
                "reached 61%, up six points on the last vote",
                ClaimKind.STATISTIC,
                S.APPROVED,
                ("Regional Electoral Commission",),
                evidence="Commission results page",
                proposed=desk_hours(23, 6),
                reviewed=desk_hours(23, 4),
            ),
            DemoClaim(
                "34 of 60 seats",
                ClaimKind.STATISTIC,
                S.APPROVED,
                ("Regional Electoral Commission",),
                checker="lee@example.org",
                evidence="Declared results",
                proposed=desk_hours(21, 9),
                reviewed=desk_hours(21, 6),
            ),
        ),
        (
            ("mark_ready", desk_hours(21, 5)),
            ("sign_off", desk_hours(21, 4)),
            ("publish", desk_hours(21, 3)),
        ),
    ),
    DemoArticle(
        "City council approves bus fare freeze",
        "Metro",
        "By Demo Reporter",
        "The city council voted on Thursday to freeze bus fares for a second year, at a cost "
        "of 4.2 million to the transport budget.\n\n"
        "Councillors backed the plan by 31 votes to 12.",
        96,
        desk_hours(0, 2),
    ),
]


def _walk(
    claim, spec: DemoClaim, editor: User, reviewer: User, people: dict, tl: Timeline
) -> Iterator[datetime]:
    """One claim's history after it was marked, a step at each yielded moment."""
    if spec.to is S.OPEN:
        return
    checker = people[spec.checker]
    assigned_at = tl.at(spec.assigned)
    yield assigned_at
    if spec.to is S.APPROVED:  # done: due when it was assigned
        due = assigned_at + timedelta(hours=spec.due_hours or 24)
    else:  # still on the desk: due as the board should show it now
        due = tl.now + timedelta(hours=spec.due_hours) if spec.due_hours is not None else None
    claims.assign_claim(claim, editor, checker, due)
    if spec.to is S.ASSIGNED:
        return
    yield tl.at(spec.assigned - 0.25)
    claims.move_claim(claim, "start", checker)
    if spec.to is S.RESEARCHING:
        return
    yield tl.at(spec.proposed + 0.5)
    evidence.add_evidence(
        claim,
        checker,
        title=spec.evidence or "Source document",
        stance=Stance.CONTRADICTS
        if spec.rating in ("inaccurate", "misleading")
        else Stance.SUPPORTS,
        url="https://example.org/demo/" + spec.evidence.lower().replace(" ", "-"),
        accessed_on=utcnow().date(),
    )
    yield tl.at(spec.proposed)
    verdicts.propose_verdict(
        claim,
        checker,
        None,
        rating=spec.rating,
        rationale=spec.rationale,
        attribution=spec.attribution,
    )
    if spec.to is S.IN_REVIEW:
        return
    yield tl.at(spec.reviewed)
    if spec.to is S.RETURNED:
        verdicts.return_verdict(claim, reviewer, None, spec.returned)
        return
    verdicts.approve_verdict(claim, reviewer, None)
    if spec.resolution:
        yield tl.at(spec.reviewed - 0.25)
        verdicts.resolve_claim(claim, reviewer, spec.resolution, "Changed in the copy.")


def _story(story: DemoArticle, people: dict[str, User], tl: Timeline) -> Iterator[datetime]:
    """The article comes in, the editor marks its claims (each then walks on
    its own), and the article moves on once they are done."""
    editor = people["editor@example.org"]
    manager = people["manager@example.org"]
    yield tl.at(story.created)
    deadline = tl.now + timedelta(hours=story.deadline_hours) if story.deadline_hours else None
    article = articles.create_article(
        editor,
        title=story.title,
        body=story.body,
        byline=story.byline,
        desk=story.desk,
        deadline=deadline,
    )
    yield tl.at(story.created - 0.25)
    for i, spec in enumerate(story.claims):
        start = article.body.index(spec.quote)
        claim = claims.create_claim(
            article,
            editor,
            start=start,
            end=start + len(spec.quote),
            kind=spec.kind,
            priority=spec.priority,
            sources=[sources.find_by_name(n) for n in spec.sources],
        )
        if spec.assigned is None:
            spec = replace(spec, assigned=story.created - 0.5)
        # Two reviewers, so four eyes hold whoever proposed.
        tl.start(_walk(claim, spec, editor, manager if i % 2 else editor, people, tl))
    for action, hours_ago in story.moves:
        yield tl.at(hours_ago)
        articles.transition(article, action, manager if action == "sign_off" else editor)


def load_newsroom(people: dict[str, User], tl: Timeline) -> None:
    """Put the newsroom's sources in now and its stories on the timeline."""
    editor = people["editor@example.org"]
    for name, kind, aliases, affiliation in NEWSROOM_SOURCES:
        if not sources.find_by_name(name):
            sources.create_source(name, kind, editor, aliases=aliases, affiliation=affiliation)
    for story in STORIES:
        tl.start(_story(story, people, tl))
