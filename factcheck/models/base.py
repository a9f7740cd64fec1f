"""Column helpers shared by the models."""

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from factcheck.vocabulary import StrEnum  # noqa: F401  (the models import it from here)

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


def to_utc(value: datetime | None) -> datetime | None:
    """The same moment in UTC; a naive value is taken to be UTC already."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """A moment, always aware and in UTC on the way in and out.

    PostgreSQL keeps the zone; SQLite hands back naive datetimes, which are
    UTC because only UTC is written: an aware value is converted, a naive
    one (a form's date-time field) is taken as UTC, as the pages show them.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        return to_utc(value)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return to_utc(value)


def _utc_when_set(_target, value, _old, _initiator):
    return to_utc(value)


@sa.event.listens_for(Mapper, "mapper_configured")
def _utc_attributes(mapper: Mapper, class_: type) -> None:
    """A UTCDateTime attribute is aware and in UTC from the moment it is set,
    not only once it has been to the database and back."""
    for prop in mapper.column_attrs:
        if any(isinstance(column.type, UTCDateTime) for column in prop.columns):
            sa.event.listen(getattr(class_, prop.key), "set", _utc_when_set, retval=True)


def created_at_column() -> Mapped[datetime]:
    return mapped_column(UTCDateTime(), default=utcnow, nullable=False)
