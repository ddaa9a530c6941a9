"""Entity resolution for extraction: give each extracted entity the id of the knowledge-base record it names.

    resolve(entities: Sequence[Entity], context: MatchContext | None = None,
            matcher: Matcher | None = None, threshold: float = THRESHOLD) -> dict[str, str]

returns {entity.id: kb_id} for every entity whose best candidate scores at least `threshold`. The article's
other entities are the context of each one (a record whose notes name them ranks first among equal names);
`context` adds what is known of the whole article (e.g. nationalities). Entities that already have a `kb_id`
and locations are left alone. On equal scores a listed record (with a reference number) wins.
`matcher` defaults to the packaged records (register + UN DPRK/Iran subset); pass `matcher_for(engine)`
to include every source imported into a store.
"""

from collections.abc import Sequence
from functools import cache

from sqlalchemy import Engine

from spyglass.kb.catalog import all_records
from spyglass.match.context import MatchContext
from spyglass.match.matcher import THRESHOLD, Matcher
from spyglass.model import Entity, EntityType

SKIPPED = frozenset({EntityType.LOCATION})


@cache
def _packaged_matcher() -> Matcher:
    return Matcher(all_records())


def matcher_for(engine: Engine | None = None) -> Matcher:
    """A matcher over the packaged records and, with `engine`, every record stored there."""
    return Matcher(all_records(engine)) if engine is not None else _packaged_matcher()


def resolve(
    entities: Sequence[Entity],
    context: MatchContext | None = None,
    matcher: Matcher | None = None,
    threshold: float = THRESHOLD,
) -> dict[str, str]:
    """`{entity id: kb id}` for the entities whose best candidate clears `threshold` (see the module docstring)."""
    matcher = matcher or _packaged_matcher()
    base = context or MatchContext()
    names = [e.name for e in entities]
    resolved: dict[str, str] = {}
    for entity in entities:
        if entity.kb_id or entity.type in SKIPPED:
            continue
        related = [n for n in names if n != entity.name]
        ctx = base.model_copy(update={"related_names": [*base.related_names, *related]})
        found = matcher.match(entity.name, kind=entity.type, context=ctx, limit=1, threshold=threshold)
        if found:
            resolved[entity.id] = found[0].record.id
    return resolved
