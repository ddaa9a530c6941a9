"""Work done on a Dask worker: one partition of inputs → extraction records, by the ordinary stage functions.

The spaCy pipeline is loaded once per worker process (`load_pipeline` is cached per process), so a partition only
pays for its own documents. A failure is confined to its document and travels back as a `Failed` value:
`InputError` itself does not survive pickling (its constructor takes two arguments).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spyglass.errors import InputError
from spyglass.extract import extract_many
from spyglass.ingest import iter_documents
from spyglass.model import Document, Extraction


@dataclass(frozen=True)
class Failed:
    """A document or input that could not be processed, as the worker saw it."""

    source: str
    reason: str

    def to_error(self) -> InputError:
        return InputError(self.source, self.reason)


def _extract_each(documents: Sequence[Document]) -> list[Extraction | Failed]:
    """Extract one document at a time so that a failing one spoils only itself."""
    results: list[Extraction | Failed] = []
    for document in documents:
        try:
            results.extend(extract_many([document]))
        except Exception as err:  # a bug on one text must not stop the batch; it is reported per document
            results.append(Failed(document.source, f"extraction failed: {type(err).__name__}: {err}"))
    return results


def extract_partition(sources: Sequence[str], published: date | None = None) -> list[Extraction | Failed]:
    """Ingest and extract `sources`; one result per document (or failure), in ingest order."""
    items: list[Document | Failed] = []
    for source in sources:
        try:
            for item in iter_documents([source], published=published):
                items.append(Failed(item.source, item.reason) if isinstance(item, InputError) else item)
        except Exception as err:  # a reader crash is one input's failure, not the partition's
            items.append(Failed(source, f"ingest failed: {type(err).__name__}: {err}"))
    documents = [item for item in items if isinstance(item, Document)]
    try:
        extracted = iter(list(extract_many(documents)))
    except Exception:
        extracted = iter(_extract_each(documents))
    return [next(extracted) if isinstance(item, Document) else item for item in items]
