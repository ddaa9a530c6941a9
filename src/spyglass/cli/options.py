"""Options shared by several commands."""

from typing import Annotated

import typer

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="SPYGLASS_DB", help="SQLAlchemy URL of the store (default: SQLite in the user data dir)."
    ),
]
