"""Facts a text states about an event beyond its roles: method, amounts, and what goods were declared as."""

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from spyglass.packaged import data_yaml

QUOTES = '"“”‘’'


@dataclass(frozen=True)
class AttributeCues:
    methods: dict[str, str]
    as_verbs: frozenset[str]
    saying_verbs: frozenset[str]
    goods: frozenset[str]
    reach: int
    value: re.Pattern[str]
    quantity: re.Pattern[str]


@cache
def cues() -> AttributeCues:
    raw: dict[str, Any] = data_yaml("events", "attributes.yaml")
    d = raw["declared"]
    return AttributeCues(
        methods=raw["methods"],
        as_verbs=frozenset(d["as_verbs"]),
        saying_verbs=frozenset(d["saying_verbs"]),
        goods=frozenset(d["goods"]),
        reach=int(d["reach"]),
        value=re.compile(raw["value_pattern"], re.IGNORECASE),
        quantity=re.compile(raw["quantity_pattern"], re.IGNORECASE),
    )


def _clean(text: str) -> str:
    return " ".join(text.translate({ord(q): None for q in QUOTES}).split()).strip(" ,.;:")


def stated_attributes(trigger: Token) -> dict[str, str]:
    """Method named in the trigger's sentence; value and quantity stated in the trigger's phrase."""
    c = cues()
    out: dict[str, str] = {}
    sent = trigger.sent.text.lower()
    for phrase, method in c.methods.items():
        if phrase in sent:
            out.setdefault("method", method)
    phrase = (
        trigger.doc[trigger.left_edge.i : trigger.right_edge.i + 1].text
        if trigger.doc.has_annotation("DEP")
        else trigger.sent.text
    )
    if (m := c.value.search(phrase)) is not None:
        out["value"] = m[0]
    if (m := c.quantity.search(phrase)) is not None:
        out["quantity"] = m[0]
    return out


def _declared_in(sent: Span, c: AttributeCues) -> str | None:
    for t in sent:
        lemma = t.lemma_.lower() or t.lower_
        if lemma in c.as_verbs:
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                    if obj is not None:
                        return _clean(sent.doc[obj.left_edge.i : obj.right_edge.i + 1].text)
        if lemma in c.saying_verbs:
            for comp in t.children:
                if comp.dep_ != "ccomp" or comp.lemma_ != "be":
                    continue
                attr = next((a for a in comp.children if a.dep_ == "attr"), None)
                goods = [g for g in t.subtree if g.i < comp.i and g.lemma_.lower() in c.goods and g.pos_ != "VERB"]
                if attr is not None and goods:
                    return _clean(sent.doc[attr.left_edge.i : attr.right_edge.i + 1].text)
    return None


def declarations(doc: Doc) -> list[tuple[int, str]]:
    """(sentence number, what goods were declared as) for each sentence that says so."""
    c = cues()
    out = []
    for k, sent in enumerate(doc.sents):
        if doc.has_annotation("DEP"):
            found = _declared_in(sent, c)
        else:
            m = re.search(r"\b(?:declared|labell?ed|described|disguised|passed off) as ([^,.;]+)", sent.text)
            found = _clean(m[1]) if m else None
        if found:
            out.append((k, found))
    return out
