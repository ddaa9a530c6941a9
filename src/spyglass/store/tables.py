"""The store's tables: documents and what was extracted from them, plus corpus-level entities.

A document's extraction is kept as rows (entities, mentions, events, arguments, claims, sources) so queries can
join across documents; `document_entities` of different documents meet in one `corpus_entities` row, keyed by the
knowledge-base id when resolved, else by normalised name and type.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from spyglass.store.db import Base

DOC_ID = String(71)  # "sha256:" + 64 hex digits
CASCADE = "CASCADE"


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(DOC_ID, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(300))
    byline: Mapped[str | None] = mapped_column(Text)
    dateline: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[date | None] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    boilerplate: Mapped[list[str]] = mapped_column(JSON, default=list)
    schema_version: Mapped[str] = mapped_column(String(8))
    ingested_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class CorpusEntityRow(Base):
    """One real-world thing across the corpus."""

    __tablename__ = "corpus_entities"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(600), unique=True)
    name: Mapped[str] = mapped_column(String(500), index=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    kb_id: Mapped[str | None] = mapped_column(String(300), index=True)


class DocumentEntityRow(Base):
    """An entity of one document's extraction (its local id, name and attributes as extracted)."""

    __tablename__ = "document_entities"
    __table_args__ = (UniqueConstraint("document_id", "local_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete=CASCADE), index=True)
    local_id: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    corpus_entity_id: Mapped[str] = mapped_column(ForeignKey("corpus_entities.id"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    type: Mapped[str] = mapped_column(String(20))
    kb_id: Mapped[str | None] = mapped_column(String(300))
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("document_entities.id", ondelete=CASCADE), index=True)
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("document_id", "local_id"), Index("ix_events_type_date", "type", "date_start"))

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete=CASCADE), index=True)
    local_id: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(20))
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    trigger_text: Mapped[str] = mapped_column(Text)
    date_text: Mapped[str | None] = mapped_column(Text)
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ArgumentRow(Base):
    __tablename__ = "arguments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete=CASCADE), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(ForeignKey("document_entities.id", ondelete=CASCADE), index=True)


class ClaimRow(Base):
    """Who says an event happened and how sure: one per event."""

    __tablename__ = "claims"

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete=CASCADE), primary_key=True)
    certainty: Mapped[str] = mapped_column(String(12), index=True)
    cue: Mapped[str | None] = mapped_column(Text)


class SourceRow(Base):
    """One link of a claim's attribution chain, outermost first."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("claims.event_id", ondelete=CASCADE), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("document_entities.id", ondelete=CASCADE))
