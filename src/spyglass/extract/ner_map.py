"""Statistical NER mapped to contract types, with the model's known errors trimmed or filtered.

A model span becomes a candidate `Span` with `id_` "ner" (or "ner:surname" for a lone surname such as "Kim", which
is a PERSON only through coreference). A nationality ("North Korean") becomes a mention of its state.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from spyglass.extract.lexicon import demonym_codes, fold, place_names
from spyglass.model import EntityType

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True)
class NerRules:
    """The mapping and filters of `data/entities/ner.yaml`, as sets for fast lookup."""

    labels: dict[str, str]
    drop_texts: frozenset[str]
    strip_leading: frozenset[str]
    surnames: frozenset[str]
    place_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    drop_heads: frozenset[str]
    drop_patterns: tuple[re.Pattern[str], ...]
    person_cues: frozenset[str]
    type_heads: tuple[tuple[str, EntityType], ...]
    list_suffixes: frozenset[str]
    not_given: frozenset[str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "NerRules":
        heads = tuple((h, EntityType(t)) for t, words in data["type_heads"].items() for h in words)
        return cls(
            labels=data["labels"],
            drop_texts=frozenset(data["drop_texts"]),
            strip_leading=frozenset(data["strip_leading"]),
            surnames=frozenset(data["surnames"]),
            place_prepositions=frozenset(data["place_prepositions"]),
            place_nouns=frozenset(data["place_nouns"]),
            drop_heads=frozenset(data["drop_heads"]),
            drop_patterns=tuple(re.compile(p) for p in data["drop_patterns"]),
            person_cues=frozenset(data["person_cues"]),
            type_heads=tuple(sorted(heads, key=lambda h: -len(h[0]))),
            list_suffixes=frozenset(data["list_suffixes"]),
            not_given=frozenset(data["not_given"]),
        )

    def trim(self, ent: Span) -> Span | None:
        """The span without leading determiners/titles, a possessor ("North Korea's Kim" → "Kim"), possessive
        endings, edge punctuation and anything past a line break or an opening parenthesis, and with the rest of a
        hyphenated name ("Komsomolsk" → "Komsomolsk-on-Amur"); None when nothing of a name is left."""
        doc, start, end = ent.doc, ent.start, ent.end
        for i in range(end - 2, start, -1):
            if doc[i].text in POSSESSIVES and all(t._.sg_place for t in doc[start:i]):
                start = i + 1
                break
        while start < end and (doc[start].lower_ in self.strip_leading or doc[start].is_punct):
            start += 1
        for i in range(start, end):
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                end = i + (not doc[i].is_space)
                break
            if doc[i].text == "(" and i > start:  # "Federal Office ... (BAFA": the acronym is an alias of its own
                end = i
                break
            if doc[i].lower_ in ("in", "near") and i > start and self.headed(doc[start:i]):
                end = i  # "Votkinsk Plant in Udmurtia": the place is not part of the plant's name
                break
        while end > start and (
            doc[end - 1].text in POSSESSIVES
            or doc[end - 1].is_punct
            or doc[end - 1].is_space
            or (doc[end - 1].is_lower and doc[end - 2].whitespace_)
        ):
            end -= 1
        end = hyphenated_end(doc, end, self.not_given if ent.label_ == "PERSON" else None)
        if start >= end or not any(t.text[:1].isupper() or t.is_digit for t in doc[start:end]):
            return None
        return doc[start:end]

    def headed(self, span: Span) -> bool:
        """The span ends with a type head word ("... Plant", "... Corporation")."""
        text = fold(span.text)
        return any(text == head or text.endswith(" " + head) for head, _ in self.type_heads)

    def after_place_word(self, span: Span) -> bool:
        """ "in Vladivostok", "at Panmunjom", "the border village of Panmunjom"."""
        doc, i = span.doc, span.start
        before = doc[i - 1].lower_ if i else ""
        if before == "of" and i > 1:
            return doc[i - 2].lower_ in self.place_nouns
        return before in self.place_prepositions

    def retype(self, span: Span, etype: EntityType) -> EntityType:
        """The type a head word implies ("... Machine Factory" is a FACILITY whatever the model said); a known city
        or a person-like name after "in"/"at" is a LOCATION."""
        text = fold(span.text)
        for head, head_type in self.type_heads:
            if text == head or text.endswith(" " + head):
                return head_type
        if etype in (EntityType.PERSON, EntityType.ORGANIZATION) and text in place_names():
            return EntityType.LOCATION
        if etype is EntityType.PERSON and self.after_place_word(span):
            return EntityType.LOCATION
        if etype is EntityType.ORGANIZATION and len(span) == 1 and span[0].is_title and self.after_place_word(span):
            return EntityType.LOCATION
        if etype is not EntityType.PERSON and (stated_age(span) or self.after_person_cue(span)):
            return EntityType.PERSON
        doc = span.doc
        if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in PLACE_SUFFIXES:
            return EntityType.LOCATION
        if etype is EntityType.LOCATION:
            return etype
        return self.appositive_type(span) or etype

    def after_person_cue(self, span: Span) -> bool:
        """ "the firm's director, Selim Arslan": a two- or three-word name right after a person's role."""
        doc, i = span.doc, span.start
        if i and doc[i - 1].text == ",":
            i -= 1
        return 2 <= len(span) <= 3 and i > 0 and doc[i - 1].lower_ in self.person_cues and span[-1].is_title

    def appositive_type(self, span: Span) -> EntityType | None:
        """ "Pishgam Sanat Tabriz, a company that ...", "Zala Aero, the maker of ..." — the head of an appositive
        description gives the type."""
        doc, i = span.doc, span.end
        if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
            return None
        for token in doc[i + 2 : i + 7]:
            if token.is_title or glued_hyphen_piece(token):
                continue  # "a Moscow company", "a Dubai-based trader"
            if not (token.is_lower and token.is_alpha):
                return None
            for head, head_type in self.type_heads:
                if token.lower_ == head:
                    return head_type
        return None


PLACE_SUFFIXES = frozenset({"flagged", "based", "registered", "headquartered"})
NAME_LINKS = frozenset({"on", "upon", "sur", "am", "de", "en", "la", "le"})


def glued_hyphen_piece(token: Token) -> bool:
    """A hyphen written inside a word, or the word part right after one ("Dubai-based")."""
    doc, i = token.doc, token.i
    if token.text == "-":
        return not token.whitespace_ and i > 0 and not doc[i - 1].whitespace_
    return i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_


def hyphenated_end(doc: Doc, end: int, not_given: frozenset[str] | None = None) -> int:
    """The end of a hyphenated name the model cut short (place "Komsomolsk" + "-on-Amur"; for a person, given
    `not_given`, a Korean given name "Park Sun" + "-won" but not "Kim Jong Un" + "-led"), never taking a lowercase
    suffix of a place ("Istanbul-based")."""
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        nxt = doc[end + 1]
        syllable = nxt.is_lower and nxt.is_alpha and len(nxt) <= 4 and nxt.lower_ not in (not_given or ())
        if nxt.is_title or (not_given is not None and syllable and not doc[end].whitespace_):
            end += 2
        elif nxt.lower_ in NAME_LINKS and end + 3 < len(doc) and doc[end + 2].text == "-" and doc[end + 3].is_title:
            end += 4
        else:
            break
    return end


def stated_age(span: Span) -> bool:
    """ "Pavel Orlov, 46," — a name followed by an age is a person whatever the model said."""
    doc, end = span.doc, span.end
    return end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text in {",", ")"}


YEAR = re.compile(r"^(19|20)\d\d$")
WATERS = frozenset({"sea", "gulf", "bay", "strait", "straits", "ocean"})


def serial_after(span: Span) -> bool:
    """ "Kosmos 1408": a name followed by a serial number is a satellite or a product, never a person."""
    doc, end = span.doc, span.end
    return end < len(doc) and doc[end].is_digit and len(doc[end].text) >= 3 and not YEAR.match(doc[end].text)


def water_of(span: Span) -> Span:
    """ "the East Sea of Korea": a sea, gulf or strait with the "of <Name>" the model left out."""
    doc, end = span.doc, span.end
    if span[-1].lower_ not in WATERS or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return span
    stop = end + 1
    while stop < len(doc) and doc[stop].is_title and not doc[stop].is_sent_start:
        stop += 1
    return doc[span.start : stop] if stop > end + 1 else span


def listed(span: Span, suffixes: frozenset[str]) -> list[Span]:
    """The names of a list the model read as one ("Lazarus, Kimsuky"), each part capitalised; a company or state
    suffix after the comma stays ("Acme Trading Co., Ltd.", "Washington, D.C.")."""
    doc = span.doc
    commas = [t.i for t in span if t.text == "," and t.i + 1 < span.end]
    if not commas or any(fold(doc[c + 1].text).rstrip(".") in suffixes for c in commas):
        return [span]
    bounds = [span.start, *(c + 1 for c in commas)]
    ends = [*commas, span.end]
    parts = [doc[a:b] for a, b in zip(bounds, ends, strict=True)]
    return parts if all(p and p[0].is_title for p in parts) else [span]


def ner_candidates(doc: Doc, rules: NerRules) -> Iterator[Span]:
    """The model's entities as candidate spans (contract label, `kb_id_` set for demonyms of known states)."""
    for ent in doc.ents:
        label = rules.labels.get(ent.label_)
        trimmed = rules.trim(ent) if label else None
        if trimmed is None:
            continue
        for span in listed(trimmed, rules.list_suffixes):
            yield from _candidate(span, label, rules)


def _candidate(span: Span, label: str, rules: NerRules) -> Iterator[Span]:
    """One trimmed model span as a candidate, unless a filter drops it."""
    doc, text = span.doc, fold(span.text)
    if (
        not text
        or text in rules.drop_texts
        or text.replace(" ", "").isdigit()
        or any(p.match(text) for p in rules.drop_patterns)
        or text.split()[-1] in rules.drop_heads
    ):
        return
    if label == "DEMONYM":
        if code := demonym_codes().get(text):
            yield Span(
                doc,
                span.start,
                span.end,
                label=EntityType.LOCATION.value,
                kb_id=f"country:{code}",
                span_id="ner:demonym",
            )
        return
    etype = rules.retype(span, EntityType(label))
    if etype is EntityType.PERSON and serial_after(span):
        return
    if etype is EntityType.LOCATION:
        span = water_of(span)
    kind = "ner:surname" if etype is EntityType.PERSON and text in rules.surnames else "ner"
    yield Span(doc, span.start, span.end, label=etype.value, span_id=kind)
