"""Context fixes of the model's entities: person roles, foreign company suffixes, site words, page furniture."""

import pytest

from spyglass.extract.pipeline import build_pipeline
from spyglass.model import EntityType

PER, ORG, FAC = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.FACILITY


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(prefer_model=True)


def typed(nlp, text: str) -> set[tuple[EntityType, str]]:
    return {(c.type, m.text) for c in nlp(text)._.sg_entities for m in c.mentions}


FOUND = [
    ("Ozkan Kimya's general manager, Baran Yildiz, declined to comment.", PER, "Baran Yildiz"),
    ("The drums were sold by Anadolu Kimya Sanayi to a trader in Baku.", ORG, "Anadolu Kimya Sanayi"),
    ("Satellite photos show new halls at the Karaj Nuclear Research Center.", FAC, "Karaj Nuclear Research Center"),
]


@pytest.mark.parametrize(("text", "etype", "mention"), FOUND)
def test_typed_by_context(nlp, text, etype, mention):
    assert (etype, mention) in typed(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Read the annual report (PDF, 2 MB). Download it here.",
        "The test took place on May 3, Juche 112 (2023), according to the agency.",
    ],
)
def test_page_words_and_calendar_years_are_not_entities(nlp, text):
    names = {m for _, m in typed(nlp, text)}
    assert not names & {"PDF", "MB", "Download", "Juche 112"}
