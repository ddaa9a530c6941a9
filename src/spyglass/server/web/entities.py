"""Entity page: names, knowledge-base record and list status, and every event it takes part in with sources."""

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from spyglass.server.deps import SessionDep
from spyglass.server.web.page import render
from spyglass.store.queries import get_entity

router = APIRouter()


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, session: SessionDep, entity_id: str) -> HTMLResponse:
    profile = get_entity(session, entity_id)
    if profile is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return render(request, "entity.html", profile=profile)
