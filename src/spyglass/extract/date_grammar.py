"""The date grammar: expressions found by patterns over the text and resolved against the publication date.

Expressions with a year ("July 28, 2017", "late 2022", "between 2019 and 2021") resolve on their own; relative
and vague ones ("in April", "last week", "on Thursday", "over the weekend", "this summer", "about five years ago",
"in the late 1990s") resolve against `published`, or stay unresolved (start and end `None`, text kept) when it is
unknown, rather than being guessed.
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from spyglass.extract.event_lexicon import date_lexicon
from spyglass.model import DateSpan

MONTHS = (
    {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
    | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
    | {"sept": 9}
)
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = (
    r"(?P<month>(?-i:"
    + "|".join(
        [m for m in calendar.month_name if m] + [m + r"\." for m in [*calendar.month_abbr, "Sept"] if m and m != "May"]
    )
    + r"))"
)
_LEAD = r"(?:(?P<lead>in|on|during|since|by|from|of|until|at)\s+)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NOT_UNIT = r"(?!\s*(?:tons?|tonnes?|kg|kilo|km|kilomet|miles?|people|units|metres|meters|%|dollars|troops))"

RELATIVE_YEAR = {"last": -1, "this": 0, "next": 1}


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
    part = (m["rel"] or "").lower()
    if part in date_lexicon().parts:
        return (*_part(date(year, mo, 1), month_end(year, mo), part), True)
    return date(year, mo, 1), month_end(year, mo), False


def _decade(m: re.Match[str], pub: date | None) -> Resolved:
    """A decade is vague: resolved only in a dated story, like other vague and relative expressions."""
    if pub is None:
        return None, None, False
    first = int(m["decade"])
    lo, hi = date_lexicon().parts.get(re.sub(r"\s+", " ", (m["part"] or "").lower()), (0, 9))
    return date(first + lo, 1, 1), date(first + hi, 12, 31), bool(m["part"])


def _part(start: date, end: date, part: str | None) -> tuple[date, date]:
    """The early, middle or late third of a year (by months) or of a month (by days); the whole span without a
    part."""
    if not part:
        return start, end
    third = date_lexicon().parts[re.sub(r"\s+", " ", part.lower())][0] // 3
    if start.month != end.month:
        return date(start.year, 1 + 4 * third, 1), month_end(start.year, 4 + 4 * third)
    last = end if third == 2 else date(start.year, start.month, 10 + 10 * third)
    return date(start.year, start.month, 1 + 10 * third), last


def _part_year(m: re.Match[str], pub: date | None) -> Resolved:
    y = int(m["year"])
    return (*_part(date(y, 1, 1), date(y, 12, 31), m["part"]), True)


def _range(m: re.Match[str], pub: date | None) -> Resolved:
    """ "between 2019 and 2021", "in 2022-23" (a two-digit second year is in the first's century, a decade at most
    after it)."""
    y1, y2 = int(m["y1"]), int(m["y2"])
    short = y2 < 100
    y2 += y1 - y1 % 100 if short else 0
    if y2 < y1 or (short and y2 - y1 > 10):
        raise ValueError(m[0])
    return date(y1, 1, 1), date(y2, 12, 31), False


def _year(m: re.Match[str], pub: date | None) -> Resolved:
    y = int(m["year"])
    return date(y, 1, 1), date(y, 12, 31), _approx(m[0])


def _month_of_year(m: re.Match[str], pub: date | None) -> Resolved:
    """ "in May last year", "March this year": the month of the year named relative to `published`."""
    if pub is None:
        return None, None, False
    y, mo = pub.year + RELATIVE_YEAR[m["rel"].lower()], MONTHS[m["month"].lower().rstrip(".")]
    return date(y, mo, 1), month_end(y, mo), False


def _fraction(m: re.Match[str], pub: date | None) -> Resolved:
    """ "the first half of 2023", "the third quarter of last year": those months of the year."""
    if m["year"]:
        y = int(m["year"])
    elif pub is None:
        return None, None, False
    else:
        y = pub.year + RELATIVE_YEAR[m["rel"].lower()]
    first, last = date_lexicon().fractions[re.sub(r"\s+", " ", m["fraction"].lower())]
    return date(y, first, 1), month_end(y, last), False


def _season(m: re.Match[str], pub: date | None) -> Resolved:
    """ "this summer", "last winter", "in the spring of 2023": the season's months (northern hemisphere); without a
    year, "last" is the latest one ended before `published`, "next" the first begun after it, otherwise the latest
    begun by it."""
    first, last = date_lexicon().seasons[m["season"].lower()]
    wraps = last < first

    def bounds(y: int) -> tuple[date, date]:
        return date(y, first, 1), month_end(y + wraps, last)

    if m["year"]:
        return (*bounds(int(m["year"])), True)
    if pub is None:
        return None, None, False
    rel = (m["rel"] or "").lower()
    years = range(pub.year + 1, pub.year - 3, -1)
    if rel == "next":
        y = min(y for y in years if bounds(y)[0] > pub)
    elif rel == "last":
        y = max(y for y in years if bounds(y)[1] < pub)
    else:
        y = max(y for y in years if bounds(y)[0] <= pub)
    return (*bounds(y), True)


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
    """A span named relative to `published` ("last week", "over the weekend", "late last year"); a part of it
    narrows it, and a span running on past `published` stops there."""
    if pub is None:
        return None, None, False
    unit, shift = date_lexicon().relative[re.sub(r"\s+", " ", m["rel"].lower())]
    if unit == "day":
        start = end = pub + timedelta(days=shift)
    elif unit == "past":
        start, end = pub - timedelta(days=shift), pub
    elif unit == "weekend":
        start = pub - timedelta(days=(pub.weekday() - 5) % 7)
        end = start + timedelta(days=1)
    elif unit == "week":
        start = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        end = start + timedelta(days=6)
    elif unit == "month":
        y, mo = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
        start, end = date(y, mo + 1, 1), month_end(y, mo + 1)
    else:
        start, end = date(pub.year + shift, 1, 1), date(pub.year + shift, 12, 31)
    start, end = _part(start, end, m["part"])
    return start, min(end, pub) if start <= pub else end, bool(m["part"]) or unit == "past"


@cache
def _grammar() -> tuple[tuple[re.Pattern[str], Callable[[re.Match[str], date | None], Resolved]], ...]:
    """The expression patterns, most specific first; overlapping matches keep the earlier pattern's."""
    lex = date_lexicon()
    num = "|".join(sorted((re.escape(w) for w in lex.numbers), key=len, reverse=True))
    approx = "|".join(re.escape(w) for w in lex.approximate)
    rel = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in lex.relative), key=len, reverse=True))
    days = "|".join(calendar.day_name)
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lex.parts)
    parts = r"(?:the\s+)?(?P<part>" + words + r")[-\s]+(?:the\s+)?"
    seasons = "|".join(date_lexicon().seasons)
    fractions = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in date_lexicon().fractions)
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
        (_LEAD + r"(?P<y1>(?:19|20)\d\d)\s*(?:-|–|/)\s*(?P<y2>\d\d)\b(?!-)" + _NOT_UNIT, _range),
        (
            r"(?:the\s+)?(?P<fraction>" + fractions + r")\s+of\s+(?:" + _YEAR + r"\b|(?P<rel>last|this|next)\s+year\b)",
            _fraction,
        ),
        (_LEAD + r"(?:the\s+)?(?:" + parts + r")?(?P<decade>(?:19|20)\d0)'?s\b", _decade),
        (_LEAD + parts + _YEAR + r"\b", _part_year),
        (_LEAD + _MONTH + r"\s+(?:of\s+)?" + _YEAR + r"\b", _month_year),
        (_LEAD + _MONTH + r"\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", _month_of_year),
        (
            r"\b(?:(?P<rel>this|last|next|in|during|over|since|by)\s+)?(?:the\s+)?(?P<season>" + seasons + r")"
            r"\s+(?:of\s+)?" + _YEAR + r"\b",
            _season,
        ),
        (
            r"\b(?P<rel>this|last|next|in|during|over|since|by)\s+(?:the\s+)?(?P<season>" + seasons + r")\b"
            r"(?P<year>)(?!\s+of\b)(?!(?<=[Ff]all)\s+in\b)",  # "the fall in oil prices" is no autumn
            _season,
        ),
        (_LEAD + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d)", _month_day),
        (_LEAD + r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b(?!,?\s*\d)", _month_day),
        (
            r"(?:(?P<approx>" + approx + r")\s+)?(?P<num>\d+|" + num + r")\s+(?P<unit>day|week|month|year|decade)s?"
            r"\s+ago\b",
            _ago,
        ),
        (r"\b(?:" + parts + r")?(?P<rel>" + rel + r")\b", _relative),
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


def expressions(text: str, published: date | None) -> list[DateExpr]:
    """The grammar's expressions of `text`, non-overlapping, in text order, resolved against `published`."""
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
