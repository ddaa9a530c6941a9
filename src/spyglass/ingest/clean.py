"""Plain-text cleaning: split scraped text into paragraphs, drop boilerplate, lift metadata lines.

The cues are data (`data/ingest/boilerplate.yaml`, `metadata.yaml`); this module is the algorithm:

1. rules in document order: reader comments (to the end), teaser blocks ("LATEST ... STORIES" and the list after
   it, up to the next body paragraph), boilerplate lines, photo credits and captions;
2. cut-off teasers ("... opportunit...") when other body text remains;
3. the head: section labels, a date line, the headline (→ title) and a byline line leave the text; so do date
   lines after the last body paragraph, and there every other line without a sentence stop;
4. the dateline opening the first body paragraph is read, and stays in the text.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, auto

from spyglass.ingest.cues import BoilerplateCues, boilerplate_cues, matches
from spyglass.ingest.metadata import date_line, dateline_of, head_byline, is_agency, is_headline

_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_PROSE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_ANY_STOP = re.compile(r"[.!?:;,][\"'”’)\]]*$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")
_MIN_BODY_WORDS = 12
_MIN_WRAPPED_LINE = 50
_MAX_LABEL_WORDS = 3


class Mark(Enum):
    BODY = auto()
    DROP = auto()
    META = auto()


@dataclass
class Line:
    index: int
    para: int
    text: str
    mark: Mark = Mark.BODY


@dataclass
class Cleaned:
    """The body paragraphs and what was taken out of the text on the way."""

    paragraphs: list[str]
    boilerplate: list[str] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: date | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def clean_text(text: str, known_title: str | None = None) -> Cleaned:
    """Clean scraped article text; `known_title` (from HTML or a feed) is dropped where the text repeats it."""
    cues = boilerplate_cues()
    lines = _split(text)
    comments_on = _apply_rules(lines, cues)
    _drop_truncated(lines, cues)
    meta = _lift_head(lines, cues, known_title)
    _lift_tail_date(lines, meta, cues)
    _drop_tail(lines, cues)
    paragraphs = _paragraphs(lines, Mark.BODY)
    return Cleaned(
        paragraphs=paragraphs,
        boilerplate=_paragraphs(lines, Mark.DROP),
        title=meta.title or known_title or comments_on,
        byline=meta.byline,
        dateline=dateline_of(paragraphs[0]) if paragraphs else None,
        published=meta.published,
    )


def _split(text: str) -> list[Line]:
    """Normalise whitespace and number paragraphs: blank-line separated, or one a line when there are none."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    rows = [_SPACES.sub(" ", row).strip() for row in text.strip().split("\n")]
    blank_separated = not all(rows)
    lines: list[Line] = []
    para = 0
    for row in rows:
        if row:
            lines.append(Line(len(lines), para, row))
        if not row or not blank_separated:
            para += 1
    return lines


def _paragraph_groups(lines: list[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        if groups and groups[-1][0].para == line.para:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _apply_rules(lines: list[Line], cues: BoilerplateCues) -> str | None:
    """Mark boilerplate lines; returns the article title a comments heading names, if any."""
    in_teasers = seen_body = False
    groups = _paragraph_groups(lines)
    for n, group in enumerate(groups):
        if in_teasers and _resumes_body(groups[n : n + 2], cues):
            in_teasers = False
        for line in group:
            if seen_body and (marker := matches(cues.comment_markers, line.text)):
                for rest in lines[line.index :]:
                    rest.mark = Mark.DROP
                return marker.groupdict().get("title")
            if matches(cues.teaser_markers, line.text):
                in_teasers = True
            if in_teasers or matches(cues.lines, line.text) or matches(cues.credits, line.text):
                line.mark = Mark.DROP
        if _is_caption(group, cues):
            for line in group:
                line.mark = Mark.DROP
        seen_body = seen_body or (group[0].mark is Mark.BODY and _is_body(group, cues))
    return None


def _resumes_body(groups: list[list[Line]], cues: BoilerplateCues) -> bool:
    """Article prose again after a teaser list (`groups`: this paragraph and the next, if any): a body paragraph of
    several sentences, or one followed by another body paragraph, by reader comments or by nothing (a lone sentence
    among teasers is more likely a photo caption)."""
    first = groups[0]
    if not _is_body(first, cues):
        return False
    if _SENTENCE_BREAK.search(" ".join(line.text for line in first)) or len(groups) == 1:
        return True
    after = groups[1]
    return _is_body(after, cues) or bool(matches(cues.comment_markers, after[0].text))


def _is_caption(group: list[Line], cues: BoilerplateCues) -> bool:
    text = " ".join(line.text for line in group)
    return len(text.split()) <= 60 and not _SENTENCE_BREAK.search(text) and bool(matches(cues.caption_phrases, text))


def _is_body(group: list[Line], cues: BoilerplateCues) -> bool:
    """A paragraph of article prose: long enough, ends a sentence, not cut off, not a caption."""
    text = " ".join(line.text for line in group)
    return (
        len(text.split()) >= _MIN_BODY_WORDS
        and bool(_PROSE_END.search(text))
        and not any(matches(cues.truncated, line.text) or matches(cues.credits, line.text) for line in group)
        and all(len(line.text) >= _MIN_WRAPPED_LINE for line in group[:-1])
        and not _is_caption(group, cues)
    )


def _drop_truncated(lines: list[Line], cues: BoilerplateCues) -> None:
    cut = [line for line in lines if line.mark is Mark.BODY and matches(cues.truncated, line.text)]
    if sum(line.mark is Mark.BODY for line in lines) > len(cut):
        for line in cut:
            line.mark = Mark.DROP


@dataclass
class _Head:
    title: str | None = None
    byline: str | None = None
    published: date | None = None


def _lift_head(lines: list[Line], cues: BoilerplateCues, known_title: str | None) -> _Head:
    """Read the lines before the first body paragraph. The first date line gives the date (and a byline it names),
    even where a credit rule dropped it; the first byline line gives the byline; the headline is the line the HTML
    title names, else the longest headline-like line; other short lines without a sentence stop are labels (site
    name, section, navigation) and leave the text. Lines of prose stay."""
    head = _Head()
    groups = _paragraph_groups(lines)
    first_body = next((n for n, g in enumerate(groups) if g[0].mark is Mark.BODY and _is_body(g, cues)), None)
    if first_body is None:
        first_body = max((n for n, g in enumerate(groups) if g[0].mark is Mark.BODY), default=0)
    zone = groups[:first_body]
    for group in zone:
        stacked = len(group) > 1 and date_line(" | ".join(x.text for x in group))
        for found, members in [(stacked, group)] if stacked else [(date_line(x.text), [x]) for x in group]:
            if found and head.published is None:
                head.published, head.byline = found.published, head.byline or found.byline
                for line in members:
                    line.mark = Mark.META
    rest = [x for group in zone for x in group if x.mark is Mark.BODY]
    bylines = [(line, found) for line in rest if (found := head_byline(line.text))]
    for line, _ in bylines:
        line.mark = Mark.META
    if bylines and (head.byline is None or is_agency(head.byline)):  # a named reporter before a bare agency
        head.byline = min(bylines, key=lambda b: is_agency(b[1]))[1]
    rest = [x for x in rest if x.mark is Mark.BODY]
    if known_title:
        titles = [x for x in rest if _same(x.text, known_title)]
    else:
        titles = sorted((x for x in rest if is_headline(x.text)), key=lambda x: -len(x.text))[:1]
    for line in titles:
        head.title, line.mark = known_title or line.text, Mark.META
    for line in rest:
        if line.mark is Mark.BODY and (_is_label(line.text, cues) or not _ANY_STOP.search(line.text)):
            line.mark = Mark.DROP
    return head


def _drop_tail(lines: list[Line], cues: BoilerplateCues) -> None:
    """After the last body paragraph, lines with no sentence stop are page furniture: widget rows, teaser
    headlines, contact lines, end marks; but not the list a line ending in a colon opens ("The designated entities
    are:")."""
    groups = _paragraph_groups([x for x in lines if x.mark is Mark.BODY])
    last = max((n for n, g in enumerate(groups) if _is_body(g, cues)), default=None)
    if last is None:
        return
    for group in groups[last + 1 :]:
        for line in group:
            if line.text.endswith(":"):
                return
            if not _ANY_STOP.search(line.text):
                line.mark = Mark.DROP


def _lift_tail_date(lines: list[Line], head: _Head, cues: BoilerplateCues) -> None:
    """Walk the lines after the last body paragraph, from the end: date lines become metadata."""
    for group in reversed(_paragraph_groups([x for x in lines if x.mark is Mark.BODY])[1:]):
        if _is_body(group, cues):
            return
        for line in reversed(group):
            if not (found := date_line(line.text)):
                return
            line.mark = Mark.META
            head.published = head.published or found.published


def _is_label(text: str, cues: BoilerplateCues) -> bool:
    """A section label: a known one, or any word or three without punctuation above the headline."""
    if text.casefold() in cues.section_labels:
        return True
    words = text.split()
    return len(words) <= _MAX_LABEL_WORDS and all(w[:1].isupper() and w.isalpha() for w in words)


def _same(a: str, b: str) -> bool:
    return _SPACES.sub(" ", a).strip().casefold() == _SPACES.sub(" ", b).strip().casefold()


def _paragraphs(lines: list[Line], mark: Mark) -> list[str]:
    """Runs of adjacent lines of one paragraph with `mark`, joined as they stood."""
    out: list[str] = []
    previous: Line | None = None
    for line in lines:
        if line.mark is mark:
            joins = previous is not None and previous.mark is mark and previous.para == line.para
            if joins:
                out[-1] += "\n" + line.text
            else:
                out.append(line.text)
        previous = line
    return out
