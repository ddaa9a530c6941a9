"""The extraction contract (../shared/contract/EXTRACTION.md) as pydantic models, defined once.

Every layer (ingest, extract, store, API, exports) speaks these types. `Extraction` is one record of
`spyglass extract --format jsonl`.
"""

from __future__ import annotations

import hashlib
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["1"] = "1"


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    FACILITY = "FACILITY"
    LOCATION = "LOCATION"
    WEAPON = "WEAPON"
    ITEM = "ITEM"
    VESSEL = "VESSEL"


class EventType(StrEnum):
    TRANSFER = "TRANSFER"
    VISIT = "VISIT"
    TEST = "TEST"
    PRODUCTION = "PRODUCTION"
    INTRUSION = "INTRUSION"
    SANCTION = "SANCTION"
    DECLARATION = "DECLARATION"


class Role(StrEnum):
    supplier = "supplier"
    recipient = "recipient"
    item = "item"
    intermediary = "intermediary"
    origin = "origin"
    destination = "destination"
    visitor = "visitor"
    site = "site"
    actor = "actor"
    weapon = "weapon"
    producer = "producer"
    attacker = "attacker"
    victim = "victim"
    authority = "authority"
    target = "target"
    speaker = "speaker"
    subject = "subject"


ROLES_BY_EVENT: dict[EventType, tuple[Role, ...]] = {
    EventType.TRANSFER: (Role.supplier, Role.recipient, Role.item, Role.intermediary, Role.origin, Role.destination),
    EventType.VISIT: (Role.visitor, Role.site),
    EventType.TEST: (Role.actor, Role.weapon, Role.site),
    EventType.PRODUCTION: (Role.producer, Role.item, Role.site),
    EventType.INTRUSION: (Role.attacker, Role.victim, Role.item),
    EventType.SANCTION: (Role.authority, Role.target),
    EventType.DECLARATION: (Role.speaker, Role.subject),
}


class Certainty(StrEnum):
    certain = "certain"
    probable = "probable"
    possible = "possible"
    unknown = "unknown"
    negated = "negated"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class Span(_Model):
    """A stretch of `Document.text`, end exclusive."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


Mention = Span


class Document(_Model):
    """A cleaned article: what every reader returns and what every record describes."""

    id: str = Field(pattern=r"^sha256:[0-9a-f]{64}$")
    source: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: date | None = None
    text: str
    boilerplate: list[str] = Field(default_factory=list)

    @staticmethod
    def id_for(text: str) -> str:
        """Content id: the same cleaned text always gets the same id."""
        return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()

    @classmethod
    def build(cls, source: str, text: str, **meta: Any) -> Document:
        return cls(id=cls.id_for(text), source=source, text=text, **meta)


class Entity(_Model):
    id: str
    name: str = Field(min_length=1)
    type: EntityType
    kb_id: str | None = None
    mentions: list[Mention] = Field(min_length=1)
    attributes: dict[str, Any] = Field(default_factory=dict)


class Argument(_Model):
    role: Role
    entity: str


class DateSpan(_Model):
    text: str
    start: date | None = None
    end: date | None = None
    approximate: bool = False


class Source(_Model):
    entity: str | None = None
    name: str


class Claim(_Model):
    sources: list[Source] = Field(default_factory=list)
    certainty: Certainty = Certainty.certain
    cue: str | None = None


class Event(_Model):
    id: str
    type: EventType
    trigger: Span
    arguments: list[Argument] = Field(default_factory=list)
    date: DateSpan | None = None
    attributes: dict[str, Any] = Field(default_factory=dict)
    claim: Claim = Field(default_factory=Claim)


class Extraction(_Model):
    """One extracted document: the record `spyglass extract` prints."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    document: Document
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)
