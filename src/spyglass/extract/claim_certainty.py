"""Certainty of a claim, after FactBank: the cues of the trigger's own clause (modals, adverbs, impersonal
predicates, raising verbs, negation, open questions) and of the reporting frame above it, weakest first.

The clause ends at a relative clause, a coordinated clause with its own subject, a reporting verb or a semicolon;
the cue words themselves are `certainty` in claims.yaml.
"""

from spacy.tokens import Token

from spyglass.extract.event_lexicon import ClaimLexicon, claim_lexicon
from spyglass.model import Certainty

STRENGTH = [Certainty.negated, Certainty.unknown, Certainty.possible, Certainty.probable]
CLAUSE_ENDS = frozenset({"relcl", "acl", "appos"})


def set_apart(clause: Token, verb: Token) -> bool:
    """A clause before the verb and cut off from it by a semicolon is not what the verb reports ("X shipped Y;
    both governments deny that a deal exists")."""
    end = clause.right_edge.i
    return clause.i < verb.i and any(t.text == ";" for t in clause.doc[end + 1 : verb.i])


def certainty_of(token: Token, lex: ClaimLexicon) -> tuple[Certainty, str | None]:
    """The certainty cues of the trigger's clause, up to a relative clause, a coordinated clause with its own
    subject ("X has not joined ..., but Y announced") or the sentence root; a clause that complements an evidence
    noun reads that noun too ("no evidence that ..."); a whether-clause under a verb is unknown."""
    found: list[tuple[Certainty, str]] = [cue for cue in [_not_happened(token)] if cue is not None]
    child, node = None, token
    for _ in range(12):
        found += _cues_at(node, child, lex)
        if (question := _open_question(node, lex)) is not None:
            found.append((Certainty.unknown, question))
            break
        evidence = node.dep_ == "acl" and node.head.lemma_.lower() in lex.evidence_nouns
        own_clause = node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        if (node.dep_ in CLAUSE_ENDS and not evidence) or own_clause or node.head.i == node.i:
            break
        if (child is not None and node.lemma_.lower() in lex.attribution) or set_apart(node, node.head):
            break
        child, node = node, node.head
    return min(found, key=lambda f: rank(f[0]), default=(Certainty.certain, None))


def _open_question(node: Token, lex: ClaimLexicon) -> str | None:
    """ "cannot say whether Iran has ...", "did not confirm if ...": a whether-clause under a verb leaves the event
    open (unknown), whatever the negation above it. Under a predicate ("it is unclear whether") the predicate
    sets the value instead."""
    mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in ("whether", "if")), None)
    if mark is None or node.dep_ != "ccomp" or node.head.pos_ != "VERB":
        return None
    return f"{node.head.text} {mark.text}"


def _cues_at(node: Token, child: Token | None, lex: ClaimLexicon) -> list[tuple[Certainty, str]]:
    out: list[tuple[Certainty, str]] = []
    lemma = node.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in node.children)
    predicated = any(c.dep_ == "acomp" and c.lemma_.lower() in lex.predicate for c in node.children)
    nested = [g for c in node.children if c.dep_ == "aux" for g in c.children if g.dep_ == "aux"]
    for c in [*node.children, *nested]:  # "may" hangs on "have" in "may have ground-tested"
        word = c.lower_
        if c.dep_ == "neg" and predicated:
            continue
        if c.dep_ == "neg" and child is not None and lemma in claim_lexicon().unconfirmed:
            out.append((Certainty.unknown, f"{c.text} {node.text}"))  # "could not confirm that ...": left open
            continue
        if c.dep_ == "aux" and word in lex.modal:
            nxt = c.nbor(1) if c.i + 1 < len(c.doc) and c.nbor(1).lower_ == "have" else None
            out.append((lex.modal[word], f"{c.text} have" if nxt is not None else c.text))
        elif c.dep_ in ("advmod", "neg") and word in lex.adverb:
            out.append((lex.adverb[word], c.text))
        elif c.dep_ == "amod" and node.pos_ == "NOUN" and word in claim_lexicon().modifiers:
            out.append((claim_lexicon().modifiers[word], c.text))
        elif c.dep_ == "acomp" and c.lemma_.lower() in lex.predicate and child is not None:
            value = lex.predicate[c.lemma_.lower()]
            if negated:
                value = Certainty.unknown if value is Certainty.certain else Certainty.negated
            start = min(t.i for t in node.children if t.dep_ in ("expl", "nsubj", "neg", "acomp"))
            out.append((value, node.doc[start : c.i + 1].text))
        elif c.dep_ == "det" and word == "no" and lemma in lex.evidence_nouns:
            out.append((Certainty.negated, f"{c.text} {node.text}"))
    if child is not None and child.dep_ == "xcomp":
        if lemma in lex.raising:
            out.append((lex.raising[lemma], node.text))
        elif lemma in lex.hearsay_verbs and any(c.dep_ == "auxpass" for c in node.children):
            aux = [c.text for c in node.children if c.dep_ == "auxpass"]
            out.append((Certainty.probable, " ".join([*aux, node.text, "to"])))
    if child is not None and lemma in lex.attribution and lex.attribution[lemma] is not Certainty.certain:
        out.append((lex.attribution[lemma], node.text))
    return out


def _not_happened(token: Token) -> tuple[Certainty, str] | None:
    """ "No nickel was shipped", "X shipped no nickel", "X has yet to ship": the event did not take place."""
    for c in token.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return Certainty.negated, f"no {c.text}"
    pending = token.dep_ == "xcomp" and token.head.lemma_ == "have"
    if pending and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in token.head.children):
        return Certainty.negated, "yet to"
    return None


def hearsay(token: Token, lex: ClaimLexicon) -> bool:
    """ "are said to have", "reportedly": hearsay with no speaker of its own."""
    for node in (token, *token.ancestors):
        if any(c.lower_ in lex.hearsay_adverbs for c in node.children):
            return True
        if node.lemma_.lower() in lex.hearsay_verbs and any(c.dep_ == "auxpass" for c in node.children):
            return True
        if node.dep_ in CLAUSE_ENDS:
            break
    return False


def rank(value: Certainty) -> int:
    """Lower is weaker: negated, unknown, possible, probable, then certain."""
    return STRENGTH.index(value) if value in STRENGTH else len(STRENGTH)
