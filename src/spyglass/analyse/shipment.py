"""Shipment screening: flag a declaration (description, HS code, parties, route) that points at proliferation.

Four checks, each flag carrying its evidence:
- `listed_party`: a shipper, consignee or notify party matches a listed or known entity (the name matcher);
- `controlled_goods`: the HS code or the description names a controlled or dual-use item of the register;
- `description_mismatch`: the description sounds civilian ("tools for expressway construction") while the HS
  code is that of a controlled item the description does not name (tungsten declared as road tools);
- `transshipment_point`: the route passes a port known for transshipment in sanctions evasion.
"""

import re
from functools import cache
from typing import Any

from normality import normalize
from pydantic import BaseModel, Field

from spyglass.kb.record import KBRecord
from spyglass.match.matcher import THRESHOLD, Matcher
from spyglass.model import EntityType
from spyglass.packaged import data_yaml

GOODS = frozenset({EntityType.ITEM, EntityType.WEAPON})
PARTY_TYPES = (EntityType.ORGANIZATION, EntityType.PERSON, EntityType.VESSEL)
_ROUTE_SPLIT = re.compile(r"\s*(?:[;>|→]|->|,|\s-\s)\s*")


class Declaration(BaseModel):
    """One shipment as declared (bill of lading, customs entry)."""

    description: str = ""
    hs_code: str = ""
    shipper: str = ""
    consignee: str = ""
    notify: str = ""
    route: list[str] = Field(default_factory=list, description="Ports or places in order.")

    @staticmethod
    def split_route(route: str) -> list[str]:
        """`"Nampo > Dalian; Rotterdam"` -> `["Nampo", "Dalian", "Rotterdam"]`."""
        return [hop for hop in _ROUTE_SPLIT.split(route.strip()) if hop]


class Flag(BaseModel):
    """One reason to look closer at a declaration, with the field it concerns and the evidence."""

    kind: str
    field: str
    value: str
    detail: str
    record_id: str | None = None
    score: float | None = None


class TransshipmentPoint(BaseModel):
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str
    why: str
    source_url: str


def _words(text: str) -> str:
    """Whole-word form for phrase search: lower-case ASCII words between single spaces."""
    return f" {normalize(text) or ''} "


def _data(name: str) -> Any:
    return data_yaml("kb", name)


@cache
def transshipment_points() -> tuple[TransshipmentPoint, ...]:
    return tuple(TransshipmentPoint(**raw) for raw in _data("transshipment.yaml"))


@cache
def civilian_cues() -> tuple[str, ...]:
    return tuple(_data("description_cues.yaml")["cues"])


def _hs_digits(code: str) -> str:
    return re.sub(r"\D", "", code)


def _hs_matches(declared: str, item: KBRecord) -> str | None:
    """The item's HS code that the declared code falls under (or refines), if any."""
    digits = _hs_digits(declared)
    if len(digits) < 4:
        return None
    for code in item.hs_codes:
        listed = _hs_digits(code)
        if digits.startswith(listed) or listed.startswith(digits):
            return code
    return None


def _named_items(description: str, goods: list[KBRecord]) -> list[tuple[KBRecord, str]]:
    text = _words(description)
    found = []
    for item in goods:
        name = next((n for n in item.names if len(_words(n)) > 3 and _words(n) in text), None)
        if name:
            found.append((item, name))
    return found


def _goods_flags(decl: Declaration, goods: list[KBRecord]) -> list[Flag]:
    flags = []
    named = _named_items(decl.description, goods)
    for item, name in named:
        flags.append(
            Flag(
                kind="controlled_goods",
                field="description",
                value=decl.description,
                record_id=item.id,
                detail=f"names {item.name!r} ({name!r}); HS {', '.join(item.hs_codes) or 'n/a'}",
            )
        )
    by_code = [(item, code) for item in goods if (code := _hs_matches(decl.hs_code, item))]
    for item, code in by_code:
        flags.append(
            Flag(
                kind="controlled_goods",
                field="hs_code",
                value=decl.hs_code,
                record_id=item.id,
                detail=f"HS {code} is {item.name!r}",
            )
        )
    text = _words(decl.description)
    cues = [c for c in civilian_cues() if _words(c) in text]
    named_ids = {item.id for item, _ in named}
    for item, code in by_code:
        if cues and item.id not in named_ids:
            flags.append(
                Flag(
                    kind="description_mismatch",
                    field="description",
                    value=decl.description,
                    record_id=item.id,
                    detail=f"sounds civilian ({', '.join(cues)}) but HS {code} is {item.name!r}",
                )
            )
    return flags


def _party_flags(decl: Declaration, matcher: Matcher) -> list[Flag]:
    flags = []
    for field in ("shipper", "consignee", "notify"):
        value = getattr(decl, field)
        if not value:
            continue
        found = [c for c in matcher.match(value, limit=3, threshold=THRESHOLD) if c.record.type in PARTY_TYPES]
        if found:
            best = max(found, key=lambda c: (c.score, c.record.reference_number is not None))
            record = best.record
            listing = " ".join(p for p in (record.list_type, record.reference_number) if p) or record.source
            flags.append(
                Flag(
                    kind="listed_party",
                    field=field,
                    value=value,
                    record_id=record.id,
                    score=best.score,
                    detail=f"{record.name} [{listing}]: {best.explain()}",
                )
            )
    return flags


def _route_flags(decl: Declaration) -> list[Flag]:
    flags = []
    for hop in decl.route:
        text = _words(hop)
        for point in transshipment_points():
            if any(_words(n) in text for n in (point.name, *point.aliases)):
                flags.append(
                    Flag(
                        kind="transshipment_point",
                        field="route",
                        value=hop,
                        detail=f"{point.name} ({point.country}): {point.why}",
                    )
                )
    return flags


def screen_shipment(decl: Declaration, matcher: Matcher) -> list[Flag]:
    """Every flag raised by a declaration; parties are matched with `matcher`, goods against its ITEM records."""
    goods = [r for r in matcher.index.records if r.type in GOODS]
    return [*_party_flags(decl, matcher), *_goods_flags(decl, goods), *_route_flags(decl)]
