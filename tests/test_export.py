"""Exporters on hand-built records: each format reads back with its own tools, ids are stable, roles are kept."""

import csv
import io
import json
import os
import shutil
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from followthemoney import model
from stix2validator import ValidationOptions, validate_string

from spyglass.errors import SpyglassError
from spyglass.export import ExportContext, Exporter, export, exporters, register_exporter
from spyglass.export.filters import Filters
from spyglass.model import Extraction
from test_store_builders import article, event

SOHAE = "sg:kp:sohae-satellite-launching-station"


def records() -> list[Extraction]:
    """Three small stories of our own: a transfer with a claim chain, a test at a KB site, a sanction."""
    transfer = article(
        "[A Dalian trading company](firm) shipped [aluminium alloy](alloy) to [Nampo](nampo) aboard the "
        "[Rich Glory](ship), [Asahi Shimbun](asahi) reported, quoting [a source](src). "
        "[The firm](firm) denied it.",
        {
            "firm": ("A Dalian trading company", "ORGANIZATION"),
            "alloy": ("aluminium alloy", "ITEM"),
            "nampo": ("Nampo", "LOCATION"),
            "ship": ("Rich Glory", "VESSEL"),
            "asahi": ("Asahi Shimbun", "ORGANIZATION"),
            "src": ("a source", "PERSON"),
        },
        [
            event(
                "TRANSFER", "shipped", on="2019-04-01", until="2019-04-30", certainty="probable",
                cue="reported", sources=(("Asahi Shimbun", "asahi"), ("a source", None)),
                attributes={"method": "ship-to-ship"}, supplier="firm", item="alloy", destination="nampo",
                intermediary="ship",
            )
        ],
        title="Alloy shipment", source="https://news.example/alloy", published=date(2019, 5, 2),
    )  # fmt: skip
    test = article(
        "[North Korea](nk) launched a [Hwasong-14](hs14) from the [Sohae Satellite Launching Station](sohae) "
        "near [Sinuiju](sinuiju), and [Kim Jong Un](kim) watched.",
        {
            "nk": ("North Korea", "LOCATION"),
            "hs14": ("Hwasong-14", "WEAPON"),
            "sohae": ("Sohae Satellite Launching Station", "FACILITY", SOHAE),
            "sinuiju": ("Sinuiju", "LOCATION"),
            "kim": ("Kim Jong Un", "PERSON"),
        },
        [
            event("TEST", "launched", on="2017-07-04", actor="nk", weapon="hs14", site=["sohae", "sinuiju"]),
            event("VISIT", "watched", visitor="kim", site="sohae"),
        ],
        title="Launch",
    )
    sanction = article(
        "The [U.S. Treasury](ust) designated [Korea Mining Trading](kmt), a firm near the "
        "[Sohae Satellite Launching Station](sohae).",
        {
            "ust": ("U.S. Treasury", "ORGANIZATION"),
            "kmt": ("Korea Mining Trading", "ORGANIZATION"),
            "sohae": ("Sohae Satellite Launching Station", "FACILITY", SOHAE),
        },
        [event("SANCTION", "designated", authority="ust", target="kmt", certainty="certain")],
        title="Designation",
    )
    return [transfer, test, sanction]


def exported(fmt: str, recs: list[Extraction] | None = None) -> str:
    out = io.StringIO()
    export(fmt, recs if recs is not None else records(), out)
    return out.getvalue()


def test_registry_lists_builtins_and_rejects_unknown() -> None:
    assert {"ftm", "stix", "geojson", "csv", "csv-entities"} <= set(exporters())
    with pytest.raises(SpyglassError, match="unknown export format 'xml'"):
        export("xml", [], io.StringIO())


def test_plugin_joins_the_same_registry() -> None:
    def count(recs, out, context):  # type: ignore[no-untyped-def]
        out.write(str(sum(len(r.events) for r in recs)))

    register_exporter(Exporter("test-count", count, "text/plain", ".txt", "events counted"))
    assert exported("test-count") == "4"


def test_ftm_reads_back_with_followthemoney() -> None:
    lines = exported("ftm").splitlines()
    proxies = [model.get_proxy(json.loads(line)) for line in lines]
    schemata = Counter(p.schema.name for p in proxies)
    assert schemata["Article"] == 3 and schemata["Event"] == 4
    assert {"Person", "Organization", "Vessel", "Asset", "Address", "Mention", "Documentation", "UnknownLink"} <= set(
        schemata
    )
    by_id = {p.id: p for p in proxies}
    assert len(by_id) == len(proxies), "each id once: the KB facility of two documents is one entity"
    facility = next(p for p in proxies if "facility" in p.get("keywords", quiet=True))
    assert facility.schema.name == "Organization" and "mil" in facility.get("topics")
    address = by_id[facility.first("addressEntity")]
    assert (address.first("latitude"), address.first("longitude")) == ("39.66", "124.705")
    transfer = next(p for p in proxies if p.schema.name == "Event" and "transfer" in p.get("keywords"))
    assert transfer.get("startDate") == ["2019-04-01"] and "certainty:probable" in transfer.get("keywords")
    assert "According to Asahi Shimbun > a source" in transfer.first("notes")
    roles = sorted(
        p.first("role") for p in proxies if p.schema.name == "UnknownLink" and p.first("subject") == transfer.id
    )
    assert roles == ["transfer destination", "transfer intermediary", "transfer item", "transfer supplier"]
    assert exported("ftm") == "\n".join(lines) + "\n", "same records, same lines"


@pytest.mark.skipif(shutil.which("ftm") is None, reason="the ftm command is not on PATH")
def test_ftm_tools_accept_the_export(tmp_path: Path) -> None:
    path = tmp_path / "out.ftm.json"
    path.write_text(exported("ftm"), encoding="utf-8")
    done = subprocess.run(["ftm", "validate", "-i", str(path), "-o", os.devnull], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_stix_bundle_validates() -> None:
    text = exported("stix")
    result = validate_string(text, ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for e in result.errors]
    objects = json.loads(text)["objects"]
    kinds = Counter(o["type"] for o in objects)
    assert kinds["report"] == 3 and kinds["grouping"] == 4 and kinds["note"] == 4 and kinds["opinion"] == 4
    report = next(o for o in objects if o["type"] == "report" and o["name"] == "Alloy shipment")
    assert report["external_references"][0]["url"] == "https://news.example/alloy"
    opinion = next(o for o in objects if o["type"] == "opinion" and "Asahi" in o["explanation"])
    assert opinion["opinion"] == "agree" and opinion["authors"] == ["Asahi Shimbun", "a source"]
    roles = Counter(o["relationship_type"] for o in objects if o["type"] == "relationship")
    assert roles["site"] == 3 and roles["supplier"] == 1 and roles["located-at"] == 1
    assert exported("stix") == text


@pytest.mark.parametrize(
    ("name", "precision", "roles"),
    [
        ("Sohae Satellite Launching Station", "site", {"TEST site", "VISIT site"}),
        ("Sinŭiju", "city", {"TEST site"}),
        ("Namp’o", "city", {"TRANSFER destination"}),
        ("North Korea", "country", {"TEST actor"}),
    ],
)
def test_geojson_places_link_events(name: str, precision: str, roles: set[str]) -> None:
    collection = json.loads(exported("geojson"))
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    feature = next(f for f in collection["features"] if f["properties"]["name"] == name)
    assert feature["properties"]["precision"] == precision
    assert {f"{e['type']} {e['role']}" for e in feature["properties"]["events"]} == roles


def test_csv_has_a_row_per_event_role() -> None:
    rows = list(csv.DictReader(io.StringIO(exported("csv"))))
    per_event = Counter((r["title"], r["event_type"]) for r in rows)
    assert per_event == {
        ("Alloy shipment", "TRANSFER"): 4,
        ("Launch", "TEST"): 4,
        ("Launch", "VISIT"): 2,
        ("Designation", "SANCTION"): 2,
    }
    supplier = next(r for r in rows if r["role"] == "supplier")
    assert (supplier["entity_name"], supplier["certainty"], supplier["sources"]) == (
        "A Dalian trading company", "probable", "Asahi Shimbun > a source",
    )  # fmt: skip
    assert supplier["date_start"] == "2019-04-01" and json.loads(supplier["attributes"]) == {"method": "ship-to-ship"}


def test_csv_entities_has_a_row_per_entity() -> None:
    rows = list(csv.DictReader(io.StringIO(exported("csv-entities"))))
    assert len(rows) == sum(len(r.entities) for r in records())
    firm = next(r for r in rows if r["entity_id"] == "firm")
    assert (firm["mention_count"], firm["mentions"], firm["events"]) == (
        "2",
        "A Dalian trading company | The firm",
        "ev0",
    )


@pytest.mark.parametrize("fmt", ["ftm", "stix", "geojson", "csv", "csv-entities"])
def test_empty_input_is_a_valid_empty_export(fmt: str) -> None:
    text = exported(fmt, [])
    if fmt == "stix":
        assert validate_string(text).is_valid
    elif fmt == "geojson":
        assert json.loads(text)["features"] == []


def test_context_without_kb_still_exports() -> None:
    out = io.StringIO()
    export("geojson", records(), out, ExportContext())
    names = {f["properties"]["name"] for f in json.loads(out.getvalue())["features"]}
    assert "Sohae Satellite Launching Station" not in names and "Sinŭiju" in names


def test_unplaceable_location_still_gives_a_valid_bundle() -> None:
    lost = article(
        "Trucks left [Nowhere Ridge](ridge) for [Kangson](kangson).",
        {"ridge": ("Nowhere Ridge", "LOCATION"), "kangson": ("Kangson", "FACILITY")},
        [event("TRANSFER", "left", origin="ridge", destination="kangson")],
    )
    text = exported("stix", [lost])
    assert validate_string(text).is_valid
    ridge = next(o for o in json.loads(text)["objects"] if o.get("name") == "Nowhere Ridge")
    assert ridge["type"] == "location" and "latitude" not in ridge


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), {"Alloy shipment": 1, "Launch": 2, "Designation": 1}),
        (Filters.build(["test"]), {"Launch": 1}),
        (Filters.build(["VESSEL"]), {"Alloy shipment": 1}),
        (Filters.build(["SANCTION", "TRANSFER"]), {"Alloy shipment": 1, "Designation": 1}),
        (Filters(entity=SOHAE), {"Launch": 2, "Designation": 1}),
        (Filters(entity="the rich glory"), {"Alloy shipment": 1}),
        (Filters(published_from=date(2019, 5, 1)), {"Alloy shipment": 1}),
        (Filters(published_to=date(2019, 5, 1)), {}),
    ],
)
def test_filters_select_documents_and_events(filters: Filters, expected: dict[str, int]) -> None:
    kept = {r.document.title: len(r.events) for r in filters.apply(records())}
    assert kept == expected


def test_unknown_filter_type_is_one_line() -> None:
    with pytest.raises(SpyglassError, match="--type: unknown type 'LUNCH'"):
        Filters.build(["lunch"])
