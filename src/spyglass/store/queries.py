"""Questions across the corpus: entities listed, an entity's record, events by type/entity/date/certainty, the timeline.

Each query returns `spyglass.store.views` models, built by `_event_views` so every caller sees events the same way.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from spyglass.analyse.knowledge import kb_record
from spyglass.model import Certainty, DateSpan, EntityType, EventType, Role, Span
from spyglass.store.identity import fold
from spyglass.store.sentences import sentence_around
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
from spyglass.store.views import (
    ArgumentView,
    ClaimView,
    DocumentRef,
    EntityClaim,
    EntityPage,
    EntityProfile,
    EntityRef,
    EntitySummary,
    EventPage,
    EventView,
    SourceView,
)


def entity_ref(row: CorpusEntityRow) -> EntityRef:
    return EntityRef(id=row.id, name=row.name, type=row.type, kb_id=row.kb_id)


def document_ref(row: DocumentRow) -> DocumentRef:
    return DocumentRef(id=row.id, source=row.source, title=row.title, outlet=row.outlet, published=row.published)


def event_views(session: Session, event_ids: Sequence[str]) -> list[EventView]:
    """Full views of the given events, in the given order."""
    if not event_ids:
        return []
    ids = list(event_ids)
    events = {e.id: e for e in session.scalars(select(EventRow).where(EventRow.id.in_(ids)))}
    docs = {
        d.id: d
        for d in session.scalars(
            select(DocumentRow).where(DocumentRow.id.in_({e.document_id for e in events.values()}))
        )
    }
    arguments: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for event_id, role, corpus_id in session.execute(
        select(ArgumentRow.event_id, ArgumentRow.role, DocumentEntityRow.corpus_entity_id)
        .join(DocumentEntityRow, DocumentEntityRow.id == ArgumentRow.entity_id)
        .where(ArgumentRow.event_id.in_(ids))
        .order_by(ArgumentRow.event_id, ArgumentRow.position)
    ):
        arguments[event_id].append((role, corpus_id))
    sources: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for event_id, name, corpus_id in session.execute(
        select(SourceRow.event_id, SourceRow.name, DocumentEntityRow.corpus_entity_id)
        .outerjoin(DocumentEntityRow, DocumentEntityRow.id == SourceRow.entity_id)
        .where(SourceRow.event_id.in_(ids))
        .order_by(SourceRow.event_id, SourceRow.position)
    ):
        sources[event_id].append((name, corpus_id))
    claims = {c.event_id: c for c in session.scalars(select(ClaimRow).where(ClaimRow.event_id.in_(ids)))}
    wanted = {cid for pairs in arguments.values() for _, cid in pairs}
    wanted |= {cid for pairs in sources.values() for _, cid in pairs if cid}
    refs = {r.id: entity_ref(r) for r in session.scalars(select(CorpusEntityRow).where(CorpusEntityRow.id.in_(wanted)))}
    views = []
    for eid in ids:
        e = events.get(eid)
        if e is None:
            continue
        doc = docs[e.document_id]
        claim = claims.get(eid)
        views.append(
            EventView(
                id=e.id,
                type=e.type,
                document=document_ref(doc),
                trigger=Span(start=e.trigger_start, end=e.trigger_end, text=e.trigger_text),
                sentence=sentence_around(doc.text, e.trigger_start, e.trigger_end),
                date=None
                if e.date_text is None
                else DateSpan(text=e.date_text, start=e.date_start, end=e.date_end, approximate=e.date_approximate),
                arguments=[ArgumentView(role=role, entity=refs[cid]) for role, cid in arguments[eid]],
                attributes=dict(e.attributes or {}),
                claim=ClaimView(
                    sources=[SourceView(name=n, entity=refs.get(cid or "")) for n, cid in sources[eid]],
                    certainty=claim.certainty if claim else Certainty.certain,
                    cue=claim.cue if claim else None,
                ),
            )
        )
    return views


def find_entity(session: Session, id_or_name: str) -> CorpusEntityRow | None:
    """A corpus entity by id, KB id, name, folded name, or a document's name for it, in that order of preference
    (the most mentioned one when several match)."""
    row = session.get(CorpusEntityRow, id_or_name)
    if row is not None:
        return row
    folded = fold(id_or_name)
    mentions = (
        select(func.count(DocumentEntityRow.id))
        .where(DocumentEntityRow.corpus_entity_id == CorpusEntityRow.id)
        .correlate(CorpusEntityRow)
        .scalar_subquery()
    )
    for condition in (
        CorpusEntityRow.kb_id == id_or_name,
        CorpusEntityRow.name == id_or_name,
        CorpusEntityRow.key.like(f"name:%:{folded}"),
        func.lower(CorpusEntityRow.name) == id_or_name.lower(),
        func.lower(DocumentEntityRow.name) == id_or_name.lower(),
    ):
        query = select(CorpusEntityRow).outerjoin(
            DocumentEntityRow, DocumentEntityRow.corpus_entity_id == CorpusEntityRow.id
        )
        row = session.scalars(query.where(condition).order_by(mentions.desc(), CorpusEntityRow.id).limit(1)).first()
        if row is not None:
            return row
    return None


def get_entity(session: Session, id_or_name: str) -> EntityProfile | None:
    """Every claim the corpus makes about an entity, each with its document, sources and certainty."""
    row = find_entity(session, id_or_name)
    if row is None:
        return None
    local = session.scalars(select(DocumentEntityRow).where(DocumentEntityRow.corpus_entity_id == row.id)).all()
    local_ids = [d.id for d in local]
    mention_texts = session.scalars(select(MentionRow.text).where(MentionRow.entity_id.in_(local_ids))).all()
    roles = session.execute(
        select(ArgumentRow.event_id, ArgumentRow.role)
        .join(EventRow, EventRow.id == ArgumentRow.event_id)
        .where(ArgumentRow.entity_id.in_(local_ids))
        .order_by(EventRow.date_start.nulls_last(), EventRow.document_id, EventRow.position)
    ).all()
    views = {v.id: v for v in event_views(session, list(dict.fromkeys(eid for eid, _ in roles)))}
    return EntityProfile(
        entity=entity_ref(row),
        names=list(dict.fromkeys([row.name, *(d.name for d in local), *mention_texts])),
        documents=len({d.document_id for d in local}),
        mentions=len(mention_texts),
        kb=kb_record(session, row.kb_id) if row.kb_id else None,
        claims=[EntityClaim(role=Role(role), event=views[eid]) for eid, role in roles if eid in views],
    )


def list_entities(
    session: Session,
    *,
    type: EntityType | None = None,
    name: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> EntityPage:
    """Corpus entities of `type` whose name holds `name` (any case), those in the most events first, each with
    how many documents name it and how many events it takes part in (counted in one grouped query)."""
    query = select(CorpusEntityRow)
    if type is not None:
        query = query.where(CorpusEntityRow.type == type.value)
    if name:
        query = query.where(CorpusEntityRow.name.icontains(name, autoescape=True))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    documents = func.count(DocumentEntityRow.document_id.distinct())
    events = func.count(ArgumentRow.event_id.distinct())
    rows = session.execute(
        query.add_columns(documents, events)
        .outerjoin(DocumentEntityRow, DocumentEntityRow.corpus_entity_id == CorpusEntityRow.id)
        .outerjoin(ArgumentRow, ArgumentRow.entity_id == DocumentEntityRow.id)
        .group_by(CorpusEntityRow.id)
        .order_by(events.desc(), CorpusEntityRow.name, CorpusEntityRow.id)
        .limit(limit)
        .offset(offset)
    ).all()
    items = [EntitySummary(**entity_ref(row).model_dump(), documents=n_doc, events=n_evt) for row, n_doc, n_evt in rows]
    return EntityPage(total=total, items=items)


def _event_query(
    type: EventType | None,
    entity: str | None,
    date_from: date | None,
    date_to: date | None,
    certainty: Certainty | None,
) -> Select:
    """Event ids matching the filters; an event without a date matches a date range by its document's date."""
    query = select(EventRow.id).join(DocumentRow, DocumentRow.id == EventRow.document_id)
    if type is not None:
        query = query.where(EventRow.type == type.value)
    if entity is not None:
        members = (
            select(ArgumentRow.event_id)
            .join(DocumentEntityRow, DocumentEntityRow.id == ArgumentRow.entity_id)
            .where(DocumentEntityRow.corpus_entity_id == entity)
        )
        query = query.where(EventRow.id.in_(members))
    when_start = func.coalesce(EventRow.date_start, DocumentRow.published)
    when_end = func.coalesce(EventRow.date_end, EventRow.date_start, DocumentRow.published)
    if date_from is not None:
        query = query.where(or_(when_end >= date_from, when_end.is_(None)))
    if date_to is not None:
        query = query.where(or_(when_start <= date_to, when_start.is_(None)))
    if certainty is not None:
        query = query.join(ClaimRow, ClaimRow.event_id == EventRow.id).where(ClaimRow.certainty == certainty.value)
    return query.order_by(when_start.nulls_last(), EventRow.document_id, EventRow.position)


def list_events(
    session: Session,
    type: EventType | None = None,
    entity: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    certainty: Certainty | None = None,
    limit: int = 50,
    offset: int = 0,
) -> EventPage:
    """Events matching every given filter, oldest first; `entity` is a corpus entity id, KB id or name."""
    entity_id = None
    if entity is not None:
        row = find_entity(session, entity)
        if row is None:
            return EventPage(total=0, items=[])
        entity_id = row.id
    query = _event_query(type, entity_id, date_from, date_to, certainty)
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    ids = session.scalars(query.limit(limit).offset(offset)).all()
    return EventPage(total=total, items=event_views(session, ids))


def timeline(
    session: Session,
    entity: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 500,
) -> list[EventView]:
    """What happened when: events in date order (by event date, else the document's publication date)."""
    return list_events(session, entity=entity, date_from=date_from, date_to=date_to, limit=limit).items
