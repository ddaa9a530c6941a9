"""`Matcher`: screen a name against knowledge-base records and return explained, ranked candidates.

Blocking (`NameIndex`) picks the names worth scoring; each is scored by the weighted name features, the best
name per record counts, then context features (nationality, birth date, identifiers, related entities) adjust
it. Candidates are ranked by the unclipped total, so records that tie on a perfect name are ordered by context,
then by word order and by being on a list.
"""

from collections.abc import Sequence

from spyglass.kb.record import KBRecord
from spyglass.match.context import MAX_CONTEXT, MatchContext, context_features
from spyglass.match.index import NameIndex
from spyglass.match.names import foldings, name_tokens
from spyglass.match.result import Candidate, Feature
from spyglass.match.score import NameComparison, compare_names
from spyglass.model import EntityType

THRESHOLD = 0.8

# Which record types an entity of a given type may resolve to.
COMPATIBLE: dict[EntityType, frozenset[EntityType]] = {
    EntityType.PERSON: frozenset({EntityType.PERSON}),
    EntityType.ORGANIZATION: frozenset({EntityType.ORGANIZATION, EntityType.FACILITY}),
    EntityType.FACILITY: frozenset({EntityType.FACILITY, EntityType.ORGANIZATION}),
    EntityType.VESSEL: frozenset({EntityType.VESSEL}),
    EntityType.WEAPON: frozenset({EntityType.WEAPON, EntityType.ITEM}),
    EntityType.ITEM: frozenset({EntityType.ITEM, EntityType.WEAPON}),
    EntityType.LOCATION: frozenset({EntityType.LOCATION}),
}


def _rank(candidate: Candidate) -> tuple[float, float, float, bool]:
    """Score with context, then name score, then same word order, then listed records first."""
    order = next((f.value for f in candidate.features if f.name == "word_order"), 0.0)
    return candidate.rank_score, candidate.name_score, order, candidate.record.reference_number is not None


class Matcher:
    """Screens names against a fixed set of records (build once, query many times)."""

    def __init__(self, records: Sequence[KBRecord]) -> None:
        self.index = NameIndex(records)

    def match(
        self,
        name: str,
        kind: EntityType | None = None,
        context: MatchContext | None = None,
        limit: int = 5,
        threshold: float = 0.0,
        exhaustive: bool = False,
    ) -> list[Candidate]:
        """The best `limit` candidates for `name` scoring at least `threshold`, best first.

        `exhaustive` scores every indexed name instead of the blocked ones (for measuring what blocking loses).
        """
        tokens = name_tokens(name)
        if not tokens:
            return []
        entries = range(len(self.index.entries)) if exhaustive else self.index.candidates(tokens)
        allowed = COMPATIBLE.get(kind) if kind is not None else None
        best: dict[int, tuple[NameComparison, str]] = {}
        for entry in entries:
            record_no, matched, other = self.index.entries[entry]
            if allowed is not None and self.index.records[record_no].type not in allowed:
                continue
            comparison = compare_names(tokens, other, self.index.weight)
            if record_no not in best or comparison.score > best[record_no][0].score:
                best[record_no] = (comparison, matched)
        # Context moves a score by at most MAX_CONTEXT: only records that could still clear the threshold and
        # reach the top `limit` are worth explaining.
        ranked = sorted(best, key=lambda n: best[n][0].score, reverse=True)
        if not ranked:
            return []
        reach = MAX_CONTEXT if context is not None and not context.is_empty() else 0.0
        floor = max(threshold, best[ranked[min(limit, len(ranked)) - 1]][0].score) - reach
        candidates = [self._candidate(name, n, *best[n], context) for n in ranked if best[n][0].score >= floor]
        candidates = [c for c in candidates if c.score >= threshold]
        candidates.sort(key=_rank, reverse=True)
        return candidates[:limit]

    def _candidate(
        self, query: str, record_no: int, comparison: NameComparison, matched: str, ctx: MatchContext | None
    ) -> Candidate:
        record = self.index.records[record_no]
        extra = context_features(record, ctx)
        folds = [
            f"{side}: {', '.join(changes)}"
            for side, n in (("query", query), ("record", matched))
            if (changes := foldings(n))
        ]
        if folds:
            extra.insert(0, Feature(name="romanisation", weight=0.0, value=1.0, detail="; ".join(folds)))
        score = comparison.score
        total = score + sum(f.contribution for f in extra)
        return Candidate(
            query=query,
            matched_name=matched,
            score=round(min(1.0, max(0.0, total)), 4),
            name_score=round(score, 4),
            rank_score=round(total, 4),
            features=[*comparison.features(), *extra],
            record=record,
        )
