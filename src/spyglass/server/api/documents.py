"""`/api/documents`: stored documents, their extraction records, deletion."""

from fastapi import APIRouter, HTTPException, Response, status

from spyglass.model import Document, Extraction
from spyglass.server.deps import Page, PageDep, SessionDep, WriteAccess
from spyglass.server.errors import WRITE_ERRORS, ErrorDetail
from spyglass.store.records import delete_document, list_documents, load_extraction
from spyglass.store.views import DocumentSummary

router = APIRouter(prefix="/documents", tags=["documents"])
NOT_FOUND: dict[int | str, dict] = {404: {"model": ErrorDetail, "description": "No stored document has this id."}}


def _extraction(session: SessionDep, document_id: str) -> Extraction:
    record = load_extraction(session, document_id)
    if record is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no stored document {document_id}")
    return record


@router.get("", summary="List stored documents, newest ingested first")
def documents(session: SessionDep, page: PageDep) -> Page[DocumentSummary]:
    found = list_documents(session, limit=page.limit, offset=page.offset)
    return Page.of(found, page)


@router.get("/{document_id}", summary="One stored document (cleaned text and metadata)", responses=NOT_FOUND)
def document(session: SessionDep, document_id: str) -> Document:
    return _extraction(session, document_id).document


@router.get("/{document_id}/extraction", summary="The document's extraction record (the contract)", responses=NOT_FOUND)
def extraction(session: SessionDep, document_id: str) -> Extraction:
    return _extraction(session, document_id)


@router.delete(
    "/{document_id}",
    summary="Delete a document and everything extracted from it",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[WriteAccess],
    responses={**NOT_FOUND, **WRITE_ERRORS},
)
def delete(session: SessionDep, document_id: str) -> Response:
    with session.begin():
        if not delete_document(session, document_id):
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no stored document {document_id}")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
