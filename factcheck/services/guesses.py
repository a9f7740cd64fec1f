"""Limits on password guesses that hold across workers and servers.

Every password check (the login form, ``POST /api/v1/token``, the current
password when changing it) spends one guess from two budgets: the
account's and the client address's. Either one spent refuses the check
before the password is looked at. The counts live in the storage named by
``RATELIMIT_STORAGE_URI``: ``memory://`` counts per process (one process
only); with several workers or servers it must be Redis, which they share.
"""

import hashlib
import math
import time

from flask import Flask, current_app, has_request_context, request
from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from factcheck.services.errors import ServiceError

EXTENSION = "factcheck.guesses"


class TooManyGuesses(ServiceError):
    http_status = 429

    def __init__(self, limit: RateLimitItem, retry_after: int) -> None:
        super().__init__(
            f"Too many attempts: at most {limit} for one account or one address. "
            f"Try again in {retry_after} seconds."
        )
        self.retry_after = retry_after


class GuessStoreDown(ServiceError):
    """The shared count cannot be read: refuse rather than count nothing."""

    http_status = 503

    def __init__(self) -> None:
        super().__init__("Signing in is unavailable for a moment. Try again shortly.")


def init_app(app: Flask) -> None:
    storage = storage_from_string(app.config["RATELIMIT_STORAGE_URI"], wrap_exceptions=True)
    app.extensions[EXTENSION] = MovingWindowRateLimiter(storage)


def _budgets(account: str) -> list[tuple[str, str]]:
    # Hashed, so the store holds no email addresses.
    digest = hashlib.sha256(account.strip().lower().encode()).hexdigest()
    budgets = [("account", digest)]
    if has_request_context():
        budgets.append(("address", request.remote_addr or "unknown"))
    return budgets


def spend_guess(account: str) -> None:
    """Count one password check against ``account`` and the request's
    address; raise TooManyGuesses when either budget is spent."""
    config = current_app.config
    if not config.get("RATELIMIT_ENABLED", True):
        return
    limiter: MovingWindowRateLimiter = current_app.extensions[EXTENSION]
    limit = parse(config["LOGIN_RATE_LIMIT"])
    prefix = config["RATELIMIT_KEY_PREFIX"]
    try:
        refused = [
            budget
            for budget in _budgets(account)
            if not limiter.hit(limit, prefix, "password", *budget)
        ]
        if not refused:
            return
        reset = max(limiter.get_window_stats(limit, prefix, "password", *b)[0] for b in refused)
    except StorageError:
        current_app.logger.exception("rate-limit storage unreachable")
        raise GuessStoreDown() from None
    raise TooManyGuesses(limit, max(1, math.ceil(reset - time.time())))
