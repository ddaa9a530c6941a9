"""The JSON API: one router per resource, mounted under `/api`."""

from spyglass.server.api import documents, entities, events, ingest, search

routers = [ingest.router, documents.router, entities.router, events.router, search.router]
