"""Where input bytes come from: files, folders (recursive), `-` for stdin, and http(s) URLs.

Openers are tried in order; the first that accepts an input reads it. Each yields a `Payload` per article file,
or an `InputError` for a file it cannot read, so one bad file never stops the others.
"""

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spyglass.errors import InputError
from spyglass.ingest.fetch import fetch, is_url
from spyglass.ingest.limits import Limits
from spyglass.ingest.payload import Payload

STDIN = "<stdin>"

Opener = Callable[[str, Limits], Iterator[Payload | InputError]]


def iter_payloads(inputs: Iterable[str], limits: Limits) -> Iterator[Payload | InputError]:
    """Every input's payloads, in order; failures come back as `InputError` items."""
    for source in inputs:
        opener = next(open_ for accepts, open_ in OPENERS if accepts(source))
        try:
            yield from opener(source, limits)
        except InputError as err:
            yield err


def _open_stdin(source: str, limits: Limits) -> Iterator[Payload]:
    data = sys.stdin.buffer.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise InputError(STDIN, limits.too_big(len(data)))
    yield Payload(STDIN, data)


def _open_url(source: str, limits: Limits) -> Iterator[Payload]:
    yield fetch(source, limits)


def _open_folder(source: str, limits: Limits) -> Iterator[Payload | InputError]:
    """Every visible file under the folder, recursively, in name order; kinds are sniffed later from content."""
    for root, dirs, names in os.walk(source):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(n for n in names if not n.startswith(".")):
            try:
                yield read_file(os.path.join(root, name), limits)
            except InputError as err:
                yield err


def _open_file(source: str, limits: Limits) -> Iterator[Payload]:
    yield read_file(source, limits)


def read_file(source: str, limits: Limits) -> Payload:
    """A file's bytes, refusing one over the size cap before reading it."""
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise InputError(source, limits.too_big(size))
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise InputError(source, "no such file or folder") from None
    except OSError as err:
        raise InputError(source, f"cannot read: {err.strerror or err}") from None
    if len(data) > limits.max_bytes:
        raise InputError(source, limits.too_big(len(data)))
    return Payload(source, data)


OPENERS: list[tuple[Callable[[str], bool], Opener]] = [
    (lambda source: source == "-", _open_stdin),
    (is_url, _open_url),
    (os.path.isdir, _open_folder),
    (lambda source: True, _open_file),
]
