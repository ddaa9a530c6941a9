"""Name-pair scoring: a weighted list of features over the normalised tokens of two names.

Tokens are aligned one to one (order-free), each pair scored exactly, as a one-edit typo, or by edit
similarity; coverage on each side is weighted by token rarity (IDF), so a shared "Kim" or "Trading" counts for
less than a shared "Namchongang". A whole-string similarity catches what the alignment misses.
"""

from collections.abc import Callable

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


def name_features(query: tuple[str, ...], candidate: tuple[str, ...], weigh: Weigh) -> list[Feature]:
    """The weighted features comparing two token tuples; their contributions sum to the name score."""
    query = _join_split(query, set(candidate))
    candidate = _join_split(candidate, set(query))
    aligned = align(query, candidate)
    q_total = sum(weigh(t) for t in query) or 1.0
    c_total = sum(weigh(t) for t in candidate) or 1.0
    q_cover = sum(weigh(query[qi]) * sim for qi, _, sim in aligned) / q_total
    c_cover = sum(weigh(candidate[ci]) * sim for _, ci, sim in aligned) / c_total
    pairs = ", ".join(
        f"{query[qi]}={candidate[ci]}" if sim == 1 else f"{query[qi]}~{candidate[ci]} {sim:.2f}"
        for qi, ci, sim in sorted(aligned)
    )
    missing = [t for i, t in enumerate(query) if i not in {qi for qi, _, _ in aligned}]
    extra = [t for i, t in enumerate(candidate) if i not in {ci for _, ci, _ in aligned}]
    string = fuzz.token_sort_ratio(" ".join(query), " ".join(candidate)) / 100
    return [
        Feature(
            name="query_tokens_matched",
            weight=QUERY_WEIGHT,
            value=round(q_cover, 4),
            detail=pairs + (f"; unmatched {' '.join(missing)}" if missing else ""),
        ),
        Feature(
            name="candidate_tokens_matched",
            weight=CANDIDATE_WEIGHT,
            value=round(c_cover, 4),
            detail=f"unmatched {' '.join(extra)}" if extra else "all matched",
        ),
        Feature(name="string_similarity", weight=STRING_WEIGHT, value=round(string, 4), detail="token sort ratio"),
    ]


def name_score(features: list[Feature]) -> float:
    """The name score: the sum of the features' weighted values, in [0, 1]."""
    return min(1.0, max(0.0, sum(f.contribution for f in features)))
