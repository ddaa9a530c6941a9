"""Date expressions: found by a small grammar over the text and resolved against the publication date.

Expressions with a year ("July 28, 2017", "late 2022", "between 2019 and 2021") resolve on their own; relative
and vague ones ("in April", "last week", "on Thursday", "about five years ago", "in the late 1990s") resolve
against `published`,
or stay unresolved (start and end `None`, text kept) when it is unknown, rather than being guessed.
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Span, Token

from spyglass.extract.event_lexicon import claim_lexicon, date_lexicon
from spyglass.model import DateSpan

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = (
    r"(?P<month>(?-i:"
    + "|".join([m for m in calendar.month_name if m] + [m + r"\." for m in calendar.month_abbr if m and m != "May"])
    + r"))"
)
_LEAD = r"(?:(?P<lead>in|on|during|since|by|from|of|until|at)\s+)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NOT_UNIT = r"(?!\s*(?:tons?|tonnes?|kg|kilo|km|kilomet|miles?|people|units|metres|meters|%|dollars|troops))"

if not Doc.has_extension("sg_published"):
    Doc.set_extension("sg_published", default=None)

Resolved = tuple[date | None, date | None, bool]


@dataclass(frozen=True)
class DateExpr:
    """One date expression: its character offsets in the text and its resolved interval."""

    start_char: int
    end_char: int
    span: DateSpan


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _approx(text: str) -> bool:
    low = text.lower()
    return any(re.match(rf"(?:in\s+|by\s+)?{re.escape(w)}\b", low) for w in date_lexicon().approximate)


def _full(m: re.Match[str], pub: date | None) -> Resolved:
    d = date(int(m["year"]), MONTHS[m["month"].lower().rstrip(".")], int(m["day"]))
    return d, d, False


def _iso(m: re.Match[str], pub: date | None) -> Resolved:
    d = date.fromisoformat(m["iso"])
    return d, d, False


def _month_year(m: re.Match[str], pub: date | None) -> Resolved:
    y, mo = int(m["year"]), MONTHS[m["month"].lower().rstrip(".")]
    return date(y, mo, 1), month_end(y, mo), False


def _month_day(m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return None, None, False
    mo, day = MONTHS[m["month"].lower().rstrip(".")], int(m["day"])
    year = pub.year if (mo, day) <= (pub.month, pub.day) else pub.year - 1
    d = date(year, mo, day)
    return d, d, False


def _month(m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return None, None, False
    mo = MONTHS[m["month"].lower().rstrip(".")]
    forward = (m["rel"] or "").lower() == "next"
    year = pub.year + (mo < pub.month) if forward else pub.year - (mo > pub.month)
    return date(year, mo, 1), month_end(year, mo), bool(m["rel"] and m["rel"].lower() in ("early", "late", "mid"))


def _decade(m: re.Match[str], pub: date | None) -> Resolved:
    """A decade is vague: resolved only in a dated story, like other vague and relative expressions."""
    if pub is None:
        return None, None, False
    first = int(m["decade"])
    lo, hi = date_lexicon().parts.get((m["part"] or "").lower(), (0, 9))
    return date(first + lo, 1, 1), date(first + hi, 12, 31), bool(m["part"])


def _part_year(m: re.Match[str], pub: date | None) -> Resolved:
    y, third = int(m["year"]), date_lexicon().parts[m["part"].lower()][0] // 3
    return date(y, 1 + 4 * third, 1), month_end(y, 4 + 4 * third), True


def _range(m: re.Match[str], pub: date | None) -> Resolved:
    return date(int(m["y1"]), 1, 1), date(int(m["y2"]), 12, 31), False


def _year(m: re.Match[str], pub: date | None) -> Resolved:
    y = int(m["year"])
    start = date(y, 1, 1)
    if (m["lead"] or "").lower() == "since":
        return start, pub or date(y, 12, 31), False
    return start, date(y, 12, 31), _approx(m[0])


def _weekday(m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return None, None, False
    back = (pub.weekday() - WEEKDAYS[m["weekday"].lower()]) % 7
    if (m["rel"] or "").lower() == "next":
        d = pub + timedelta(days=(7 - back) % 7 or 7)
    else:
        d = pub - timedelta(days=back or (7 if (m["rel"] or "").lower() == "last" else 0))
    return d, d, False


def _ago(m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return None, None, False
    words = date_lexicon().numbers
    n = int(m["num"]) if m["num"].isdigit() else words[m["num"].lower()]
    unit, approx = m["unit"].lower(), bool(m["approx"]) or m["num"].lower() in ("several", "a few")
    if unit == "day":
        d = pub - timedelta(days=n)
        return d, d, approx
    if unit == "week":
        d = pub - timedelta(weeks=n)
        return d - timedelta(days=d.weekday()), d + timedelta(days=6 - d.weekday()), approx
    if unit == "month":
        y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        return date(y, mo + 1, 1), month_end(y, mo + 1), approx
    years = n * (10 if unit == "decade" else 1)
    return date(pub.year - years, 1, 1), date(pub.year - years, 12, 31), True


def _relative(m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return None, None, False
    unit, shift = date_lexicon().relative[re.sub(r"\s+", " ", m["rel"].lower())]
    if unit == "day":
        d = pub + timedelta(days=shift)
        return d, d, False
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6), False
    if unit == "month":
        y, mo = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
        return date(y, mo + 1, 1), min(month_end(y, mo + 1), pub), False
    return date(pub.year + shift, 1, 1), min(date(pub.year + shift, 12, 31), pub), False


@cache
def _grammar() -> tuple[tuple[re.Pattern[str], Callable[[re.Match[str], date | None], Resolved]], ...]:
    """The expression patterns, most specific first; overlapping matches keep the earlier pattern's."""
    lex = date_lexicon()
    num = "|".join(sorted((re.escape(w) for w in lex.numbers), key=len, reverse=True))
    approx = "|".join(re.escape(w) for w in lex.approximate)
    rel = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in lex.relative), key=len, reverse=True))
    days = "|".join(calendar.day_name)
    parts = "|".join(lex.parts)
    rules: list[tuple[str, Callable[[re.Match[str], date | None], Resolved]]] = [
        (_LEAD + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b", _full),
        (_LEAD + _MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?:Juche\s+\d{1,3}\s+)?\(" + _YEAR + r"\)", _full),
        (
            _LEAD + r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b",
            _full,
        ),
        (_LEAD + r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b", _iso),
        (r"(?:(?P<lead>between|from)\s+)" + r"(?P<y1>(?:19|20)\d\d)\s+(?:and|to)\s+(?P<y2>(?:19|20)\d\d)\b", _range),
        (_LEAD + r"(?P<y1>(?:19|20)\d\d)\s*(?:-|–|and)\s*(?P<y2>(?:19|20)\d\d)\b" + _NOT_UNIT, _range),
        (_LEAD + r"(?:the\s+)?(?:(?P<part>" + parts + r")[-\s]+)?(?P<decade>(?:19|20)\d0)'?s\b", _decade),
        (_LEAD + r"(?P<part>" + parts + r")[-\s]+" + _YEAR + r"\b", _part_year),
        (_LEAD + _MONTH + r"\s+(?:of\s+)?" + _YEAR + r"\b", _month_year),
        (_LEAD + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d)", _month_day),
        (_LEAD + r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b(?!,?\s*\d)", _month_day),
        (
            r"(?:(?P<approx>" + approx + r")\s+)?(?P<num>\d+|" + num + r")\s+(?P<unit>day|week|month|year|decade)s?"
            r"\s+ago\b",
            _ago,
        ),
        (r"\b(?P<rel>" + rel + r")\b", _relative),
        (r"\b(?:(?P<rel>last|this|next|on|early|late)\s+)?(?P<weekday>(?-i:" + days + r"))\b", _weekday),
        (
            r"\b(?:(?P<rel>last|this|next|early|late|mid|in|since|by|during|until|from)[-\s]+(?:the\s+)?)"
            + _MONTH
            + r"\b",
            _month,
        ),
        (
            r"\b(?P<rel>)" + r"(?P<month>(?-i:January|February|March|April|June|July|August|September|October|November"
            r"|December))\b",
            _month,
        ),
        (r"(?:(?:" + approx + r")\s+)?" + _LEAD + _YEAR + r"\b(?!['’]?s)" + _NOT_UNIT, _year),
    ]
    return tuple((re.compile(r"(?<![\w-])" + p, re.IGNORECASE), f) for p, f in rules)


def find_dates(text: str, published: date | None) -> list[DateExpr]:
    """Every date expression of `text`, non-overlapping, in text order, resolved against `published`."""
    taken: list[DateExpr] = []
    for pattern, resolve in _grammar():
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(a < t.end_char and t.start_char < b for t in taken):
                continue
            try:
                start, end, approx = resolve(m, published)
            except (ValueError, KeyError):
                continue
            span = DateSpan(text=m[0], start=start, end=end, approximate=approx)
            taken.append(DateExpr(a, b, span))
    return sorted(taken, key=lambda d: d.start_char)


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
REPORTING = frozenset({"said", "says", "reported", "reports", "released", "announced", "told", "stated"})


def date_of(trigger: Token, dates: list[DateExpr], announcers: frozenset[int] = frozenset()) -> DateSpan | None:
    """The date expression that times the event: one in the trigger's own phrase or clause, nearest first; never
    the date of a report of it ("KCNA reported on Saturday that ..."), unless the reporting verb is in
    `announcers`: a party announcing its own act ("On Friday the Commerce Department said it was adding ...")."""
    doc, sent = trigger.doc, trigger.sent
    best: tuple[int, DateSpan] | None = None
    parsed = doc.has_annotation("DEP")
    clause = _trigger_clause(trigger) | announcers if parsed else set()
    for d in dates:
        if not (sent.start_char <= d.start_char < sent.end_char):
            continue
        lo, hi = sorted((d.start_char, trigger.idx))
        if "\n" in doc.text[lo:hi]:
            continue
        span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
        if span is None:
            continue
        if parsed:
            governed = any(t.i in clause for t in span) or _clause_head(span.root, trigger).i in clause
            if not governed and not _opens_sentence(span, trigger, clause):
                continue
        elif any(doc[k].lower_ in REPORTING for k in range(max(sent.start, span.start - 3), span.start)):
            continue
        distance = min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i))
        if best is None or distance < best[0]:
            best = (distance, d.span)
    return best[1] if best else None
