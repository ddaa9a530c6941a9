"""The timeline: events counted per period by type (`series`, also served as JSON), and its chart layout.

Only counting and layout live here; the events come from the store's query, the drawing from the template.
Periods are months, or years when the events span more than ten years; an event counts on its own date, else
on its document's publication date (as the store orders them).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel

from spyglass.model import EventType
from spyglass.store.views import EventView

WIDTH, HEIGHT = 960, 260
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 10, 30


class Period(BaseModel):
    start: date
    end: date
    counts: dict[EventType, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class Series(BaseModel):
    """Events per period and type, every period from the first to the last present (empty ones included)."""

    unit: Literal["month", "year"]
    periods: list[Period]
    undated: int


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    type: str
    count: int
    period: str
    start: date
    end: date


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, int]]
    undated: int
    baseline: float


def event_day(event: EventView) -> date | None:
    """When an event happened: its own date, else the publication date of its document."""
    return (event.date.start if event.date else None) or event.document.published


def _period(day: date, yearly: bool) -> date:
    return date(day.year, 1, 1) if yearly else date(day.year, day.month, 1)


def _next(period: date, yearly: bool) -> date:
    if yearly:
        return date(period.year + 1, 1, 1)
    return date(period.year + period.month // 12, period.month % 12 + 1, 1)


def series(marks: Iterable[tuple[date | None, EventType]]) -> Series:
    """Count events, given as (day or None, type), per month (or year) and type."""
    marks = list(marks)
    days = [(d, t) for d, t in marks if d]
    undated = len(marks) - len(days)
    if not days:
        return Series(unit="month", periods=[], undated=undated)
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    yearly = (last - first).days > 3660
    counts = Counter((_period(d, yearly), t) for d, t in days)
    starts = [_period(first, yearly)]
    while starts[-1] < _period(last, yearly):
        starts.append(_next(starts[-1], yearly))
    periods = [
        Period(
            start=start,
            end=_next(start, yearly) - timedelta(days=1),
            counts={t: counts[(start, t)] for t in EventType if counts[(start, t)]},
        )
        for start in starts
    ]
    return Series(unit="year" if yearly else "month", periods=periods, undated=undated)


def _tick_labels(periods: list[Period], yearly: bool) -> list[tuple[int, str]]:
    """At most about a dozen (index, label) ticks: months over two years or less, else years only."""
    if yearly or len(periods) > 24:
        starts = [i for i, p in enumerate(periods) if yearly or p.start.month == 1 or i == 0]
        every = max(1, round(len(starts) / 12))
        return [(i, str(periods[i].start.year)) for n, i in enumerate(starts) if n % every == 0]
    every = max(1, round(len(periods) / 12))
    return [
        (i, str(p.start.year) if p.start.month == 1 or i == 0 else p.start.strftime("%b"))
        for i, p in enumerate(periods)
        if i % every == 0
    ]


def timeline_chart(timeline: Series) -> Chart:
    """Stacked bars per period, one colour per event type, with axis ticks."""
    periods, yearly = timeline.periods, timeline.unit == "year"
    peak = max((p.total for p in periods), default=0)
    if not peak:
        return Chart(WIDTH, HEIGHT, [], [], [], timeline.undated, HEIGHT - BOTTOM)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(periods)
    bars = []
    for i, period in enumerate(periods):
        y = HEIGHT - BOTTOM
        label = str(period.start.year) if yearly else period.start.strftime("%b %Y")
        for etype, n in period.counts.items():
            h = plot_h * n / peak
            y -= h
            x = round(LEFT + i * slot + slot * 0.1, 1)
            bars.append(
                Bar(x, round(y, 1), round(slot * 0.8, 1), round(h, 1), etype.value, n, label, period.start, period.end)
            )
    x_ticks = [(round(LEFT + (i + 0.5) * slot, 1), label) for i, label in _tick_labels(periods, yearly)]
    step = max(1, -(-peak // 4))
    y_ticks = [(round(HEIGHT - BOTTOM - plot_h * v / peak, 1), v) for v in range(0, peak + 1, step)]
    return Chart(WIDTH, HEIGHT, bars, x_ticks, y_ticks, timeline.undated, HEIGHT - BOTTOM)
