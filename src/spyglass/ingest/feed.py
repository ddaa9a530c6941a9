"""Reader for RSS/Atom feeds: each item is an article, dated by the item's own date.

The XML is first checked well-formed by defusedxml (which refuses entity declarations), then feedparser
normalises the many feed dialects. Item HTML is reduced to text and cleaned like any article.
"""

import io
import re
from collections.abc import Iterator
from datetime import date
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from spyglass.errors import InputError
from spyglass.ingest.clean import clean_text
from spyglass.ingest.document import build_document
from spyglass.ingest.html import fragment_text
from spyglass.ingest.payload import RawText
from spyglass.ingest.registry import reader
from spyglass.model import Document

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@reader("feed")
def read_feed(raw: RawText) -> Iterator[Document | InputError]:
    xml = _XML_DECLARATION.sub("", raw.text.lstrip("\ufeff"), count=1).encode("utf-8")
    try:
        fromstring(xml)
    except ParseError as err:
        raise InputError(raw.source, f"malformed feed: {err}") from None
    except DefusedXmlException:
        raise InputError(raw.source, "refused feed: it declares XML entities or external references") from None
    parsed = feedparser.parse(io.BytesIO(xml))
    if not parsed.entries:
        raise InputError(raw.source, "feed has no items")
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link") or None
        source = link or f"{raw.source}#{n}"
        contents = entry.get("content") or [{"value": entry.get("summary", "")}]
        text = fragment_text(contents[0]["value"])
        if not text:
            yield InputError(source, "feed item has no text")
            continue
        title = entry.get("title") or None
        try:
            yield build_document(
                source,
                clean_text(text, known_title=title),
                url=link,
                title=title,
                outlet=outlet,
                byline=entry.get("author") or None,
                published=_entry_date(entry),
            )
        except InputError as err:
            yield err


def _entry_date(entry: feedparser.FeedParserDict) -> date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(*stamp[:3]) if stamp else None
