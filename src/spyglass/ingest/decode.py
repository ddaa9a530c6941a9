"""Bytes to text: refuse binary and empty input; decode UTF-8 first, then a declared charset, then Windows-1252
(Latin-1's superset, the usual legacy encoding of English-language pages) when the bytes are mostly ASCII, and
only then a detected charset. Short Latin-1 texts fool detectors, hence the Windows-1252 step before detection."""

import codecs
import re

import charset_normalizer

from spyglass.errors import InputError
from spyglass.ingest.cues import format_cues
from spyglass.ingest.payload import Payload

_SNIFF_BYTES = 8192
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""(?:encoding|charset)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_CONTROL_SHARE = 0.01
_MAX_NON_ASCII_SHARE = 0.2


def decode(payload: Payload) -> str:
    """The text of `payload`, or an `InputError` saying why it is not readable text."""
    data = payload.data
    if not data.strip():
        raise InputError(payload.source, "empty input")
    for signature, name in format_cues().binary_signatures.items():
        if data.startswith(signature):
            raise InputError(payload.source, f"binary file ({name}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(payload.source, data.decode(encoding, errors="replace"))
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(payload.source, "binary file (NUL bytes), not text")
    try:
        return _checked(payload.source, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    for encoding in filter(None, (payload.charset, _declared(data))):
        try:
            return _checked(payload.source, data.decode(encoding))
        except (LookupError, UnicodeDecodeError):
            continue
    western = _western(data)
    if western is not None:
        return _checked(payload.source, western)
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(payload.source, "cannot decode: not UTF-8 and no text encoding fits")
    return _checked(payload.source, str(best))


def _western(data: bytes) -> str | None:
    """`data` as Windows-1252 when it decodes and is mostly ASCII, as Latin-1 English text is."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = sum(1 for c in text if ord(c) > 127)
    return text if non_ascii <= _MAX_NON_ASCII_SHARE * len(text) else None


def _declared(data: bytes) -> str | None:
    """The charset an XML declaration or HTML meta tag states in the opening bytes."""
    head = data[:2048]
    if not head.lstrip().startswith(b"<"):
        return None
    m = _DECLARED.search(head)
    return m.group(1).decode("ascii") if m else None


def _checked(source: str, text: str) -> str:
    if len(_CONTROL.findall(text[:_SNIFF_BYTES])) > _MAX_CONTROL_SHARE * min(len(text), _SNIFF_BYTES):
        raise InputError(source, "cannot decode: the bytes do not read as text in any encoding")
    return text
