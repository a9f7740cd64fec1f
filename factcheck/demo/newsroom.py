"""The demo newsroom's own stories, written for the demo (not real news),
walked through the real services into every state: draft, checking (claims
open, assigned, overdue, researching, in review, returned, approved, one
missing its resolution), ready, signed off and published."""

from dataclasses import dataclass
from datetime import timedelta

from factcheck.models import (
    Article,
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
from factcheck.services import articles, claims, evidence, notifications, sources, verdicts

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


@dataclass
class DemoArticle:
    title: str
    desk: str
    byline: str
    body: str
    deadline_hours: float | None
    end: str  # draft, checking, ready, signed_off, published
    claims: tuple[DemoClaim, ...] = ()


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
        "checking",
        (
            DemoClaim(
                "fell to 38% of capacity last week",
                ClaimKind.STATISTIC,
                S.APPROVED,
                ("Eastbrook Water Authority",),
                evidence="Weekly reservoir bulletin",
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
            ),
            DemoClaim(
                "a hosepipe ban was “not on the table for now”",
                ClaimKind.ATTRIBUTION,
                S.RETURNED,
                ("Helen Marsh",),
                attribution=AttributionFinding.CONFIRMED,
                evidence="Press conference recording",
                returned="The recording cuts off; find the full transcript.",
            ),
            DemoClaim(
                "45% below the long-term average between March and May",
                ClaimKind.STATISTIC,
                S.RESEARCHING,
                ("National Weather Service",),
                due_hours=6,
                priority=Priority.HIGH,
            ),
            DemoClaim(
                "cut the barley harvest by a third",
                ClaimKind.CHARACTERIZATION,
                S.ASSIGNED,
                ("Eastbrook Farmers' Union",),
                checker="lee@example.org",
                due_hours=-3,
                priority=Priority.HIGH,
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
        "ready",
        (
            DemoClaim(
                "fell for a third month running in October",
                ClaimKind.STATISTIC,
                S.APPROVED,
                ("St Anne's Health Board",),
                evidence="Monthly dashboard",
            ),
            DemoClaim(
                "212 patients had waited longer than 52 weeks, down from 301 in July",
                ClaimKind.STATISTIC,
                S.APPROVED,
                ("St Anne's Health Board",),
                checker="lee@example.org",
                rating="mostly_accurate",
                evidence="Board papers, November meeting",
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
            ),
        ),
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
        "signed_off",
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
            ),
            DemoClaim(
                "costing an estimated 340 million",
                ClaimKind.STATISTIC,
                S.APPROVED,
                checker="lee@example.org",
                evidence="Planning inquiry report",
            ),
            DemoClaim(
                "used by 20,000 migrating birds each winter",
                ClaimKind.STATISTIC,
                S.APPROVED,
                rating="unverifiable",
                evidence="Bird survey request",
                rationale="No survey since 2015; the figure cannot be checked.",
                resolution=ResolutionKind.ATTRIBUTION_ADDED,
            ),
        ),
    ),
    DemoArticle(
        "Turnout in regional election reached 61%",
        "Politics",
        "By Demo Reporter",
        "Turnout in Sunday's regional election reached 61%, up six points on the last vote, "
        "the electoral commission said.\n\n"
        "The governing party kept its majority with 34 of 60 seats.",
        None,
        "published",
        (
            DemoClaim(
                "reached 61%, up six points on the last vote",
                ClaimKind.STATISTIC,
                S.APPROVED,
                ("Regional Electoral Commission",),
                evidence="Commission results page",
            ),
            DemoClaim(
                "34 of 60 seats",
                ClaimKind.STATISTIC,
                S.APPROVED,
                ("Regional Electoral Commission",),
                checker="lee@example.org",
                evidence="Declared results",
            ),
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
        "draft",
    ),
]


def _walk(claim, spec: DemoClaim, editor: User, reviewer: User, people: dict) -> None:
    if spec.to is S.OPEN:
        return
    checker = people[spec.checker]
    due = utcnow() + timedelta(hours=spec.due_hours) if spec.due_hours is not None else None
    claims.assign_claim(claim, editor, checker, due)
    if spec.to is S.ASSIGNED:
        return
    claims.move_claim(claim, "start", checker)
    if spec.to is S.RESEARCHING:
        return
    evidence.add_evidence(
        claim,
        checker,
        title=spec.evidence or "Source document",
        stance=Stance.CONTRADICTS
        if spec.rating in ("inaccurate", "misleading")
        else Stance.SUPPORTS,
        url="https://example.org/demo/" + spec.evidence.lower().replace(" ", "-"),
    )
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
    if spec.to is S.RETURNED:
        verdicts.return_verdict(claim, reviewer, None, spec.returned)
        return
    verdicts.approve_verdict(claim, reviewer, None)
    if spec.resolution:
        verdicts.resolve_claim(claim, reviewer, spec.resolution, "Changed in the copy.")


def load_newsroom(people: dict[str, User]) -> list[Article]:
    editor = people["editor@example.org"]
    manager = people["manager@example.org"]
    for name, kind, aliases, affiliation in NEWSROOM_SOURCES:
        if not sources.find_by_name(name):
            sources.create_source(name, kind, editor, aliases=aliases, affiliation=affiliation)
    made = []
    for story in STORIES:
        deadline = (
            utcnow() + timedelta(hours=story.deadline_hours) if story.deadline_hours else None
        )
        article = articles.create_article(
            editor,
            title=story.title,
            body=story.body,
            byline=story.byline,
            desk=story.desk,
            deadline=deadline,
        )
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
            # Two reviewers, so four eyes hold whoever proposed.
            _walk(claim, spec, editor, manager if i % 2 else editor, people)
        steps = {
            "ready": ["mark_ready"],
            "signed_off": ["mark_ready", "sign_off"],
            "published": ["mark_ready", "sign_off", "publish"],
        }.get(story.end, [])
        for action in steps:
            articles.transition(article, action, manager if action == "sign_off" else editor)
        made.append(article)
    notifications.send_reminders()
    return made
