"""The dateline opening a story ("SEOUL, March 4 (Yonhap) --"): where the story was filed from and when, not
anything the story tells. Read with the ingest cues (`spyglass.ingest.metadata.dateline_match`), so cleaning and
extraction agree on what a dateline is; cleaning reads it off the first body paragraph, extraction off any of the
first lines (a text given to `extract` may still carry a byline or a title above it).

`spyglass_dateline` runs before the parser and starts a sentence after the dateline: parsed as part of the lead
sentence, the dateline's place tends to become its root and the lead's own verbs lose their subjects and dates.
"""

from spacy.language import Language
from spacy.tokens import Doc

from spyglass.ingest.metadata import dateline_match

SCAN = 400  # a dateline opens one of the first lines


def dateline_range(text: str) -> tuple[int, int]:
    """Character range of the whole dateline (place, date, agency and dash) opening one of the first lines of `text`,
    else (0, 0)."""
    starts = [0, *(k + 1 for k, c in enumerate(text[:SCAN]) if c == "\n")]
    for start in starts:
        if m := dateline_match(text[start:]):
            return start, start + m.end()
    return 0, 0


@Language.component("spyglass_dateline")
def split_dateline(doc: Doc) -> Doc:
    """Start a sentence at the first word after the dateline."""
    _, end = dateline_range(doc.text)
    first = next((t for t in doc if t.idx >= end), None) if end else None
    if first is not None and first.i > 0:
        first.is_sent_start = True
    return doc
