"""Metadata found in plain text and URLs: headline, byline, dateline, publication date.

Only what the text states is taken: a date is read from an explicit date line or a URL date path, never guessed.
"""

import re
from dataclasses import dataclass
from datetime import date

from spyglass.ingest.cues import metadata_cues

# Segments of a metadata line; "May 2, 2024 by Jane Doe" and "June 19, 2026 Updated 6 hours ago" split too.
_SEGMENTS = re.compile(r"\s+[|•·–—-]\s+|(?<=\d{4})\s+(?=by\s)|\s+(?=[Uu]pdated\b)")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)*|[A-Z]\.")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
# Year first, then month and day: "2026.04.17", "2024/3/9", and the North Korean "(2026) 10. 2." after a Juche year.
_NUMERIC_DATE = re.compile(r"\b(?P<year>(19|20)\d\d)\)?\s*[./-]?\s*(?P<month>\d{1,2})\s*[./-]\s*(?P<day>\d{1,2})\b")
_SENTENCE_END = re.compile(r"[.:;,][\"'”’)\]]*$")
_MAX_OTHER_WORDS = 4  # a segment beside the date: section label, time and zone, "4 min read"


def is_headline(line: str) -> bool:
    """A short line with no sentence-final stop, such as an article's headline."""
    cues = metadata_cues()
    words = line.split()
    return (
        cues.headline_min_words <= len(words) <= cues.headline_max_words
        and len(line) <= cues.headline_max_chars
        and not _SENTENCE_END.search(line)
        and any(c.isalpha() for c in line)
    )


def is_agency(name: str) -> bool:
    """A news agency or outlet of the cues."""
    return name.casefold() in metadata_cues().agencies


def byline_of(line: str) -> str | None:
    """The byline a line states: a bare agency or outlet name, or "By Jane Doe"."""
    cues = metadata_cues()
    if is_agency(line):
        return line
    for pattern in cues.byline_patterns:
        if m := pattern.match(line):
            return m.group("byline").strip()
    return None


def head_byline(line: str) -> str | None:
    """The byline a head line names among other short metadata: "Summary by the Analysis Group | 6 min read"."""
    parts = _SEGMENTS.split(line)
    bylines = [found for part in parts if (found := byline_of(part))]
    return bylines[0] if bylines and all(_is_metadata(part) for part in parts) else None


def dateline_match(paragraph: str) -> re.Match[str] | None:
    """The dateline opening a paragraph ("SEOUL, March 4 (Yonhap) -- ..."): group "dateline" is the place, the match
    ends where the story's first sentence starts."""
    cues = metadata_cues()
    for pattern in cues.dateline_patterns:
        m = pattern.match(paragraph)
        if m is None or m.group("dateline").casefold() in cues.not_datelines:
            continue
        if (agency := m.groupdict().get("agency")) is None or is_agency(agency):
            return m
    return None


def dateline_of(paragraph: str) -> str | None:
    """The place a dateline opens the paragraph with: "SEOUL - ..." → "SEOUL"."""
    m = dateline_match(paragraph)
    return m.group("dateline") if m else None


@dataclass(frozen=True)
class DateLine:
    """A head line that states the publication date, and the byline when the same line names one."""

    published: date | None
    byline: str | None


def date_line(line: str) -> DateLine | None:
    """Read a line that states a date, alone ("Published: June 1, 2019") or among segments
    ("Jane Doe | May 22, 2024 | 4 min read", "Saturday, October 21, 2023 - 08:10"); every other segment must be
    short metadata. `published` is the first full date stated, None when it is relative or partial
    ("Updated 4 hours ago")."""
    parts = _SEGMENTS.split(line)
    stated = [found for part in [line, *parts] if (found := _date_text(part))]
    if not stated or not all(_date_text(part) or _is_metadata(part) for part in parts):
        return None
    names = (byline_of(part) or (part if len(parts) > 1 and _is_name(part) else None) for part in parts)
    published = next(filter(None, map(parse_date, stated)), None)
    return DateLine(published, next(filter(None, names), None))


def _date_text(text: str) -> str | None:
    for pattern in metadata_cues().date_line_patterns:
        if m := pattern.match(text):
            return m.group("date")
    return None


def _is_metadata(segment: str) -> bool:
    """A segment beside a date that is metadata, never prose: a byline, a name, or a few words with no stop."""
    words = segment.split()
    short = len(words) <= _MAX_OTHER_WORDS and not _SENTENCE_END.search(segment)
    updated = words[0].casefold() == "updated" and len(words) <= 2 * _MAX_OTHER_WORDS  # "Updated about 6 hours ago"
    return short or updated or byline_of(segment) is not None or _is_name(segment)


def _is_name(text: str) -> bool:
    """Two to four capitalised words, as a reporter's name in a "Jane Doe | May 22, 2024" line."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(_NAME_WORD.fullmatch(w) for w in words)


def date_from_url(url: str | None) -> date | None:
    """The date in a URL's path (/2019/06/01/), else None."""
    if not url:
        return None
    for pattern in metadata_cues().url_date_patterns:
        if m := pattern.search(url):
            try:
                return date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
            except ValueError:
                continue
    return None


def parse_date(text: str) -> date | None:
    """A full calendar date (day, month and year all stated) in `text`, else None: relative dates ("4 hours ago")
    would only tell the day this ran, so they count as no date."""
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        pass
    # all digits: "2026.04.17" ("17 September 2023 10.02" has a month name and a time, for dateparser)
    if not re.search("[A-Za-z]", text) and (m := _NUMERIC_DATE.search(text)):
        try:
            return date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        except ValueError:
            return None
    if not _YEAR.search(text):
        return None
    import dateparser  # slow to import: only when a date line needs it

    found = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return found.date() if found else None
