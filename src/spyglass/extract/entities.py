"""Entity component: the union of gazetteer, pattern and statistical-NER mentions, overlaps resolved, then
coreference into `EntityCluster`s on `doc._.sg_entities` (the hand-off to the event components)."""

from spacy.language import Language
from spacy.tokens import Doc

from spyglass.extract.coref import Coreference, CorefRules
from spyglass.extract.gazetteer import CANDIDATES, Gazetteer
from spyglass.extract.lexicon import ner_rules, pattern_spec
from spyglass.extract.merge import select
from spyglass.extract.ner_map import NerRules, ner_candidates


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
    )
    return EntityComponent(
        Coreference(gazetteer.entries if gazetteer else {}, rules), NerRules.from_data(ner_rules()) if use_ner else None
    )


DATELINE_MARKS = frozenset({"-", "–", "—", "(", ":"})


def dateline_end(doc: Doc) -> int:
    """Token index where the body starts after a dateline ("SEOUL -", "TEHRAN, Iran (Reuters) -"), else 0: the
    place a story was filed from is not one of its entities."""
    for token in doc[:6]:
        if token.text in DATELINE_MARKS:
            return token.i if token.i and doc[0].is_upper and doc[0].is_alpha else 0
        if not (token.is_upper or token.is_title or token.text == ","):
            return 0
    return 0


class EntityComponent:
    def __init__(self, coref: Coreference, ner: NerRules | None) -> None:
        self.coref = coref
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        candidates = list(doc.spans.get(CANDIDATES, []))
        if self.ner is not None:
            candidates.extend(ner_candidates(doc, self.ner))
        body = dateline_end(doc)
        doc._.sg_entities = self.coref(doc, select([c for c in candidates if c.start >= body]))
        return doc
