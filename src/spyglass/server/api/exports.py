"""`/api/exports`: the registered export formats (FtM, STIX 2.1, GeoJSON, CSV, plugins) over the stored records."""

import tempfile
from datetime import date
from typing import Annotated, TextIO

from fastapi import APIRouter, HTTPException, Query, status
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field, field_validator
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask

from spyglass.export import ExportContext, export, exporters, get_exporter
from spyglass.export.filters import Filters
from spyglass.kb.catalog import all_records
from spyglass.model import EntityType, EventType
from spyglass.server.deps import QueryFilters, SessionDep
from spyglass.server.errors import ErrorDetail
from spyglass.store.records import iter_extractions

router = APIRouter(prefix="/exports", tags=["exports"])
CHUNK = 64 * 1024


class ExportFormat(BaseModel):
    name: str
    media_type: str
    suffix: str
    description: str


class ExportFilters(QueryFilters):
    """Which records to export; empty fields select everything."""

    type: list[str] = Field(default_factory=list, description="Event or entity types to keep (repeatable).")
    entity: str | None = Field(None, max_length=300, description="Only documents naming this entity (name or KB id).")
    published_from: date | None = None
    published_to: date | None = None

    @field_validator("type")
    @classmethod
    def _known_types(cls, types: list[str]) -> list[str]:
        types = [t for t in types if t.strip()]  # an empty form field selects everything
        known = {t.value for t in EventType} | {t.value for t in EntityType}
        unknown = sorted({t.upper() for t in types} - known)
        if unknown:
            raise ValueError(f"unknown type {unknown[0]!r} (known: {', '.join(sorted(known))})")
        return [t.upper() for t in types]


def write_export(session: Session, name: str, filters: ExportFilters, out: TextIO) -> None:
    """Stream the stored records selected by `filters` to `out` in format `name`, with every KB record as context."""
    selection = Filters.build(
        filters.type, entity=filters.entity, published_from=filters.published_from, published_to=filters.published_to
    )
    records = iter_extractions(session, published_from=filters.published_from, published_to=filters.published_to)
    export(name, selection.apply(records), out, ExportContext.from_records(all_records(session.get_bind())))


@router.get("", summary="The export formats this server knows")
def formats() -> list[ExportFormat]:
    return [
        ExportFormat(name=e.name, media_type=e.media_type, suffix=e.suffix, description=e.description)
        for e in exporters().values()
    ]


@router.get(
    "/{name}",
    summary="Download the stored records in one format",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"application/octet-stream": {}}, "description": "The export file."},
        404: {"model": ErrorDetail, "description": "No such format."},
    },
)
def download(session: SessionDep, name: str, filters: Annotated[ExportFilters, Query()]) -> StreamingResponse:
    if name not in exporters():
        known = ", ".join(exporters())
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"unknown export format {name!r} (known: {known})")
    exporter = get_exporter(name)
    spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115  (closed after streaming)
    try:
        write_export(session, name, filters, spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    headers = {"Content-Disposition": f'attachment; filename="spyglass-{exporter.name}{exporter.suffix}"'}
    chunks = iter(lambda: spool.read(CHUNK), "")
    return StreamingResponse(
        chunks, media_type=exporter.media_type, headers=headers, background=BackgroundTask(spool.close)
    )
