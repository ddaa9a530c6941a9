"""Claims: who says an event happened (the attribution chain, outermost first) and how sure (FactBank certainty).

The frames on the trigger's own path come from claim_frames.py. A sentence without a frame of its own stays in
the scope of the main-clause frame of the sentence before, within its paragraph, while it names no actor of its
own, and so does a quoted paragraph right after it; hearsay without a speaker ("are said to have") keeps the
latest source. Certainty is claim_certainty.py's business, who a speaker phrase names claim_sources.py's.
"""

from spacy.tokens import Span, Token

from spyglass.extract.claim_certainty import certainty_of, hearsay, rank
from spyglass.extract.claim_frames import frames_on_path, subject
from spyglass.extract.claim_sources import QUOTES, SPEAKERS, Discourse, Frame
from spyglass.extract.event_lexicon import ClaimLexicon, claim_lexicon
from spyglass.extract.triggers import is_parsed
from spyglass.model import Certainty, Claim, EntityType, Source


def _start(sent: Span) -> int:
    """Where a sentence's own text starts: the parser may open it with the closing quote and the blank line of
    the paragraph before ('"\n\nOn Tuesday, ...')."""
    lead = []
    for t in sent:
        if t.is_alpha or t.is_digit:
            break
        lead.append(t)
    spaces = [t for t in lead if t.is_space]
    return spaces[-1].idx + len(spaces[-1].text) if spaces else sent.start_char


def paragraph_of(sent: Span) -> int:
    """Paragraph number of a sentence: the count of line breaks before its own text."""
    return sent.doc.text.count("\n", 0, _start(sent))


def _opens_quote(sent: Span) -> bool:
    return sent.doc.text[_start(sent) : sent.end_char].lstrip()[:1] in QUOTES


def claim_for(token: Token, state: Discourse) -> Claim:
    """The claim of the event whose trigger is `token`, updating the discourse scope."""
    lex = claim_lexicon()
    if not is_parsed(token.doc):
        return _window_claim(token, state, lex)
    frames = frames_on_path(token, state, lex)
    certainty, cue = certainty_of(token, lex)
    sent = token.sent
    if frames:
        sources = [s for f in reversed(frames) for s in f.sources]
        frame = Frame(sources, frames[0].cue)
    elif hearsay(token, lex) and state.latest is not None:
        frame = state.latest
    elif state.scope is not None and _in_scope(sent, state, lex) and _continues(token, state):
        frame = state.scope
    else:
        return Claim(certainty=certainty, cue=cue)
    for f in frames:
        if rank(f.certainty) < rank(certainty):
            certainty, cue = f.certainty, f.cue
    return Claim(sources=_dedupe(frame.sources), certainty=certainty, cue=cue or frame.cue)


def _continues(token: Token, state: Discourse) -> bool:
    """A sentence stays in the previous sentence's attribution when it goes on with the same report: no named
    actor of its own as subject ("The materials were then shipped ...", "It also sold ..."), or a quotation."""
    if _opens_quote(token.sent) and not _tagged_quote(token.sent, claim_lexicon()):
        return True
    clause = next((n for n in (token, *token.ancestors) if n.pos_ in ("VERB", "AUX")), token)
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and (shared := subject(clause)) is not None:
        subjects = [shared]  # "AERO develops missiles and has been on the Entity List": AERO
    actors = SPEAKERS | {EntityType.LOCATION}
    return not any(getattr(state.index.cluster(t), "type", None) in actors for s in subjects for t in s.subtree)


def _dedupe(sources: list[Source]) -> list[Source]:
    out: list[Source] = []
    for s in sources:
        if not any((s.entity and s.entity == o.entity) or s.name == o.name for o in out):
            out.append(s)
    return out


def note_sentence(sent: Span, state: Discourse) -> None:
    """Record the attribution frame a sentence sets for the sentences after it in its paragraph: a reporting
    verb on its main clause, not one inside a subordinate clause ("..., when it said it had ...")."""
    lex = claim_lexicon()
    if not is_parsed(sent.doc):
        return
    if state.lede is None:
        state.lede = paragraph_of(sent)
    complements = [t for t in sent if t.dep_ in ("ccomp", "xcomp") and not _subordinate(t.head)]
    frames = max((frames_on_path(t, state, lex) for t in complements), key=len, default=[])
    if not frames:
        frames = [f for f in frames_on_path(sent.root, state, lex) if f.cue == "according to"]
    if frames:
        frame = Frame([s for f in reversed(frames) for s in f.sources], frames[0].cue)
        state.scope, state.scope_paragraph, state.latest = frame, paragraph_of(sent), frame
    elif state.scope is not None and _in_scope(sent, state, lex):
        state.scope_paragraph = paragraph_of(sent)
    else:
        state.scope = None


def _subordinate(verb: Token) -> bool:
    """The verb stands in a relative or adverbial clause ("..., when it said it had ...", "a missile it said
    could ..."); a participle sharing the main subject ("..., saying that ...") is no such clause."""
    for node in (verb, *verb.ancestors):
        if node.dep_ in ("relcl", "acl") or (node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children)):
            return True
    return False


def _in_scope(sent: Span, state: Discourse, lex: ClaimLexicon) -> bool:
    """A sentence is in the running scope in the paragraph that set it; in the paragraph after the lede, when the
    lede set it (the second paragraph tells the lede's report in detail); and, when it opens with a quotation and
    names no speaker of its own, in the paragraphs right after it (a quoted paragraph goes on with the speaker
    named before). The scope is still running only if no sentence in between left it."""
    if state.scope_paragraph in (paragraph_of(sent), state.lede):
        return True
    return _opens_quote(sent) and not _tagged_quote(sent, lex)


def _tagged_quote(sent: Span, lex: ClaimLexicon) -> bool:
    """The sentence names its own speaker: a reporting verb with a subject, or any clause whose subject stands
    outside the quotation ('"...," Kim pledged')."""
    if any(t.lemma_.lower() in lex.attribution and subject(t) is not None for t in sent):
        return True
    marks = [t.i for t in sent if t.text in QUOTES]
    if len(marks) < 2:
        return False
    return any(t.dep_ in ("nsubj", "nsubjpass") and not marks[0] < t.i < marks[-1] for t in sent)


def _window_claim(token: Token, state: Discourse, lex: ClaimLexicon) -> Claim:
    """Without a parse: "according to X" or a reporting verb with an entity before it, in the same sentence."""
    sent = token.sent
    sources: list[Source] = []
    cue = None
    for t in sent:
        if t.lower_ == "according" and t.i + 2 < sent.end:
            cluster = state.index.cluster(t.nbor(2)) or (state.index.cluster(t.nbor(3)) if t.i + 3 < sent.end else None)
            if cluster is not None:
                sources.append(Source(entity=cluster.id, name=cluster.name))
                cue = "according to"
        elif t.i < token.i and t.lower_ in ("said", "says", "reported", "reports", "reporting"):
            before = [c for c, _ in state.index.mentions_in(sent[: t.i - sent.start]) if c.type in SPEAKERS]
            if before:
                sources.append(Source(entity=before[-1].id, name=before[-1].name))
                cue = t.text
    certainty = Certainty.certain
    for t in sent[: token.i - sent.start]:
        value = lex.modal.get(t.lower_) or lex.adverb.get(t.lower_) or lex.predicate.get(t.lower_)
        if value is not None and value is not Certainty.certain:
            certainty, cue = value, t.text
    return Claim(sources=_dedupe(sources), certainty=certainty, cue=cue)
