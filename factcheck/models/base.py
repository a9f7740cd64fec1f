"""Column helpers shared by the models."""

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

# A moment to use instead of the wall clock; see ``clock``.
_clock: ContextVar[datetime | None] = ContextVar("factcheck_clock", default=None)


def utcnow() -> datetime:
    """The current time (UTC). Every timestamp the app writes comes from here:
    column defaults, services, audit events, notifications."""
    moment = _clock.get()
    return moment if moment is not None else datetime.now(UTC)


@contextmanager
def clock(moment: datetime) -> Iterator[None]:
    """Within the block, ``utcnow()`` is ``moment`` (in this thread or task only).

    For replaying a history through the services, as the demo newsroom does,
    so that the timestamps and the audit trail agree; never used in requests.
    """
    if moment.tzinfo is None:
        raise ValueError("the clock needs an aware datetime")
    token = _clock.set(moment.astimezone(UTC))
    try:
        yield
    finally:
        _clock.reset(token)


class StrEnum(enum.StrEnum):
    """An enum stored as its value string, readable in templates."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


def enum_column(enum_cls: type[enum.Enum], **kwargs) -> Mapped:
    return mapped_column(
        sa.Enum(
            enum_cls,
            native_enum=False,
            create_constraint=True,
            length=32,
            values_callable=lambda e: [m.value for m in e],
            validate_strings=True,
        ),
        **kwargs,
    )


def created_at_column() -> Mapped[datetime]:
    return mapped_column(sa.DateTime(timezone=True), default=utcnow, nullable=False)
