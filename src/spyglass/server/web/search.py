"""The home page: full-text search with event filters, or the recently ingested documents."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from spyglass.model import Certainty, EventType
from spyglass.server.api.events import EventFilters
from spyglass.server.deps import Page, PageDep, SessionDep
from spyglass.server.highlight import marked
from spyglass.server.web.page import link_with, render
from spyglass.store.fulltext import search
from spyglass.store.queries import list_events
from spyglass.store.records import list_documents

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    session: SessionDep,
    filters: Annotated[EventFilters, Query()],
    page: PageDep,
    q: Annotated[str, Query(max_length=500)] = "",
) -> HTMLResponse:
    q = q.strip()
    hits = events = documents = None
    if q:
        found = search(session, q, limit=page.limit, offset=page.offset)
        hits = Page.of(found, page)
    if any(v is not None for v in filters.model_dump().values()):
        events = Page.of(list_events(session, **filters.model_dump(), limit=page.limit, offset=page.offset), page)
    if hits is None and events is None:
        documents = Page.of(list_documents(session, limit=page.limit, offset=page.offset), page)
    return render(
        request,
        "search.html",
        "search",
        q=q,
        filters=filters,
        hits=hits,
        snippets=[marked(h.snippet, h.highlights) for h in hits.items] if hits else [],
        events=events,
        documents=documents,
        url=link_with(request),
        event_types=[t.value for t in EventType],
        certainties=[c.value for c in Certainty],
    )
