"""`Matcher`: screen a name against knowledge-base records and return explained, ranked candidates.

Blocking (`NameIndex`) picks the names worth scoring; each is scored by the weighted name features, the best
name per record counts, then context features (nationality, birth date, identifiers, related entities) adjust
it. Candidates are ranked by the unclipped total, so records that tie on a perfect name are ordered by context.
"""

from collections.abc import Sequence

from spyglass.kb.record import KBRecord
from spyglass.match.context import MatchContext, context_features
from spyglass.match.index import NameIndex
from spyglass.match.names import name_tokens
from spyglass.match.result import Candidate, Feature
from spyglass.match.score import name_features, name_score
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
        best: dict[int, tuple[float, str, list[Feature]]] = {}
        for entry in entries:
            record_no, matched, other = self.index.entries[entry]
            if allowed is not None and self.index.records[record_no].type not in allowed:
                continue
            features = name_features(tokens, other, self.index.weight)
            score = name_score(features)
            if record_no not in best or score > best[record_no][0]:
                best[record_no] = (score, matched, features)
        candidates = [self._candidate(name, n, *best[n], context) for n in best]
        candidates = [c for c in candidates if c.score >= threshold]
        candidates.sort(key=lambda c: (c.rank_score, c.name_score), reverse=True)
        return candidates[:limit]

    def _candidate(
        self, query: str, record_no: int, score: float, matched: str, features: list[Feature], ctx: MatchContext | None
    ) -> Candidate:
        record = self.index.records[record_no]
        extra = context_features(record, ctx)
        total = score + sum(f.contribution for f in extra)
        return Candidate(
            query=query,
            matched_name=matched,
            score=round(min(1.0, max(0.0, total)), 4),
            name_score=round(score, 4),
            rank_score=round(total, 4),
            features=[*features, *extra],
            record=record,
        )
