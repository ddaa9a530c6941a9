"""The dateline: found as cleaning finds it, kept out of the lead sentence's parse, dating and naming nothing."""

import pytest

from spyglass.extract.dateline import dateline_range
from spyglass.extract.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(prefer_model=True)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("GDANSK, Poland - Customs officers seized valves.", "GDANSK, Poland - "),
        ("Wonsan, May 2 (KCNA) -- Kim Jong Un visited a plant.", "Wonsan, May 2 (KCNA) -- "),
        ("By Ann Lee\n\nMINSK (Reuters) - The plant was listed.", "MINSK (Reuters) - "),
        ("Officials said on Monday - in a statement - that it failed.", ""),
        ("ISLAMABAD: The army tested a missile.", "ISLAMABAD: "),
        ("IAEA: Iran has added cascades at Fordow.", ""),  # an acronym and a colon open a quote, not a dateline
        ("Iran's Revolutionary Guards (IRGC) - the elite force - fired a missile.", ""),
    ],
)
def test_dateline_range(text, dateline):
    start, end = dateline_range(text)
    assert text[start:end] == dateline


def test_lead_sentence_starts_after_the_dateline(nlp):
    doc = nlp("GDANSK, Poland - Polish customs officers on Tuesday seized 40 valves bound for Iran.")
    first, lead = list(doc.sents)[:2]
    assert first.text == "GDANSK, Poland -"
    assert lead.root.lemma_ == "seize"
