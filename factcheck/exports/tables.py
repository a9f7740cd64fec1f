"""CSV of claims (an article's, the newsroom's) and of the audit trail, for
spreadsheets and archives."""

import csv
import io
import json
from collections.abc import Iterable, Iterator

from factcheck.models import Article

COLUMNS = [
    "claim_id",
    "quote",
    "rated_words",
    "kind",
    "priority",
    "status",
    "sources",
    "checker",
    "due",
    "rating",
    "source_said_it",
    "rationale",
    "proposed_by",
    "reviewed_by",
    "resolution",
    "resolution_note",
]

# Cells starting with these are formulas to a spreadsheet; prefix them so a
# quote from the web cannot run in someone's Excel.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def claim_cells(claim) -> list[str]:
    """One claim's row of COLUMNS."""
    # Only a verdict that rates the claim's present words; one proposed
    # before they changed is history, not a review of this text.
    verdict = claim.current_verdict
    resolution = claim.current_resolution
    return [
        _cell(v)
        for v in [
            claim.id,
            claim.exact,
            verdict.rated_text if verdict else "",
            claim.kind.value,
            claim.priority.value,
            claim.status.value,
            claim.source_chain,
            claim.assignee.name if claim.assignee else "",
            claim.due_at.isoformat() if claim.due_at else "",
            verdict.rating_label if verdict else "",
            verdict.attribution.value if verdict and verdict.attribution else "",
            verdict.rationale if verdict else "",
            verdict.proposer.name if verdict else "",
            verdict.reviewer.name if verdict and verdict.reviewer else "",
            resolution.kind.value if resolution else "",
            resolution.note if resolution else "",
        ]
    ]


def claims_csv(article: Article) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for claim in article.claims:
        writer.writerow(claim_cells(claim))
    return out.getvalue()


NEWSROOM_CLAIM_COLUMNS = ["article_id", "article_title", *COLUMNS]


def newsroom_claims_csv(claims: Iterable, batch: int = 1000) -> Iterator[str]:
    """Every claim of the newsroom as CSV, each with its article's id and
    title (claims: Claim objects with ``article`` loaded), ``batch`` lines
    at a time."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(NEWSROOM_CLAIM_COLUMNS)
    for n, claim in enumerate(claims, start=1):
        writer.writerow([_cell(claim.article_id), _cell(claim.article.title), *claim_cells(claim)])
        if n % batch == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


ACTIVITY_COLUMNS = [
    "event_id",
    "when_utc",
    "who",
    "action",
    "article_id",
    "claim_id",
    "summary",
    "before",
    "after",
]


def activity_csv(events: Iterable, batch: int = 1000) -> Iterator[str]:
    """The audit trail as CSV (events: AuditEvent objects or rows with the
    same names), ``batch`` lines at a time: it can be a million lines."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(ACTIVITY_COLUMNS)
    for n, event in enumerate(events, start=1):
        writer.writerow(
            _cell(v)
            for v in [
                event.id,
                event.created_at.isoformat(),
                event.actor_name,
                event.action,
                event.article_id or "",
                event.claim_id or "",
                event.summary,
                json.dumps(event.before, ensure_ascii=False, default=str) if event.before else "",
                json.dumps(event.after, ensure_ascii=False, default=str) if event.after else "",
            ]
        )
        if n % batch == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
