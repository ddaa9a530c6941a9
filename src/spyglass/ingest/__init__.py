"""Ingest: read articles from files, folders, URLs, feeds and stdin into cleaned `Document`s.

Sources (`sources.py`) give bytes, `decode.py` text, `sniff.py` its kind, and the reader registered for that kind
(`text.py`, `html.py`, `feed.py`) the cleaned documents.
"""

from collections.abc import Iterable, Iterator
from datetime import date

from spyglass.errors import InputError
from spyglass.ingest import feed, html, text  # noqa: F401  (register the built-in readers)
from spyglass.ingest.decode import decode
from spyglass.ingest.limits import MAX_BYTES, TIMEOUT_SECONDS, Limits
from spyglass.ingest.payload import RawText
from spyglass.ingest.registry import read
from spyglass.ingest.sniff import sniff
from spyglass.ingest.sources import iter_payloads
from spyglass.model import Document

__all__ = ["MAX_BYTES", "iter_documents"]


def iter_documents(
    inputs: Iterable[str],
    published: date | None = None,
    *,
    allow_private: bool = True,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT_SECONDS,
) -> Iterator[Document | InputError]:
    """Yield a cleaned document per article found in `inputs`, or an `InputError` per input that fails.

    `published` fills in the date for articles that state none. Servers pass `allow_private=False` so a URL
    cannot reach loopback, private or link-local addresses.
    """
    limits = Limits(max_bytes=max_bytes, timeout=timeout, allow_private=allow_private)
    for payload in iter_payloads(inputs, limits):
        if isinstance(payload, InputError):
            yield payload
            continue
        try:
            content = decode(payload)
            for item in read(sniff(content), RawText(payload.source, content, payload.url)):
                if isinstance(item, Document) and item.published is None and published is not None:
                    item = item.model_copy(update={"published": published})
                yield item
        except InputError as err:
            yield err
        except Exception as err:  # a third-party parser choking on hostile input must not stop the batch
            yield InputError(payload.source, f"cannot read ({type(err).__name__}: {err})".splitlines()[0])
