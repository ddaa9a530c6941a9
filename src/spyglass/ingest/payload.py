"""What a source hands to the readers: the raw bytes of one input and where they came from."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Payload:
    """One input's bytes; `url` and `content_type` are set when it was fetched over HTTP."""

    source: str
    data: bytes
    url: str | None = None
    content_type: str | None = None
    charset: str | None = None


@dataclass(frozen=True)
class RawText:
    """One input decoded to text, ready for the reader of its kind."""

    source: str
    text: str
    url: str | None = None
