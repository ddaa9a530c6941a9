"""Coreference: group the selected mentions into one `EntityCluster` per real-world referent.

Mentions sharing a gazetteer key, an unnamed-actor signature ("a Chinese firm" = "a Chinese private-sector
company") or a folded form join one cluster; then the name links of `links` apply, and definite descriptions ("the
machine factory", "the unnamed Chinese firm", "the North Korean leader") attach to the nearest fitting antecedent
before them. Surname-only persons and definite descriptions that resolve to nothing are dropped.
"""

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from spyglass.extract.cluster import Cluster
from spyglass.extract.entity_ref import EntityCluster
from spyglass.extract.gazetteer import CANDIDATES
from spyglass.extract.goods import merge_bare_goods
from spyglass.extract.lexicon import Entry, canonical, singular
from spyglass.extract.links import (
    add_short_forms,
    add_surnames,
    merge_appositions,
    merge_classes_into_named,
    merge_introduced_later,
    merge_short_names,
    note_titles,
)
from spyglass.model import EntityType


@dataclass(frozen=True)
class CorefRules:
    """Word classes from `data/entities/patterns.yaml` that coreference needs."""

    company_words: frozenset[str]
    skip_words: frozenset[str]
    generic_sites: frozenset[str]
    titles: frozenset[str]
    name_suffixes: frozenset[str]
    goods_determiners: frozenset[str] = frozenset()


class Coreference:
    def __init__(self, entries: dict[str, Entry], rules: CorefRules) -> None:
        self.entries = entries
        self.rules = rules

    def __call__(self, doc: Doc, mentions: list[Span]) -> list[EntityCluster]:
        places = place_codes(doc)
        clusters: list[Cluster] = []
        by_key: dict[str, Cluster] = {}
        by_form: dict[str, Cluster] = {}
        deferred: list[Span] = []
        for m in mentions:
            if m.id_ == "pattern:definite":
                deferred.append(m)
                continue
            key = m.kb_id_ or self.signature(m, places)
            form = canonical(m.text)
            cluster = by_key.get(key) if key else by_form.get(form)
            if cluster is None:
                cluster = self.new_cluster(m, key, places)
                clusters.append(cluster)
                if key:
                    by_key[key] = cluster
            cluster.mentions.append(m)
            by_form.setdefault(form, cluster)
        clusters = merge_appositions(doc, clusters, mentions)
        note_titles(doc, clusters, places, self.rules.titles)
        for m in deferred:
            target = self.resolve(m, clusters, places)
            if target:
                target.mentions.append(m)
            elif m[1].is_title and m.label_ == EntityType.FACILITY.value:
                named = Span(doc, m.start + 1, m.end, label=m.label_, span_id="pattern:named")
                form = canonical(named.text)
                known = [
                    c for c in clusters if c.entry and c.type is EntityType.FACILITY and canonical(c.name()) == form
                ]
                if known:
                    known[0].mentions.append(named)
                else:
                    clusters.append(Cluster(EntityType.FACILITY, mentions=[named]))
        merge_bare_goods(doc, clusters, self.rules.goods_determiners)
        clusters = merge_short_names(clusters, self.rules.name_suffixes)
        add_surnames(doc, clusters, self.rules.name_suffixes)
        merge_classes_into_named(clusters)
        merge_introduced_later(doc, clusters, places)
        add_short_forms(doc, clusters)
        kept = [c for c in clusters if c.kinds() - {"ner:surname", "pattern:definite"}]
        return [
            EntityCluster(
                id=f"e{i}",
                type=c.type,
                name=c.name(),
                kb_id=c.entry.kb_id if c.entry else None,
                mentions=sorted({(m.start, m.end): m for m in c.mentions}.values(), key=lambda s: s.start),
                attributes=c.attributes,
            )
            for i, c in enumerate(sorted(kept, key=lambda c: c.first), 1)
        ]

    def new_cluster(self, m: Span, key: str | None, places: dict[int, str]) -> Cluster:
        entry = self.entries.get(key) if key else None
        if entry:
            return Cluster(entry.type, entry=entry, attributes=dict(entry.attributes))
        cluster = Cluster(EntityType(m.label_), signature=key)
        codes = [places[i] for i in range(m.start, m.end) if i in places]
        if codes:
            cluster.attributes["country"] = codes[0]
        return cluster

    def signature(self, m: Span, places: dict[int, str]) -> str | None:
        """Unnamed actors of one country and one head class are one actor ("a Chinese firm", "a Chinese company");
        without a country, only the same description is ("an industrial supply firm" twice)."""
        if m.id_ != "pattern:unnamed":
            return None
        codes = sorted({places[i] for i in range(m.start, m.end) if i in places})
        head = m[-1].lower_
        number = "plural" if singular(head) != head else "one"
        kind = ",".join(codes) or " ".join(t.lower_ for t in m[1:-1] if t.is_alpha)
        return f"unnamed:{m.label_}:{kind}:{self.head_class(head)}:{number}"

    def head_class(self, word: str) -> str:
        word = singular(word)
        return "company" if word in self.rules.company_words else word

    def resolve(self, m: Span, clusters: list[Cluster], places: dict[int, str]) -> Cluster | None:
        """The nearest cluster mentioned before the description that the description fits."""
        head = self.head_class(m[-1].lower_)
        codes = {places[i] for i in range(m.start, m.end) if i in places}
        modifiers = {
            canonical(t.text)
            for t in m[1:-1]
            if t.is_alpha and t.i not in places and t.lower_ not in self.rules.skip_words
        }
        fits = [c for c in clusters if self.fits(c, m, head, codes, modifiers)]
        named_after_head = [c for c in fits if head in {self.head_class(w) for w in c.words()}]
        before = [c for c in named_after_head or fits if c.first < m.start]
        if not before:
            return None
        return max(before, key=lambda c: max(x.start for x in c.mentions if x.start < m.start))

    def fits(self, c: Cluster, m: Span, head: str, codes: set[str], modifiers: set[str]) -> bool:
        if codes and c.attributes.get("country") not in codes:
            return False
        if c.type.value != m.label_:
            return False
        if c.type is EntityType.PERSON:
            return m[-1].lower_ in c.attributes.get("titles", [])
        if c.type is EntityType.VESSEL:
            return True
        words = c.words()
        classes = {self.head_class(w) for w in words}
        generic = head in self.rules.generic_sites or m[-1].lower_ in self.rules.generic_sites  # "works"
        if head not in classes and not (c.type is EntityType.FACILITY and generic):
            return False
        return modifiers <= words


def place_codes(doc: Doc) -> dict[int, str]:
    """Token index → country code for every word the gazetteer found of a country, demonym or capital (whether it
    stands for the state or is the city)."""
    return {
        i: span.kb_id_.split(":")[1]
        for span in doc.spans.get(CANDIDATES, [])
        if span.kb_id_.startswith(("country:", "city:"))
        for i in range(span.start, span.end)
    }
