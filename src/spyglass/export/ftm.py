"""FollowTheMoney export: entity fragments as JSON lines, loadable by `ftm` tools and Aleph.

Each document becomes an Article; each entity a Person, Organization, Vessel, Address or Asset (mapping in
`data/export/ftm.yaml`) with a Documentation link to the Article and a Mention per distinct surface form; each
event an Event with its parties, place, dates and claim, and an UnknownLink per role. Ids are hashed from content
keys (`keys.py`), so a knowledge-base thing is one FtM entity across documents (emitted once per run) and
exporting twice gives the same lines.
"""

import json
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from spyglass.export.context import ExportContext
from spyglass.export.keys import digest, entity_key, event_key
from spyglass.export.registry import exporter
from spyglass.export.wording import attributes_text, claim_text, date_text, event_title, roles_text
from spyglass.model import Entity, Event, Extraction
from spyglass.packaged import data_yaml

PREFIX = "sg"


@cache
def mapping() -> dict[str, Any]:
    return data_yaml("export", "ftm.yaml")


def make(schema: str, *key: str) -> EntityProxy:
    """A new proxy whose id is `sg-` + the digest of `key`."""
    proxy = model.make_entity(schema)
    proxy.id = f"{PREFIX}-{digest(schema, *key)}"
    return proxy


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def article(record: Extraction) -> EntityProxy:
    doc = record.document
    proxy = make("Article", doc.id)
    proxy.add("title", doc.title or doc.source)
    proxy.add("bodyText", doc.text)
    proxy.add("publishedAt", doc.published)
    proxy.add("publisher", doc.outlet)
    proxy.add("author", doc.byline)
    proxy.add("sourceUrl" if is_url(doc.source) else "fileName", doc.source)
    if doc.dateline:
        proxy.add("summary", f"Dateline: {doc.dateline}")
    return proxy


class Writer:
    """Turns records into proxies; remembers which knowledge-base entities a run has already emitted."""

    def __init__(self, context: ExportContext) -> None:
        self.context = context
        self.emitted: set[str] = set()

    def entity(self, record: Extraction, entity: Entity) -> Iterator[EntityProxy]:
        """The entity (once per run when KB-linked), its address, and its document links and mentions."""
        spec = mapping()["entities"][entity.type.value]
        proxy = make(spec["schema"], entity_key(record, entity))
        if proxy.id not in self.emitted:
            self.emitted.add(proxy.id)
            yield from self._described(proxy, entity, spec)
        doc = make("Article", record.document.id)
        link = make("Documentation", doc.id, proxy.id)
        link.add("document", doc)
        link.add("entity", proxy)
        link.add("role", f"mentioned ({entity.type.value.lower()}, {len(entity.mentions)}×)")
        link.add("summary", " | ".join(f"{m.start}-{m.end}: {m.text}" for m in entity.mentions))
        yield link
        for text in dict.fromkeys(m.text for m in entity.mentions):
            mention = make("Mention", doc.id, proxy.id, text)
            mention.add("document", doc)
            mention.add("name", text)
            mention.add("detectedSchema", proxy.schema.name)
            if proxy.schema.is_a("LegalEntity"):
                mention.add("resolved", proxy)
            yield mention

    def _described(self, proxy: EntityProxy, entity: Entity, spec: dict) -> Iterator[EntityProxy]:
        record = self.context.record(entity.kb_id)
        proxy.add("full" if proxy.schema.name == "Address" else "name", entity.name)
        proxy.add("keywords", spec.get("keywords", []))
        proxy.add("topics", spec.get("topics", []))
        proxy.add("country", entity.attributes.get("country"))
        if entity.attributes and proxy.schema.name != "Address":
            proxy.add("description", attributes_text(entity.attributes))
        if record is not None:
            proxy.add("alias", [a for a in record.aliases if a != entity.name])
            proxy.add("country", record.country)
            proxy.add("notes", record.notes)
            proxy.add("sourceUrl", record.source_url)
            proxy.add("keywords", [f"kb:{record.id}", *(f"HS {code}" for code in record.hs_codes)])
            if record.defense_linked:
                proxy.add("topics", mapping()["defense_linked_topic"])
            if record.list_type or record.reference_number:
                proxy.add("topics", mapping()["listed_topic"])
                proxy.add("program", record.list_type)
        place = self.context.places.locate(entity)
        if place is not None:
            address = proxy if proxy.schema.name == "Address" else make("Address", proxy.id)
            address.add("full", address.get("full") or place.name)
            address.add("latitude", str(place.lat))
            address.add("longitude", str(place.lon))
            address.add("country", place.country)
            address.add("remarks", f"coordinates: {place.source}, precision {place.precision}")
            if address is not proxy:
                proxy.add("addressEntity", address)
                yield address
        yield proxy

    def event(self, record: Extraction, event: Event) -> Iterator[EntityProxy]:
        """The Event, and an UnknownLink from it to each argument's entity naming the role."""
        spec = mapping()
        proxy = make("Event", event_key(record, event))
        doc = make("Article", record.document.id)
        proxy.add("name", event_title(event))
        proxy.add("summary", roles_text(record, event))
        proxy.add("description", [date_text(event.date), attributes_text(event.attributes)])
        proxy.add("notes", claim_text(event.claim))
        proxy.add("keywords", [event.type.value.lower(), f"certainty:{event.claim.certainty.value}"])
        proxy.add("topics", spec["events"][event.type.value].get("topics", []))
        proxy.add("proof", doc)
        if is_url(record.document.source):
            proxy.add("sourceUrl", record.document.source)
        if event.date is not None:
            proxy.add("startDate", event.date.start)
            proxy.add("endDate", event.date.end)
        for source in event.claim.sources:
            proxy.add("namesMentioned", source.name)
        links = []
        for argument in event.arguments:
            entity = record.entity(argument.entity)
            if entity is None:
                continue
            target = make(spec["entities"][entity.type.value]["schema"], entity_key(record, entity))
            proxy.add("namesMentioned", entity.name)
            if target.schema.is_a("LegalEntity"):
                proxy.add("involved", target)
                if argument.role.value in spec["organizer_roles"]:
                    proxy.add("organizer", target)
            if argument.role.value in spec["place_roles"]:
                proxy.add("location", entity.name)
                proxy.add("country", entity.attributes.get("country"))
                if target.schema.name == "Address":
                    proxy.add("addressEntity", target)
            link = make("UnknownLink", proxy.id, argument.role.value, target.id)
            link.add("subject", proxy)
            link.add("object", target)
            link.add("role", f"{event.type.value.lower()} {argument.role.value}")
            link.add("proof", doc)
            links.append(link)
        yield proxy
        yield from links

    def record(self, record: Extraction) -> Iterator[EntityProxy]:
        yield article(record)
        for entity in record.entities:
            yield from self.entity(record, entity)
        for event in record.events:
            yield from self.event(record, event)


@exporter("ftm", "application/x-ndjson", ".ftm.json", "FollowTheMoney entities as JSON lines (ftm tools, Aleph)")
def write_ftm(records: Iterable[Extraction], out: TextIO, context: ExportContext) -> None:
    writer = Writer(context)
    for record in records:
        for proxy in writer.record(record):
            out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
