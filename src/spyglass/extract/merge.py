"""Overlap resolution of entity candidate spans: the longest span wins, then the highest-priority source
(knowledge-base gazetteer, then domain patterns, then statistical NER)."""

from spacy.tokens import Span

PRIORITY = ("gazetteer", "pattern")


def _rank(span: Span) -> int:
    kind = span.id_.split(":", 1)[0]
    return PRIORITY.index(kind) if kind in PRIORITY else len(PRIORITY)


def select(candidates: list[Span]) -> list[Span]:
    """Non-overlapping candidates in text order: longest first, then by source priority, then leftmost."""
    taken: list[Span] = []
    used: set[int] = set()
    for span in sorted(candidates, key=lambda s: (-len(s), _rank(s), s.start)):
        if not used & set(range(span.start, span.end)):
            taken.append(span)
            used.update(range(span.start, span.end))
    return sorted(taken, key=lambda s: s.start)
