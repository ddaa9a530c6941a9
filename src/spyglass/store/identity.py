"""Stable ids for stored rows, hashed from content so re-ingesting anything is a no-op."""

import hashlib

from normality import normalize

from spyglass.model import Entity


def fold(name: str) -> str:
    """A name folded for comparison: lower case, ASCII, punctuation and hyphens as spaces, collapsed."""
    return normalize(name, ascii=True) or name.strip().lower()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def entity_key(entity: Entity) -> str:
    """The corpus-level identity of an extracted entity: its KB id when resolved, else its folded name and type."""
    if entity.kb_id:
        return f"kb:{entity.kb_id}"
    return f"name:{entity.type.value}:{fold(entity.name)}"


def corpus_entity_id(key: str) -> str:
    return "ent:" + _digest(key)


def document_entity_id(document_id: str, local_id: str) -> str:
    return "dent:" + _digest(f"{document_id}/{local_id}")


def event_id(document_id: str, local_id: str) -> str:
    return "evt:" + _digest(f"{document_id}/{local_id}")
