"""`spyglass serve`: the HTTP API and the web page over the store (uvicorn)."""

from typing import Annotated

import typer

from spyglass.cli.app import app
from spyglass.cli.errors import one_line_errors
from spyglass.cli.options import DbOption


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(envvar="SPYGLASS_HOST", help="Address to bind; beyond localhost SPYGLASS_TOKEN must be set.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="SPYGLASS_PORT", help="Port to listen on.", min=0, max=65535)] = 8000,
    db: DbOption = None,
    allow_private_urls: Annotated[
        bool,
        typer.Option(
            envvar="SPYGLASS_ALLOW_PRIVATE_URLS",
            help="Let URL ingest fetch loopback, private and link-local addresses.",
        ),
    ] = False,
) -> None:
    """Serve the JSON API (documented at /api/docs) and the analysts' web page.

    Other settings come from the environment: SPYGLASS_TOKEN, SPYGLASS_MAX_BODY_BYTES, SPYGLASS_ALLOWED_HOSTS.
    """
    import uvicorn

    from spyglass.server import Settings, create_app

    with one_line_errors():
        settings = Settings(host=host, port=port, allow_private_urls=allow_private_urls, db=db)
        application = create_app(settings)
    typer.echo(f"spyglass: serving http://{host}:{port}/ (API docs at /api/docs)", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning", server_header=False)
