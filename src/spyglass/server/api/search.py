"""`/api/search`: full-text search over documents and entity names."""

from typing import Annotated

from fastapi import APIRouter, Query

from spyglass.server.deps import Page, PageDep, SessionDep
from spyglass.store.fulltext import search as search_store
from spyglass.store.views import SearchHit

router = APIRouter(tags=["search"])


@router.get("/search", summary="Documents and entities matching words, best first, with marked snippets")
def search(
    session: SessionDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words, all required.")],
    page: PageDep,
) -> Page[SearchHit]:
    found = search_store(session, q, limit=page.limit, offset=page.offset)
    return Page.of(found, page)
