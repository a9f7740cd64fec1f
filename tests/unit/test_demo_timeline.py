"""The demo's history clock: desk hours before now, scripts run in time order."""

from datetime import UTC, datetime

import pytest

from factcheck.demo.timeline import Timeline, desk_hours, desk_time
from factcheck.models.base import clock, utcnow

NOON = datetime(2024, 12, 6, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "now, hours, expected",
    [
        (NOON, 0, NOON),
        (NOON, 3, datetime(2024, 12, 6, 9, 0, tzinfo=UTC)),
        (NOON, 5, datetime(2024, 12, 5, 18, 0, tzinfo=UTC)),  # over the night
        (NOON, desk_hours(2), datetime(2024, 12, 4, 12, 0, tzinfo=UTC)),
        (datetime(2024, 12, 6, 23, 0, tzinfo=UTC), 1, datetime(2024, 12, 6, 18, 0, tzinfo=UTC)),
        (datetime(2024, 12, 6, 3, 0, tzinfo=UTC), 1, datetime(2024, 12, 5, 18, 0, tzinfo=UTC)),
    ],
)
def test_desk_time_counts_only_the_hours_the_desk_is_open(now, hours, expected):
    assert desk_time(now, hours) == expected


def test_desk_time_is_never_in_the_future():
    with pytest.raises(ValueError):
        desk_time(NOON, -1)


def test_scripts_run_in_time_order_under_the_clock(app):
    seen = []
    timeline = Timeline(NOON)

    def script(name, *hours_ago):
        for h in hours_ago:
            yield timeline.at(h)
            seen.append((name, utcnow()))

    timeline.start(script("a", 5, 1))
    timeline.start(script("b", 3))
    timeline.run()
    assert [name for name, _ in seen] == ["a", "b", "a"]
    assert [at.hour for _, at in seen] == [18, 9, 11]
    assert utcnow() > NOON  # the wall clock again


def test_a_script_that_goes_back_in_time_is_refused():
    timeline = Timeline(NOON)

    def backwards():
        yield timeline.at(1)
        yield timeline.at(2)

    timeline.start(backwards())
    with pytest.raises(ValueError, match="back in time"):
        timeline.run()


def test_the_clock_needs_an_aware_time():
    with pytest.raises(ValueError), clock(datetime(2024, 1, 1)):
        pass
