from typing import Any

from factcheck.services.errors import StaleEdit


def ensure_version(obj: Any, expected: int | None, what: str) -> None:
    """Refuse a change made against an old copy of obj."""
    if expected is not None and expected != obj.version:
        raise StaleEdit(what)
