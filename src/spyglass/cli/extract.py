"""`spyglass extract`: print one contract record per input article."""

import json
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from spyglass.cli.app import app
from spyglass.cli.errors import fail
from spyglass.errors import InputError


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs, feeds, or - for stdin.")],
    fmt: Annotated[Format, typer.Option("--format", help="jsonl: one record a line; json: one array.")] = Format.jsonl,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that do not state one.")
    ] = None,
) -> None:
    """Read articles and print their extraction records (entities, events, claims)."""
    from spyglass.extract import extract_many
    from spyglass.ingest import iter_documents

    pub: date | None = None
    if published:
        try:
            pub = date.fromisoformat(published)
        except ValueError:
            fail(f"--published: not a date (YYYY-MM-DD): {published!r}")
    failed = 0

    def documents():
        nonlocal failed
        for item in iter_documents(inputs, published=pub):
            if isinstance(item, InputError):
                failed += 1
                typer.echo(f"spyglass: {item}", err=True)
            else:
                yield item

    records = extract_many(documents())
    if fmt is Format.jsonl:
        for rec in records:
            sys.stdout.write(rec.model_dump_json() + "\n")
    else:
        json.dump([r.model_dump(mode="json") for r in records], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    if failed:
        raise typer.Exit(1)
