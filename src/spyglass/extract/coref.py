"""Coreference: group the selected mentions into one `EntityCluster` per real-world referent.

In order: mentions sharing a gazetteer key, an unnamed-actor signature ("a Chinese firm" = "a Chinese
private-sector company") or a folded form join one cluster; then apposition acronyms ("... Studies (CNS)"),
short person names ("Lewis", "Kim"), short organisation names ("Asahi"), and definite descriptions ("the machine
factory", "the unnamed Chinese firm", "the North Korean leader") attach to the nearest fitting antecedent.
Surname-only persons and definite descriptions that resolve to nothing are dropped.
"""

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from spyglass.extract.entity_ref import EntityCluster
from spyglass.extract.gazetteer import CANDIDATES
from spyglass.extract.lexicon import Entry, canonical, fold, singular
from spyglass.model import EntityType


@dataclass(frozen=True)
class CorefRules:
    """Word classes from `data/entities/patterns.yaml` that coreference needs."""

    company_words: frozenset[str]
    skip_words: frozenset[str]
    generic_sites: frozenset[str]
    titles: frozenset[str]


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
        if self.entry:
            return self.entry.name
        named = [m for m in self.mentions if m.id_ != "pattern:definite"] or self.mentions
        if any(m.id_ == "pattern:unnamed" for m in named):
            named = [m for m in named if m.id_ == "pattern:unnamed"]
        return max(named, key=lambda m: (len(m.text), -m.start)).text


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
        clusters = merge_short_names(clusters)
        note_titles(doc, clusters, places, self.rules.titles)
        for m in deferred:
            target = self.resolve(m, clusters, places)
            if target:
                target.mentions.append(m)
        kept = [c for c in clusters if c.kinds() - {"ner:surname", "pattern:definite"}]
        return [
            EntityCluster(
                id=f"e{i}",
                type=c.type,
                name=c.name(),
                kb_id=c.entry.kb_id if c.entry else None,
                mentions=sorted(set(c.mentions), key=lambda s: s.start),
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
        """Unnamed actors of one country and one head class are one actor ("a Chinese firm", "a Chinese company")."""
        if m.id_ != "pattern:unnamed":
            return None
        codes = sorted({places[i] for i in range(m.start, m.end) if i in places})
        return f"unnamed:{m.label_}:{','.join(codes)}:{self.head_class(m[-1].lower_)}"

    def head_class(self, word: str) -> str:
        word = singular(word)
        return "company" if word in self.rules.company_words else word

    def resolve(self, m: Span, clusters: list[Cluster], places: dict[int, str]) -> Cluster | None:
        """The nearest cluster (before the description, else after it) that the description fits."""
        head = self.head_class(m[-1].lower_)
        codes = {places[i] for i in range(m.start, m.end) if i in places}
        modifiers = {
            canonical(t.text)
            for t in m[1:-1]
            if t.is_alpha and t.i not in places and t.lower_ not in self.rules.skip_words
        }
        fits = [c for c in clusters if self.fits(c, m, head, codes, modifiers)]
        before = [c for c in fits if c.first < m.start]
        if before:
            return max(before, key=lambda c: max(x.start for x in c.mentions if x.start < m.start))
        return min(fits, key=lambda c: c.first) if fits else None

    def fits(self, c: Cluster, m: Span, head: str, codes: set[str], modifiers: set[str]) -> bool:
        if codes and c.attributes.get("country") not in codes:
            return False
        if c.type.value != m.label_:
            return False
        if c.type is EntityType.PERSON:
            return m[-1].lower_ in c.attributes.get("titles", []) and bool(codes)
        if c.type is EntityType.VESSEL:
            return True
        words = c.words()
        classes = {self.head_class(w) for w in words}
        if head not in classes and not (c.type is EntityType.FACILITY and head in self.rules.generic_sites):
            return False
        return modifiers <= words


def place_codes(doc: Doc) -> dict[int, str]:
    """Token index → country code for every word the gazetteer found of a country, demonym or capital."""
    return {
        i: span.kb_id_.split(":", 1)[1]
        for span in doc.spans.get(CANDIDATES, [])
        if span.kb_id_.startswith("country:")
        for i in range(span.start, span.end)
    }


def merge_into(target: Cluster, other: Cluster, clusters: list[Cluster]) -> None:
    target.mentions.extend(other.mentions)
    clusters.remove(other)


def merge_appositions(doc: Doc, clusters: list[Cluster], mentions: list[Span]) -> list[Cluster]:
    """ "Name (ACRONYM)" makes ACRONYM an alias: its cluster, and its bare uses the model missed, join the name."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for c in list(clusters):
        for m in list(c.mentions) if c in clusters else []:
            if m.end + 2 >= len(doc) or doc[m.end].text != "(" or doc[m.end + 2].text != ")":
                continue
            alias = doc[m.end + 1]
            if not (alias.is_upper and len(alias) > 1):
                continue
            for other in [o for o in clusters if o is not c and {x.text for x in o.mentions} == {alias.text}]:
                merge_into(c, other, clusters)
            for token in doc:
                if token.text == alias.text and token.i not in covered:
                    c.mentions.append(doc[token.i : token.i + 1])
                    covered.add(token.i)
    return clusters


def note_titles(doc: Doc, clusters: list[Cluster], places: dict[int, str], titles: frozenset[str]) -> None:
    """ "North Korean leader Kim Jong Un": remember (country, "leader") on the person for "the North Korean leader"."""
    for c in clusters:
        if c.type is not EntityType.PERSON:
            continue
        for m in c.mentions:
            i = m.start - 1
            if i > 0 and doc[i].lower_ in titles and i - 1 in places:
                c.attributes.setdefault("titles", []).append(doc[i].lower_)
                c.attributes.setdefault("country", places[i - 1])


def merge_short_names(clusters: list[Cluster]) -> list[Cluster]:
    """One-word persons ("Lewis", "Kim") and organisations ("Asahi") join the nearest fuller name they start or end."""
    for short in [c for c in clusters if c.type in (EntityType.PERSON, EntityType.ORGANIZATION) and not c.entry]:
        forms = {fold(m.text) for m in short.mentions}
        if len(forms) != 1 or " " in next(iter(forms)):
            continue
        word = next(iter(forms))
        full = [c for c in clusters if c is not short and c.type is short.type and fits_short(c, word)]
        if full:
            target = min(full, key=lambda c: abs(c.first - short.first))
            merge_into(target, short, clusters)
    return clusters


def fits_short(cluster: Cluster, word: str) -> bool:
    """Whether `word` is the first word (or, for a person, the last) of one of the cluster's names."""
    names = [m.text for m in cluster.mentions] + ([cluster.entry.name] if cluster.entry else [])
    for name in names:
        words = fold(name).split()
        if len(words) > 1 and (words[0] == word or (cluster.type is EntityType.PERSON and words[-1] == word)):
            return True
    return False
