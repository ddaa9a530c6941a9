"""The curated register: every record well formed, sourced, and findable by its names."""

import re

from spyglass.kb.register import register
from spyglass.model import EntityType


def test_register_records_are_unique_and_sourced():
    records = register()
    assert len(records) > 100
    ids = [r.id for r in records]
    assert len(ids) == len(set(ids))
    for r in records:
        assert r.source_url and r.source_url.startswith("https://"), r.id
        assert r.country is None or re.fullmatch(r"[A-Z]{2}", r.country), r.id
        assert (r.lat is None) == (r.lon is None), r.id
        if r.lat is not None:
            assert -90 <= r.lat <= 90 and -180 <= r.lon <= 180, r.id


def test_register_covers_every_kind():
    kinds = {r.type for r in register()}
    assert {
        EntityType.FACILITY,
        EntityType.ORGANIZATION,
        EntityType.PERSON,
        EntityType.WEAPON,
        EntityType.ITEM,
    } <= kinds


CONTROLLED = [
    "tungsten",
    "maraging steel",
    "aluminium alloy",
    "carbon fibre",
    "CNC machine tools",
    "gyroscopes",
    "frequency changers",
    "vacuum pumps",
    "centrifuges",
    "microchips",
    "oscilloscopes",
]


def test_dual_use_items_have_hs_codes():
    items = {r.name: r for r in register() if r.type is EntityType.ITEM}
    for name in CONTROLLED:
        assert items[name].hs_codes, name
    assert all(re.fullmatch(r"\d{4}(\d{2})?", code) for r in items.values() for code in r.hs_codes)


def test_names_do_not_collide_across_records():
    owner: dict[str, str] = {}
    for r in register():
        for name in r.names:
            assert owner.setdefault(name.lower(), r.id) == r.id, f"{name!r} in {owner[name.lower()]} and {r.id}"
