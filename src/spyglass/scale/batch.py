"""`run_batch`: the extraction stage over a Dask cluster, streamed back in input order."""

import os
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice

from distributed import Client, Future

from spyglass.errors import InputError, SpyglassError
from spyglass.model import Extraction
from spyglass.scale.cluster import connect
from spyglass.scale.tasks import Failed, extract_partition

DEFAULT_BATCH_SIZE = 16
STDIN = "-"


def run_batch(
    inputs: Iterable[str],
    address: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    published: date | None = None,
) -> Iterator[Extraction | InputError]:
    """Ingest and extract `inputs` on the Dask cluster at `address`, yielding one result per document.

    `address` is a scheduler address (`tcp://host:8786`) or `local:N` (a LocalCluster of N single-threaded worker
    processes, stopped when the iterator ends). Inputs are cut into partitions of `batch_size` sources; each worker
    runs the same stage functions as a local run (`iter_documents`, then `extract_many`, pipeline loaded once per
    worker process), so the records are identical to a local run and come back in the same order. A document that
    fails (unreadable input, extraction error, lost worker) is yielded as an `InputError` naming it, and the batch
    goes on. Only a bounded number of partitions is in flight, so a year of inputs streams in constant memory and
    the caller (e.g. `spyglass ingest --dask`) can write each result through the store as it arrives.
    Folders are opened into their files here, so their files are spread over the workers. Inputs must be readable
    from the workers (URLs, or paths on a shared filesystem); `-` (stdin) is refused with a `SpyglassError`.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be ≥ 1")
    with connect(address) as client:
        yield from _stream(client, inputs, batch_size, published)


def _stream(
    client: Client, inputs: Iterable[str], batch_size: int, published: date | None
) -> Iterator[Extraction | InputError]:
    """Keep about two partitions per worker thread queued; yield finished partitions in submission order."""
    window = max(2, 2 * sum(client.nthreads().values()))
    pending: deque[tuple[tuple[str, ...], Future]] = deque()
    for partition in _partitions(_files(inputs), batch_size):
        pending.append((partition, client.submit(extract_partition, partition, published, pure=False)))
        if len(pending) >= window:
            yield from _collect(*pending.popleft())
    while pending:
        yield from _collect(*pending.popleft())


def _files(inputs: Iterable[str]) -> Iterator[str]:
    """Inputs with folders opened into their files, so a folder of a year's articles spreads over the workers.

    Same walk as ingest's folder reader (visible entries, name order, recursive), hence the same record order.
    """
    for source in inputs:
        if source == STDIN:
            raise SpyglassError("stdin (-) cannot be read by Dask workers: pass files, folders or URLs")
        if not os.path.isdir(source):
            yield source
            continue
        for root, dirs, names in os.walk(source):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            yield from (os.path.join(root, n) for n in sorted(names) if not n.startswith("."))


def _partitions(inputs: Iterable[str], size: int) -> Iterator[tuple[str, ...]]:
    """Consecutive tuples of `size` inputs (the last may be shorter), read lazily."""
    it = iter(inputs)
    while partition := tuple(islice(it, size)):
        yield partition


def _collect(partition: tuple[str, ...], future: Future) -> Iterator[Extraction | InputError]:
    """The partition's results; if the task itself was lost, one `InputError` per source in it."""
    try:
        results = future.result()
    except Exception as err:  # a dead worker or a scheduler error loses the partition, not the batch
        for source in partition:
            yield InputError(source, f"Dask task failed: {type(err).__name__}: {err}")
        return
    finally:
        future.release()
    for result in results:
        yield result.to_error() if isinstance(result, Failed) else result
