"""Use cases. The only code that changes data: each function checks the
workflow, changes the objects, writes the audit event and flushes. A web
or API request commits once after its view returns (``security.access``);
a CLI command commits itself."""

from factcheck.services.errors import ServiceError, StaleEdit, ValidationFailed

__all__ = ["ServiceError", "StaleEdit", "ValidationFailed", "whole_number"]

MAX_NUMBER = 2**31 - 1  # the largest id, version or page a request may name


def whole_number(text: str | None) -> int | None:
    """``text`` when it is a whole number in ASCII digits that a database
    integer holds; otherwise None. (``str.isdigit`` also passes '²' and
    '٣', which ``int`` refuses or reads; a number past the integer is no
    row's.)"""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_NUMBER)):
        return None
    number = int(text)
    return number if number <= MAX_NUMBER else None
