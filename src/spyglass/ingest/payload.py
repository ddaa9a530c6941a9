"""What a source hands to the readers: the raw bytes of one input and where they came from."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Payload:
    """One input's bytes; `url` and `charset` (from the Content-Type header) are set when fetched over HTTP."""

    source: str
    data: bytes
    url: str | None = None
    charset: str | None = None


@dataclass(frozen=True)
class RawText:
    """One input decoded to text, ready for the reader of its kind."""

    source: str
    text: str
    url: str | None = None
