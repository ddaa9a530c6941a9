"""Attribution frames on a trigger's path: a reporting verb whose complement holds the trigger ("X said that ..."),
"S quotes T as saying", "according to X", "reports of ...", a relative clause reporting an event noun ("the theft,
which the FBI attributed to ..."), a speech tag beside or closing the sentence ("“...,” Lewis said", "..., KCNA
reported."), "X, citing Y, reported". A clause merely coordinated with a reporting verb, and a comma-set relative
clause with a named actor of its own (an aside), lie outside its frame.
"""

from spacy.tokens import Token

from spyglass.extract.claim_certainty import set_apart
from spyglass.extract.claim_sources import Discourse, Frame, source_of
from spyglass.extract.event_lexicon import ClaimLexicon
from spyglass.model import Certainty, Source


def subject(verb: Token) -> Token | None:
    """The speaker of a verb: its subject nearest before it ("DUBAI (Agency) — the Guard Corps said": the Corps),
    the agent of a passive, else the subject it shares with the verb it is coordinated with or qualifies ("X
    dismissed the reports and insisted that ...", "X imposed sanctions, saying that ...")."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    if subj and subj[0].dep_ == "agent":
        return next((c for c in subj[0].children if c.dep_ == "pobj"), None)
    if subj:
        return max(subj, key=lambda c: c.i if c.i < verb.i else -c.i)
    if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        return subject(verb.head)
    return None


def _quoter(verb: Token, lex: ClaimLexicon) -> Token | None:
    """ "S quotes T as saying": the verb `quotes` when `verb` is `saying`."""
    h = verb
    for _ in range(2):
        h = h.head
        if (h.lemma_.lower() or h.lower_) in lex.quoting:
            return h
    return None


def _cited(verb: Token, subj: Token, said: Token, state: Discourse, lex: ClaimLexicon) -> list[Source]:
    """ "X, citing Y, reported ..." / "X reported, quoting Y, ..." / "X told TASS, citing Y, that ..." (the
    parser may hang "citing" on what was said): Y speaks inside X."""
    quoting = [
        c
        for head in (verb, subj, said)
        for c in head.children
        if c.dep_ in ("advcl", "acl", "xcomp", "conj", "npadvmod") and c.lemma_.lower() in lex.quoting and c.i != verb.i
    ]
    return [source_of(o, state, lex) for q in quoting for o in q.children if o.dep_ == "dobj"][:1]


def _according(token: Token) -> Token | None:
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            return next((o for p in c.children for o in p.children if o.dep_ == "pobj"), None)
    return None


def frames_on_path(token: Token, state: Discourse, lex: ClaimLexicon) -> list[Frame]:
    """Attribution frames from the trigger up to its root, innermost first."""
    frames: list[Frame] = _reported_by_relative(token, state, lex)
    below, child, node = None, None, token
    while True:
        lemma = node.lemma_.lower()
        if (pobj := _according(node)) is not None:
            frames.append(Frame([source_of(pobj, state, lex)], "according to"))
        described = (
            below is not None
            and below.dep_ == "relcl"
            and child is not None
            and child.dep_ == "dobj"
            and not any(c.dep_ == "ccomp" for c in node.children)
        )
        if (
            child is not None
            and child.dep_ not in ("nsubj", "nsubjpass", "agent")
            and not _coordinated(child)
            and not described  # "X dismissed the official who shipped ...": the official is no report
            and not set_apart(child, node)
        ):
            if node.pos_ in ("VERB", "AUX") and (lemma in lex.attribution or lemma in lex.quoting):
                subj = subject(node)
                quoter = _quoter(node, lex) if subj is None else None
                if subj is not None:
                    sources = [source_of(subj, state, lex), *_cited(node, subj, child, state, lex)]
                    frames.append(Frame(sources, _cue(node, subj), lex.attribution.get(lemma) or Certainty.certain))
                elif quoter is not None:
                    quoted = next((c for c in quoter.children if c.dep_ == "dobj"), None)
                    if quoted is not None:
                        frames.append(Frame([source_of(quoted, state, lex)], f"{quoter.text} ... as {node.text}"))
            elif lemma in lex.report_nouns and child.dep_ in ("prep", "acl", "relcl", "ccomp"):
                owner = next((c for c in node.children if c.dep_ in ("poss", "compound")), None)
                if owner is None and node.dep_ in ("dobj", "nsubjpass"):
                    owner = subject(node.head)
                if owner is not None and any(state.index.cluster(t) is not None for t in owner.subtree):
                    frames.append(Frame([source_of(owner, state, lex)], f"{node.text} of"))
        if node.head.i == node.i:
            break
        if _aside(node, state):
            return frames + _closing_tag(token, lex, state)
        below, child, node = child, node, node.head
    framed = child is not None and child.dep_ not in ("nsubj", "nsubjpass", "agent")
    for verb, subj in _speech_tags(token, node, lex):
        if verb.i != node.i or not framed:
            frames.append(Frame([source_of(subj, state, lex)], verb.text, lex.attribution[verb.lemma_.lower()]))
    return frames


def _closing_tag(token: Token, lex: ClaimLexicon, state: Discourse) -> list[Frame]:
    """An aside is still within a speech tag closing its sentence ("X rode a tractor, which the factory began
    producing in July, KCNA said"): a reporting root whose speaker follows the trigger."""
    root = token.sent.root
    subj = subject(root)
    if root.lemma_.lower() not in lex.attribution or subj is None or subj.left_edge.i < token.i:
        return []
    return [Frame([source_of(subj, state, lex)], root.text, lex.attribution[root.lemma_.lower()])]


def _reported_by_relative(token: Token, state: Discourse, lex: ClaimLexicon) -> list[Frame]:
    """An event noun whose relative clause reports it ("the theft, which the FBI attributed to North Korea",
    "the sale of X to Y, which KCNA reported": the clause may hang on the phrase's last noun): the clause's
    subject is the source."""
    frames: list[Frame] = []
    if token.pos_ != "NOUN":
        return frames
    phrase = [t for t in token.subtree if t.dep_ != "relcl" or t.head.i == token.i or t.head in token.subtree]
    relatives = [c for t in phrase for c in t.children if c.dep_ == "relcl" and c.lemma_.lower() in lex.attribution]
    for clause in relatives:
        pronoun = any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in clause.children)
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if pronoun and subj is not None:
            value = lex.attribution[clause.lemma_.lower()]
            frames.append(Frame([source_of(subj, state, lex)], _cue(clause, subj), value))
    return frames


def _coordinated(clause: Token) -> bool:
    """A clause coordinated with the reporting verb is not what it reports ("X denied the report, and it said
    ..."), unless "that" opens it (a complement the parser coordinated: "X told TASS, citing Y, that ...")."""
    return clause.dep_ == "conj" and not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _aside(clause: Token, state: Discourse) -> bool:
    """A relative clause set off by a comma with a named actor of its own is the writer's aside, outside the
    report around it ("According to court papers, X shipped them to Y, which the Commerce Department has
    placed on its Entity List")."""
    if clause.dep_ != "relcl" or clause.left_edge.i == 0 or clause.left_edge.nbor(-1).text != ",":
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(state.index.cluster(s) is not None for s in subjects)


def _speech_tags(token: Token, root: Token, lex: ClaimLexicon) -> list[tuple[Token, Token]]:
    """Reporting verbs set beside the trigger's clause, with their speakers: a parataxis ("..., Lewis said"), or,
    when the parser attached the clause otherwise, a coordinated verb or the root whose speaker follows the
    trigger after a comma ("X inspected Y, the agency reported, releasing photos"; "X, part of Y, handed over Z,
    Y's press office said")."""
    out = []
    for verb in (*(c for c in root.children if c.dep_ in ("parataxis", "conj")), root):
        subj = subject(verb)
        if subj is None or not _speech_tag(verb, lex):
            continue
        beside = token.i < subj.left_edge.i and any(t.text == "," for t in token.doc[token.i : subj.left_edge.i])
        if verb.dep_ == "parataxis" or beside:
            out.append((verb, subj))
    final = _closing_speech(token, lex)
    return [*out, final] if final is not None and all(final[0].i != v.i for v, _ in out) else out


def _closing_speech(token: Token, lex: ClaimLexicon) -> tuple[Token, Token] | None:
    """A speech tag closing the sentence after the trigger (", KCNA reported." / ", the ministry said on
    Monday."), wherever the parser attached it: it covers the whole sentence."""
    sent = token.sent
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.i > token.i]
    if not verbs or verbs[-1].lemma_.lower() not in lex.attribution:
        return None
    verb = verbs[-1]
    tail = [t for t in sent[verb.i + 1 - sent.start :] if not t.is_punct and not t.is_space]
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if len(tail) > 4 or subj is None or subj.left_edge.i <= token.i:
        return None
    return (verb, subj) if subj.left_edge.nbor(-1).text == "," else None


def _speech_tag(verb: Token, lex: ClaimLexicon) -> bool:
    """ "..., Lewis said": a reporting verb set beside the clause, with no complement of its own ("...; both
    governments deny that a deal exists" speaks of something else)."""
    own = any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children)
    return verb.lemma_.lower() in lex.attribution and not own


def _cue(verb: Token, subj: Token) -> str:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.i > subj.i]
    return " ".join(t.text for t in [*aux, verb])
