"""Extraction is a pure function of the document: what was extracted before in the process never changes it."""

from spyglass.extract import extract
from spyglass.model import Document

FIRST = Document.build("first.txt", "Kim Jong Un inspected the Kanggye General Tractor Plant, KCNA said on Monday.")
SECOND = Document.build(
    "second.txt",
    "North Korean leader Kim Jong Un watched the launch of a Hwasong-17 missile. The North Korean leader smiled.",
)


def test_same_record_whatever_came_before() -> None:
    before = extract(FIRST).model_dump()
    extract(SECOND)
    extract(SECOND)
    assert extract(FIRST).model_dump() == before
