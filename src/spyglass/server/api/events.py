"""`/api/events` and `/api/timeline`: events filtered by type, entity, date range and certainty."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import Field

from spyglass.model import Certainty, EventType
from spyglass.server.deps import Page, PageDep, QueryFilters, SessionDep
from spyglass.store.queries import list_events, timeline
from spyglass.store.views import EventView

router = APIRouter(tags=["events"])


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


@router.get("/timeline", summary="What happened when: events in date order (event date, else publication date)")
def event_timeline(
    session: SessionDep,
    entity: Annotated[str | None, Query(max_length=500, description="Corpus entity id, KB id or name.")] = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> list[EventView]:
    return timeline(session, entity=entity, date_from=date_from, date_to=date_to, limit=limit)
