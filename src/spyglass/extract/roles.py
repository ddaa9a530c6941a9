"""Event roles: which entity fills which role of a trigger.

With a dependency parse, a trigger's slots (subject, object, prepositional objects, possessor, of-argument,
modifiers) come from its children, repaired for passives, relative clauses ("the firm that smuggled ...",
"the sites Kim visited"), control ("began invading"), support verbs ("Kim oversaw the flight of ...") and
copulas ("X was the site of the launch"; "Among the sites Kim visited was X"). Without a parse, a sentence
window stands in: the nearest entity before the trigger is its subject, the ones after its object.
Each slot lists candidate roles (frames.yaml); an entity takes the first whose type constraint it meets.
"""

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Span, Token

from spyglass.extract.entity_ref import EntityCluster
from spyglass.extract.event_lexicon import EventLexicon, Frame, RoleSpec, event_lexicon
from spyglass.extract.triggers import Trigger, lemma_of
from spyglass.model import EntityType, Role

RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
GERUND_PREPS = frozenset({"for", "of", "with", "over"})
PERSON_HEADS = frozenset(event_lexicon().person_heads)
SEARCH_DEPS = frozenset({"prep", "pobj", "appos", "conj", "compound", "amod", "nmod", "poss"})
SEARCH_PREPS = frozenset({"of", "including", "like", "such", "as", "at", "from", "with", "in", "to", "on", "about"})
RELATIONAL = frozenset({"relate", "link", "concern", "pertain", "connect", "involve", "include"})
QUALIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
PARTIES = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})
LOC = EntityType.LOCATION
PERSONAL = frozenset({"he", "she", "him", "her"})
OBJECT_PRONOUNS = frozenset({"them", "it"})
PLACE_PREPS = frozenset({"in", "near"})
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
BE_VERBS = frozenset({"was", "were", "been", "is", "are", "be", "being"})
Slots = dict[str, list[Token]]


@dataclass(frozen=True)
class Filler:
    """An entity found for a slot; `qualifier` when it only modifies the slot's head ("a Chinese firm")."""

    cluster: EntityCluster
    qualifier: bool = False


class EntityIndex:
    """Token index of entity mentions: the longest mention covering each token."""

    def __init__(self, clusters: list[EntityCluster]) -> None:
        self.at: dict[int, tuple[EntityCluster, Span]] = {}
        self.types = {c.id: c.type for c in clusters}
        self.all = [(c, m) for c in clusters for m in c.mentions]
        for cluster in clusters:
            for m in cluster.mentions:
                for i in range(m.start, m.end):
                    cur = self.at.get(i)
                    if cur is None or len(cur[1]) < len(m):
                        self.at[i] = (cluster, m)

    def cluster(self, token: Token) -> EntityCluster | None:
        found = self.at.get(token.i)
        return found[0] if found else None

    def referent(self, pronoun: Token, reach: int = 60) -> EntityCluster | None:
        """What a pronoun most likely refers to: for "he"/"she" the nearest person mentioned before it; for
        "it"/"they" as a subject, the organisation or country that is the subject of the sentence before."""
        word = pronoun.lower_
        if word in PERSONAL:
            for i in range(pronoun.i - 1, max(-1, pronoun.i - reach), -1):
                found = self.at.get(i)
                if found is not None and found[0].type is EntityType.PERSON:
                    return found[0]
        elif word in ("it", "they") and pronoun.dep_ == "nsubj":
            sent = pronoun.sent
            roots = [sent.root] if pronoun.head.i != sent.root.i else []
            if sent.start > 0:
                roots.append(pronoun.doc[sent.start - 1].sent.root)
            for subj in (c for root in roots for c in root.children if c.dep_ == "nsubj" and c.i != pronoun.i):
                cluster = self.cluster(subj)
                if cluster is not None and cluster.type in (EntityType.ORGANIZATION, EntityType.LOCATION):
                    return cluster
        return None

    def nested(self, span: Span) -> list[EntityCluster]:
        """Entities with a mention inside `span`, also where a longer mention covers it ("Hong Kong" in "a
        trading company in Hong Kong")."""
        return [c for c, m in self.all if span.start <= m.start and m.end <= span.end and len(m) < len(span)]

    def mentions_in(self, span: Span) -> list[tuple[EntityCluster, Span]]:
        seen: dict[int, tuple[EntityCluster, Span]] = {}
        for i in range(span.start, span.end):
            if i in self.at:
                seen.setdefault(self.at[i][1].start, self.at[i])
        return list(seen.values())


def _objects(prep: Token) -> list[Token]:
    """The objects of a preposition and of the prepositions coordinated with it ("at A and at B", also when the
    parser attached the second one elsewhere)."""
    preps = [prep, *prep.conjuncts]
    for cc in (c for c in prep.children if c.dep_ == "cc"):
        after = cc.nbor(1) if cc.i + 1 < len(cc.doc) else None
        if after is not None and after.lower_ == prep.lower_ and after.i not in {p.i for p in preps}:
            preps.append(after)
    return [c for p in preps for c in p.children if c.dep_ in ("pobj", "pcomp")]


def _relative(verb: Token) -> bool:
    """A relative clause, also one without a pronoun that the parser calls `acl` ("a firm the Treasury designated")."""
    return verb.dep_ == "relcl" or (verb.dep_ == "acl" and any(c.dep_ == "nsubj" for c in verb.children))


def _placed(noun: Token) -> Token:
    """ "an aircraft factory in Komsomolsk that builds jets": a "that"/"which" clause after a place phrase tells of
    the noun the place phrase hangs on (places take "where")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in PLACE_PREPS and noun.head.head.pos_ in ("NOUN", "PROPN"):
        return noun.head.head
    return noun


def _antecedent(token: Token) -> Token | None:
    """The noun a relative clause containing `token` modifies (through a control chain)."""
    h = token
    for _ in range(4):
        if _relative(h):
            return _placed(h.head)
        if h.dep_ not in ("xcomp", "conj", "advcl") or h.head.i == h.i:
            return None
        h = h.head
    return None


def _controller(verb: Token) -> list[Token]:
    """The subject a verb without one shares with the verb that governs it ("began invading", "said to have"); a
    gerund after "for"/"of"/"with" takes the governing verb's object ("designated X for supplying ...", "charged
    X with exporting ..."); a reported clause inside a relative clause takes its antecedent ("a firm that the
    Treasury said shipped ...")."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in GERUND_PREPS and verb.head.head.pos_ == "VERB":
        governor = verb.head.head
        objects = [c for c in governor.children if c.dep_ in ("dobj", "nsubjpass")]
        if objects and objects[0].lower_ in RELATIVE and (antecedent := _antecedent(governor)) is not None:
            return [antecedent]
        if objects:
            return objects
        antecedent = _antecedent(governor)
        return [antecedent] if antecedent is not None and _relative(governor) else []
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
        return [verb.head.head]
    h = verb
    for _ in range(4):
        if h.dep_ not in ("xcomp", "conj", "advcl") or h.head.i == h.i:
            return []
        h = h.head
        subj = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj
    return []


def _verb_slots(verb: Token, frame: Frame) -> Slots:
    slots: Slots = defaultdict(list)
    for c in verb.children:
        if c.dep_ == "nsubj":
            slots["subject"].append(c)
        elif c.dep_ in ("dobj", "nsubjpass"):
            slots["object"].append(c)
        elif c.dep_ == "agent":
            slots["subject"] += _objects(c)
        elif c.dep_ == "dative":
            slots["prep:to" if _objects(c) else "dative"] += _objects(c) or [c]
        elif c.dep_ == "prep":
            slots[_prep_slot(c)] += _objects(c)
        elif c.dep_ == "ccomp" and "complement" in frame.slots:
            slots["complement"] += list(c.subtree)
        elif c.dep_ == "ccomp" and any(w.lower_ == "what" and w.dep_ in ("nsubj", "dobj") for w in c.children):
            named = [a for a in c.subtree if a.dep_ == "attr" or (a.dep_ == "pobj" and a.head.lower_ == "as")]
            slots["object"] += named[:1]
    for o in (x for head in slots["object"] for x in (head, *head.conjuncts)):
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ != "of" and c.lower_ in frame.preps:
                slots[_prep_slot(c)] += _objects(c)
    if verb.dep_ == "conj" and any(o.lower_ in OBJECT_PRONOUNS for o in slots["object"]):
        shared = [c for c in verb.head.children if c.dep_ == "dobj"]
        slots["object"] = shared or slots["object"]
    if not slots["subject"]:
        slots["subject"] = _controller(verb)
    elif verb.dep_ == "ccomp" and slots["subject"][0].lower_ in REPORTED_PRONOUNS:
        speaker = [c for c in verb.head.children if c.dep_ == "nsubj"]
        slots["subject"] = speaker or slots["subject"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not slots["object"]:
        slots["object"].append(verb.head)
    antecedent = _antecedent(verb)
    if antecedent is not None:
        pronoun = False
        for heads in slots.values():
            for k, t in enumerate(heads):
                if t.lower_ in RELATIVE:
                    heads[k], pronoun = antecedent, True
        if not pronoun and _relative(verb) and not slots["object"]:
            slots["object"].append(antecedent)
    return slots


def _site_of(noun: Token, lex: EventLexicon) -> list[Token]:
    """ "X was the site of the launch" / "X, the site of the launch": X."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of" or lemma_of(noun.head.head, lex) not in lex.site_nouns:
        return []
    site = noun.head.head
    if site.dep_ == "appos":
        return [site.head]
    if site.dep_ in ("attr", "nsubj"):
        other = "nsubj" if site.dep_ == "attr" else "attr"
        return [c for c in site.head.children if c.dep_ == other]
    return []


def _noun_slots(noun: Token, frame: Frame, lex: EventLexicon) -> Slots:
    slots: Slots = defaultdict(list)
    for c in noun.children:
        if c.dep_ == "poss":
            slots["poss"].append(c)
        elif c.dep_ in ("compound", "amod", "nmod"):
            slots["modifier"].append(c)
        elif c.dep_ == "prep":
            slots["of" if c.lower_ == "of" else _prep_slot(c)] += _objects(c)
        elif c.dep_ == "relcl" and lemma_of(c, lex) in lex.support_verbs:
            slots["subject"] += [s for s in c.children if s.dep_ == "nsubj"]
    support = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and lemma_of(support, lex) in lex.support_verbs:
        verb_slots = _verb_slots(support, frame)
        slots["subject"] += verb_slots["subject"]
        for key, heads in verb_slots.items():
            if key.startswith(("prep:", "place:")):
                slots[key] += heads
    slots["prep:at"] += _site_of(noun, lex)
    slots["subject"] += _agent_of(noun, lex)
    if noun.dep_ == "pobj" and noun.head.head.lemma_ == "be":
        for c in noun.head.head.children:
            if c.dep_ == "prep" and c.i > noun.i and (c.lower_ == "of" or c.lower_ in frame.preps):
                slots["of" if c.lower_ == "of" else _prep_slot(c)] += _objects(c)
    for o in slots["of"]:
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ != "of" and c.lower_ in frame.preps:
                slots[_prep_slot(c)] += _objects(c)
    return slots


def _prep_slot(prep: Token) -> str:
    return ("place:" if prep.lower_ in PLACE_PREPS else "prep:") + prep.lower_


def _agent_of(noun: Token, lex: EventLexicon) -> list[Token]:
    """ "X was behind the theft", "X is responsible for the attack", "X took samples during a visit to Y": X."""
    if noun.dep_ != "pobj":
        return []
    prep = noun.head
    governors = lex.agent_preps.get(prep.lower_)
    if governors is None:
        return []
    node = prep.head
    if lemma_of(node, lex) not in governors and not ("*" in governors and node.pos_ == "VERB"):
        return []
    while node.dep_ in ("acomp", "attr", "xcomp") and node.head.i != node.i:
        node = node.head
    return [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]


def is_irrealis(trigger: Trigger, lex: EventLexicon) -> bool:
    """A trigger under "an end to", "plans to", "easier to", "toward": not a report of an event that happened."""
    t = trigger.token
    governors = [t.head]
    if t.dep_ == "pobj":
        governors += [t.head.head]
    if trigger.nominal and t.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "ROOT", "conj"):
        return True
    if not trigger.nominal and t.dep_ not in ("xcomp", "pcomp", "advcl"):
        return False
    return any(g.i != t.i and lemma_of(g, lex) in lex.irrealis for g in governors)


def is_specific(trigger: Trigger, slots: Slots) -> bool:
    """A nominal trigger names one event only with a determiner, possessor, of-argument or support verb; a plural
    ("exports of machine tools", "Iran's launches") speaks of events in general unless a verb performs them."""
    if not trigger.nominal:
        return True
    det = any(c.dep_ in ("det", "poss") for c in trigger.token.children)
    if trigger.token.tag_ == "NNS":
        return bool(slots.get("subject"))
    return det or bool(slots.get("of") or slots.get("subject") or slots.get("prep:at"))


def parse_slots(trigger: Trigger, lex: EventLexicon) -> Slots:
    frame = trigger.sense.frame
    return _noun_slots(trigger.token, frame, lex) if trigger.nominal else _verb_slots(trigger.token, frame)


def window_slots(trigger: Trigger, index: EntityIndex) -> Slots:
    """Slots from word order alone (no parse): prepositions before mentions, nearest subject, following object."""
    t, sent = trigger.token, trigger.token.sent
    passive = t.i > sent.start and t.doc[t.i - 1].lower_ in BE_VERBS
    slots: Slots = defaultdict(list)
    before: list[Token] = []
    for _cluster, m in index.mentions_in(sent):
        if m.start <= t.i < m.end:
            continue
        k = m.start - 1
        while k > sent.start and t.doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        prep = t.doc[k].lower_ if k >= sent.start else ""
        if prep in trigger.sense.frame.preps:
            slots["prep:" + prep].append(m.root)
        elif m.end <= t.i:
            before.append(m.root)
        elif not slots["object"] or t.doc[k].lower_ in ("and", ","):
            slots["object"].append(m.root)
    if before:
        slots["subject"].append(before[-1])
    if passive:
        slots["subject"], slots["object"] = slots.pop("prep:by", []), slots["subject"] + slots["object"]
    return slots


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
                relational = c.dep_ == "acl" and c.lemma_ in RELATIONAL
                if not relational and (
                    c.dep_ not in SEARCH_DEPS or (c.dep_ == "prep" and c.lower_ not in SEARCH_PREPS)
                ):
                    continue
                q = qual or c.dep_ in QUALIFIER_DEPS
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
            elif parsed:
                out += _search(h, index) or [Filler(c) for o in _copula_other(h) if (c := index.cluster(o))]
    return out


def _ids(heads: list[Token], index: EntityIndex) -> set[str]:
    return {c.id for h in heads if (c := index.cluster(h)) is not None}


Roles = dict[Role, list[str]]


def assign(slots: Slots, frame: Frame, spec: RoleSpec, index: EntityIndex, parsed: bool) -> tuple[Roles, Roles]:
    """Role -> entity ids: each entity takes the first candidate role of its slot that admits its type. Places
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
        for f in fillers(slots.get(slot, []), index, parsed and slot != "complement"):
            if f.cluster.id in used:
                continue
            for role in candidates:
                types = spec.types.get(role, frozenset())
                if f.cluster.type not in types or (f.qualifier and f.cluster.type is LOC and types & PARTIES):
                    continue
                if slot.startswith("place:") and roles.get(role):
                    anchored.setdefault(role, []).append(f.cluster.id)
                roles.setdefault(role, []).append(f.cluster.id)
                used.add(f.cluster.id)
                break
    return roles, anchored
