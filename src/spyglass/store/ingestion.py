"""Ingest into the store: read and extract articles (in worker processes), write each one in its own transaction.

The parent process reads inputs and writes (SQLite has one writer); workers only run the spaCy pipeline. A
document already stored is skipped before extraction, so re-running a batch after a crash redoes only what was
not committed.
"""

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import islice
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from spyglass.errors import InputError, SpyglassError
from spyglass.extract import extract_many
from spyglass.ingest import iter_documents
from spyglass.model import Document, Extraction
from spyglass.store.db import make_sessionmaker
from spyglass.store.records import has_document, save_extraction

CHUNK = 8  # documents per task sent to a worker
T = TypeVar("T")


class Status(StrEnum):
    stored = "stored"
    unchanged = "unchanged"
    failed = "failed"


@dataclass(frozen=True)
class Outcome:
    """What happened to one input document."""

    source: str
    status: Status
    message: str = ""


def _extract_chunk(documents: list[Document]) -> list[Extraction | tuple[str, str]]:
    """Worker task: extract each document; a failure is confined to its document, returned as (source, reason)."""
    try:
        return list(extract_many(documents))
    except Exception:  # find the failing document(s) one at a time
        results: list[Extraction | tuple[str, str]] = []
        for document in documents:
            try:
                results += extract_many([document])
            except Exception as err:
                results.append((document.source, f"extraction failed: {type(err).__name__}: {err}"))
        return results


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_local(items: Iterable[Document | T], workers: int = 1) -> Iterator[Extraction | InputError | T]:
    """Extraction records for the documents among `items`, on `workers` processes (1: in this process), in order.

    Other items (input errors, outcomes) pass through; memory stays bounded (two chunks per worker in flight).
    """
    passed: deque[T] = deque()

    def documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Document):
                yield item
            else:
                passed.append(item)

    def drain() -> Iterator[T]:
        while passed:
            yield passed.popleft()

    if workers <= 1:
        for chunk in _chunks(documents(), CHUNK):
            yield from drain()
            yield from _converted(_extract_chunk(chunk))
        yield from drain()
        return
    # spawn, not fork: a forked copy of a threaded parent (a server, a test runner) can deadlock on a held lock
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            pending: deque[Future] = deque()
            for chunk in _chunks(documents(), CHUNK):
                yield from drain()
                pending.append(pool.submit(_extract_chunk, chunk))
                if len(pending) >= 2 * workers:
                    yield from _converted(pending.popleft().result())
            while pending:
                yield from _converted(pending.popleft().result())
            yield from drain()
    except BrokenProcessPool as err:
        raise SpyglassError("an extraction worker died (out of memory?); what was stored is kept: run again") from err


def _converted(results: list[Extraction | tuple[str, str]]) -> Iterator[Extraction | InputError]:
    for result in results:
        yield InputError(*result) if isinstance(result, tuple) else result


def ingest(
    engine: Engine, inputs: list[str], workers: int = 1, published: date | None = None, dask: str | None = None
) -> Iterator[Outcome]:
    """Read, extract and store every article of `inputs`; one `Outcome` per document or failed input.

    With `dask` (a scheduler address or `local:N`) extraction runs on that Dask cluster instead of local workers.
    """
    sessions = make_sessionmaker(engine)
    if dask is not None:
        from spyglass.scale import run_batch  # imports distributed: only when asked for

        results: Iterator[Extraction | InputError | Outcome] = run_batch(inputs, dask, published=published)
    else:
        results = extract_local(_unseen(sessions, iter_documents(inputs, published=published)), workers)
    for result in results:
        if isinstance(result, Outcome):
            yield result
        elif isinstance(result, InputError):
            yield Outcome(result.source, Status.failed, result.reason)
        else:
            try:
                with sessions.begin() as session:
                    new = save_extraction(session, result)
            except SpyglassError as err:
                yield Outcome(result.document.source, Status.failed, str(err))
                continue
            yield Outcome(result.document.source, Status.stored if new else Status.unchanged)


def _unseen(
    sessions: sessionmaker, items: Iterable[Document | InputError]
) -> Iterator[Document | InputError | Outcome]:
    """Documents not stored yet; the others become `unchanged` outcomes without being extracted again."""
    for item in items:
        if isinstance(item, Document):
            with sessions() as session:  # a short read, so no snapshot stays pinned while the parent writes
                if has_document(session, item.id):
                    yield Outcome(item.source, Status.unchanged)
                    continue
        yield item
