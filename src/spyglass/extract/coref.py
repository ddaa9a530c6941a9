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

ORG_LIKE = (EntityType.ORGANIZATION, EntityType.FACILITY, EntityType.VESSEL)
NER_CONFUSED = (EntityType.ORGANIZATION, EntityType.PERSON, EntityType.LOCATION)
NAMING = frozenset({"ner", "pattern:named", "gazetteer:name"})
SHORTENABLE = frozenset({"ner", "ner:surname", "pattern:named"})


@dataclass(frozen=True)
class CorefRules:
    """Word classes from `data/entities/patterns.yaml` that coreference needs."""

    company_words: frozenset[str]
    skip_words: frozenset[str]
    generic_sites: frozenset[str]
    titles: frozenset[str]
    name_suffixes: frozenset[str]


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
        longest proper name, else the longest unnamed-actor phrase."""
        if self.entry and not self.entry.name.isupper():
            return self.entry.name
        for kinds in (NAMING, {"pattern:unnamed"}):
            named = [m for m in self.mentions if m.id_ in kinds]
            if named:
                return max(named, key=lambda m: (len(m.text), -m.start)).text
        return self.mentions[0].text


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
                clusters.append(Cluster(EntityType.FACILITY, mentions=[named]))
        clusters = merge_short_names(clusters, self.rules.name_suffixes)
        add_surnames(doc, clusters, self.rules.name_suffixes)
        merge_classes_into_named(clusters)
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
        """Unnamed actors of one country and one head class are one actor ("a Chinese firm", "a Chinese company")."""
        if m.id_ != "pattern:unnamed":
            return None
        codes = sorted({places[i] for i in range(m.start, m.end) if i in places})
        head = m[-1].lower_
        number = "plural" if singular(head) != head else "one"
        return f"unnamed:{m.label_}:{','.join(codes)}:{self.head_class(head)}:{number}"

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


def merge_into(
    target: Cluster, other: Cluster, clusters: list[Cluster], owner: dict[tuple[int, int], Cluster] | None = None
) -> None:
    target.mentions.extend(other.mentions)
    clusters.remove(other)
    if owner is not None:
        for m in other.mentions:
            owner[(m.start, m.end)] = target


def merge_appositions(doc: Doc, clusters: list[Cluster], mentions: list[Span]) -> list[Cluster]:
    """Apposition joins two mentions into one referent: "Name (ACRONYM)" makes ACRONYM an alias (its cluster, and
    its bare uses the model missed, join the name); "a Sierra Leone-flagged tanker, the Ocean Lily" and
    "Zelenograd Microsystems, a Moscow electronics maker" join the unnamed and the named mention."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    owner = {(m.start, m.end): c for c in clusters for m in c.mentions}
    starts = {m.start: m for m in mentions}
    for m in sorted(mentions, key=lambda x: x.start):
        c = owner.get((m.start, m.end))
        if c is None or c not in clusters:
            continue
        after = m.end
        if after + 2 < len(doc) and doc[after].text == "(":
            inner = starts.get(after + 1)
            other = owner.get((inner.start, inner.end)) if inner is not None else None
            closed = inner is not None and inner.end < len(doc) and doc[inner.end].text == ")"
            if other is not None and other is not c and other.type is c.type and closed:
                merge_into(c, other, clusters, owner)
            alias = doc[after + 1]
            if doc[after + 2].text == ")" and alias.is_upper and len(alias) > 1:
                for other in [o for o in clusters if o is not c and {x.text for x in o.mentions} == {alias.text}]:
                    merge_into(c, other, clusters, owner)
                for token in doc:
                    if token.text == alias.text and token.i not in covered:
                        c.mentions.append(doc[token.i : token.i + 1])
                        covered.add(token.i)
        if after + 1 < len(doc) and doc[after].text == ",":
            nxt = starts.get(after + 2) if doc[after + 1].lower_ == "the" else starts.get(after + 1)
            other = owner.get((nxt.start, nxt.end)) if nxt is not None else None
            if other and other is not c and other.type is c.type and is_appositive(m, nxt):
                merge_into(c, other, clusters, owner)
    return clusters


def is_appositive(left: Span, right: Span) -> bool:
    """One side names, the other describes (an unnamed-actor phrase), as in "X, a front company"."""
    kinds = {left.id_, right.id_}
    return "pattern:unnamed" in kinds and len(kinds) == 2 and "pattern:definite" not in kinds


def merge_classes_into_named(clusters: list[Cluster]) -> None:
    """Bare class mentions ("the drones") are the named weapon the text already called by its class
    ("Shahed-136 one-way attack drones"), when exactly one named weapon was so called."""
    for cls in [c for c in clusters if c.entry and c.entry.key.startswith("class:")]:
        word = canonical(cls.entry.name).split()[-1]
        named = [
            c
            for c in clusters
            if c is not cls
            and c.type is cls.type
            and not (c.entry and c.entry.key.startswith("class:"))
            and any(word in canonical(m.text).split()[1:] for m in c.mentions)
        ]
        if len(named) == 1:
            merge_into(named[0], cls, clusters)


def add_surnames(doc: Doc, clusters: list[Cluster], suffixes: frozenset[str]) -> None:
    """Bare surnames the model missed ("Belov denies ...") become mentions of the one person of that surname."""
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    owners: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.type is EntityType.PERSON:
            for m in c.mentions:
                words = [t.text for t in m if t.lower_ not in suffixes and t.is_alpha]
                if len(words) > 1 and c not in owners.setdefault(words[-1], []):
                    owners[words[-1]].append(c)
    for token in doc:
        owner = owners.get(token.text, [])
        if len(owner) == 1 and token.i not in covered and token.is_title:
            owner[0].mentions.append(doc[token.i : token.i + 1])


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


def merge_short_names(clusters: list[Cluster], suffixes: frozenset[str]) -> list[Cluster]:
    """Short forms join the nearest fuller name: one-word persons ("Lewis", "Kim") the name they start or end, and
    organisation names the longer name they begin ("Asahi", "Gulf Star", "Kaldera Trading" → "... Inc")."""
    for short in [c for c in clusters if c.entry is None and c.signature is None]:
        if short not in clusters or any(m.id_ not in SHORTENABLE for m in short.mentions):
            continue
        forms = {fold(m.text) for m in short.mentions}
        if len(forms) != 1:
            continue
        form = next(iter(forms))
        full = [c for c in clusters if c is not short and fits_short(c, short, form, suffixes)]
        if full:
            target = min(full, key=lambda c: abs(c.first - short.first))
            merge_into(target, short, clusters)
    return clusters


def fits_short(cluster: Cluster, short: Cluster, form: str, suffixes: frozenset[str]) -> bool:
    """Whether `form` is a person's first or last name in the cluster, or begins an organisation's name."""
    names = [m.text for m in cluster.mentions if m.id_ != "pattern:definite"]
    names += [cluster.entry.name] if cluster.entry else []
    words = form.split()
    for name in names:
        full = [w for w in fold(name).split() if w not in suffixes]
        if len(full) <= len(words):
            continue
        if cluster.type is EntityType.PERSON and short.type is not EntityType.LOCATION and len(words) == 1:
            if words[0] in (full[0], full[-1]):
                return True
        elif cluster.type in ORG_LIKE and short.type in (cluster.type, *NER_CONFUSED) and full[: len(words)] == words:
            return len(words) > 1 or short.type in (cluster.type, EntityType.PERSON)
    return False
