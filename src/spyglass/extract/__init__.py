"""Extract: a spaCy pipeline that turns a `Document` into an `Extraction` (the contract)."""

from collections.abc import Iterable, Iterator

from spyglass.extract.pipeline import load_pipeline
from spyglass.extract.record import to_extraction
from spyglass.model import Document, Extraction


def extract_many(documents: Iterable[Document], batch_size: int = 16) -> Iterator[Extraction]:
    """Extract every document, streaming them through one shared pipeline."""
    nlp = load_pipeline()
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield to_extraction(doc, document)


def extract(document: Document) -> Extraction:
    """Extract one document."""
    return next(extract_many([document]))
