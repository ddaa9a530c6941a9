"""From event candidates (one per trigger) to the document's events.

Reports restate: "the sale", "the materials were then shipped", a purpose clause "to steal secrets". So
candidates of one type fold together when their roles agree (same identity entity, no role filled
differently, no conflicting dates), keeping the best-attributed claim. A candidate missing its core roles is not
reported but lends its attribution to the specific events it announces ("reports of Kim providing guidance at a
number of factories" → each later factory visit by Kim). Coordinated split roles make one event each.
"""

from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Token

from spyglass.extract.event_lexicon import RoleSpec, event_lexicon
from spyglass.model import Certainty, Claim, DateSpan, EventType, Role

Roles = dict[Role, list[str]]
ANAPHOR_SENTENCES = 5  # "the launch" refers to an event told this many sentences before at most


@dataclass
class Candidate:
    """One trigger read as an event, before merging."""

    type: EventType
    trigger: Token
    roles: Roles
    claim: Claim
    date: DateSpan | None
    attributes: dict[str, Any] = field(default_factory=dict)
    anchored: Roles = field(default_factory=dict)


def complete(c: Candidate, spec: RoleSpec) -> bool:
    return all(any(c.roles.get(r) for r in group) for group in spec.require)


def compatible(a: Candidate, b: Candidate, spec: RoleSpec) -> bool:
    """No core role filled by both with disjoint entities (a party named by its country in one telling and by
    itself in the other, "shipped to North Korea" / "to a North Korean company", is the same party), no two
    resolved dates that do not overlap, and the same polarity (a denial is not the event it denies, a "may have"
    not the event asserted)."""
    if _polarity(a) != _polarity(b):
        return False
    for role in a.roles:
        if role in spec.core and b.roles.get(role) and not _same_party(a, b, role):
            return False
    da, db = a.date, b.date
    if da and db and da.start and db.start and da.end and db.end:
        return da.start <= db.end and db.start <= da.end
    return True


def _hand_over(a: Candidate, b: Candidate) -> bool:
    """One's recipient is the other's supplier and it got the goods from a named supplier: two transactions ("X
    bought it from Y and shipped it to Iran"). Bought from no one named, it is one procurement chain ("X bought
    the parts and shipped them to Iran")."""

    def gives(x: Candidate, y: Candidate) -> bool:
        passed_on = set(x.roles.get(Role.recipient, ())) & set(y.roles.get(Role.supplier, ()))
        return bool(passed_on) and bool(set(x.roles.get(Role.supplier, ())) - passed_on)

    return gives(a, b) or gives(b, a)


def _polarity(c: Candidate) -> int:
    """How far a telling commits to the event: asserted (certain, probable), open (possible, unknown) or denied.
    Tellings that differ in this are different claims, not one event told twice."""
    return {Certainty.negated: 0, Certainty.possible: 1, Certainty.unknown: 1}.get(c.claim.certainty, 2)


def _same_party(a: Candidate, b: Candidate, role: Role) -> bool:
    """Both fill `role` with a shared entity, or one's entity is the other's place for that party."""
    mine, theirs = set(a.roles[role]), set(b.roles[role])
    place = event_lexicon().places.get(role)
    if mine & theirs:
        return True
    return place is not None and bool(mine & set(b.roles.get(place, ())) or theirs & set(a.roles.get(place, ())))


def same_event(a: Candidate, b: Candidate, spec: RoleSpec) -> bool:
    """Same type, sharing an identity entity in one sentence (the hops of one chain), or compatible and either
    sharing an identity entity, or one of them names no identity entity
    and is told in the same sentence ("six nuclear tests ..., when it said it had detonated a hydrogen bomb") or
    restates the other ("Pakistan flight-tested a missile" ... "the launch of the Ababeel by Pakistan")."""
    if a.type is not b.type:
        return False
    shared = any(_own(a, r) & _own(b, r) for r in spec.identity)
    if shared and a.trigger.sent == b.trigger.sent and _polarity(a) == _polarity(b) and not _hand_over(a, b):
        return True  # legs of one chain ("shipped it to Riga, where B sent it on to C")
    if not compatible(a, b, spec):
        return False
    if shared:
        return True
    if a.trigger.sent == b.trigger.sent:
        return not any(a.roles.get(r) for r in spec.identity) or not any(b.roles.get(r) for r in spec.identity)
    return _restates(a, b, spec) or _restates(b, a, spec)


def _own(c: Candidate, role: Role) -> set[str]:
    """The entities of a role without the places anchored to them ("in Tokchon")."""
    return set(c.roles.get(role, ())) - set(c.anchored.get(role, ()))


def _restates(vague: Candidate, full: Candidate, spec: RoleSpec) -> bool:
    """`vague` names no identity entity and every core entity it names is in `full`: it tells less of the same."""
    core = {r: set(ids) for r, ids in vague.roles.items() if r in spec.core}
    if not core or any(vague.roles.get(r) for r in spec.identity):
        return False
    return all(ids <= set(full.roles.get(r, ())) for r, ids in core.items())


def fold(into: Candidate, other: Candidate) -> None:
    """Merge `other` into `into`: union of roles (a party that passes the goods on is their supplier, not a
    recipient), first date, the longer attribution chain, all attributes."""
    for role, ids in other.roles.items():
        into.roles[role] = list(dict.fromkeys([*into.roles.get(role, []), *ids]))
    suppliers = set(into.roles.get(Role.supplier, ()))
    if suppliers and into.roles.get(Role.recipient):
        into.roles[Role.recipient] = [i for i in into.roles[Role.recipient] if i not in suppliers]
    into.date = into.date or other.date
    if len(other.claim.sources) > len(into.claim.sources):
        into.claim = other.claim
    into.attributes = {**other.attributes, **into.attributes}


def _umbrella(c: Candidate, partials: list[Candidate], spec: RoleSpec) -> Claim | None:
    """The attribution of an earlier partial event that announces this one (same type, its roles a subset)."""
    for p in reversed(partials):
        if p.type is not c.type or p.trigger.i > c.trigger.i or not p.claim.sources:
            continue
        if any(p.roles.get(r) for r in spec.identity):
            continue
        if p.roles and all(set(ids) <= set(c.roles.get(r, ())) for r, ids in p.roles.items()):
            return p.claim
    return None


def _split(c: Candidate, spec: RoleSpec) -> list[Candidate]:
    for role in spec.split:
        place = c.anchored.get(role, [])
        ids = [i for i in c.roles.get(role, []) if i not in place]
        if len(ids) > 1:
            parts = [replace(c, roles={**c.roles, role: [i, *place]}) for i in ids]
            return [x for part in parts for x in _split(part, spec)]
    return [c]


def _anaphor(c: Candidate, spec: RoleSpec) -> bool:
    """ "the flight", "the sale": a definite event noun naming no identity entity refers back to an event told."""
    t = c.trigger
    definite = t.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in t.children)
    described = any(d.dep_ in ("amod", "nummod", "nmod") for d in t.children) or c.date is not None
    return definite and not described and not any(c.roles.get(r) for r in spec.identity)


def _fold_anaphors(whole: list[Candidate], specs: dict[EventType, RoleSpec]) -> list[Candidate]:
    """Fold each anaphoric event into the latest event of its type told in the few sentences before it."""
    kept: list[Candidate] = []
    for c in whole:
        doc, start = c.trigger.doc, c.trigger.sent.start
        for _ in range(ANAPHOR_SENTENCES):
            start = doc[max(0, start - 1)].sent.start
        host = next((k for k in reversed(kept) if k.type is c.type and k.trigger.i >= start), None)
        if host is not None and _anaphor(c, specs[c.type]):
            fold(host, c)
        else:
            kept.append(c)
    return kept


def merge(candidates: list[Candidate], specs: dict[EventType, RoleSpec]) -> list[Candidate]:
    """The document's events from its candidates, in text order."""
    whole: list[Candidate] = []
    partials: list[Candidate] = []
    for c in candidates:
        (whole if complete(c, specs[c.type]) else partials).append(c)
    for p in partials:
        host = next(
            (
                w
                for w in whole
                if w.type is p.type
                and w.trigger.sent == p.trigger.sent
                and compatible(w, p, specs[w.type])
                and p.trigger in w.trigger.subtree
            ),
            None,
        )
        if host is not None:
            fold(host, p)
    whole = _fold_anaphors(whole, specs)
    events: list[Candidate] = []
    for c in [x for w in whole for x in _split(w, specs[w.type])]:
        spec = specs[c.type]
        if not c.claim.sources and (claim := _umbrella(c, partials, spec)) is not None:
            c.claim = Claim(sources=claim.sources, certainty=c.claim.certainty, cue=c.claim.cue or claim.cue)
        hosts = [e for e in events if same_event(e, c, spec)]
        host = next((e for e in hosts if e.trigger.sent == c.trigger.sent), hosts[0] if hosts else None)
        if host is None:
            events.append(c)
        else:
            fold(host, c)
    return _settle(events, specs)


def _settle(events: list[Candidate], specs: dict[EventType, RoleSpec]) -> list[Candidate]:
    """Fold events that a merge has made the same ("X bought the parts ... and shipped them to Y" joined into one
    chain now restates "X exported the parts to Y"), until none is left to fold."""
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(events):
            other = next((b for b in events[i + 1 :] if same_event(a, b, specs[a.type])), None)
            if other is not None:
                fold(a, other)
                events.remove(other)
                merged = True
                break
    return events
