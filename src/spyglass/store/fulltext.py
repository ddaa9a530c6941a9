"""Full-text search over document text and entity names: SQLite FTS5 or PostgreSQL tsvector, one `search()`.

The index objects are created by the migrations (dialect-guarded). On SQLite the `search_index` FTS5 table is
written explicitly when a document or entity is stored; on PostgreSQL a generated `tsv` column and an expression
index keep themselves up to date.
"""

import re

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from spyglass.errors import SpyglassError
from spyglass.model import Document
from spyglass.store.tables import DocumentRow
from spyglass.store.views import SearchHit, SearchPage

START, STOP = "\x01", "\x02"
SNIPPET_TOKENS = 24


def _dialect(session: Session) -> str:
    name = session.get_bind().dialect.name
    if name not in ("sqlite", "postgresql"):
        raise SpyglassError(f"unsupported database {name!r}: use SQLite or PostgreSQL")
    return name


def index_document(session: Session, document: Document) -> None:
    if _dialect(session) == "sqlite":
        session.execute(
            text("INSERT INTO search_index (kind, ref, title, body) VALUES ('document', :ref, :title, :body)"),
            {"ref": document.id, "title": document.title or "", "body": document.text},
        )


def index_entity(session: Session, entity_id: str, name: str) -> None:
    if _dialect(session) == "sqlite":
        session.execute(
            text("INSERT INTO search_index (kind, ref, title, body) VALUES ('entity', :ref, :name, :name)"),
            {"ref": entity_id, "name": name},
        )


def unindex(session: Session, refs: list[str]) -> None:
    if refs and _dialect(session) == "sqlite":
        for ref in refs:
            session.execute(text("DELETE FROM search_index WHERE ref = :ref"), {"ref": ref})


def fts5_query(query: str) -> str:
    """A user query as an FTS5 expression: every word required; hyphenated words ("Hwasong-14") as phrases."""
    phrases = [" ".join(re.findall(r"\w+", chunk)) for chunk in query.split()]
    return " ".join(f'"{p}"' for p in phrases if p)


def _highlighted(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip the START/STOP markers from a snippet and return the plain text with the marked offsets."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    size, opened = 0, None
    for part in re.split(f"([{START}{STOP}])", snippet):
        if part == START:
            opened = size
        elif part == STOP and opened is not None:
            spans.append((opened, size))
            opened = None
        else:
            plain.append(part)
            size += len(part)
    return "".join(plain), spans


def _search_sqlite(session: Session, query: str, limit: int, offset: int) -> tuple[int, list[tuple]]:
    match = fts5_query(query)
    if not match:
        return 0, []
    total = session.execute(text("SELECT count(*) FROM search_index WHERE search_index MATCH :q"), {"q": match})
    # ORDER BY rank alone lets FTS5 sort internally and build snippets for the returned page only.
    page = session.execute(
        text(
            "SELECT kind, ref, title, snippet(search_index, 3, :a, :b, '…', :n), -rank FROM search_index"
            " WHERE search_index MATCH :q ORDER BY rank LIMIT :limit OFFSET :offset"
        ),
        {"q": match, "a": START, "b": STOP, "n": SNIPPET_TOKENS, "limit": limit, "offset": offset},
    ).all()
    untitled = [ref for kind, ref, title, *_ in page if not title]
    sources = dict(
        session.execute(select(DocumentRow.id, DocumentRow.source).where(DocumentRow.id.in_(untitled))).all()
    )
    return total.scalar_one(), [(k, ref, title or sources.get(ref, ref), sn, sc) for k, ref, title, sn, sc in page]


_PG_MATCHES = """
SELECT 'document' AS kind, d.id AS ref, coalesce(d.title, d.source) AS title, ts_rank(d.tsv, q.dq) AS score
FROM documents d, q WHERE d.tsv @@ q.dq
UNION ALL
SELECT 'entity', e.id, e.name, 2 * ts_rank(to_tsvector('simple', e.name), q.eq)
FROM corpus_entities e, q WHERE to_tsvector('simple', e.name) @@ q.eq
"""
_PG_QUERY = "WITH q AS (SELECT websearch_to_tsquery('english', :q) AS dq, websearch_to_tsquery('simple', :q) AS eq) "


def _search_postgresql(session: Session, query: str, limit: int, offset: int) -> tuple[int, list[tuple]]:
    params = {"q": query, "limit": limit, "offset": offset}
    total = session.execute(text(f"{_PG_QUERY} SELECT count(*) FROM ({_PG_MATCHES}) m"), params).scalar_one()
    page = session.execute(
        text(f"{_PG_QUERY} SELECT * FROM ({_PG_MATCHES}) m ORDER BY score DESC, ref LIMIT :limit OFFSET :offset"),
        params,
    ).all()
    options = f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_TOKENS}, MinWords=8, MaxFragments=2"
    headlines = {
        "document": "SELECT ts_headline('english', text, websearch_to_tsquery('english', :q), :opts)"
        " FROM documents WHERE id = :ref",
        "entity": "SELECT ts_headline('simple', name, websearch_to_tsquery('simple', :q), :opts)"
        " FROM corpus_entities WHERE id = :ref",
    }
    rows = []
    for kind, ref, title, score in page:
        snippet = session.execute(text(headlines[kind]), {"q": query, "opts": options, "ref": ref}).scalar_one()
        rows.append((kind, ref, title, snippet, float(score)))
    return total, rows


def search(session: Session, query: str, limit: int = 20, offset: int = 0) -> SearchPage:
    """Documents and entities matching `query`, best first, with highlighted snippets."""
    backend = _search_sqlite if _dialect(session) == "sqlite" else _search_postgresql
    total, rows = backend(session, query, limit, offset)
    hits = []
    for kind, ref, title, snippet, score in rows:
        plain, spans = _highlighted(snippet or "")
        hits.append(SearchHit(kind=kind, id=ref, title=title or ref, snippet=plain, highlights=spans, score=score))
    return SearchPage(query=query, total=total, items=hits)
