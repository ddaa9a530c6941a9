"""Map page: the GeoJSON export of the stored records, drawn as an equirectangular SVG (no tiles offline)."""

import io
import json
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from spyglass.server.api.exports import ExportFilters, write_export
from spyglass.server.deps import CacheDep, SessionDep
from spyglass.server.geoplot import plot
from spyglass.server.web.page import render

router = APIRouter()


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request, session: SessionDep, cache: CacheDep, filters: Annotated[ExportFilters, Query()]
) -> HTMLResponse:
    def geojson() -> dict:
        out = io.StringIO()
        write_export(session, "geojson", filters, out)
        return json.loads(out.getvalue())

    features = cache.get(session, ("geojson", filters.model_dump_json()), geojson)
    drawn = plot(features, lambda props: "/entities/" + quote(props["names"][0], safe=""))
    query = urlencode(request.query_params)
    return render(
        request,
        "map.html",
        "map",
        plot=drawn,
        filters=filters,
        geojson_url="/api/exports/geojson" + (f"?{query}" if query else ""),
    )
