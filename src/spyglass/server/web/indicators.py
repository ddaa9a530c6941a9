"""Indicators page: each indicator with its reason and the marked evidence, then the corroborated events."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from spyglass.server.api.analysis import corroboration, indicator_list
from spyglass.server.deps import CacheDep, PageDep, SessionDep
from spyglass.server.highlight import marked
from spyglass.server.web.page import link_with, render
from spyglass.store.views import Evidence, IndicatorKind

router = APIRouter()


def _marks(evidence: Evidence) -> list[tuple[str, bool]]:
    at = evidence.sentence.find(evidence.text)
    return marked(evidence.sentence, [(at, at + len(evidence.text))] if at >= 0 else [])


@router.get("/indicators", response_class=HTMLResponse)
def indicators_page(
    request: Request,
    session: SessionDep,
    cache: CacheDep,
    page: PageDep,
    kind: Annotated[IndicatorKind | None, Query()] = None,
) -> HTMLResponse:
    found = indicator_list(session, cache, page, kind)
    clusters = corroboration(session, cache, page, min_sources=1)
    return render(
        request,
        "indicators.html",
        "indicators",
        indicators=[(i, [(e, _marks(e)) for e in i.evidence]) for i in found.items],
        page=found,
        kind=kind.value if kind else "",
        kinds=[k.value for k in IndicatorKind],
        clusters=clusters.items,
        url=link_with(request),
    )
