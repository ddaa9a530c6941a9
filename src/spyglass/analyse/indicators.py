"""Indicators: stored events that should make an analyst look closer, each with its evidence and a plain reason.

Every rule reads one `EventView` with the knowledge base and the cues of `data/analyse/indicators.yaml`; rules are
registered in `RULES`, so adding one is adding a function.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from spyglass.analyse.knowledge import KnowledgeIndex, knowledge
from spyglass.kb.record import KBRecord
from spyglass.model import EntityType, EventType, Role
from spyglass.packaged import data_yaml
from spyglass.store.identity import fold
from spyglass.store.queries import event_views
from spyglass.store.sentences import sentence_around
from spyglass.store.tables import DocumentEntityRow, DocumentRow, EventRow, MentionRow
from spyglass.store.views import EntityRef, EventView, Evidence, Indicator, IndicatorKind

BATCH = 500


@cache
def cues() -> dict[str, Any]:
    return data_yaml("analyse", "indicators.yaml")


@cache
def cue_pattern(name: str) -> re.Pattern[str]:
    """A case-insensitive pattern for any phrase of the cue list `name`, at word boundaries, hyphens as spaces."""
    phrases: list[str] = cues()[name]
    alternatives = sorted((r"[\s-]+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


@dataclass
class Context:
    """What the rules share: the session, the knowledge index, document texts and mentions (cached)."""

    session: Session
    kb: KnowledgeIndex
    texts: dict[str, str]

    def text(self, document_id: str) -> str:
        if document_id not in self.texts:
            self.texts[document_id] = self.session.get_one(DocumentRow, document_id).text
        return self.texts[document_id]

    def mentions(self, document_id: str, entity: EntityRef, others: bool = False) -> list[tuple[int, int]]:
        """Offsets of the entity's mentions in a document (with `others`: of every other entity's mentions)."""
        of_entity = DocumentEntityRow.corpus_entity_id == entity.id
        rows = self.session.execute(
            select(MentionRow.start, MentionRow.end)
            .join(DocumentEntityRow, DocumentEntityRow.id == MentionRow.entity_id)
            .where(DocumentEntityRow.document_id == document_id, ~of_entity if others else of_entity)
        )
        return [(start, end) for start, end in rows]

    def evidence(self, event: EventView, start: int, end: int) -> Evidence:
        text = self.text(event.document.id)
        sentence = sentence_around(text, start, end)
        return Evidence(document=event.document, sentence=sentence.text, start=start, end=end, text=text[start:end])

    def trigger(self, event: EventView) -> Evidence:
        return self.evidence(event, event.trigger.start, event.trigger.end)


def _flags(records: list[KBRecord]) -> str | None:
    """How the KB flags a party, in words ("listed (DPRK KPe.004, since 2009-07-16) and defense-linked"), or None."""
    flags = []
    for record in records:
        if record.list_type or record.listed_on or record.reference_number:
            listed = f"listed ({record.list_type or record.source}"
            listed += f" {record.reference_number}" if record.reference_number else ""
            flags.append(listed + (f", since {record.listed_on})" if record.listed_on else ")"))
    if any(r.defense_linked for r in records):
        flags.append("defense-linked")
    return " and ".join(dict.fromkeys(flags)) or None


def _controlled(records: list[KBRecord], item: EntityRef) -> str | None:
    """Why an item counts as controlled or dual-use (its KB control lists, or being a weapon), or None."""
    for record in records:
        if lists := record.properties.get("control_lists"):
            return f"{record.name}: {', '.join(lists)}"
        if record.type is EntityType.WEAPON or record.defense_linked:
            return f"{record.name}, marked defense-linked in {record.source}"
    return "a weapon or weapon component" if item.type is EntityType.WEAPON else None


def _names(ctx: Context, event: EventView, entity: EntityRef) -> list[str]:
    text = ctx.text(event.document.id)
    return [entity.name, *(text[s:e] for s, e in ctx.mentions(event.document.id, entity))]


def _civilian_cue(ctx: Context, event: EventView, site: EntityRef) -> re.Match[str] | None:
    """Words presenting the site as civilian, in the event's sentence or a sentence naming the site; a cue inside
    another entity's name ("the Kanggye Tractor Plant and the Precision Machine Plant") does not count."""
    text = ctx.text(event.document.id)
    mentions = ctx.mentions(event.document.id, site)
    places = [event.sentence, *(sentence_around(text, a, b) for a, b in mentions)]
    elsewhere = ctx.mentions(event.document.id, site, others=True)
    for place in places:
        for cue in cue_pattern("civilian_cues").finditer(text, place.start, place.end):
            if not any(a <= cue.start() < b for a, b in elsewhere):
                return cue
    return None


def civilian_cover(ctx: Context, event: EventView) -> Indicator | None:
    """A leader visits a facility the KB marks defense-linked while the report presents it as civilian."""
    if event.type is not EventType.VISIT:
        return None
    sites = [(site, r) for site in event.entities(Role.site) for r in ctx.kb.lookup(site) if r.defense_linked]
    if not sites:
        return None
    leader = cue_pattern("leader_cues")
    visitors = [v for v in event.entities(Role.visitor) if any(leader.search(n) for n in _names(ctx, event, v))]
    if not visitors and leader.search(event.sentence.text):
        visitors = event.entities(Role.visitor)
    for site, record in sites if visitors else []:
        if cue := _civilian_cue(ctx, event, site):
            why = record.notes or record.source_url or record.source
            return Indicator(
                kind=IndicatorKind.civilian_cover,
                reason=(
                    f"{visitors[0].name} visited {site.name}, which the knowledge base marks defense-linked "
                    f'({why}), while the report presents it as civilian ("{cue.group()}").'
                ),
                event_id=event.id,
                entities=[visitors[0], site],
                evidence=[ctx.trigger(event), ctx.evidence(event, cue.start(), cue.end())],
            )
    return None


def controlled_transfer(ctx: Context, event: EventView) -> Indicator | None:
    """A dual-use or controlled item goes to a party the KB lists or marks defense-linked."""
    if event.type is not EventType.TRANSFER:
        return None
    items = [(item, why) for item in event.entities(Role.item) if (why := _controlled(ctx.kb.lookup(item), item))]
    for role in (Role.recipient, Role.destination, Role.intermediary):
        for party in event.entities(role):
            flag = _flags(ctx.kb.lookup(party))
            if items and flag:
                item, why = items[0]
                return Indicator(
                    kind=IndicatorKind.controlled_transfer,
                    reason=f"Transfer of {item.name} ({why}) to {party.name} ({role.value}), which is {flag}.",
                    event_id=event.id,
                    entities=[item, party],
                    evidence=[ctx.trigger(event)],
                )
    return None


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in fold(text).split() if w not in cues()["stopwords"]}


def declaration_mismatch(ctx: Context, event: EventView) -> Indicator | None:
    """The goods were declared as one thing while the report names another."""
    declared = event.attributes.get("declared_as")
    items = event.entities(Role.item)
    if not isinstance(declared, str) or not items:
        return None
    if any(_content_words(declared) & _content_words(item.name) for item in items):
        return None
    evidence = [ctx.trigger(event)]
    text = ctx.text(event.document.id)
    if (at := text.lower().find(declared.lower())) >= 0:
        evidence.append(ctx.evidence(event, at, at + len(declared)))
    named = ", ".join(i.name for i in items)
    return Indicator(
        kind=IndicatorKind.declaration_mismatch,
        reason=f'Declared as "{declared}", but the report names {named}.',
        event_id=event.id,
        entities=items,
        evidence=evidence,
    )


def activity_after_listing(ctx: Context, event: EventView) -> Indicator | None:
    """An entity takes part in an event dated after the KB's listing date for it."""
    if event.type in (EventType.SANCTION, EventType.DECLARATION) or not event.date or not event.date.start:
        return None
    active = set(cues()["active_roles"])
    for argument in event.arguments:
        listed = [r for r in ctx.kb.lookup(argument.entity) if r.listed_on]
        record = min(listed, key=lambda r: r.listed_on or event.date.start, default=None)  # type: ignore[union-attr]
        if argument.role.value in active and record and record.listed_on and event.date.start > record.listed_on:
            return Indicator(
                kind=IndicatorKind.activity_after_listing,
                reason=(
                    f"{argument.entity.name} ({argument.role.value} of a {event.type.value.lower()} dated "
                    f"{event.date.start}) was listed on {record.listed_on} ({record.list_type or record.source})."
                ),
                event_id=event.id,
                entities=[argument.entity],
                evidence=[ctx.trigger(event)],
            )
    return None


RULES: list[Callable[[Context, EventView], Indicator | None]] = [
    civilian_cover,
    controlled_transfer,
    declaration_mismatch,
    activity_after_listing,
]


def _events(session: Session) -> Iterator[EventView]:
    ids = session.scalars(select(EventRow.id).order_by(EventRow.document_id, EventRow.position)).all()
    for i in range(0, len(ids), BATCH):
        yield from event_views(session, ids[i : i + BATCH])


def indicators(session: Session) -> list[Indicator]:
    """Every indicator the stored events raise, in document order."""
    ctx = Context(session=session, kb=knowledge(session), texts={})
    found = []
    for event in _events(session):
        found += [hit for rule in RULES if (hit := rule(ctx, event)) is not None]
        if len(ctx.texts) > BATCH:  # keep memory bounded on a large corpus
            ctx.texts.clear()
    return found
