"""Entity page: names, knowledge-base record and list status, and every event it takes part in with sources."""

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from spyglass.server.deps import Page, PageDep, SessionDep
from spyglass.server.web.page import link_with, render
from spyglass.store.queries import get_entity

router = APIRouter()


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, session: SessionDep, entity_id: str, page: PageDep) -> HTMLResponse:
    profile = get_entity(session, entity_id)
    if profile is None:
        raise HTTPException(404, f"no entity {entity_id}")
    claims = profile.claims[page.offset : page.offset + page.limit]
    pages = Page(items=claims, total=len(profile.claims), limit=page.limit, offset=page.offset)
    return render(request, "entity.html", profile=profile, claims=pages, url=link_with(request))
