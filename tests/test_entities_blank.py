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


def test_un_list_entries_are_in_the_gazetteer(blank):
    found = {c.name: c for c in blank("Officials of Green Pine Associated Corporation met buyers.")._.sg_entities}
    assert found["Green Pine Associated Corporation"].kb_id.startswith("un-sc:")


EDGE_INPUTS = ["", " ", "(", "Kim (", "IMO 1234567", "The tanker, the", "SEOUL -", "Factory No.", "a Chinese"]


@pytest.mark.parametrize("text", EDGE_INPUTS)
def test_fragments_do_not_break_the_components(blank, text):
    for cluster in blank(text)._.sg_entities:
        assert cluster.name and cluster.mentions
