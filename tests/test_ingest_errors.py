"""Bad inputs: each gives one `InputError` line naming the input and the reason; the others are still read."""

import base64
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spyglass.cli import app
from spyglass.errors import InputError
from spyglass.ingest import iter_documents
from spyglass.model import Document

DATA = Path(__file__).parent / "data" / "ingest"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<rss><channel><title>&lol2;</title><item><title>x</title><description>&lol2;</description></item></channel></rss>
"""


def _random_high_bytes(path: Path) -> None:
    rng = random.Random(7)
    path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(4096)))


def _fifty_megabytes(path: Path) -> None:
    with path.open("wb") as handle:  # sparse: the size is there without writing 50 MB
        handle.truncate(50 * 1024 * 1024)


# (case id, file name, how to make it, words of the reason)
BAD = [
    ("png renamed .txt", "photo.txt", lambda p: p.write_bytes(PNG), "binary file (PNG image)"),
    ("empty file", "empty.txt", lambda p: p.write_bytes(b""), "empty input"),
    ("only whitespace", "blank.txt", lambda p: p.write_bytes(b"\n \n\t\n"), "empty input"),
    ("nul bytes", "data.txt", lambda p: p.write_bytes(b"abc\x00\x01\x02def" * 10), "binary file (NUL bytes)"),
    ("undecodable", "noise.txt", _random_high_bytes, "cannot decode"),
    ("50 MB", "huge.txt", _fifty_megabytes, "larger than the 10 MB size cap (50.0 MB)"),
    ("html with only scripts", "app.html", lambda p: p.write_bytes((DATA / "scripts_only.html").read_bytes()),
     "HTML has no article text"),
    ("malformed feed", "broken.rss", lambda p: p.write_bytes((DATA / "malformed.rss").read_bytes()), "malformed feed"),
    ("feed with entities", "laughs.xml", lambda p: p.write_text(BILLION_LAUGHS), "declares XML entities"),
    ("only boilerplate", "junk.txt", lambda p: p.write_text("Share this article\n\nComments are closed.\n"),
     "no article text"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "reason"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_gives_one_error(tmp_path: Path, name: str, make: Callable[[Path], None], reason: str) -> None:
    path = tmp_path / name
    make(path)
    [error] = iter_documents([str(path)])
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: {error.reason}" and "\n" not in str(error)
    assert reason in error.reason


def test_missing_file() -> None:
    [error] = iter_documents(["/nonexistent/story.txt"])
    assert isinstance(error, InputError) and error.reason == "no such file or folder"


def test_other_inputs_still_read(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(PNG)
    items = list(iter_documents([str(tmp_path / "photo.txt"), str(DATA / "wire_story.txt"), "/nonexistent"]))
    assert [type(i) for i in items] == [InputError, Document, InputError]


def test_cli_reports_each_bad_input_in_one_line(tmp_path: Path) -> None:
    bad = []
    for _, name, make, _ in BAD:
        make(tmp_path / name)
        bad.append(str(tmp_path / name))
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", *bad, str(DATA / "agency_dispatch.txt")])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert [line.split(": ")[1] for line in lines] == bad
    assert all(line.startswith("spyglass: ") for line in lines)
    [record] = result.stdout.splitlines()
    assert '"dateline":"SEOUL"' in record


def test_cli_reads_stdin() -> None:
    text = (DATA / "blog_post.txt").read_text()
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", "-"], input=text)
    assert result.exit_code == 0, result.stderr
    assert '"source":"<stdin>"' in result.stdout and '"published":"2019-03-14"' in result.stdout
