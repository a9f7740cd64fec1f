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


def page_count(total: int, per_page: int) -> int:
    """Pages needed for ``total`` rows; an empty list is still one page."""
    return max(1, -(-total // per_page))


class PageNumbers:
    """What a pager asks of a numbered page (``page`` from 1): the
    neighbours' numbers. Whether there is a next page is the subclass's."""

    page: int

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


class CountedPage(PageNumbers):
    """A page of rows counted in all (``per_page`` and ``total`` given)."""

    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)

    @property
    def has_next(self) -> bool:
        return self.page < self.pages
