"""`/api/indicators` and `/api/corroboration`: the corpus analyses, each result with its evidence and reasons.

Both read the whole store, so results are cached until it changes (`server.cache`).
"""

from typing import Annotated

from fastapi import APIRouter, Query

from spyglass.analyse.corroborate import corroborate
from spyglass.analyse.indicators import indicators
from spyglass.server.deps import CacheDep, Page, PageDep, PageParams, SessionDep
from spyglass.store.views import Cluster, Indicator, IndicatorKind

router = APIRouter(tags=["analysis"])


def _page(items: list, page: PageParams) -> Page:
    return Page(items=items[page.offset : page.offset + page.limit], total=len(items), **page.model_dump())


@router.get("/indicators", summary="Events that should make an analyst look closer, with reason and evidence")
def indicator_list(
    session: SessionDep, cache: CacheDep, page: PageDep, kind: Annotated[IndicatorKind | None, Query()] = None
) -> Page[Indicator]:
    found = [i for i in cache.get(session, "indicators", lambda: indicators(session)) if kind in (None, i.kind)]
    return _page(found, page)


@router.get(
    "/corroboration",
    summary="Events reported by several documents, with how many independent sources report each",
)
def corroboration(
    session: SessionDep,
    cache: CacheDep,
    page: PageDep,
    min_sources: Annotated[int, Query(ge=1, le=1000, description="Fewest independent sources shown.")] = 1,
) -> Page[Cluster]:
    clusters = cache.get(session, "corroboration", lambda: corroborate(session))
    found = [c for c in clusters if c.independent_sources >= min_sources]
    return _page(found, page)
