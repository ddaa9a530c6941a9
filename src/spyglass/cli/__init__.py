"""Command-line interface: thin wrappers over the stage functions, one module per area."""

from spyglass.cli import extract  # noqa: F401  (registers commands)
from spyglass.cli import kb  # noqa: F401
from spyglass.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
