"""Rendering a page: the package's templates with the request, and query-string links that keep filters."""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse


def render(request: Request, template: str, section: str = "", **context: Any) -> HTMLResponse:
    """Render `template` (autoescaped) with `context`; `section` marks the active navigation link."""
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {"section": section, **context})


def link_with(request: Request) -> Callable[..., str]:
    """A function giving this page's URL with some query parameters replaced (empty values dropped)."""

    def url(**changes: Any) -> str:
        params = {**request.query_params, **{k: str(v) for k, v in changes.items()}}
        query = urlencode({k: v for k, v in params.items() if v not in ("", "None")})
        return f"{request.url.path}?{query}" if query else request.url.path

    return url
