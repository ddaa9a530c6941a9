"""`EntityCluster`: one referent found in a spaCy `Doc`, the hand-off from entity components to event components."""

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from spyglass.model import EntityType

if not Doc.has_extension("sg_entities"):
    Doc.set_extension("sg_entities", default=None)
if not Doc.has_extension("sg_events"):
    Doc.set_extension("sg_events", default=None)


@dataclass
class EntityCluster:
    """All mentions (token spans of the doc) of one real-world thing; `id` is what event arguments point at.

    `attributes` holds known facts (e.g. `country` as ISO code, `hs_codes` of an item) for the contract record."""

    id: str
    type: EntityType
    name: str
    kb_id: str | None = None
    mentions: list[Span] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)


def entities_of(doc: Doc) -> list[EntityCluster]:
    """The clusters the entity components set on `doc._.sg_entities` (empty before they run)."""
    return doc._.sg_entities or []
