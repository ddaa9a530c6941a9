"""`spyglass export FORMAT`: records from the store (or a JSONL file) to FtM, STIX 2.1, GeoJSON or CSV."""

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, TextIO

import typer
from pydantic import ValidationError

from spyglass.cli.app import app
from spyglass.cli.errors import fail, one_line_errors
from spyglass.cli.options import DbOption
from spyglass.errors import SpyglassError
from spyglass.model import Extraction


def _date(value: str | None, option: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        fail(f"{option}: not a date (YYYY-MM-DD): {value!r}")
        raise  # unreachable: fail exits


def read_jsonl(stream: TextIO, name: str) -> Iterator[Extraction]:
    """Extraction records, one JSON object a line; a bad line stops the export with its line number."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield Extraction.model_validate_json(line)
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "record"
            raise SpyglassError(f"{name}:{number}: not an extraction record ({where}: {first['msg']})") from None


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """stdout, or a temporary file beside `path` renamed onto it only when the export succeeds."""
    if path is None:
        yield sys.stdout
        return
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    except OSError as err:
        raise SpyglassError(f"--out {path}: {err.strerror}") from err
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


@contextmanager
def _jsonl(input: str) -> Iterator[Iterator[Extraction]]:
    """The records of a JSONL file, or of stdin for `-`."""
    if input == "-":
        yield read_jsonl(sys.stdin, "<stdin>")
        return
    try:
        source = open(input, encoding="utf-8")  # noqa: SIM115  (closed by the with below)
    except OSError as err:
        raise SpyglassError(f"--input {input}: {err.strerror}") from err
    with source:
        yield read_jsonl(source, input)


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="ftm, stix, geojson, csv (events) or csv-entities.")],
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout.")] = None,
    input: Annotated[str | None, typer.Option(help="JSONL of extraction records (- for stdin), not the store.")] = None,
    db: DbOption = None,
    types: Annotated[list[str] | None, typer.Option("--type", help="Only this event or entity type (repeat).")] = None,
    entity: Annotated[str | None, typer.Option(help="Only documents naming this entity (name or kb_id).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Published on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Published on or before (YYYY-MM-DD).")] = None,
) -> None:
    """Export extraction records to analysts' tools: FollowTheMoney, STIX 2.1, GeoJSON or CSV."""
    from spyglass.export import ExportContext, export, get_exporter
    from spyglass.export.filters import Filters

    start, end = _date(date_from, "--from"), _date(date_to, "--to")
    with one_line_errors():
        get_exporter(fmt)
        filters = Filters.build(types or (), entity=entity, published_from=start, published_to=end)
        if input is not None:
            with _jsonl(input) as records, _output(out) as stream:
                export(fmt, filters.apply(records), stream, ExportContext.packaged())
            return
        from spyglass.cli.store import migrated
        from spyglass.kb.catalog import all_records
        from spyglass.store.db import make_sessionmaker
        from spyglass.store.records import iter_extractions

        with migrated(db) as engine, make_sessionmaker(engine)() as session, _output(out) as stream:
            stored = iter_extractions(session, published_from=start, published_to=end)
            export(fmt, filters.apply(stored), stream, ExportContext.from_records(all_records(engine)))
