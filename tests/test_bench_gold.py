"""The bench gold set is well formed: every file follows the dev gold format and the contract's roles.

Gold that names an entity the article never mentions, or a role the event type does not have, would silently
turn a correct extraction into a miss; these checks catch such slips when gold is written or edited.
"""

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from spyglass.model import ROLES_BY_EVENT, Certainty, EntityType, EventType

BENCH = Path(__file__).resolve().parents[1] / "bench"
GOLD_FILES = sorted((BENCH / "gold").glob("*.json"))
DOC_KEYS = {"document", "published", "dateline", "byline", "boilerplate", "keep", "entities", "events"}
ENTITY_KEYS = {"type", "name", "aliases", "optional"}
EVENT_KEYS = {"type", "roles", "date", "certainty", "sources", "attributes", "optional"}


def fold(text: str) -> str:
    """Lower case, straight quotes, single spaces: how a gold string is looked up in its article."""
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, fold((BENCH / "corpus" / gold["document"]).read_text(encoding="utf-8"))


def iso(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def test_every_article_has_gold() -> None:
    corpus = {p.name for p in (BENCH / "corpus").glob("*.txt")}
    assert corpus == {json.loads(p.read_text(encoding="utf-8"))["document"] for p in GOLD_FILES}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_document_fields(path: Path) -> None:
    gold, text = load(path)
    assert set(gold) <= DOC_KEYS and {"document", "entities", "events"} <= set(gold)
    assert gold["document"] == path.with_suffix(".txt").name
    iso(gold.get("published"))
    for key in ("boilerplate", "keep"):
        for line in gold.get(key, []):
            assert fold(line) in text, f"{key} not in article: {line!r}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_entities(path: Path) -> None:
    gold, text = load(path)
    seen = set()
    for ent in gold["entities"]:
        assert set(ent) <= ENTITY_KEYS, ent
        EntityType(ent["type"])
        assert (ent["type"], ent["name"]) not in seen, f"duplicate entity {ent['name']}"
        seen.add((ent["type"], ent["name"]))
        aliases = ent.get("aliases", [])
        for alias in aliases:
            assert fold(alias) in text, f"alias not in article: {alias!r}"
        assert any(fold(n) in text for n in [ent["name"], *aliases]), f"entity never named: {ent['name']!r}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_events(path: Path) -> None:
    gold, text = load(path)
    names = {n for e in gold["entities"] for n in [e["name"], *e.get("aliases", [])]}
    published = iso(gold.get("published"))
    for event in gold["events"]:
        assert set(event) <= EVENT_KEYS, event
        allowed = {r.value for r in ROLES_BY_EVENT[EventType(event["type"])]}
        assert event["roles"] and set(event["roles"]) <= allowed, event
        for values in event["roles"].values():
            assert values and set(values) <= names, f"role value is no gold entity: {values}"
        for value in event.get("certainty", []):
            Certainty(value)
        assert all(isinstance(s, str) and s for s in event.get("sources", []))
        when = event.get("date")
        if when:
            assert set(when) <= {"text", "start", "end", "approximate"} and fold(when["text"]) in text, when
            start, end = iso(when["start"]), iso(when["end"])
            assert (start is None) == (end is None), when
            if start and end:
                assert start <= end and (published is None or start <= published), when


def test_set_covers_every_construction() -> None:
    """The set exercises each event type, each certainty value and nested attribution (issue 4's bar)."""
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_FILES]
    required = [e for g in golds for e in g["events"] if not e.get("optional")]
    types = Counter(e["type"] for e in required)
    certainty = Counter(e["certainty"][0] for e in required if len(e.get("certainty", [])) == 1)
    assert len(golds) >= 18 and 2 * sum(g.get("published") is not None for g in golds) >= len(golds)
    assert all(types[t.value] >= 3 for t in EventType), types
    assert all(certainty[c.value] >= 2 for c in Certainty), certainty
    assert sum(len(e.get("sources", [])) >= 2 for e in required) >= 2
