"""The JSON API: one router per resource, mounted under `/api`."""

from spyglass.server.api import documents, events, ingest, search

routers = [ingest.router, documents.router, events.router, search.router]
