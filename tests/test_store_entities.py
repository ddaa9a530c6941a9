"""`list_entities` on SQLite and PostgreSQL: counts across documents, order, filters, pages."""

from datetime import date

import pytest

from spyglass.model import EntityType
from spyglass.store.queries import list_entities
from test_store_builders import article, event, store_all

pytest_plugins = ["test_store_builders"]  # the db_url, engine and sessions fixtures

RYONBONG = ("Korea Ryonbong General Corporation", "ORGANIZATION", "sg:kp:ryonbong")
NAMPO = ("Nampo", "LOCATION")


def exports() -> object:
    return article(
        "[Korea Ryonbong General Corporation](ryon) shipped [valves](valves) to [Nampo](nampo) in May, and the "
        "same firm bought [pumps](pumps) at [Nampo](nampo) in June.",
        {"ryon": RYONBONG, "nampo": NAMPO, "valves": ("valves", "ITEM"), "pumps": ("pumps", "ITEM")},
        [
            event("TRANSFER", "shipped", on="2024-05-01", supplier="ryon", item="valves", destination="nampo"),
            event("TRANSFER", "bought", on="2024-06-01", recipient="ryon", item="pumps", destination="nampo"),
        ],
        title="Trading arm ships valves",
        published=date(2024, 6, 10),
    )


def tools() -> object:
    return article(
        "[Korea Ryonbong General Corporation](ryon) exported [machine tools](tools) through [Nampo](nampo), "
        "an official in [Pyongyang](pyongyang) said.",
        {"ryon": RYONBONG, "nampo": NAMPO, "tools": ("machine tools", "ITEM"), "pyongyang": ("Pyongyang", "LOCATION")},
        [event("TRANSFER", "exported", supplier="ryon", item="tools", origin="nampo")],
        title="Machine tools leave by sea",
        published=date(2024, 7, 2),
    )


@pytest.fixture
def stored(sessions):  # type: ignore[no-untyped-def]
    store_all(sessions, exports(), tools())
    return sessions


def test_rows_count_documents_and_events_most_events_first(stored) -> None:
    with stored() as session:
        page = list_entities(session, limit=50, offset=0)
    rows = [(e.name, e.type, e.kb_id, e.documents, e.events) for e in page.items]
    assert page.total == 6
    assert rows == [
        ("Korea Ryonbong General Corporation", EntityType.ORGANIZATION, "sg:kp:ryonbong", 2, 3),
        ("Nampo", EntityType.LOCATION, None, 2, 3),
        ("machine tools", EntityType.ITEM, None, 1, 1),
        ("pumps", EntityType.ITEM, None, 1, 1),
        ("valves", EntityType.ITEM, None, 1, 1),
        ("Pyongyang", EntityType.LOCATION, None, 1, 0),
    ]
    assert len({e.id for e in page.items}) == 6


@pytest.mark.parametrize(
    ("type", "name", "expected"),
    [
        (EntityType.LOCATION, None, ["Nampo", "Pyongyang"]),
        (None, "RYONBONG", ["Korea Ryonbong General Corporation"]),
        (None, "MP", ["Nampo", "pumps"]),
        (EntityType.ITEM, "mp", ["pumps"]),
        (EntityType.PERSON, None, []),
        (None, "%", []),
        (None, "_", []),
        (None, "", ["Korea Ryonbong General Corporation", "Nampo", "machine tools", "pumps", "valves", "Pyongyang"]),
    ],
)
def test_filters_by_type_and_name_part(stored, type: EntityType | None, name: str | None, expected: list[str]) -> None:
    with stored() as session:
        page = list_entities(session, type=type, name=name, limit=50, offset=0)
    assert [e.name for e in page.items] == expected
    assert page.total == len(expected)


def test_pages_slice_the_same_order(stored) -> None:
    with stored() as session:
        whole = [e.name for e in list_entities(session, limit=50, offset=0).items]
        pages = [list_entities(session, limit=2, offset=at) for at in (0, 2, 4, 6)]
    assert [e.name for p in pages for e in p.items] == whole
    assert [len(p.items) for p in pages] == [2, 2, 2, 0]
    assert {p.total for p in pages} == {6}


def test_empty_store_lists_nothing(sessions) -> None:
    with sessions() as session:
        page = list_entities(session, limit=10, offset=0)
    assert (page.total, page.items) == (0, [])
