"""`/api/events` and `/api/timeline`: events filtered by type, entity, date range and certainty, listed or counted."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import Field
from sqlalchemy.orm import Session

from spyglass.model import Certainty, EventType
from spyglass.server.cache import AnalysisCache
from spyglass.server.charts import Series, event_day, series
from spyglass.server.deps import CacheDep, Page, PageDep, QueryFilters, SessionDep
from spyglass.store.queries import list_events
from spyglass.store.views import EventView

router = APIRouter(tags=["events"])
TIMELINE_BATCH = 1000
TIMELINE_LIMIT = 200_000  # events counted at most (in date order): keeps one request bounded


class EventFilters(QueryFilters):
    """Which events to return; every given filter must hold."""

    type: EventType | None = None
    entity: str | None = Field(None, max_length=500, description="Corpus entity id, knowledge-base id or name.")
    date_from: date | None = Field(None, description="Events ending on or after this day.")
    date_to: date | None = Field(None, description="Events starting on or before this day.")
    certainty: Certainty | None = None


@router.get("/events", summary="Events matching every filter, oldest first")
def events(session: SessionDep, filters: Annotated[EventFilters, Query()], page: PageDep) -> Page[EventView]:
    found = list_events(session, **filters.model_dump(), limit=page.limit, offset=page.offset)
    return Page.of(found, page)


class Timeline(Series):
    """The timeline of the events matching the filters (the first `TIMELINE_LIMIT` of them, in date order)."""

    counted: int
    total: int


def _count(session: Session, filters: EventFilters) -> Timeline:
    marks: list[tuple[date | None, EventType]] = []
    total = TIMELINE_BATCH
    while len(marks) < min(total, TIMELINE_LIMIT):
        found = list_events(session, **filters.model_dump(), limit=TIMELINE_BATCH, offset=len(marks))
        marks += [(event_day(e), e.type) for e in found.items]
        total = found.total if found.items else len(marks)
    return Timeline(**series(marks).model_dump(), counted=len(marks), total=total)


def timeline_of(session: Session, cache: AnalysisCache, filters: EventFilters) -> Timeline:
    """Count the matching events per period and type, a batch of events at a time (cached until the store
    changes); the web chart draws exactly this."""
    return cache.get(session, ("timeline", filters.model_dump_json()), lambda: _count(session, filters))


@router.get("/timeline", summary="Matching events counted per month (or year) and type, for a chart")
def event_timeline(session: SessionDep, cache: CacheDep, filters: Annotated[EventFilters, Query()]) -> Timeline:
    return timeline_of(session, cache, filters)
