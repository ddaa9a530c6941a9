"""Measure a screening function on a labelled set: recall on listed variants, false positives on the rest.

The set is a CSV of `variant,reference,kind`; an empty reference marks a name that is on no list. The test
suite pins the figures and `bench/screening.py` reports them for the indexed and the brute-force matcher.
"""

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# A screening function: name -> (reference number of the best candidate, its score), or None.
Screen = Callable[[str], tuple[str | None, float] | None]


@dataclass(frozen=True)
class LabelledName:
    variant: str
    reference: str | None
    kind: str


@dataclass(frozen=True)
class Quality:
    """Recall over listed variants and false-positive rate over non-listed names, at one threshold."""

    listed: int
    found: int
    not_listed: int
    false_positives: int
    misses: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.found / self.listed if self.listed else 0.0

    @property
    def false_positive_rate(self) -> float:
        return self.false_positives / self.not_listed if self.not_listed else 0.0


def load_labelled(path: Path) -> list[LabelledName]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [LabelledName(r["variant"], r["reference"] or None, r["kind"]) for r in csv.DictReader(handle)]


def measure(screen: Screen, names: list[LabelledName], threshold: float) -> Quality:
    """A variant is found when the best candidate is its record and clears `threshold`; a non-listed name is a
    false positive when any candidate clears it."""
    found = false_positives = 0
    misses = []
    for item in names:
        best = screen(item.variant)
        hit = best is not None and best[1] >= threshold
        if item.reference is None:
            false_positives += hit
        elif hit and best is not None and best[0] == item.reference:
            found += 1
        else:
            misses.append(item.variant)
    listed = sum(1 for n in names if n.reference is not None)
    return Quality(listed, found, len(names) - listed, false_positives, tuple(misses))
