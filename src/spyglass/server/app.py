"""`create_app(settings)`: the FastAPI application — JSON API under `/api`, web pages at `/`, assets at `/static`."""

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.exc import SQLAlchemyError
from starlette.middleware.trustedhost import TrustedHostMiddleware

from spyglass import __version__
from spyglass.errors import SpyglassError
from spyglass.server import api, web
from spyglass.server.cache import AnalysisCache
from spyglass.server.errors import API_ERRORS, install_error_handlers
from spyglass.server.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from spyglass.server.settings import Settings, is_loopback
from spyglass.store.db import make_engine, make_sessionmaker
from spyglass.store.schema import ensure_schema

PACKAGE = resources.files("spyglass.server")
DESCRIPTION = """Proliferation reporting as evidence: documents, their extraction records (entities, events, claims),
corpus entities, search, timelines, indicators, corroboration, screening and exports.

Lists take `limit` and `offset` and answer `{items, total, limit, offset}`. Errors answer `{"detail": "..."}`.
Writes need `Authorization: Bearer <SPYGLASS_TOKEN>` whenever the server has a token (always beyond localhost)."""


def make_templates() -> Jinja2Templates:
    """Templates from the package with autoescaping on for every file: article text is untrusted."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PACKAGE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for `settings`; refuses to serve beyond localhost without a token."""
    settings = settings or Settings()
    if not is_loopback(settings.host) and settings.token is None:
        raise SpyglassError(f"binding {settings.host} (beyond localhost) needs a token: set SPYGLASS_TOKEN")
    engine = make_engine(settings.db)
    try:
        ensure_schema(engine)
    except SQLAlchemyError as err:
        raise SpyglassError(f"cannot open the store {engine.url!r}: {getattr(err, 'orig', err)}") from err

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="spyglass",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.templates = make_templates()
    app.state.cache = AnalysisCache()
    app.state.matcher = None
    app.state.matcher_lock = threading.Lock()
    install_error_handlers(app)
    for router in api.routers:
        app.include_router(router, prefix="/api", responses=API_ERRORS)
    for router in web.routers:
        app.include_router(router, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static")
    # Outermost last: headers on everything, size checked before any parsing, Host checked first.
    app.add_middleware(BodyLimitMiddleware, limit=settings.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.trusted_hosts)
    return app
