"""`Cluster`: the mentions of one referent while coreference builds it, before it becomes an `EntityCluster`."""

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

from spyglass.extract.lexicon import Entry, canonical
from spyglass.model import EntityType

NAMING = frozenset({"ner", "pattern:named", "gazetteer:name"})


@dataclass
class Cluster:
    type: EntityType
    entry: Entry | None = None
    signature: str | None = None
    mentions: list[Span] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def kinds(self) -> set[str]:
        return {m.id_ for m in self.mentions}

    def words(self) -> set[str]:
        """Every canonical word of every non-definite mention and of the entry name."""
        texts = [m.text for m in self.mentions if m.id_ != "pattern:definite"]
        if self.entry:
            texts.append(self.entry.name)
        return {w for t in texts for w in canonical(t).split()}

    def name(self) -> str:
        """The knowledge-base name (unless in the capitals of a sanctions list: then as the text writes it), else the
        longest proper name (a ship's name before its IMO number; a designated good before its class), else the
        longest unnamed-actor or goods phrase."""
        if self.entry and not self.entry.name.isupper():
            return self.entry.name
        for tier in (proper_name, lambda m: m.id_ in NAMING, lambda m: m.id_ in ("pattern:unnamed", "pattern:goods")):
            named = [m for m in self.mentions if tier(m)]
            if named:
                best = max(named, key=lambda m: (m[0].text != "IMO", len(m.text), -m.start))
                return designator(best) if self.type is EntityType.WEAPON else best.text
        return self.mentions[0].text


def designator(m: Span) -> str:
    """A weapon's name without the class words after its designator ("Hwasong-11 tactical ballistic missile" →
    "Hwasong-11"): the capitalised words up to the first lowercase one."""
    if m[0].is_lower or m[0].like_num:
        return m.text  # a class phrase ("122mm artillery rockets"), no designator
    cut = next((t.i for t in m if t.is_lower and t.i > m.start and m.doc[t.i - 1].text != "-"), m.end)
    return m.doc[m.start : cut].text


def proper_name(m: Span) -> bool:
    """A name proper: not a class word ("military drones"); a goods phrase only with its designator ("Warmate
    drones")."""
    if m.id_ == "pattern:goods":
        return any(t.pos_ == "PROPN" for t in m)
    return m.id_ in NAMING and not m.kb_id_.startswith("class:")


def merge_into(
    target: Cluster, other: Cluster, clusters: list[Cluster], owner: dict[tuple[int, int], Cluster] | None = None
) -> None:
    """Move `other`'s mentions into `target` (and re-point `owner`, a mention-span → cluster index)."""
    target.mentions.extend(other.mentions)
    clusters.remove(other)
    if owner is not None:
        for m in other.mentions:
            owner[(m.start, m.end)] = target
