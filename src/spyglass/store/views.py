"""What store queries and corpus analyses return: pydantic models the CLI, API and exporters all render.

The contract types (`spyglass.model`) describe one document; these views describe the corpus, where entities
are corpus-level (`EntityRef.id` is stable across documents) and every event carries its document and evidence.
"""

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field

from spyglass.kb.record import KBRecord
from spyglass.model import Certainty, DateSpan, EntityType, EventType, Role, Span


class EntityRef(BaseModel):
    """A corpus-level entity: one real-world thing, whatever document names it."""

    id: str
    name: str
    type: EntityType
    kb_id: str | None = None


class EntitySummary(EntityRef):
    """A corpus entity with how many documents name it and how many events it takes part in."""

    documents: int = 0
    events: int = 0


class EntityPage(BaseModel):
    total: int
    items: list[EntitySummary]


class DocumentRef(BaseModel):
    id: str
    source: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None


class DocumentSummary(DocumentRef):
    ingested_at: datetime
    entities: int = 0
    events: int = 0


class DocumentPage(BaseModel):
    total: int
    items: list[DocumentSummary]


class SearchHit(BaseModel):
    """A document or entity matching a full-text query; `highlights` are (start, end) offsets into `snippet`."""

    kind: Literal["document", "entity"]
    id: str
    title: str
    snippet: str
    highlights: list[tuple[int, int]] = Field(default_factory=list)
    score: float


class SearchPage(BaseModel):
    query: str
    total: int
    items: list[SearchHit]


class ArgumentView(BaseModel):
    role: Role
    entity: EntityRef


class SourceView(BaseModel):
    name: str
    entity: EntityRef | None = None


class ClaimView(BaseModel):
    sources: list[SourceView] = Field(default_factory=list)
    certainty: Certainty = Certainty.certain
    cue: str | None = None


class EventView(BaseModel):
    """A stored event with its document, the sentence that states it, its resolved roles and its claim."""

    id: str
    type: EventType
    document: DocumentRef
    trigger: Span
    sentence: Span
    date: DateSpan | None = None
    arguments: list[ArgumentView] = Field(default_factory=list)
    attributes: dict[str, Any] = Field(default_factory=dict)
    claim: ClaimView = Field(default_factory=ClaimView)

    def entities(self, role: Role) -> list[EntityRef]:
        return [a.entity for a in self.arguments if a.role is role]


class EventPage(BaseModel):
    total: int
    items: list[EventView]


class EntityClaim(BaseModel):
    """One claim about an entity: the event it takes part in, and in which role."""

    role: Role
    event: EventView


class EntityProfile(BaseModel):
    """Everything the record says about one entity."""

    entity: EntityRef
    names: list[str] = Field(default_factory=list)
    documents: int = 0
    mentions: int = 0
    kb: KBRecord | None = None
    claims: list[EntityClaim] = Field(default_factory=list)


class Evidence(BaseModel):
    """Text that supports an indicator: `start`/`end` index the document text; `sentence` holds them."""

    document: DocumentRef
    sentence: str
    start: int
    end: int
    text: str


class IndicatorKind(StrEnum):
    civilian_cover = "civilian_cover"
    controlled_transfer = "controlled_transfer"
    declaration_mismatch = "declaration_mismatch"
    activity_after_listing = "activity_after_listing"


class Indicator(BaseModel):
    """A reason for an analyst to look closer, with the evidence that raised it."""

    kind: IndicatorKind
    reason: str
    event_id: str | None = None
    entities: list[EntityRef] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Cluster(BaseModel):
    """Events of several documents that describe one happening, and how many independent sources report it."""

    id: str
    type: EventType
    events: list[EventView]
    documents: list[str]
    independent_sources: int
    source_groups: list[list[str]] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
