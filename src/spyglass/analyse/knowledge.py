"""What the knowledge base knows about a stored entity: the curated register plus every imported source.

Entities resolved at extraction carry a `kb_id`; the rest are looked up by folded name or alias, so an analysis
still recognises "the February 8 plant" when extraction did not link it.
"""

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from spyglass.kb.record import KBRecord
from spyglass.kb.register import register
from spyglass.kb.tables import KBRecordRow
from spyglass.store.identity import fold
from spyglass.store.views import EntityRef


@dataclass
class KnowledgeIndex:
    """KB records by id and by folded name/alias (names shared by several records stay ambiguous: no match)."""

    by_id: dict[str, KBRecord] = field(default_factory=dict)
    by_name: dict[tuple[str, str], KBRecord | None] = field(default_factory=dict)

    def add(self, record: KBRecord) -> None:
        self.by_id.setdefault(record.id, record)
        for name in record.names:
            key = (record.type.value, fold(name))
            if key in self.by_name and self.by_name[key] is not None and self.by_name[key].id != record.id:
                self.by_name[key] = None
            else:
                self.by_name.setdefault(key, record)

    def record(self, kb_id: str) -> KBRecord | None:
        return self.by_id.get(kb_id)

    def lookup(self, entity: EntityRef) -> KBRecord | None:
        """The record of an entity: by its KB id, else by its name and type."""
        if entity.kb_id and entity.kb_id in self.by_id:
            return self.by_id[entity.kb_id]
        return self.by_name.get((entity.type.value, fold(entity.name)))


def knowledge(session: Session) -> KnowledgeIndex:
    """The index of the register and of the KB records stored in this database."""
    index = KnowledgeIndex()
    for record in register():
        index.add(record)
    for row in session.scalars(select(KBRecordRow).order_by(KBRecordRow.id)):
        index.add(row.to_record())
    return index


def kb_record(session: Session, kb_id: str) -> KBRecord | None:
    """One KB record by id, from the register or the stored sources."""
    found = next((r for r in register() if r.id == kb_id), None)
    if found is None and (row := session.get(KBRecordRow, kb_id)) is not None:
        found = row.to_record()
    return found
