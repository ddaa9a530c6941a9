"""Shared fixtures: paths to the shared contract and dev set when present."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "contract" / "extraction.schema.json").exists():
        pytest.skip("../shared is not present")
    return SHARED
