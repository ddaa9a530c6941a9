"""`/api/indicators` and `/api/corroboration`: the corpus analyses, each result with its evidence and reasons."""

from typing import Annotated

from fastapi import APIRouter, Query

from spyglass.analyse.corroborate import corroborate
from spyglass.analyse.indicators import indicators
from spyglass.server.deps import Page, PageDep, PageParams, SessionDep
from spyglass.store.views import Cluster, Indicator, IndicatorKind

router = APIRouter(tags=["analysis"])


def _page(items: list, page: PageParams) -> Page:
    return Page(items=items[page.offset : page.offset + page.limit], total=len(items), **page.model_dump())


@router.get("/indicators", summary="Events that should make an analyst look closer, with reason and evidence")
def indicator_list(
    session: SessionDep, page: PageDep, kind: Annotated[IndicatorKind | None, Query()] = None
) -> Page[Indicator]:
    found = [i for i in indicators(session) if kind is None or i.kind is kind]
    return _page(found, page)


@router.get(
    "/corroboration",
    summary="Events reported by several documents, with how many independent sources report each",
)
def corroboration(
    session: SessionDep,
    page: PageDep,
    min_sources: Annotated[int, Query(ge=1, le=1000, description="Fewest independent sources shown.")] = 1,
) -> Page[Cluster]:
    found = [c for c in corroborate(session) if c.independent_sources >= min_sources]
    return _page(found, page)
