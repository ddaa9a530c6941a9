"""What the knowledge base knows about a stored entity: packaged records plus every imported source.

Entities resolved at extraction carry a `kb_id`; the rest are looked up by folded name or alias, so an analysis
still recognises "the February 8 plant" when extraction did not link it. A thing listed by the UN and curated in
the register has two records; a lookup returns both, so their flags (defense-linked, listing date) add up.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from spyglass.kb.catalog import all_records, find_record
from spyglass.kb.record import KBRecord
from spyglass.store.identity import fold
from spyglass.store.views import EntityRef


@dataclass
class KnowledgeIndex:
    """KB records by id and by (type, folded name or alias); one thing may have records in several sources."""

    by_id: dict[str, KBRecord] = field(default_factory=dict)
    by_name: dict[tuple[str, str], list[KBRecord]] = field(default_factory=lambda: defaultdict(list))

    def add(self, record: KBRecord) -> None:
        self.by_id.setdefault(record.id, record)
        for name in {fold(n) for n in record.names}:
            self.by_name[(record.type.value, name)].append(record)

    def lookup(self, entity: EntityRef) -> list[KBRecord]:
        """The records of an entity: its KB id's record and every record sharing a name with it (same type)."""
        linked = self.by_id.get(entity.kb_id) if entity.kb_id else None
        names = linked.names if linked else [entity.name]
        kind = linked.type.value if linked else entity.type.value
        found = {linked.id: linked} if linked else {}
        for name in names:
            for record in self.by_name.get((kind, fold(name)), []):
                found.setdefault(record.id, record)
        return list(found.values())


def knowledge(session: Session) -> KnowledgeIndex:
    """The index of every KB record: packaged (register, UN subset) and stored in this database."""
    index = KnowledgeIndex()
    for record in all_records(session.get_bind()):
        index.add(record)
    return index


def kb_record(session: Session, kb_id: str) -> KBRecord | None:
    """One KB record by id, stored or packaged."""
    return find_record(session.get_bind(), kb_id)
