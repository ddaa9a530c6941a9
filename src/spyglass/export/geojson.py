"""GeoJSON export: one Feature per place where facilities and locations of the records are, linked to events.

Places come from `places.Gazetteer` (knowledge-base coordinates, then the packaged gazetteer); entities that
cannot be placed are left out. A place mentioned by several documents is one Feature listing every document,
entity and event role that names it.
"""

import json
from collections.abc import Iterable
from typing import Any, TextIO

from spyglass.export.context import ExportContext
from spyglass.export.registry import exporter
from spyglass.model import EntityType, Extraction

PLACED = (EntityType.FACILITY, EntityType.LOCATION)


def _feature(place: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": place.source,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "name": place.name,
            "country": place.country,
            "precision": place.precision,
            "coordinates_from": place.source,
            "names": [],
            "entity_types": [],
            "kb_ids": [],
            "documents": [],
            "events": [],
        },
    }


def _add(values: list, value: Any) -> None:
    if value is not None and value not in values:
        values.append(value)


@exporter("geojson", "application/geo+json", ".geojson", "GeoJSON points of facilities and places, linked to events")
def write_geojson(records: Iterable[Extraction], out: TextIO, context: ExportContext) -> None:
    features: dict[str, dict[str, Any]] = {}
    for record in records:
        for entity in record.entities:
            if entity.type not in PLACED:
                continue
            place = context.places.locate(entity)
            if place is None:
                continue
            props = features.setdefault(place.source, _feature(place))["properties"]
            _add(props["names"], entity.name)
            _add(props["entity_types"], entity.type.value)
            _add(props["kb_ids"], entity.kb_id)
            _add(props["documents"], record.document.id)
            for event in record.events:
                for argument in event.arguments:
                    if argument.entity == entity.id:
                        props["events"].append(
                            {
                                "document_id": record.document.id,
                                "event_id": event.id,
                                "type": event.type.value,
                                "role": argument.role.value,
                                "trigger": event.trigger.text,
                                "date_start": str(event.date.start) if event.date and event.date.start else None,
                                "date_end": str(event.date.end) if event.date and event.date.end else None,
                                "certainty": event.claim.certainty.value,
                            }
                        )
    collection = {"type": "FeatureCollection", "features": list(features.values())}
    json.dump(collection, out, ensure_ascii=False, indent=1)
    out.write("\n")
