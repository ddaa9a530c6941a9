"""`/api/ingest`: add an article (text, HTML or URL) to the store; a write, so it may need the token."""

from fastapi import APIRouter, Response, status

from spyglass.server.deps import SessionDep, SettingsDep, WriteAccess
from spyglass.server.errors import WRITE_ERRORS, ErrorDetail
from spyglass.server.ingest import IngestRequest, IngestResult, ingest

router = APIRouter(tags=["ingest"])


@router.post(
    "/ingest",
    summary="Read, extract and store one article",
    description="Exactly one of `text`, `html` or `url`. Answers 201 when something new was stored, 200 when the "
    "same text was already there. URLs resolving to loopback, private or link-local addresses are refused unless "
    "the server allows them.",
    dependencies=[WriteAccess],
    responses={
        201: {"description": "Stored."},
        413: {"model": ErrorDetail, "description": "Body larger than the server's limit."},
        422: {"model": ErrorDetail, "description": "Invalid request or unreadable article."},
        **WRITE_ERRORS,
    },
)
def ingest_article(session: SessionDep, settings: SettingsDep, body: IngestRequest, response: Response) -> IngestResult:
    result = ingest(session, body, settings)
    response.status_code = status.HTTP_201_CREATED if any(d.new for d in result.documents) else status.HTTP_200_OK
    return result
