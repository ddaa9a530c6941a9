"""Store commands: `ingest` articles into the store, then ask it: `search`, `entity`, `timeline`, `indicators`,
`corroborate` (Rich tables, or `--json`)."""

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Annotated

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from spyglass.cli.app import app
from spyglass.cli.errors import fail, one_line_errors
from spyglass.cli.options import DbOption
from spyglass.store.views import EventView, SearchHit

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
out = Console(soft_wrap=False)
err = Console(stderr=True)


@contextmanager
def migrated(db: str | None) -> Iterator[Engine]:
    """The engine of the store at `db`, migrated; database failures end the command with one line."""
    from spyglass.store.db import make_engine
    from spyglass.store.schema import ensure_schema

    with one_line_errors():
        try:
            engine = make_engine(db)
            ensure_schema(engine)
            yield engine
        except SQLAlchemyError as error:
            reason = " ".join(str(getattr(error, "orig", None) or error).split())  # one line, whatever the driver says
            fail(f"store: {error.__class__.__name__}: {reason}")


@contextmanager
def store(db: str | None) -> Iterator[Session]:
    from spyglass.store.db import make_sessionmaker

    with migrated(db) as engine, make_sessionmaker(engine)() as session:
        yield session


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: not a date (YYYY-MM-DD): {value!r}")
    return None


def _print_json(items: BaseModel | Sequence[BaseModel]) -> None:
    data = items.model_dump(mode="json") if isinstance(items, BaseModel) else [i.model_dump(mode="json") for i in items]
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs or feeds.")],
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes (the parent writes).")] = 1,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs stating none.")
    ] = None,
    dask: Annotated[str | None, typer.Option(help="Extract on a Dask cluster: a scheduler address or local:N.")] = None,
    db: DbOption = None,
) -> None:
    """Read, extract and store articles; each document is one transaction, re-ingesting is a no-op."""
    from spyglass.store.ingestion import Status
    from spyglass.store.ingestion import ingest as run

    pub = _date(published, "--published")
    counts: Counter[Status] = Counter()
    failures = []
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    with migrated(db) as engine, progress:
        task = progress.add_task("ingesting", total=None)
        for outcome in run(engine, inputs, workers=workers, published=pub, dask=dask):
            counts[outcome.status] += 1
            if outcome.status is Status.failed:
                failures.append(outcome)
            progress.update(task, advance=1, description=f"ingesting {outcome.source[-40:]}")
    err.print(
        f"{counts[Status.stored]} stored, {counts[Status.unchanged]} already stored, {counts[Status.failed]} failed",
        highlight=False,
    )
    for outcome in failures:
        typer.echo(f"spyglass: {outcome.source}: {outcome.message}", err=True)
    if failures:
        raise typer.Exit(1)


def _snippet(hit: SearchHit) -> Text:
    text = Text(hit.snippet.replace("\n", " "))
    for start, end in hit.highlights:
        text.stylize("bold yellow", start, end)
    return text


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in document texts and entity names.")],
    limit: Annotated[int, typer.Option(min=1, help="Hits to show.")] = 20,
    offset: Annotated[int, typer.Option(min=0, help="Hits to skip.")] = 0,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Full-text search over stored documents and entity names, best first."""
    from spyglass.store.fulltext import search as run

    with store(db) as session:
        page = run(session, query, limit=limit, offset=offset)
    if as_json:
        return _print_json(page)
    table = Table(title=f"{page.total} hits for {query!r}", show_lines=True)
    for column in ("kind", "title", "snippet", "id"):
        table.add_column(column, overflow="fold")
    for hit in page.items:
        table.add_row(hit.kind, hit.title, _snippet(hit), hit.id)
    out.print(table)
    return None


def _when(event: EventView) -> str:
    if event.date and event.date.start:
        end = f"..{event.date.end}" if event.date.end and event.date.end != event.date.start else ""
        return f"{'~' if event.date.approximate else ''}{event.date.start}{end}"
    return f"(reported {event.document.published})" if event.document.published else "?"


def _who(event: EventView) -> str:
    return "; ".join(f"{a.role.value}: {a.entity.name}" for a in event.arguments)


def _claim(event: EventView) -> str:
    sources = " > ".join(s.name for s in event.claim.sources) or "(the document)"
    return f"{event.claim.certainty.value}, {sources}"


def _events_table(title: str, events: Sequence[EventView], role_of: dict[str, str] | None = None) -> Table:
    table = Table(title=title, show_lines=True)
    columns = ["date", "event", *(["role"] if role_of else []), "who", "sentence", "claim", "document"]
    for column in columns:
        table.add_column(column, overflow="fold")
    for event in events:
        cells = [_when(event), event.type.value, *([role_of[event.id]] if role_of else []), _who(event)]
        cells += [event.sentence.text, _claim(event), event.document.title or event.document.source]
        table.add_row(*cells)
    return table


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="Entity id (ent:...), knowledge-base id or name.")],
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Every claim the store holds about an entity, with its sources and certainty."""
    from spyglass.store.queries import get_entity

    with store(db) as session:
        profile = get_entity(session, name)
    if profile is None:
        fail(f"no stored entity matches {name!r}", code=1)
        return None
    if as_json:
        return _print_json(profile)
    e = profile.entity
    out.print(f"[bold]{e.name}[/bold] ({e.type.value}) {e.id}" + (f" kb: {e.kb_id}" if e.kb_id else ""))
    out.print(f"named as: {', '.join(profile.names)}", highlight=False)
    out.print(f"{profile.documents} documents, {profile.mentions} mentions", highlight=False)
    if profile.kb:
        flags = "defense-linked" if profile.kb.defense_linked else "not marked defense-linked"
        listed = f", listed {profile.kb.listed_on}" if profile.kb.listed_on else ""
        out.print(f"knowledge base: {profile.kb.source}, {flags}{listed}", highlight=False)
    roles = {c.event.id: c.role.value for c in profile.claims}
    out.print(_events_table(f"{len(profile.claims)} claims", [c.event for c in profile.claims], roles))
    return None


@app.command()
def timeline(
    entity: Annotated[str | None, typer.Option(help="Only events this entity (id or name) takes part in.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="From this date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Up to this date (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Events to show.")] = 500,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Events in date order (undated ones by their report's publication date)."""
    from spyglass.store.queries import timeline as run

    start, end = _date(date_from, "--from"), _date(date_to, "--to")
    with store(db) as session:
        events = run(session, entity=entity, date_from=start, date_to=end, limit=limit)
    if as_json:
        return _print_json(events)
    out.print(_events_table(f"{len(events)} events", events))
    return None


@app.command()
def indicators(as_json: JsonOption = False, db: DbOption = None) -> None:
    """Stored events that deserve a closer look, each with its reason and evidence."""
    from spyglass.analyse.indicators import indicators as run

    with store(db) as session:
        found = run(session)
    if as_json:
        return _print_json(found)
    table = Table(title=f"{len(found)} indicators", show_lines=True)
    for column in ("kind", "reason", "evidence"):
        table.add_column(column, overflow="fold")
    for hit in found:
        evidence = "\n".join(
            f"{e.document.title or e.document.source} [{e.start}:{e.end}]: {e.sentence}" for e in hit.evidence
        )
        table.add_row(hit.kind.value, hit.reason, evidence)
    out.print(table)
    return None


@app.command()
def corroborate(as_json: JsonOption = False, db: DbOption = None) -> None:
    """Events reported by several documents, clustered, with how many independent sources report each."""
    from spyglass.analyse.corroborate import corroborate as run

    with store(db) as session:
        clusters = run(session)
    if as_json:
        return _print_json(clusters)
    table = Table(title=f"{len(clusters)} corroborated events", show_lines=True)
    for column in ("event", "who", "documents", "independent sources", "why merged"):
        table.add_column(column, overflow="fold")
    for cluster in clusters:
        first = cluster.events[0]
        table.add_row(
            f"{first.type.value} {_when(first)}",
            _who(first),
            "\n".join(
                dict.fromkeys(f"{e.document.title or e.document.source} ({e.document.id[:15]})" for e in cluster.events)
            ),
            str(cluster.independent_sources),
            "\n".join(cluster.reasons),
        )
    out.print(table)
    return None
