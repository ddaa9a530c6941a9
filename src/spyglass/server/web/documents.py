"""Document view: the cleaned text with entities highlighted by type, its events beside it."""

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from spyglass.model import EntityType
from spyglass.server.deps import SessionDep
from spyglass.server.highlight import segments
from spyglass.server.web.page import render
from spyglass.store.identity import corpus_entity_id, entity_key
from spyglass.store.records import load_extraction

router = APIRouter()


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, session: SessionDep, document_id: str) -> HTMLResponse:
    extraction = load_extraction(session, document_id)
    if extraction is None:
        raise HTTPException(404, f"no stored document {document_id}")
    corpus = {e.id: corpus_entity_id(entity_key(e)) for e in extraction.entities}
    return render(
        request,
        "document.html",
        extraction=extraction,
        segments=segments(extraction),
        corpus=corpus,
        entity_types=[t.value for t in EntityType],
    )
