"""Turn an annotated spaCy `Doc` into the contract's `Extraction`."""

from spacy.tokens import Doc

from spyglass.extract.entity_ref import entities_of
from spyglass.model import Document, Entity, Extraction, Span


def to_extraction(doc: Doc, document: Document) -> Extraction:
    """Entities from `doc._.sg_entities`, events from `doc._.sg_events`."""
    entities = [
        Entity(
            id=c.id,
            name=c.name,
            type=c.type,
            kb_id=c.kb_id,
            mentions=[Span(start=m.start_char, end=m.end_char, text=m.text) for m in c.mentions],
            attributes=c.attributes,
        )
        for c in entities_of(doc)
        if c.mentions
    ]
    return Extraction(document=document, entities=entities, events=list(doc._.sg_events or []))
