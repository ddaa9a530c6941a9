"""`spyglass screen` and `spyglass screen-shipment`: screen names and declarations against the knowledge base.

Both use every source imported into the store plus the packaged data (register, UN DPRK/Iran subset), so they
work on an empty store too.
"""

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from spyglass.cli.app import app
from spyglass.cli.errors import fail, one_line_errors
from spyglass.cli.options import DbOption
from spyglass.errors import InputError
from spyglass.model import EntityType

if TYPE_CHECKING:
    from spyglass.match.context import MatchContext
    from spyglass.match.matcher import Matcher


class Kind(StrEnum):
    person = "person"
    organization = "organization"
    vessel = "vessel"


CANDIDATE_COLUMNS = [
    "query",
    "rank",
    "score",
    "id",
    "name",
    "type",
    "list_type",
    "reference_number",
    "source",
    "matched_name",
    "explanation",
]
DECLARATION_COLUMNS = ["description", "hs_code", "shipper", "consignee", "notify", "route"]


def _read_csv(path: Path, required: str) -> list[dict[str, str]]:
    """Rows of a CSV file with a header that has `required`; an empty file or missing column is an InputError."""
    if not path.is_file():
        raise InputError(str(path), "no such file")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames:
            raise InputError(str(path), "empty CSV (expected a header row)")
        if required not in reader.fieldnames:
            raise InputError(str(path), f"CSV has no {required!r} column (columns: {', '.join(reader.fieldnames)})")
        rows = [r for r in reader if any((v or "").strip() for v in r.values())]
    if not rows:
        raise InputError(str(path), "CSV has a header but no rows")
    return rows


def _print_table(columns: list[str], rows: list[list[str]]) -> None:
    """A Rich table of plain strings (escaped: names and declarations may hold [brackets])."""
    table = Table(*columns, show_lines=True)
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    Console(width=max(Console().width, 160)).print(table)


def _matcher(db: str | None) -> "Matcher":
    from spyglass.match.resolve import matcher_for
    from spyglass.store.db import make_engine

    return matcher_for(make_engine(db))


def _context(nationality: str, birth_date: str, identifier: str) -> "MatchContext":
    """A match context from `;`-separated lists (CSV cells or repeated flags joined)."""
    from spyglass.match.context import MatchContext

    def split(value: str) -> list[str]:
        return [v.strip() for v in value.split(";") if v.strip()]

    return MatchContext(nationalities=split(nationality), birth_dates=split(birth_date), identifiers=split(identifier))


@app.command()
def screen(
    names: Annotated[list[str] | None, typer.Argument(help="Names to screen.")] = None,
    kind: Annotated[Kind | None, typer.Option("--type", help="Only records of this type.")] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file", help="CSV with a 'name' column (optional: type, nationality, birth_date, identifier); CSV out."
        ),
    ] = None,
    nationality: Annotated[str, typer.Option(help="Known nationality (name or code; ';' between several).")] = "",
    birth_date: Annotated[str, typer.Option("--birth-date", help="Known date or year of birth.")] = "",
    identifier: Annotated[str, typer.Option(help="Known passport, IMO or registration number.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    limit: Annotated[int, typer.Option(help="Candidates per name.")] = 3,
    threshold: Annotated[float, typer.Option(help="Lowest score shown.")] = 0.7,
    db: DbOption = None,
) -> None:
    """Screen names against sanctions lists and the register; ranked candidates with explained scores.

    Known nationality, birth date and identifiers rank candidates whose names score alike.
    """
    with one_line_errors():
        shared = _context(nationality, birth_date, identifier)
        queries = [(n, kind.value if kind else "", shared) for n in names or []]
        if file is not None:
            queries += [
                (
                    r["name"],
                    (r.get("type") or "").strip().lower(),
                    _context(r.get("nationality") or "", r.get("birth_date") or "", r.get("identifier") or ""),
                )
                for r in _read_csv(file, "name")
            ]
        if not queries:
            fail("give NAME... or --file names.csv")
        for _, k, _ in queries:
            if k and k not in Kind.__members__:
                raise InputError(str(file), f"unknown type {k!r} (person, organization, vessel)")
        matcher = _matcher(db)
        results = [
            (
                q,
                matcher.match(
                    q, kind=EntityType(k.upper()) if k else None, context=c, limit=limit, threshold=threshold
                ),
            )
            for q, k, c in queries
        ]
    if as_json:
        payload = [{"query": q, "candidates": [c.model_dump(mode="json") for c in found]} for q, found in results]
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    elif file is not None:
        writer = csv.writer(sys.stdout)
        writer.writerow(CANDIDATE_COLUMNS)
        for q, found in results:
            for rank, c in enumerate(found, 1):
                r = c.record
                writer.writerow(
                    [
                        q,
                        rank,
                        c.score,
                        r.id,
                        r.name,
                        r.type.value,
                        r.list_type or "",
                        r.reference_number or "",
                        r.source,
                        c.matched_name,
                        c.explain(),
                    ]
                )
    else:
        rows = []
        for q, found in results:
            if not found:
                rows.append([q, "", "no candidate", "", "", ""])
            for c in found:
                r = c.record
                record = f"{r.name}\n{r.id} ({r.type.value})"
                rows.append(
                    [q, f"{c.score:.2f}", record, r.list_type or r.source, r.reference_number or "", c.explain()]
                )
        _print_table(["query", "score", "record", "list", "ref", "explanation"], rows)


@app.command("screen-shipment")
def screen_shipment_(
    description: Annotated[str, typer.Option(help="Goods as declared.")] = "",
    hs_code: Annotated[str, typer.Option("--hs-code", help="Declared HS code.")] = "",
    shipper: Annotated[str, typer.Option(help="Shipper / exporter.")] = "",
    consignee: Annotated[str, typer.Option(help="Consignee / importer.")] = "",
    notify: Annotated[str, typer.Option(help="Notify party.")] = "",
    route: Annotated[str, typer.Option(help="Ports in order, e.g. 'Nampo > Dalian > Rotterdam'.")] = "",
    file: Annotated[
        Path | None, typer.Option("--file", help=f"CSV of declarations ({', '.join(DECLARATION_COLUMNS)}).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    db: DbOption = None,
) -> None:
    """Flag listed parties, civilian-sounding descriptions of controlled goods and transshipment routes."""
    from spyglass.analyse.shipment import Declaration, screen_shipment

    with one_line_errors():
        rows = [
            dict(
                description=description,
                hs_code=hs_code,
                shipper=shipper,
                consignee=consignee,
                notify=notify,
                route=route,
            )
        ]
        if file is not None:
            rows = _read_csv(file, "description")
        elif not any(rows[0].values()):
            fail("give declaration flags (--description, --hs-code, --shipper, ...) or --file declarations.csv")
        declarations = [
            Declaration(
                **{k: (row.get(k) or "").strip() for k in DECLARATION_COLUMNS if k != "route"},
                route=Declaration.split_route(row.get("route") or ""),
            )
            for row in rows
        ]
        matcher = _matcher(db)
        results = [(d, screen_shipment(d, matcher)) for d in declarations]
    if as_json:
        payload = [{"declaration": d.model_dump(), "flags": [f.model_dump() for f in flags]} for d, flags in results]
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    rows = []
    for number, (_, flags) in enumerate(results, 1):
        if not flags:
            rows.append([str(number), "clear", "", "", "no flag raised"])
        rows.extend([str(number), f.kind, f.field, f.value, f.detail] for f in flags)
    _print_table(["#", "flag", "field", "value", "detail"], rows)
