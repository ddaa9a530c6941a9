"""Speed benchmark: spyglass extraction against the bare statistical model on the same texts, in one run.

usage: python3 bench/speed.py [--min-words N] [--rounds N]

The texts are the cleaned bench and dev articles, repeated until they hold at least `--min-words` words. The
baseline is `en_core_web_sm`'s own `nlp.pipe`; spyglass is `extract_many` (its pipeline plus record building).
Each side is warmed up first and timed `--rounds` times, alternating, and the best round of each counts, which
keeps a busy shared machine from deciding the ratio. The ratio (spyglass / baseline words per second) must stay
at or above 0.5: our components may at most double the model's cost.
"""

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from spyglass.errors import InputError
from spyglass.extract import extract_many
from spyglass.extract.pipeline import base_model, load_pipeline
from spyglass.ingest import iter_documents
from spyglass.model import Document

ROOT = Path(__file__).resolve().parents[1]
CORPORA = (ROOT / "bench" / "corpus", ROOT.parent / "shared" / "dev" / "corpus")
MIN_RATIO = 0.5


def load_documents() -> list[Document]:
    """The cleaned documents of every corpus present."""
    paths = [str(p) for corpus in CORPORA if corpus.is_dir() for p in sorted(corpus.glob("*.txt"))]
    documents = []
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            raise item
        documents.append(item)
    return documents


def words(documents: list[Document]) -> int:
    return sum(len(d.text.split()) for d in documents)


def repeat_to(documents: list[Document], min_words: int) -> list[Document]:
    """The documents repeated until they hold at least `min_words` words."""
    per_round = words(documents)
    return documents * max(1, -(-min_words // per_round))


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-words", type=int, default=50_000, help="words per timed round (default 50000)")
    ap.add_argument("--rounds", type=int, default=2, help="timed rounds per side; the best counts (default 2)")
    args = ap.parse_args(argv)
    baseline = base_model()
    if "ner" not in baseline.pipe_names:
        print("speed: no en_core_web_sm model installed; nothing to compare against", file=sys.stderr)
        return 1
    load_pipeline()
    documents = load_documents()
    texts = repeat_to(documents, args.min_words)
    n_words = words(texts)
    sides: dict[str, Callable[[], object]] = {
        "en_core_web_sm nlp.pipe": lambda: list(baseline.pipe(d.text for d in texts)),
        "spyglass extract_many": lambda: list(extract_many(texts)),
    }
    warm = documents[:4]
    list(baseline.pipe(d.text for d in warm))
    list(extract_many(warm))
    best: dict[str, tuple[float, float]] = {name: (float("inf"), float("inf")) for name in sides}
    for _ in range(args.rounds):
        for name, run in sides.items():
            wall, cpu = timed(run)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    print(f"{len(texts)} documents, {n_words} words per round, best of {args.rounds} rounds")
    for name, (wall, cpu) in best.items():
        print(f"  {name:<24} {n_words / wall:>9.0f} words/s  ({wall:.2f} s wall, {cpu:.2f} s CPU)")
    (base_wall, base_cpu), (ours_wall, ours_cpu) = best.values()
    ratio = base_wall / ours_wall
    print(f"ratio spyglass/baseline: {ratio:.2f} (CPU time: {base_cpu / ours_cpu:.2f}; must stay >= {MIN_RATIO})")
    return 0 if ratio >= MIN_RATIO else 2


if __name__ == "__main__":
    sys.exit(main())
