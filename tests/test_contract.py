"""`spyglass extract --format jsonl` output against the shared contract schema and the schema our models generate."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from spyglass.cli import app
from spyglass.model import Extraction

DATA = Path(__file__).parent / "data" / "ingest"
OWN_ARTICLES = [DATA / name for name in ("wire_story.txt", "blog_post.txt", "agency_dispatch.txt", "page.html")] + [
    DATA / "feed.rss",
    DATA / "feed.atom",
]


def extract_jsonl(paths: list[Path]) -> list[dict]:
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", *map(str, paths)])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def own_records() -> list[dict]:
    return extract_jsonl(OWN_ARTICLES)


def assert_valid(records: list[dict], schema: dict) -> None:
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for record in records:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(record)]
        assert not errors, (record["document"]["source"], errors)


def test_own_articles_match_model_schema(own_records: list[dict]) -> None:
    assert len(own_records) == 7  # four pages and three feed items
    assert_valid(own_records, Extraction.model_json_schema())


def test_own_articles_match_shared_schema(own_records: list[dict], shared: Path) -> None:
    assert_valid(own_records, json.loads((shared / "contract" / "extraction.schema.json").read_text()))


def test_dev_corpus_matches_both_schemas_and_cleans_fully(shared: Path, tmp_path: Path) -> None:
    records = extract_jsonl(sorted((shared / "dev" / "corpus").glob("*.txt")))
    assert_valid(records, json.loads((shared / "contract" / "extraction.schema.json").read_text()))
    assert_valid(records, Extraction.model_json_schema())
    pred = tmp_path / "out.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in records))
    scored = subprocess.run(
        [sys.executable, shared / "tools" / "score.py", "--gold", shared / "dev" / "gold", "--pred", pred],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "cleaning_acc=1.000" in scored.stdout.splitlines()[-1]
