"""The store on SQLite and PostgreSQL: migrations, records in and out, linking, search, queries, deletion."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select

from spyglass.errors import SpyglassError
from spyglass.model import Certainty, EventType
from spyglass.store.db import make_engine
from spyglass.store.fulltext import fts5_query, search
from spyglass.store.queries import get_entity, list_events, timeline
from spyglass.store.records import delete_document, iter_extractions, list_documents, load_extraction, save_extraction
from spyglass.store.schema import ensure_schema, include_object, metadata
from spyglass.store.sentences import sentence_around
from spyglass.store.tables import CorpusEntityRow, DocumentRow, EventRow
from test_store_builders import article, event, store_all

pytest_plugins = ["test_store_builders"]  # the db_url, engine and sessions fixtures

ENTITIES = {
    "kim": ("Kim Jong Un", "PERSON"),
    "f8": ("February 8 General Machine Factory", "FACILITY", "sg:kp:february-8-general-machine-factory"),
    "kcna": ("KCNA", "ORGANIZATION"),
    "hw": ("Hwasong-18", "WEAPON"),
}


def visit(**meta) -> object:
    return article(
        "[Kim Jong Un](kim) toured the [February 8 General Machine Factory](f8) in March, [KCNA](kcna) reported. "
        "He called for more launchers for the [Hwasong-18](hw).",
        ENTITIES,
        [
            event(
                "VISIT",
                "toured",
                on="2024-03-01",
                until="2024-03-31",
                visitor="kim",
                site="f8",
                sources=(("KCNA", "kcna"),),
                cue="reported",
            ),
            event("PRODUCTION", "launchers", certainty="probable", producer="f8", item="hw"),
        ],
        title="Leader tours machine factory",
        outlet="Test Wire",
        published=date(2024, 3, 20),
    )


def launch() -> object:
    return article(
        "North Korea fired a [Hwasong-18](hw) on Thursday, watched by [Kim Jong-un](kim). "
        "Officials said it was not clear whether the test succeeded.",
        {"hw": ENTITIES["hw"], "kim": ("Kim Jong-un", "PERSON")},
        [event("TEST", "fired", on="2023-07-13", actor="kim", weapon="hw", certainty="unknown")],
        title="Missile launch",
        published=date(2023, 7, 14),
    )


def counts(sessions) -> tuple[int, int]:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(DocumentRow)), s.scalar(
            select(func.count()).select_from(EventRow)
        )


def test_migrations_create_every_table(engine):
    tables = set(inspect(engine).get_table_names())
    assert set(metadata().tables) <= tables
    ensure_schema(engine)  # already current: a no-op
    assert set(inspect(engine).get_table_names()) == tables


def test_migrations_match_the_models(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert compare_metadata(context, metadata()) == []


def test_record_round_trip_and_same_id_is_a_no_op(sessions):
    record = visit()
    with sessions.begin() as s:
        assert save_extraction(s, record) is True
    with sessions.begin() as s:
        assert save_extraction(s, record) is False
    with sessions() as s:
        assert load_extraction(s, record.document.id) == record
        assert load_extraction(s, "sha256:" + "0" * 64) is None
    assert counts(sessions) == (1, 2)


def test_a_record_that_fails_leaves_nothing(sessions):
    broken = visit()
    broken.events[0].arguments[0].entity = "nobody"
    with pytest.raises(SpyglassError, match="unknown entities"), sessions.begin() as s:
        save_extraction(s, broken)
    assert counts(sessions) == (0, 0)
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(CorpusEntityRow)) == 0


def test_entities_link_across_documents_by_kb_id_or_folded_name(sessions):
    store_all(sessions, visit(), launch())
    with sessions() as s:
        kim = get_entity(s, "kim jong un")
        assert kim is not None and kim.documents == 2
        assert {"Kim Jong Un", "Kim Jong-un"} <= set(kim.names)
        assert [(c.role.value, c.event.type) for c in kim.claims] == [
            ("actor", EventType.TEST),
            ("visitor", EventType.VISIT),
        ]
        visit_claim = kim.claims[1].event.claim
        assert (visit_claim.certainty, [x.name for x in visit_claim.sources], visit_claim.cue) == (
            Certainty.certain,
            ["KCNA"],
            "reported",
        )
        assert kim.claims[0].event.claim.certainty is Certainty.unknown
        factory = get_entity(s, "sg:kp:february-8-general-machine-factory")
        assert factory is not None and factory.kb is not None and factory.kb.defense_linked
        assert get_entity(s, factory.entity.id) == factory
        assert get_entity(s, "Nobody Known") is None


@pytest.mark.parametrize(
    ("query", "kinds"),
    [
        ("launchers", ["document"]),
        ("Hwasong-18", ["entity", "document", "document"]),
        ("machine factory", ["entity", "document"]),
        ("tractor", []),
        ("!!!", []),
    ],
)
def test_search_finds_documents_and_entity_names(sessions, query, kinds):
    store_all(sessions, visit(), launch())
    with sessions() as s:
        page = search(s, query)
    assert sorted(h.kind for h in page.items) == sorted(kinds)
    assert page.total == len(kinds)
    for hit in page.items:
        assert hit.highlights, hit
        assert all(0 <= a < b <= len(hit.snippet) for a, b in hit.highlights)


def test_search_pages(sessions):
    store_all(sessions, visit(), launch())
    with sessions() as s:
        whole = search(s, "Hwasong")
        parts = search(s, "Hwasong", limit=1).items + search(s, "Hwasong", limit=2, offset=1).items
    assert [h.id for h in parts] == [h.id for h in whole.items]


def test_fts5_query_quotes_words_and_keeps_hyphenated_names_together():
    assert fts5_query('Hwasong-18 "launch" OR') == '"Hwasong 18" "launch" "OR"'
    assert fts5_query("*** ()") == ""


def test_events_filter_by_type_entity_date_and_certainty(sessions):
    store_all(sessions, visit(), launch())
    with sessions() as s:
        assert list_events(s).total == 3
        assert [e.type for e in list_events(s, type=EventType.TEST).items] == [EventType.TEST]
        assert list_events(s, entity="Hwasong-18").total == 2
        assert list_events(s, entity="no such thing").total == 0
        assert [e.type for e in list_events(s, date_from=date(2024, 1, 1)).items] == [
            EventType.VISIT,
            EventType.PRODUCTION,
        ]
        assert [e.type for e in list_events(s, date_to=date(2023, 12, 31)).items] == [EventType.TEST]
        assert [e.type for e in list_events(s, certainty=Certainty.probable).items] == [EventType.PRODUCTION]
        page = list_events(s, limit=1, offset=1)
        assert page.total == 3 and len(page.items) == 1


def test_timeline_orders_by_event_date_then_publication(sessions):
    store_all(sessions, visit(), launch())
    with sessions() as s:
        events = timeline(s)
        assert [e.type for e in events] == [EventType.TEST, EventType.VISIT, EventType.PRODUCTION]
        assert events[1].sentence.text.startswith("Kim Jong Un toured") and events[1].sentence.text.endswith(
            "reported."
        )
        assert [e.type for e in timeline(s, entity="February 8 General Machine Factory")] == [
            EventType.VISIT,
            EventType.PRODUCTION,
        ]


def test_delete_document_removes_its_rows_and_orphaned_entities(sessions):
    first, second = visit(), launch()
    store_all(sessions, first, second)
    with sessions.begin() as s:
        assert delete_document(s, first.document.id) is True
        assert delete_document(s, first.document.id) is False
    with sessions() as s:
        assert load_extraction(s, first.document.id) is None
        assert load_extraction(s, second.document.id) == second
        assert search(s, "launchers").total == 0
        assert get_entity(s, "KCNA") is None
        assert get_entity(s, "Hwasong-18") is not None
    assert counts(sessions) == (1, 1)


def test_listing_and_streaming_documents(sessions):
    first, second = visit(), launch()
    store_all(sessions, first, second)
    with sessions() as s:
        page = list_documents(s)
        assert page.total == 2
        assert {(d.title, d.entities, d.events) for d in page.items} == {
            ("Leader tours machine factory", 4, 2),
            ("Missile launch", 2, 1),
        }
        assert list(iter_extractions(s, batch_size=1)) == [first, second]
        assert list(iter_extractions(s, published_from=date(2024, 1, 1))) == [first]
        assert list(iter_extractions(s, ids=[second.document.id])) == [second]


@pytest.mark.parametrize(
    ("text", "word", "sentence"),
    [
        ("Kim visited the U.S. plant. Then he left.", "plant", "Kim visited the U.S. plant."),
        ("Title line\nBody starts here. More.", "Body", "Body starts here."),
        ('Mr. Lee said "it flew." Later.', "flew", 'Mr. Lee said "it flew."'),
        ("No end at all", "end", "No end at all"),
    ],
)
def test_sentence_around(text, word, sentence):
    at = text.index(word)
    assert sentence_around(text, at, at + len(word)).text == sentence


def test_processes_starting_together_migrate_once(db_url):
    code = "import sys; from spyglass.store.db import make_engine; from spyglass.store.schema import ensure_schema; "
    code += "ensure_schema(make_engine(sys.argv[1]))"
    starts = [subprocess.Popen([sys.executable, "-c", code, db_url], stderr=subprocess.PIPE) for _ in range(3)]
    with ThreadPoolExecutor(2) as pool:  # and threads of this process at the same time
        list(pool.map(ensure_schema, [make_engine(db_url), make_engine(db_url)]))
    assert [p.wait(timeout=120) for p in starts] == [0, 0, 0], [p.stderr.read() for p in starts if p.stderr]
    engine = make_engine(db_url)
    assert set(metadata().tables) <= set(inspect(engine).get_table_names())
    engine.dispose()
