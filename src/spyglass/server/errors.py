"""Every failure becomes `{"detail": "<one line>"}` with the right status; web pages get the same line as HTML."""

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from spyglass.errors import InputError, SpyglassError


class ErrorDetail(BaseModel):
    """Every error answer: one line saying what went wrong."""

    detail: str


API_ERRORS: dict[int | str, dict] = {422: {"model": ErrorDetail, "description": "Invalid request or input."}}
WRITE_ERRORS: dict[int | str, dict] = {
    401: {"model": ErrorDetail, "description": "This server needs a bearer token for writes."},
    403: {"model": ErrorDetail, "description": "Wrong token."},
}
DOMAIN_STATUS: tuple[tuple[type[SpyglassError], int], ...] = ((InputError, 422), (SpyglassError, 400))


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def _render(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_html(request):
        templates = request.app.state.templates
        context = {"status": status, "detail": detail}
        return templates.TemplateResponse(request, "error.html", context, status_code=status, headers=headers)
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def _location(loc: tuple) -> str:
    return ".".join(str(part) for part in loc if part != "body" or len(loc) == 1)


async def _validation(request: Request, exc: RequestValidationError) -> Response:
    detail = "; ".join(f"{_location(tuple(e['loc']))}: {e['msg']}" for e in exc.errors()) or "invalid request"
    return _render(request, 422, detail)


async def _http(request: Request, exc: HTTPException) -> Response:
    return _render(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))


async def _domain(request: Request, exc: SpyglassError) -> Response:
    status = next(code for cls, code in DOMAIN_STATUS if isinstance(exc, cls))
    return _render(request, status, str(exc))


def install_error_handlers(app: FastAPI) -> None:
    """Map validation, HTTP and domain errors to one-line JSON (or an HTML page for the browser)."""
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(SpyglassError, _domain)  # type: ignore[arg-type]
