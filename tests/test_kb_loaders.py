"""The knowledge-base loaders on real and hand-written files: UN consolidated XML, FtM JSON lines, register YAML."""

from datetime import date
from pathlib import Path

import pytest

from spyglass.errors import InputError
from spyglass.kb.catalog import packaged_records
from spyglass.kb.ftm import parse_ftm
from spyglass.kb.importer import read_target
from spyglass.kb.loaders import LOADERS, pick_loader
from spyglass.kb.register import parse_register
from spyglass.kb.subset import subset_un_xml
from spyglass.kb.un_xml import parse_un_xml
from spyglass.model import EntityType

DATA = Path(__file__).parent / "data" / "kb"
UN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "un" / "consolidated-2020-03-20.xml"


@pytest.fixture(scope="module")
def un_records():
    if not UN.exists():
        pytest.skip("../shared/data/un is not present")
    return {r.reference_number: r for r in parse_un_xml(UN.read_bytes(), "un-sc")}


def test_real_list_has_every_record(un_records):
    assert len(un_records) == 1014
    kinds = {r.type for r in un_records.values()}
    assert kinds == {EntityType.PERSON, EntityType.ORGANIZATION}


@pytest.mark.parametrize(
    ("ref", "name", "alias"),
    [
        ("KPi.033", "RI WON HO", None),
        ("KPi.037", "CHANG CHANG HA", "Jang Chang Ha"),
        ("KPi.038", "CHO CHUN RYONG", "Jo Chun Ryong"),
    ],
)
def test_real_list_names_are_clean(un_records, ref, name, alias):
    record = un_records[ref]
    assert record.name == name
    assert record.id == f"un-sc:{ref}"
    assert alias is None or alias in record.aliases
    assert record.list_type == "DPRK"
    assert record.country == "KP"


def test_real_list_keeps_listing_and_identity_details(un_records):
    record = un_records["KPi.033"]
    assert record.listed_on == date(2016, 11, 30)
    assert record.birth_dates == ["1964-07-17"]
    assert record.identifiers == ["381310014"]
    for rec in un_records.values():
        assert all("\n" not in n and "  " not in n and "’" not in n for n in rec.names)


def test_small_list_person():
    person, company, vessel = parse_un_xml((DATA / "small-un.xml").read_bytes(), "un-sc")
    assert person.name == "PAK TO CHUN"
    assert person.aliases == ["Pak To' Chun", "Park Do Chun", "Pak Tochun"]
    assert person.properties["weak_aliases"] == ["Tochi"]
    assert person.birth_dates == ["1944-03-09", "1945", "1946"]
    assert person.identifiers == ["563410091"]
    assert person.properties["addresses"] == ["Pyongyang, Democratic People's Republic of Korea"]
    assert (company.type, company.aliases, company.identifiers) == (
        EntityType.ORGANIZATION,
        ['"Test Shipping"'],
        ["5999999"],
    )
    assert (vessel.type, vessel.name, vessel.identifiers) == (EntityType.VESSEL, "SAM HAE 7", ["8999999"])


@pytest.mark.parametrize(
    ("file", "reason"),
    [
        ("truncated-un.xml", "not well-formed XML"),
        ("xxe-un.xml", "refused unsafe XML"),
        ("billion-laughs-un.xml", "refused unsafe XML"),
    ],
)
def test_bad_xml_is_one_clear_error(file, reason):
    with pytest.raises(InputError, match=reason):
        parse_un_xml((DATA / file).read_bytes(), file)


def test_ftm_records_and_sanctions():
    records = {r.id: r for r in parse_ftm((DATA / "small.ftm.jsonl").read_bytes(), "os")}
    assert set(records) == {"os:t-person-1", "os:t-company-1", "os:t-vessel-1"}
    person = records["os:t-person-1"]
    assert (person.type, person.name, person.aliases) == (EntityType.PERSON, "Han Jang Su", ["Chang Su Han"])
    assert (person.list_type, person.reference_number, person.listed_on) == ("UN SC 1718", "KPi.901", date(2017, 8, 5))
    assert person.nationalities == ["KP"] and person.birth_dates == ["1969-11-08"]
    assert "745420176" in person.identifiers
    assert records["os:t-vessel-1"].type is EntityType.VESSEL
    assert records["os:t-company-1"].type is EntityType.ORGANIZATION


def test_ftm_unknown_schema_names_the_line():
    with pytest.raises(InputError, match=r"line 2: unknown FollowTheMoney schema 'Spaceship'"):
        parse_ftm((DATA / "unknown-schema.ftm.jsonl").read_bytes(), "os")


def test_register_yaml():
    data = b"- id: sg:test:one\n  type: FACILITY\n  name: Test Plant\n  country: KP\n"
    (record,) = parse_register(data, "mine")
    assert (record.id, record.source, record.type) == ("sg:test:one", "mine", EntityType.FACILITY)
    with pytest.raises(InputError, match="bad register file"):
        parse_register(b"- id: x\n  type: SPACESHIP\n  name: X\n", "mine")


@pytest.mark.parametrize(
    ("file", "loader"),
    [("small-un.xml", "un-xml"), ("small.ftm.jsonl", "ftm"), ("empty.csv", None)],
)
def test_loaders_are_picked_by_content(file, loader):
    data, name = read_target(str(DATA / file))
    if loader is None:
        with pytest.raises(InputError, match="not a known knowledge-base format"):
            pick_loader(data, name)
    else:
        assert pick_loader(data, name) is LOADERS[loader]


def test_packaged_subset_is_the_lists_dprk_and_iran_records(un_records):
    regenerated = parse_un_xml(subset_un_xml(UN.read_bytes(), {"DPRK", "Iran"}), "un-sc")
    packaged = [r for r in packaged_records() if r.source == "un-sc"]
    assert packaged == regenerated
    assert {r.list_type for r in packaged} == {"DPRK", "Iran"}
    assert len(packaged) == sum(1 for r in un_records.values() if r.list_type in {"DPRK", "Iran"})
