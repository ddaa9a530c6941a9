"""Ingest form: paste text or HTML, or give a URL; protected by a signed double-submit CSRF token."""

from typing import Annotated

from fastapi import APIRouter, Cookie, Form, Header, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError

from spyglass.errors import SpyglassError
from spyglass.ingest.sniff import sniff
from spyglass.server.auth import CSRF_COOKIE, bearer, check_csrf, check_token, csrf_valid, new_csrf_token
from spyglass.server.deps import SessionDep, SettingsDep
from spyglass.server.ingest import IngestRequest, ingest
from spyglass.server.settings import Settings
from spyglass.server.web.page import render

router = APIRouter()


class IngestForm(BaseModel):
    """The form's fields as typed (kept to refill the form after an error)."""

    content: str = ""
    url: str = ""
    kind: str = "auto"
    title: str = ""
    published: str = ""

    def request(self) -> IngestRequest:
        """The API request this form stands for; both or neither of content and URL fail its validation."""
        kind = self.kind if self.kind in ("text", "html") else "html" if sniff(self.content) == "html" else "text"
        fields = {
            "url": self.url.strip(),
            kind: self.content if self.content.strip() else "",
            "title": self.title.strip(),
            "published": self.published,
        }
        return IngestRequest.model_validate({k: v for k, v in fields.items() if v})


def _form_page(
    request: Request, settings: Settings, form: IngestForm, csrf: str | None, error: str = "", status: int = 200
) -> Response:
    token = csrf if csrf_valid(settings, csrf) else new_csrf_token(settings)
    context = {
        "form": form,
        "error": error,
        "csrf_token": token,
        "needs_token": settings.writes_need_token,
        "allow_private": settings.allow_private_urls,
    }
    response = render(request, "ingest.html", "ingest", **context)
    response.status_code = status
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/ingest")
    return response


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(
    request: Request, settings: SettingsDep, csrf: Annotated[str | None, Cookie(alias=CSRF_COOKIE)] = None
) -> Response:
    return _form_page(request, settings, IngestForm(), csrf)


@router.post("/ingest", response_class=HTMLResponse)
def ingest_submit(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    form: Annotated[IngestForm, Form()],
    csrf_token: Annotated[str, Form()] = "",
    token: Annotated[str, Form()] = "",
    authorization: Annotated[str | None, Header()] = None,
    csrf: Annotated[str | None, Cookie(alias=CSRF_COOKIE)] = None,
) -> Response:
    check_csrf(settings, csrf, csrf_token)
    check_token(settings, token or bearer(authorization))
    try:
        result = ingest(session, form.request(), settings)
    except ValidationError as err:
        message = "; ".join(e["msg"].removeprefix("Value error, ") for e in err.errors())
        return _form_page(request, settings, form, csrf, message, 422)
    except SpyglassError as err:
        return _form_page(request, settings, form, csrf, str(err), 422)
    return RedirectResponse(f"/documents/{result.documents[0].id}", status_code=303)
