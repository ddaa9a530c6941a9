"""`spyglass export` end to end: real `extract` output of our own articles, the store, filters and bad input."""

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from followthemoney import model
from stix2validator import validate_string
from typer.testing import CliRunner

from spyglass.cli import app
from spyglass.extract import extract_many
from spyglass.model import Document, Extraction
from spyglass.store.db import make_engine, make_sessionmaker
from spyglass.store.schema import ensure_schema
from test_store_builders import store_all

ARTICLES = [
    "PYONGYANG, July 5 (Wire) - North Korea launched a Hwasong-14 missile from the Sohae Satellite Launching "
    "Station on Tuesday, and Kim Jong Un watched the test, state media said.",
    "A trading company in Dalian shipped aluminium alloy to Nampo in April, according to a United Nations panel. "
    "Investigators say the cargo probably went to the February 8 General Machine Factory.",
    "The U.S. Treasury on Monday designated the vessel Wise Honest for carrying coal from Nampo to Vietnam.",
]

runner = CliRunner()


@pytest.fixture(scope="module")
def extracted() -> list[Extraction]:
    docs = [
        Document.build(f"https://news.example/{i}", t, published=date(2017, 7, 5 + i)) for i, t in enumerate(ARTICLES)
    ]
    return list(extract_many(docs))


@pytest.fixture
def jsonl(tmp_path: Path, extracted: list[Extraction]) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(r.model_dump_json() + "\n" for r in extracted), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["ftm", "stix", "geojson", "csv", "csv-entities"])
def test_every_format_reads_back_from_real_extraction(jsonl: Path, extracted: list[Extraction], fmt: str) -> None:
    code, out, err = run("export", fmt, "--input", str(jsonl))
    assert code == 0, err
    if fmt == "ftm":
        proxies = [model.get_proxy(json.loads(line)) for line in out.splitlines()]
        assert sum(p.schema.name == "Article" for p in proxies) == len(ARTICLES)
    elif fmt == "stix":
        assert validate_string(out).is_valid
    elif fmt == "geojson":
        features = json.loads(out)["features"]
        assert features and all(-90 <= f["geometry"]["coordinates"][1] <= 90 for f in features)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == sum(max(1, len(e.arguments)) for r in extracted for e in r.events)
    else:
        assert len(list(csv.DictReader(io.StringIO(out)))) == sum(len(r.entities) for r in extracted)


def test_out_file_and_type_filter(jsonl: Path, tmp_path: Path, extracted: list[Extraction]) -> None:
    target = tmp_path / "tests.csv"
    code, out, err = run("export", "csv", "--input", str(jsonl), "--out", str(target), "--type", "test")
    assert (code, out) == (0, ""), err
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert {r["event_type"] for r in rows} <= {"TEST"}
    assert len(rows) == sum(len(e.arguments) for r in extracted for e in r.events if e.type == "TEST")


def test_store_export_matches_jsonl_export(jsonl: Path, tmp_path: Path, extracted: list[Extraction]) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = make_engine(url)
    ensure_schema(engine)
    store_all(make_sessionmaker(engine), *extracted)
    from_store = run("export", "csv", "--db", url, "--entity", "Nampo")
    from_file = run("export", "csv", "--input", str(jsonl), "--entity", "nampo")
    assert from_store[0] == 0, from_store[2]
    assert sorted(from_store[1].splitlines()) == sorted(from_file[1].splitlines())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "xml", "--input", "{jsonl}"], "unknown export format 'xml'"),
        (["export", "csv", "--input", "{missing}"], "--input {missing}: No such file or directory"),
        (["export", "csv", "--input", "{bad}"], "{bad}:2: not an extraction record"),
        (["export", "csv", "--input", "{jsonl}", "--type", "LUNCH"], "--type: unknown type 'LUNCH'"),
        (["export", "csv", "--input", "{jsonl}", "--from", "July"], "--from: not a date (YYYY-MM-DD): 'July'"),
    ],
)
def test_failures_are_one_line_and_leave_no_file(jsonl: Path, tmp_path: Path, args: list[str], message: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(jsonl.read_text(encoding="utf-8").splitlines()[0] + '\n{"document": 1}\n', encoding="utf-8")
    names = {"jsonl": jsonl, "missing": tmp_path / "missing.jsonl", "bad": bad}
    target = tmp_path / "out.csv"
    code, _, err = run(*[a.format(**names) for a in args], "--out", str(target))
    assert code != 0 and not target.exists()
    assert err.startswith("spyglass: " + message.format(**names)) and err.count("\n") == 1
