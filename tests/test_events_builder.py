"""A builder for event tests: a parsed `Doc` whose entity clusters are set by hand (test input), then the event
component alone, so event tests do not depend on the entity components' coverage."""

import re
from datetime import date
from functools import cache

import pytest
import spacy
from spacy.language import Language

from spyglass.extract.entity_ref import EntityCluster
from spyglass.extract.events import EventComponent
from spyglass.extract.pipeline import base_model
from spyglass.model import EntityType, Event

Entities = dict[str, tuple[EntityType, tuple[str, ...]]]


@cache
def load_parser() -> Language:
    """The statistical English model alone (no spyglass components), loaded once per test session."""
    return base_model(prefer_model=True)


@cache
def load_blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


parser = pytest.fixture(load_parser, name="parser")


def annotate(nlp: Language, text: str, entities: Entities, published: date | None = None) -> tuple[list[Event], dict]:
    """Run the event component on `text` with one cluster per `entities` item: name -> (type, surface forms).
    Returns the events and a map from cluster id to name."""
    doc = nlp(text)
    clusters = []
    for k, (name, (etype, forms)) in enumerate(entities.items(), 1):
        cluster = EntityCluster(id=f"e{k}", type=etype, name=name)
        for form in forms or (name,):
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                span = doc.char_span(m.start(), m.end())
                if span is not None:
                    cluster.mentions.append(span)
        clusters.append(cluster)
    doc._.sg_entities = clusters
    doc._.sg_published = published
    EventComponent()(doc)
    return doc._.sg_events, {c.id: c.name for c in clusters}


def roles(event: Event, names: dict) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a in event.arguments:
        out.setdefault(a.role.value, set()).add(names[a.entity])
    return out


def test_builder_places_every_form(parser):
    text = "Kim Jong Un visited a plant. Kim left."
    doc_events, names = annotate(parser, text, {"Kim Jong Un": (EntityType.PERSON, ("Kim Jong Un", "Kim"))})
    assert names == {"e1": "Kim Jong Un"}
    assert doc_events == []
