"""`/api/entities`: corpus entities with every claim made about them."""

from fastapi import APIRouter, HTTPException, status

from spyglass.server.deps import SessionDep
from spyglass.server.errors import ErrorDetail
from spyglass.store.queries import get_entity
from spyglass.store.views import EntityProfile

router = APIRouter(prefix="/entities", tags=["entities"])


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
