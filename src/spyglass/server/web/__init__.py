"""The web page: server-rendered views over the same store functions as the API."""

from spyglass.server.web import api_docs, documents, entities, geo, indicators, ingest, screening, search, timeline

routers = [
    search.router,
    documents.router,
    entities.router,
    timeline.router,
    indicators.router,
    geo.router,
    screening.router,
    ingest.router,
    api_docs.router,
]
