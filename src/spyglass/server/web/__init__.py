"""The web page: server-rendered views over the same store functions as the API."""

from spyglass.server.web import api_docs, documents

routers = [api_docs.router, documents.router]
