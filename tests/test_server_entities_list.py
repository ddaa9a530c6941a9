"""`GET /api/entities` over a real SQLite store: counts, order, filters, pages, bad parameters."""

import pytest
from fastapi.testclient import TestClient

from test_server_fixtures import XSS_NAME, make_client


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return make_client(tmp_path_factory.mktemp("entities"))


def test_most_events_first_with_counts(client: TestClient) -> None:
    found = client.get("/api/entities").json()
    assert (found["total"], found["limit"], found["offset"]) == (10, 50, 0)
    first = found["items"][0]
    assert (first["name"], first["type"], first["documents"], first["events"]) == (
        "Kangdong Machine Plant",
        "FACILITY",
        1,
        2,
    )
    counts = [e["events"] for e in found["items"]]
    assert counts == sorted(counts, reverse=True)
    assert found["items"][-1]["name"] == "Yonhap"  # a source only: in no event's roles
    assert client.get("/api/entities", params={"q": "", "type": ""}).json() == found  # blank form fields: no filter


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "LOCATION"}, {"North Korea", "Pyongyang", "Nampo"}),
        ({"q": "korea"}, {"North Korea", "Korean People's Army"}),
        ({"q": "KOREA", "type": "ORGANIZATION"}, {"Korean People's Army"}),
        ({"q": "onerror"}, {XSS_NAME}),
        ({"q": "%"}, set()),
    ],
)
def test_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    found = client.get("/api/entities", params=params).json()
    assert {e["name"] for e in found["items"]} == expected
    assert found["total"] == len(expected)


def test_pages_cover_the_list_once(client: TestClient) -> None:
    whole = [e["id"] for e in client.get("/api/entities").json()["items"]]
    paged = [
        e["id"]
        for at in range(0, 12, 4)
        for e in client.get("/api/entities", params={"limit": 4, "offset": at}).json()["items"]
    ]
    assert paged == whole


def test_listed_id_opens_the_entity(client: TestClient) -> None:
    listed = client.get("/api/entities", params={"q": "Kim Jong Un"}).json()["items"][0]
    profile = client.get(f"/api/entities/{listed['id']}").json()
    assert profile["entity"] == {k: listed[k] for k in ("id", "name", "type", "kb_id")}
    assert len(profile["claims"]) == listed["events"]


@pytest.mark.parametrize(
    "params", [{"type": "SPACESHIP"}, {"limit": 0}, {"limit": 201}, {"offset": -1}, {"q": "x" * 501}]
)
def test_bad_parameters_are_422(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/api/entities", params=params)
    assert response.status_code == 422
    assert "detail" in response.json()
