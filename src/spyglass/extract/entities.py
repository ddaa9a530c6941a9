"""Entity component: the union of gazetteer, pattern and statistical-NER mentions, overlaps resolved, then
coreference into `EntityCluster`s on `doc._.sg_entities` (the hand-off to the event components)."""

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from spyglass.extract.coref import Coreference, CorefRules
from spyglass.extract.dateline import dateline_range
from spyglass.extract.gazetteer import CANDIDATES, Gazetteer
from spyglass.extract.goods import GoodsLexicon, designated_classes, goods_candidates
from spyglass.extract.lexicon import goods_spec, ner_rules, pattern_spec
from spyglass.extract.merge import is_modifier, join_classes, propagate, select, widen
from spyglass.extract.ner_map import NerRules, ner_candidates

FURNITURE_MAX = 100


@Language.factory("spyglass_entities", default_config={"use_ner": True}, assigns=["doc._.sg_entities"])
def make_entities(nlp: Language, name: str, use_ner: bool) -> "EntityComponent":
    """`use_ner`: add the statistical model's entities (when the pipeline has an `ner`) to the gazetteer's and
    the patterns' candidates."""
    gazetteer = next((pipe for _, pipe in nlp.pipeline if isinstance(pipe, Gazetteer)), None)
    vocab = pattern_spec()["vocab"]
    rules = CorefRules(
        company_words=frozenset(vocab["company_synonyms"]),
        skip_words=frozenset(vocab["definite_skip"]),
        generic_sites=frozenset(vocab["generic_sites"]),
        titles=frozenset(vocab["person_titles"]),
        name_suffixes=frozenset(vocab["name_suffixes"]),
        goods_determiners=frozenset(goods_spec()["definite_determiners"]),
    )
    data = ner_rules()
    return EntityComponent(
        Coreference(gazetteer.entries if gazetteer else {}, rules),
        NerRules.from_data(data) if use_ner else None,
        (frozenset(vocab["item_modifiers"]), frozenset(vocab["item_tails"]), frozenset(vocab["modifier_nouns"])),
        [re.compile(p) for p in data["furniture_lines"]],
        GoodsLexicon.from_data(goods_spec()),
    )


def furniture(text: str, cues: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    """Character ranges of short lines that are bylines, credits or captions."""
    ranges, pos = [], 0
    for line in text.split("\n"):
        if len(line) < FURNITURE_MAX and any(c.search(line) for c in cues):
            ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


def without_place_wrapped(candidates: list[Span]) -> list[Span]:
    """The model's span that only adds a nationality to a knowledge-base name ("the Iranian Shahed-136") yields to
    that name."""
    linked = [c for c in candidates if c.id_ == "gazetteer:name" and c.kb_id_.startswith("kb:")]

    def wraps(c: Span) -> bool:
        return any(
            g.start > c.start and g.end == c.end and all(t._.sg_place for t in c.doc[c.start : g.start]) for g in linked
        )

    return [c for c in candidates if not (c.id_.startswith("ner") and wraps(c))]


def named_before_imo(doc: Doc, chosen: list[Span]) -> list[Span]:
    """ "The Lighthouse Winmore (IMO 9200389)": the capitalised words before an IMO number are the ship's name."""
    covered = {i for m in chosen for i in range(m.start, m.end)}
    added = []
    for m in chosen:
        if m.label_ != "VESSEL" or m[0].text != "IMO" or m.start < 2 or doc[m.start - 1].text != "(":
            continue
        start = end = m.start - 1
        while (
            start > 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_stop and start - 1 not in covered
        ):
            start -= 1
        if start < end:
            added.append(Span(doc, start, end, label="VESSEL", span_id="pattern:named"))
    return sorted([*chosen, *added], key=lambda s: s.start)


def nested_places(chosen: list[Span], candidates: list[Span]) -> list[Span]:
    """Countries and cities named inside an unnamed actor ("42 companies in China and Turkey", "a Hong Kong-based
    firm") are mentions of those places too."""
    hosts = [m for m in chosen if m.id_ == "pattern:unnamed"]
    places = [
        c
        for c in candidates
        if (c.kb_id_.startswith(("country:", "city:")) and c.id_ != "gazetteer:demonym")
        or (c.id_ == "ner" and c.label_ == "LOCATION")
    ]
    return [p for p in places if any(h.start <= p.start and p.end <= h.end for h in hosts)]


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of headline-style lines ("Kim Inspects New Missile Factory"): every capitalised run there
    looks like a name, so named patterns are not trusted on them."""
    ranges, pos = [], 0
    for line in text.split("\n"):
        words = [w for w in line.split() if w[:1].isalpha()]
        if (
            len(words) >= 4
            and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
            and not line.rstrip().endswith(".")
        ):
            ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


def authoring_body(span: Span) -> bool:
    """An organisation named by its own pattern on a byline ("Summary by the Arms Control Analysis Group") is the
    story's source; people and places on bylines and captions are not the story's."""
    return span.label_ == "ORGANIZATION" and span.id_ == "pattern:named" and len(span) > 2


def within(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= span.start_char < b for a, b in ranges)


class EntityComponent:
    def __init__(
        self,
        coref: Coreference,
        ner: NerRules | None,
        widening: tuple[frozenset[str], frozenset[str], frozenset[str]],
        cues: list[re.Pattern[str]],
        goods: GoodsLexicon,
    ) -> None:
        self.coref = coref
        self.ner = ner
        self.modifiers, self.tails, self.modifier_nouns = widening
        self.cues = cues
        self.goods = goods

    def __call__(self, doc: Doc) -> Doc:
        candidates = list(doc.spans.get(CANDIDATES, []))
        candidates.extend([*goods_candidates(doc, self.goods, candidates), *designated_classes(doc, candidates)])
        if self.ner is not None:
            candidates.extend(ner_candidates(doc, self.ner))
        doc._.sg_entities = self.coref(doc, self.mentions(doc, candidates))
        return doc

    def mentions(self, doc: Doc, candidates: list[Span]) -> list[Span]:
        lines = furniture(doc.text, self.cues)
        headlines = title_case_lines(doc.text)
        candidates = [c for c in candidates if not (c.id_ == "pattern:named" and within(c, headlines))]
        filed_from = [dateline_range(doc.text)]
        kept = [
            widen(c, self.modifiers, self.tails)
            for c in without_place_wrapped(candidates)
            if not within(c, filed_from)
            and not (within(c, lines) and not authoring_body(c))
            and not is_modifier(c, self.modifier_nouns)
        ]
        chosen = [
            m for m in propagate(doc, named_before_imo(doc, join_classes(select(kept)))) if not within(m, filed_from)
        ]
        return sorted([*chosen, *nested_places(chosen, candidates)], key=lambda s: s.start)
