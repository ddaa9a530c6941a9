"""Corroboration: cluster events of different documents that describe one happening, then count who really says so.

Two events describe the same happening when they have the same type, share at least one resolved role filler, no
role that both fill disagrees, and their dates overlap (or either is undated). Clusters join such pairs. A cluster's
documents collapse into independent sources when their texts are near duplicates (MinHash: syndicated or copied
copy) or when their events trace to the same original outlet (the outermost named source, else the publisher).
"""

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from datasketch import MinHash
from sqlalchemy import select
from sqlalchemy.orm import Session

from spyglass.store.identity import fold
from spyglass.store.queries import event_views
from spyglass.store.tables import ArgumentRow, CorpusEntityRow, DocumentEntityRow, DocumentRow, EventRow, SourceRow
from spyglass.store.views import Cluster

NEAR_DUPLICATE = 0.7  # estimated Jaccard similarity of word shingles above which two texts are one source
SHINGLE = 3
PERMUTATIONS = 128


@dataclass
class _Event:
    id: str
    document: str
    type: str
    start: date | None
    end: date | None
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self, items: list[str]) -> list[list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for item in items:
            found[self.find(item)].append(item)
        return sorted(sorted(g) for g in found.values())


def _load_events(session: Session) -> dict[str, _Event]:
    events = {
        row.id: _Event(row.id, row.document_id, row.type, row.date_start, row.date_end or row.date_start)
        for row in session.execute(
            select(EventRow.id, EventRow.document_id, EventRow.type, EventRow.date_start, EventRow.date_end)
        )
    }
    for event_id, role, corpus_id in session.execute(
        select(ArgumentRow.event_id, ArgumentRow.role, DocumentEntityRow.corpus_entity_id).join(
            DocumentEntityRow, DocumentEntityRow.id == ArgumentRow.entity_id
        )
    ):
        events[event_id].roles[role].add(corpus_id)
    return events


def same_happening(a: _Event, b: _Event) -> bool:
    """Same type, some shared role filler, no disagreeing role, overlapping (or missing) dates."""
    if a.document == b.document or a.type != b.type:
        return False
    shared = a.roles.keys() & b.roles.keys()
    if not shared or any(not (a.roles[r] & b.roles[r]) for r in shared):
        return False
    if a.start and b.start:
        return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)
    return True


def event_clusters(session: Session) -> list[list[str]]:
    """Groups of event ids (from at least two documents) that describe the same happening."""
    events = _load_events(session)
    blocks: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for e in events.values():
        for role, fillers in e.roles.items():
            for filler in fillers:
                blocks[(e.type, role, filler)].append(e.id)
    joined = _UnionFind()
    for members in blocks.values():
        for a, b in combinations(members, 2):
            if joined.find(a) != joined.find(b) and same_happening(events[a], events[b]):
                joined.union(a, b)
    return [g for g in joined.groups(list(joined.parent)) if len({events[e].document for e in g}) > 1]


def _minhash(text: str) -> MinHash:
    words = re.findall(r"\w+", text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    signature = MinHash(num_perm=PERMUTATIONS)
    signature.update_batch([s.encode("utf-8") for s in shingles])
    return signature


def _origins(session: Session, event_ids: list[str]) -> dict[str, set[str]]:
    """Per document: the original outlets its events trace to (outermost named source), else its publisher."""
    docs = {
        doc_id: outlet
        for doc_id, outlet in session.execute(
            select(EventRow.document_id, DocumentRow.outlet)
            .join(DocumentRow, DocumentRow.id == EventRow.document_id)
            .where(EventRow.id.in_(event_ids))
        )
    }
    cited: dict[str, set[str]] = defaultdict(set)
    rows = session.execute(
        select(EventRow.document_id, SourceRow.event_id, SourceRow.position, CorpusEntityRow.name)
        .join(SourceRow, SourceRow.event_id == EventRow.id)
        .join(DocumentEntityRow, DocumentEntityRow.id == SourceRow.entity_id)
        .join(CorpusEntityRow, CorpusEntityRow.id == DocumentEntityRow.corpus_entity_id)
        .where(EventRow.id.in_(event_ids))
        .order_by(SourceRow.event_id, SourceRow.position)
    )
    first: dict[str, tuple[str, str]] = {}
    for doc_id, event_id, _pos, name in rows:
        first.setdefault(event_id, (doc_id, name))
    for doc_id, name in first.values():
        cited[doc_id].add(fold(name))
    return {d: cited[d] or ({fold(outlet)} if outlet else set()) for d, outlet in docs.items()}


def independent_sources(session: Session, event_ids: list[str]) -> tuple[list[list[str]], list[str]]:
    """The cluster's documents grouped into independent sources, and the reasons for each merge."""
    origins = _origins(session, event_ids)
    documents = sorted(origins)
    rows = session.execute(select(DocumentRow.id, DocumentRow.text).where(DocumentRow.id.in_(documents)))
    texts = {doc_id: text for doc_id, text in rows}
    signatures = {d: _minhash(texts[d]) for d in documents}
    joined, reasons = _UnionFind(), []
    for a, b in combinations(documents, 2):
        similarity = signatures[a].jaccard(signatures[b])
        if similarity >= NEAR_DUPLICATE:
            joined.union(a, b)
            reasons.append(f"{a} and {b} are near-duplicate texts (estimated Jaccard {similarity:.2f})")
        elif shared := origins[a] & origins[b]:
            joined.union(a, b)
            reasons.append(f"{a} and {b} trace to the same original outlet ({', '.join(sorted(shared))})")
    return joined.groups(documents), reasons


def corroborate(session: Session) -> list[Cluster]:
    """Every cluster of events reported by two or more documents, with its count of independent sources."""
    clusters = []
    for event_ids in event_clusters(session):
        views = event_views(session, event_ids)
        groups, reasons = independent_sources(session, event_ids)
        clusters.append(
            Cluster(
                id="clu:" + hashlib.sha256("\n".join(event_ids).encode()).hexdigest()[:32],
                type=views[0].type,
                events=views,
                documents=sorted({v.document.id for v in views}),
                independent_sources=len(groups),
                source_groups=groups,
                reasons=reasons,
            )
        )
    return sorted(clusters, key=lambda c: (-c.independent_sources, -len(c.documents), c.id))
