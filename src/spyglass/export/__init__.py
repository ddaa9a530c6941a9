"""Export extraction records to the analysts' tools: FollowTheMoney, STIX 2.1, GeoJSON and CSV.

`export(format, records, out)` is the one entry point (CLI and API); formats live in a registry
(`registry.exporters()`) that plugins join through the `spyglass.exporters` entry-point group.
"""

from collections.abc import Iterable
from typing import TextIO

from spyglass.export import ftm, geojson, stix, tabular  # noqa: F401  (register the built-in exporters)
from spyglass.export.context import ExportContext
from spyglass.export.registry import Exporter, exporters, get_exporter, register_exporter
from spyglass.model import Extraction

__all__ = ["ExportContext", "Exporter", "export", "exporters", "get_exporter", "register_exporter"]


def export(format: str, records: Iterable[Extraction], out: TextIO, context: ExportContext | None = None) -> None:
    """Write `records` to `out` in the registered `format`; `context` defaults to the packaged knowledge base.

    Raises `SpyglassError` for an unknown format.
    """
    get_exporter(format).write(records, out, context or ExportContext.packaged())
