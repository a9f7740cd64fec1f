"""Replaying the demo newsroom's history through the real services.

The demo's stories are written as scripts: generators that ``yield`` the
moment their next step happens, then take it by calling the services. The
``Timeline`` runs all the scripts together in time order with the app's
clock (``factcheck.models.base.clock``) set to each step's moment, so every
row, audit event and notification gets the time its step happened, through
the same rules and the same audit writes as any request. Nothing is
back-dated afterwards (the audit log could not be: it is append-only).

Times are given in desk hours before now: the demo desk works 08:00–19:00
UTC, so "30 desk hours ago" lands inside working hours a few days back,
never in the future whatever the time of day the demo is loaded.
"""

import heapq
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from factcheck.extensions import db
from factcheck.models.base import clock

DESK_OPENS, DESK_CLOSES = 8, 19  # UTC
DESK_DAY = DESK_CLOSES - DESK_OPENS  # desk hours in a day

Script = Iterator[datetime]


def desk_hours(days: float = 0, hours: float = 0) -> float:
    """``days`` desk days and ``hours`` desk hours, in desk hours."""
    return days * DESK_DAY + hours


def desk_time(now: datetime, hours_ago: float) -> datetime:
    """The moment ``hours_ago`` desk hours before ``now`` (only the hours the
    desk is open count; from outside them, counting starts at the last close)."""
    if hours_ago < 0:
        raise ValueError("demo steps happen in the past")
    moment, remaining = now.astimezone(UTC), timedelta(hours=hours_ago)
    while True:
        opens = moment.replace(hour=DESK_OPENS, minute=0, second=0, microsecond=0)
        closes = opens.replace(hour=DESK_CLOSES)
        if moment <= opens:
            moment = closes - timedelta(days=1)
            continue
        moment = min(moment, closes)
        if remaining <= moment - opens:
            return moment - remaining
        remaining -= moment - opens
        moment = closes - timedelta(days=1)


class Timeline:
    """Runs scripts in the order of the moments they yield, each step under
    the clock set to its moment. A script may start other scripts."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self._queue: list[tuple[datetime, int, Script]] = []
        self._order = itertools.count()
        self._current: datetime | None = None  # the moment of the step running

    def at(self, hours_ago: float) -> datetime:
        return desk_time(self.now, hours_ago)

    def start(self, script: Script) -> None:
        """Schedule a script; nothing in it should run before its first
        ``yield``. Started from a step, it cannot begin before that step."""
        self._push(script, self._current)

    def _push(self, script: Script, after: datetime | None) -> None:
        try:
            moment = next(script)
        except StopIteration:
            return
        if after is not None and moment < after:
            raise ValueError(f"a demo script goes back in time: {moment} before {after}")
        if moment > self.now:
            raise ValueError(f"a demo step is in the future: {moment}")
        heapq.heappush(self._queue, (moment, next(self._order), script))

    def run(self) -> None:
        while self._queue:
            moment, _, script = heapq.heappop(self._queue)
            self._current = moment
            with clock(moment):
                self._push(script, moment)  # takes the step, learns the next moment
                db.session.flush()  # column defaults read the clock at flush
        self._current = None
