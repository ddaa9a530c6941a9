"""`EntityIndex`: where the entity clusters' mentions are in a `Doc`, and what a pronoun most likely refers to."""

from spacy.tokens import Span, Token

from spyglass.extract.entity_ref import EntityCluster
from spyglass.model import EntityType

PERSONAL = frozenset({"he", "she", "him", "her"})
CHAIN = 10  # sentences a chain of pronoun subjects is followed back


class EntityIndex:
    """Token index of entity mentions: the longest mention covering each token."""

    def __init__(self, clusters: list[EntityCluster]) -> None:
        self.at: dict[int, tuple[EntityCluster, Span]] = {}
        self.types = {c.id: c.type for c in clusters}
        self.all = [(c, m) for c in clusters for m in c.mentions]
        for cluster in clusters:
            for m in cluster.mentions:
                for i in range(m.start, m.end):
                    cur = self.at.get(i)
                    if cur is None or len(cur[1]) < len(m):
                        self.at[i] = (cluster, m)

    def cluster(self, token: Token) -> EntityCluster | None:
        found = self.at.get(token.i)
        return found[0] if found else None

    def referent(self, pronoun: Token, reach: int = 60) -> EntityCluster | None:
        """What a pronoun most likely refers to: for "he"/"she" as a subject, a person who is the subject of the
        sentence before, else the nearest person mentioned before it; for "it"/"they" as a subject, the
        organisation or country that is the subject of the sentence before."""
        word = pronoun.lower_
        if word in PERSONAL:
            if pronoun.dep_ in ("nsubj", "nsubjpass") and (subject := self._prior_subject(pronoun)) is not None:
                return subject
            for i in range(pronoun.i - 1, max(-1, pronoun.i - reach), -1):
                found = self.at.get(i)
                if found is not None and found[0].type is EntityType.PERSON:
                    return found[0]
        elif word in ("it", "they") and pronoun.dep_ == "nsubj":
            sent = pronoun.sent
            roots = [sent.root] if pronoun.head.i != sent.root.i else []
            if sent.start > 0:
                roots.append(pronoun.doc[sent.start - 1].sent.root)
            for subj in (c for root in roots for c in root.children if c.dep_ == "nsubj" and c.i != pronoun.i):
                cluster = self.cluster(subj)
                if cluster is not None and cluster.type in (EntityType.ORGANIZATION, EntityType.LOCATION):
                    return cluster
        return None

    def _prior_subject(self, pronoun: Token, hops: int = CHAIN) -> EntityCluster | None:
        """The person who is the subject of the main clause of the sentence before (centering: "Kim was briefed by
        Jang. He declared ..." → Kim), through a chain of such subjects ("Kim declared ... He recalled ... he
        looked round ..."), at most `hops` sentences back."""
        sent = pronoun.sent
        between = (self.at.get(i) for i in range(sent.start, pronoun.i))
        if sent.start == 0 or any(f is not None and f[0].type is EntityType.PERSON for f in between):
            return None
        root = pronoun.doc[sent.start - 1].sent.root
        for subj in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
            cluster = self.cluster(subj)
            if cluster is None and subj.lower_ in PERSONAL and hops > 1:
                cluster = self._prior_subject(subj, hops - 1)
            if cluster is not None and cluster.type is EntityType.PERSON:
                return cluster
        return None

    def nested(self, span: Span) -> list[EntityCluster]:
        """Entities with a mention inside `span`, also where a longer mention covers it ("Hong Kong" in "a
        trading company in Hong Kong")."""
        return [c for c, m in self.all if span.start <= m.start and m.end <= span.end and len(m) < len(span)]

    def mentions_in(self, span: Span) -> list[tuple[EntityCluster, Span]]:
        seen: dict[int, tuple[EntityCluster, Span]] = {}
        for i in range(span.start, span.end):
            if i in self.at:
                seen.setdefault(self.at[i][1].start, self.at[i])
        return list(seen.values())
