"""The curated register shipped in the package: `data/register/*.yaml`, each record with a public source."""

from collections.abc import Iterator
from functools import cache
from importlib import resources

import yaml

from spyglass.kb.record import KBRecord

SOURCE = "spyglass-register"


def iter_register() -> Iterator[KBRecord]:
    """Every record of every register file, in file order."""
    folder = resources.files("spyglass") / "data" / "register"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith((".yaml", ".yml")):
            for raw in yaml.safe_load(entry.read_text(encoding="utf-8")) or []:
                yield KBRecord(source=SOURCE, **raw)


@cache
def register() -> tuple[KBRecord, ...]:
    """The register, loaded once per process."""
    return tuple(iter_register())
