"""Connect to a Dask cluster by address: a running scheduler, or `local:N` for N worker processes on this machine."""

from collections.abc import Iterator
from contextlib import contextmanager

from distributed import Client, LocalCluster

from spyglass.errors import SpyglassError

LOCAL_PREFIX = "local:"


def local_workers(address: str) -> int | None:
    """N for `local:N`, None for a scheduler address; a malformed `local:` address is an error."""
    if not address.startswith(LOCAL_PREFIX):
        return None
    count = address.removeprefix(LOCAL_PREFIX)
    if not count.isdigit() or int(count) < 1:
        raise SpyglassError(f"Dask address {address!r}: expected local:N with N ≥ 1")
    return int(count)


@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client for `address`; `local:N` starts (and afterwards stops) a LocalCluster of N single-threaded processes.

    The local cluster listens on 127.0.0.1 only and serves no dashboard.
    """
    workers = local_workers(address)
    if workers is None:
        try:
            client = Client(address, timeout="30s")
        except OSError as err:
            raise SpyglassError(f"cannot reach Dask scheduler {address}: {err}") from err
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
