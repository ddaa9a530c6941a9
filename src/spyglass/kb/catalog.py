"""Every knowledge-base record screening and resolution see: the store's imported sources plus packaged data.

Packaged data (the curated register and a DPRK+Iran subset of the UN list) makes screening work on an empty
store; a stored record with the same id (a full UN list imported as `un-sc`) takes its place.
"""

from functools import cache
from importlib import resources

from sqlalchemy import Engine

from spyglass.kb.record import KBRecord
from spyglass.kb.register import register
from spyglass.kb.storage import get_record, stored_records
from spyglass.kb.un_xml import SOURCE as UN_SOURCE
from spyglass.kb.un_xml import parse_un_xml

PACKAGED_UN = "un-dprk-iran.xml"


@cache
def packaged_records() -> tuple[KBRecord, ...]:
    """The register and the packaged UN subset, loaded once per process."""
    data = (resources.files("spyglass") / "data" / "kb" / PACKAGED_UN).read_bytes()
    return (*register(), *parse_un_xml(data, UN_SOURCE))


def all_records(engine: Engine | None = None) -> list[KBRecord]:
    """Stored records (when a store is given) over packaged ones, one per id."""
    merged = {r.id: r for r in packaged_records()}
    if engine is not None:
        merged.update((r.id, r) for r in stored_records(engine))
    return list(merged.values())


def find_record(engine: Engine | None, record_id: str) -> KBRecord | None:
    """The record with this id, stored first, then packaged."""
    stored = get_record(engine, record_id) if engine is not None else None
    return stored or next((r for r in packaged_records() if r.id == record_id), None)
