"""Ingest cues (cleaning, metadata, formats), loaded once from the YAML files in `spyglass/data/ingest/`."""

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spyglass.packaged import data_yaml


def _load(name: str) -> Any:
    return data_yaml("ingest", name)


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def matches(patterns: tuple[re.Pattern[str], ...], line: str) -> re.Match[str] | None:
    """The first of `patterns` found in `line`, or None."""
    return next(filter(None, (p.search(line) for p in patterns)), None)


@dataclass(frozen=True)
class BoilerplateCues:
    """What cleaning removes: see `boilerplate.yaml` for each kind."""

    lines: tuple[re.Pattern[str], ...]
    credits: tuple[re.Pattern[str], ...]
    caption_phrases: tuple[re.Pattern[str], ...]
    teaser_markers: tuple[re.Pattern[str], ...]
    comment_markers: tuple[re.Pattern[str], ...]
    truncated: tuple[re.Pattern[str], ...]
    section_labels: frozenset[str]


@dataclass(frozen=True)
class MetadataCues:
    """How title, byline, dateline and dates show in plain text: see `metadata.yaml`."""

    agencies: frozenset[str]
    byline_patterns: tuple[re.Pattern[str], ...]
    dateline_patterns: tuple[re.Pattern[str], ...]
    not_datelines: frozenset[str]
    date_line_patterns: tuple[re.Pattern[str], ...]
    url_date_patterns: tuple[re.Pattern[str], ...]
    headline_min_words: int
    headline_max_words: int
    headline_max_chars: int


@cache
def boilerplate_cues() -> BoilerplateCues:
    raw = _load("boilerplate.yaml")
    return BoilerplateCues(
        lines=_compile(raw["lines"]),
        credits=_compile(raw["credits"]),
        caption_phrases=_compile(raw["caption_phrases"]),
        teaser_markers=_compile(raw["teaser_markers"]),
        comment_markers=_compile(raw["comment_markers"]),
        truncated=_compile(raw["truncated"]),
        section_labels=frozenset(s.casefold() for s in raw["section_labels"]),
    )


@cache
def metadata_cues() -> MetadataCues:
    raw = _load("metadata.yaml")
    headline = raw["headline"]
    return MetadataCues(
        agencies=frozenset(a.casefold() for a in raw["agencies"]),
        byline_patterns=_compile(raw["byline_patterns"]),
        dateline_patterns=_compile(raw["dateline_patterns"]),
        not_datelines=frozenset(w.casefold() for w in raw["not_datelines"]),
        date_line_patterns=_compile(raw["date_line_patterns"]),
        url_date_patterns=_compile(raw["url_date_patterns"]),
        headline_min_words=headline["min_words"],
        headline_max_words=headline["max_words"],
        headline_max_chars=headline["max_chars"],
    )


@dataclass(frozen=True)
class FormatCues:
    """How inputs are told apart by content: see `formats.yaml`."""

    binary_signatures: dict[bytes, str]
    feed_roots: tuple[str, ...]
    html_markers: tuple[str, ...]
    content_types: frozenset[str]


@cache
def format_cues() -> FormatCues:
    raw = _load("formats.yaml")
    return FormatCues(
        binary_signatures={bytes.fromhex(sig): name for name, sig in raw["binary_signatures"].items()},
        feed_roots=tuple(r.lower() for r in raw["feed_roots"]),
        html_markers=tuple(m.lower() for m in raw["html_markers"]),
        content_types=frozenset(raw["content_types"]),
    )
