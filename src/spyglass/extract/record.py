"""Turn an annotated spaCy `Doc` into the contract's `Extraction`."""

from spacy.tokens import Doc

from spyglass.model import Document, Entity, EntityType, Extraction, Span

NER_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "FAC": EntityType.FACILITY,
    "GPE": EntityType.LOCATION,
    "LOC": EntityType.LOCATION,
    "PRODUCT": EntityType.WEAPON,
}


def to_extraction(doc: Doc, document: Document) -> Extraction:
    """Group the doc's entity spans by type and text into contract entities."""
    groups: dict[tuple[EntityType, str], list[Span]] = {}
    for ent in doc.ents:
        etype = NER_TYPES.get(ent.label_)
        if etype is None:
            continue
        groups.setdefault((etype, ent.text), []).append(Span(start=ent.start_char, end=ent.end_char, text=ent.text))
    entities = [
        Entity(id=f"e{i}", name=name, type=etype, mentions=mentions)
        for i, ((etype, name), mentions) in enumerate(groups.items(), 1)
    ]
    return Extraction(document=document, entities=entities)
