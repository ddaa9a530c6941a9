"""Trigger slots: the tokens that stand in each syntactic slot of a trigger (subject, object, dative, possessor,
of-argument, modifiers, prepositional objects, places, complement).

With a dependency parse they come from the trigger's children, repaired for passives, relative clauses ("the
firm that smuggled ...", "the sites Kim visited"), control and gerunds ("began invading", "designated X for
supplying ..."), support verbs ("Kim oversaw the flight of ..."), copulas ("X was the site of the launch") and
misattached prepositions. Without a parse, a sentence window stands in: the nearest entity before the trigger is
its subject, the ones after its object, a preposition before a mention names its slot.
"""

from collections import defaultdict

from spacy.tokens import Token

from spyglass.extract.entity_index import EntityIndex
from spyglass.extract.event_lexicon import EventLexicon, Frame, claim_lexicon, event_lexicon
from spyglass.extract.triggers import Trigger, finite_modifier, is_future, lemma_of
from spyglass.model import EventType

RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
GERUND_PREPS = frozenset({"for", "of", "with", "over"})
OBJECT_PRONOUNS = frozenset({"them", "it"})
PLACE_PREPS = frozenset({"in", "near"})
ROUTE_PREPS = frozenset({"to", "via", "through"})
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
CAPABILITY = frozenset({"can", "could"})
BE_VERBS = frozenset({"was", "were", "been", "is", "are", "be", "being"})
Slots = dict[str, list[Token]]


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


def _gap_object(verb: Token) -> bool:
    """The antecedent of the relative clause is the verb's object: "the sites Kim visited", also through a
    control verb ("a tractor, which the factory began producing") unless the pronoun is the subject ("a firm
    that began exporting ...")."""
    if _relative(verb):
        return True
    head = verb.head
    subject_pronoun = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE for c in head.children)
    return verb.dep_ == "xcomp" and _relative(head) and not subject_pronoun


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
        if h.dep_ == "conj" and _speech(h) and h.head.dep_ == "ccomp" and _speech(h.head.head):
            h = h.head  # "X said that A happened and announced that B": the parser hung "announced" on "happened"
        h = h.head
        subj = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj
    return []


def _speech(verb: Token) -> bool:
    """A verb that reports or declares ("said", "announced", "declared")."""
    lemma = verb.lemma_.lower()
    declares = any(s.type is EventType.DECLARATION for s in event_lexicon().verbs.get(lemma, ()))
    return declares or lemma in claim_lexicon().attribution


def _verb_slots(verb: Token, frame: Frame) -> Slots:
    slots: Slots = defaultdict(list)
    if verb.pos_ == "NOUN":  # a verb the tagger read as a noun: the name before is its subject, what follows its object
        left = [c for c in verb.children if c.i < verb.i and c.dep_ in ("compound", "poss", "nmod")]
        right = [c for c in verb.children if c.i > verb.i and c.dep_ in ("appos", "dobj", "acl", "npadvmod")]
        slots["subject"] += left[-1:]
        slots["object"] += [o for c in right[:1] for o in ([c] if c.dep_ != "acl" else _acl_object(c))]
    if finite_modifier(verb):  # "Petrov smuggled accelerometers to X", parsed as "smuggled accelerometers"
        slots["object"].append(verb.head)
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
            key, objects = _behalf(c)
            slots[key] += objects
        elif c.dep_ == "ccomp" and "complement" in frame.slots:
            slots["complement"] += list(c.subtree)
        elif c.dep_ == "ccomp" and any(w.lower_ == "what" and w.dep_ in ("nsubj", "dobj") for w in c.children):
            named = [a for a in c.subtree if a.dep_ == "attr" or (a.dep_ == "pobj" and a.head.lower_ == "as")]
            slots["object"] += named[:1]
    if not slots["object"]:  # "shipped tungsten to X" with "tungsten" parsed as an adverbial noun
        slots["object"] += [c for c in verb.children if c.i == verb.i + 1 and c.dep_ == "npadvmod"]
    # "exported aluminium [alloy] to X": the parser split the object and hung the route on its second noun
    split = [
        c
        for c in verb.children
        if c.pos_ in ("NOUN", "ADJ") and any(c.i == o.right_edge.i + 1 for o in slots["object"])
    ]
    for o in (x for head in [*slots["object"], *split] for x in (head, *head.conjuncts)):
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ != "of" and c.lower_ in frame.preps:
                slots[_prep_slot(c)] += _objects(c)
            elif c.dep_ == "acl" and c.i != verb.i:
                slots.update(_lifted(c, frame, slots))
    if verb.dep_ == "conj" and any(o.lower_ in OBJECT_PRONOUNS for o in slots["object"]):
        shared = [c for c in verb.head.children if c.dep_ == "dobj"]
        slots["object"] = shared or slots["object"]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if not slots["subject"] and not (passive and verb.dep_ == "advcl"):
        slots["subject"] = _controller(verb)
    elif slots["subject"] and verb.dep_ == "ccomp" and slots["subject"][0].lower_ in REPORTED_PRONOUNS:
        speaker = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if speaker and speaker[0].lower_ in RELATIVE and _relative(verb.head):
            speaker = [_placed(verb.head.head)]
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
        if not pronoun and _gap_object(verb) and not slots["object"]:
            slots["object"].append(antecedent)
    return slots


def _acl_object(word: Token) -> list[Token]:
    """ "manufactures [sighting] systems": the object the parser hung on a participle."""
    return [c for c in word.children if c.dep_ == "dobj"] or [word]


def _lifted(participle: Token, frame: Frame, slots: Slots) -> Slots:
    """ "forwarded lathes made in Taiwan to Russia": a route preposition the parser hung on the object's
    participle belongs to the verb (the participle keeps its own place, "in Taiwan")."""
    out: Slots = {}
    for c in participle.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in ROUTE_PREPS and c.lower_ in frame.preps:
            key = _prep_slot(c)
            out[key] = [*slots.get(key, []), *_objects(c)]
    return out


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
    slots["subject"] += _agent_of(noun, lex) + _described(noun)
    if noun.dep_ == "pobj" and noun.head.head.lemma_ == "be":
        for c in noun.head.head.children:
            if c.dep_ == "prep" and c.i > noun.i and (c.lower_ == "of" or c.lower_ in frame.preps):
                slots["of" if c.lower_ == "of" else _prep_slot(c)] += _objects(c)
    for o in slots["of"]:
        for c in _inner_preps(o):
            if c.lower_ != "of" and c.lower_ in frame.preps:
                slots[_prep_slot(c)] += _objects(c)
    return slots


def _inner_preps(noun: Token, depth: int = 3) -> list[Token]:
    """Prepositions in a noun's phrase, also hung on its modifiers or conjuncts ("the theft of $97 million in ether
    and stablecoins from X": "from" on "stablecoins"), not inside a clause."""
    found: list[Token] = []
    frontier = [noun]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children if c.dep_ in ("prep", "pobj", "conj", "compound", "nmod")]
        found += [t for t in frontier if t.dep_ == "prep"]
    return found


def _behalf(prep: Token) -> tuple[str, list[Token]]:
    """A preposition's slot and objects; "on behalf of X" is X in the slot `prep:behalf`."""
    objects = _objects(prep)
    if prep.lower_ in ("on", "in") and objects and objects[0].lower_ == "behalf":
        of = [c for c in objects[0].children if c.dep_ == "prep" and c.lower_ == "of"]
        return "prep:behalf", [o for p in of for o in _objects(p)]
    return _prep_slot(prep), objects


def _described(noun: Token) -> list[Token]:
    """ "Zala Aero, the maker of the Lancet" / "Zala Aero is the maker of the Lancet": the one the noun describes."""
    if noun.dep_ == "appos":
        return [noun.head]
    if noun.dep_ == "attr":
        return [c for c in noun.head.children if c.dep_ == "nsubj"]
    return []


def _prep_slot(prep: Token) -> str:
    return ("place:" if prep.lower_ in PLACE_PREPS else "prep:") + prep.lower_


def _agent_of(noun: Token, lex: EventLexicon) -> list[Token]:
    """ "X was behind the theft", "X is responsible for the attack", "X took samples during a visit to Y", "the
    FBI attributed the theft to X", "a theft the FBI blamed on X": X."""
    inner = [o for p in noun.children if p.dep_ == "prep" for o in _objects(p)]  # a clause hung on "from X"
    clauses = [c for n in (noun, *inner) for c in n.children if c.dep_ in ("relcl", "acl")]
    governor = [noun.head] if noun.dep_ in ("dobj", "nsubjpass") else []
    blamer = next((v for v in (*governor, *clauses) if lemma_of(v, lex) in lex.blame_verbs), None)
    if blamer is not None:
        return [o for p in blamer.children if p.dep_ == "prep" and p.lower_ in ("to", "on") for o in _objects(p)]
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
    """A trigger under "an end to", "plans to", "easier to", "toward", "the task to", the object of a future verb
    ("will not conduct tests"), or a capability ("can make"): not a report of an event that happened."""
    t = trigger.token
    governors = [t.head]
    if t.dep_ == "pobj":
        governors += [t.head.head]
    if trigger.nominal and t.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "ROOT", "conj"):
        return True
    if trigger.nominal and t.dep_ == "dobj" and is_future(t.head):
        return True
    if not trigger.nominal and _capability(t):
        return True
    if not trigger.nominal and t.dep_ not in ("xcomp", "pcomp", "advcl", "acl"):
        return False
    return any(g.i != t.i and lemma_of(g, lex) in lex.irrealis for g in governors)


def _capability(verb: Token) -> bool:
    """ "a missile that could reach the US", "the complex can make nitric acid": what can be done, not a happening
    ("could have reached" is a possible happening)."""
    return any(
        c.dep_ == "aux" and c.lower_ in CAPABILITY and not (c.i + 1 < len(c.doc) and c.nbor(1).lower_ == "have")
        for c in verb.children
    )


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
