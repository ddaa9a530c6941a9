"""Exporters registered by name; the built-ins register here exactly as a plugin would.

A plugin package declares an entry point in the `spyglass.exporters` group whose object is an `Exporter`; it is
loaded the first time the registry is read.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from typing import TextIO

from spyglass.errors import SpyglassError
from spyglass.export.context import ExportContext
from spyglass.model import Extraction

ENTRY_POINT_GROUP = "spyglass.exporters"

WriteFn = Callable[[Iterable[Extraction], TextIO, ExportContext], None]


@dataclass(frozen=True)
class Exporter:
    """A named output format: `write(records, out, context)` streams the records to `out` as text."""

    name: str
    write: WriteFn
    media_type: str
    suffix: str
    description: str


_exporters: dict[str, Exporter] = {}


def register_exporter(exporter: Exporter) -> Exporter:
    """Add `exporter` under its name; a second format with the same name is a programming error."""
    if exporter.name in _exporters and _exporters[exporter.name] is not exporter:
        raise ValueError(f"exporter {exporter.name!r} is already registered")
    _exporters[exporter.name] = exporter
    return exporter


def exporter(name: str, media_type: str, suffix: str, description: str) -> Callable[[WriteFn], WriteFn]:
    """Decorator form of `register_exporter` for a write function."""

    def decorate(write: WriteFn) -> WriteFn:
        register_exporter(Exporter(name, write, media_type, suffix, description))
        return write

    return decorate


@cache
def _load_plugins() -> None:
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        register_exporter(entry.load())


def exporters() -> Mapping[str, Exporter]:
    """Every registered exporter by name, plugins included."""
    _load_plugins()
    return dict(sorted(_exporters.items()))


def get_exporter(name: str) -> Exporter:
    """The exporter called `name`, or a one-line error naming the known ones."""
    found = exporters().get(name)
    if found is None:
        raise SpyglassError(f"unknown export format {name!r} (known: {', '.join(exporters())})")
    return found
