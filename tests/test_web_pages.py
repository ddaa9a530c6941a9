"""The web pages over a real store: highlighting from offsets, events with roles and claims, escaping, charts."""

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from spyglass.model import EventType
from spyglass.server.charts import series, timeline_chart
from spyglass.server.geoplot import plot
from spyglass.server.highlight import marked, segments
from spyglass.store.identity import corpus_entity_id, entity_key
from test_server_fixtures import HOSTILE, TEST, VISIT, XSS_BOILERPLATE, XSS_NAME, XSS_TITLE, make_client, record

RAW_PAYLOADS = (XSS_NAME, XSS_TITLE, XSS_BOILERPLATE, "<b>valves</b>", "<i>x</i>", "<script>")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return make_client(tmp_path_factory.mktemp("web"))


def page(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def corpus_id(name: str) -> str:
    entity = next(e for rec in (VISIT, TEST, HOSTILE) for e in rec.entities if e.name == name)
    return corpus_entity_id(entity_key(entity))


def test_segments_cover_the_text_once() -> None:
    parts = segments(VISIT)
    assert "".join(p.text for p in parts) == VISIT.document.text
    plant = [p for p in parts if p.entity and p.entity.name == "Kangdong Machine Plant"]
    assert len(plant) == 2 and {p.mention for p in plant} == {p.start for p in plant}
    assert [(p.text, p.events) for p in parts if p.events] == [("visited", ("v1",)), ("supplied", ("v2",))]


def test_overlapping_spans_take_the_longest() -> None:
    rec = record(
        "The Sohae Satellite Launching Station fired.",
        title="t",
        published=VISIT.document.published,
        entities=[("a", "FACILITY", "Sohae Satellite Launching Station"), ("b", "LOCATION", "Sohae")],
        events=[],
    )
    (first, *_) = [p for p in segments(rec) if p.entity]
    assert first.entity.id == "a" and first.text == "Sohae"


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("abc def", [(4, 7)], [("abc ", False), ("def", True)]),
        ("abc def", [(0, 3), (2, 5)], [("abc", True), (" d", True), ("ef", False)]),
        ("abc", [(5, 9)], [("abc", False)]),
        ("abc", [], [("abc", False)]),
    ],
)
def test_marked_snippets(text: str, spans: list[tuple[int, int]], expected: list[tuple[str, bool]]) -> None:
    assert marked(text, spans) == expected


def test_home_lists_documents(client: TestClient) -> None:
    html = page(client, "/")
    for rec in (VISIT, TEST):
        assert f'href="/documents/{rec.document.id}"' in html and rec.document.title in html


def test_document_view_highlights_entities_and_lists_events(client: TestClient) -> None:
    html = page(client, f"/documents/{VISIT.document.id}")
    assert re.search(r'class="seg ent ent-PERSON"[^>]*data-entity="e1"[^>]*>Kim Jong Un</a>', html)
    assert html.count('data-entity="e2"') == 2  # both mentions of the plant
    assert f'href="/entities/{corpus_id("Kangdong Machine Plant")}"' in html
    assert re.search(r'<span class="seg trigger" data-events="v1">visited</span>', html)
    card = html[html.index('data-event="v2"') :]
    card = card[: card.index("</div>")]
    assert 'data-args="e2 e4 e5"' in card
    assert "supplier" in card and "recipient" in card and "badge-probable" in card and "1 source" in card
    assert "according to Yonhap" in html


def test_search_with_filters(client: TestClient) -> None:
    html = page(client, "/?type=TEST&certainty=&date_from=&date_to=")
    assert "Hwasong-18" in html and "Leader tours" not in html
    assert page(client, "/?type=&certainty=&date_from=&date_to=")  # an empty form is no filter


def test_entity_page_has_names_kb_and_every_event(client: TestClient) -> None:
    html = page(client, f"/entities/{corpus_id('Kangdong Machine Plant')}")
    assert html.count('class="type">VISIT') == 1 and html.count('class="type">TRANSFER') == 1
    assert "as <em>site</em>" in html and "as <em>supplier</em>" in html
    assert "according to Yonhap" in html and VISIT.document.title in html


def test_timeline_draws_bars_per_period(client: TestClient) -> None:
    html = page(client, "/timeline")
    bars = re.findall(r'<rect class="bar bar-(\w+)"', html)
    assert sorted(bars) == ["TEST", "TRANSFER", "TRANSFER", "VISIT"]  # Nov 2023; Jan 2024; May 2024 (2 types)
    filtered = page(client, "/timeline?type=TEST")
    assert re.findall(r'<rect class="bar bar-(\w+)"', filtered) == ["TEST"]


@pytest.mark.parametrize(
    "url",
    [
        f"/documents/{HOSTILE.document.id}",
        f"/entities/{corpus_id(XSS_NAME)}",
        "/timeline",
        "/?type=TRANSFER",
        "/",
    ],
)
def test_untrusted_text_is_escaped(client: TestClient, url: str) -> None:
    html = page(client, url)
    for payload in RAW_PAYLOADS[:-1]:
        assert payload not in html
    assert html.count("<script") == html.count('<script src="/static/app.js" defer></script>')
    assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")


def test_document_view_lists_removed_boilerplate(client: TestClient) -> None:
    html = page(client, f"/documents/{HOSTILE.document.id}")
    removed = html.split("Removed as boilerplate (1)", 1)[1].split("</details>", 1)[0]
    assert "&lt;a href=javascript:alert(2)&gt;Share this&lt;/a&gt;" in removed


def test_unknown_pages_are_html_errors(client: TestClient) -> None:
    response = client.get("/documents/sha256:nope", headers={"Accept": "text/html"})
    assert response.status_code == 404 and "no stored document" in response.text and "<h1>" in response.text
    assert client.get("/entities/nobody", headers={"Accept": "text/html"}).status_code == 404


def test_ingest_form_escapes_hostile_articles(tmp_path) -> None:
    client = make_client(tmp_path, seed=False)
    form = client.get("/ingest").text
    csrf = form.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    content = (
        "SEOUL, June 2 -- Kim Jong Un visited a munitions factory in Jagang Province on Sunday, "
        "state media said. <script>alert('x')</script> The plant <img src=x onerror=alert(1)> makes shells."
    )
    response = client.post("/ingest", data={"content": content, "kind": "text", "csrf_token": csrf})
    assert response.status_code == 200 and response.url.path.startswith("/documents/sha256:")
    html = response.text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert 'class="seg ent ent-PERSON"' in html


def test_map_plots_places_from_the_geojson_export(client: TestClient) -> None:
    html = page(client, "/map?type=&entity=&published_from=&published_to=")
    svg = html[html.index('<svg class="map"') : html.index("</svg>")]
    assert svg.count("<circle") >= 2 and 'class="land"' in svg
    assert re.search(r'href="/entities/Pyongyang"', svg) and "°N" in svg and "°E" in svg
    assert 'href="/api/exports/geojson?' in html
    assert XSS_NAME not in html


@pytest.mark.parametrize(
    ("geojson", "points"),
    [
        ({"type": "FeatureCollection", "features": []}, 0),
        ({"features": [{"geometry": {"type": "Point", "coordinates": [125.7, 39.0]}, "properties": {}}]}, 1),
        ({"features": [{"geometry": {"type": "Point", "coordinates": [500, 39.0]}, "properties": {}}]}, 0),
        ({"features": [{"geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}}]}, 0),
    ],
)
def test_geoplot_keeps_valid_points_inside_the_frame(geojson: dict, points: int) -> None:
    drawn = plot(geojson)
    assert len(drawn.points) == points and drawn.land
    for p in drawn.points:
        assert 0 <= p.x <= drawn.width and 0 <= p.y <= drawn.height


def test_entity_page_pages_its_events(client: TestClient) -> None:
    plant = corpus_id("Kangdong Machine Plant")
    first = page(client, f"/entities/{plant}?limit=1")
    second = page(client, f"/entities/{plant}?limit=1&offset=1")
    assert first.count('<div class="card">') == second.count('<div class="card">') == 1
    assert "next →" in first and "← previous" in second and "Events (2)" in first


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"content": "  "}, "give exactly one of text, html or url"),
        ({"content": "Some text.", "url": "https://example.org/a"}, "give exactly one of text, html or url"),
        ({"url": "ftp://example.org/a"}, "URL scheme should be"),
        ({"url": "http://127.0.0.1:9/private"}, "non-public address"),
    ],
)
def test_ingest_form_shows_errors_and_keeps_the_input(tmp_path, data: dict[str, str], message: str) -> None:
    client = make_client(tmp_path, seed=False)
    form = client.get("/ingest").text
    csrf = form.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = client.post("/ingest", data={**data, "csrf_token": csrf})
    assert response.status_code == 422
    error = response.text.split('id="ingest-error"', 1)[1].split("</div>", 1)[0]
    assert message in error
    if data.get("url"):
        assert f'value="{data["url"]}"' in response.text


def test_screening_page(client: TestClient) -> None:
    names = page(client, "/screening?names=Korea+Mining+Development+Trading+Corporation%0A%3Cb%3Ex%3C%2Fb%3E&type=")
    assert "KPe.001" in names and "query_tokens_matched" in names and "&lt;b&gt;x&lt;/b&gt;" in names
    shipment = page(client, "/screening?description=tools+for+expressway+construction&hs_code=8101.94&route=Nampo")
    for kind in ("controlled goods", "description mismatch", "transshipment point"):
        assert f'<span class="type">{kind}</span>' in shipment
    assert "No flag raised" in page(client, "/screening?description=fresh+apples&hs_code=0808.10")


@pytest.mark.parametrize(
    ("first", "last", "unit", "ticks"),
    [
        (date(2024, 1, 5), date(2024, 3, 9), "month", ["2024", "Feb", "Mar"]),
        (date(2015, 1, 1), date(2024, 12, 1), "month", [str(y) for y in range(2015, 2025)]),
        (
            date(1990, 6, 1),
            date(2024, 6, 1),
            "year",
            ["1990", "1993", "1996", "1999", "2002", "2005", "2008", "2011", "2014", "2017", "2020", "2023"],
        ),
    ],
)
def test_timeline_series_and_ticks(first: date, last: date, unit: str, ticks: list[str]) -> None:
    timeline = series([(first, EventType.TEST), (last, EventType.VISIT), (None, EventType.TEST)])
    assert timeline.unit == unit and timeline.undated == 1
    assert timeline.periods[0].counts == {EventType.TEST: 1} and timeline.periods[-1].counts == {EventType.VISIT: 1}
    chart = timeline_chart(timeline)
    assert [label for _, label in chart.x_ticks] == ticks and len(chart.bars) == 2
