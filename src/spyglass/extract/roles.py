"""Event roles: which entity fills which role of a trigger, from its slots (slots.py).

A slot's head stands for an entity when a mention covers it, or through its conjuncts ("visited A and B"), an
apposition's anchor, a pronoun's referent, an entity named inside its phrase ("the materials, including tungsten
and ..."), or the other side of a copula ("Among the sites Kim visited was X"); an item slot whose head only
refers back ("shipped the machines", "sold them") takes the latest item named before. Each slot lists candidate roles
(frames.yaml); an entity takes the first whose type constraint (roles.yaml) it meets.
"""

from dataclasses import dataclass

from spacy.tokens import Span, Token

from spyglass.extract.entity_index import EntityIndex
from spyglass.extract.entity_ref import EntityCluster
from spyglass.extract.event_lexicon import Frame, RoleSpec, event_lexicon
from spyglass.extract.slots import PLACE_PREPS, Slots
from spyglass.model import EntityType, Role

PERSON_HEADS = frozenset(event_lexicon().person_heads)
ITEM_ANAPHORS = event_lexicon().item_anaphors
WEAPON_ANAPHORS = event_lexicon().weapon_anaphors
QUANTIFIERS = event_lexicon().quantifiers
CONTAINERS = event_lexicon().containers
ANAPHOR_DETS = frozenset({"the", "these", "those", "such", "any", "their", "its"})
ANAPHOR_REACH = 120  # tokens back: a few sentences
GOODS = frozenset({EntityType.ITEM, EntityType.WEAPON})
# "nummod": a designator the tagger read as a number ("Su-35 jets")
SEARCH_DEPS = frozenset({"prep", "pobj", "appos", "conj", "compound", "amod", "nmod", "poss", "nummod"})
SEARCH_PREPS = frozenset({"of", "including", "like", "such", "as", "at", "from", "with", "in", "to", "on", "about"})
RELATIONAL = frozenset(
    {"relate", "link", "concern", "pertain", "connect", "involve", "include", "work", "operate", "know"}
)
QUALIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
PARTIES = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})
LOC = EntityType.LOCATION


@dataclass(frozen=True)
class Filler:
    """An entity found for a slot; `qualifier` when it only modifies the slot's head ("a Chinese firm")."""

    cluster: EntityCluster
    qualifier: bool = False


def _search(head: Token, index: EntityIndex) -> list[Filler]:
    """Entities named inside a phrase whose head is not one ("the materials, including tungsten and ...")."""
    frontier, depth_found = [(head, False)], []
    for _ in range(4):
        nxt = []
        for tok, qual in frontier:
            for c in tok.children:
                person = tok.lemma_.lower() in PERSON_HEADS
                if c.dep_ == "prep" and c.lower_ == "of" and person:
                    continue
                if c.dep_ == "prep" and c.lower_ == "for" and person:
                    nxt.append((c, qual))
                    continue
                relational = (c.dep_ == "acl" and c.lemma_ in RELATIONAL) or (
                    c.dep_ == "prep" and tok.dep_ == "acl" and tok.lemma_ in RELATIONAL
                )
                if not relational and (
                    c.dep_ not in SEARCH_DEPS or (c.dep_ == "prep" and c.lower_ not in SEARCH_PREPS)
                ):
                    continue
                q = qual or c.dep_ in QUALIFIER_DEPS or (c.dep_ == "prep" and c.lower_ in PLACE_PREPS)
                cluster = index.cluster(c)
                if cluster is not None:
                    depth_found.append(Filler(cluster, q))
                    depth_found += [Filler(x, q) for j in c.conjuncts if (x := index.cluster(j)) is not None]
                else:
                    nxt.append((c, q))
        if depth_found:
            return depth_found
        frontier = nxt
    return []


def _copula_other(token: Token) -> list[Token]:
    """ "Among the sites Kim visited was X" / "The site he visited was X": X for "sites"."""
    be = token.head.head if token.dep_ == "pobj" else token.head
    if be.lemma_ != "be" or (token.dep_ == "pobj" and token.head.head.i == token.head.i):
        return []
    mine = token.head if token.dep_ == "pobj" else token
    others = [c for c in be.children if c.dep_ in ("nsubj", "attr") and c.i != mine.i]
    return [x for o in others for x in (o, *o.conjuncts)]


def fillers(heads: list[Token], index: EntityIndex, parsed: bool) -> list[Filler]:
    """The entities a slot's heads stand for, with their conjuncts ("visited A and B")."""
    out: list[Filler] = []
    for head in heads:
        for h in [head, *head.conjuncts] if parsed else [head]:
            cluster = index.cluster(h) or index.referent(h)
            if cluster is not None:
                out.append(Filler(cluster))
            elif parsed and h.dep_ == "appos" and (anchor := index.cluster(h.head)) is not None:
                out.append(Filler(anchor))
            elif parsed and (named := _named_after(h, index)) is not None:
                out.append(Filler(named))
            elif parsed:
                out += _search(h, index) or [Filler(c) for o in _copula_other(h) if (c := index.cluster(o))]
    return out


def _named_after(noun: Token, index: EntityIndex) -> EntityCluster | None:
    """ "to the North Korean vessel Yu Jong 2", "the firm Hexon Trading": a common noun right before a name is
    that name, however the parser attached it."""
    if noun.pos_ != "NOUN" or not noun.is_lower or noun.i + 1 >= len(noun.doc):
        return None
    found = index.at.get(noun.i + 1)
    if found is None or found[1].start != noun.i + 1 or found[1].root.dep_ in ("nsubj", "nsubjpass"):
        return None  # "the sites Kim visited": the name starts a clause of its own
    return found[0]


def _quoted(mention: Span) -> bool:
    """The mention stands inside quotation marks opened earlier in its sentence."""
    before = mention.doc.text[mention.sent.start_char : mention.start_char]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _antecedent_item(head: Token, index: EntityIndex, traded: frozenset[str]) -> list[Filler]:
    """ "shipped the machines", "sold them", "some of the machines", "the oil", "300 consignments": the latest
    goods named before a definite head (or a pronoun, or a container noun) with the same head word; for a
    general goods word, else the latest goods already `traded` in an event told before, else the latest item (a
    pronoun: item or weapon; a general weapon word such as "the aircraft": weapon). Words in quotation marks
    ("relabelled as 'spare parts'") name no goods."""
    if head.lower_ in QUANTIFIERS:
        head = next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children), head)
    word = head.lower_ if head.pos_ == "PRON" else head.lemma_.lower()
    definite = any(d.lower_ in ANAPHOR_DETS for d in head.children if d.dep_ in ("det", "poss"))
    if head.pos_ not in ("PRON", "NOUN") or not (definite or head.pos_ == "PRON" or word in CONTAINERS):
        return []
    before = [
        found
        for i in range(head.i - 1, max(-1, head.i - ANAPHOR_REACH), -1)
        if (found := index.at.get(i)) is not None and found[0].type in GOODS and not _quoted(found[1])
    ]
    same_head = [c for c, m in before if m.root.lemma_.lower() == word]
    if word in WEAPON_ANAPHORS:
        return [Filler(c) for c in (same_head or [c for c, _ in before if c.type is EntityType.WEAPON])[:1]]
    if word not in ITEM_ANAPHORS:
        return [Filler(c) for c in same_head[:1]]
    goods = [c for c, _ in before if c.type is EntityType.ITEM or head.pos_ == "PRON"]
    told = [c for c in goods if c.id in traded]
    return [Filler(c) for c in (same_head or told or goods)[:1]]


Roles = dict[Role, list[str]]


def _named_party(ids: list[str], index: EntityIndex) -> bool:
    """A role already held by a person or an organisation."""
    return any(index.types.get(i) in PARTIES for i in ids)


def assign(
    slots: Slots, frame: Frame, spec: RoleSpec, index: EntityIndex, parsed: bool, traded: frozenset[str] = frozenset()
) -> tuple[Roles, Roles]:
    """Role -> entity ids: each entity takes the first candidate role of its slot that admits its type (`traded`:
    the goods of the events told before, which goods anaphors prefer). Places
    ("in Tokchon", "near Tehran") come last; one that joins a role already filled ("the Sungri Motor Complex in
    Tokchon") is returned apart, as anchored: it goes with every event a split makes of that role."""
    roles: Roles = {}
    anchored: Roles = {}
    used: set[str] = set()
    places = [f"place:{p}" for p in PLACE_PREPS if p in frame.preps]
    order = ["subject", "object", "dative", "poss", "of", "modifier", *("prep:" + p for p in frame.preps)]
    for slot in [*order, "complement", *places]:
        candidates = frame.preps.get(slot[6:] if slot.startswith("place:") else slot[5:], ())
        if not slot.startswith(("prep:", "place:")):
            candidates = frame.roles(slot)
        found = fillers(slots.get(slot, []), index, parsed and slot != "complement")
        if not found and parsed and slot in ("subject", "object") and Role.item in candidates:
            found = [f for h in slots.get(slot, []) for f in _antecedent_item(h, index, traded)]
        for f in found:
            if f.cluster.id in used:
                continue
            for role in candidates:
                types = spec.types.get(role, frozenset())
                if f.cluster.type not in types or (f.qualifier and f.cluster.type is LOC and types & PARTIES):
                    continue
                if f.cluster.type is LOC and types & PARTIES and _named_party(roles.get(role, []), index):
                    continue  # "Petrov shipped it from Texas": Texas is where from, Petrov the supplier
                if slot.startswith("place:") and roles.get(role):
                    anchored.setdefault(role, []).append(f.cluster.id)
                roles.setdefault(role, []).append(f.cluster.id)
                used.add(f.cluster.id)
                break
    return roles, anchored
