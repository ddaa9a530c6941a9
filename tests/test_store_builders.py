"""Builders and fixtures for the store and analysis tests: extraction records from marked-up text, and databases.

`article("[Kim Jong Un](kim) visited ...", entities={"kim": ("Kim Jong Un", "PERSON")}, events=[...])` builds a
valid `Extraction` whose offsets come from the markup, so tests do not hinge on the evolving NLP.
"""

import os
import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.orm import sessionmaker

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
from spyglass.store.db import make_engine, make_sessionmaker
from spyglass.store.schema import ensure_schema

MARK = re.compile(r"\[([^\]]+)\]\((\w+)\)")


def event(
    type: str,
    trigger: str,
    *,
    on: str | None = None,
    until: str | None = None,
    sources: tuple[tuple[str, str | None], ...] = (),
    certainty: str = "certain",
    cue: str | None = None,
    attributes: dict[str, Any] | None = None,
    **roles: str | list[str],
) -> dict[str, Any]:
    """An event spec for `article`: roles name entity keys; `on`/`until` are ISO dates."""
    return dict(
        type=type,
        trigger=trigger,
        on=on,
        until=until or on,
        sources=sources,
        certainty=certainty,
        cue=cue,
        attributes=attributes or {},
        roles=roles,
    )


def article(
    marked: str,
    entities: dict[str, tuple[str, str] | tuple[str, str, str]],
    events: list[dict[str, Any]] = (),  # type: ignore[assignment]
    **meta: Any,
) -> Extraction:
    """An extraction record of `marked` text: `[surface](key)` marks a mention of entity `key`."""
    plain, mentions, at = [], {k: [] for k in entities}, 0
    for match in MARK.finditer(marked):
        plain.append(marked[at : match.start()])
        start = sum(map(len, plain))
        plain.append(match.group(1))
        mentions[match.group(2)].append(Span(start=start, end=start + len(match.group(1)), text=match.group(1)))
        at = match.end()
    plain.append(marked[at:])
    body = "".join(plain)
    meta.setdefault("source", f"test://{meta.get('title', 'article')}")
    document = Document.build(text=body, **meta)
    records = [
        Entity(id=key, name=spec[0], type=EntityType(spec[1]), kb_id=spec[2] if len(spec) > 2 else None, mentions=found)
        for key, spec in entities.items()
        if (found := mentions[key])
    ]
    built = []
    for i, spec in enumerate(events):
        start = body.index(spec["trigger"])
        arguments = [
            Argument(role=Role(role), entity=key)
            for role, keys in spec["roles"].items()
            for key in ([keys] if isinstance(keys, str) else keys)
        ]
        span = None
        if spec["on"]:
            span = DateSpan(
                text=spec["on"], start=date.fromisoformat(spec["on"]), end=date.fromisoformat(spec["until"])
            )
        built.append(
            Event(
                id=f"ev{i}",
                type=EventType(spec["type"]),
                trigger=Span(start=start, end=start + len(spec["trigger"]), text=spec["trigger"]),
                arguments=arguments,
                date=span,
                attributes=spec["attributes"],
                claim=Claim(
                    sources=[Source(name=n, entity=e) for n, e in spec["sources"]],
                    certainty=Certainty(spec["certainty"]),
                    cue=spec["cue"],
                ),
            )
        )
    return Extraction(document=document, entities=records, events=built)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A fresh empty database: a SQLite file, or a new schema on the PostgreSQL of `SPYGLASS_TEST_PG`."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    base = os.environ.get("SPYGLASS_TEST_PG")
    if not base:
        pytest.skip("SPYGLASS_TEST_PG is not set")
    schema = f"sg_test_{uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    ensure_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker:
    return make_sessionmaker(engine)


def store_all(sessions: sessionmaker, *records: Extraction) -> None:
    """Save each record in its own transaction, as ingest does."""
    from spyglass.store.records import save_extraction

    for record in records:
        with sessions.begin() as session:
            save_extraction(session, record)
