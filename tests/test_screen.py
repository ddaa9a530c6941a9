"""Screening names and shipments from the CLI and the functions behind it, on an empty and a filled store."""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spyglass.analyse.shipment import Declaration, screen_shipment
from spyglass.cli import app
from spyglass.match.resolve import matcher_for

DATA = Path(__file__).parent / "data" / "kb"


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'screen.db'}"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_screen_on_empty_store_uses_packaged_list(db):
    result = run("screen", "Rhee Won-ho", "Kim Jong-un", "--json", "--db", db)
    assert result.exit_code == 0, result.output
    first, second = json.loads(result.stdout)
    best = first["candidates"][0]
    assert (best["record"]["reference_number"], best["record"]["list_type"], best["score"]) == ("KPi.033", "DPRK", 1.0)
    assert [f["name"] for f in best["features"]][:3] == [
        "query_tokens_matched",
        "candidate_tokens_matched",
        "string_similarity",
    ]
    assert second["candidates"][0]["record"]["name"] == "Kim Jong Un"


def test_screen_finds_imported_sources(db):
    assert run("kb", "import", str(DATA / "small.ftm.jsonl"), "--source", "os", "--db", db).exit_code == 0
    result = run("screen", "Chang Su Han", "--type", "person", "--json", "--db", db)
    (entry,) = json.loads(result.stdout)
    ids = [c["record"]["id"] for c in entry["candidates"] if c["score"] == 1.0]
    assert "os:t-person-1" in ids and "un-sc:KPi.055" in ids  # the same name in an imported source and the UN list


def test_screen_type_filter(db):
    result = run("screen", "Korea Ryonbong General", "--type", "person", "--json", "--db", db)
    assert json.loads(result.stdout)[0]["candidates"] == []


def test_screen_file_writes_csv(db):
    result = run("screen", "--file", str(DATA / "names.csv"), "--db", db)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_query = {}
    for row in rows:
        by_query.setdefault(row["query"], []).append(row)
    assert by_query["Rhee Won-ho"][0]["reference_number"] == "KPi.033"
    assert by_query["Korea Ryonbong General Corp."][0]["type"] == "ORGANIZATION"
    assert "Jane Example" not in by_query
    assert "query_tokens_matched" in rows[0]["explanation"]


def test_screen_table_output(db):
    result = run("screen", "Rhee Won-ho", "--db", db)
    assert result.exit_code == 0 and "KPi.033" in result.stdout and "RI WON HO" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["screen", "--file", str(DATA / "empty.csv")], "empty.csv: empty CSV"),
        (["screen", "--file", str(DATA / "header-only.csv")], "CSV has no 'name' column"),
        (["screen"], "give NAME... or --file names.csv"),
        (["screen-shipment", "--file", str(DATA / "empty.csv")], "empty.csv: empty CSV"),
        (["screen-shipment", "--file", str(DATA / "header-only.csv")], "CSV has a header but no rows"),
        (["screen-shipment"], "give declaration flags"),
    ],
)
def test_bad_input_is_one_line(db, args, message):
    result = run(*args, "--db", db)
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("spyglass: ") and message in lines[0]


@pytest.mark.parametrize(
    ("declaration", "flags"),
    [
        (
            Declaration(description="Tools for expressway construction", hs_code="8101.94",
                        consignee="Korea Ryonbong General Corp.", route=["Dalian", "Nampo"]),
            {("listed_party", "consignee"), ("controlled_goods", "hs_code"), ("description_mismatch", "description"),
             ("transshipment_point", "route")},
        ),
        (
            Declaration(description="Tungsten powder", hs_code="810110", shipper="Example Metals Ltd"),
            {("controlled_goods", "description"), ("controlled_goods", "hs_code")},
        ),
        (Declaration(description="Household furniture", hs_code="9403.60", route=["Hamburg"]), set()),
        (Declaration(description="Spare parts", hs_code="8414.10"), {("controlled_goods", "hs_code"),
                                                                     ("description_mismatch", "description")}),
        (Declaration(route=Declaration.split_route("Jebel Ali -> Bandar-e Abbas")), {("transshipment_point", "route")}),
        (Declaration(shipper="Rhee Won-ho", consignee="Jane Example"), {("listed_party", "shipper")}),
    ],
)  # fmt: skip
def test_shipment_flags(declaration, flags):
    found = screen_shipment(declaration, matcher_for())
    assert {(f.kind, f.field) for f in found} == flags
    assert all(f.detail for f in found)


def test_screen_shipment_file(db):
    result = run("screen-shipment", "--file", str(DATA / "declarations.csv"), "--json", "--db", db)
    assert result.exit_code == 0, result.output
    first, second = json.loads(result.stdout)
    mismatch = next(f for f in first["flags"] if f["kind"] == "description_mismatch")
    assert mismatch["record_id"] == "sg:item:tungsten"
    party = next(f for f in first["flags"] if f["kind"] == "listed_party")
    assert "KPe.002" in party["detail"]
    assert second["flags"] == []


def _first_ids(result) -> list[str]:
    return [c["record"]["id"] for c in json.loads(result.stdout)[0]["candidates"]]


def test_screen_context_ranks_namesakes(db):
    plain = run("screen", "Kim Chol", "--json", "--db", db)
    known = run("screen", "Kim Chol", "--nationality", "North Korea", "--birth-date", "1962", "--json", "--db", db)
    from_file = run("screen", "--file", str(DATA / "names-context.csv"), "--json", "--db", db)
    assert _first_ids(known)[0] == _first_ids(from_file)[0] == "un-sc:KPi.024"
    best = json.loads(known.stdout)[0]["candidates"][0]
    assert {f["name"]: f["value"] for f in best["features"]}["birth_date"] == 1.0
    assert best["rank_score"] > json.loads(plain.stdout)[0]["candidates"][0]["rank_score"] - 1e-9
