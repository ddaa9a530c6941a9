"""The registry of knowledge-base loaders: each format registers a sniffer and a parser by name.

A loader turns the bytes of one source file into `KBRecord`s, fully, before anything is written, so a failed
parse never touches the store. Built-in loaders (UN XML, FtM JSON lines, register YAML) use the same
`loader` decorator a plugin would.
"""

from collections.abc import Callable
from dataclasses import dataclass

from spyglass.errors import InputError
from spyglass.kb.record import KBRecord

Parse = Callable[[bytes, str], list[KBRecord]]
Sniff = Callable[[bytes, str], bool]


@dataclass(frozen=True)
class Loader:
    """A named format: `sniff(data, filename)` says whether it fits, `parse(data, source)` reads it."""

    name: str
    default_source: str
    sniff: Sniff
    parse: Parse


LOADERS: dict[str, Loader] = {}


def loader(name: str, default_source: str, sniff: Sniff) -> Callable[[Parse], Parse]:
    """Register the decorated parser as the loader `name`."""

    def register(parse: Parse) -> Parse:
        LOADERS[name] = Loader(name, default_source, sniff, parse)
        return parse

    return register


def pick_loader(data: bytes, filename: str, fmt: str | None = None) -> Loader:
    """The loader named `fmt`, else the first whose sniffer accepts the data."""
    if fmt is not None:
        if fmt not in LOADERS:
            raise InputError(filename, f"unknown format {fmt!r} (known: {', '.join(sorted(LOADERS))})")
        return LOADERS[fmt]
    for candidate in LOADERS.values():
        if candidate.sniff(data, filename):
            return candidate
    raise InputError(filename, f"not a known knowledge-base format ({', '.join(sorted(LOADERS))})")
