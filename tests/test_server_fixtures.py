"""Hand-written records and a store-backed app for the server and web tests (imported by them; no tests here).

Texts are written for these tests; mentions are found by their surface strings so offsets are always right.
"""

from datetime import date
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from spyglass.model import (
    Argument,
    Certainty,
    Claim,
    DateSpan,
    Document,
    Entity,
    EntityType,
    Event,
    EventType,
    Extraction,
    Role,
    Source,
    Span,
)
from spyglass.server import Settings, create_app
from spyglass.store.records import save_extraction

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_TITLE = "<script>alert('title')</script>"
XSS_BOILERPLATE = "<a href=javascript:alert(2)>Share this</a>"


def spans(text: str, surface: str) -> list[Span]:
    """Every occurrence of `surface` in `text`."""
    found, at = [], text.find(surface)
    while at >= 0:
        found.append(Span(start=at, end=at + len(surface), text=surface))
        at = text.find(surface, at + 1)
    assert found, f"{surface!r} not in text"
    return found


def record(
    text: str,
    *,
    title: str,
    published: date,
    entities: list[tuple[str, EntityType, str]],
    events: list[dict[str, Any]],
    kb: dict[str, str] | None = None,
    boilerplate: tuple[str, ...] = (),
) -> Extraction:
    """An extraction of `text`: entities as (id, type, surface), events as dicts of trigger/args/date/claim."""
    document = Document.build(
        "test:" + title, text, title=title, outlet="Test Wire", published=published, boilerplate=list(boilerplate)
    )
    ents = [
        Entity(id=eid, name=surface, type=etype, kb_id=(kb or {}).get(eid), mentions=spans(text, surface))
        for eid, etype, surface in entities
    ]
    evs = [
        Event(
            id=f"v{i}",
            type=ev["type"],
            trigger=spans(text, ev["trigger"])[0],
            arguments=[Argument(role=role, entity=eid) for role, eid in ev["args"]],
            date=DateSpan(text=ev["date"][0], start=ev["date"][1], end=ev["date"][1]) if "date" in ev else None,
            claim=Claim(
                sources=[Source(name=name) for name in ev.get("sources", [])],
                certainty=ev.get("certainty", Certainty.certain),
                cue=ev.get("cue"),
            ),
        )
        for i, ev in enumerate(events, 1)
    ]
    return Extraction(document=document, entities=ents, events=evs)


VISIT = record(
    "Kim Jong Un visited the Kangdong Machine Plant on May 8, state media said. According to Yonhap, "
    "the Kangdong Machine Plant supplied launchers to the Korean People's Army.",
    title="Leader tours launcher plant",
    published=date(2024, 5, 10),
    entities=[
        ("e1", EntityType.PERSON, "Kim Jong Un"),
        ("e2", EntityType.FACILITY, "Kangdong Machine Plant"),
        ("e3", EntityType.ORGANIZATION, "Yonhap"),
        ("e4", EntityType.ORGANIZATION, "Korean People's Army"),
        ("e5", EntityType.WEAPON, "launchers"),
    ],
    events=[
        {
            "type": EventType.VISIT,
            "trigger": "visited",
            "args": [(Role.visitor, "e1"), (Role.site, "e2")],
            "date": ("May 8", date(2024, 5, 8)),
            "sources": ["state media"],
        },
        {
            "type": EventType.TRANSFER,
            "trigger": "supplied",
            "args": [(Role.supplier, "e2"), (Role.recipient, "e4"), (Role.item, "e5")],
            "certainty": Certainty.probable,
            "sources": ["Yonhap"],
            "cue": "According to",
        },
    ],
)
TEST = record(
    "North Korea tested a Hwasong-18 missile near Pyongyang on 1 November 2023, Japan's defence ministry said.",
    title="Missile test near the capital",
    published=date(2023, 11, 2),
    entities=[
        ("e1", EntityType.LOCATION, "North Korea"),
        ("e2", EntityType.WEAPON, "Hwasong-18"),
        ("e3", EntityType.LOCATION, "Pyongyang"),
    ],
    events=[
        {
            "type": EventType.TEST,
            "trigger": "tested",
            "args": [(Role.actor, "e1"), (Role.weapon, "e2"), (Role.site, "e3")],
            "date": ("1 November 2023", date(2023, 11, 1)),
            "sources": ["Japan's defence ministry"],
        }
    ],
)
HOSTILE = record(
    f"The firm {XSS_NAME} shipped <b>valves</b> to Nampo, a broker said.",
    title=XSS_TITLE,
    published=date(2024, 1, 15),
    boilerplate=(XSS_BOILERPLATE,),
    entities=[("e1", EntityType.ORGANIZATION, XSS_NAME), ("e2", EntityType.LOCATION, "Nampo")],
    events=[
        {
            "type": EventType.TRANSFER,
            "trigger": "shipped",
            "args": [(Role.supplier, "e1"), (Role.destination, "e2")],
            "certainty": Certainty.possible,
            "sources": ["a broker <i>x</i>"],
        }
    ],
)
RECORDS = (VISIT, TEST, HOSTILE)


def make_client(tmp_path: Path, seed: bool = True, db: str | None = None, **settings: Any) -> TestClient:
    """A TestClient over a fresh store (`db`, else SQLite in `tmp_path`), holding RECORDS when `seed`."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    app = create_app(Settings(db=db or f"sqlite:///{tmp_path / 'store.db'}", **settings))
    if seed:
        with app.state.sessionmaker.begin() as session:
            for rec in RECORDS:
                save_extraction(session, rec)
    return TestClient(app, base_url="http://localhost")
