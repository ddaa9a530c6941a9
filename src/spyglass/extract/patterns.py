"""Pattern component: domain token patterns from `data/entities/patterns.yaml` (named facilities, weapon designators,
unnamed-but-specific actors, vessels, definite descriptions).

Matches are added to `doc.spans["sg_candidates"]` with `label_` = contract type and `id_` = "pattern:<kind>".
Runs after the gazetteer, whose `token._.sg_place` flags the patterns use.
"""

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from spyglass.extract.gazetteer import CANDIDATES
from spyglass.extract.lexicon import pattern_spec


def expand(value: Any, vocab: dict[str, list[str]]) -> Any:
    """The pattern with every "$name" string replaced by the word list `vocab[name]`."""
    if isinstance(value, str) and value.startswith("$"):
        return vocab[value[1:]]
    if isinstance(value, dict):
        return {k: expand(v, vocab) for k, v in value.items()}
    if isinstance(value, list):
        return [expand(v, vocab) for v in value]
    return value


DANGLING = frozenset({"and", "or", "the", "in", "from", "of"})


@Language.factory(
    "spyglass_patterns",
    default_config={"kinds": ["named", "unnamed", "definite"]},
    assigns=["doc.spans"],
    requires=["token._.sg_place"],
)
def make_patterns(nlp: Language, name: str, kinds: list[str]) -> "PatternMatcher":
    """Only the patterns of the listed `kinds`."""
    spec = pattern_spec()
    vocab = spec["vocab"]
    rules = [expand(rule, vocab) for rule in spec["patterns"] if rule["kind"] in kinds]
    return PatternMatcher(nlp, rules)


def name_start(doc: Doc, start: int, end: int, trim: frozenset[str]) -> int:
    """Where the name begins in a described name ("the blockchain analytics firm Elliptic", "MV Wise Honest"): after
    the last descriptor word that a capitalised word follows, then past lowercase words and places."""
    cuts = [i for i in range(start, end - 1) if doc[i].lower_ in trim and doc[i + 1].text[:1].isupper()]
    start = cuts[-1] + 1 if cuts else start
    while start < end - 1 and (doc[start].lower_ in trim or not doc[start].text[:1].isupper() or doc[start]._.sg_place):
        start += 1
    return start


class PatternMatcher:
    """One spaCy `Matcher`, longest match per rule, built once at construction."""

    def __init__(self, nlp: Language, rules: list[dict[str, Any]]) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.trim: dict[str, frozenset[str]] = {}
        self.order: dict[int, int] = {}
        for i, rule in enumerate(rules):
            label = f"{rule['label']}|{rule['kind']}|{i}"
            self.matcher.add(label, [rule["pattern"]], greedy="LONGEST")
            self.order[nlp.vocab.strings[label]] = i
            self.trim[label] = frozenset(rule.get("trim", []))

    def rule_order(self, match: tuple[int, int, int]) -> tuple[int, int]:
        """Matches in text order, and on one span in the data file's rule order (which puts sites before
        organisations: "X Nuclear Technology Centre" is a site)."""
        return match[1], self.order[match[0]]

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(CANDIDATES, []))
        for match_id, start, end in sorted(self.matcher(doc), key=self.rule_order):
            label = doc.vocab.strings[match_id]
            trim = self.trim[label]
            if trim:
                start = name_start(doc, start, end, trim)
            while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in DANGLING):
                end -= 1
            etype, kind, _ = label.split("|")
            spans.append(Span(doc, start, end, label=etype, span_id=f"pattern:{kind}"))
        doc.spans[CANDIDATES] = spans
        return doc
