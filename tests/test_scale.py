"""`run_batch` on a real Dask LocalCluster gives the same records as the local run, and survives bad inputs."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from spyglass.errors import InputError, SpyglassError
from spyglass.extract import extract_many
from spyglass.ingest import iter_documents
from spyglass.model import Extraction
from spyglass.scale import run_batch
from spyglass.scale.cluster import local_cluster, local_workers

ARTICLES = {
    "a.txt": "SEOUL, March 3 (Wire) - North Korea test-fired a Hwasong-12 missile from Sinpo on Sunday, "
    "the South Korean military said. Kim Jong Un watched the launch.",
    "b.txt": "A Chinese trading company shipped aluminium alloy to Pyongyang last year, according to a United "
    "Nations panel of experts. The firm denied the sale.",
    "c.txt": "Kim Jong Un visited the February 8 General Machine Factory, KCNA reported on Saturday. "
    "Analysts say the plant probably builds missile launchers.",
    "d.txt": "The U.S. Treasury designated two vessels, the Rich Glory and the Wise Honest, for carrying coal "
    "from Nampo to Vietnam.",
    "e.txt": "Hackers linked to Pyongyang stole design data from a South Korean shipbuilder, officials said.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    paths = [str(folder / name) for name in ARTICLES]
    return [*paths[:2], str(folder / "missing.txt"), *paths[2:4], str(folder / "empty.txt"), paths[4]]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One two-process LocalCluster for the module, as `local:2` would start it."""
    with local_cluster(2) as cluster:
        yield cluster.scheduler_address


def local_run(sources: list[str]) -> list[dict | str]:
    """The reference: the plain stage functions in this process, errors as their one line."""
    items = list(iter_documents(sources))
    records = iter(extract_many(i for i in items if not isinstance(i, InputError)))
    return [str(i) if isinstance(i, InputError) else next(records).model_dump() for i in items]


def test_dask_records_equal_local_run(corpus: list[str], scheduler: str) -> None:
    results = list(run_batch(corpus, scheduler, batch_size=2))
    assert [r.model_dump() if isinstance(r, Extraction) else str(r) for r in results] == local_run(corpus)
    errors = [r for r in results if isinstance(r, InputError)]
    assert [Path(e.source).name for e in errors] == ["missing.txt", "empty.txt"]


def test_folder_is_spread_over_partitions_in_local_order(corpus: list[str], scheduler: str) -> None:
    folder = str(Path(corpus[0]).parent)
    results = list(run_batch([folder], scheduler, batch_size=1))
    assert [r.model_dump() if isinstance(r, Extraction) else str(r) for r in results] == local_run([folder])


@pytest.mark.parametrize(
    ("address", "expected"),
    [("local:1", 1), ("local:4", 4), ("tcp://10.0.0.5:8786", None), ("scheduler:8786", None)],
)
def test_local_address(address: str, expected: int | None) -> None:
    assert local_workers(address) == expected


@pytest.mark.parametrize("address", ["local:", "local:0", "local:two"])
def test_bad_local_address_is_one_line(address: str) -> None:
    with pytest.raises(SpyglassError, match="expected local:N"):
        list(run_batch(["x.txt"], address))


def test_stdin_is_refused(scheduler: str) -> None:
    with pytest.raises(SpyglassError, match="stdin"):
        list(run_batch(["-"], scheduler))


def test_local_address_starts_and_stops_its_cluster(corpus: list[str]) -> None:
    results = list(run_batch(corpus[:2], "local:1"))
    assert [r.document.source for r in results if isinstance(r, Extraction)] == corpus[:2]
