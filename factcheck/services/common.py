from typing import Any

from factcheck.services.errors import StaleEdit


def shorten(text: str, length: int) -> str:
    """Text on one line, cut to length with an ellipsis, for one-line
    summaries in the audit trail and notifications."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def ensure_version(obj: Any, expected: int | None, what: str) -> None:
    """Refuse a change made against an old copy of obj."""
    if expected is not None and expected != obj.version:
        raise StaleEdit(what)
