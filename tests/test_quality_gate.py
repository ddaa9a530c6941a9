"""Quality gate: extraction scores on the gold sets may rise but never drop below the pinned figures.

The figures come from `bench/quality.py` (the shared scorer on bench/ and ../shared/dev). When a change raises a
score, raise its pin here in the same commit; a drop fails this test instead of passing silently.
"""

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Pinned at the end of session 2 (25 Nov 2026): bench (24 articles) at the measured figures less 0.02, heldout (30)
# and blind (30) less 0.03 (a floor, not a target: never tune on blind); dev at the issues' acceptance bars or just
# under the measured 1.000, whichever is higher (one slip on 2 articles moves a figure a lot).
PINNED: dict[str, dict[str, float]] = {
    "bench": {
        "entity_f1": 0.93,
        "event_f1": 0.78,
        "date_acc": 0.92,
        "certainty_acc": 0.97,
        "sources_acc": 0.92,
        "cleaning_acc": 0.98,
    },
    "heldout": {
        "entity_f1": 0.83,
        "event_f1": 0.69,
        "date_acc": 0.89,
        "certainty_acc": 0.94,
        "sources_acc": 0.92,
        "cleaning_acc": 0.97,
    },
    "blind": {
        "entity_f1": 0.73,
        "event_f1": 0.52,
        "date_acc": 0.71,
        "certainty_acc": 0.93,
        "sources_acc": 0.75,
        "cleaning_acc": 0.92,
    },
    "dev": {
        "entity_f1": 0.95,
        "event_f1": 0.90,
        "date_acc": 0.90,
        "certainty_acc": 0.90,
        "sources_acc": 0.85,
        "cleaning_acc": 0.95,
    },
}


def load_quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spyglass_bench_quality", ROOT / "bench" / "quality.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def measured() -> dict[str, dict[str, Any]]:
    """Every set's headline figures, extracted and scored once for the module."""
    quality = load_quality()
    scorer = quality.load_scorer()
    if scorer is None:
        pytest.skip("../shared/tools/score.py is not present")
    return {
        name: quality.figures(quality.score_set(scorer, folder))
        for name, folder in quality.SETS.items()
        if name in PINNED and (folder / "corpus").is_dir()
    }


CASES = [(s, f) for s, figures in PINNED.items() for f in figures]


@pytest.mark.parametrize(("set_name", "figure"), CASES, ids=[f"{s}-{f}" for s, f in CASES])
def test_score_not_below_pin(measured: dict[str, dict[str, Any]], set_name: str, figure: str) -> None:
    if set_name not in measured:
        pytest.skip(f"{set_name} set is not present")
    value = measured[set_name][figure] or 0.0
    assert value >= PINNED[set_name][figure], f"{set_name} {figure} fell to {value:.3f}"
