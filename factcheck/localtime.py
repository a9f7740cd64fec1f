"""The newsroom's clock face: times are stored in UTC and shown, and typed
into forms, in the newsroom's time zone (``NEWSROOM_TIMEZONE``), always
with the zone's name beside them."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import current_app, has_app_context

from factcheck.models.base import to_utc

DEFAULT_ZONE = "UTC"


def zone_named(name: str) -> ZoneInfo:
    """The zone for a setting; a name the zone database does not know is a
    configuration error, said at start-up rather than on the first page."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"NEWSROOM_TIMEZONE={name!r} is not a time zone name (e.g. Europe/London)"
        ) from None


def newsroom_zone() -> ZoneInfo:
    name = current_app.config.get("NEWSROOM_TIMEZONE") if has_app_context() else None
    return zone_named(name or DEFAULT_ZONE)


def to_local(value: datetime) -> datetime:
    return to_utc(value).astimezone(newsroom_zone())


def from_local(value: datetime) -> datetime:
    """A time typed into a form (no zone) read as newsroom time, in UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=newsroom_zone())
    return value.astimezone(UTC)


def format_local(value: datetime | None, fmt: str = "%d %b %H:%M") -> str:
    """'05 Dec 14:30 CET': newsroom time with its zone; '' for no time."""
    if value is None:
        return ""
    local = to_local(value)
    return f"{local.strftime(fmt)} {local.tzname()}"
