"""Timeline page: a chart of events per period by type, filterable, above the matching events."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from spyglass.model import Certainty, EventType
from spyglass.server.api.events import EventFilters, timeline_of
from spyglass.server.charts import timeline_chart
from spyglass.server.deps import CacheDep, Page, PageDep, SessionDep
from spyglass.server.web.page import link_with, render
from spyglass.store.queries import list_events

router = APIRouter()


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    session: SessionDep,
    cache: CacheDep,
    filters: Annotated[EventFilters, Query()],
    page: PageDep,
) -> HTMLResponse:
    timeline = timeline_of(session, cache, filters)
    listed = list_events(session, **filters.model_dump(), limit=page.limit, offset=page.offset)
    return render(
        request,
        "timeline.html",
        "timeline",
        filters=filters,
        chart=timeline_chart(timeline),
        timeline=timeline,
        events=Page.of(listed, page),
        url=link_with(request),
        event_types=[t.value for t in EventType],
        certainties=[c.value for c in Certainty],
    )
