"""The JSON API over a real SQLite store: lists, filters, pagination, records, deletion, error shapes."""

from datetime import date

import pytest
from fastapi.testclient import TestClient

from spyglass.model import EntityType, EventType, Extraction, Role
from spyglass.server.cache import AnalysisCache
from spyglass.store.records import save_extraction
from test_server_fixtures import HOSTILE, TEST, VISIT, make_client, record


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return make_client(tmp_path_factory.mktemp("api"))


def test_documents_list_pages(client: TestClient) -> None:
    first = client.get("/api/documents", params={"limit": 2}).json()
    second = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert (first["total"], first["limit"], first["offset"]) == (3, 2, 0)
    ids = {d["id"] for d in first["items"] + second["items"]}
    assert ids == {VISIT.document.id, TEST.document.id, HOSTILE.document.id}


def test_document_and_its_extraction_round_trip(client: TestClient) -> None:
    doc = client.get(f"/api/documents/{VISIT.document.id}").json()
    assert doc["text"] == VISIT.document.text
    record = Extraction.model_validate(client.get(f"/api/documents/{VISIT.document.id}/extraction").json())
    assert record == VISIT


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"VISIT", "TRANSFER", "TEST"}),
        ({"type": "TEST"}, {"TEST"}),
        ({"certainty": "probable"}, {"TRANSFER"}),
        ({"entity": "Kim Jong Un"}, {"VISIT"}),
        ({"entity": "Kangdong Machine Plant"}, {"VISIT", "TRANSFER"}),
        ({"date_from": "2024-05-01", "date_to": "2024-05-31"}, {"VISIT", "TRANSFER"}),
        ({"date_to": "2023-12-31"}, {"TEST"}),
        ({"entity": "nobody at all"}, set()),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    found = client.get("/api/events", params=params).json()
    types = {ev["type"] for ev in found["items"] if ev["document"]["id"] != HOSTILE.document.id}
    assert types == expected


@pytest.mark.parametrize(
    ("params", "unit", "periods", "counts"),
    [
        (
            {},
            "month",
            7,
            {"2023-11-01": {"TEST": 1}, "2024-01-01": {"TRANSFER": 1}, "2024-05-01": {"VISIT": 1, "TRANSFER": 1}},
        ),
        ({"type": "VISIT"}, "month", 1, {"2024-05-01": {"VISIT": 1}}),
        ({"entity": "Pyongyang"}, "month", 1, {"2023-11-01": {"TEST": 1}}),
        ({"date_from": "2030-01-01"}, "month", 0, {}),
    ],
)
def test_timeline_counts_per_period(client: TestClient, params: dict, unit: str, periods: int, counts: dict) -> None:
    timeline = client.get("/api/timeline", params=params).json()
    assert timeline["unit"] == unit and len(timeline["periods"]) == periods
    assert {p["start"]: p["counts"] for p in timeline["periods"] if p["counts"]} == counts
    assert timeline["counted"] == timeline["total"] == sum(sum(c.values()) for c in counts.values())


def test_search_marks_the_words(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "Hwasong-18"}).json()
    assert found["total"] >= 1
    hit = next(h for h in found["items"] if h["kind"] == "document")
    assert hit["id"] == TEST.document.id
    start, end = hit["highlights"][0]
    assert "Hwasong" in hit["snippet"][start:end]


@pytest.mark.parametrize(
    ("method", "url", "status", "detail"),
    [
        ("GET", "/api/documents/sha256:" + "0" * 64, 404, "no stored document"),
        ("GET", "/api/documents?limit=0", 422, "limit"),
        ("GET", "/api/documents?limit=5000", 422, "limit"),
        ("GET", "/api/events?type=PICNIC", 422, "type"),
        ("GET", "/api/events?date_from=yesterday", 422, "date_from"),
        ("GET", "/api/search", 422, "q"),
        ("GET", "/api/no-such-thing", 404, "Not Found"),
        ("DELETE", "/api/documents/nope", 404, "no stored document"),
    ],
)
def test_errors_are_one_line_json(client: TestClient, method: str, url: str, status: int, detail: str) -> None:
    response = client.request(method, url)
    assert response.status_code == status
    body = response.json()
    assert isinstance(body["detail"], str) and detail in body["detail"]


def test_delete_removes_document_and_its_events(tmp_path) -> None:
    client = make_client(tmp_path)
    assert client.delete(f"/api/documents/{TEST.document.id}").status_code == 204
    assert client.get(f"/api/documents/{TEST.document.id}").status_code == 404
    assert client.get("/api/events", params={"type": "TEST"}).json()["total"] == 0
    assert client.delete(f"/api/documents/{TEST.document.id}").status_code == 404


def test_openapi_documents_every_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{document_id}/extraction", "/api/events", "/api/search"):
        assert path in spec["paths"]
    for item in spec["paths"].values():
        for op in item.values():
            assert op.get("summary"), op["operationId"]
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/events" in page.text


ECHO = record(
    "North Korea fired a Hwasong-18 missile on 1 November 2023, South Korea's Joint Chiefs of Staff said.",
    title="Seoul confirms launch",
    published=date(2023, 11, 1),
    entities=[("e1", EntityType.LOCATION, "North Korea"), ("e2", EntityType.WEAPON, "Hwasong-18")],
    events=[
        {
            "type": EventType.TEST,
            "trigger": "fired",
            "args": [(Role.actor, "e1"), (Role.weapon, "e2")],
            "date": ("1 November 2023", date(2023, 11, 1)),
            "sources": ["South Korea's Joint Chiefs of Staff"],
        }
    ],
)


def test_indicators_and_corroboration(tmp_path) -> None:
    client = make_client(tmp_path)
    with client.app.state.sessionmaker.begin() as session:
        save_extraction(session, ECHO)
    found = client.get("/api/indicators").json()
    transfer = next(i for i in found["items"] if i["kind"] == "controlled_transfer")
    assert (
        transfer["evidence"][0]["text"] == "supplied" and transfer["evidence"][0]["document"]["id"] == VISIT.document.id
    )
    assert client.get("/api/indicators", params={"kind": "civilian_cover", "limit": 1}).json()["limit"] == 1
    clusters = client.get("/api/corroboration").json()
    (cluster,) = clusters["items"]
    assert cluster["type"] == "TEST" and set(cluster["documents"]) == {TEST.document.id, ECHO.document.id}
    assert client.get("/api/corroboration", params={"min_sources": 3}).json()["total"] == 0
    html = client.get("/indicators").text
    assert "<mark>supplied</mark>" in html and "Seoul confirms launch" in html
    # results are cached until the store changes: a deletion shows at once
    assert client.delete(f"/api/documents/{ECHO.document.id}").status_code == 204
    assert client.get("/api/corroboration").json()["total"] == 0
    assert client.delete(f"/api/documents/{VISIT.document.id}").status_code == 204
    left = client.get("/api/indicators").json()["items"]
    assert all(e["document"]["id"] != VISIT.document.id for i in left for e in i["evidence"])


def test_analysis_cache_keeps_the_newest(tmp_path) -> None:
    client = make_client(tmp_path)
    cache, calls = AnalysisCache(size=2), []
    with client.app.state.sessionmaker() as session:
        for name in ("a", "b", "a", "c", "b"):
            cache.get(session, name, lambda name=name: calls.append(name) or name)
    assert calls == ["a", "b", "c", "b"]  # "a" was still cached, "b" had been evicted by "c"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"names": ["Korea Mining Development Trading Corporation"]}, 200),
        ({"names": ["Korea Mining Development Trading Corporation"], "type": "PERSON"}, 200),
        ({"names": []}, 422),
        ({"names": ["x"], "threshold": 2}, 422),
    ],
)
def test_screening_names(client: TestClient, body: dict, status: int) -> None:
    response = client.post("/api/screening/names", json=body)
    assert response.status_code == status
    if status == 200:
        (result,) = response.json()
        listed = [c for c in result["candidates"] if c["score"] == 1.0]
        assert bool(listed) is (body.get("type") != "PERSON")
        assert all(c["features"] for c in result["candidates"])


@pytest.mark.parametrize(
    ("name", "params", "media", "must"),
    [
        ("csv", {"type": "TEST"}, "text/csv", "Hwasong-18"),
        ("geojson", {}, "application/geo+json", "FeatureCollection"),
        ("stix", {"published_from": "2024-01-01"}, "application/stix+json", '"bundle"'),
        ("ftm", {"entity": "Kim Jong Un"}, "application/x-ndjson", "Kim Jong Un"),
    ],
)
def test_exports_stream_the_store(client: TestClient, name: str, params: dict, media: str, must: str) -> None:
    listed = {f["name"] for f in client.get("/api/exports").json()}
    assert name in listed
    response = client.get(f"/api/exports/{name}", params=params)
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    assert f'filename="spyglass-{name}' in response.headers["content-disposition"]
    assert must in response.text


def test_export_filters_narrow_the_records(client: TestClient) -> None:
    only_tests = client.get("/api/exports/csv", params={"type": "TEST"}).text
    assert "TRANSFER" not in only_tests and "Hwasong-18" in only_tests
    late = client.get("/api/exports/csv", params={"published_from": "2024-03-01"}).text
    assert VISIT.document.id in late and TEST.document.id not in late


@pytest.mark.parametrize(("url", "status"), [("/api/exports/pdf", 404), ("/api/exports/csv?type=PICNIC", 422)])
def test_export_errors(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status and response.json()["detail"]


@pytest.mark.parametrize(
    ("declaration", "kinds"),
    [
        (
            {
                "description": "tools for expressway construction",
                "hs_code": "8101.94",
                "shipper": "Korea Mining Development Trading Corporation",
                "route": ["Nampo", "Rotterdam"],
            },
            {"listed_party", "controlled_goods", "description_mismatch", "transshipment_point"},
        ),
        ({"description": "fresh apples", "hs_code": "0808.10", "route": ["Valencia"]}, set()),
    ],
)
def test_screening_shipments(client: TestClient, declaration: dict, kinds: set[str]) -> None:
    response = client.post("/api/screening/shipments", json=declaration)
    assert response.status_code == 200
    flags = response.json()
    assert {f["kind"] for f in flags} == kinds and all(f["detail"] for f in flags)


HTML_PAGE = (
    "<html><head><title>Cargo seized</title></head><body><nav>Home | World | Sport</nav><article>"
    "<h1>Cargo seized</h1><p>Customs officers in Busan seized 40 tonnes of aluminium alloy bound for Nampo on "
    "3 April 2024, the Korea Customs Service said on Friday.</p><p>The shipper, a Dalian trading company, had "
    "declared the cargo as kitchen equipment, officials said.</p></article><footer>Copyright</footer></body></html>"
)


def test_ingest_html_once(tmp_path) -> None:
    client = make_client(tmp_path, seed=False)
    first = client.post("/api/ingest", json={"html": HTML_PAGE, "published": "2024-04-05"})
    assert first.status_code == 201, first.text
    (doc,) = first.json()["documents"]
    assert doc["new"] and doc["entities"] >= 2
    stored = client.get(f"/api/documents/{doc['id']}").json()
    assert "<p>" not in stored["text"] and "aluminium alloy bound for Nampo" in stored["text"]
    assert stored["published"] == "2024-04-05" and "Home | World" not in stored["text"]
    again = client.post("/api/ingest", json={"html": HTML_PAGE})
    assert again.status_code == 200 and again.json()["documents"][0] == {**doc, "new": False}
    assert client.get("/api/documents").json()["total"] == 1
