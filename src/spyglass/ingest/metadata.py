"""Metadata found in plain text and URLs: headline, byline, dateline, publication date.

Only what the text states is taken: a date is read from an explicit date line or a URL date path, never guessed.
"""

import re
from datetime import date

from spyglass.ingest.cues import metadata_cues

_SENTENCE_END = re.compile(r"[.:;,][\"'”’)\]]*$")


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


def byline_of(line: str) -> str | None:
    """The byline a line states: a bare agency or outlet name, or "By Jane Doe"."""
    cues = metadata_cues()
    if line.casefold() in cues.agencies:
        return line
    for pattern in cues.byline_patterns:
        if m := pattern.match(line):
            return m.group("byline").strip()
    return None


def dateline_of(paragraph: str) -> str | None:
    """The place a dateline opens the paragraph with: "SEOUL - ..." → "SEOUL"."""
    for pattern in metadata_cues().dateline_patterns:
        if m := pattern.match(paragraph):
            return m.group("dateline")
    return None


def date_statement(line: str) -> str | None:
    """The date text of a line that only states a date ("Published: June 1, 2019" → "June 1, 2019"), else None."""
    for pattern in metadata_cues().date_line_patterns:
        if m := pattern.match(line):
            return m.group("date")
    return None


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
    """A full calendar date (day, month and year all stated) in `text`, else None."""
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        pass
    import dateparser  # slow to import: only when a date line needs it

    found = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return found.date() if found else None
