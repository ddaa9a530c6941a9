"""Turn user-facing failures into one line on stderr and an exit code, never a traceback."""

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from spyglass.errors import SpyglassError


def fail(message: str, code: int = 2) -> None:
    """Print `spyglass: message` on stderr and exit with `code`."""
    typer.echo(f"spyglass: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Run a command body so that domain errors end it with one clear line."""
    try:
        yield
    except SpyglassError as err:
        fail(str(err))
