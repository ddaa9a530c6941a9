"""Gazetteer component: knowledge-base names, countries (with demonyms and capitals) and entity classes.

Matches are added to `doc.spans["sg_candidates"]` with `label_` = contract type, `kb_id_` = the entry key and
`id_` = "gazetteer:<role>" (name, demonym or capital). Words of a place are flagged `token._.sg_place` so that the
pattern component can find "a Chinese firm" or "a Hong Kong trading company".
"""

import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import product

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from spyglass.extract.lexicon import Entry, classes, countries, multiword_cities, pattern_spec, plural, spellings
from spyglass.kb.catalog import packaged_records
from spyglass.kb.record import KBRecord
from spyglass.model import EntityType

CANDIDATES = "sg_candidates"
if not Token.has_extension("sg_place"):
    Token.set_extension("sg_place", default=False)

Phrase = tuple[str, str, str]  # (text, entry key, role)
PARENTHESISED = re.compile(r"(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)")


def romanisations(name: str) -> Iterator[str]:
    """The name with every word break as written, as a space or as a hyphen ("Kim Jong Un" → "Kim Jong-un")."""
    parts = name.replace("-", " - ").split()
    words = [p for p in parts if p != "-"]
    if not 1 < len(words) <= 4:
        yield name
        return
    for seps in product((" ", "-"), repeat=len(words) - 1):
        tail = "".join(sep + (w.lower() if sep == "-" else w) for sep, w in zip(seps, words[1:], strict=True))
        yield words[0] + tail
    yield name


def lower_variants(name: str) -> Iterator[str]:
    """A lowercase class or item name, its plural and its other spelling ("aluminium alloys")."""
    table = spellings()
    for form in {name, " ".join(table.get(w, w) for w in name.split())}:
        yield form
        head, _, last = form.rpartition(" ")
        if last.isalpha() and last.islower():
            yield f"{head} {plural(last)}".strip()
        elif last.isupper():
            yield form + "s"


def record_entry(record: KBRecord) -> Entry:
    facts = {"country": record.country, "hs_codes": record.hs_codes, "titles": record.properties.get("titles")}
    return Entry(f"kb:{record.id}", record.type, record.name, record.id, {k: v for k, v in facts.items() if v})


def record_names(record: KBRecord) -> list[str]:
    """The record's names, each also without a parenthesised acronym, which is a name of its own
    ("YAZD METALLURGY INDUSTRIES (YMI)" → "YAZD METALLURGY INDUSTRIES", "YMI")."""
    names: list[str] = []
    for name in record.names:
        match = PARENTHESISED.fullmatch(name)
        names.extend([match["name"], match["inner"]] if match else [name])
    return list(dict.fromkeys(n.strip() for n in names if n.strip()))


def record_phrases(records: Iterable[KBRecord]) -> Iterator[tuple[Entry, Phrase]]:
    """Every name variant of every record; records sharing a name with an earlier one are folded into it, so that
    the register's and the UN list's entries for one organisation make one entity."""
    owners: dict[str, Entry] = {}
    for record in records:
        names = record_names(record)
        entry = next((owners[n.lower()] for n in names if n.lower() in owners), None) or record_entry(record)
        for name in names:
            owners.setdefault(name.lower(), entry)
            variants = lower_variants(name) if name.islower() else romanisations(name)
            for text in variants:
                yield entry, (text, entry.key, "name")


def country_phrases() -> Iterator[tuple[Entry, Phrase]]:
    for country in countries():
        facts = {"country": country["code"]}
        entry = Entry(
            f"country:{country['code']}",
            EntityType.LOCATION,
            country["name"],
            None,
            facts,
            tuple(country.get("short", [])),
        )
        for role, names in (
            ("name", [country["name"], *country.get("aliases", [])]),
            ("demonym", country.get("demonyms", [])),
            ("capital", country.get("capitals", [])),
        ):
            for text in names:
                yield entry, (text, entry.key, role)


def city_phrases() -> Iterator[tuple[Entry, Phrase]]:
    """Large cities of several words, as places without a knowledge-base record (not the countries' and capitals'
    names, which stand for their states)."""
    known = {n.lower() for c in countries() for k in ("aliases", "capitals") for n in [c["name"], *c.get(k, [])]}
    for name in multiword_cities():
        if name.lower() in known:
            continue
        entry = Entry(f"place:{name}", EntityType.LOCATION, name)
        yield entry, (name, entry.key, "name")


def class_phrases() -> Iterator[tuple[Entry, Phrase]]:
    for item in classes():
        entry = Entry(f"class:{item['name']}", EntityType(item["type"]), item["name"])
        for name in [item["name"], *item.get("aliases", [])]:
            for text in lower_variants(name):
                yield entry, (text, entry.key, "name")


@Language.factory(
    "spyglass_gazetteer",
    default_config={
        "with_kb": True,
        "with_places": True,
        "with_classes": True,
        "city_before": ["in", "near", "outside", "around", "at", "into", "of"],
        "city_after": ["area", "region", "outskirts", "suburbs", "suburb", "district", "airport", "-"],
    },
    assigns=["doc.spans", "token._.sg_place"],
)
def make_gazetteer(
    nlp: Language,
    name: str,
    with_kb: bool,
    with_places: bool,
    with_classes: bool,
    city_before: list[str],
    city_after: list[str],
) -> "Gazetteer":
    """The packaged knowledge base's names (`with_kb`: the register and the UN list's DPRK and Iran entries),
    countries (`with_places`) and entity classes (`with_classes`).

    A capital stands for its state ("Pyongyang's launches") unless a word of `city_before` precedes it or one of
    `city_after` follows it ("in Tehran", "the Pyongyang area"): then it is the city."""
    sources: list[Iterable[tuple[Entry, Phrase]]] = []
    if with_kb:
        sources.append(record_phrases(packaged_records()))
    if with_places:
        sources.extend([country_phrases(), city_phrases()])
    if with_classes:
        sources.append(class_phrases())
    city_context = (frozenset(city_before), frozenset(city_after))
    return Gazetteer(nlp, [pair for source in sources for pair in source], city_context)


class Gazetteer:
    """Two phrase matchers built once: exact case for acronyms ("US", "TEL"), lowercase for everything else."""

    def __init__(
        self, nlp: Language, phrases: list[tuple[Entry, Phrase]], city_context: tuple[frozenset[str], frozenset[str]]
    ) -> None:
        self.city_before, self.city_after = city_context
        self.entries: dict[str, Entry] = {}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        buckets: dict[tuple[bool, str], set[str]] = {}
        for entry, (text, key, role) in phrases:
            self.entries.setdefault(key, entry)
            acronym = len(text) <= 5 and text.replace(".", "").isupper()
            case = "lower" if text.islower() else "proper"
            buckets.setdefault((acronym, f"{key}|{role}|{case}"), set()).add(text)
        self.country_names = tuple(e.name.lower() for e in self.entries.values() if e.key.startswith("country:"))
        for (acronym, label), texts in buckets.items():
            matcher = self.exact if acronym else self.lower
            matcher.add(label, list(nlp.tokenizer.pipe(sorted(texts))))

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(CANDIDATES, []))
        for matcher in (self.exact, self.lower):
            for match_id, start, end in matcher(doc):
                key, role, case = doc.vocab.strings[match_id].split("|")
                if case == "proper" and not doc[start].text[:1].isupper():
                    continue
                if case == "lower" and inside_name(doc, start, end):
                    continue
                if role == "capital" and self.is_city(doc, start, end):
                    key, role = f"city:{key.split(':')[1]}:{doc[start:end].text}", "city"
                    self.entries.setdefault(key, Entry(key, EntityType.LOCATION, doc[start:end].text))
                entry = self.entries[key]
                spans.append(Span(doc, start, end, label=entry.type.value, kb_id=key, span_id=f"gazetteer:{role}"))
                if key.startswith(("country:", "city:")):
                    for token in doc[start:end]:
                        token._.sg_place = True
        for ent in doc.ents:
            if ent.label_ == "GPE" and not after_flag(doc, ent.start):
                for token in ent:
                    token._.sg_place = True
        doc.spans[CANDIDATES] = spans
        return doc

    def is_city(self, doc: Doc, start: int, end: int) -> bool:
        """A capital is the city after a locative word (also across a list: "in Seoul and Tokyo") or "bound for",
        before an area word, or before ", <its country>"."""
        j = start - 1
        while j > 0 and doc[j].lower_ in ("and", "or", ","):
            j -= 1
            while j > 0 and doc[j].is_title:
                j -= 1
        before = doc[j].lower_ if j >= 0 else ""
        after = doc[end].lower_ if end < len(doc) else ""
        country = doc[end + 1 : end + 4].text.lower() if after == "," else ""
        bound = before == "for" and start > 1 and doc[start - 2].lower_ in ("bound", "destined", "headed")
        return (
            bound
            or before in self.city_before
            or after in self.city_after
            or any(country.startswith(name) for name in self.country_names)
        )


def after_flag(doc: Doc, start: int) -> bool:
    """ "the Panama-flagged Adeline", "the tanker Adeline": what follows a flag or a vessel word is a ship's name,
    whatever the model took it for."""
    if start > 1 and doc[start - 1].lower_ == "flagged" and doc[start - 2].text == "-":
        return True
    return start > 0 and doc[start - 1].lower_ in vessel_words()


@cache
def vessel_words() -> frozenset[str]:
    return frozenset(pattern_spec()["vocab"]["vessel_heads"])


def inside_name(doc: Doc, start: int, end: int) -> bool:
    """A lowercase class written in title case mid-sentence is part of a name ("... of Chemical Weapons",
    "Tornado Cash"), not the class."""
    return start > 0 and not doc[start].is_sent_start and all(t.is_title for t in doc[start:end])
