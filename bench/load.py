"""Load run of `spyglass serve` on 127.0.0.1: 50 concurrent clients of mixed search and document reads.

    python3 bench/load.py [--documents 10000] [--clients 50] [--seconds 20]

Builds (once, cached in bench/results/) a store of generated extraction records — our own sentences over pools of
names, dates and sources, saved with the store's `save_extraction` — starts the real CLI server in a subprocess,
and drives it with an httpx async loop for a bounded time. A baseline phase serves a static asset with the same
concurrency, in the same run, so the figure reads as a ratio to the server's own floor. Any error or 5xx fails.
"""

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

import httpx

from spyglass.store.db import make_engine, make_sessionmaker
from spyglass.store.records import list_documents, save_extraction
from spyglass.store.schema import ensure_schema
from store_corpus import generate, queries

RESULTS = Path(__file__).resolve().parent / "results"


def build_store(url: str, documents: int) -> list[str]:
    """Fill the store at `url` up to `documents` generated records (a no-op when already there); their ids."""
    engine = make_engine(url)
    ensure_schema(engine)
    sessions = make_sessionmaker(engine)
    started, added = time.perf_counter(), 0
    records = generate(documents)
    ids = []
    for _ in range(0, documents, 500):
        with sessions.begin() as session:
            for record in islice(records, 500):
                added += save_extraction(session, record)
                ids.append(record.document.id)
    with sessions() as session:
        total = list_documents(session, limit=1).total
    print(f"store: {total} documents ({added} added in {time.perf_counter() - started:.1f} s)")
    engine.dispose()
    return ids


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "SPYGLASS_TOKEN"}
    server = subprocess.Popen(
        [sys.executable, "-c", "from spyglass.cli import main; main()", "serve", "--port", str(port), "--db", url],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/static/app.css", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("spyglass: the server did not start within 60 s")


async def drive(base: str, paths: list[tuple[str, str]], clients: int, seconds: float) -> dict[str, list[float]]:
    """`clients` loops requesting random (kind, path) pairs until `seconds` pass: latencies (s) by kind.

    A failed request (transport error or a status other than 200) counts under the kind "error".
    """
    latencies: dict[str, list[float]] = {}
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def one(rng: random.Random) -> None:
            while time.perf_counter() < stop:
                kind, path = rng.choice(paths)
                began = time.perf_counter()
                try:
                    status = (await client.get(path)).status_code
                    failure = "" if status == 200 else f"HTTP {status}"
                except httpx.HTTPError as err:
                    failure = f"{type(err).__name__}: {err}"
                latencies.setdefault("error" if failure else kind, []).append(time.perf_counter() - began)
                if failure:
                    print(f"spyglass: {path}: {failure}", file=sys.stderr)

        await asyncio.gather(*(one(random.Random(i)) for i in range(clients)))
    return latencies


def report(name: str, latencies: list[float], seconds: float) -> float:
    """Print one line of figures for `latencies`; the requests per second."""
    rps = len(latencies) / seconds
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    print(
        f"{name:10} {len(latencies):6d} requests  {rps:7.1f} req/s  p50 {cuts[49] * 1000:7.1f} ms  "
        f"p95 {cuts[94] * 1000:7.1f} ms  p99 {cuts[98] * 1000:7.1f} ms"
    )
    return rps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{RESULTS / f'load-{args.documents}.db'}"
    ids = build_store(url, args.documents)
    rng = random.Random(11)
    sample = rng.sample(ids, min(500, len(ids)))
    mixed = (
        [("search", f"/api/search?q={q}&limit=20") for q in queries(rng, 200)]
        + [("document", f"/api/documents/{i}") for i in sample[:200]]
        + [("extraction", f"/api/documents/{i}/extraction") for i in sample[200:350]]
        + [("page", f"/documents/{i}") for i in sample[350:450]]
        + [("list", f"/api/documents?limit=50&offset={rng.randrange(len(ids))}") for _ in range(50)]
    )
    port = _free_port()
    server = start_server(url, port)
    base = f"http://127.0.0.1:{port}"
    try:
        asyncio.run(drive(base, mixed, args.clients, 2))  # warm up caches and the connection pool
        baseline = asyncio.run(drive(base, [("static", "/static/app.css")], args.clients, args.seconds / 2))
        load = asyncio.run(drive(base, mixed, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(10)
    base_rps = report("baseline", baseline.get("static", []), args.seconds / 2)
    rps = report("mixed", [t for kind, times in load.items() if kind != "error" for t in times], args.seconds)
    for kind, times in sorted(load.items()):
        report(f"  {kind}", times, args.seconds)
    print(f"ratio mixed/baseline throughput: {rps / base_rps:.2f} ({args.clients} clients, {len(ids)} documents)")
    failed = len(baseline.get("error", [])) + len(load.get("error", []))
    if failed:
        raise SystemExit(f"spyglass: {failed} requests failed")


if __name__ == "__main__":
    main()
