"""Corroboration: cluster events of different documents that describe one happening, then count who really says so.

Two events describe the same happening when they have the same type, a key role of that type (the item of a
transfer, the site of a visit: `data/analyse/corroboration.yaml`) is filled by the same resolved entity in both, no
role that both fill disagrees, and their dates overlap (or either is undated). Clusters join such pairs. A cluster's
documents collapse into independent sources when their texts are near duplicates (MinHash: syndicated or copied
copy) or when their events trace to the same original outlet (the outermost named source, else the publisher).
"""

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import combinations

from datasketch import MinHash
from sqlalchemy import select
from sqlalchemy.orm import Session

from spyglass.model import Certainty
from spyglass.packaged import data_yaml
from spyglass.store.identity import fold
from spyglass.store.queries import event_views
from spyglass.store.tables import ArgumentRow, ClaimRow, DocumentEntityRow, DocumentRow, EventRow
from spyglass.store.views import Cluster, EventView

NEAR_DUPLICATE = 0.7  # estimated Jaccard similarity of word shingles above which two texts are one source
SHINGLE = 3
PERMUTATIONS = 128
BATCH = 500
HUB = 200  # events sharing one role filler beyond which that filler alone is no evidence of one happening


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
    """Every event a document asserts (a denial does not corroborate), with its resolved role fillers."""
    events = {
        row.id: _Event(row.id, row.document_id, row.type, row.date_start, row.date_end or row.date_start)
        for row in session.execute(
            select(EventRow.id, EventRow.document_id, EventRow.type, EventRow.date_start, EventRow.date_end)
            .join(ClaimRow, ClaimRow.event_id == EventRow.id)
            .where(ClaimRow.certainty != Certainty.negated.value)
        )
    }
    for event_id, role, corpus_id in session.execute(
        select(ArgumentRow.event_id, ArgumentRow.role, DocumentEntityRow.corpus_entity_id).join(
            DocumentEntityRow, DocumentEntityRow.id == ArgumentRow.entity_id
        )
    ):
        if event_id in events:
            events[event_id].roles[role].add(corpus_id)
    return events


@cache
def key_roles() -> dict[str, frozenset[str]]:
    """Per event type, the roles that identify a happening (`data/analyse/corroboration.yaml`)."""
    return {kind: frozenset(roles) for kind, roles in data_yaml("analyse", "corroboration.yaml")["key_roles"].items()}


def same_happening(a: _Event, b: _Event) -> bool:
    """Same type, a key role filled by the same entity in both, no disagreeing role, overlapping (or missing) dates."""
    if a.document == b.document or a.type != b.type:
        return False
    shared = a.roles.keys() & b.roles.keys()
    if not (shared & key_roles()[a.type]) or any(not (a.roles[r] & b.roles[r]) for r in shared):
        return False
    if a.start and b.start:
        return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)
    return True


def _blocks(events: dict[str, _Event]) -> Iterator[list[str]]:
    """Candidate groups: events sharing a type and a key role filler; a hub filler (shared by more than HUB events,
    e.g. tungsten as the item of transfers) only groups events dated in the same month."""
    blocks: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for e in events.values():
        for role in e.roles.keys() & key_roles()[e.type]:
            for filler in e.roles[role]:
                blocks[(e.type, role, filler)].append(e.id)
    for members in blocks.values():
        if len(members) <= HUB:
            yield members
            continue
        months: dict[tuple[int, int], list[str]] = defaultdict(list)
        for event_id in members:
            if (start := events[event_id].start) is not None:
                months[(start.year, start.month)].append(event_id)
        yield from months.values()


Interval = tuple[date, date] | None


def _shared_time(a: Interval, b: Interval) -> tuple[bool, Interval]:
    """Whether two clusters' times agree (an undated side always does), and the time they then share."""
    if a is None or b is None:
        return True, a or b
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return start <= end, (start, end)


def event_clusters(session: Session) -> list[list[str]]:
    """Groups of event ids (from at least two documents) that describe the same happening.

    A cluster keeps the time all its dated events share, so undated events cannot chain distinct dates together.
    """
    events = _load_events(session)
    joined = _UnionFind()
    times: dict[str, Interval] = {e.id: (e.start, e.end or e.start) if e.start else None for e in events.values()}
    for members in _blocks(events):
        for a, b in combinations(members, 2):
            ra, rb = joined.find(a), joined.find(b)
            if ra == rb or not same_happening(events[a], events[b]):
                continue
            agree, shared = _shared_time(times[ra], times[rb])
            if agree:
                joined.union(ra, rb)
                times[joined.find(ra)] = shared
    return [g for g in joined.groups(list(joined.parent)) if len({events[e].document for e in g}) > 1]


class _Signatures:
    """MinHash signatures of document texts, computed once per document and sharing one set of permutations."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.template = MinHash(num_perm=PERMUTATIONS)
        self.cache: dict[str, MinHash] = {}

    def __getitem__(self, document_id: str) -> MinHash:
        if document_id not in self.cache:
            text = self.session.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id)) or ""
            words = re.findall(r"\w+", text.lower())
            shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
            signature = MinHash(PERMUTATIONS, permutations=self.template.permutations, scheme=self.template.scheme)
            signature.update_batch([s.encode("utf-8") for s in shingles])
            self.cache[document_id] = signature
        return self.cache[document_id]


def _origins(events: list[EventView]) -> dict[str, set[str]]:
    """Per document: the original outlets its events trace to (outermost named source), else its publisher."""
    cited: dict[str, set[str]] = defaultdict(set)
    outlets: dict[str, str | None] = {}
    for event in events:
        outlets[event.document.id] = event.document.outlet
        named = next((s.entity.name for s in event.claim.sources if s.entity is not None), None)
        if named:
            cited[event.document.id].add(fold(named))
    return {d: cited[d] or ({fold(outlet)} if outlet else set()) for d, outlet in outlets.items()}


def independent_sources(events: list[EventView], signatures: _Signatures) -> tuple[list[list[str]], list[str]]:
    """The documents of a cluster grouped into independent sources, and the reason for each merge."""
    origins = _origins(events)
    documents = sorted(origins)
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
    groups = event_clusters(session)
    ids = [event_id for group in groups for event_id in group]
    views: dict[str, EventView] = {}
    for i in range(0, len(ids), BATCH):
        views.update((v.id, v) for v in event_views(session, ids[i : i + BATCH]))
    signatures = _Signatures(session)
    clusters = []
    for event_ids in groups:
        events = [views[e] for e in event_ids]
        sources, reasons = independent_sources(events, signatures)
        clusters.append(
            Cluster(
                id="clu:" + hashlib.sha256("\n".join(event_ids).encode()).hexdigest()[:32],
                type=events[0].type,
                events=events,
                documents=sorted({v.document.id for v in events}),
                independent_sources=len(sources),
                source_groups=sources,
                reasons=reasons,
            )
        )
    return sorted(clusters, key=lambda c: (-c.independent_sources, -len(c.documents), c.id))
