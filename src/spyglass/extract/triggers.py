"""Event triggers: the verbs and nouns of the trigger lexicon found in a `Doc`, each with the sense it takes.

Lookup is by lemma (a dictionary probe per token, nothing rebuilt per document). Without a parse, lemmas come
from the lexicon's inflection table and a word is read as a noun after a determiner, else as a verb.
"""

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from spyglass.extract.event_lexicon import EventLexicon, Sense, event_lexicon
from spyglass.model import EventType

DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"})
NOT_EVENTS = frozenset({"amod", "compound", "aux", "auxpass"})
NOUN_SLOTS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})  # a "verb" there is a tagging slip
FUTURE = frozenset({"will", "shall", "'ll", "would"})


@dataclass(frozen=True)
class Trigger:
    """A word that expresses an event: its token, the sense it takes and whether it is a noun."""

    token: Token
    sense: Sense
    nominal: bool


def lemma_of(token: Token, lex: EventLexicon) -> str:
    """The token's lemma: the parser's when there is one, else the lexicon's inflection table."""
    if token.doc.has_annotation("LEMMA"):
        return token.lemma_.lower()
    return lex.forms.get(token.lower_, token.lower_)


def is_parsed(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _object_lemmas(token: Token, nominal: bool, lex: EventLexicon) -> set[str]:
    if is_parsed(token.doc):
        if nominal:
            heads = [t for p in token.children if p.lower_ == "of" for t in p.children]
        else:
            heads = [t for t in token.children if t.dep_ in ("dobj", "nsubjpass", "acomp", "oprd")]
        return {lemma_of(t, lex) for h in heads for t in (h, *h.children) if t.dep_ != "det" or t is h}
    window = token.doc[token.i + 1 : token.i + 5]
    return {lemma_of(t, lex) for t in window}


def _prep_objects(token: Token, lex: EventLexicon, deep: bool) -> dict[str, set[str]]:
    """Preposition -> lemmas of its object, for the trigger's own prepositions (and its object's); with `deep`,
    for every preposition in the trigger's phrase, so that "adding five companies ... to its Entity List" holds
    whichever noun the parser hung "to" on."""
    if is_parsed(token.doc):
        heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
        preps = [c for h in heads for c in h.children if c.dep_ in ("prep", "dative")]
        if deep:
            preps += [t for t in token.subtree if t.dep_ == "prep" and t.head.dep_ != "relcl"]
        found: dict[str, set[str]] = {}
        for p in preps:
            found.setdefault(p.lower_, set()).update(lemma_of(t, lex) for t in p.subtree)
        return found
    window = token.doc[token.i + 1 : token.i + 8]
    return {t.lower_: {lemma_of(w, lex) for w in window[k:]} for k, t in enumerate(window)}


def _reports_event(token: Token, lex: EventLexicon) -> bool:
    """ "KCNA announced that Kim had visited ...": the complement holds an event verb, so this reports it."""
    if not is_parsed(token.doc):
        return False
    comps = (t for c in token.children if c.dep_ == "ccomp" and not is_future(c) for t in c.subtree)
    objects = (c for c in token.children if c.dep_ == "dobj")
    return any(t.pos_ == "VERB" and lemma_of(t, lex) in lex.verbs for t in comps) or any(
        lemma_of(o, lex) in lex.nouns for o in objects
    )


def _commits(token: Token, lex: EventLexicon) -> bool:
    """A statement of what the speaker will do: a will/would/shall complement."""
    if not is_parsed(token.doc):
        return False
    return any(is_future(v) for c in token.children if c.dep_ == "ccomp" for v in (c, *c.conjuncts))


def _particle(word: Token, verb: Token, particles: frozenset[str]) -> bool:
    """The verb's particle ("brought in", "looked round"): tagged so, or right after the verb; not a preposition
    further on ("brought nickel in containers")."""
    return word.lower_ in particles and (word.dep_ == "prt" or word.i == verb.i + 1)


def _holds(sense: Sense, token: Token, nominal: bool, lex: EventLexicon) -> bool:
    if sense.commitment and not _commits(token, lex):
        return False
    if sense.intransitive and not nominal and any(c.dep_ == "dobj" for c in token.children):
        return False
    if sense.particles and (nominal or not any(_particle(c, token, sense.particles) for c in token.children)):
        return False
    if sense.type is EventType.DECLARATION and not nominal and _reports_event(token, lex):
        return False
    if sense.objects and not sense.objects & _object_lemmas(token, nominal, lex):
        return False
    if sense.prep_objects:
        near, deep = _prep_objects(token, lex, deep=False), _prep_objects(token, lex, deep=True)
        return any(
            (prep in near and "*" in objs) or objs & deep.get(prep, set()) for prep, objs in sense.prep_objects.items()
        )
    return True


def _word_class(token: Token, lex: EventLexicon) -> bool | None:
    """True for a noun reading, False for a verb, None when the token cannot be a trigger."""
    if is_parsed(token.doc):
        if token.dep_ in NOT_EVENTS and not finite_modifier(token):
            return None
        if token.pos_ == "VERB" and token.dep_ in NOUN_SLOTS and token.tag_ != "VBG":
            return True
        if misread_verb(token, lex):
            return False
        return {"NOUN": True, "PROPN": True, "VERB": False, "AUX": False}.get(token.pos_)
    prev = token.doc[token.i - 1].lower_ if token.i else ""
    return prev in DETERMINERS or token.lower_.endswith(("tion", "ment", "ery", "ale"))


def misread_verb(token: Token, lex: EventLexicon) -> bool:
    """A present-tense verb the tagger read as a plural noun heading the sentence ("Peleng manufactures sighting
    systems", parsed as a noun "manufactures" with "Peleng" as its compound): no determiner, a name before it."""
    return (
        token.dep_ == "ROOT"
        and token.tag_ == "NNS"
        and lex.forms.get(token.lower_, "") in lex.verbs
        and not any(c.dep_ == "det" for c in token.children)
        and any(c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN" and c.i < token.i for c in token.children)
    )


def finite_modifier(token: Token) -> bool:
    """A verb with its own subject that the parser hung on the next noun as a modifier ("Petrov smuggled
    accelerometers to Moscow", parsed as "smuggled accelerometers"): a finite verb whose object is that noun."""
    return token.pos_ == "VERB" and token.dep_ == "amod" and any(c.dep_ == "nsubj" for c in token.children)


def is_future(token: Token) -> bool:
    """The token has a will/would/shall auxiliary: a statement of what is to come, not of what happened."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE for c in token.children)


def _hyphenated(token: Token, lemma: str, lex: EventLexicon) -> str:
    """The lemma of a hyphenated word the tokenizer split ("test - fire" → "test-fire") when the lexicon lists it."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_ or doc[token.i - 2].whitespace_:
        return lemma
    joined = f"{doc[token.i - 2].lower_}-{lemma}"
    return joined if joined in lex.verbs or joined in lex.nouns else lemma


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every trigger of the document, in text order, one sense per token."""
    lex = event_lexicon()
    found: list[Trigger] = []
    for token in doc:
        nominal = _word_class(token, lex)
        if nominal is None:
            continue
        plain = lemma_of(token, lex)
        lemma = _hyphenated(token, plain, lex)
        table = lex.nouns if nominal else lex.verbs
        senses = table.get(lemma) or table.get(plain, ())  # "test-launched": the verb "launch" if no "test-launch"
        if not senses and not is_parsed(doc):
            nominal = not nominal
            senses = (lex.nouns if nominal else lex.verbs).get(lemma, ())
        if not senses or (not nominal and is_future(token)):
            continue
        sense = next((s for s in senses if _holds(s, token, nominal, lex)), None)
        if sense is not None and not sense.skip:
            found.append(Trigger(token, sense, nominal))
    return found
