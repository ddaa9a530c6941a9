"""Without a statistical model (spacy.blank + sentencizer) the gazetteer and the patterns still find entities."""

import pytest

from spyglass.extract.pipeline import build_pipeline
from spyglass.model import EntityType


@pytest.fixture(scope="module")
def blank():
    nlp = build_pipeline(prefer_model=False)
    assert "ner" not in nlp.pipe_names
    return nlp


CASES = [
    ("Kim Jong Un visited the Kanggye General Tractor Plant.", EntityType.PERSON, "Kim Jong Un"),
    ("Kim Jong Un visited the Kanggye General Tractor Plant.", EntityType.FACILITY, "Kanggye General Tractor Plant"),
    ("A Chinese firm smuggled tungsten to North Korea.", EntityType.ORGANIZATION, "A Chinese firm"),
    ("A Chinese firm smuggled tungsten to North Korea.", EntityType.ITEM, "tungsten"),
    ("A Chinese firm smuggled tungsten to North Korea.", EntityType.LOCATION, "North Korea"),
    ("Russia fired a Kh-101 from a bomber.", EntityType.WEAPON, "Kh-101"),
    ("The plant near Tabriz makes Zelzal-3 rockets.", EntityType.WEAPON, "Zelzal-3"),
    ("The tanker Sea Breeze met a North Korean ship.", EntityType.VESSEL, "Sea Breeze"),
]


@pytest.mark.parametrize(("text", "etype", "name"), CASES)
def test_blank_pipeline_finds_gazetteer_and_pattern_entities(blank, text, etype, name):
    found = [(c.type, c.name) for c in blank(text)._.sg_entities]
    assert (etype, name) in found
