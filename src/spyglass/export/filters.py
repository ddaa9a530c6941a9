"""Which records an export covers: event or entity types, an entity, a publication-date range.

The same filters apply to records from a JSONL file and from the store, so `--type TRANSFER` means the same
thing either way: only TRANSFER events are exported, from the documents that report one.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spyglass.errors import SpyglassError
from spyglass.export.places import fold
from spyglass.model import EntityType, EventType, Extraction


@dataclass(frozen=True)
class Filters:
    """Empty fields select everything; `types` holds event and/or entity type names."""

    types: frozenset[str] = frozenset()
    entity: str | None = None
    published_from: date | None = None
    published_to: date | None = None

    @classmethod
    def build(cls, types: Iterable[str] = (), **fields: object) -> "Filters":
        """Filters with `types` checked (case-insensitive) against the contract's event and entity types."""
        known = {t.value for t in EventType} | {t.value for t in EntityType}
        wanted = frozenset(t.upper() for t in types)
        unknown = sorted(wanted - known)
        if unknown:
            raise SpyglassError(f"--type: unknown type {unknown[0]!r} (known: {', '.join(sorted(known))})")
        return cls(types=wanted, **fields)  # type: ignore[arg-type]

    @property
    def event_types(self) -> frozenset[str]:
        return self.types & {t.value for t in EventType}

    @property
    def entity_types(self) -> frozenset[str]:
        return self.types & {t.value for t in EntityType}

    def apply(self, records: Iterable[Extraction]) -> Iterator[Extraction]:
        for record in records:
            kept = self.select(record)
            if kept is not None:
                yield kept

    def select(self, record: Extraction) -> Extraction | None:
        """The record as exported (events of other types dropped), or None when it does not match."""
        published = record.document.published
        if (self.published_from or self.published_to) and published is None:
            return None
        if self.published_from and published and published < self.published_from:
            return None
        if self.published_to and published and published > self.published_to:
            return None
        if self.entity and not self._names_entity(record):
            return None
        if not self.types:
            return record
        events = [e for e in record.events if e.type.value in self.event_types]
        has_entity = any(e.type.value in self.entity_types for e in record.entities)
        if not events and not has_entity:
            return None
        return record.model_copy(update={"events": events}) if self.event_types else record

    def _names_entity(self, record: Extraction) -> bool:
        wanted = fold(self.entity or "")
        return any(
            entity.kb_id == self.entity or wanted in {fold(entity.name), *(fold(m.text) for m in entity.mentions)}
            for entity in record.entities
        )
