"""Deadlines and urgency: when work is late or due soon, one rule for the
board, the queues and the reminders (in Python for a row, in SQL for a set)."""

from datetime import datetime, timedelta

import sqlalchemy as sa

from factcheck.models import ClaimStatus

# Claims a checker still holds (in review counts: the claim is not done).
OPEN_WORK = (
    ClaimStatus.ASSIGNED,
    ClaimStatus.RESEARCHING,
    ClaimStatus.RETURNED,
    ClaimStatus.IN_REVIEW,
)
# Claims still in the checker's hands (reminders go to them).
IN_HAND = (ClaimStatus.ASSIGNED, ClaimStatus.RESEARCHING, ClaimStatus.RETURNED)
DUE_SOON = timedelta(hours=24)


def urgency(due: datetime | None, now: datetime) -> str | None:
    """'overdue', 'due_soon' (within 24 h) or None."""
    if due is None:
        return None
    if due < now:
        return "overdue"
    if due < now + DUE_SOON:
        return "due_soon"
    return None


def past_due(column: sa.ColumnElement, now: datetime) -> sa.ColumnElement[bool]:
    """In SQL, what ``urgency`` calls 'overdue' (NULL, no date, is not)."""
    return column < now


def due_soon(column: sa.ColumnElement, now: datetime) -> sa.ColumnElement[bool]:
    """In SQL, what ``urgency`` calls 'due_soon'."""
    return (column >= now) & (column < now + DUE_SOON)
