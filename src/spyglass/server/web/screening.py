"""Screening page: names against sanctions lists and the register, and one shipment declaration (reads: GET)."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import Field

from spyglass.analyse.shipment import Declaration
from spyglass.model import EntityType
from spyglass.server.api.screening import MatcherDep, NameQuery, screen_names, screen_shipments
from spyglass.server.deps import QueryFilters
from spyglass.server.web.page import render

router = APIRouter()
SHIPMENT_FIELDS = [
    ("description", "goods as declared"),
    ("hs_code", "HS code"),
    ("shipper", "shipper"),
    ("consignee", "consignee"),
    ("notify", "notify party"),
    ("route", "route (ports in order, e.g. Nampo > Dalian)"),
]


class ScreeningForm(QueryFilters):
    """The two forms of the page; empty fields are not screened."""

    names: str = Field("", max_length=20_000, description="Names to screen, one a line (the first 100).")
    type: EntityType | None = None
    description: str = ""
    hs_code: str = ""
    shipper: str = ""
    consignee: str = ""
    notify: str = ""
    route: str = ""


@router.get("/screening", response_class=HTMLResponse)
def screening_page(request: Request, matcher: MatcherDep, form: Annotated[ScreeningForm, Query()]) -> HTMLResponse:
    names = [n.strip() for n in form.names.splitlines() if n.strip()][:100]
    query = NameQuery(names=names, type=form.type) if names else None
    declaration = Declaration(
        **form.model_dump(include={"description", "hs_code", "shipper", "consignee", "notify"}),
        route=Declaration.split_route(form.route),
    )
    screened = any(form.model_dump(exclude={"names", "type"}).values())
    return render(
        request,
        "screening.html",
        "screening",
        names_text=form.names,
        kind=form.type.value if form.type else "",
        entity_types=[t.value for t in EntityType],
        threshold=query.threshold if query else 0,
        name_results=screen_names(query, matcher) if query else [],
        shipment_fields=SHIPMENT_FIELDS,
        declaration=declaration,
        flags=screen_shipments(declaration, matcher) if screened else None,
    )
