"""What exporters need besides the records: knowledge-base records by id and the places to put things on a map."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from spyglass.export.places import Gazetteer
from spyglass.kb.record import KBRecord


@dataclass
class ExportContext:
    """Shared by every exporter of one run; `kb` maps `kb_id` to its record (packaged ones by default)."""

    kb: Mapping[str, KBRecord] = field(default_factory=dict)

    @classmethod
    def from_records(cls, records: Iterable[KBRecord]) -> "ExportContext":
        return cls(kb={r.id: r for r in records})

    @classmethod
    def packaged(cls) -> "ExportContext":
        """The packaged knowledge base (curated register and UN subset), as used without a store."""
        from spyglass.kb.catalog import packaged_records

        return cls.from_records(packaged_records())

    @cached_property
    def places(self) -> Gazetteer:
        return Gazetteer(self.kb)

    def record(self, kb_id: str | None) -> KBRecord | None:
        return self.kb.get(kb_id) if kb_id else None
