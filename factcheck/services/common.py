from typing import Any
from urllib.parse import urlsplit

from factcheck.services.errors import StaleEdit, ValidationFailed

MAX_URL_LENGTH = 2000


def shorten(text: str, length: int) -> str:
    """Text on one line, cut to length with an ellipsis, for one-line
    summaries in the audit trail and notifications."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def ensure_version(obj: Any, expected: int | None, what: str) -> None:
    """Refuse a change made against an old copy of obj."""
    if expected is not None and expected != obj.version:
        raise StaleEdit(what)


def is_web_link(url: str) -> bool:
    """An absolute http(s) link with a host: the only links the desk stores,
    shows as href or exports (no javascript:, data:, vbscript:, file:)."""
    if not url or len(url) > MAX_URL_LENGTH or any(c.isspace() or ord(c) < 32 for c in url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises on a bad port)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def web_link(url: str, field: str) -> str:
    """url stripped, or "" when blank; anything but an http(s) link is refused."""
    url = url.strip()
    if url and not is_web_link(url):
        raise ValidationFailed(
            "Give a full http:// or https:// link (other kinds of link are not stored).",
            field=field,
        )
    return url
