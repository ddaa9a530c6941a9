"""Throughput of `spyglass.scale.run_batch` with 1 and then 2 Dask worker processes on the same corpus.

Writes a corpus of generated articles (our own sentences, varied so every document has its own id), sized so the
1-worker run takes about `--seconds` (and the 2-worker run over 20 s), then times both runs in this process and
prints docs/s and the ratio. Workers are started and their pipelines loaded before the clock starts: the figure is
steady-state throughput. The load average before and after is printed: the machine may be shared.

    python3 bench/dask_scaling.py [--seconds 48]
"""

import argparse
import os
import tempfile
import time
from pathlib import Path

from distributed import Client

from spyglass.extract import extract_many
from spyglass.extract.pipeline import load_pipeline
from spyglass.model import Document, Extraction
from spyglass.scale import run_batch
from spyglass.scale.cluster import local_cluster

PARAGRAPHS = [
    "SEOUL, {day} March (Wire) - North Korea test-fired what appeared to be a Hwasong-{n} missile from a site near "
    "Sinpo on {weekday}, South Korea's Joint Chiefs of Staff said, the {ordinal} launch this year.",
    "Kim Jong Un watched the launch with officials of the Academy of Defence Science, state media reported, and "
    "later visited the February 8 General Machine Factory, which analysts say builds missile launchers.",
    "According to a United Nations panel of experts, a trading company registered in Dalian shipped {tons} tonnes "
    "of aluminium alloy and vehicle chassis to Nampo between April and June, declaring them as construction tools.",
    "The panel said the tanker Rich Glory took on coal from another ship in the Yellow Sea before sailing to "
    "Vietnam; its owner denied any knowledge of the transfer.",
    "Investigators in Seoul believe hackers working for the Reconnaissance General Bureau stole design data from a "
    "South Korean shipbuilder in {year}, though it is not clear whether the files were used.",
    "The U.S. Treasury on {weekday} designated {count} companies in China and Russia that it said procured "
    "machine tools and carbon fibre for the missile programme, freezing their assets.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(i: int) -> str:
    """The i-th generated article: the same story shape, different numbers and order."""
    values = {
        "day": 1 + i % 28,
        "n": 11 + i % 8,
        "weekday": WEEKDAYS[i % 7],
        "ordinal": ["first", "second", "third", "fourth"][i % 4],
        "tons": 100 + i,
        "year": 2015 + i % 9,
        "count": 2 + i % 11,
    }
    k = i % len(PARAGRAPHS)
    paragraphs = PARAGRAPHS[k:] + PARAGRAPHS[:k]
    return "\n\n".join(p.format(**values) for p in paragraphs) + f"\n\n(Report {i}.)"


def seconds_per_doc(samples: int = 40) -> float:
    """Extraction time per generated article in this process, after loading the pipeline."""
    load_pipeline()
    docs = [Document.build(f"sample-{i}", article(i)) for i in range(samples)]
    start = time.perf_counter()
    list(extract_many(docs))
    return (time.perf_counter() - start) / samples


def cpu_seconds() -> float:
    """User + system CPU time of the calling process (run on every worker)."""
    user, system = os.times()[:2]
    return user + system


def timed_run(paths: list[str], workers: int) -> tuple[float, float, list[Extraction]]:
    """Seconds to extract `paths` on a warm cluster of `workers` processes, and how busy the workers were.

    Busy is the workers' CPU time over wall time × workers: well below 100% means other processes took the cores.
    """
    with local_cluster(workers) as cluster, Client(cluster) as client:
        client.run(load_pipeline)
        before = client.run(cpu_seconds)
        start = time.perf_counter()
        results = list(run_batch(paths, cluster.scheduler_address, batch_size=8))
        elapsed = time.perf_counter() - start
        after = client.run(cpu_seconds)
    failures = [r for r in results if not isinstance(r, Extraction)]
    if failures:
        raise SystemExit(f"{len(failures)} documents failed, e.g. {failures[0]}")
    busy = sum(after[w] - before[w] for w in after) / (elapsed * workers)
    return elapsed, busy, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=48.0, help="target duration of the 1-worker run")
    args = parser.parse_args()
    per_doc = seconds_per_doc()
    count = max(64, int(args.seconds / per_doc))
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i in range(count):
            path = Path(folder) / f"article-{i:05d}.txt"
            path.write_text(article(i), encoding="utf-8")
            paths.append(str(path))
        one, busy_one, first = timed_run(paths, 1)
        two, busy_two, second = timed_run(paths, 2)
    assert [r.model_dump() for r in first] == [r.model_dump() for r in second], "runs differ"
    print(f"corpus: {count} articles ({per_doc * 1000:.1f} ms each in-process)")
    print(f"1 worker : {one:6.1f} s  {count / one:6.1f} docs/s  worker CPU busy {busy_one:4.0%}")
    print(f"2 workers: {two:6.1f} s  {count / two:6.1f} docs/s  worker CPU busy {busy_two:4.0%}")
    print(f"speed-up 2 vs 1 workers: {one / two:.2f}x")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
