"""Command-line interface: thin wrappers over the stage functions, one module per area."""

from spyglass.cli import (
    export,  # noqa: F401  (registers commands)
    extract,  # noqa: F401
    kb,  # noqa: F401
    screen,  # noqa: F401
    serve,  # noqa: F401
    store,  # noqa: F401
)
from spyglass.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
