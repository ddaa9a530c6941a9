"""The timeline chart: events counted per period and stacked by type, laid out as SVG rectangles.

Only layout lives here (which bar goes where); the events come from the store's query, the drawing from the
template. Periods are months, or years when the events span more than ten years.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from spyglass.model import EventType
from spyglass.store.views import EventView

WIDTH, HEIGHT = 960, 260
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 10, 30


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


def timeline_chart(events: list[EventView]) -> Chart:
    """Stacked bars of events per month (or year), one colour per event type, with axes ticks."""
    days = [(d, e.type) for e in events if (d := event_day(e))]
    undated = len(events) - len(days)
    if not days:
        return Chart(WIDTH, HEIGHT, [], [], [], undated, HEIGHT - BOTTOM)
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    yearly = (last - first).days > 3660
    counts = Counter((_period(d, yearly), t) for d, t in days)
    periods = [_period(first, yearly)]
    while periods[-1] < _period(last, yearly):
        periods.append(_next(periods[-1], yearly))
    totals = Counter(p for p, _ in counts.elements())
    peak = max(totals.values())
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(periods)
    bars = []
    for i, period in enumerate(periods):
        y = HEIGHT - BOTTOM
        for etype in EventType:
            n = counts.get((period, etype), 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            label = str(period.year) if yearly else period.strftime("%b %Y")
            end = _next(period, yearly) - timedelta(days=1)
            x = round(LEFT + i * slot + slot * 0.1, 1)
            bars.append(Bar(x, round(y, 1), round(slot * 0.8, 1), round(h, 1), etype.value, n, label, period, end))
    every = max(1, round(len(periods) / 12))
    x_ticks = [
        (round(LEFT + (i + 0.5) * slot, 1), str(p.year) if yearly or p.month == 1 or i == 0 else p.strftime("%b"))
        for i, p in enumerate(periods)
        if i % every == 0
    ]
    step = max(1, -(-peak // 4))
    y_ticks = [(round(HEIGHT - BOTTOM - plot_h * v / peak, 1), v) for v in range(0, peak + 1, step)]
    return Chart(WIDTH, HEIGHT, bars, x_ticks, y_ticks, undated, HEIGHT - BOTTOM)
