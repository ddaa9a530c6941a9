"""The Typer application every command module registers on."""

import typer

app = typer.Typer(
    name="spyglass",
    help="Counter-proliferation OSINT: extract, resolve, store and analyse proliferation reporting.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Counter-proliferation OSINT: extract, resolve, store and analyse proliferation reporting."""
