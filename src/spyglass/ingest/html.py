"""Reader for HTML pages: trafilatura finds the body and metadata, htmldate the date, our cleaner the rest."""

import logging
from collections.abc import Iterator
from datetime import date

import lxml.html
import trafilatura
from htmldate import find_date
from lxml.etree import ParserError

from spyglass.errors import InputError
from spyglass.ingest.clean import clean_text
from spyglass.ingest.document import build_document
from spyglass.ingest.payload import RawText
from spyglass.ingest.registry import reader
from spyglass.model import Document

_DROPPED = ("head", "script", "style", "noscript", "template", "iframe", "form", "nav", "footer", "aside", "button")
_BLOCKS = ("p", "div", "section", "article", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre",
           "figure", "figcaption", "header", "ul", "ol", "table", "dd", "dt")  # fmt: skip

for _library in ("trafilatura", "htmldate"):  # their parse warnings would break our one-line-per-error output
    logging.getLogger(_library).addHandler(logging.NullHandler())


@reader("html")
def read_html(raw: RawText) -> Iterator[Document]:
    page = trafilatura.bare_extraction(
        raw.text, url=raw.url, with_metadata=True, include_comments=False, include_tables=False
    )
    body = page.text if page is not None and page.text else fragment_text(raw.text)
    title = page.title if page is not None else None
    cleaned = clean_text("\n\n".join(body.splitlines()), known_title=title)
    if not cleaned.text:
        raise InputError(raw.source, "HTML has no article text (no body)")
    yield build_document(
        raw.source,
        cleaned,
        url=raw.url,
        title=title,
        outlet=page.sitename if page is not None else None,
        byline=page.author if page is not None else None,
        published=_published(raw.text, raw.url),
    )


def _published(html: str, url: str | None) -> date | None:
    """The date the page's markup (or URL) states; htmldate's free-text search is off, so nothing is guessed."""
    found = find_date(html, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return date.fromisoformat(found) if found else None


def fragment_text(html: str) -> str:
    """The visible text of an HTML page or fragment (a feed item), one block a paragraph."""
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for element in list(root.iter(*_DROPPED)):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
        element.text = "\n\n" + (element.text or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    return root.text_content().strip()
