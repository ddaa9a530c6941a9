"""`/api/screening`: names and shipment declarations against sanctions lists and the register, explained."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from spyglass.analyse.shipment import Declaration, Flag, screen_shipment
from spyglass.match.matcher import Matcher
from spyglass.match.resolve import matcher_for
from spyglass.match.result import Candidate
from spyglass.model import EntityType

router = APIRouter(prefix="/screening", tags=["screening"])


def get_matcher(request: Request) -> Matcher:
    """One matcher per app over packaged and stored KB records, built on first use (restart to see new imports)."""
    state = request.app.state
    with state.matcher_lock:
        if state.matcher is None:
            state.matcher = matcher_for(state.engine)
        return state.matcher


MatcherDep = Annotated[Matcher, Depends(get_matcher)]


class NameQuery(BaseModel):
    names: list[Annotated[str, Field(min_length=1, max_length=300)]] = Field(min_length=1, max_length=100)
    type: EntityType | None = Field(None, description="Only records an entity of this type may be.")
    limit: int = Field(3, ge=1, le=20, description="Candidates per name.")
    threshold: float = Field(0.7, ge=0, le=1, description="Lowest score returned.")


class NameResult(BaseModel):
    query: str
    candidates: list[Candidate]


@router.post("/names", summary="Ranked knowledge-base candidates per name, each score explained feature by feature")
def screen_names(body: NameQuery, matcher: MatcherDep) -> list[NameResult]:
    return [
        NameResult(query=name, candidates=matcher.match(name, body.type, limit=body.limit, threshold=body.threshold))
        for name in body.names
    ]


@router.post(
    "/shipments",
    summary="Flags on one shipment declaration: listed parties, controlled goods, civilian cover, transshipment",
)
def screen_shipments(body: Declaration, matcher: MatcherDep) -> list[Flag]:
    return screen_shipment(body, matcher)
