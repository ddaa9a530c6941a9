"""Content keys shared by every exporter, so one thing gets the same id in FtM, STIX, CSV and GeoJSON.

A knowledge-base entity is keyed by its `kb_id` (the same thing across documents); any other entity by its
document, type and folded name; an event by its document, type and trigger offsets. Numbering such as `e3` or
`ev2` never enters a key, so re-extracting with more entities does not shift ids.
"""

import hashlib

from normality import normalize

from spyglass.model import Entity, Event, Extraction


def digest(*parts: str) -> str:
    """SHA-1 hex of the parts, separated so ("ab", "c") and ("a", "bc") differ."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def entity_key(record: Extraction, entity: Entity) -> str:
    if entity.kb_id:
        return f"kb:{entity.kb_id}"
    name = normalize(entity.name, ascii=True) or entity.name
    return f"{record.document.id}:{entity.type}:{name}"


def event_key(record: Extraction, event: Event) -> str:
    return f"{record.document.id}:{event.type}:{event.trigger.start}-{event.trigger.end}"
