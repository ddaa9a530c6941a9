"""CSV exports: `csv` has one row per event and role, `csv-entities` one row per entity of each document."""

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from spyglass.export.context import ExportContext
from spyglass.export.registry import exporter
from spyglass.export.wording import sources_text
from spyglass.model import Extraction

EVENT_COLUMNS = [
    "document_id", "source", "title", "published", "event_id", "event_type", "trigger", "trigger_start",
    "trigger_end", "date_text", "date_start", "date_end", "date_approximate", "role", "entity_id", "entity_name",
    "entity_type", "kb_id", "certainty", "sources", "cue", "attributes",
]  # fmt: skip
ENTITY_COLUMNS = [
    "document_id", "source", "entity_id", "name", "type", "kb_id", "mention_count", "mentions", "first_start",
    "events", "attributes",
]  # fmt: skip


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str) if value else ""


@exporter("csv", "text/csv", ".csv", "events: one row per event and role, with trigger, date, certainty and sources")
def write_events(records: Iterable[Extraction], out: TextIO, context: ExportContext) -> None:
    rows = csv.DictWriter(out, EVENT_COLUMNS, lineterminator="\n")
    rows.writeheader()
    for record in records:
        doc = record.document
        for event in record.events:
            date = event.date
            shared = {
                "document_id": doc.id, "source": doc.source, "title": doc.title or "", "published": doc.published or "",
                "event_id": event.id, "event_type": event.type.value, "trigger": event.trigger.text,
                "trigger_start": event.trigger.start, "trigger_end": event.trigger.end,
                "date_text": date.text if date else "", "date_start": (date and date.start) or "",
                "date_end": (date and date.end) or "", "date_approximate": date.approximate if date else "",
                "certainty": event.claim.certainty.value, "sources": sources_text(event.claim),
                "cue": event.claim.cue or "", "attributes": _json(event.attributes),
            }  # fmt: skip
            for argument in event.arguments or [None]:
                entity = record.entity(argument.entity) if argument else None
                rows.writerow(
                    shared
                    | {
                        "role": argument.role.value if argument else "",
                        "entity_id": argument.entity if argument else "",
                        "entity_name": entity.name if entity else "",
                        "entity_type": entity.type.value if entity else "",
                        "kb_id": (entity and entity.kb_id) or "",
                    }
                )


@exporter("csv-entities", "text/csv", ".csv", "entities: one row per entity of each document, with its mentions")
def write_entities(records: Iterable[Extraction], out: TextIO, context: ExportContext) -> None:
    rows = csv.DictWriter(out, ENTITY_COLUMNS, lineterminator="\n")
    rows.writeheader()
    for record in records:
        for entity in record.entities:
            events = [e.id for e in record.events if any(a.entity == entity.id for a in e.arguments)]
            rows.writerow(
                {
                    "document_id": record.document.id,
                    "source": record.document.source,
                    "entity_id": entity.id,
                    "name": entity.name,
                    "type": entity.type.value,
                    "kb_id": entity.kb_id or "",
                    "mention_count": len(entity.mentions),
                    "mentions": " | ".join(dict.fromkeys(m.text for m in entity.mentions)),
                    "first_start": min(m.start for m in entity.mentions),
                    "events": " ".join(events),
                    "attributes": _json(entity.attributes),
                }
            )
