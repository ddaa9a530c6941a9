"""STIX 2.1 export: one bundle, a Report per document, built with `stix2` and free of custom content.

Per document: a Report (external reference to the source URL, every object it draws on in `object_refs`);
Identities for people and organisations, Locations for places, Infrastructure with labels for facilities,
weapons, dual-use items and vessels (`data/export/stix.yaml`); per event a Grouping of its participants and a
Relationship per role (event date as start/stop time); per claim a Note (attribution chain, cue, certainty) and
an Opinion (certainty as agreement). Ids are UUIDv5 of content keys and timestamps come from the publication date
(the Unix epoch when unknown), so the same records always give the same bundle.
"""

import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any, TextIO

import stix2

from spyglass.export.context import ExportContext
from spyglass.export.keys import digest, entity_key, event_key
from spyglass.export.places import Place
from spyglass.export.registry import exporter
from spyglass.export.wording import attributes_text, claim_text, date_text, event_title, roles_text
from spyglass.model import Entity, Event, Extraction
from spyglass.packaged import data_yaml

NAMESPACE = uuid.UUID("6f0c5e1e-5d1b-4a52-9c55-7370796c6173")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
TOOL_KEY = "spyglass"


@cache
def mapping() -> dict[str, Any]:
    return data_yaml("export", "stix.yaml")


def stix_id(kind: str, *key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, digest(kind, *key))}"


def timestamp(day: date | None) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC) if day else EPOCH


def tool_identity() -> stix2.Identity:
    """spyglass itself, the creator of every object."""
    return stix2.Identity(
        id=stix_id("identity", TOOL_KEY), name="spyglass", identity_class="system", created=EPOCH, modified=EPOCH,
        description="Counter-proliferation OSINT extraction (entities, events and claims from news text).",
    )  # fmt: skip


class Builder:
    """Builds the objects of one document; `common` holds created/modified/creator shared by all of them."""

    def __init__(self, record: Extraction, context: ExportContext) -> None:
        self.record = record
        self.context = context
        when = timestamp(record.document.published)
        self.common = {"created": when, "modified": when, "created_by_ref": stix_id("identity", TOOL_KEY)}
        self.ids: dict[str, str] = {}

    def objects(self) -> Iterator[Any]:
        entities = [obj for entity in self.record.entities for obj in self.entity(entity)]
        events = [obj for event in self.record.events for obj in self.event(event)]
        yield from entities
        yield from events
        yield self.report([obj.id for obj in entities + events])

    def report(self, refs: list[str]) -> stix2.Report:
        doc = self.record.document
        reference: dict[str, str] = {"source_name": doc.outlet or "source", "external_id": doc.id}
        if doc.source.startswith(("http://", "https://")):
            reference["url"] = doc.source
        else:
            reference["description"] = f"read from {doc.source}"
        return stix2.Report(
            id=stix_id("report", doc.id), name=doc.title or doc.source, published=timestamp(doc.published),
            report_types=["threat-report"], description=doc.text, object_refs=refs or [self.common["created_by_ref"]],
            external_references=[reference], **self.common,
        )  # fmt: skip

    def entity(self, entity: Entity) -> Iterator[Any]:
        spec = mapping()["entities"][entity.type.value]
        kind = spec["type"]
        object_id = stix_id(kind, entity_key(self.record, entity))
        self.ids[entity.id] = object_id
        record = self.context.record(entity.kb_id)
        labels = list(spec.get("labels", []))
        fields: dict[str, Any] = {"id": object_id, "name": entity.name, **self.common}
        notes = [attributes_text(entity.attributes)]
        if record is not None:
            notes.append(record.notes or "")
            fields["external_references"] = [self._kb_reference(record)]
            labels += [mapping()["defense_linked_label"]] if record.defense_linked else []
            labels += [mapping()["listed_label"]] if record.list_type or record.reference_number else []
        if labels:
            fields["labels"] = labels
        mentions = " | ".join(dict.fromkeys(m.text for m in entity.mentions))
        fields["description"] = "\n".join(n for n in [f"Mentions: {mentions}", *notes] if n)
        place = self.context.places.locate(entity)
        if kind == "identity":
            yield stix2.Identity(identity_class=spec["identity_class"], **fields)
        elif kind == "location":
            yield stix2.Location(**fields, **self._where(place, entity))
        else:
            yield stix2.Infrastructure(**fields)
            if place is not None:
                location = stix2.Location(
                    id=stix_id("location", "place", place.source), name=place.name, **self._where(place, entity),
                    **self.common,
                )  # fmt: skip
                yield location
                yield self._relationship(object_id, "located-at", location.id, "located-at")

    def _kb_reference(self, record: Any) -> dict[str, str]:
        reference = {"source_name": record.source, "external_id": record.id}
        if record.source_url:
            reference["url"] = record.source_url
        return reference

    def _where(self, place: Place | None, entity: Entity) -> dict[str, Any]:
        """Location fields: coordinates and country when placed, else the country attribute, else no region known."""
        if place is None:
            country = entity.attributes.get("country")
            return {"country": country} if country else {"region": "unknown"}
        where: dict[str, Any] = {
            "latitude": place.lat, "longitude": place.lon,
            "precision": float(mapping()["precision_metres"][place.precision]),
        }  # fmt: skip
        if place.country:
            where["country"] = place.country
        if place.precision == "city":
            where["city"] = place.name
        return where

    def _relationship(self, source: str, kind: str, target: str, key: str, **extra: Any) -> stix2.Relationship:
        return stix2.Relationship(
            id=stix_id("relationship", source, key, target), source_ref=source, target_ref=target,
            relationship_type=kind, **self.common, **extra,
        )  # fmt: skip

    def event(self, event: Event) -> Iterator[Any]:
        key = event_key(self.record, event)
        group_id = stix_id("grouping", key)
        timing: dict[str, Any] = {}
        if event.date is not None and event.date.start is not None:
            start = timestamp(event.date.start)
            stop = timestamp(event.date.end or event.date.start) + timedelta(days=1)
            timing = {"start_time": start, "stop_time": stop}
        roles = []
        for argument in event.arguments:
            target = self.ids.get(argument.entity)
            if target is not None:
                roles.append(
                    self._relationship(
                        group_id, argument.role.value, target, argument.role.value,
                        description=f"{event.type.value.lower()} {argument.role.value}", **timing,
                    )
                )  # fmt: skip
        description = "\n".join(
            part
            for part in [roles_text(self.record, event), date_text(event.date), attributes_text(event.attributes)]
            if part
        )
        members = [*dict.fromkeys(r.target_ref for r in roles), *(r.id for r in roles)]
        yield stix2.Grouping(
            id=group_id, name=event_title(event), context="unspecified", description=description,
            labels=[event.type.value.lower()], object_refs=members or [self.common["created_by_ref"]], **self.common,
        )  # fmt: skip
        yield from roles
        yield from self.claim(event, group_id, [r.id for r in roles])

    def claim(self, event: Event, group_id: str, role_ids: list[str]) -> Iterator[Any]:
        claim = event.claim
        authors = [s.name for s in claim.sources]
        named = [self.ids[s.entity] for s in claim.sources if s.entity in self.ids]
        key = event_key(self.record, event)
        extra = {"authors": authors} if authors else {}
        yield stix2.Note(
            id=stix_id("note", key), abstract=f"Claim: {claim.certainty.value}", content=claim_text(claim),
            object_refs=[group_id, *role_ids, *named], **extra, **self.common,
        )  # fmt: skip
        yield stix2.Opinion(
            id=stix_id("opinion", key), opinion=mapping()["opinions"][claim.certainty.value],
            explanation=claim_text(claim), object_refs=[group_id, *role_ids], **extra, **self.common,
        )  # fmt: skip


@exporter("stix", "application/stix+json", ".stix.json", "STIX 2.1 bundle: a Report per document (stix2-validator)")
def write_stix(records: Iterable[Extraction], out: TextIO, context: ExportContext) -> None:
    """Stream one bundle: objects as they are built (each id once), the bundle id (hash of the reports) last."""
    identity = tool_identity()
    seen = {identity.id}
    reports: list[str] = []
    out.write('{"type": "bundle", "objects": [\n' + identity.serialize(sort_keys=True))
    for record in records:
        for obj in Builder(record, context).objects():
            if obj.id in seen:
                continue
            seen.add(obj.id)
            if obj.type == "report":
                reports.append(obj.id)
            out.write(",\n" + obj.serialize(sort_keys=True))
    bundle_id = f"bundle--{uuid.uuid5(NAMESPACE, digest('bundle', *reports))}"
    out.write(f"\n], {json.dumps('id')}: {json.dumps(bundle_id)}}}\n")
