"""Name normalisation for matching: one name becomes a tuple of comparable tokens.

Steps: drop bracketed notes, honorifics and legal forms (rigour), transliterate to ASCII and casefold,
split on anything that is not a letter or digit (hyphens, spaces, punctuation), fold Korean romanisation
variants onto one spelling (Ri/Rhee/Lee/Yi -> ri, Chong/Jung -> jong) and split joined Korean given names into
syllables (Jongun -> jong un). "Kim Jong Un", "Kim Jong-un", "KIM JONG UN" and "Gim Jeong-eun" all become
("kim", "jong", "un"). Word order is left as is: the scorer aligns tokens, so order does not matter.
"""

import re
from functools import cache, lru_cache

from rapidfuzz.distance import OSA
from rigour.names import remove_org_types, remove_person_prefixes
from rigour.text import ascii_text, remove_bracketed_text

from spyglass.packaged import data_yaml

_APOSTROPHES = re.compile(r"['’‘`´]")
_SPLIT = re.compile(r"[^a-z0-9]+")
_MAX_SPLIT_PARTS = 3


@cache
def _romanisation() -> tuple[dict[str, str], frozenset[str]]:
    """Variant -> canonical spelling, and every known Korean syllable spelling."""
    data = data_yaml("kb", "romanisation.yaml")
    canonical = {v: key for key, variants in data["variants"].items() for v in variants}
    syllables = frozenset([*data["variants"], *canonical, *data["syllables"]])
    return canonical, syllables


def _split_syllables(token: str, syllables: frozenset[str], parts: int = _MAX_SPLIT_PARTS) -> list[str] | None:
    """`token` as 2..`parts` known syllables (fewest parts, longest head first), or None."""
    if parts < 2:
        return None
    for cut in range(len(token) - 1, 0, -1):
        head, tail = token[:cut], token[cut:]
        if head in syllables:
            if tail in syllables:
                return [head, tail]
            rest = _split_syllables(tail, syllables, parts - 1)
            if rest:
                return [head, *rest]
    return None


def fold_token(token: str) -> list[str]:
    """A lower-case ASCII token as canonical syllables: romanisation variants folded, joined syllables split."""
    canonical, syllables = _romanisation()
    if token in syllables or len(token) < 4:
        return [canonical.get(token, token)]
    parts = _split_syllables(token, syllables)
    return [canonical.get(p, p) for p in parts] if parts else [token]


@cache
def _legal_forms() -> frozenset[str]:
    return frozenset(data_yaml("kb", "legal_forms.yaml")["legal_forms"])


@lru_cache(maxsize=10_000)
def _is_legal_form(token: str) -> bool:
    """A legal form, or a long one misspelt by one letter ("Corsoration")."""
    if token in _legal_forms() or not remove_org_types(token).strip():
        return True
    return len(token) >= 7 and any(len(f) >= 7 and OSA.distance(token, f) == 1 for f in _legal_forms())


def raw_tokens(name: str) -> list[str]:
    """ASCII, lower-case tokens of `name` without bracketed notes, leading honorifics or trailing legal forms.

    Legal forms are only stripped at the end: rigour knows "Yu", "SA" and "AG" as legal forms, and they are
    also Korean and other given names.
    """
    text = remove_person_prefixes(remove_bracketed_text(name)) or name
    tokens = [t for t in _SPLIT.split(ascii_text(_APOSTROPHES.sub("", text)).lower()) if t]
    while len(tokens) > 1:
        if len(tokens) > 2 and _is_legal_form(" ".join(tokens[-2:])):
            del tokens[-2:]
        elif _is_legal_form(tokens[-1]):
            tokens.pop()
        else:
            break
    return tokens


@lru_cache(maxsize=200_000)
def name_tokens(name: str) -> tuple[str, ...]:
    """The comparable tokens of a name (see the module docstring)."""
    return tuple(part for token in raw_tokens(name) for part in fold_token(token))


def foldings(name: str) -> list[str]:
    """The romanisation folds and syllable splits applied to a name, as "rhee->ri" (for explanations)."""
    changes = []
    for token in raw_tokens(name):
        folded = " ".join(fold_token(token))
        if folded != token:
            changes.append(f"{token}->{folded}")
    return changes
