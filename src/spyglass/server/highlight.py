"""Cut a document's text into segments from entity-mention and event-trigger offsets, for the document view.

Each segment knows which entity covers it and which event triggers cover it, so the template can wrap it in one
element; overlapping spans never nest or break the markup. Text stays plain: the template escapes it.
"""

from dataclasses import dataclass
from itertools import pairwise

from spyglass.model import Entity, Extraction


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    entity: Entity | None = None
    mention: int | None = None  # start offset of the covering mention: tells one mention from another
    events: tuple[str, ...] = ()


def _clamp(start: int, end: int, size: int) -> tuple[int, int] | None:
    start, end = max(0, min(start, size)), max(0, min(end, size))
    return (start, end) if start < end else None


def segments(extraction: Extraction) -> list[Segment]:
    """The document text as consecutive segments; the longest covering mention names a segment's entity."""
    text = extraction.document.text
    size = len(text)
    mentions: list[tuple[int, int, Entity]] = []
    for entity in extraction.entities:
        for mention in entity.mentions:
            span = _clamp(mention.start, mention.end, size)
            if span:
                mentions.append((*span, entity))
    triggers: list[tuple[int, int, str]] = []
    for event in extraction.events:
        span = _clamp(event.trigger.start, event.trigger.end, size)
        if span:
            triggers.append((*span, event.id))
    cuts = sorted({0, size, *(p for s, e, _ in mentions for p in (s, e)), *(p for s, e, _ in triggers for p in (s, e))})
    mentions.sort(key=lambda m: m[0] - m[1])  # longest first
    out: list[Segment] = []
    for start, end in pairwise(cuts):
        cover = next(((s, ent) for s, e, ent in mentions if s <= start and end <= e), None)
        events = tuple(eid for s, e, eid in triggers if s <= start and end <= e)
        out.append(Segment(text[start:end], start, cover[1] if cover else None, cover[0] if cover else None, events))
    return out


def marked(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """`text` cut at the (start, end) `spans` into (part, is_hit) pairs, for `<mark>`ing search snippets."""
    parts: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(spans):
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        parts += [(text[at:start], False), (text[start:end], True)]
        at = end
    parts.append((text[at:], False))
    return [p for p in parts if p[0]]
