"""Property-based run over the OpenAPI schema (Schemathesis, in-process ASGI): no input makes the API answer 5xx.

Bounded (a few examples per operation) so the whole run stays well under a minute. URL ingest is pointed at a
loopback address, which the server refuses before any network access.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from test_server_fixtures import make_client

REFUSED_URL = "http://127.0.0.1:9/article"


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    client = make_client(tmp_path_factory.mktemp("schemathesis"), allowed_hosts=["testserver", "localhost"])
    return schemathesis.openapi.from_asgi("/api/openapi.json", client.app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case) -> None:  # type: ignore[no-untyped-def]
    if isinstance(case.body, dict) and case.body.get("url"):
        case.body["url"] = REFUSED_URL
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code} {response.text}"
