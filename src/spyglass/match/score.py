"""Name-pair scoring: a weighted list of features over the normalised tokens of two names.

Tokens are aligned one to one (order-free), each pair scored exactly, as a one-edit typo, or by edit
similarity; coverage on each side is weighted by token rarity (IDF), so a shared "Kim" or "Trading" counts for
less than a shared "Namchongang". A whole-string similarity catches what the alignment misses.
"""

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from spyglass.match.result import Feature

QUERY_WEIGHT = 0.45
CANDIDATE_WEIGHT = 0.30
STRING_WEIGHT = 0.25
TYPO_SIMILARITY = 0.8
SHORT_TYPO_SIMILARITY = 0.5
MIN_SIMILARITY = 0.7

Weigh = Callable[[str], float]


def token_similarity(a: str, b: str) -> float:
    """1 for equal tokens; for one edit (a transposition counts as one) 0.8 or more on tokens of 4+ letters and
    0.5 on shorter ones; else edit similarity when at least 0.7; else 0."""
    if a == b:
        return 1.0
    distance = OSA.distance(a, b)
    similarity = 1.0 - distance / max(len(a), len(b))
    if distance == 1:
        return max(TYPO_SIMILARITY, similarity) if min(len(a), len(b)) >= 4 else SHORT_TYPO_SIMILARITY
    return similarity if similarity >= MIN_SIMILARITY else 0.0


def _join_split(tokens: tuple[str, ...], other: set[str]) -> tuple[str, ...]:
    """`tokens` with adjacent pairs joined where the other name has them as one token ("al qaida" ~ "alqaida")."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens) and tokens[i] + tokens[i + 1] in other:
            out.append(tokens[i] + tokens[i + 1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return tuple(out)


def align(query: tuple[str, ...], candidate: tuple[str, ...]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one alignment of tokens, best pairs first: (query index, candidate index, similarity)."""
    pairs = [
        (sim, qi, ci)
        for qi, q in enumerate(query)
        for ci, c in enumerate(candidate)
        if (sim := token_similarity(q, c)) > 0
    ]
    pairs.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    aligned = []
    for sim, qi, ci in pairs:
        if qi not in used_q and ci not in used_c:
            used_q.add(qi)
            used_c.add(ci)
            aligned.append((qi, ci, sim))
    return aligned


@dataclass(frozen=True)
class NameComparison:
    """Two token tuples compared: the alignment, each side's weighted coverage and the string similarity.

    Cheap to make; `features()` turns it into the explained feature list only for the candidates shown.
    """

    query: tuple[str, ...]
    candidate: tuple[str, ...]
    aligned: list[tuple[int, int, float]]
    query_cover: float
    candidate_cover: float
    string: float

    @property
    def score(self) -> float:
        """The name score: the features' weighted values summed, in [0, 1]."""
        total = QUERY_WEIGHT * self.query_cover + CANDIDATE_WEIGHT * self.candidate_cover + STRING_WEIGHT * self.string
        return round(min(1.0, max(0.0, total)), 6)  # rounded: equal names must tie exactly

    def features(self) -> list[Feature]:
        """The weighted features, with the token pairs and the unmatched tokens they saw."""
        pairs = ", ".join(
            f"{self.query[qi]}={self.candidate[ci]}" if sim == 1 else f"{self.query[qi]}~{self.candidate[ci]} {sim:.2f}"
            for qi, ci, sim in sorted(self.aligned)
        )
        missing = [t for i, t in enumerate(self.query) if i not in {qi for qi, _, _ in self.aligned}]
        extra = [t for i, t in enumerate(self.candidate) if i not in {ci for _, ci, _ in self.aligned}]
        return [
            Feature(
                name="query_tokens_matched",
                weight=QUERY_WEIGHT,
                value=round(self.query_cover, 4),
                detail=pairs + (f"; unmatched {' '.join(missing)}" if missing else ""),
            ),
            Feature(
                name="candidate_tokens_matched",
                weight=CANDIDATE_WEIGHT,
                value=round(self.candidate_cover, 4),
                detail=f"unmatched {' '.join(extra)}" if extra else "all matched",
            ),
            Feature(name="string_similarity", weight=STRING_WEIGHT, value=round(self.string, 4), detail="token sort"),
            Feature(
                name="word_order",
                weight=0.0,
                value=1.0 if self.in_order else 0.0,
                detail="same order; orders equal scores" if self.in_order else "reordered; order does not score",
            ),
        ]

    @property
    def in_order(self) -> bool:
        """Whether the aligned tokens come in the same order in both names."""
        order = [ci for _, ci, _ in sorted(self.aligned)]
        return order == sorted(order)


def compare_names(query: tuple[str, ...], candidate: tuple[str, ...], weigh: Weigh) -> NameComparison:
    """Compare two normalised names (see the module docstring)."""
    query = _join_split(query, set(candidate))
    candidate = _join_split(candidate, set(query))
    aligned = align(query, candidate)
    q_total = sum(weigh(t) for t in query) or 1.0
    c_total = sum(weigh(t) for t in candidate) or 1.0
    return NameComparison(
        query=query,
        candidate=candidate,
        aligned=aligned,
        query_cover=sum(weigh(query[qi]) * sim for qi, _, sim in aligned) / q_total,
        candidate_cover=sum(weigh(candidate[ci]) * sim for _, ci, sim in aligned) / c_total,
        string=fuzz.token_sort_ratio(" ".join(query), " ".join(candidate)) / 100,
    )
