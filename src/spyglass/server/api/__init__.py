"""The JSON API: one router per resource, mounted under `/api`."""

from spyglass.server.api import analysis, documents, entities, events, exports, ingest, screening, search

routers = [
    ingest.router,
    documents.router,
    entities.router,
    events.router,
    search.router,
    analysis.router,
    screening.router,
    exports.router,
]
