"""Importing sources into the store: counts, no-op re-imports, whole replacement, failures that lose nothing."""

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import delete
from typer.testing import CliRunner

from spyglass.cli import app
from spyglass.errors import InputError
from spyglass.kb.catalog import all_records, find_record
from spyglass.kb.importer import fetch, import_source
from spyglass.kb.storage import count_records, ensure_tables, list_sources
from spyglass.kb.tables import KBRecordRow, KBSourceRow
from spyglass.store.db import make_engine, make_sessionmaker

DATA = Path(__file__).parent / "data" / "kb"
UN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "un" / "consolidated-2020-03-20.xml"
SOURCE = "test-kb-import"


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        yield make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
        return
    url = os.environ.get("SPYGLASS_TEST_PG")
    if not url:
        pytest.skip("SPYGLASS_TEST_PG is not set")
    engine = make_engine(url)
    ensure_tables(engine)

    def clean() -> None:
        with make_sessionmaker(engine).begin() as session:
            session.execute(delete(KBRecordRow).where(KBRecordRow.source == SOURCE))
            session.execute(delete(KBSourceRow).where(KBSourceRow.name == SOURCE))

    clean()
    yield engine
    clean()
    engine.dispose()


def test_reimport_changes_nothing(engine):
    first = import_source(engine, str(DATA / "small-un.xml"), source=SOURCE)
    second = import_source(engine, str(DATA / "small-un.xml"), source=SOURCE)
    assert (first.count, first.changed) == (3, True)
    assert (second.count, second.changed) == (3, False)
    assert count_records(engine, SOURCE) == 3
    assert find_record(engine, f"{SOURCE}:KPi.900").name == "PAK TO CHUN"
    stored = {r.id: r for r in all_records(engine) if r.source == SOURCE}
    assert stored[f"{SOURCE}:KPi.900"].birth_dates == ["1944-03-09", "1945", "1946"]


def test_reimport_replaces_the_source_whole(engine, tmp_path):
    import_source(engine, str(DATA / "small-un.xml"), source=SOURCE)
    smaller = tmp_path / "smaller.xml"
    text = (DATA / "small-un.xml").read_text(encoding="utf-8")
    start, end = text.index("<ENTITIES>"), text.index("</ENTITIES>")
    smaller.write_text(text[:start] + text[end + len("</ENTITIES>") :], encoding="utf-8")
    result = import_source(engine, str(smaller), source=SOURCE)
    assert (result.count, result.changed) == (1, True)
    assert find_record(engine, f"{SOURCE}:KPe.900") is None


@pytest.mark.parametrize(
    "bad", ["truncated-un.xml", "xxe-un.xml", "billion-laughs-un.xml", "unknown-schema.ftm.jsonl", "empty.csv"]
)
def test_failed_import_keeps_previous_records(engine, tmp_path, bad):
    import_source(engine, str(DATA / "small-un.xml"), source=SOURCE)
    with pytest.raises(InputError) as err:
        import_source(engine, str(DATA / bad), source=SOURCE)
    assert bad in str(err.value)
    assert count_records(engine, SOURCE) == 3
    assert [s.record_count for s in list_sources(engine) if s.name == SOURCE] == [3]


def test_cli_import_list_show(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    ok = runner.invoke(app, ["kb", "import", str(DATA / "small.ftm.jsonl"), "--source", "os", "--db", db])
    assert ok.exit_code == 0 and ok.output.strip() == "os: 3 records imported"
    again = runner.invoke(app, ["kb", "import", str(DATA / "small.ftm.jsonl"), "--source", "os", "--db", db])
    assert again.output.strip() == "os: 3 records unchanged"
    listed = runner.invoke(app, ["kb", "list", "--db", db])
    assert "os" in listed.output and "ftm" in listed.output and "packaged" in listed.output
    shown = runner.invoke(app, ["kb", "show", "os:t-person-1", "--db", db])
    assert '"name": "Han Jang Su"' in shown.output
    packaged = runner.invoke(app, ["kb", "show", "un-sc:KPi.033", "--db", db])
    assert '"reference_number": "KPi.033"' in packaged.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kb", "import", "truncated-un.xml"], "truncated-un.xml: not well-formed XML"),
        (["kb", "import", "xxe-un.xml"], "xxe-un.xml: refused unsafe XML"),
        (["kb", "import", "unknown-schema.ftm.jsonl"], "line 2: unknown FollowTheMoney schema"),
        (["kb", "import", "empty.csv"], "empty.csv: not a known knowledge-base format"),
        (["kb", "import", "missing.xml"], "missing.xml: no such file"),
        (["kb", "show", "nope:1"], "no knowledge-base record 'nope:1'"),
    ],
)
def test_cli_errors_are_one_line(tmp_path, args, message):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    args = [str(DATA / a) if (DATA / a).exists() or a == "missing.xml" else a for a in args]
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("spyglass: ") and message in lines[0]


def test_real_un_list_imports_all_records(tmp_path):
    if not UN.exists():
        pytest.skip("../shared/data/un is not present")
    engine = make_engine(f"sqlite:///{tmp_path / 'un.db'}")
    copy = tmp_path / UN.name
    shutil.copy(UN, copy)
    assert import_source(engine, str(copy)).count == 1014
    assert not import_source(engine, str(copy)).changed
    records = all_records(engine)
    assert len([r for r in records if r.source == "un-sc"]) == 1014


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served():
    """The test data folder served over HTTP on 127.0.0.1 (a real transport, no mock)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(DATA)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_import_from_url(tmp_path, served):
    engine = make_engine(f"sqlite:///{tmp_path / 'url.db'}")
    result = import_source(engine, f"{served}/small-un.xml", source=SOURCE)
    assert (result.count, result.changed) == (3, True)
    assert [s.origin for s in list_sources(engine)] == [f"{served}/small-un.xml"]


@pytest.mark.parametrize(("path", "max_bytes", "message"), [("small-un.xml", 100, "larger than 100 bytes"),
                                                            ("missing.xml", 10_000, "cannot fetch")])  # fmt: skip
def test_url_fetch_limits(served, path, max_bytes, message):
    with pytest.raises(InputError, match=message):
        fetch(f"{served}/{path}", max_bytes=max_bytes)


def test_ids_owned_by_another_source_are_refused(engine, tmp_path):
    register = tmp_path / "mine.yaml"
    register.write_text("- {id: sg:test:clash, type: FACILITY, name: Test Clash Plant}\n", encoding="utf-8")
    import_source(engine, str(register), source=SOURCE)
    with pytest.raises(InputError, match="already belong to another source"):
        import_source(engine, str(register), source=f"{SOURCE}-other")
    assert find_record(engine, "sg:test:clash").source == SOURCE
    assert f"{SOURCE}-other" not in {s.name for s in list_sources(engine)}
