"""Event component: sets `doc._.sg_events` (contract `Event`s whose arguments point at entity cluster ids).

Per sentence: triggers (triggers.py) → slots (slots.py) → roles (roles.py) → claim (claims.py) → date
(dates.py) → stated attributes (event_attributes.py); then the document's candidates merge (event_merge.py).
It reads the entity clusters the entity component left on `doc._.sg_entities`, so it must run last. Without a
dependency parse it falls back to a sentence window and marks each event `attributes["parse"] = "window"`.
"""

from spacy.language import Language
from spacy.tokens import Doc

from spyglass.extract.claims import Discourse, claim_for, note_sentence
from spyglass.extract.dates import DateExpr, date_of, find_dates, published_of
from spyglass.extract.entity_index import EntityIndex
from spyglass.extract.entity_ref import EntityCluster, entities_of
from spyglass.extract.event_attributes import cues, declarations, stated_attributes
from spyglass.extract.event_lexicon import EventLexicon, claim_lexicon, date_lexicon, event_lexicon
from spyglass.extract.event_merge import Candidate, merge
from spyglass.extract.roles import assign
from spyglass.extract.slots import is_irrealis, is_specific, parse_slots, window_slots
from spyglass.extract.triggers import Trigger, find_triggers, is_parsed
from spyglass.model import Argument, EntityType, Event, EventType, Role, Span

SITUATING = frozenset({"from", "at", "on"})


@Language.factory("spyglass_events", default_config={"window_fallback": True})
def make_events(nlp: Language, name: str, window_fallback: bool) -> "EventComponent":
    return EventComponent(window_fallback)


class EventComponent:
    """Finds the events of a document; the lexicons are loaded once, at construction."""

    def __init__(self, window_fallback: bool = True) -> None:
        self.lex = event_lexicon()
        claim_lexicon()
        date_lexicon()
        self.window_fallback = window_fallback

    def __call__(self, doc: Doc) -> Doc:
        parsed = is_parsed(doc)
        doc._.sg_events = []
        if not parsed and not self.window_fallback:
            return doc
        index = EntityIndex(entities_of(doc))
        dates = [d for d in find_dates(doc.text, published_of(doc)) if not _in_name(d, doc, index)]
        state = Discourse(index)
        triggers = find_triggers(doc)
        candidates: list[Candidate] = []
        for sent in doc.sents:
            for trigger in (t for t in triggers if sent.start <= t.token.i < sent.end):
                traded = frozenset(
                    i for c in candidates if c.type is EventType.TRANSFER for i in c.roles.get(Role.item, [])
                )
                candidate = self._candidate(trigger, index, state, dates, parsed, traded)
                if candidate is not None:
                    candidates.append(candidate)
            note_sentence(sent, state)
        events = merge(candidates, self.lex.specs)
        _attach_declarations(doc, events)
        doc._.sg_events = [self._event(k, c) for k, c in enumerate(events, 1)]
        return doc

    def _candidate(
        self,
        trigger: Trigger,
        index: EntityIndex,
        state: Discourse,
        dates: list[DateExpr],
        parsed: bool,
        traded: frozenset[str],
    ) -> Candidate | None:
        lex: EventLexicon = self.lex
        spec = lex.specs[trigger.sense.type]
        if parsed:
            if is_irrealis(trigger, lex) or (not spec.participles and _participle(trigger)):
                return None
            slots = parse_slots(trigger, lex)
            if not is_specific(trigger, slots):
                return None
        else:
            slots = window_slots(trigger, index)
        roles, anchored = assign(slots, trigger.sense.frame, spec, index, parsed, traded)
        _add_places(roles, index, trigger, lex)
        _producing_site(roles, index)
        attributes = {**trigger.sense.attributes, **stated_attributes(trigger.token)}
        if not parsed:
            attributes["parse"] = "window"
        return Candidate(
            type=trigger.sense.type,
            trigger=trigger.token,
            roles=roles,
            claim=claim_for(trigger.token, state),
            date=date_of(trigger.token, dates, _announcers(trigger, roles, index) if spec.announced else frozenset()),
            attributes=attributes,
            anchored=anchored,
        )

    @staticmethod
    def _event(k: int, c: Candidate) -> Event:
        t = c.trigger
        return Event(
            id=f"ev{k}",
            type=c.type,
            trigger=Span(start=t.idx, end=t.idx + len(t.text), text=t.text),
            arguments=[Argument(role=r, entity=i) for r, ids in c.roles.items() for i in ids],
            date=c.date,
            attributes=c.attributes,
            claim=c.claim,
        )


def _announcers(trigger: Trigger, roles: dict[Role, list[str]], index: EntityIndex) -> frozenset[int]:
    """Verbs above the trigger whose subject is one of the event's parties: they announce their own act."""
    parties = {i for ids in roles.values() for i in ids}
    return frozenset(
        v.i
        for v in trigger.token.ancestors
        if v.pos_ == "VERB" and any(c.dep_ == "nsubj" and _id(index.cluster(c)) in parties for c in v.children)
    )


def _id(cluster: EntityCluster | None) -> str | None:
    return cluster.id if cluster is not None else None


def _in_name(d: DateExpr, doc: Doc, index: EntityIndex) -> bool:
    """A date inside an entity's name ("the March 16 Factory") dates nothing."""
    span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
    return span is not None and any(t.i in index.at for t in span)


def _participle(trigger: Trigger) -> bool:
    """A participle describing a noun ("chips made by X"), unless it is placed or timed as a happening ("an
    interceptor launched from Plesetsk on November 15")."""
    t = trigger.token
    situated = any(c.dep_ == "prep" and c.lower_ in SITUATING for c in t.children)
    return t.dep_ == "acl" and t.tag_ == "VBN" and not situated


def _attach_declarations(doc: Doc, events: list[Candidate]) -> None:
    """What goods were declared as goes to the latest transfer stated before it (or in its sentence)."""
    starts = {sent.start: k for k, sent in enumerate(doc.sents)}
    reach = cues().reach
    for k, text in declarations(doc):
        before = [e for e in events if e.type is EventType.TRANSFER and 0 <= k - starts[e.trigger.sent.start] <= reach]
        if before:
            before[-1].attributes.setdefault("declared_as", text)


def _producing_site(roles: dict[Role, list[str]], index: EntityIndex) -> None:
    """A plant that makes something is also where it is made: a FACILITY producer fills an empty site."""
    if Role.site in roles or not roles.get(Role.producer):
        return
    plants = [i for i in roles[Role.producer] if index.types.get(i) is EntityType.FACILITY]
    if plants:
        roles[Role.site] = plants


def _add_places(roles: dict[Role, list[str]], index: EntityIndex, trigger: Trigger, lex: EventLexicon) -> None:
    """A country that is a party, or is named inside a party's phrase ("North Korea's trading company"), also fills
    the party's place role (supplier → origin, recipient → destination)."""
    for party, place in lex.places.items():
        if roles.get(place) or not roles.get(party) or place not in lex.specs[trigger.sense.type].types:
            continue
        located = [i for i in roles[party] if index.types.get(i) is EntityType.LOCATION]
        if located:
            roles[place] = located
            continue
        sent = trigger.token.sent
        for cluster_id in roles[party]:
            mentions = [m for c, m in index.mentions_in(sent) if c.id == cluster_id]
            for m in mentions:
                near = [c for t in m.root.children for c in [index.cluster(t)] if c is not None and c.id != cluster_id]
                inside = [c for c in index.nested(m) if c.id != cluster_id]
                places = [c.id for c in near + inside if c.type is EntityType.LOCATION]
                if places:
                    roles[place] = places[:1]
