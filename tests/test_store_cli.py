"""The analyst commands over a small store: tables and JSON render, unknown names and bad dates are one line."""

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from spyglass.cli import app
from spyglass.store.db import make_engine, make_sessionmaker
from spyglass.store.schema import ensure_schema
from test_store_builders import article, event, store_all

F8 = ("February 8 General Machine Factory", "FACILITY", "sg:kp:february-8-general-machine-factory")


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = make_engine(url)
    ensure_schema(engine)
    visit = article(
        "[Kim Jong Un](kim) visited the [February 8 General Machine Factory](f8), a maker of daily necessities, "
        "[KCNA](kcna) said.",
        {"kim": ("Kim Jong Un", "PERSON"), "f8": F8, "kcna": ("KCNA", "ORGANIZATION")},
        [event("VISIT", "visited", on="2024-03-02", visitor="kim", site="f8", sources=(("KCNA", "kcna"),))],
        title="Leader visit",
        outlet="Test Wire",
        published=date(2024, 3, 3),
    )
    copy = visit.model_copy(deep=True)
    copy.document = copy.document.model_copy(update={"id": "sha256:" + "1" * 64, "outlet": "Other Wire"})
    store_all(make_sessionmaker(engine), visit, copy)
    engine.dispose()
    return url


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, [*args], env={"COLUMNS": "200"})


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["search", "daily necessities"], "Leader visit"),
        (["entity", "february 8 general machine factory"], "defense-linked"),
        (["timeline", "--entity", "Kim Jong Un", "--from", "2024-01-01"], "2024-03-02"),
        (["indicators"], "civilian_cover"),
        (["corroborate"], "near-duplicate"),
    ],
)
def test_commands_render_tables_and_json(url, args, shown):
    table = invoke(*args, "--db", url)
    assert table.exit_code == 0, table.output
    assert shown in table.stdout
    as_json = invoke(*args, "--db", url, "--json")
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["entity", "Nobody"], 1, "no stored entity matches 'Nobody'"),
        (["timeline", "--from", "yesterday"], 2, "--from: not a date"),
        (["search", "x", "--limit", "0"], 2, None),
    ],
)
def test_command_failures_are_one_line(url, args, code, message):
    result = invoke(*args, "--db", url)
    assert result.exit_code == code
    if message:
        assert result.stderr.strip() == f"spyglass: {message}" or message in result.stderr.strip().splitlines()[0]
