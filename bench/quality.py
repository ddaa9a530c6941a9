"""Quality benchmark: extract each gold set with spyglass and score it with the shared scorer.

usage: python3 bench/quality.py [--details] [--json] [--set NAME ...]

Sets: `bench` (bench/corpus + bench/gold, written for this project), `heldout` and `blind` (bench/heldout,
bench/blind: see their READMEs) and `dev` (../shared/dev); each is scored when present.
The scorer is `../shared/tools/score.py`, imported by path so the figures are exactly the external evaluation's;
without ../shared there is nothing to score against and the script says so.
"""

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from spyglass.errors import InputError
from spyglass.extract import extract_many
from spyglass.ingest import iter_documents
from spyglass.model import Extraction

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
SETS = {
    "bench": ROOT / "bench",
    "heldout": ROOT / "bench" / "heldout",
    "blind": ROOT / "bench" / "blind",
    "dev": SHARED / "dev",
}
FIGURES = {
    "entity_f1": ("entities", "f1"),
    "event_f1": ("events", "f1"),
    "date_acc": ("event_dates", "accuracy"),
    "certainty_acc": ("event_certainty", "accuracy"),
    "sources_acc": ("event_sources", "accuracy"),
    "cleaning_acc": ("cleaning", "accuracy"),
}


def load_scorer() -> ModuleType | None:
    """The shared scorer module, or None when ../shared is absent."""
    if not SCORER.exists():
        return None
    spec = importlib.util.spec_from_file_location("spyglass_shared_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract_corpus(corpus: Path) -> list[Extraction]:
    """Read, clean and extract every article of a corpus folder, as `spyglass extract` does."""
    documents = []
    for item in iter_documents(str(p) for p in sorted(corpus.glob("*.txt"))):
        if isinstance(item, InputError):
            raise item
        documents.append(item)
    return list(extract_many(documents))


def score_set(scorer: ModuleType, folder: Path, details: bool = False) -> dict[str, Any]:
    """Extract `folder/corpus` and score it against `folder/gold`; the scorer's summary dict."""
    records = extract_corpus(folder / "corpus")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
        summary: dict[str, Any] = scorer.score(str(folder / "gold"), str(pred), details)
    summary["n_documents"] = len(records)
    return summary


def figures(summary: dict[str, Any]) -> dict[str, float | None]:
    """The headline figures (entity_f1, event_f1, date_acc, ...) of a scorer summary."""
    return {name: summary[area][key] for name, (area, key) in FIGURES.items()}


def render(name: str, summary: dict[str, Any], details: bool) -> str:
    """A short human-readable report of one set."""

    def fmt(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    lines = [f"[{name}] {summary['n_documents']} documents"]
    lines.append("  " + " ".join(f"{k}={fmt(v)}" for k, v in figures(summary).items()))
    by_type = summary["entities_by_type"]
    lines.append(
        "  entity F1 by type: "
        + ", ".join(f"{t} {fmt(v['f1'])} (tp {v['tp']} fp {v['fp']} fn {v['fn']})" for t, v in by_type.items())
    )
    events = summary["events"]
    lines.append(f"  events: tp {events['tp']} fp {events['fp']} fn {events['fn']}")
    if details:
        for doc in summary["details"]["missing_predictions"]:
            lines.append(f"  {doc}: no prediction")
        for doc, misses in summary["details"]["documents"].items():
            lines.append(f"  {doc}")
            for kind, items in misses.items():
                if items:
                    lines.append(f"    {kind}: " + "; ".join(items))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true", help="list missed and extra entities and events per document")
    ap.add_argument("--json", action="store_true", help="print the scorer summaries as JSON")
    ap.add_argument("--set", dest="sets", action="append", choices=sorted(SETS), help="score only this set")
    args = ap.parse_args(argv)
    scorer = load_scorer()
    if scorer is None:
        print(f"scorer unavailable: {SCORER} is absent; nothing to score against", file=sys.stderr)
        return 1
    results = {}
    for name in args.sets or list(SETS):
        folder = SETS[name]
        if not (folder / "corpus").is_dir():
            print(f"[{name}] skipped: {folder / 'corpus'} is absent", file=sys.stderr)
            continue
        results[name] = score_set(scorer, folder, args.details)
        if not args.json:
            print(render(name, results[name], args.details), flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
