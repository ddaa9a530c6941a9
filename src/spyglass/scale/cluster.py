"""Connect to a Dask cluster by address: a running scheduler, or `local:N` for N worker processes on this machine."""

from collections.abc import Iterator
from contextlib import contextmanager

import dask
from distributed import Client, LocalCluster

from spyglass.errors import SpyglassError

LOCAL_PREFIX = "local:"
# Dask sets MALLOC_TRIM_THRESHOLD_=65536 in worker processes to hand memory back to the OS early; with spaCy's
# many short-lived allocations it costs about 15% of a worker's CPU in system time (docs/scale.md), so local
# workers keep glibc's default.
SLOW_WORKER_ENVIRON = frozenset({"MALLOC_TRIM_THRESHOLD_"})


def local_workers(address: str) -> int | None:
    """N for `local:N`, None for a scheduler address; a malformed `local:` address is an error."""
    if not address.startswith(LOCAL_PREFIX):
        return None
    count = address.removeprefix(LOCAL_PREFIX)
    if not count.isdigit() or int(count) < 1:
        raise SpyglassError(f"Dask address {address!r}: expected local:N with N ≥ 1")
    return int(count)


@contextmanager
def local_cluster(workers: int) -> Iterator[LocalCluster]:
    """A LocalCluster of `workers` single-threaded processes; scheduler, workers and HTTP routes on 127.0.0.1 only."""
    environ = dask.config.get("distributed.nanny.pre-spawn-environ", {})
    kept = {key: value for key, value in environ.items() if key not in SLOW_WORKER_ENVIRON}
    with (
        dask.config.set({"distributed.nanny.pre-spawn-environ": kept}),
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
        ) as cluster,
    ):
        yield cluster


@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client for `address`; `local:N` starts (and afterwards stops) `local_cluster(N)`."""
    workers = local_workers(address)
    if workers is None:
        try:
            client = Client(address, timeout="30s")
        except OSError as err:
            raise SpyglassError(f"cannot reach Dask scheduler {address}: {err}") from err
        with client:
            yield client
        return
    with local_cluster(workers) as cluster, Client(cluster) as client:
        yield client
