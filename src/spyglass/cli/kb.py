"""`spyglass kb import|list|show`: load sanctions lists and other sources into the knowledge base, inspect it."""

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from spyglass.cli.app import app
from spyglass.cli.errors import fail, one_line_errors
from spyglass.cli.options import DbOption

kb_app = typer.Typer(help="The knowledge base: import sources (UN list, FtM, register), list them, show records.")
app.add_typer(kb_app, name="kb")


@kb_app.command("import")
def import_(
    target: Annotated[
        str, typer.Argument(help="A file or an http(s) URL (UN consolidated XML, FtM JSON lines, YAML).")
    ],
    source: Annotated[str | None, typer.Option(help="Source name; a re-import replaces that source.")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="Loader name; default: detected.")] = None,
    db: DbOption = None,
) -> None:
    """Import a source, replacing its previous records in one transaction."""
    from spyglass.kb.importer import import_source
    from spyglass.store.db import make_engine

    with one_line_errors():
        result = import_source(make_engine(db), target, source=source, fmt=fmt)
    state = "imported" if result.changed else "unchanged"
    typer.echo(f"{result.source}: {result.count} records {state}")


@kb_app.command("list")
def list_(db: DbOption = None) -> None:
    """List imported sources with their record counts, then the packaged data screening always uses."""
    from collections import Counter

    from spyglass.kb.catalog import packaged_records
    from spyglass.kb.storage import list_sources
    from spyglass.store.db import make_engine

    table = Table("source", "loader", "records", "imported", "origin")
    for row in list_sources(make_engine(db)):
        imported = f"{row.imported_at:%Y-%m-%d %H:%M}"
        table.add_row(escape(row.name), row.loader, str(row.record_count), imported, escape(row.origin))
    for source, count in sorted(Counter(r.source for r in packaged_records()).items()):
        table.add_row(source, "packaged", str(count), "", "spyglass package data")
    Console().print(table)


@kb_app.command("show")
def show(
    record_id: Annotated[str, typer.Argument(help="A record id, e.g. un-sc:KPi.033.")], db: DbOption = None
) -> None:
    """Print one record (stored or packaged) as JSON."""
    from spyglass.kb.catalog import find_record
    from spyglass.store.db import make_engine

    record = find_record(make_engine(db), record_id)
    if record is None:
        fail(f"no knowledge-base record {record_id!r}", code=1)
    typer.echo(json.dumps(record.model_dump(mode="json"), indent=2, ensure_ascii=False))
