"""Save, load and delete whole extraction records; one document's rows are written together or not at all.

These functions never commit: the caller owns the transaction (`with session.begin():` or `session.commit()`),
so one document is one transaction and a crash leaves either all of its rows or none.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from spyglass.errors import SpyglassError
from spyglass.model import Argument, Claim, DateSpan, Document, Entity, Event, Extraction, Source, Span
from spyglass.store import fulltext
from spyglass.store.identity import corpus_entity_id, document_entity_id, entity_key, event_id
from spyglass.store.tables import (
    ArgumentRow,
    ClaimRow,
    CorpusEntityRow,
    DocumentEntityRow,
    DocumentRow,
    EventRow,
    MentionRow,
    SourceRow,
)
from spyglass.store.views import DocumentPage, DocumentSummary


def _insert_new(session: Session, table, rows: list[dict]) -> set[str]:  # type: ignore[no-untyped-def]
    """INSERT ... ON CONFLICT DO NOTHING of `rows` in one statement; the ids of the rows that were new."""
    if not rows:
        return set()
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(rows).on_conflict_do_nothing().returning(table.c.id)
    return set(session.scalars(statement))


def _document_values(document: Document, schema_version: str) -> dict:
    return {
        **document.model_dump(include={"id", "source", "title", "outlet", "byline", "dateline", "published", "text"}),
        "boilerplate": document.boilerplate,
        "schema_version": schema_version,
        "ingested_at": datetime.now(UTC).replace(tzinfo=None),
    }


def _link_entities(session: Session, entities: list[Entity]) -> dict[str, str]:
    """The corpus entity of each extracted entity (by its local id), created (and indexed) on first sight."""
    linked, rows = {}, {}
    for entity in entities:
        key = entity_key(entity)
        linked[entity.id] = cid = corpus_entity_id(key)
        rows.setdefault(
            cid, {"id": cid, "key": key, "name": entity.name, "type": entity.type.value, "kb_id": entity.kb_id}
        )
    ordered = [rows[cid] for cid in sorted(rows)]  # one lock order for concurrent writers (PostgreSQL)
    for cid in sorted(_insert_new(session, CorpusEntityRow.__table__, ordered)):
        fulltext.index_entity(session, cid, rows[cid]["name"])
    return linked


def save_extraction(session: Session, extraction: Extraction) -> bool:
    """Store one record; False (and nothing written) when a document with its id is already stored.

    Raises `SpyglassError` for a record whose events name entities it does not have (roll back the session then).
    """
    doc = extraction.document
    if not _insert_new(session, DocumentRow.__table__, [_document_values(doc, extraction.schema_version)]):
        return False
    fulltext.index_document(session, doc)
    entity_ids = {e.id: document_entity_id(doc.id, e.id) for e in extraction.entities}
    corpus_ids = _link_entities(session, extraction.entities)
    entities, mentions = [], []
    for pos, entity in enumerate(extraction.entities):
        row_id = entity_ids[entity.id]
        entities.append(
            {
                "id": row_id,
                "document_id": doc.id,
                "local_id": entity.id,
                "position": pos,
                "corpus_entity_id": corpus_ids[entity.id],
                "name": entity.name,
                "type": entity.type.value,
                "kb_id": entity.kb_id,
                "attributes": entity.attributes,
            }
        )
        mentions += [
            {"entity_id": row_id, "position": i, "start": m.start, "end": m.end, "text": m.text}
            for i, m in enumerate(entity.mentions)
        ]
    events, arguments, claims, sources = [], [], [], []
    for pos, event in enumerate(extraction.events):
        eid = event_id(doc.id, event.id)
        span = event.date
        events.append(
            {
                "id": eid,
                "document_id": doc.id,
                "local_id": event.id,
                "position": pos,
                "type": event.type.value,
                "trigger_start": event.trigger.start,
                "trigger_end": event.trigger.end,
                "trigger_text": event.trigger.text,
                "date_text": span.text if span else None,
                "date_start": span.start if span else None,
                "date_end": span.end if span else None,
                "date_approximate": span.approximate if span else False,
                "attributes": event.attributes,
            }
        )
        unknown = {a.entity for a in event.arguments} - entity_ids.keys()
        if unknown:
            raise SpyglassError(f"event {event.id} names unknown entities {sorted(unknown)}")
        arguments += [
            {"event_id": eid, "position": i, "role": a.role.value, "entity_id": entity_ids[a.entity]}
            for i, a in enumerate(event.arguments)
        ]
        claims.append({"event_id": eid, "certainty": event.claim.certainty.value, "cue": event.claim.cue})
        sources += [
            {"event_id": eid, "position": i, "name": s.name, "entity_id": entity_ids.get(s.entity or "")}
            for i, s in enumerate(event.claim.sources)
        ]
    for table, rows in (
        (DocumentEntityRow, entities),
        (MentionRow, mentions),
        (EventRow, events),
        (ArgumentRow, arguments),
        (ClaimRow, claims),
        (SourceRow, sources),
    ):
        if rows:
            session.execute(insert(table), rows)
    return True


def _document(row: DocumentRow) -> Document:
    return Document(
        id=row.id,
        source=row.source,
        title=row.title,
        outlet=row.outlet,
        byline=row.byline,
        dateline=row.dateline,
        published=row.published,
        text=row.text,
        boilerplate=list(row.boilerplate or []),
    )


def _extraction(session: Session, row: DocumentRow) -> Extraction:
    """Rebuild the record of one stored document from its rows."""
    entity_rows = session.scalars(
        select(DocumentEntityRow).where(DocumentEntityRow.document_id == row.id).order_by(DocumentEntityRow.position)
    ).all()
    local = {e.id: e.local_id for e in entity_rows}
    mentions: dict[str, list[Span]] = defaultdict(list)
    for m in session.scalars(
        select(MentionRow).where(MentionRow.entity_id.in_(local)).order_by(MentionRow.entity_id, MentionRow.position)
    ):
        mentions[m.entity_id].append(Span(start=m.start, end=m.end, text=m.text))
    event_rows = session.scalars(
        select(EventRow).where(EventRow.document_id == row.id).order_by(EventRow.position)
    ).all()
    ids = [e.id for e in event_rows]
    arguments: dict[str, list[Argument]] = defaultdict(list)
    for a in session.scalars(select(ArgumentRow).where(ArgumentRow.event_id.in_(ids)).order_by(ArgumentRow.position)):
        arguments[a.event_id].append(Argument(role=a.role, entity=local[a.entity_id]))
    claims = {c.event_id: c for c in session.scalars(select(ClaimRow).where(ClaimRow.event_id.in_(ids)))}
    sources: dict[str, list[Source]] = defaultdict(list)
    for s in session.scalars(select(SourceRow).where(SourceRow.event_id.in_(ids)).order_by(SourceRow.position)):
        sources[s.event_id].append(Source(entity=local.get(s.entity_id or ""), name=s.name))
    events = [
        Event(
            id=e.local_id,
            type=e.type,
            trigger=Span(start=e.trigger_start, end=e.trigger_end, text=e.trigger_text),
            arguments=arguments[e.id],
            date=None
            if e.date_text is None
            else DateSpan(text=e.date_text, start=e.date_start, end=e.date_end, approximate=e.date_approximate),
            attributes=dict(e.attributes or {}),
            claim=Claim(sources=sources[e.id], certainty=claims[e.id].certainty, cue=claims[e.id].cue),
        )
        for e in event_rows
    ]
    entities = [
        Entity(
            id=e.local_id,
            name=e.name,
            type=e.type,
            kb_id=e.kb_id,
            mentions=mentions[e.id],
            attributes=dict(e.attributes or {}),
        )
        for e in entity_rows
    ]
    return Extraction(schema_version=row.schema_version, document=_document(row), entities=entities, events=events)


def load_extraction(session: Session, document_id: str) -> Extraction | None:
    """The stored record of one document, as `spyglass extract` printed it; None when not stored."""
    row = session.get(DocumentRow, document_id)
    return _extraction(session, row) if row else None


def has_document(session: Session, document_id: str) -> bool:
    return session.get(DocumentRow, document_id) is not None


def iter_extractions(
    session: Session,
    ids: Iterable[str] | None = None,
    published_from: date | None = None,
    published_to: date | None = None,
    ingested_since: datetime | None = None,
    batch_size: int = 200,
) -> Iterator[Extraction]:
    """Stream stored records (oldest ingested first), a batch of rows at a time so memory stays bounded."""
    query = select(DocumentRow.id).order_by(DocumentRow.ingested_at, DocumentRow.id)
    if ids is not None:
        query = query.where(DocumentRow.id.in_(list(ids)))
    if published_from:
        query = query.where(DocumentRow.published >= published_from)
    if published_to:
        query = query.where(DocumentRow.published <= published_to)
    if ingested_since:
        query = query.where(DocumentRow.ingested_at >= ingested_since)
    doc_ids = session.scalars(query).all()
    for i in range(0, len(doc_ids), batch_size):
        rows = session.scalars(select(DocumentRow).where(DocumentRow.id.in_(doc_ids[i : i + batch_size]))).all()
        by_id = {r.id: r for r in rows}
        for doc_id in doc_ids[i : i + batch_size]:
            if doc_id in by_id:
                yield _extraction(session, by_id[doc_id])
        session.expunge_all()


def list_documents(session: Session, limit: int = 50, offset: int = 0) -> DocumentPage:
    """Stored documents, newest ingested first, with their entity and event counts."""
    total = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
    entities = (
        select(func.count())
        .where(DocumentEntityRow.document_id == DocumentRow.id)
        .correlate(DocumentRow)
        .scalar_subquery()
    )
    events = select(func.count()).where(EventRow.document_id == DocumentRow.id).correlate(DocumentRow).scalar_subquery()
    rows = session.execute(
        select(DocumentRow, entities, events)
        .order_by(DocumentRow.ingested_at.desc(), DocumentRow.id)
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        DocumentSummary(
            id=d.id,
            source=d.source,
            title=d.title,
            outlet=d.outlet,
            published=d.published,
            ingested_at=d.ingested_at,
            entities=n_ent,
            events=n_evt,
        )
        for d, n_ent, n_evt in rows
    ]
    return DocumentPage(total=total, items=items)


def delete_document(session: Session, document_id: str) -> bool:
    """Remove a document and everything extracted from it; corpus entities no document names any more go too."""
    row = session.get(DocumentRow, document_id)
    if row is None:
        return False
    linked = set(
        session.scalars(select(DocumentEntityRow.corpus_entity_id).where(DocumentEntityRow.document_id == document_id))
    )
    session.execute(delete(DocumentRow).where(DocumentRow.id == document_id))
    still_named = set(
        session.scalars(
            select(DocumentEntityRow.corpus_entity_id).where(DocumentEntityRow.corpus_entity_id.in_(linked))
        )
    )
    orphans = sorted(linked - still_named)
    if orphans:
        session.execute(delete(CorpusEntityRow).where(CorpusEntityRow.id.in_(orphans)))
    fulltext.unindex(session, [document_id, *orphans])
    return True
