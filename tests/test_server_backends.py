"""The API and pages answer the same on SQLite and PostgreSQL (`SPYGLASS_TEST_PG`, a fresh schema per test)."""

import pytest

from test_server_fixtures import TEST, VISIT, make_client
from test_store_builders import db_url  # noqa: F401  (the SQLite / PostgreSQL store fixture)


@pytest.mark.parametrize(
    ("url", "check"),
    [
        ("/api/documents", lambda body: body["total"] == 3),
        (f"/api/documents/{VISIT.document.id}/extraction", lambda body: body == VISIT.model_dump(mode="json")),
        (
            "/api/events?type=TEST&date_to=2023-12-31",
            lambda body: [e["trigger"]["text"] for e in body["items"]] == ["tested"],
        ),
        ("/api/events?entity=Kangdong+Machine+Plant", lambda body: body["total"] == 2),
        ("/api/search?q=Hwasong-18", lambda body: TEST.document.id in {h["id"] for h in body["items"]}),
        ("/api/entities/Kim+Jong+Un", lambda body: [c["role"] for c in body["claims"]] == ["visitor"]),
        ("/api/timeline", lambda body: body["counted"] == 4 and body["unit"] == "month"),
        ("/api/indicators", lambda body: any(i["kind"] == "controlled_transfer" for i in body["items"])),
    ],
)
def test_api_on_each_backend(db_url: str, tmp_path, url: str, check) -> None:  # noqa: F811
    client = make_client(tmp_path, db=db_url)
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert check(response.json())


def test_pages_on_each_backend(db_url: str, tmp_path) -> None:  # noqa: F811
    client = make_client(tmp_path, db=db_url)
    for url in ("/", f"/documents/{VISIT.document.id}", "/timeline", "/?q=Pyongyang", "/map", "/indicators"):
        assert client.get(url).status_code == 200, url
