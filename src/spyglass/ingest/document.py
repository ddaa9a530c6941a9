"""Assemble a contract `Document` from cleaned text and the metadata a page or feed states."""

from datetime import date

from spyglass.errors import InputError
from spyglass.ingest.clean import Cleaned
from spyglass.ingest.metadata import date_from_url
from spyglass.model import Document


def build_document(
    source: str,
    cleaned: Cleaned,
    *,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    byline: str | None = None,
    published: date | None = None,
) -> Document:
    """A `Document` whose stated metadata (page, feed) wins over what the text shows; fails when no body is left."""
    if not cleaned.text:
        raise InputError(source, "no article text left after removing boilerplate")
    return Document.build(
        source,
        cleaned.text,
        title=title or cleaned.title,
        outlet=outlet,
        byline=byline or cleaned.byline,
        dateline=cleaned.dateline,
        published=published or cleaned.published or date_from_url(url),
        boilerplate=cleaned.boilerplate,
    )
