"""`/api/entities`: corpus entities listed, and one with every claim made about it."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import Field

from spyglass.model import EntityType
from spyglass.server.deps import Page, PageDep, QueryFilters, SessionDep
from spyglass.server.errors import ErrorDetail
from spyglass.store.queries import get_entity, list_entities
from spyglass.store.views import EntityProfile, EntitySummary

router = APIRouter(prefix="/entities", tags=["entities"])


class EntityFilters(QueryFilters):
    """Which entities to list; every given filter must hold."""

    type: EntityType | None = None
    q: str | None = Field(None, max_length=500, description="Part of the entity's name, in any case.")


@router.get("", summary="Corpus entities, those in the most events first, with their document and event counts")
def entities(session: SessionDep, filters: Annotated[EntityFilters, Query()], page: PageDep) -> Page[EntitySummary]:
    found = list_entities(session, type=filters.type, name=filters.q, limit=page.limit, offset=page.offset)
    return Page.of(found, page)


@router.get(
    "/{entity_id}",
    summary="One entity (id, KB id or name): names, KB record, every event it takes part in with its claim",
    responses={404: {"model": ErrorDetail, "description": "No entity matches."}},
)
def entity(session: SessionDep, entity_id: str) -> EntityProfile:
    profile = get_entity(session, entity_id)
    if profile is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no entity {entity_id}")
    return profile
