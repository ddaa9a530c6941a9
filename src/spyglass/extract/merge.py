"""Shape the candidate mentions: widen goods and weapons over their modifiers, resolve overlaps (the longest span
wins, then the highest-priority source), join a designator to its class ("Kh-101 cruise missiles"), and find the
later bare uses of a name found once in context ("the tanker Yu Jong 2" ... "the Yu Jong 2")."""

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

# Lower is stronger: the knowledge base, then domain patterns, then the statistical model.
PRIORITY = {"gazetteer": 0, "pattern": 1, "ner": 2}
WIDENED = ("ITEM", "WEAPON")


KIND_ORDER = {"definite": 3, "goods": 2, "unnamed": 1}


def priority(span: Span) -> tuple[int, int]:
    """Source first; among patterns a name beats an unnamed-actor phrase, which beats a definite description."""
    source, _, kind = span.id_.partition(":")
    return PRIORITY[source], KIND_ORDER.get(kind, 0)


def widen(span: Span, modifiers: frozenset[str], tails: frozenset[str]) -> Span:
    """A good or weapon with its modifiers: hyphenated compounds and listed words before it ("radiation-hardened
    microchips"), listed nouns after it ("centrifuge designs"). Other spans (and the parse-found goods, whose
    modifiers the parse chose) are returned as they are."""
    if span.label_ not in WIDENED or span.id_ in ("pattern:definite", "pattern:goods"):
        return span
    if span.label_ == "WEAPON" and not span.kb_id_.startswith("class:"):
        return span  # a designator names the weapon: "the new-type Hwasong-11" is the Hwasong-11
    doc, start, end = span.doc, span.start, span.end
    while span.label_ == "ITEM" and end < len(doc) and doc[end].lower_ in tails:
        end += 1
    while start > 0:
        chain = start - 1
        while (
            chain >= 2
            and doc[chain - 1].text == "-"
            and not (doc[chain - 1].whitespace_ or doc[chain - 2].whitespace_)
            and _modifier_word(doc[chain - 2])
            and _modifier_word(doc[chain])
        ):
            chain -= 2
        if chain < start - 1:
            start = chain
        elif doc[start - 1].lower_ in modifiers:
            start -= 1
        else:
            break
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_)


def is_modifier(span: Span, nouns: frozenset[str]) -> bool:
    """A generic good or weapon used as a modifier ("uranium enrichment site", "drone attacks") names no item (the
    parse-found goods of `goods` already made that choice)."""
    doc = span.doc
    if span.id_ == "pattern:goods":
        return False
    return span.label_ in WIDENED and span.text[:1].islower() and span.end < len(doc) and doc[span.end].lower_ in nouns


def _modifier_word(token: Token) -> bool:
    """A word of a hyphenated modifier: lowercase ("high-grade") or a place ("US-made")."""
    return token.is_lower or token._.sg_place


def select(candidates: Iterable[Span]) -> list[Span]:
    """Non-overlapping mentions in document order."""
    taken: set[int] = set()
    chosen: list[Span] = []
    candidates = list(candidates)
    linked = [c for c in candidates if c.kb_id_ and c.id_ == "gazetteer:name"]
    for span in sorted(candidates, key=lambda s: (-(s.end - s.start), priority(s), s.start)):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        chosen.append(inherit_link(span, linked))
    return sorted(chosen, key=lambda s: s.start)


def inherit_link(span: Span, linked: list[Span]) -> Span:
    """A longer facility name around a knowledge-base facility ("the Punggye-ri test ground" around "Punggye-ri")
    is that facility (an organisation around another, "IRGC Cyber-Electronic Command", is a unit of its own)."""
    if span.kb_id_ or span.id_ == "pattern:unnamed" or span.label_ != "FACILITY":
        return span
    inner = [
        g
        for g in linked
        if g.label_ == span.label_ and span.start <= g.start and g.end <= span.end and g.text[:1].isupper()
    ]
    if not inner:
        return span
    if span.id_ == "pattern:definite":  # "the Natanz enrichment plant" names the known site
        return Span(
            span.doc, span.start + 1, span.end, label=span.label_, kb_id=inner[0].kb_id_, span_id="pattern:named"
        )
    return Span(span.doc, span.start, span.end, label=span.label_, kb_id=inner[0].kb_id_, span_id=span.id_)


CLASS_GAP = 3  # lowercase words between a designator and its class: "Hwasong-11 tactical ballistic missile"


def class_modifier(t: Token) -> bool:
    """A word that can stand between a designator and its class ("tactical", "nuclear-powered"); never a function
    word ("Hwasong-11 and two cruise missiles", "a Hwasong-11 from a mobile launcher") or a finite verb."""
    modifier = t.pos_ in ("ADJ", "ADV", "NOUN", "PROPN") or t.tag_ in ("VBN", "VBG")
    return t.text == "-" or (t.is_lower and not t.is_stop and modifier)


def join_classes(mentions: list[Span]) -> list[Span]:
    """A named weapon followed by its class ("Hwasong-14 ICBM", "Shahed drones"), directly or past a few lowercase
    words ("Hwasong-11 tactical ballistic missile"), is one mention of the named weapon."""
    out: list[Span] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(gap := m.doc[prev.end : m.start]) <= CLASS_GAP
            and all(class_modifier(t) for t in gap)
            and prev.label_ == m.label_ == "WEAPON"
            and m.kb_id_.startswith("class:")
            and not prev.kb_id_.startswith("class:")
        ):
            out[-1] = Span(m.doc, prev.start, m.end, label=prev.label_, kb_id=prev.kb_id_, span_id=prev.id_)
        else:
            out.append(m)
    return out


def short_forms(m: Span) -> list[tuple[str, ...]]:
    """The leading words of a company's name of three words or more ("Sino Atlas" of "Sino Atlas Components Ltd"),
    never ending on a place or a small word ("North Korean", "Bank of")."""
    if m.label_ != "ORGANIZATION" or m.id_ != "pattern:named" or len(m) < 3:
        return []
    return [
        tuple(t.lower_ for t in m[:n])
        for n in range(2, len(m))
        if m[n - 1].is_title and not m[n - 1].is_stop and not m[n - 1]._.sg_place and not m[0]._.sg_place
    ]


def propagate(doc: Doc, mentions: list[Span]) -> list[Span]:
    """Every other occurrence of a name the patterns or the model found once (or of a company's short name) becomes
    a mention too, replacing
    shorter mentions inside it (a designator inside a ship's name, a definite description), and never cutting
    across another mention."""
    names: dict[str, set[tuple[str, ...]]] = {}
    source: dict[tuple[str, ...], Span] = {}
    for m in mentions:
        if m.id_ in ("pattern:named", "ner") and m[0].text[:1].isupper():
            for key in [tuple(t.lower_ for t in m), *short_forms(m)]:
                names.setdefault(key[0], set()).add(key)
                source.setdefault(key, m)
    kept = list(mentions)
    for token in doc:
        for key in names.get(token.lower_, ()):
            end = token.i + len(key)
            if end > len(doc) or tuple(t.lower_ for t in doc[token.i : end]) != key:
                continue
            inside = [m for m in kept if m.start < end and token.i < m.end]
            blocking = [m for m in inside if not (m.id_ == "pattern:definite" and token.i <= m.start and m.end <= end)]
            if any(m.start < token.i or m.end > end or (m.start, m.end) == (token.i, end) for m in blocking):
                continue
            src = source[key]
            kept = [m for m in kept if m not in inside]
            kept.append(Span(doc, token.i, end, label=src.label_, kb_id=src.kb_id_, span_id=src.id_))
    return sorted(kept, key=lambda s: s.start)
