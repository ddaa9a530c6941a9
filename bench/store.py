"""Store benchmark: ingest N synthetic records (one transaction each), then time full-text search and analyses.

Stores pre-built records (bench/store_corpus.py) so it measures the store, not the NLP. Prints throughput, resident
memory as the corpus grows (it should stay flat: records stream through), and search latency, each against a
baseline run in the same process: writing the document rows alone (to a SQLite file, whatever `--db` is), and a LIKE
scan instead of the full-text index.

    python3 bench/store.py [--count 10000] [--queries 200] [--db URL]
"""

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).parent))
from spyglass.analyse.corroborate import corroborate
from spyglass.analyse.indicators import indicators
from spyglass.store.db import make_engine, make_sessionmaker
from spyglass.store.fulltext import search
from spyglass.store.records import save_extraction
from spyglass.store.schema import ensure_schema
from spyglass.store.tables import DocumentRow, EventRow
from store_corpus import generate, queries


def rss_mb() -> float:
    """Current resident memory of this process, in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fresh(url: str | None, folder: Path, name: str) -> Engine:
    engine = make_engine(url or f"sqlite:///{folder / name}")
    ensure_schema(engine)
    return engine


def ingest(engine: Engine, count: int) -> float:
    """Seconds to store `count` records, one transaction each; prints memory along the way."""
    sessions = make_sessionmaker(engine)
    started = time.perf_counter()
    for i, record in enumerate(generate(count), 1):
        with sessions.begin() as session:
            save_extraction(session, record)
        if i % (count // 5 or 1) == 0:
            print(f"  {i:>6} stored  {i / (time.perf_counter() - started):7.0f} docs/s  rss {rss_mb():6.1f} MB")
    return time.perf_counter() - started


def documents_only(engine: Engine, count: int) -> float:
    """Baseline: the same documents as bare rows, one transaction each."""
    sessions = make_sessionmaker(engine)
    started = time.perf_counter()
    for record in generate(count):
        d = record.document
        row = {"id": d.id, "source": d.source, "title": d.title, "outlet": d.outlet, "published": d.published}
        row |= {"text": d.text, "boilerplate": [], "schema_version": "1", "ingested_at": func.now()}
        with sessions.begin() as session:
            session.execute(insert(DocumentRow).values(**row))
    return time.perf_counter() - started


def latencies(run: Callable[[str], object], queries: list[str]) -> list[float]:
    found = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        found.append((time.perf_counter() - started) * 1000)
    return found


def like_scan(session: Session, query: str) -> None:
    """Baseline search: a substring scan of document texts, counted and paged like `search`."""
    pattern = f"%{query}%"
    session.execute(text("SELECT count(*) FROM documents WHERE text LIKE :p"), {"p": pattern}).scalar_one()
    session.execute(text("SELECT id FROM documents WHERE text LIKE :p LIMIT 20"), {"p": pattern}).all()


def timed(label: str, run: Callable[[], object]) -> float:
    started = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - started
    print(f"{label}: {seconds:.2f} s ({len(result) if isinstance(result, list) else result} found)")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", help="SQLAlchemy URL of an EMPTY database (default: SQLite in a temp dir)")
    args = parser.parse_args()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline_count = max(1, args.count // 10)
        base = documents_only(fresh(None, folder, "baseline.db"), baseline_count) / baseline_count
        engine = fresh(args.db, folder, "store.db")
        print(f"ingest {args.count} records into {engine.url.render_as_string(hide_password=True)}")
        rss_before = rss_mb()
        seconds = ingest(engine, args.count)
        per_doc = seconds / args.count
        print(
            f"ingest: {args.count / seconds:.0f} docs/s ({per_doc * 1000:.2f} ms/doc); document rows alone (SQLite) "
            f"{base * 1000:.2f} ms/doc; ratio {per_doc / base:.1f}x"
        )
        print(f"memory: rss {rss_before:.0f} MB before, {rss_mb():.0f} MB after; peak rss {peak_mb():.0f} MB")
        started = time.perf_counter()
        for record in generate(min(1000, args.count)):
            with make_sessionmaker(engine).begin() as session:
                save_extraction(session, record)
        print(f"re-ingest of {min(1000, args.count)} stored records: {time.perf_counter() - started:.2f} s (no-ops)")
        with make_sessionmaker(engine)() as session:
            docs = session.scalar(select(func.count()).select_from(DocumentRow))
            events = session.scalar(select(func.count()).select_from(EventRow))
            print(f"stored: {docs} documents, {events} events")
            asked = queries(rng, args.queries)
            fts = latencies(lambda q: search(session, q, limit=20), asked)
            scan = latencies(lambda q: like_scan(session, q), asked[: max(10, args.queries // 4)])
            median, p95 = statistics.median(fts), statistics.quantiles(fts, n=20)[-1]
            print(
                f"search: median {median:.1f} ms, p95 {p95:.1f} ms over {len(fts)} queries "
                f"({'under' if median < 50 else 'OVER'} the 50 ms target); LIKE scan median "
                f"{statistics.median(scan):.1f} ms; ratio {statistics.median(scan) / median:.1f}x faster"
            )
            timed("corroborate", lambda: corroborate(session))
            timed("indicators", lambda: indicators(session))
        print(f"peak rss {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
