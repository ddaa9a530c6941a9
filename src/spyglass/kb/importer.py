"""`import_source`: read a knowledge-base file or URL, parse it whole, then replace its source in the store.

URLs are fetched with httpx under a timeout and a size cap; nothing is fetched implicitly.
"""

from pathlib import Path

import httpx
from sqlalchemy import Engine

from spyglass.errors import InputError
from spyglass.kb import ftm, register, un_xml  # noqa: F401  (register the built-in loaders)
from spyglass.kb.loaders import pick_loader
from spyglass.kb.storage import ImportResult, replace_source

MAX_BYTES = 200 * 1024 * 1024
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def fetch(url: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The body of `url`, refusing more than `max_bytes`."""
    chunks, size = [], 0
    try:
        with httpx.stream("GET", url, timeout=TIMEOUT, follow_redirects=True) as response:
            response.raise_for_status()
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(url, f"larger than {max_bytes} bytes")
                chunks.append(chunk)
    except httpx.HTTPError as err:
        raise InputError(url, f"cannot fetch ({type(err).__name__}: {err})") from None
    return b"".join(chunks)


def read_target(target: str) -> tuple[bytes, str]:
    """The bytes and file name of a path or an http(s) URL."""
    if target.startswith(("http://", "https://")):
        return fetch(target), target.rsplit("/", 1)[-1].split("?", 1)[0]
    path = Path(target)
    if not path.is_file():
        raise InputError(target, "no such file")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(target, f"larger than {MAX_BYTES} bytes")
    return path.read_bytes(), path.name


def import_source(engine: Engine, target: str, source: str | None = None, fmt: str | None = None) -> ImportResult:
    """Load `target` (file or URL) as source `source` (default: the format's), replacing that source's records."""
    data, filename = read_target(target)
    loader = pick_loader(data, filename, fmt)
    name = source or loader.default_source
    try:
        records = loader.parse(data, name)
    except InputError as err:
        raise InputError(target, err.reason) from None
    if not records:
        raise InputError(target, "no records found; nothing imported")
    return replace_source(engine, name, loader.name, target, records)
