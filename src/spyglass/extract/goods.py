"""Open-vocabulary goods and weapons from the dependency parse: a noun phrase whose head word is a goods or weapon
head of `data/entities/goods.yaml` ("CNC lathes", "bellows-sealed valves", "nitric acid", "a Nudol interceptor").

The phrase keeps the head's modifiers (compounds, adjectives, hyphenated words, a parenthesised acronym) and drops
determiners, quantities and uninformative adjectives. A bare head is a good only as the object of a transfer verb
("shipped valves"); after "the" it is a definite description that coreference resolves or drops ("the valves").
Spans get `id_` "pattern:goods" (or "pattern:definite"). Needs a parse: on a blank pipeline nothing is found.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from spyglass.extract.cluster import Cluster, merge_into
from spyglass.extract.lexicon import canonical, singular
from spyglass.extract.merge import CLASS_GAP, class_modifier
from spyglass.model import EntityType

YEAR = re.compile(r"^(19|20)\d\d$")
STOP_DEPS = frozenset({"det", "nummod", "poss", "case", "predet", "quantmod", "cc", "conj", "prep", "appos", "acl"})
NOUNS = frozenset({"NOUN", "PROPN"})
INDEFINITE = frozenset({"any", "no"})  # "did not ship any lathes", "shipped no lathes"
CALIBRES = frozenset({"mm", "cm", "millimetre", "millimeter", "calibre", "caliber"})


@dataclass(frozen=True)
class GoodsLexicon:
    """The word classes of `data/entities/goods.yaml`, as sets."""

    items: frozenset[str]
    info: frozenset[str]
    qualifiers: frozenset[str]
    weapons: frozenset[str]
    systems: frozenset[str]
    weapon_words: frozenset[str]
    event_nouns: frozenset[str]
    skip: frozenset[str]
    verbs: frozenset[str]
    definite: frozenset[str]
    plural_only: frozenset[str]
    trade_nouns: frozenset[str]
    measures: frozenset[str]
    not_goods: frozenset[str]
    generic: frozenset[str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "GoodsLexicon":
        return cls(
            *(
                frozenset(data[key])
                for key in (
                    "item_heads",
                    "info_heads",
                    "info_qualifiers",
                    "weapon_heads",
                    "system_heads",
                    "weapon_words",
                    "weapon_event_nouns",
                    "skip_modifiers",
                    "transfer_verbs",
                    "definite_determiners",
                    "plural_only",
                    "trade_nouns",
                    "measure_heads",
                    "not_goods",
                    "generic_goods",
                )
            )
        )

    def head_type(self, token: Token) -> EntityType | None:
        """The type a head word names, whatever the tagger said of it ("nitrate" read as an adjective)."""
        if token.pos_ not in NOUNS and token.pos_ != "ADJ":
            return None
        if token.lower_ in self.plural_only:
            return None
        lemma = token.lemma_.lower() if token.pos_ in NOUNS else singular(token.lower_)
        if lemma in self.weapons:
            return EntityType.WEAPON
        if lemma in self.items:
            return EntityType.ITEM
        if lemma in self.systems:
            return EntityType.WEAPON
        return None

    def traded(self, token: Token) -> bool:
        """A common noun the text trades or makes, whatever it is: the object of a transfer verb, its conjunct, or
        the `of` phrase of a trade noun or a measure ("the sale of a press", "tonnes of isopropanol shipped")."""
        if token.pos_ != "NOUN" or token.lemma_.lower() in self.not_goods or token.lemma_.lower() in self.measures:
            return False
        t = token
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        while t.dep_ == "pobj" and t.head.lower_ == "of":
            owner = t.head.head
            if owner.lemma_.lower() in self.trade_nouns:
                return True
            if owner.lemma_.lower() not in self.measures:
                return False
            t = owner
        return t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in self.verbs


def glued_hyphen(doc: Doc, i: int) -> bool:
    """Token `i` is a hyphen written without spaces ("bellows-sealed")."""
    return doc[i].text == "-" and i > 0 and not doc[i].whitespace_ and not doc[i - 1].whitespace_


def modifies(doc: Doc, i: int) -> bool:
    """Token `i` can be a pre-modifier of a noun: a noun, an adjective, a participle, an "-ly" adverb before one,
    a glued hyphen or number ("11-axle"), a designator, a parenthesis ("(CNC)")."""
    tok = doc[i]
    if "\n" in tok.whitespace_ or tok.is_space:
        return False
    if tok.pos_ in ("NOUN", "PROPN", "ADJ") or tok.text in ("(", ")") or glued_hyphen(doc, i):
        return True
    if tok.text[:1].isupper() and any(c.isdigit() for c in tok.text):
        return True  # a model designator, whatever the tagger made of it ("IR-6")
    if tok.lower_ in CALIBRES:
        return True
    if tok.like_num:
        model = i > 0 and doc[i - 1].pos_ == "PROPN" and not YEAR.match(tok.text)  # "Rotax 914 engines"
        calibre = i + 1 < len(doc) and doc[i + 1].lower_ in CALIBRES  # "240mm rockets"
        return model or calibre or (i + 1 < len(doc) and glued_hyphen(doc, i + 1))
    if tok.pos_ == "VERB":
        return tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound")
    return tok.pos_ == "ADV" and tok.lower_.endswith("ly") and doc[i + 1].tag_ == "VBN"


def skipped(token: Token, skip: frozenset[str]) -> bool:
    """The word or its verb stem is a skipped word ("imported" read as an adjective is "import")."""
    lower = token.lower_
    return bool({token.lemma_.lower(), lower, lower.removesuffix("ed"), lower.removesuffix("d")} & skip)


def modifier_start(doc: Doc, head: Token, skip: frozenset[str], taken: set[int]) -> int:
    """Index of the first word of the head's unbroken run of pre-modifiers in its sentence, after the last word
    another source took (unless inside a hyphenated word) and after a trade verb the parser made a modifier ("The
    firm shipped valves"), past skipped words (uninformative adjectives, verbs the tagger read as nouns: "supply
    engines") and a verb after "to"."""
    start, first = head.i, head.sent.start
    while start > first and modifies(doc, start - 1):
        start -= 1
    for i in range(start, head.i):
        # "a dozen such valves", "hundreds more valves" (but "new-type rockets" keeps its hyphenated word)
        quantity = doc[i].pos_ != "NOUN" and doc[i].lower_ in skip and not glued_hyphen(doc, i + 1)
        verb = doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in skip  # "The firm shipped valves", misparsed
        if quantity or verb or (i in taken and not (i + 1 < len(doc) and glued_hyphen(doc, i + 1))):
            start = i + 1
    if start > 0 and doc[start - 1].tag_ == "TO" and start < head.i:
        start += 1
    while start < head.i and ((skipped(doc[start], skip) and not glued_hyphen(doc, start + 1)) or doc[start].is_punct):
        start += 1
    return start


def sold_by(before: Token | None, lex: GoodsLexicon) -> bool:
    """The word before a bare good is a trade verb the parser made its modifier ("The firm shipped valves")."""
    return before is not None and before.pos_ == "VERB" and before.lemma_.lower() in lex.verbs


def balanced(span: Span) -> bool:
    return span.text.count("(") == span.text.count(")")


def is_weapon(words: list[Token], head: Token, lex: GoodsLexicon) -> bool:
    """A weapon head names a weapon when a designator or a weapon word modifies it; a system head only with a
    weapon word and another modifier ("anti-aircraft laser system", not "launch vehicles")."""
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    if head.lemma_.lower() in lex.systems:
        return len(words) > 1 and bool(lemmas & lex.weapon_words)
    return bool(lemmas & lex.weapon_words) or any(t.pos_ == "PROPN" for t in words)


def goods_candidates(doc: Doc, lex: GoodsLexicon, others: list[Span]) -> Iterator[Span]:
    """Goods and weapon phrases whose head no other source has already covered (`others`: the gazetteer's and the
    patterns' candidates, which know these things better); a known good may modify one ("IR-6 rotors"), and so may
    a designator, which then names the good ("the Chollima-2022 tractor")."""
    taken = {i for c in others if c.id_ != "pattern:definite" for i in range(c.start, c.end)}
    named = {i for c in others if c.id_ != "pattern:definite" and c.label_ != "ITEM" for i in range(c.start, c.end)}
    designators = {
        i for c in others if c.id_ == "pattern:named" and c.label_ == "WEAPON" for i in range(c.start, c.end)
    }
    if not doc.has_annotation("DEP"):
        return
    for head in doc:
        if head.i in taken or not head.is_lower or not head.is_alpha:
            continue
        etype = lex.head_type(head)
        traded = lex.traded(head)
        if traded and etype is None:
            etype = EntityType.ITEM
        if etype is None:
            continue
        nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ in NOUNS and not (etype is EntityType.WEAPON and nxt.lemma_ in lex.event_nouns):
            continue
        civil = etype is EntityType.ITEM and head.lemma_.lower() not in lex.plural_only | lex.info
        start = modifier_start(doc, head, lex.skip | lex.verbs, named - designators if civil else named)
        words = list(doc[start : head.i])
        if not balanced(doc[start : head.i + 1]):
            continue
        if etype is EntityType.WEAPON:
            propers = [t.i for t in words if t.pos_ == "PROPN" and not (t.i and doc[t.i - 1].text == "(")]
            if propers:  # a weapon is named from its designator on ("Sarmat missile", not "test-fires Sarmat missile")
                start, words = propers[0], [t for t in words if t.i >= propers[0]]
            if words and is_weapon(words, head, lex):
                yield Span(doc, start, head.i + 1, label=etype.value, span_id="pattern:goods")
            continue
        lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
        generic = head.lemma_.lower() in (lex.plural_only | lex.generic if traded else lex.plural_only)
        if generic and lemmas & lex.weapons:
            continue
        if head.lemma_.lower() in lex.info and not lemmas & (lex.qualifiers | lex.weapon_words):
            continue
        before = doc[head.i - 1] if head.i else None
        if words:
            yield Span(doc, start, head.i + 1, label=etype.value, span_id="pattern:goods")
        elif before is not None and before.dep_ == "det" and before.lower_ in lex.definite:
            yield Span(doc, head.i - 1, head.i + 1, label=etype.value, span_id="pattern:definite")
        elif (
            not generic
            and (
                traded
                or (head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in lex.verbs)
                or sold_by(before, lex)
            )
            and (before is None or before.dep_ != "det" or before.lower_ in INDEFINITE)
        ):
            yield Span(doc, head.i, head.i + 1, label=etype.value, span_id="pattern:goods")


def designated_classes(doc: Doc, others: list[Span]) -> Iterator[Span]:
    """A capitalised word right before a weapon class the gazetteer found is that weapon's designator ("a Sarmat
    intercontinental ballistic missile"), unless it is a place or part of another name."""
    taken = {i for c in others if c.id_ != "pattern:definite" for i in range(c.start, c.end)}
    for c in others:
        k = c.start - 1
        while k > 0 and class_modifier(doc[k]) and c.start - k <= CLASS_GAP:
            k -= 1  # past lowercase words: "the Burevestnik nuclear-powered cruise missile"
        before = doc[k] if k >= 0 else None
        if (
            c.label_ == "WEAPON"
            and c.kb_id_.startswith("class:")
            and before is not None
            and before.pos_ == "PROPN"
            and before.is_title
            and not before.is_sent_start
            and not before._.sg_place
            and before.i not in taken
        ):
            yield Span(doc, before.i, c.end, label=c.label_, span_id="pattern:goods")


def merge_bare_goods(doc: Doc, clusters: list[Cluster], determiners: frozenset[str]) -> None:
    """Weapons sharing a designator are one ("the Sarmat missile", "a Sarmat intercontinental ballistic missile"). A
    good named by its bare head ("lathes"), by fewer of its modifiers ("servo motors" beside "brushless servo
    motors"), or again after "the" with other modifiers ("the stolen laser files"), is the good of that head the
    story already named."""
    named = [c for c in clusters if c.type is EntityType.WEAPON and c.kinds() == {"pattern:goods"} and designators(c)]
    for c in named:
        same = [o for o in named if o is not c and o in clusters and designators(o) & designators(c)]
        if c in clusters and same:
            merge_into(same[0], c, clusters)
    goods = [
        c
        for c in clusters
        if c.kinds() == {"pattern:goods"} and not any(t.pos_ == "PROPN" for m in c.mentions for t in m)
    ]
    for c in goods:
        first = min(c.mentions, key=lambda m: m.start)
        head = canonical(first[-1].text)
        same = [o for o in clusters if o is not c and o.type is c.type and canonical(o.mentions[0][-1].text) == head]
        bare = all(len(m) == 1 for m in c.mentions)
        before = [o for o in same if o.first < first.start]
        wider = [o for o in same if o.kinds() == {"pattern:goods"} and words(c) < words(o)]
        if wider:
            merge_into(min(wider, key=lambda o: abs(o.first - c.first)), c, clusters)
        elif bare and len(same) == 1:
            merge_into(same[0], c, clusters)
        elif before and determiner_before(doc, first.start) in determiners:
            merge_into(max(before, key=lambda o: o.first), c, clusters)


def designators(cluster: Cluster) -> set[str]:
    return {t.text for m in cluster.mentions for t in m if t.pos_ == "PROPN"}


def words(cluster: Cluster) -> set[str]:
    return {w for m in cluster.mentions if m.id_ == "pattern:goods" for w in canonical(m.text).split()}


def determiner_before(doc: Doc, start: int) -> str:
    """The word before a phrase, past participles such as "stolen" or "seized" that the phrase dropped."""
    i = start - 1
    while i > 0 and doc[i].tag_ == "VBN":
        i -= 1
    return doc[i].lower_ if i >= 0 else ""
