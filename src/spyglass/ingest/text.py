"""Reader for plain text as scraped: clean it and read the metadata its lines state."""

from collections.abc import Iterator

from spyglass.ingest.clean import clean_text
from spyglass.ingest.document import build_document
from spyglass.ingest.payload import RawText
from spyglass.ingest.registry import reader
from spyglass.model import Document


@reader("text")
def read_text(raw: RawText) -> Iterator[Document]:
    yield build_document(raw.source, clean_text(raw.text), url=raw.url)
