"""Write protection, CSRF, URL policy, size limit, Host check and security headers, on a real store and server."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from spyglass.errors import SpyglassError
from spyglass.server import Settings, create_app
from spyglass.server.settings import is_loopback
from test_server_fixtures import TEST, make_client

ARTICLE = (
    b"<html><head><title>Port call</title></head><body><article><h1>Port call</h1>"
    b"<p>The cargo ship Sea Star docked at Nampo on 2 March 2024, a monitoring group said. "
    b"Customs officials inspected the vessel the next day and found machine tools on board.</p>"
    b"</article></body></html>"
)


class _Article(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(ARTICLE)))
        self.end_headers()
        self.wfile.write(ARTICLE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def article_url() -> Iterator[str]:
    """A local page to fetch: loopback, so only a server that allows private URLs may read it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Article)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/port-call.html"
    server.shutdown()


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True), ("0.0.0.0", False)],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_binding_beyond_localhost_needs_a_token(tmp_path) -> None:
    with pytest.raises(SpyglassError, match="SPYGLASS_TOKEN"):
        create_app(Settings(db=f"sqlite:///{tmp_path / 's.db'}", host="0.0.0.0"))
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 's.db'}", host="0.0.0.0", token="s3cret"))
    assert app.state.settings.writes_need_token


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 403), ({"Authorization": "Basic s3cret"}, 401)],
)
def test_writes_refused_without_the_token(tmp_path, headers: dict[str, str], status: int) -> None:
    client = make_client(tmp_path, token="s3cret")
    assert client.delete(f"/api/documents/{TEST.document.id}", headers=headers).status_code == status
    assert client.post("/api/ingest", json={"text": "Some text."}, headers=headers).status_code == status
    assert client.get(f"/api/documents/{TEST.document.id}").status_code == 200  # reads stay open


def test_writes_accepted_with_the_token(tmp_path) -> None:
    client = make_client(tmp_path, token="s3cret")
    response = client.delete(f"/api/documents/{TEST.document.id}", headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 204


def test_url_ingest_refuses_private_targets_unless_allowed(tmp_path, article_url: str) -> None:
    refused = make_client(tmp_path / "a", seed=False).post("/api/ingest", json={"url": article_url})
    assert refused.status_code == 422 and "non-public" in refused.json()["detail"]
    allowed = make_client(tmp_path / "b", seed=False, allow_private_urls=True)
    response = allowed.post("/api/ingest", json={"url": article_url})
    assert response.status_code == 201, response.text
    (doc,) = response.json()["documents"]
    text = allowed.get(f"/api/documents/{doc['id']}").json()["text"]
    assert "Sea Star docked at Nampo" in text


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"text": "a", "html": "<p>a</p>"}, "exactly one"),
        ({}, "exactly one"),
        ({"url": "ftp://example.org/a"}, "url: URL scheme"),
        ({"url": "file:///etc/passwd"}, "url: URL scheme"),
        ({"url": "/etc/passwd"}, "url: Input should be a valid URL"),
    ],
)
def test_ingest_takes_one_input_and_only_http_urls(tmp_path, body: dict[str, str], detail: str) -> None:
    response = make_client(tmp_path, seed=False).post("/api/ingest", json=body)
    assert response.status_code == 422 and detail in response.json()["detail"]


def test_request_size_limit(tmp_path) -> None:
    client = make_client(tmp_path, seed=False, max_body_bytes=4096)
    response = client.post("/api/ingest", json={"text": "x" * 5000})
    assert response.status_code == 413 and "larger than 4096" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the streamed body is counted
        yield b'{"text": "'
        yield b"y" * 5000
        yield b'"}'

    streamed = client.post("/api/ingest", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413


def test_host_header_checked_on_loopback(tmp_path) -> None:
    client = make_client(tmp_path, seed=False)
    assert client.get("/api/documents", headers={"Host": "attacker.example"}).status_code == 400
    assert client.get("/api/documents", headers={"Host": "127.0.0.1:8000"}).status_code == 200


def test_security_headers_everywhere(tmp_path) -> None:
    client = make_client(tmp_path, seed=False)
    for url in ("/", "/api/documents", "/static/app.css", "/api/nope"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "http" not in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def _form(client: TestClient) -> str:
    page = client.get("/ingest")
    return page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]


def test_form_needs_the_csrf_token(tmp_path) -> None:
    client = make_client(tmp_path, seed=False)
    token = _form(client)
    data = {"content": "Ri Pyong Chol watched the launch on Monday, the agency said."}
    assert client.post("/ingest", data=data).status_code == 403
    assert client.post("/ingest", data={**data, "csrf_token": token + "x"}).status_code == 403
    forged = TestClient(client.app, base_url="http://localhost")  # a page elsewhere cannot read our cookie
    assert forged.post("/ingest", data={**data, "csrf_token": token}).status_code == 403
    accepted = client.post("/ingest", data={**data, "csrf_token": token}, follow_redirects=False)
    assert accepted.status_code == 303 and accepted.headers["location"].startswith("/documents/sha256:")


def test_form_needs_the_server_token_when_set(tmp_path) -> None:
    client = make_client(tmp_path, seed=False, token="s3cret")
    csrf = _form(client)
    assert 'name="token"' in client.get("/ingest").text
    data = {"content": "Ri Pyong Chol watched the launch on Monday.", "csrf_token": csrf}
    assert client.post("/ingest", data=data).status_code == 401
    assert client.post("/ingest", data={**data, "token": "nope"}).status_code == 403
    assert client.post("/ingest", data={**data, "token": "s3cret"}, follow_redirects=False).status_code == 303


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--host", "0.0.0.0"], {}, "needs a token: set SPYGLASS_TOKEN"),
        (["--db", "sqlite:////nonexistent-dir/x/store.db"], {}, "cannot open the store"),
        (["--host", "0.0.0.0"], {"SPYGLASS_HOST": "127.0.0.1"}, "needs a token"),
        ([], {"SPYGLASS_HOST": "10.1.2.3"}, "binding 10.1.2.3 (beyond localhost) needs a token"),
    ],
)
def test_serve_fails_in_one_line(args: list[str], env: dict[str, str], message: str) -> None:
    from typer.testing import CliRunner

    from spyglass.cli import app

    result = CliRunner().invoke(app, ["serve", *args], env={"SPYGLASS_TOKEN": "", **env})
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output


def test_every_setting_is_documented() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Server and web page", 1)[1].split("\n## ", 1)[0]
    for name in Settings.model_fields:
        assert f"`{name.upper()}`" in section, name
