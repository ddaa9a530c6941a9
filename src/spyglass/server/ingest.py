"""Ingest over HTTP: pasted text, pasted HTML or a URL → cleaned documents → extraction records → the store.

Each stage is the project's own function (the ingest readers and fetcher, `extract_many`, `save_extraction`);
this module only chooses the reader, applies the server's URL policy, and keeps one transaction per document.
"""

import threading
from datetime import date
from typing import Self

from pydantic import AnyHttpUrl, BaseModel, Field, model_validator
from sqlalchemy.orm import Session

from spyglass.errors import InputError
from spyglass.extract import extract_many
from spyglass.ingest import iter_documents
from spyglass.ingest.payload import RawText
from spyglass.ingest.registry import read
from spyglass.model import Document
from spyglass.server.settings import Settings
from spyglass.store.records import save_extraction

_EXTRACTING = threading.Lock()  # one spaCy pipeline per process; requests take turns


class IngestRequest(BaseModel):
    """One article: exactly one of `text`, `html` or `url`, with optional metadata the content may lack."""

    text: str | None = Field(None, min_length=1, description="The article as plain text.")
    html: str | None = Field(None, min_length=1, description="The article as an HTML page or fragment.")
    url: AnyHttpUrl | None = Field(None, description="An http(s) URL to fetch (public addresses only, by default).")
    title: str | None = Field(None, max_length=500)
    source: str | None = Field(None, max_length=500, description="Where the text came from (default: the URL).")
    published: date | None = Field(None, description="Publication date when the article states none.")

    @model_validator(mode="after")
    def _one_input(self) -> Self:
        given = [name for name in ("text", "html", "url") if getattr(self, name)]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


class IngestedDocument(BaseModel):
    id: str
    title: str | None
    new: bool = Field(description="False when the same text was already stored (re-ingesting is a no-op).")
    entities: int
    events: int


class IngestResult(BaseModel):
    documents: list[IngestedDocument]


def _documents(request: IngestRequest, settings: Settings) -> list[Document]:
    if request.url is not None:
        url = str(request.url)
        items = list(iter_documents([url], request.published, allow_private=settings.allow_private_urls))
    else:
        kind, content = ("html", request.html) if request.html else ("text", request.text or "")
        source = request.source or f"submitted {kind}"
        items = [
            doc if doc.published or not request.published else doc.model_copy(update={"published": request.published})
            for doc in read(kind, RawText(source, content))
        ]
    failures = [item for item in items if isinstance(item, InputError)]
    documents = [item for item in items if isinstance(item, Document)]
    if not documents:
        raise failures[0] if failures else InputError(request.source or "input", "no article found")
    updates = {k: v for k, v in (("title", request.title), ("source", request.source)) if v}
    return [doc.model_copy(update=updates) for doc in documents]


def ingest(session: Session, request: IngestRequest, settings: Settings) -> IngestResult:
    """Read, extract and store the article(s) of `request`; each document is committed on its own."""
    documents = _documents(request, settings)
    with _EXTRACTING:
        records = list(extract_many(documents))
    stored = []
    for record in records:
        with session.begin():
            new = save_extraction(session, record)
        stored.append(
            IngestedDocument(
                id=record.document.id,
                title=record.document.title,
                new=new,
                entities=len(record.entities),
                events=len(record.events),
            )
        )
    return IngestResult(documents=stored)
