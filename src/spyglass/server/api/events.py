"""`/api/events` and `/api/timeline`: events filtered by type, entity, date range and certainty, listed or counted."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import Field
from sqlalchemy.orm import Session

from spyglass.model import Certainty, EventType
from spyglass.server.charts import Series, series
from spyglass.server.deps import Page, PageDep, QueryFilters, SessionDep
from spyglass.store.queries import list_events
from spyglass.store.views import EventView

router = APIRouter(tags=["events"])
TIMELINE_LIMIT = 5000


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


def timeline_of(session: Session, filters: EventFilters) -> Timeline:
    """Count the matching events per period and type; the web chart draws exactly this."""
    found = list_events(session, **filters.model_dump(), limit=TIMELINE_LIMIT)
    return Timeline(**series(found.items).model_dump(), counted=len(found.items), total=found.total)


@router.get("/timeline", summary="Matching events counted per month (or year) and type, for a chart")
def event_timeline(session: SessionDep, filters: Annotated[EventFilters, Query()]) -> Timeline:
    return timeline_of(session, filters)
