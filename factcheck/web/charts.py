"""Drawing for the board: the claims bar of each article, the approvals
chart, durations in words. Geometry only; the templates draw the SVG."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.models import ClaimStatus
from factcheck.services.board import DayCount

# Bar order and colours (also the legend); fill attributes, not style, for the CSP.
BAR_COLOURS = {
    ClaimStatus.APPROVED: "#1d6b35",
    ClaimStatus.IN_REVIEW: "#9c5a00",
    ClaimStatus.RESEARCHING: "#6a3fb0",
    ClaimStatus.ASSIGNED: "#2f5aa8",
    ClaimStatus.RETURNED: "#a3211a",
    ClaimStatus.OPEN: "#8a949e",
}


@dataclass(frozen=True)
class BarSegment:
    status: ClaimStatus
    count: int
    x: float
    width: float
    colour: str


@dataclass(frozen=True)
class ClaimBar:
    segments: list[BarSegment]
    label: str


def claim_bar(counts: Mapping[ClaimStatus, int]) -> ClaimBar:
    """Segments of a 100-unit wide bar, one per claim status present."""
    total = sum(counts.get(status, 0) for status in BAR_COLOURS)
    segments, x = [], 0.0
    for status, colour in BAR_COLOURS.items():
        count = counts.get(status, 0)
        if count:
            width = 100 * count / total
            segments.append(BarSegment(status, count, round(x, 2), round(width, 2), colour))
            x += width
    label = ", ".join(f"{s.count} {s.status.label}" for s in segments) or "No claims"
    return ClaimBar(segments, label)


@dataclass(frozen=True)
class ChartBar:
    day: date
    count: int
    x: float
    y: float
    height: float


@dataclass(frozen=True)
class Chart:
    bars: list[ChartBar]
    width: int
    height: int
    peak: int
    total: int


def approvals_chart(per_day: list[DayCount], width: int = 600, height: int = 120) -> Chart:
    """Geometry of a bar chart, drawn as SVG by the template."""
    peak = max((d.count for d in per_day), default=0)
    step = width / max(len(per_day), 1)
    bars = []
    for i, d in enumerate(per_day):
        h = (height - 14) * d.count / peak if peak else 0
        bars.append(
            ChartBar(d.day, d.count, round(i * step + 1, 1), round(height - h, 1), round(h, 1))
        )
    return Chart(bars, width, height, peak, sum(d.count for d in per_day))


def format_duration(value: timedelta | None) -> str:
    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    d, rest = divmod(minutes, 24 * 60)
    h, m = divmod(rest, 60)
    if d:
        return f"{d} d {h} h"
    if h:
        return f"{h} h {m} min"
    return f"{m} min"
