"""Readers by kind of content ("text", "html", "feed"): each turns decoded input into documents.

A reader raises `InputError` when the whole input is unreadable and yields one for a part (a feed item) that is.

Built-in readers register with `@reader(kind)` exactly as a plugin would; `read` dispatches on the sniffed kind.
"""

from collections.abc import Callable, Iterator

from spyglass.errors import InputError
from spyglass.ingest.payload import RawText
from spyglass.model import Document

Reader = Callable[[RawText], Iterator[Document | InputError]]

READERS: dict[str, Reader] = {}


def reader(kind: str) -> Callable[[Reader], Reader]:
    """Register `fn` as the reader of `kind`."""

    def register(fn: Reader) -> Reader:
        READERS[kind] = fn
        return fn

    return register


def read(kind: str, raw: RawText) -> Iterator[Document | InputError]:
    """The documents the reader of `kind` finds in `raw`."""
    return READERS[kind](raw)
