"""HTTP server: the JSON API and the analysts' web page, built by `create_app(settings)`."""

from spyglass.server.app import create_app
from spyglass.server.settings import Settings

__all__ = ["Settings", "create_app"]
