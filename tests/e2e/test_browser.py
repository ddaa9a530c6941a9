"""End to end in a real headless Chromium: ingest through the form, read the highlighted document, open an entity,
see the timeline chart. Screenshots of every page go to `SPYGLASS_SCREENSHOTS` (default: pytest's tmp dir).

Needs Debian's `chromium` at `SPYGLASS_TEST_CHROMIUM` (CI sets it); skipped otherwise.
"""

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from spyglass.server import Settings, create_app
from spyglass.store.records import save_extraction
from test_server_fixtures import HOSTILE, RECORDS, XSS_NAME

CHROMIUM = os.environ.get("SPYGLASS_TEST_CHROMIUM")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM, reason="SPYGLASS_TEST_CHROMIUM is not set"),
]
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTICLE = """North Korea tests new solid-fuel missile

PYONGYANG, March 14 (Test Wire) -- North Korea test-fired a Hwasong-18 intercontinental ballistic missile from a \
site near Pyongyang on Wednesday, the state news agency KCNA said on Thursday.

Kim Jong Un watched the launch and praised the scientists of the Academy of Defence Science, KCNA said. \
South Korea's Joint Chiefs of Staff said the missile flew about 1,000 kilometres before landing in the sea.

Last month Kim Jong Un visited the Kangdong Machine Plant, where launchers are built, according to Yonhap.
<script>document.title = "pwned"</script> <img src=x onerror="document.title='pwned'"> was left in the page.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn server on 127.0.0.1 over a store seeded with the hand-written records."""
    store = tmp_path_factory.mktemp("e2e") / "store.db"
    port = _free_port()
    app = create_app(Settings(db=f"sqlite:///{store}", port=port))
    with app.state.sessionmaker.begin() as session:
        for rec in RECORDS:
            save_extraction(session, rec)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("SPYGLASS_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    tab.on("console", lambda msg: errors.append(f"{msg.text} {msg.location}") if msg.type == "error" else None)
    yield tab
    context.close()
    assert not errors, errors  # no script errors, no CSP violations


def test_ingest_read_entity_timeline(page, shots: Path) -> None:
    page.goto("/ingest")
    page.screenshot(path=shots / "ingest.png", full_page=True)
    page.fill("#content", ARTICLE)
    page.click("#ingest-submit")
    page.wait_for_url("**/documents/sha256:*")
    assert page.title() != "pwned"
    # entities highlighted by type, the hostile markup shown as text
    people = page.locator("#text a.ent-PERSON")
    assert people.count() >= 1 and "Kim Jong Un" in people.all_inner_texts()
    assert page.locator("#text a.ent-WEAPON", has_text="Hwasong-18").count() == 1
    assert page.locator("#text img").count() == 0 and page.locator("#text script").count() == 0
    assert "<script>" in page.inner_text("#text")
    # clicking an event highlights its trigger and, for each argument, a mention of it
    card = page.locator(".event[data-event]").filter(has=page.locator("dd a")).first
    card.click()
    trigger = card.locator("h3").inner_text().split("“", 1)[1].split("”", 1)[0]
    assert page.locator(".seg.focus-trigger").first.inner_text() == trigger
    arguments = set(card.get_attribute("data-args").split())
    focused = {el.get_attribute("data-entity") for el in page.locator(".seg.focus-arg").all()}
    assert focused == arguments
    page.screenshot(path=shots / "document.png", full_page=True)
    # the entity page lists the events with their sources
    page.locator("#text a.ent-PERSON", has_text="Kim Jong Un").first.click()
    page.wait_for_url("**/entities/*")
    assert page.locator("h1").inner_text().startswith("Kim Jong Un")
    assert page.locator("h2", has_text="Events").count() == 1 and page.locator(".kb").count() == 1
    page.screenshot(path=shots / "entity.png", full_page=True)
    # the timeline chart renders bars
    page.goto("/timeline")
    assert page.locator("#timeline-chart rect.bar").count() >= 3
    box = page.locator("#timeline-chart").bounding_box()
    assert box and box["width"] > 600 and box["height"] > 100
    page.screenshot(path=shots / "timeline.png", full_page=True)


@pytest.mark.parametrize(
    ("name", "url", "selector"),
    [
        ("search", "/?q=Hwasong", ".hit"),
        ("home", "/", "table"),
        ("indicators", "/indicators", ".indicator"),
        ("map", "/map", "#map circle"),
        ("screening", "/screening?names=Korea+Mining+Development+Trading&hs_code=8101.94&route=Nampo", ".card"),
        ("api", "/api/docs", ".card"),
        ("hostile", f"/documents/{HOSTILE.document.id}", "#text"),
    ],
)
def test_pages_render(page, shots: Path, name: str, url: str, selector: str) -> None:
    page.goto(url)
    assert page.locator(selector).count() >= 1
    assert page.title() != "pwned"
    if name == "hostile":
        assert XSS_NAME in page.inner_text("#text") and page.locator("#text img").count() == 0
    page.screenshot(path=shots / f"{name}.png", full_page=True)
