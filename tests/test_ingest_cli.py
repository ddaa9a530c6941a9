"""`spyglass ingest` end to end: idempotent re-runs, per-file errors, worker processes, and surviving SIGKILL."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from subprocess import DEVNULL

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from spyglass.cli import app
from spyglass.model import Extraction
from spyglass.store.db import make_engine, make_sessionmaker
from spyglass.store.records import load_extraction
from spyglass.store.tables import DocumentRow, EventRow

ARTICLES = Path(__file__).parent / "data" / "store" / "articles"
CLI = [sys.executable, "-c", "from spyglass.cli import main; main()"]

pytest_plugins = ["test_store_builders"]


def essence(record: Extraction | None) -> dict:
    """A record without entity attributes (the extractor's attribute lists are not yet stable across documents)."""
    assert record is not None
    return record.model_dump(exclude={"entities": {"__all__": {"attributes"}}})


def counts(url: str) -> tuple[int, int]:
    engine = make_engine(url)
    with make_sessionmaker(engine)() as s:
        found = (
            s.scalar(select(func.count()).select_from(DocumentRow)),
            s.scalar(select(func.count()).select_from(EventRow)),
        )
    engine.dispose()
    return found


def stored_so_far(url: str) -> int:
    """Documents committed so far; 0 while the ingest has not created the schema yet."""
    try:
        return counts(url)[0]
    except OperationalError:
        return 0


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """`spyglass ingest` in a fresh process: extraction there cannot see state other tests left in this one."""
    return subprocess.run([*CLI, "ingest", *args], capture_output=True, text=True, timeout=600)


def records(url: str) -> dict[str, dict]:
    """Every stored record (without entity attributes), by document id."""
    engine = make_engine(url)
    with make_sessionmaker(engine)() as s:
        found = {doc_id: essence(load_extraction(s, doc_id)) for doc_id in s.scalars(select(DocumentRow.id))}
    engine.dispose()
    return found


def ingest(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["ingest", *args])


def test_ingesting_twice_changes_nothing(db_url, shared):
    inputs = [str(ARTICLES), str(shared / "dev" / "corpus")]
    first = ingest(*inputs, "--db", db_url)
    assert first.exit_code == 0, first.output
    stored = counts(db_url)
    assert stored[0] == len(list(ARTICLES.glob("*.txt"))) + len(list((shared / "dev" / "corpus").glob("*.txt")))
    again = ingest(*inputs, "--db", db_url, "--workers", "2")
    assert again.exit_code == 0, again.output
    assert f"0 stored, {stored[0]} already stored, 0 failed" in again.stderr
    assert counts(db_url) == stored


def test_failed_inputs_are_reported_one_line_each_after_the_rest(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    result = ingest(str(ARTICLES / "03_launch.txt"), str(tmp_path / "missing.txt"), str(empty), "--db", url)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("spyglass: ")]
    assert len(errors) == 2 and "missing.txt" in errors[0] and "empty.txt" in errors[1]
    assert "Traceback" not in result.stderr
    assert counts(url)[0] == 1


def test_workers_store_what_one_process_stores(tmp_path):
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    assert run(str(ARTICLES), "--db", one).returncode == 0
    assert run(str(ARTICLES), "--db", two, "--workers", "2").returncode == 0
    assert records(two) == records(one)


@pytest.mark.parametrize("url", ["nosuchdialect://x", "sqlite:////nonexistent/folder/store.db"])
def test_a_bad_database_url_is_one_line(url):
    result = ingest(str(ARTICLES), "--db", url)
    assert result.exit_code == 2
    assert result.stderr.startswith("spyglass: ") and len(result.stderr.strip().splitlines()) == 1


def write_batch(folder: Path, count: int) -> None:
    """Distinct short articles, enough that extraction takes a few seconds."""
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:04d}.txt").write_text(
            f"Report {i}: the trading company shipped {i + 2} tonnes of tungsten to a buyer in Dalian on "
            f"{i % 28 + 1} May, officials said. Kim Jong Un later visited the February 8 General Machine Factory. "
            f"Customs officers in Busan seized {i + 7} crates of machine tools declared as farm equipment.\n"
        )


def test_sigkill_mid_batch_loses_nothing_committed_and_the_rerun_completes(tmp_path):
    batch, url, reference = tmp_path / "batch", f"sqlite:///{tmp_path / 'store.db'}", f"sqlite:///{tmp_path / 'ref.db'}"
    total = 100
    write_batch(batch, total)
    assert run(str(batch), "--db", reference).returncode == 0
    expected = records(reference)
    process = subprocess.Popen([*CLI, "ingest", str(batch), "--db", url], stdout=DEVNULL, stderr=DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if stored_so_far(url) >= 5:
                break
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    survived = records(url)
    assert 5 <= len(survived) < total, "the batch should have been killed in the middle"
    assert all(record == expected[doc_id] for doc_id, record in survived.items())  # whole, never partial
    rerun = run(str(batch), "--db", url)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - len(survived)} stored, {len(survived)} already stored" in rerun.stderr
    assert records(url) == expected


def test_dask_extraction_stores_what_local_extraction_stores(tmp_path):
    local, dask = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    assert run(str(ARTICLES), "--db", local).returncode == 0
    result = run(str(ARTICLES), "--db", dask, "--dask", "local:1")
    assert result.returncode == 0, result.stderr
    assert records(dask) == records(local)
