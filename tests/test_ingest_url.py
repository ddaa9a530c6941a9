"""URL reading against a local HTTP server on 127.0.0.1: content types, redirects, size cap, timeouts."""

import contextlib
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spyglass.cli import app
from spyglass.errors import InputError
from spyglass.ingest import iter_documents
from spyglass.model import Document

DATA = Path(__file__).parent / "data" / "ingest"

# path -> (status, content type, body or redirect location)
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/2019/06/01/story": (200, "text/plain; charset=utf-8", (DATA / "wire_story.txt").read_bytes()),
    "/page": (200, "text/html", (DATA / "page.html").read_bytes()),
    "/feed": (200, "application/rss+xml", (DATA / "feed.rss").read_bytes()),
    "/latin1": (200, "text/plain; charset=iso-8859-1", "Zoll prüfte die Ladung in Genf gründlich.".encode("latin-1")),
    "/photo": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
    "/big": (200, "text/plain", b"word " * 1000),
    "/moved": (302, "", b"/page"),
    "/loop": (302, "", b"/loop"),
    "/to-file": (302, "", b"file:///etc/passwd"),
}
SLOW_SECONDS = 3.0


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"not here"))
        self.send_response(status)
        if status == 302:
            self.send_header("Location", body.decode())
            body = b""
        else:
            self.send_header("Content-Type", content_type)
        if self.path != "/big":
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(ConnectionError):  # the client stops reading at the size cap
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def read(url: str, **kwargs) -> list[Document | InputError]:
    return list(iter_documents([url], **kwargs))


def test_text_url_dated_by_its_path(server: str) -> None:
    [doc] = read(f"{server}/2019/06/01/story")
    assert isinstance(doc, Document)
    assert (doc.source, doc.published, doc.dateline) == (f"{server}/2019/06/01/story", date(2019, 6, 1), "JAKARTA")


def test_html_url_after_redirect(server: str) -> None:
    [doc] = read(f"{server}/moved")
    assert isinstance(doc, Document) and doc.title == "Satellite images show new launcher shed"
    assert doc.source == f"{server}/moved"


def test_feed_url(server: str) -> None:
    docs = read(f"{server}/feed")
    assert [d.published for d in docs] == [date(2021, 2, 11), date(2021, 2, 12)]


def test_declared_charset(server: str) -> None:
    [doc] = read(f"{server}/latin1")
    assert isinstance(doc, Document) and doc.text == "Zoll prüfte die Ladung in Genf gründlich."


@pytest.mark.parametrize(
    ("path", "kwargs", "reason"),
    [
        ("/slow", {"timeout": 0.5}, "timed out after 0.5 s"),
        ("/missing", {}, "HTTP 404 Not Found"),
        ("/photo", {}, "unsupported content type image/png"),
        ("/big", {"max_bytes": 1000}, "larger than the"),
        ("/loop", {}, "more than 5 redirects"),
        ("/to-file", {}, "refused redirect to a non-http URL"),
        ("/page", {"allow_private": False}, "refused: 127.0.0.1 resolves to a non-public address (127.0.0.1)"),
    ],
)
def test_url_errors(server: str, path: str, kwargs: dict, reason: str) -> None:
    started = time.monotonic()
    [error] = read(f"{server}{path}", **kwargs)
    assert isinstance(error, InputError) and reason in error.reason, error
    assert str(error).startswith(f"{server}{path}: ") and "\n" not in str(error)
    assert time.monotonic() - started < SLOW_SECONDS


@pytest.mark.parametrize("url", ["http://localhost:9/", "http://[::1]:9/", "http://169.254.169.254/latest/meta-data/"])
def test_private_targets_refused_before_connecting(url: str) -> None:
    [error] = read(url, allow_private=False)
    assert isinstance(error, InputError) and "non-public address" in error.reason


def test_cli_url_errors_one_line_each(server: str) -> None:
    bad = [f"{server}/missing", f"{server}/photo", f"{server}/loop"]
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", *bad, f"{server}/2019/06/01/story"])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert [line.split(": ", 2)[1] for line in result.stderr.splitlines()] == bad
    [record] = result.stdout.splitlines()
    assert '"published":"2019-06-01"' in record
