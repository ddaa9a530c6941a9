"""Name links between clusters: appositions ("... Studies (CNS)", "X, a front company"), short names ("Lewis",
"Kim", "Asahi"), bare surnames the model missed, titles ("North Korean leader Kim Jong Un") and bare weapon classes
that stand for the named weapon ("the drones")."""

from spacy.tokens import Doc, Span

from spyglass.extract.cluster import Cluster, merge_into
from spyglass.extract.lexicon import canonical, fold
from spyglass.model import EntityType

ORG_LIKE = (EntityType.ORGANIZATION, EntityType.FACILITY, EntityType.VESSEL)
NER_CONFUSED = (EntityType.ORGANIZATION, EntityType.PERSON, EntityType.LOCATION)
SHORTENABLE = frozenset({"ner", "ner:surname", "pattern:named"})


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
            appositive = other and is_appositive(m, nxt) and not speaks(doc, nxt) and not attributed_to(doc, m)
            if appositive and other is not c and other.type is c.type:
                merge_into(c, other, clusters, owner)
    return clusters


SPEECH = frozenset({"say", "tell", "report", "announce", "state", "add", "confirm", "claim", "allege"})


def speaks(doc: Doc, m: Span) -> bool:
    """ "..., the customs service said": a mention after a comma that a speech verb follows is the source of the
    sentence, not an apposition."""
    return any(t.lemma_ in SPEECH for t in doc[m.end : m.end + 3])


def attributed_to(doc: Doc, m: Span) -> bool:
    """ "According to the Asahi Shimbun, a Chinese firm smuggled ...": the mention closes a fronted attribution, so
    what follows the comma starts the reported clause."""
    before = [t.lower_ for t in doc[max(0, m.start - 3) : m.start] if t.lower_ != "the"]
    return before[-2:] == ["according", "to"]


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
                # a new list: the attributes may be shared with a cached knowledge-base entry
                c.attributes["titles"] = [*c.attributes.get("titles", []), doc[i].lower_]
                c.attributes.setdefault("country", places[i - 1])


def merge_short_names(clusters: list[Cluster], suffixes: frozenset[str]) -> list[Cluster]:
    """Short forms join the nearest fuller name: one-word persons ("Lewis", "Kim") the name they start or end, and
    organisation names the longer name they begin ("Asahi", "Gulf Star", "Kaldera Trading" → "... Inc"), also when
    the short form itself comes shorter still ("Kuzey Makine" and "Kuzey" → "Kuzey Makine Dis Ticaret")."""
    names = {id(c): name_words(c, suffixes) for c in clusters if c.type is EntityType.PERSON or c.type in ORG_LIKE}
    for short in [c for c in clusters if c.entry is None and c.signature is None]:
        if short not in clusters or any(m.id_ not in SHORTENABLE for m in short.mentions):
            continue
        forms = sorted({fold(m.text) for m in short.mentions}, key=len)
        words = forms[-1].split()
        if any(form.split() != words[: len(form.split())] for form in forms):
            continue
        full = [c for c in clusters if c is not short and fits_short(c, names.get(id(c), []), short, words)]
        if full:
            target = min(full, key=lambda c: abs(c.first - short.first))
            merge_into(target, short, clusters)
            names[id(target)] = name_words(target, suffixes)
    return clusters


def name_words(cluster: Cluster, suffixes: frozenset[str]) -> list[list[str]]:
    """The folded words of every name of the cluster, without post-nominals ("KC", "Jr")."""
    names = [m.text for m in cluster.mentions if m.id_ != "pattern:definite"]
    names += [cluster.entry.name] if cluster.entry else []
    return [[w for w in fold(name).split() if w not in suffixes] for name in dict.fromkeys(names)]


def fits_short(cluster: Cluster, names: list[list[str]], short: Cluster, words: list[str]) -> bool:
    """Whether `words` are a person's first or last name in the cluster, or begin an organisation's name."""
    for full in names:
        if len(full) <= len(words):
            continue
        if cluster.type is EntityType.PERSON and short.type is not EntityType.LOCATION and len(words) == 1:
            if words[0] in (full[0], full[-1]):
                return True
        elif cluster.type in ORG_LIKE and short.type in (cluster.type, *NER_CONFUSED) and full[: len(words)] == words:
            return len(words) > 1 or short.type in (cluster.type, EntityType.PERSON)
    return False


def merge_introduced_later(doc: Doc, clusters: list[Cluster], places: dict[int, str], window: int = 5) -> None:
    """A story often introduces an actor unnamed and names it later beside the same place: "through a front company
    in Dubai" ... "Gulf Star General Trading LLC in Dubai". The unnamed actor joins the one named organisation
    first mentioned after it with that place (country or place word) within `window` words; so does an unnamed
    facility ("an aircraft factory in Komsomolsk-on-Amur" ... "the Yuri Gagarin Aviation Plant in Komsomolsk")."""
    for unnamed in [c for c in clusters if c.signature and c.type in INTRODUCED]:
        if unnamed not in clusters or any(
            m.id_ != "pattern:unnamed" or m[0].lower_ not in INDEFINITE for m in unnamed.mentions
        ):
            continue
        own = [doc[m.start : min(len(doc), m.end + 3)] for m in unnamed.mentions]
        where = place_marks(doc, own, places)
        if not where:
            continue
        mine = {t.i for s in own for t in s}
        named = [
            c
            for c in clusters
            if c.type is unnamed.type
            and c.signature is None
            and c.first > unnamed.first
            and where & place_marks(doc, [near(doc, min(c.mentions, key=lambda m: m.start), window)], places, mine)
        ]
        if len(named) == 1:
            merge_into(named[0], unnamed, clusters)


INDEFINITE = frozenset({"a", "an", "one"})
INTRODUCED = (EntityType.ORGANIZATION, EntityType.FACILITY)


def near(doc: Doc, m: Span, window: int) -> Span:
    return doc[max(0, m.start - window) : min(len(doc), m.end + window)]


def place_marks(
    doc: Doc, spans: list[Span], places: dict[int, str], skip: frozenset[int] | set[int] = frozenset()
) -> set[str]:
    """Country codes and place words inside the spans (not at the `skip` token indices: the place of the unnamed
    mention itself is no evidence that a name right after it is the same actor)."""
    return {
        mark
        for s in spans
        for t in s
        if t.i not in skip
        for mark in (places.get(t.i), t.text if t._.sg_place else None)
        if mark
    }


def add_short_forms(doc: Doc, clusters: list[Cluster]) -> None:
    """ "the North" is a mention of North Korea once the story has named North Korea (as written, but for the
    first word's case), unless a name follows ("the North Atlantic")."""
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    for c in clusters:
        for form in c.entry.short_forms if c.entry else ():
            words = form.split()
            for i in range(len(doc) - len(words) + 1):
                span = doc[i : i + len(words)]
                after = doc[i + len(words)] if i + len(words) < len(doc) else None
                same = span[0].lower_ == words[0].lower() and [t.text for t in span[1:]] == words[1:]
                if same and not covered & set(range(i, i + len(words))) and not (after and after.is_title):
                    c.mentions.append(span)
