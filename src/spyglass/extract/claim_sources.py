"""Who a speaker phrase names: an entity, an organisation or person inside it, an earlier speaker it refers back to
("the newspaper", "the source", "the company"), the state outlet behind "state media", or just its words.

`Discourse` is what the claims of a document remember across sentences: the speakers met so far and the running
attribution scope (claims.py). A phrase larger than the entity it names keeps its own words as the source's
name ("analysts at CNS", "Russian customs records"), with the entity's id.
"""

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from spyglass.extract.entity_index import EntityIndex
from spyglass.extract.entity_ref import EntityCluster
from spyglass.extract.event_lexicon import ClaimLexicon, claim_lexicon
from spyglass.model import Certainty, EntityType, Source

SPEAKERS = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
DEFINITE = frozenset({"the", "this", "that"})
QUOTES = "\"'“”‘’«»"
QUOTE_MARKS = re.compile(r"[\"“”«»]|(?<!\w)['‘’]|['‘’](?!\w)")
CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "punct"})
SPEAKER_PRONOUNS = {
    "he": frozenset({EntityType.PERSON}),
    "she": frozenset({EntityType.PERSON}),
    "it": frozenset({EntityType.ORGANIZATION, EntityType.LOCATION}),
    "they": frozenset({EntityType.ORGANIZATION, EntityType.LOCATION}),
}
DASHES = frozenset({"-", "--", "—", "–"})
ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}
COMPANY_REACH = 80  # tokens back to look for the company "the company" refers to
NAME_REACH = 300  # tokens back to look for the organisation "the ministry" refers to
PRONOUN_REACH = 150  # tokens back to look for what a speaker pronoun stands for


@dataclass
class Frame:
    """An attribution frame on a trigger's path: its sources (outermost first) and the words that set it."""

    sources: list[Source]
    cue: str
    certainty: Certainty = Certainty.certain


@dataclass
class Discourse:
    """What the claims of a document remember across sentences: sources met so far and the running scope."""

    index: EntityIndex
    last_outlet: Source | None = None
    unnamed: dict[str, list[Source]] = field(default_factory=dict)
    scope: Frame | None = None
    scope_paragraph: int = -1
    lede: int | None = None  # the paragraph of the first sentence
    latest: Frame | None = None
    last_unnamed: tuple[int, Source, bool] | None = None  # token index, source, plural


def core(token: Token) -> list[Token]:
    """The words of a noun phrase without its clauses ("The quarterly report[, sent to the agency's board]"), its
    time ("ministers [on Monday]") and a dateline before it ("[BRUSSELS (Agency) -] EU ministers")."""
    out = [token]
    for c in token.children:
        if c.dep_ not in CLAUSES and not _timed(c):
            out += core(c)
    out.sort(key=lambda t: t.i)
    dashes = [t.i for t in token.doc[out[0].i : token.i] if t.text in DASHES and t.whitespace_]
    return [t for t in out if t.i > dashes[-1]] if dashes else out


def _timed(prep: Token) -> bool:
    return prep.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children)


def phrase(token: Token) -> str:
    """The words of a speaker phrase, without quotation marks (an apostrophe inside a word stays), a heading line
    the parser joined to it, and a parenthesis its core leaves open ("the Yonhap News Agency (YNA")."""
    words = core(token)
    text = QUOTE_MARKS.sub("", token.doc[words[0].i : words[-1].i + 1].text).strip().split("\n")[-1]
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")]
    return " ".join(text.split()).strip(" ,:;")


def source_of(token: Token, state: Discourse, lex: ClaimLexicon) -> Source:
    """The source a speaker phrase names: its entity; a person or else an organisation inside it ("White House
    spokesman John Kirby", "analysts at CNS") or behind a report ("a report released by X"); the organisation
    named before whose name holds the description's head ("the ministry"); the outlet a description refers back to
    ("the newspaper"); the latest company before "the company"; the state outlet the
    document names for "state media"; the latest unnamed source of the same kind ("the official"); or its words."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head  # "a German company, which told investigators ...": the company
    cluster = state.index.cluster(token)
    if cluster is None and token.lower_ in SPEAKER_PRONOUNS:
        return _pronoun_source(token, state) or Source(name=token.text)
    if cluster is not None and cluster.type in SPEAKERS | {EntityType.LOCATION}:
        return _entity_source(cluster, cluster.name, state)
    words = phrase(token)
    if (owner := _owner(token, state)) is not None:
        return _entity_source(owner, words, state)
    lemma = token.lemma_.lower() or token.lower_
    nouns = claim_lexicon().speakers
    definite = any(c.lower_ in DEFINITE for c in token.children)
    if definite and (named := _named_by_head(token, lemma, state)) is not None:
        return Source(entity=named.id, name=words)  # "the ministry said": the Foreign Ministry named before
    if lemma in lex.outlet_nouns and state.last_outlet is not None:
        return state.last_outlet
    if definite and lemma in nouns.company and (company := _latest_company(token, state)) is not None:
        return Source(entity=company.id, name=words)
    if words.lower() in nouns.state_media and (outlet := _state_outlet(state)) is not None:
        return Source(entity=outlet.id, name=words)
    met = state.unnamed.setdefault(lemma, [])
    if definite and met:
        nth = next((ORDINALS[c.lower_] for c in token.children if c.lower_ in ORDINALS), len(met) - 1)
        found = met[min(nth, len(met) - 1)]  # "the official": the latest one introduced; "the first source"
    else:
        found = Source(name=words)
        met.append(found)
    state.last_unnamed = (token.i, found, token.tag_ in ("NNS", "NNPS"))
    return found


def _entity_source(cluster: EntityCluster, name: str, state: Discourse) -> Source:
    found = Source(entity=cluster.id, name=name)
    if cluster.type is EntityType.ORGANIZATION:
        state.last_outlet = found
    return found


def _owner(token: Token, state: Discourse) -> EntityCluster | None:
    """A person, else an organisation, inside the phrase or its author ("a report by X", "a report released on
    Thursday by the analytics firm X", "spreadsheets analysed by X"; not "a report seen by X")."""
    words = core(token)
    authored = [c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in claim_lexicon().speakers.authoring]
    agents = [a for c in authored for a in c.children if a.dep_ == "agent"]
    words += [w for a in agents for o in a.children if o.dep_ == "pobj" for w in core(o)]
    inside = [c for t in words if (c := state.index.cluster(t)) is not None and c.type in SPEAKERS]
    people = [c for c in inside if c.type is EntityType.PERSON]
    return next(iter(people or inside), None)


def _named_by_head(token: Token, lemma: str, state: Discourse) -> EntityCluster | None:
    """The latest organisation before a definite description whose name holds its head noun ("the ministry" after
    "Japan's Foreign Ministry", "the command" after "U.S. Central Command")."""
    compounds = _compounds(token)
    for i in range(token.i - 1, max(-1, token.i - NAME_REACH), -1):
        found = state.index.at.get(i)
        if found is None or found[0].type is not EntityType.ORGANIZATION:
            continue
        name = set(found[0].name.lower().split())
        if {token.lower_, lemma} & name and compounds <= name:
            return found[0]
    return None


def _latest_company(token: Token, state: Discourse) -> EntityCluster | None:
    """The company a description ("the Taiwanese maker", "the company") refers back to: the latest organisation
    before it whose name ends in a company word (Co, Ltd, Trading, Industries ...)."""
    ends = claim_lexicon().speakers.company_name_ends
    for i in range(token.i - 1, max(-1, token.i - COMPANY_REACH), -1):
        found = state.index.at.get(i)
        if found is None or found[0].type is not EntityType.ORGANIZATION:
            continue
        name = found[0].name.lower().rstrip(".").split()
        if name and name[-1] in ends and _compounds(token) <= set(name):
            return found[0]
    return None


def _compounds(token: Token) -> set[str]:
    """The nouns qualifying a description's head, which a name it refers to must hold ("the research group")."""
    return {c.lower_ for c in token.children if c.dep_ == "compound"}


def _state_outlet(state: Discourse) -> EntityCluster | None:
    """The state news outlet the document names (KCNA, IRNA, TASS ...), first mentioned first."""
    outlets = claim_lexicon().speakers.state_outlets
    named = [
        (min(m.start for m in c.mentions), c)
        for c in {c.id: c for c, _ in state.index.all}.values()
        if c.type is EntityType.ORGANIZATION and ({c.name.lower()} | {m.text.lower() for m in c.mentions}) & outlets
    ]
    return min(named, key=lambda n: n[0])[1] if named else None


def _pronoun_source(token: Token, state: Discourse) -> Source | None:
    """The speaker a pronoun stands for: the entity the index resolves it to (the previous sentence's subject
    first) or else the nearest fitting one before it; but an unnamed speaker of the same number quoted after that
    entity's last mention ("A European official said ... , he said") comes first."""
    kinds = SPEAKER_PRONOUNS[token.lower_]
    cluster = state.index.referent(token)
    if cluster is None or cluster.type not in kinds or (_tagged(token) and _said_in(cluster, token, state)):
        cluster = _nearest(token, kinds, state)
    at = max((m.start for c, m in state.index.all if c is cluster and m.start < token.i), default=-1)
    if state.last_unnamed is not None and token.lower_ != "it":
        where, unnamed, plural = state.last_unnamed
        if where > at and plural == (token.lower_ == "they"):
            return unnamed
    return _entity_source(cluster, cluster.name, state) if cluster is not None else None


def _tagged(pronoun: Token) -> bool:
    """The pronoun opens a speech tag after the clause it reports ("..., they said")."""
    return pronoun.i > pronoun.sent.start and pronoun.nbor(-1).text in {",", *QUOTES}


def _said_in(cluster: EntityCluster, pronoun: Token, state: Discourse) -> bool:
    """The entity is named in the clause a speech-tag pronoun reports."""
    return any(c is cluster and pronoun.sent.start <= m.start < pronoun.i for c, m in state.index.all)


def _nearest(token: Token, kinds: frozenset[EntityType], state: Discourse) -> EntityCluster | None:
    """The nearest entity of the kinds before a pronoun. A place in the pronoun's own sentence is what the
    sentence is about, not who speaks; behind a quotation or clause ("..., they said") nothing in it speaks."""
    tagged = _tagged(token)
    for i in range(token.i - 1, max(-1, token.i - PRONOUN_REACH), -1):
        found = state.index.at.get(i)
        if found is None or found[0].type not in kinds:
            continue
        if i >= token.sent.start and (tagged or found[0].type is EntityType.LOCATION):
            continue
        return found[0]
    return None
