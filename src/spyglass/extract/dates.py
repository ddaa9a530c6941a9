"""Event dates: which date expression of the text times an event, and the expressions as events see them (ranges
joined, "since" running to publication, datelines left out).

The expressions and their resolution are the grammar's (`date_grammar`); here is where they attach: the trigger's own
clause, never a report of it ("KCNA reported on Saturday that Kim visited ..."), then the sentence before.
"""

import re
from collections.abc import Callable
from datetime import date

from spacy.tokens import Doc, Span, Token

from spyglass.extract.date_grammar import DateExpr, expressions
from spyglass.extract.dateline import dateline_range
from spyglass.extract.event_lexicon import claim_lexicon, date_lexicon
from spyglass.model import DateSpan

RANGE_OPENER = re.compile(r"(?<![\w-])(?P<lead>between|from)\s+\Z", re.IGNORECASE)
RANGE_JOINT = {
    "between": re.compile(r"\s+and\s+", re.IGNORECASE),
    "from": re.compile(r"\s*(?:to|through|until|till|-|–)\s*", re.IGNORECASE),
}
SINCE = re.compile(r"(?<![\w-])since\s+\Z", re.IGNORECASE)

if not Doc.has_extension("sg_published"):
    Doc.set_extension("sg_published", default=None)


def _joined(text: str, first: DateExpr, second: DateExpr) -> DateExpr | None:
    """ "between February and October 2023", "from late 2022 to March 2023": one interval from the start of the
    first to the end of the second; the first, when it lacks a year, is resolved against the second."""
    opener = RANGE_OPENER.search(text, max(0, first.start_char - 10), first.start_char)
    own = re.match(r"from\s", first.span.text, re.IGNORECASE)
    lead = "from" if own else opener["lead"].lower() if opener else ""
    joint = RANGE_JOINT.get(lead)
    if joint is None or not joint.fullmatch(text, first.end_char, second.start_char):
        return None
    end = second.span.end
    start = next(iter(expressions(first.span.text, end)), first).span.start
    if (start is None) != (end is None) or (start and end and start > end):
        return None
    a = first.start_char if own or opener is None else opener.start()
    approx = first.span.approximate or second.span.approximate
    return DateExpr(
        a, second.end_char, DateSpan(text=text[a : second.end_char], start=start, end=end, approximate=approx)
    )


def _since(text: str, d: DateExpr, published: date | None) -> DateExpr:
    """ "since February 2022", "since last year": from the start of the expression to `published`."""
    before = SINCE.search(text, max(0, d.start_char - 8), d.start_char)
    if before is None and not re.match(r"since\s", d.span.text, re.IGNORECASE):
        return d
    a = before.start() if before else d.start_char
    span = d.span.model_copy(update={"text": text[a : d.end_char]})
    if published is not None and span.start is not None and span.start <= published:
        span = span.model_copy(update={"end": max(span.end or published, published)})
    return DateExpr(a, d.end_char, span)


def find_dates(text: str, published: date | None) -> list[DateExpr]:
    """Every date expression of `text` that can time an event, non-overlapping, in text order, resolved against
    `published`: ranges joined, "since" running to `published`, datelines left out (a dateline's date, "SEOUL,
    March 4 (Yonhap) --", dates the report, not anything the story tells)."""
    start, end = dateline_range(text)
    found = [d for d in expressions(text, published) if not start <= d.start_char < d.end_char <= end]
    out: list[DateExpr] = []
    k = 0
    while k < len(found):
        joined = _joined(text, found[k], found[k + 1]) if k + 1 < len(found) else None
        out.append(_since(text, joined or found[k], published))
        k += 2 if joined else 1
    return out


def published_of(doc: Doc) -> date | None:
    """The publication date of the article a `Doc` was made from: `doc._.sg_published` when set, else the
    `published` of the `Document` passed as context to `nlp.pipe(..., as_tuples=True)`."""
    return doc._.sg_published or getattr(doc._context, "published", None)


def _clause_head(token: Token, trigger: Token) -> Token:
    """The nearest verb at or above a date token (the clause it belongs to), or the trigger when the date sits in
    the trigger's own noun phrase ("the July 28, 2017, launch")."""
    for node in (token, *token.ancestors):
        if node.i == trigger.i or (node.pos_ in ("VERB", "AUX") and node.dep_ not in NOMINAL_DEPS):
            return node
    return token.sent.root


def _trigger_clause(trigger: Token) -> set[int]:
    """The trigger and the verbs whose clause it shares: a support verb of a nominal, a raising or control verb."""
    out, node = {trigger.i}, trigger
    if trigger.pos_ in ("VERB", "AUX"):
        while (node.dep_ in ("xcomp", "conj") or _simultaneous(node)) and node.head.i != node.i:
            node = node.head
            out.add(node.i)
        if node.dep_ == "acl" and node.head.dep_ == "dobj":
            out.add(node.head.head.i)  # "saw the tanker taking on cargo": seen when it happened
        return out
    out |= _describing_clauses(trigger)
    reporting = claim_lexicon().attribution
    for _ in range(6):
        if (
            node.dep_ not in ("xcomp", "dobj", "pobj", "prep", "nsubjpass", "attr", "nsubj", "pcomp")
            or node.head.i == node.i
        ):
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_ in reporting:
            break
        out.add(node.i)
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "xcomp":
            break
    return out


def _describing_clauses(noun: Token) -> set[int]:
    """Relative clauses on an event noun, or on what its "of" names, tell of the event itself ("the launch, which
    took place on Monday", "the test-fire of missiles which he watched last month")."""
    ofs = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return {c.i for n in (noun, *ofs) for c in n.children if c.dep_ == "relcl"}


def _simultaneous(verb: Token) -> bool:
    """ "... unravelled in 2003, when the freighter was intercepted": a when-clause shares the time of what it
    hangs on (its main clause, or the date itself)."""
    return verb.dep_ in ("advcl", "relcl") and any(
        c.dep_ == "advmod" and c.lower_ in ("when", "while") for c in verb.children
    )


def _opens_sentence(span: Span, trigger: Token, clause: set[int]) -> bool:
    """A date opening the sentence ("In the late 1990s, the network sold ...") times its main clause, and the
    clauses below it ("In May a destroyer saw the tanker taking on cargo") unless a report stands between ("On
    Friday KCNA said Kim had visited ...": the date of the report)."""
    sent = trigger.sent
    if span.start > sent.start + 1:
        return False
    reporting = claim_lexicon().attribution
    return sent.root.i in clause or not any(a.lemma_ in reporting for a in trigger.ancestors)


# A "verb" in a noun's position is a tagging slip ("tungsten and aluminum alloys" with "alloys" as a verb).
NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "npadvmod"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def date_of(trigger: Token, dates: list[DateExpr], announcers: frozenset[int] = frozenset()) -> DateSpan | None:
    """The date expression that times the event: one in the trigger's own phrase or clause, nearest first; never
    the date of a report of it ("KCNA reported on Saturday that ..."), unless the reporting verb is in
    `announcers`: a party announcing its own act ("On Friday the Commerce Department said it was adding ..."), or
    in the present ("the indictment says X shipped them in 2021").
    Failing that, the day its subject or object was made public ("an indictment unsealed on Wednesday charges
    ..."); failing that, a sentence telling a past act with no date but a report's continues the story before it
    ("On Monday North Korea fired a missile. It was launched from ..., the JCS said on Tuesday") and takes its
    date."""
    sent = trigger.sent
    here = [d for d in dates if sent.start_char <= d.start_char < sent.end_char]
    if not trigger.doc.has_annotation("DEP"):
        return _nearest(trigger, here, lambda span: not _after_reporting_word(span))
    clause = _trigger_clause(trigger) | announcers | _present_reports(trigger)
    own = _nearest(trigger, here, lambda span: _governed(span, trigger, clause))
    own = own or _nearest(trigger, here, lambda span: _made_public(span, trigger, clause))
    if own is not None or not all(_reports(d, trigger.doc) for d in here):
        return own
    return _previous_sentence_date(trigger, dates)


def _present_reports(trigger: Token) -> set[int]:
    """Reporting verbs in the present above the trigger ("the indictment says X smuggled them in 2021"): a past date
    the parser hung on them times what they report, not the report."""
    verbs = claim_lexicon().attribution
    return {v.i for v in trigger.ancestors if v.tag_ in ("VBZ", "VBP") and v.lemma_.lower() in verbs}


def _reports(d: DateExpr, doc: Doc) -> bool:
    """Whether a date times a report ("..., the ministry said on Tuesday")."""
    span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
    return span is not None and _clause_head(span.root, span.sent.root).lemma_ in claim_lexicon().attribution


def _nearest(trigger: Token, dates: list[DateExpr], accept: Callable[[Span], bool]) -> DateSpan | None:
    """The accepted date nearest the trigger, on the trigger's side of any line break."""
    doc = trigger.doc
    best: tuple[int, DateSpan] | None = None
    for d in dates:
        lo, hi = sorted((d.start_char, trigger.idx))
        span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
        if span is None or "\n" in doc.text[lo:hi] or not accept(span):
            continue
        distance = min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i))
        if best is None or distance < best[0]:
            best = (distance, d.span)
    return best[1] if best else None


def _after_reporting_word(span: Span) -> bool:
    """Without a parse: a date just after a reporting word ("said on Friday") dates the report."""
    doc = span.doc
    forms = claim_lexicon().attribution_forms
    return any(doc[k].lower_ in forms for k in range(max(span.sent.start, span.start - 3), span.start))


def _governed(span: Span, trigger: Token, clause: set[int]) -> bool:
    """A date in the trigger's clause, or opening its sentence."""
    governed = any(t.i in clause for t in span) or _clause_head(span.root, trigger).i in clause
    return governed or _opens_sentence(span, trigger, clause)


def _made_public(span: Span, trigger: Token, clause: set[int]) -> bool:
    """A date on a participle that makes the trigger's subject or object public: the day an indictment is unsealed
    or sanctions are announced is the day they charge or target ("an indictment unsealed on Wednesday charges
    ..."); a date on other participles ("a firm founded in 2010") is the described thing's own."""
    head = _clause_head(span.root, trigger)
    noun = head.head
    return (
        head.dep_ == "acl"
        and head.lemma_ in date_lexicon().disclosing
        and noun.dep_ in ARGUMENT_DEPS
        and noun.head.i in clause
    )


def _previous_sentence_date(trigger: Token, dates: list[DateExpr]) -> DateSpan | None:
    """When the trigger tells a past act, the date of the main clause of the nearest dated sentence before it, back
    through dateless ones (at most three) in its paragraph, or in the lead paragraph when the trigger's paragraph is
    the second: news elaborates its lead there. The act a main reporting verb reports counts as its main clause,
    the report's date not."""
    doc, sent = trigger.doc, trigger.sent
    if not _past(trigger) or _definite_noun(trigger):
        return None
    for _ in range(3):
        if sent.start == 0:
            return None
        prev = doc[sent.start - 1].sent
        if "\n" in doc.text[prev.start_char : sent.start_char] and not _lead_to_second(doc.text, prev, sent):
            return None
        if any(prev.start_char <= d.start_char < prev.end_char for d in dates):
            return _main_clause_date(prev, dates)
        sent = prev
    return None


def _definite_noun(trigger: Token) -> bool:
    """ "the test-fire": a definite event noun refers back to an event told, and has that event's date."""
    return trigger.pos_ == "NOUN" and any(
        d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in trigger.children
    )


def _lead_to_second(text: str, prev: Span, sent: Span) -> bool:
    """Whether `prev` ends the text's first paragraph and `sent` is in its second."""
    lead_end = text.find("\n\n")
    second_end = text.find("\n\n", lead_end + 2)
    return 0 <= prev.start_char < lead_end < sent.start_char and (second_end < 0 or sent.start_char < second_end)


def _main_clause_date(sent: Span, dates: list[DateExpr]) -> DateSpan | None:
    """The date of a sentence's main clause, or of the act its main reporting verb reports; None when its root is
    no verb (a header line)."""
    doc, root = sent.doc, sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    reporting = claim_lexicon().attribution
    for d in dates:
        span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
        if span is None or not (sent.start <= span.start < sent.end):
            continue
        head = _clause_head(span.root, root)
        reported = head.head.i == root.i and root.lemma_ in reporting and head.dep_ in ("ccomp", "parataxis")
        if (head.i == root.i or reported) and head.lemma_ not in reporting:
            return d.span
    return None


def _past(trigger: Token) -> bool:
    """Whether the trigger's clause tells a past act ("fired", "was launched", "were being moved"), not a present
    state or habit ("assembles", "has manufactured", "will ship")."""
    verb = next((t for t in (trigger, *trigger.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ in ("VBZ", "VBP", "MD") for c in aux):
        return False
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux)
