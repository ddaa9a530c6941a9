"""The curated register shipped in the package: `data/register/*.yaml`, each record with a public source."""

from collections.abc import Iterator
from functools import cache
from importlib import resources

import yaml
from pydantic import ValidationError

from spyglass.errors import InputError
from spyglass.kb.loaders import loader
from spyglass.kb.record import KBRecord

SOURCE = "spyglass-register"


def _sniff(data: bytes, filename: str) -> bool:
    return filename.endswith((".yaml", ".yml"))


@loader("register", SOURCE, _sniff)
def parse_register(data: bytes, source: str) -> list[KBRecord]:
    """The records of one register YAML file (a list of records)."""
    try:
        raw = yaml.safe_load(data) or []
        if not isinstance(raw, list):
            raise InputError(source, "a register file is a YAML list of records")
        return [KBRecord(**{**item, "source": source}) for item in raw]
    except (yaml.YAMLError, ValidationError, TypeError) as err:
        raise InputError(source, f"bad register file: {str(err).splitlines()[0]}") from None


def iter_register() -> Iterator[KBRecord]:
    """Every record of every register file, in file order."""
    folder = resources.files("spyglass") / "data" / "register"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if _sniff(b"", entry.name):
            yield from parse_register(entry.read_bytes(), SOURCE)


@cache
def register() -> tuple[KBRecord, ...]:
    """The register, loaded once per process."""
    return tuple(iter_register())
